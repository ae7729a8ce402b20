import { Token } from './platform/cdktf';

/** How a message shows a value that only Terraform knows, instead of cdktf's `${TfToken[TOKEN.31]}`. */
export const APPLY_TIME_VALUE = '(a value known only at apply)';

/** cdktf's string, list and map token markers (`${TfToken[...]}`, `#{TfToken[...]}`, `&{TfToken[...]}`). */
const TOKEN_MARKER = /[$#&]\{TfToken\[[a-zA-Z0-9:._-]+\]\}/g;

/** Messages show at most this much of an object or array; the rest is elided. */
const MAX_SHOWN = 200;
/** A string up to this long is shown whole (a name one character too long should be seen); a longer one is cut. */
const MAX_WHOLE_STRING = 1000;

/**
 * A short rendering of a received value for a message: strings quoted (cut when over 1,000 characters, with their
 * length), tokens and the token parts of strings as {@link APPLY_TIME_VALUE}, objects and arrays as JSON cut at 200
 * characters. Never throws and never walks more than it shows (cyclic, shared, very deep or huge values, BigInts,
 * symbols and null-prototype objects alike).
 */
export function describeInput(value: unknown): string {
  if (typeof value === 'string') return quoted(value);
  const out = new Bounded(MAX_SHOWN);
  render(value, out, new Set());
  return out.text;
}

/** A string with every cdktf token marker replaced by {@link APPLY_TIME_VALUE}. */
export function withoutTokenMarkers(text: string): string {
  return text.replace(TOKEN_MARKER, APPLY_TIME_VALUE);
}

/** Text that stops growing at a limit; anything past it becomes one "...". */
class Bounded {
  private readonly parts: string[] = [];
  private length = 0;
  private cut = false;
  constructor(private readonly limit: number) {}

  get full(): boolean {
    return this.length >= this.limit;
  }

  add(text: string): void {
    const room = this.limit - this.length;
    if (text.length > room) {
      this.cut = true;
      if (room > 0) this.parts.push(text.slice(0, room));
      this.length = this.limit;
      return;
    }
    this.parts.push(text);
    this.length += text.length;
  }

  get text(): string {
    return `${this.parts.join('')}${this.cut ? '...' : ''}`;
  }
}

function render(value: unknown, out: Bounded, path: Set<object>): void {
  if (out.full) {
    out.add('.');
    return;
  }
  if (typeof value === 'string') {
    out.add(quoted(value));
    return;
  }
  if (isToken(value)) {
    out.add(APPLY_TIME_VALUE);
    return;
  }
  switch (typeof value) {
    case 'number':
    case 'boolean':
      out.add(String(value));
      return;
    case 'bigint':
      out.add(`${value.toString()}n`);
      return;
    case 'undefined':
      out.add('undefined');
      return;
    case 'symbol':
      out.add(value.description === undefined ? 'a symbol' : `Symbol(${value.description})`);
      return;
    case 'function':
      out.add('a function');
      return;
  }
  if (value === null) {
    out.add('null');
    return;
  }
  const object = value as object;
  if (path.has(object)) {
    out.add('(itself)');
    return;
  }
  path.add(object);
  if (Array.isArray(object)) {
    out.add('[');
    for (let i = 0; i < object.length && !out.full; i++) {
      if (i > 0) out.add(',');
      render(object[i], out, path);
    }
    out.add(']');
  } else {
    out.add('{');
    let first = true;
    for (const key of ownKeys(object)) {
      if (out.full) break;
      if (!first) out.add(',');
      first = false;
      out.add(`${quoted(key)}:`);
      render(readProperty(object, key), out, path);
    }
    out.add('}');
  }
  path.delete(object);
}

/** A string as JSON text, its token markers replaced; a string that is one token is shown without quotes. */
function quoted(text: string): string {
  if (isWholeToken(text)) return APPLY_TIME_VALUE;
  const shown = text.length > MAX_WHOLE_STRING ? `${text.slice(0, MAX_SHOWN)}... (${text.length.toLocaleString('en')} characters)` : text;
  return JSON.stringify(withoutTokenMarkers(shown));
}

function isWholeToken(text: string): boolean {
  if (!text.startsWith('${TfToken[') && !text.startsWith('#{TfToken[')) return false;
  return text.replace(TOKEN_MARKER, '') === '' && text.indexOf('}') === text.length - 1;
}

function isToken(value: unknown): boolean {
  // Only a one-element array can be a list token; asking cdktf about a long array lists all its indices.
  if (Array.isArray(value) && value.length !== 1) return false;
  try {
    return Token.isUnresolved(value);
  } catch {
    return false;
  }
}

function ownKeys(object: object): string[] {
  try {
    return Object.keys(object);
  } catch {
    return [];
  }
}

function readProperty(object: object, key: string): unknown {
  try {
    return (object as Record<string, unknown>)[key];
  } catch {
    return '(unreadable)';
  }
}
