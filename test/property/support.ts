import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, TerraformStack } from 'cdktf';
import * as fc from 'fast-check';
import { HealthDataValidationError } from '../../lib';

/**
 * The naming rules of DESIGN.md §3, written out here on purpose instead of imported from the library: the
 * properties compare the library against the design, not against itself.
 */
export const DESIGN_RULES = {
  workspace: (name: string): boolean => /^[a-z0-9]{3,24}$/.test(name),
  service: (name: string): boolean => /^[0-9a-zA-Z][-0-9a-zA-Z]{1,22}[0-9a-zA-Z]$/.test(name),
  resourceGroup: (name: string): boolean => name.length <= 90 && /^[-\w._()]+$/.test(name) && !name.endsWith('.'),
  eventHubNamespace: (name: string): boolean => /^[a-zA-Z][-a-zA-Z0-9]{4,48}[a-zA-Z0-9]$/.test(name),
  eventHub: (name: string): boolean => /^[a-zA-Z0-9]([-._a-zA-Z0-9]{0,254}[a-zA-Z0-9])?$/.test(name),
  consumerGroup: (name: string): boolean => /^[a-zA-Z0-9]([-._a-zA-Z0-9]{0,48}[a-zA-Z0-9])?$/.test(name),
};

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const DIGITS = '0123456789';
const chars = (alphabet: string): fc.Arbitrary<string> => fc.constantFrom(...alphabet.split(''));
const word = (alphabet: string, minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: chars(alphabet), minLength, maxLength });

/** Valid names, built from each rule's alphabet and lengths (not from a regular expression). */
export const VALID = {
  workspace: word(LOWER + DIGITS, 3, 24),
  service: fc
    .tuple(chars(LOWER + UPPER + DIGITS), word(LOWER + UPPER + DIGITS + '-', 1, 22), chars(LOWER + UPPER + DIGITS))
    .map((parts) => parts.join('')),
  resourceGroup: fc.tuple(word(LOWER + UPPER + DIGITS + '-_.()', 0, 89), chars(LOWER + UPPER + DIGITS + '-_()')).map((parts) => parts.join('')),
  eventHubNamespace: fc
    .tuple(chars(LOWER + UPPER), word(LOWER + UPPER + DIGITS + '-', 4, 48), chars(LOWER + UPPER + DIGITS))
    .map((parts) => parts.join('')),
  eventHub: fc.oneof(
    chars(LOWER + UPPER + DIGITS),
    fc
      .tuple(chars(LOWER + UPPER + DIGITS), word(LOWER + UPPER + DIGITS + '-._', 0, 254), chars(LOWER + UPPER + DIGITS))
      .map((parts) => parts.join('')),
  ),
  consumerGroup: fc.oneof(
    chars(LOWER + UPPER + DIGITS),
    fc
      .tuple(chars(LOWER + UPPER + DIGITS), word(LOWER + UPPER + DIGITS + '-._', 0, 48), chars(LOWER + UPPER + DIGITS))
      .map((parts) => parts.join('')),
  ),
};

/**
 * Candidate names near the rules' edges: mostly characters of the alphabets, sometimes one that is not (space,
 * underscore, dot, unicode, '$'), lengths from 0 to past the limits. About half are valid, half not.
 */
export function nearNames(maxLength: number): fc.Arbitrary<string> {
  const unit = fc.oneof(
    { weight: 20, arbitrary: chars(LOWER + DIGITS) },
    { weight: 4, arbitrary: chars(UPPER) },
    { weight: 4, arbitrary: fc.constant('-') },
    { weight: 1, arbitrary: chars('_.() $/') },
    { weight: 1, arbitrary: fc.constantFrom('é', 'ß', 'ｈ', '\u200b', '🏥', 'ص') },
  );
  return fc.string({ unit, minLength: 0, maxLength });
}

/**
 * Names one edit away from a valid one: a character inserted or replaced (by one outside the alphabet or not), a
 * hyphen at either end, uppercased, or made too long or too short. Together with the valid names themselves this
 * gives the oracle both classes in good numbers.
 */
export function nearly(valid: fc.Arbitrary<string>, maxLength: number): fc.Arbitrary<string> {
  const edits = ['insert', 'replace', 'hyphen-first', 'hyphen-last', 'upper', 'too-long', 'too-short'] as const;
  const odd = fc.constantFrom('-', '_', '.', ' ', 'A', 'z', '0', 'é', '$', '(', '\u200b');
  return fc.tuple(valid, fc.constantFrom(...edits), fc.nat(), odd).map(([name, edit, at, c]) => {
    const i = name.length === 0 ? 0 : at % name.length;
    switch (edit) {
      case 'insert':
        return name.slice(0, i) + c + name.slice(i);
      case 'replace':
        return name.slice(0, i) + c + name.slice(i + 1);
      case 'hyphen-first':
        return `-${name}`;
      case 'hyphen-last':
        return `${name}-`;
      case 'upper':
        return name.toUpperCase();
      case 'too-long':
        return name.padEnd(maxLength + 1 + (at % 3), name[0] ?? 'a');
      case 'too-short':
        return name.slice(0, at % 3);
    }
  });
}

/** Valid names, names one edit away, and loose strings near the alphabets. */
export function candidates(valid: fc.Arbitrary<string>, maxLength: number): fc.Arbitrary<string> {
  return fc.oneof(valid, nearly(valid, maxLength), nearNames(maxLength + 4));
}

/** Where apps that are only constructed (never synthesized) point; App() only creates the folder. */
const UNUSED_OUTDIR = path.join(os.tmpdir(), 'ahds-property-unused');

/** A fresh app and stack (with an azurerm provider) per run. */
export function newStack(outdir = UNUSED_OUTDIR): { app: App; stack: TerraformStack } {
  const app = new App({ outdir, skipBackendValidation: true });
  const stack = new TerraformStack(app, 'stack');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  return { app, stack };
}

/**
 * Builds the app (and, with `synthesize`, runs the real `app.synth()` into a temporary folder), and tells whether
 * the input was accepted. Our validation error means rejected; any other error is a crash and fails the property.
 */
export function accepts(build: (stack: TerraformStack) => void, synthesize = false): boolean {
  const outdir = synthesize ? fs.mkdtempSync(path.join(os.tmpdir(), 'ahds-property-')) : UNUSED_OUTDIR;
  const { app, stack } = newStack(outdir);
  try {
    build(stack);
    if (synthesize) app.synth();
    return true;
  } catch (error) {
    if (error instanceof HealthDataValidationError) return false;
    throw error;
  } finally {
    if (synthesize) fs.rmSync(outdir, { recursive: true, force: true });
  }
}
