/**
 * A JSONPath parser for the Json.NET (Newtonsoft.Json 13.0.3) dialect that MedTech evaluates.
 *
 * It is a line-by-line port of `Src/Newtonsoft.Json/Linq/JsonPath/JPath.cs` (unchanged since 2021, so HEAD equals
 * 13.0.3), because the dialect has quirks no generic JSONPath library copies: `@name` without a dot in filters,
 * `-` inside unquoted names, a space ending a path, `(` working like `[`, and so on. Error texts are Json.NET's.
 * Where the C# code would crash with an IndexOutOfRangeException, this port reports that exception's text.
 */

/** One step of a parsed path, named after the Json.NET filter class it stands for. */
export type JsonPathFilter =
  /** `.name`, `['name']`; `name` undefined for `.*` */
  | { readonly kind: 'field'; readonly name?: string }
  /** `['a','b']` */
  | { readonly kind: 'fieldMultiple'; readonly names: readonly string[] }
  /** `..name`; `name` undefined for `..*` */
  | { readonly kind: 'scan'; readonly name?: string }
  /** `..['a','b']` */
  | { readonly kind: 'scanMultiple'; readonly names: readonly string[] }
  /** `[n]`; `index` undefined for `[*]` */
  | { readonly kind: 'arrayIndex'; readonly index?: number }
  | { readonly kind: 'arrayMultipleIndex'; readonly indexes: readonly number[] }
  | { readonly kind: 'arraySlice'; readonly start?: number; readonly end?: number; readonly step?: number }
  /** `[?(...)]` */
  | { readonly kind: 'query'; readonly expression: JsonPathQuery }
  /** `..[?(...)]`: tests the current token itself and all its descendants */
  | { readonly kind: 'queryScan'; readonly expression: JsonPathQuery }
  /** `$` inside a filter expression */
  | { readonly kind: 'root' };

export type JsonPathOperator = 'exists' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '=~' | '===' | '!==';

/** One side of a filter comparison: a path (relative to `@`, or starting with a root filter for `$`) or a literal. */
export type JsonPathOperand =
  | { readonly kind: 'path'; readonly filters: readonly JsonPathFilter[] }
  /** `float`: a number written with '.', 'e' or 'E' (a double in Json.NET, a long otherwise). */
  | { readonly kind: 'value'; readonly value: string | number | boolean | null; readonly float?: boolean };

export type JsonPathQuery =
  | { readonly kind: 'boolean'; readonly operator: JsonPathOperator; readonly left: JsonPathOperand; readonly right?: JsonPathOperand }
  | { readonly kind: 'and' | 'or'; readonly expressions: JsonPathQuery[] };

export type JsonPathParseResult =
  | { readonly ok: true; readonly filters: readonly JsonPathFilter[] }
  /** `position` is the 0-based index in the expression where Json.NET gave up. */
  | { readonly ok: false; readonly message: string; readonly position: number };

/** Parses `expression` exactly as Json.NET's `SelectToken`/`SelectTokens` would before evaluating it. */
export function parseJsonPath(expression: string): JsonPathParseResult {
  const parser = new JPathParser(expression);
  try {
    return { ok: true, filters: parser.parseMain() };
  } catch (error) {
    if (error instanceof JsonPathSyntaxError) return { ok: false, message: error.message, position: error.position };
    // A stack overflow on absurdly nested filters.
    if (error instanceof RangeError) return { ok: false, message: 'The expression is nested too deeply to be parsed.', position: parser.position };
    throw error;
  }
}

class JsonPathSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

const FLOAT_CHARACTERS = /[.Ee]/;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Mirrors the private state and methods of Json.NET's `JPath` class; method names match the C# ones. */
class JPathParser {
  private i = 0;

  constructor(private readonly s: string) {}

  get position(): number {
    return this.i;
  }

