/**
 * Reads JSON text into tokens the way the MedTech engine's Json.NET `JsonTextReader` does with default settings:
 * integers and floats stay distinct, ISO date strings become Date tokens, comments are skipped, single-quoted strings
 * and unquoted property names are accepted, a repeated name replaces the earlier value, nesting stops at 64 levels.
 */
import { parseJsonNetDate } from './dotnet-datetime';
import { JArray, jarray, jboolean, jdate, jfloat, jinteger, jnull, jobject, JToken, jstring, MAX_DEPTH } from './json-token';

export type JsonTextResult = { readonly ok: true; readonly token: JToken } | { readonly ok: false; readonly message: string };

export interface JsonTextOptions {
  /** Turn ISO date strings into Date tokens (`DateParseHandling.DateTime`, Json.NET's default). */
  readonly readDates: boolean;
  /**
   * Ignore whatever follows the first value, as `JToken.ReadFrom` does (the engine reads event bodies that way);
   * otherwise trailing text is an error, as in `JToken.Parse`.
   */
  readonly allowTrailingText: boolean;
}

class JsonTextError extends Error {}

export function readJsonText(text: string, options: JsonTextOptions): JsonTextResult {
  const reader = new Reader(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, options.readDates);
  try {
    reader.skipInsignificant();
    if (reader.atEnd()) throw reader.error('Error reading JToken from JsonReader.');
    const token = reader.readValue(0);
    reader.skipInsignificant();
    if (!options.allowTrailingText && !reader.atEnd()) throw reader.error('Additional text found in JSON string after parsing content.');
    return { ok: true, token };
  } catch (error) {
    if (error instanceof JsonTextError) return { ok: false, message: error.message };
    throw error;
  }
}

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', "'": "'", '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class Reader {
  private position = 0;

  constructor(
    private readonly text: string,
    private readonly readDates: boolean,
  ) {}

  atEnd(): boolean {
    return this.position >= this.text.length;
  }

  error(message: string): JsonTextError {
    const before = this.text.slice(0, this.position);
    const line = before.split('\n').length;
    return new JsonTextError(`${message} Line ${line}, position ${this.position - before.lastIndexOf('\n')}.`);
  }

  skipInsignificant(): void {
    for (;;) {
      const c = this.text[this.position];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v' || c === '\u00a0' || c === '\ufeff') {
        this.position++;
      } else if (c === '/' && this.text[this.position + 1] === '/') {
        const end = this.text.indexOf('\n', this.position);
        this.position = end < 0 ? this.text.length : end + 1;
      } else if (c === '/' && this.text[this.position + 1] === '*') {
        const end = this.text.indexOf('*/', this.position + 2);
        if (end < 0) throw this.error('Unexpected end while parsing comment.');
        this.position = end + 2;
      } else {
        return;
      }
    }
  }

  readValue(depth: number): JToken {
    this.skipInsignificant();
    const c = this.text[this.position];
    if (c === undefined) throw this.error('Unexpected end when reading JSON.');
    if (c === '{' || c === '[') {
      if (depth >= MAX_DEPTH) throw this.error(`The reader's MaxDepth of ${MAX_DEPTH} has been exceeded.`);
      return c === '{' ? this.readObject(depth + 1) : this.readArray(depth + 1);
    }
    if (c === '"' || c === "'") {
      const value = this.readString(c);
      const date = this.readDates ? parseJsonNetDate(value) : undefined;
      return date !== undefined ? jdate(date) : jstring(value);
    }
    if (c === '-' || (c >= '0' && c <= '9')) return this.readNumber();
    for (const [word, token] of KEYWORDS) {
      if (this.text.startsWith(word, this.position)) {
        this.position += word.length;
        return token();
      }
    }
    throw this.error(`Unexpected character encountered while parsing value: ${c}.`);
  }

  private readObject(depth: number): JToken {
    this.position++;
    const entries: Array<[string, JToken]> = [];
    this.skipInsignificant();
    if (this.text[this.position] === '}') {
      this.position++;
      return jobject(entries);
    }
    for (;;) {
      this.skipInsignificant();
      const name = this.readPropertyName();
      this.skipInsignificant();
      if (this.text[this.position] !== ':')
        throw this.error(`Invalid character after parsing property name. Expected ':' but got: ${this.text[this.position] ?? 'end of text'}.`);
      this.position++;
      entries.push([name, this.readValue(depth)]);
      this.skipInsignificant();
      const next = this.text[this.position];
      this.position++;
      if (next === '}') return jobject(entries);
      if (next !== ',') throw this.error(`After parsing a value an unexpected character was encountered: ${next ?? 'end of text'}.`);
    }
  }

  private readArray(depth: number): JArray {
    this.position++;
    const items: JToken[] = [];
    this.skipInsignificant();
    if (this.text[this.position] === ']') {
      this.position++;
      return jarray(items);
    }
    for (;;) {
      items.push(this.readValue(depth));
      this.skipInsignificant();
      const next = this.text[this.position];
      this.position++;
      if (next === ']') return jarray(items);
      if (next !== ',') throw this.error(`After parsing a value an unexpected character was encountered: ${next ?? 'end of text'}.`);
    }
  }

  private readPropertyName(): string {
    const c = this.text[this.position];
    if (c === '"' || c === "'") return this.readString(c);
    const start = this.position;
    while (this.position < this.text.length && /[\p{L}\p{N}_$]/u.test(this.text[this.position])) this.position++;
    if (this.position === start) throw this.error(`Invalid property identifier character: ${c ?? 'end of text'}.`);
    return this.text.slice(start, this.position);
  }

  private readString(quote: string): string {
    this.position++;
    let value = '';
    for (;;) {
      const c = this.text[this.position];
      if (c === undefined) throw this.error('Unterminated string. Expected delimiter: ' + quote + '.');
      this.position++;
      if (c === quote) return value;
      if (c !== '\\') {
        value += c;
        continue;
      }
      const escape = this.text[this.position];
      this.position++;
      if (escape === 'u') {
        const hex = this.text.slice(this.position, this.position + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw this.error(`Invalid Unicode escape sequence: \\u${hex}.`);
        value += String.fromCharCode(parseInt(hex, 16));
        this.position += 4;
      } else if (escape !== undefined && ESCAPES[escape] !== undefined) {
        value += ESCAPES[escape];
      } else {
        throw this.error(`Bad JSON escape sequence: \\${escape ?? ''}.`);
      }
    }
  }

  private readNumber(): JToken {
    const match = /-?(?:Infinity|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/y;
    match.lastIndex = this.position;
    const found = match.exec(this.text);
    if (found === null) throw this.error(`Input string '${this.text.slice(this.position, this.position + 20)}' is not a valid number.`);
    const text = found[0];
    this.position += text.length;
    const next = this.text[this.position];
    if (next !== undefined && /[\w.]/.test(next)) throw this.error(`Unexpected character encountered while parsing number: ${next}.`);
    if (text.endsWith('Infinity')) return jfloat(text.startsWith('-') ? -Infinity : Infinity);
    if (/^-?0\d/.test(text)) throw this.error(`Input string '${text}' is not a valid number (leading zero).`);
    if (/[.eE]/.test(text)) return jfloat(Number(text));
    return jinteger(BigInt(text));
  }
}

const KEYWORDS: ReadonlyArray<readonly [string, () => JToken]> = [
  ['true', () => jboolean(true)],
  ['false', () => jboolean(false)],
  ['null', jnull],
  ['undefined', jnull],
  ['NaN', () => jfloat(NaN)],
];
