/** What the mapping checks report, and the small helpers every check uses to report it. */

export type MappingFindingLevel = 'error' | 'warning';

export interface MappingFinding {
  /** `error`: the service rejects the mapping or fails on every message it applies to; `warning`: it works, but likely not as meant. */
  readonly level: MappingFindingLevel;
  /** Where in the document, e.g. `deviceMapping.template[2].template.values[0].valueExpression`. */
  readonly path: string;
  /** What is wrong, the value received, the rule, and how to fix it. */
  readonly message: string;
}

export interface MappingCheckOptions {
  /**
   * Returns true for values unknown until deploy (cdktf tokens); such values are never rejected.
   * @default no value is treated as unresolved
   */
  readonly isUnresolved?: (value: unknown) => boolean;
}

/** How bad a rule's violation is, and what it does at run time (for the message). */
export interface RuleOutcome {
  readonly level: MappingFindingLevel;
  readonly consequence: string;
}

/** Collects findings in document order and answers whether a value is unresolved. */
export class FindingCollector {
  readonly findings: MappingFinding[] = [];

  constructor(private readonly options: MappingCheckOptions = {}) {}

  add(level: MappingFindingLevel, path: string, message: string): void {
    this.findings.push({ level, path, message });
  }

  error(path: string, message: string): void {
    this.add('error', path, message);
  }

  warning(path: string, message: string): void {
    this.add('warning', path, message);
  }

  isUnresolved(value: unknown): boolean {
    return this.options.isUnresolved?.(value) === true;
  }
}

/** `parent.key`, or `parent["odd key"]` when the key is not a plain identifier. */
export function childPath(parent: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

export function indexPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}

const MAX_SHOWN_STRING = 200;

/** The text, cut to a length fit for a message. */
export function shorten(text: string): string {
  return text.length > MAX_SHOWN_STRING ? `${text.slice(0, MAX_SHOWN_STRING)}…` : text;
}

/** A short, safe rendering of a received value for messages; never serializes objects (they may be huge or cyclic). */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(shorten(value));
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `an array (${value.length} item${value.length === 1 ? '' : 's'})`;
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** `"a", "b" or "c"` */
export function quotedList(items: readonly string[], conjunction = 'or'): string {
  const quoted = items.map((item) => `"${item}"`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1]}`;
}