  parseMain(): JsonPathFilter[] {
    const filters: JsonPathFilter[] = [];
    let currentPartStartIndex = this.i;
    this.eatWhitespace();
    if (this.s.length === this.i) return filters;

    if (this.s[this.i] === '$') {
      if (this.s.length === 1) return filters;
      // Only "$." and "$[" start at the root; anything else is a property whose name starts with "$".
      const c = this.charAt(this.i + 1);
      if (c === '.' || c === '[') {
        this.i++;
        currentPartStartIndex = this.i;
      }
    }

    if (!this.parsePath(filters, currentPartStartIndex, false)) {
      const lastCharacterIndex = this.i;
      this.eatWhitespace();
      if (this.i < this.s.length) {
        throw this.error(`Unexpected character while parsing path: ${this.s[lastCharacterIndex]}`, lastCharacterIndex);
      }
    }
    return filters;
  }

  /** Returns true when the path ran to the end of the expression. */
  private parsePath(filters: JsonPathFilter[], currentPartStartIndex: number, query: boolean): boolean {
    let scan = false;
    let followingIndexer = false;
    let followingDot = false;
    let ended = false;

    while (this.i < this.s.length && !ended) {
      const currentChar = this.s[this.i];
      switch (currentChar) {
        case '[':
        case '(':
          if (this.i > currentPartStartIndex) {
            filters.push(createPathFilter(memberName(this.s.substring(currentPartStartIndex, this.i)), scan));
            scan = false;
          }
          filters.push(this.parseIndexer(currentChar, scan));
          scan = false;
          this.i++;
          currentPartStartIndex = this.i;
          followingIndexer = true;
          followingDot = false;
          break;
        case ']':
        case ')':
          ended = true;
          break;
        case ' ':
          ended = true;
          break;
        case '.':
          if (this.i > currentPartStartIndex) {
            filters.push(createPathFilter(memberName(this.s.substring(currentPartStartIndex, this.i)), scan));
            scan = false;
          }
          if (this.i + 1 < this.s.length && this.s[this.i + 1] === '.') {
            scan = true;
            this.i++;
          }
          this.i++;
          currentPartStartIndex = this.i;
          followingIndexer = false;
          followingDot = true;
          break;
        default:
          if (query && '=<!>|&'.includes(currentChar)) {
            ended = true;
          } else {
            if (followingIndexer) throw this.error(`Unexpected character following indexer: ${currentChar}`);
            this.i++;
          }
          break;
      }
    }

    const atPathEnd = this.i === this.s.length;
    if (this.i > currentPartStartIndex) {
      filters.push(createPathFilter(memberName(this.s.substring(currentPartStartIndex, this.i).trimEnd()), scan));
    } else if (followingDot && (atPathEnd || query)) {
      throw this.error('Unexpected end while parsing path.');
    }
    return atPathEnd;
  }

  private parseIndexer(indexerOpenChar: string, scan: boolean): JsonPathFilter {
    this.i++;
    const indexerCloseChar = indexerOpenChar === '[' ? ']' : ')';
    this.ensureLength('Path ended with open indexer.');
    this.eatWhitespace();
    const c = this.charAt(this.i);
    if (c === "'") return this.parseQuotedField(indexerCloseChar, scan);
    if (c === '?') return this.parseQuery(indexerCloseChar, scan);
    return this.parseArrayIndexer(indexerCloseChar);
  }

