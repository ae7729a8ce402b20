import { describeInput } from './describe';
import { InputProblems, isUnresolved } from './validation';

/** The operations a Terraform `timeouts` block of these resources has. */
const OPERATIONS = ['create', 'read', 'update', 'delete'] as const;

/** Go's `time.ParseDuration` units, in nanoseconds. */
const UNITS: { readonly [unit: string]: bigint } = {
  ns: 1n,
  us: 1_000n,
  '\u00b5s': 1_000n, // micro sign
  '\u03bcs': 1_000n, // Greek mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};
const LIMIT = 1n << 63n;

/**
 * Checks a `timeouts` prop: an object with `create`, `read`, `update` and `delete`, each a duration Terraform parses
 * with Go's `time.ParseDuration` (`"90m"`, `"1h30m"`, `"30s"`, `"1.5h"`). Tokens pass.
 */
export function checkTimeouts(problems: InputProblems, subject: string, timeouts: unknown): void {
  if (timeouts === undefined || isUnresolved(timeouts)) return;
  if (typeof timeouts !== 'object' || timeouts === null || Array.isArray(timeouts)) {
    problems.add(
      `${subject} ${describeInput(timeouts)} is invalid: an object { create?, read?, update?, delete? } of durations such as "90m". Pass an object, or leave timeouts out for the provider's defaults.`,
    );
    return;
  }
  for (const [key, value] of Object.entries(timeouts)) {
    if (!(OPERATIONS as readonly string[]).includes(key)) {
      problems.add(
        `${subject} has "${key}", which is no timeout of this resource; the block has ${OPERATIONS.join(', ')}. Remove it${suggestedKey(key)}.`,
      );
      continue;
    }
    if (value === undefined || isUnresolved(value)) continue;
    const problem = typeof value === 'string' ? durationProblem(value) : 'a duration is a string';
    if (problem !== undefined) {
      const fix = suggestedDuration(value);
      problems.add(
        `${subject}.${key} ${describeInput(value)} is invalid: a Terraform duration such as "90m", "1h30m" or "30s" (${problem}).${fix === undefined ? '' : ` Use "${fix}".`}`,
      );
    }
  }
}

/**
 * Why Go's `time.ParseDuration` refuses `text`, or undefined when it parses (and is not negative: a deadline in the
 * past fails every operation). One pass over the text, no regular expression.
 */
export function durationProblem(text: string): string | undefined {
  let rest = text;
  if (rest.startsWith('-')) return 'it is negative';
  if (rest.startsWith('+')) rest = rest.slice(1);
  if (rest === '0') return undefined;
  if (rest === '') return 'it is empty';
  // Go's algorithm, step by step: integer part with overflow checks, fraction through float64, sum at most 2^63 - 1.
  let total = 0n;
  let i = 0;
  while (i < rest.length) {
    const start = i;
    let whole = 0n;
    while (i < rest.length && isDigit(rest[i])) {
      whole = whole * 10n + BigInt(rest.charCodeAt(i) - 48);
      if (whole > LIMIT) return 'it is too long';
      i++;
    }
    const pre = i > start;
    let fraction = 0;
    let scale = 1;
    let post = false;
    if (rest[i] === '.') {
      i++;
      const fractionStart = i;
      let overflow = false;
      while (i < rest.length && isDigit(rest[i])) {
        // Digits past float64's reach no longer change the value (Go's leadingFraction).
        if (!overflow && fraction <= Number.MAX_SAFE_INTEGER / 10) {
          fraction = fraction * 10 + (rest.charCodeAt(i) - 48);
          scale *= 10;
        } else {
          overflow = true;
        }
        i++;
      }
      post = i > fractionStart;
    }
    if (!pre && !post) return `expected a number at ${JSON.stringify(rest.slice(start, start + 10))}`;
    const unitStart = i;
    while (i < rest.length && rest[i] !== '.' && !isDigit(rest[i])) i++;
    const unit = rest.slice(unitStart, i);
    if (unit === '') return `${JSON.stringify(rest.slice(start, Math.min(i, start + 20)))} has no unit (ns, us, ms, s, m or h)`;
    const scaleOfUnit = UNITS[unit];
    if (scaleOfUnit === undefined) return `unknown unit ${JSON.stringify(unit.slice(0, 10))} (use ns, us, ms, s, m or h)`;
    if (whole > LIMIT / scaleOfUnit) return 'it is too long';
    let value = whole * scaleOfUnit;
    if (fraction > 0) {
      value += BigInt(Math.trunc(fraction * (Number(scaleOfUnit) / scale)));
      if (value > LIMIT) return 'it is too long';
    }
    total += value;
    if (total > LIMIT) return 'it is too long';
  }
  return total > LIMIT - 1n ? 'it is too long' : undefined;
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

const WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:hours?|hrs?)$/, 'h'],
  [/^(?:minutes?|mins?)$/, 'm'],
  [/^(?:seconds?|secs?)$/, 's'],
];

/** `90` → `90m`, `"90 minutes"` → `90m`, `"1h 30m"` → `1h30m`; nothing when no simple repair exists. */
function suggestedDuration(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return `${value}m`;
  if (typeof value !== 'string' || value.length > 40) return undefined;
  const compact = value.trim().toLowerCase();
  const parts = compact.split(' ').filter((part) => part !== '');
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const unit = WORDS.find(([pattern]) => pattern.test(parts[i + 1] ?? ''));
    if (/^\d+(?:\.\d+)?$/.test(parts[i]) && unit !== undefined) {
      words.push(`${parts[i]}${unit[1]}`);
      i++;
    } else {
      words.push(parts[i]);
    }
  }
  const candidate = words.join('');
  if (durationProblem(candidate) === undefined) return candidate !== value ? candidate : undefined;
  return /^\d+$/.test(candidate) ? `${candidate}m` : undefined;
}

function suggestedKey(key: string): string {
  const match = OPERATIONS.find((operation) => operation === key.toLowerCase().trim());
  return match === undefined ? '' : `, or write "${match}"`;
}
