import * as path from 'path';
import { checkSync } from 'recheck';
import { libraryFiles, LIB, RegexSite, scanLibrary } from './regex-inventory';

/**
 * Every regular expression in lib/ must run in linear time on hostile input (a backtracking CORS origin check hung
 * synth for minutes on a trailing slash). The inventory is taken from the source on every run, so a regex added
 * later is checked too.
 */
const { literals, dynamic } = scanLibrary();

/** Hostile strings are this long; a linear regex takes well under a millisecond per 100k characters. */
const HOSTILE_LENGTH = 100_000;
/** Generous, so that a loaded CI machine does not flake; a backtracking regex takes seconds to hours here. */
const BOUND_MS = 200;

describe('regular expressions in lib/', () => {
  test('the scan finds the library and its regexes', () => {
    expect(libraryFiles().length).toBeGreaterThan(50);
    // Spot checks that the scanner reads what it should: the CORS origin rule and a flagged sticky lexer rule.
    expect(literals.some((site) => site.where.startsWith(path.join('lib', 'core', 'cors.ts')) && site.source.includes('[hH][tT][tT][pP]'))).toBe(
      true,
    );
    expect(literals.some((site) => site.flags.includes('y'))).toBe(true);
  });

  test('every RegExp is a literal, so that the checks below see it', () => {
    // A `new RegExp(variable)` cannot be checked statically: build the pattern from a literal, or match without one.
    // The one exception is the user's own `=~` pattern in a MedTech mapping, which the offline evaluator runs on the
    // user's own sample messages, as the service does (the pattern is the user's input, not the library's).
    const USER_PATTERN = path.join('lib', 'medtech', 'mapping', 'evaluator', 'json-path-evaluator.ts');
    expect(dynamic.filter((where) => !where.startsWith(`${USER_PATTERN}:`))).toEqual([]);
    expect(dynamic.filter((where) => where.startsWith(`${USER_PATTERN}:`)).length).toBeLessThanOrEqual(1);
  });

  test('recheck finds every pattern safe (no exponential or polynomial backtracking)', () => {
    const unsafe = literals
      .map((site) => ({ site, result: checkSync(site.source, site.flags, { timeout: 20_000 }) }))
      .filter(({ result }) => result.status !== 'safe')
      .map(
        ({ site, result }) =>
          `${site.where} /${site.source}/${site.flags}: ${result.status}${result.status === 'vulnerable' ? ` (${result.complexity.type}; attack ${result.attack.pattern})` : ''}`,
      );
    expect(unsafe).toEqual([]);
  });

  test(`each pattern runs on ${HOSTILE_LENGTH.toLocaleString('en')}-character hostile strings in under ${BOUND_MS} ms`, () => {
    const slow: string[] = [];
    for (const site of literals) {
      const regex = new RegExp(site.source, site.flags);
      for (const text of hostileStrings(site)) {
        const elapsed = fastestOf(() => run(regex, text));
        if (elapsed > BOUND_MS)
          slow.push(`${site.where} /${site.source}/${site.flags} took ${Math.round(elapsed)} ms on ${JSON.stringify(text.slice(0, 20))}...`);
      }
    }
    expect(slow).toEqual([]);
  });

  test(`every exported rule (test and fix) runs on hostile strings in under ${BOUND_MS} ms`, () => {
    const rules = exportedRules();
    expect(rules.length).toBeGreaterThan(10);
    const slow: string[] = [];
    for (const { name, rule } of rules) {
      for (const text of genericHostileStrings()) {
        const elapsed = fastestOf(() => {
          rule.test(text);
          rule.fix?.(text);
        });
        if (elapsed > BOUND_MS) slow.push(`${name} took ${Math.round(elapsed)} ms on ${JSON.stringify(text.slice(0, 20))}...`);
      }
    }
    expect(slow).toEqual([]);
  });
});

/**
 * The time of the fastest of up to three runs: a backtracking regex is slow every time, a garbage collection or a
 * busy machine only sometimes.
 */
function fastestOf(work: () => void): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3 && fastest > BOUND_MS; attempt++) {
    const started = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

/** Uses a regex the way the library does: `replace` for global ones, `test` (from the start) otherwise. */
function run(regex: RegExp, text: string): void {
  regex.lastIndex = 0;
  if (regex.global) text.replace(regex, '');
  else regex.test(text);
}

/**
 * Long runs of each character the pattern mentions (and a few common ones), alone, after a plausible prefix, and
 * alternating with a separator, each ended by a character that makes the match fail: the shapes that make
 * backtracking regexes try every way of splitting the run.
 */
function hostileStrings(site: RegexSite): string[] {
  const mentioned = [...new Set(site.source.replace(/\\[dDwWsSbB]/g, '').split(''))].filter((c) => /[\w.\-/:@ ,=]/.test(c));
  const alphabet = [...new Set([...mentioned.slice(0, 12), 'a', 'Z', '0', '-', '.', '_', '/', ' '])];
  const strings: string[] = [];
  for (const c of alphabet) {
    const run = c.repeat(HOSTILE_LENGTH);
    strings.push(`${run}\u0000`, `https://${run}/`, `${run.slice(0, HOSTILE_LENGTH / 2)}${'.-'.repeat(HOSTILE_LENGTH / 4)}!`);
  }
  return strings;
}

function genericHostileStrings(): string[] {
  const n = HOSTILE_LENGTH;
  return [
    'a'.repeat(n),
    `${'a'.repeat(n)}!`,
    `https://${'a'.repeat(n)}/`,
    `https://${'a.'.repeat(n / 2)}/`,
    `${'-'.repeat(n)}a`,
    `${'.'.repeat(n)}a`,
    `${'_'.repeat(n)}a`,
    `/subscriptions/${'/'.repeat(n)}`,
    `/subscriptions/${'x/'.repeat(n / 2)}`,
    `${'é'.repeat(n)}`,
    `${'0'.repeat(n)}-`,
    `${' '.repeat(n)}x`,
  ];
}

interface RuleLike {
  readonly requirement: string;
  test(value: unknown): boolean;
  fix?(value: unknown): string | undefined;
}

/** Every exported `ValueRule` of every lib module (and rules returned by exported rule builders, e.g. resource ids). */
function exportedRules(): Array<{ name: string; rule: RuleLike }> {
  const found: Array<{ name: string; rule: RuleLike }> = [];
  for (const file of libraryFiles()) {
    const exports = require(file) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (isRule(value)) found.push({ name: `${path.relative(LIB, file)}#${name}`, rule: value });
    }
  }
  return found;
}

function isRule(value: unknown): value is RuleLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as RuleLike).requirement === 'string' &&
    typeof (value as RuleLike).test === 'function'
  );
}