  private parseArrayIndexer(indexerCloseChar: string): JsonPathFilter {
    let start = this.i;
    let end: number | undefined;
    let indexes: number[] | undefined;
    let colonCount = 0;
    let startIndex: number | undefined;
    let endIndex: number | undefined;
    let step: number | undefined;

    while (this.i < this.s.length) {
      const currentCharacter = this.s[this.i];
      if (currentCharacter === ' ') {
        end = this.i;
        this.eatWhitespace();
        continue;
      }
      if (currentCharacter === indexerCloseChar) {
        const length = (end ?? this.i) - start;
        if (indexes !== undefined) {
          if (length === 0) throw this.error('Array index expected.');
          indexes.push(this.toInt32(start, length));
          return { kind: 'arrayMultipleIndex', indexes };
        }
        if (colonCount > 0) {
          if (length > 0) {
            const index = this.toInt32(start, length);
            if (colonCount === 1) endIndex = index;
            else step = index;
          }
          return { kind: 'arraySlice', start: startIndex, end: endIndex, step };
        }
        if (length === 0) throw this.error('Array index expected.');
        return { kind: 'arrayIndex', index: this.toInt32(start, length) };
      } else if (currentCharacter === ',') {
        const length = (end ?? this.i) - start;
        if (length === 0) throw this.error('Array index expected.');
        indexes ??= [];
        indexes.push(this.toInt32(start, length));
        this.i++;
        this.eatWhitespace();
        start = this.i;
        end = undefined;
      } else if (currentCharacter === '*') {
        this.i++;
        this.ensureLength('Path ended with open indexer.');
        this.eatWhitespace();
        if (this.charAt(this.i) !== indexerCloseChar) {
          throw this.error(`Unexpected character while parsing path indexer: ${currentCharacter}`);
        }
        return { kind: 'arrayIndex' };
      } else if (currentCharacter === ':') {
        const length = (end ?? this.i) - start;
        if (length > 0) {
          const index = this.toInt32(start, length);
          if (colonCount === 0) startIndex = index;
          else if (colonCount === 1) endIndex = index;
          else step = index;
        }
        colonCount++;
        this.i++;
        this.eatWhitespace();
        start = this.i;
        end = undefined;
      } else if (!isDigit(currentCharacter) && currentCharacter !== '-') {
        throw this.error(`Unexpected character while parsing path indexer: ${currentCharacter}`);
      } else {
        if (end !== undefined) throw this.error(`Unexpected character while parsing path indexer: ${currentCharacter}`);
        this.i++;
      }
    }
    throw this.error('Path ended with open indexer.');
  }

  private eatWhitespace(): void {
    while (this.i < this.s.length && this.s[this.i] === ' ') this.i++;
  }

  private parseQuery(indexerCloseChar: string, scan: boolean): JsonPathFilter {
    this.i++;
    this.ensureLength('Path ended with open indexer.');
    if (this.s[this.i] !== '(') throw this.error(`Unexpected character while parsing path indexer: ${this.s[this.i]}`);
    this.i++;

    const expression = this.parseExpression();

    this.i++;
    this.ensureLength('Path ended with open indexer.');
    this.eatWhitespace();
    const c = this.charAt(this.i);
    if (c !== indexerCloseChar) throw this.error(`Unexpected character while parsing path indexer: ${c}`);
    return scan ? { kind: 'queryScan', expression } : { kind: 'query', expression };
  }

  private tryParseExpression(): JsonPathFilter[] | undefined {
    const c = this.s[this.i];
    let expressionPath: JsonPathFilter[];
    if (c === '$') expressionPath = [{ kind: 'root' }];
    else if (c === '@') expressionPath = [];
    else return undefined;

    this.i++;
    if (this.parsePath(expressionPath, this.i, true)) throw this.error('Path ended with open query.');
    return expressionPath;
  }

  private unexpectedCharacter(): JsonPathSyntaxError {
    return this.error(`Unexpected character while parsing path query: ${this.charAt(this.i)}`);
  }

  private parseSide(): JsonPathOperand {
    this.eatWhitespace();
    const path = this.tryParseExpression();
    if (path !== undefined) {
      this.eatWhitespace();
      this.ensureLength('Path ended with open query.');
      return { kind: 'path', filters: path };
    }
    const value = this.tryParseValue();
    if (value.ok) {
      this.eatWhitespace();
      this.ensureLength('Path ended with open query.');
      return value.float === true ? { kind: 'value', value: value.value, float: true } : { kind: 'value', value: value.value };
    }
    throw this.unexpectedCharacter();
  }

  private parseExpression(): JsonPathQuery {
    let rootExpression: JsonPathQuery | undefined;
    let parentExpression: { kind: 'and' | 'or'; expressions: JsonPathQuery[] } | undefined;

    while (this.i < this.s.length) {
      const left = this.parseSide();
      let right: JsonPathOperand | undefined;
      let operator: JsonPathOperator;
      const next = this.s[this.i];
      if (next === ')' || next === '|' || next === '&') {
        operator = 'exists';
      } else {
        operator = this.parseOperator();
        right = this.parseSide();
      }
      const booleanExpression: JsonPathQuery = { kind: 'boolean', operator, left, right };

      if (this.s[this.i] === ')') {
        if (parentExpression !== undefined) {
          parentExpression.expressions.push(booleanExpression);
          return rootExpression!;
        }
        return booleanExpression;
      }
      // The two `if`s below are deliberately not an else-chain: Json.NET checks '|' again after consuming "&&".
      if (this.charAt(this.i) === '&') {
        if (!this.match('&&')) throw this.unexpectedCharacter();
        if (parentExpression === undefined || parentExpression.kind !== 'and') {
          const andExpression = { kind: 'and' as const, expressions: [] as JsonPathQuery[] };
          parentExpression?.expressions.push(andExpression);
          parentExpression = andExpression;
          rootExpression ??= parentExpression;
        }
        parentExpression.expressions.push(booleanExpression);
      }
      if (this.charAt(this.i) === '|') {
        if (!this.match('||')) throw this.unexpectedCharacter();
        if (parentExpression === undefined || parentExpression.kind !== 'or') {
          const orExpression = { kind: 'or' as const, expressions: [] as JsonPathQuery[] };
          parentExpression?.expressions.push(orExpression);
          parentExpression = orExpression;
          rootExpression ??= parentExpression;
        }
        parentExpression.expressions.push(booleanExpression);
      }
    }
    throw this.error('Path ended with open query.');
  }

  private tryParseValue(): { ok: true; value: string | number | boolean | null; float?: boolean } | { ok: false } {
    const currentChar = this.s[this.i];
    if (currentChar === "'") return { ok: true, value: this.readQuotedString() };
    if (isDigit(currentChar) || currentChar === '-') {
      const start = this.i;
      this.i++;
      while (this.i < this.s.length) {
        const c = this.s[this.i];
        if (c === ' ' || c === ')') return parseNumber(this.s.substring(start, this.i));
        this.i++;
      }
    } else if (currentChar === 't') {
      if (this.match('true')) return { ok: true, value: true };
    } else if (currentChar === 'f') {
      if (this.match('false')) return { ok: true, value: false };
    } else if (currentChar === 'n') {
      if (this.match('null')) return { ok: true, value: null };
    } else if (currentChar === '/') {
      return { ok: true, value: this.readRegexString() };
    }
    return { ok: false };
  }

  private readQuotedString(): string {
    let text = '';
    this.i++;
    while (this.i < this.s.length) {
      let currentChar = this.s[this.i];
      if (currentChar === '\\' && this.i + 1 < this.s.length) {
        this.i++;
        currentChar = this.s[this.i];
        const resolved = QUOTED_STRING_ESCAPES[currentChar];
        if (resolved === undefined) throw this.error(`Unknown escape character: \\${currentChar}`);
        text += resolved;
        this.i++;
      } else if (currentChar === "'") {
        this.i++;
        return text;
      } else {
        this.i++;
        text += currentChar;
      }
    }
    throw this.error('Path ended with an open string.');
  }

  private readRegexString(): string {
    const startIndex = this.i;
    this.i++;
    while (this.i < this.s.length) {
      const currentChar = this.s[this.i];
      if (currentChar === '\\' && this.i + 1 < this.s.length) {
        this.i += 2;
      } else if (currentChar === '/') {
        this.i++;
        while (this.i < this.s.length && /\p{L}/u.test(this.s[this.i])) this.i++;
        return this.s.substring(startIndex, this.i);
      } else {
        this.i++;
      }
    }
    throw this.error('Path ended with an open regex.');
  }

  private match(text: string): boolean {
    if (!this.s.startsWith(text, this.i)) return false;
    this.i += text.length;
    return true;
  }

  private parseOperator(): JsonPathOperator {
    if (this.i + 1 >= this.s.length) throw this.error('Path ended with open query.');
    for (const [text, operator] of OPERATORS) {
      if (this.match(text)) return operator;
    }
    throw this.error('Could not read query operator.');
  }

  private parseQuotedField(indexerCloseChar: string, scan: boolean): JsonPathFilter {
    let fields: string[] | undefined;
    while (this.i < this.s.length) {
      // Like Json.NET, this assumes (without checking) that a quote starts each field.
      const field = this.readQuotedString();
      this.eatWhitespace();
      this.ensureLength('Path ended with open indexer.');
      const c = this.s[this.i];
      if (c === indexerCloseChar) {
        if (fields === undefined) return createPathFilter(field, scan);
        fields.push(field);
        return scan ? { kind: 'scanMultiple', names: fields } : { kind: 'fieldMultiple', names: fields };
      } else if (c === ',') {
        this.i++;
        this.eatWhitespace();
        fields ??= [];
        fields.push(field);
      } else {
        throw this.error(`Unexpected character while parsing path indexer: ${c}`);
      }
    }
    throw this.error('Path ended with open indexer.');
  }

  private ensureLength(message: string): void {
    if (this.i >= this.s.length) throw this.error(message);
  }

  /** `Convert.ToInt32` of the digits Json.NET collected (they may still be malformed, e.g. "1-2"). */
  private toInt32(start: number, length: number): number {
    const text = this.s.substring(start, start + length);
    if (!/^-?\d+$/.test(text)) throw this.error('Input string was not in a correct format.', start);
    const value = Number(text);
    if (value < INT32_MIN || value > INT32_MAX) throw this.error('Value was either too large or too small for an Int32.', start);
    return value;
  }

  /** C# `_expression[index]`: reading past the end is an exception, not `undefined`. */
  private charAt(index: number): string {
    if (index >= this.s.length) throw this.error('Index was outside the bounds of the array.', index);
    return this.s[index];
  }

  private error(message: string, position = this.i): JsonPathSyntaxError {
    return new JsonPathSyntaxError(message, position);
  }
}

const OPERATORS: ReadonlyArray<readonly [string, JsonPathOperator]> = [
  ['===', '==='],
  ['==', '=='],
  ['=~', '=~'],
  ['!==', '!=='],
  ['!=', '!='],
  ['<>', '!='],
  ['<=', '<='],
  ['<', '<'],
  ['>=', '>='],
  ['>', '>'],
];

const QUOTED_STRING_ESCAPES: Readonly<Record<string, string>> = {
  b: '\b',
  t: '\t',
  n: '\n',
  f: '\f',
  r: '\r',
  '\\': '\\',
  '"': '"',
  "'": "'",
  '/': '/',
};

function memberName(text: string): string | undefined {
  return text === '*' ? undefined : text;
}

function createPathFilter(name: string | undefined, scan: boolean): JsonPathFilter {
  return scan ? { kind: 'scan', name } : { kind: 'field', name };
}

function isDigit(c: string): boolean {
  return /\p{Nd}/u.test(c);
}

/** `double.TryParse(Float | AllowThousands)` when the text has '.', 'e' or 'E', else `long.TryParse`. */
function parseNumber(text: string): { ok: true; value: number; float?: boolean } | { ok: false } {
  if (FLOAT_CHARACTERS.test(text)) {
    const match = /^(-?)([\d,]*)(\.\d*)?([eE][-+]?\d+)?$/.exec(text);
    if (match === null || !/\d/.test(`${match[2]}${match[3] ?? ''}`) || match[2].startsWith(',')) return { ok: false };
    return { ok: true, value: Number(`${match[1]}${match[2].replace(/,/g, '')}${match[3] ?? ''}${match[4] ?? ''}`), float: true };
  }
  if (!/^-?\d+$/.test(text)) return { ok: false };
  const big = BigInt(text);
  if (big < INT64_MIN || big > INT64_MAX) return { ok: false };
  return { ok: true, value: Number(text) };
}
