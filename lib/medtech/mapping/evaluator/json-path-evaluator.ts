/**
 * Evaluates a JSONPath parsed by `parseJsonPath` (the checks' port of Json.NET's `JPath`) the way Json.NET's path
 * filters do (`Src/Newtonsoft.Json/Linq/JsonPath/*Filter.cs`, `QueryExpression.cs`), with `ErrorWhenNoMatch` off as
 * the engine uses it: results in document order, existence tests that count `null`, `==` with string coercion only
 * for dates, ordering comparisons that convert the right side to the left side's type.
 */
import { DotNetError, formatJsonNetIso } from './dotnet-datetime';
import { childrenOf, descendantsAndSelf, isContainer, isValue, JToken, JValue } from './json-token';
import { compareTo, compareValues, valuesEqual } from './token-conversion';
import { JsonPathFilter, JsonPathOperand, JsonPathOperator, JsonPathQuery, parseJsonPath } from '../json-path';

/** `JToken.SelectTokens(path)`: every match; a syntax error is a JsonException. */
export function selectJsonPathTokens(expression: string, root: JToken): JToken[] {
  return evaluate(parse(expression), root, root);
}

/** `JToken.SelectToken(path)`: the single match or undefined; more than one is a JsonException. */
export function selectJsonPathToken(expression: string, root: JToken): JToken | undefined {
  const results = evaluate(parse(expression), root, root, 2);
  if (results.length > 1) throw new DotNetError('JsonException', 'Path returned multiple tokens.');
  return results[0];
}

/** A JSONPath that Json.NET cannot parse (a JsonException, raised before anything is evaluated). */
export class JsonPathSyntaxError extends DotNetError {
  constructor(message: string) {
    super('JsonException', message);
  }
}

const parsed = new Map<string, readonly JsonPathFilter[] | JsonPathSyntaxError>();
const PARSE_CACHE_LIMIT = 2000;

function parse(expression: string): readonly JsonPathFilter[] {
  let filters = parsed.get(expression);
  if (filters === undefined) {
    const result = parseJsonPath(expression);
    filters = result.ok ? result.filters : new JsonPathSyntaxError(result.message);
    if (parsed.size >= PARSE_CACHE_LIMIT) parsed.clear();
    parsed.set(expression, filters);
  }
  if (filters instanceof JsonPathSyntaxError) throw filters;
  return filters;
}

/**
 * `JPath.Evaluate`: each filter maps the current tokens to the next ones. `limit` stops early once enough results
 * exist (SelectToken only needs to know whether there is more than one).
 */
function evaluate(filters: readonly JsonPathFilter[], root: JToken, start: JToken, limit = Infinity): JToken[] {
  let current: JToken[] = [start];
  filters.forEach((filter, index) => {
    current = applyFilter(filter, root, current, index === filters.length - 1 ? limit : Infinity);
  });
  return current;
}

function applyFilter(filter: JsonPathFilter, root: JToken, current: readonly JToken[], limit: number): JToken[] {
  const out: JToken[] = [];
  const push = (token: JToken): boolean => {
    out.push(token);
    return out.length >= limit;
  };
  for (const token of current) {
    if (filterOne(filter, root, token, push)) break;
  }
  return out;
}

/** Applies one filter to one token; returns true once `push` asks to stop. */
function filterOne(filter: JsonPathFilter, root: JToken, t: JToken, push: (token: JToken) => boolean): boolean {
  switch (filter.kind) {
    case 'root':
      return push(root);
    case 'field': {
      if (t.type !== 'Object') return false;
      if (filter.name !== undefined) {
        const value = t.properties.get(filter.name);
        return value !== undefined && push(value);
      }
      for (const value of t.properties.values()) if (push(value)) return true;
      return false;
    }
    case 'fieldMultiple': {
      if (t.type !== 'Object') return false;
      for (const name of filter.names) {
        const value = t.properties.get(name);
        if (value !== undefined && push(value)) return true;
      }
      return false;
    }
    case 'arrayIndex': {
      if (filter.index !== undefined) {
        const value = tokenAtIndex(t, filter.index);
        return value !== undefined && push(value);
      }
      if (t.type !== 'Array') return false;
      for (const item of t.items) if (push(item)) return true;
      return false;
    }
    case 'arrayMultipleIndex':
      for (const index of filter.indexes) {
        const value = tokenAtIndex(t, index);
        if (value !== undefined && push(value)) return true;
      }
      return false;
    case 'arraySlice':
      return slice(filter, t, push);
    case 'query':
      for (const child of childrenOf(t)) {
        if (isMatch(filter.expression, root, child) && push(child)) return true;
      }
      return false;
    case 'queryScan': {
      const candidates = isContainer(t) ? descendantsAndSelf(t) : [t];
      for (const candidate of candidates) {
        if (isMatch(filter.expression, root, candidate) && push(candidate)) return true;
      }
      return false;
    }
    case 'scan':
    case 'scanMultiple':
      return scan(filter.kind === 'scan' ? filter.name : undefined, filter.kind === 'scanMultiple' ? filter.names : undefined, t, push);
  }
}

/** `PathFilter.GetTokenIndex`: a negative index makes JArray's indexer throw (not a JsonException). */
function tokenAtIndex(t: JToken, index: number): JToken | undefined {
  if (t.type !== 'Array') return undefined;
  if (t.items.length <= index) return undefined;
  if (index < 0) {
    throw new DotNetError(
      'ArgumentOutOfRangeException',
      "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')",
    );
  }
  return t.items[index];
}

function slice(filter: Extract<JsonPathFilter, { kind: 'arraySlice' }>, t: JToken, push: (token: JToken) => boolean): boolean {
  if (filter.step === 0) throw new DotNetError('JsonException', 'Step cannot be zero.');
  if (t.type !== 'Array') return false;
  const count = t.items.length;
  const step = filter.step ?? 1;
  let start = filter.start ?? (step > 0 ? 0 : count - 1);
  let stop = filter.end ?? (step > 0 ? count : -1);
  if (filter.start !== undefined && filter.start < 0) start = count + start;
  if (filter.end !== undefined && filter.end < 0) stop = count + stop;
  start = Math.max(start, step > 0 ? 0 : -2147483648);
  start = Math.min(start, step > 0 ? count : count - 1);
  stop = Math.max(stop, -1);
  stop = Math.min(stop, count);
  const valid = (index: number): boolean => (step > 0 ? index < stop : index > stop);
  for (let i = start; valid(i); i += step) if (push(t.items[i])) return true;
  return false;
}

/** `ScanFilter` / `ScanMultipleFilter`: `..name` yields values of properties with that name, in document order. */
function scan(name: string | undefined, names: readonly string[] | undefined, t: JToken, push: (token: JToken) => boolean): boolean {
  const wildcard = names === undefined && name === undefined;
  if (wildcard && push(t)) return true;
  const descendants = descendantsAndSelf(t);
  for (let i = 1; i < descendants.length; i++) {
    const value = descendants[i];
    if (value.type === 'Property') {
      if (names !== undefined) {
        for (const candidate of names) if (value.name === candidate && push(value.value)) return true;
      } else if (name !== undefined && value.name === name && push(value.value)) {
        return true;
      }
    } else if (wildcard && push(value)) {
      return true;
    }
  }
  return false;
}

function isMatch(query: JsonPathQuery, root: JToken, t: JToken): boolean {
  if (query.kind !== 'boolean') {
    return query.kind === 'and'
      ? query.expressions.every((expression) => isMatch(expression, root, t))
      : query.expressions.some((expression) => isMatch(expression, root, t));
  }
  if (query.operator === 'exists') return operandResults(query.left, root, t, 1).length > 0;
  const left = operandResults(query.left, root, t);
  if (left.length === 0) return false;
  const right = query.right === undefined ? [] : operandResults(query.right, root, t);
  return left.some((leftResult) => right.some((rightResult) => matchTokens(query.operator, leftResult, rightResult)));
}

function operandResults(operand: JsonPathOperand, root: JToken, t: JToken, limit = Infinity): JToken[] {
  if (operand.kind === 'value') return [literalToken(operand.value, operand.float === true)];
  return evaluate(operand.filters, root, t, limit);
}

function literalToken(value: string | number | boolean | null, float: boolean): JValue {
  if (value === null) return { type: 'Null' };
  if (typeof value === 'string') return { type: 'String', value };
  if (typeof value === 'boolean') return { type: 'Boolean', value };
  return float || !Number.isInteger(value) ? { type: 'Float', value } : { type: 'Integer', value: BigInt(value) };
}

function matchTokens(operator: JsonPathOperator, left: JToken, right: JToken): boolean {
  if (!isValue(left) || !isValue(right)) return operator === 'exists' || operator === '!=';
  switch (operator) {
    case '=~':
      return regexEquals(left, right);
    case '==':
      return equalsWithStringCoercion(left, right);
    case '===':
      return equalsWithStrictMatch(left, right);
    case '!=':
      return !equalsWithStringCoercion(left, right);
    case '!==':
      return !equalsWithStrictMatch(left, right);
    case '>':
      return compareTo(left, right) > 0;
    case '>=':
      return compareTo(left, right) >= 0;
    case '<':
      return compareTo(left, right) < 0;
    case '<=':
      return compareTo(left, right) <= 0;
    case 'exists':
      return true;
  }
}

function isNumberMix(a: JValue, b: JValue): boolean {
  return (a.type === 'Integer' && b.type === 'Float') || (a.type === 'Float' && b.type === 'Integer');
}

function equalsWithStringCoercion(value: JValue, query: JValue): boolean {
  if (valuesEqual(value, query)) return true;
  if (isNumberMix(value, query)) return compareValues(value.type, value, query) === 0;
  if (query.type !== 'String') return false;
  // Only dates (of the types a message can hold) are compared by their text.
  return value.type === 'Date' && formatJsonNetIso(value.value) === query.value;
}

function equalsWithStrictMatch(value: JValue, query: JValue): boolean {
  if (isNumberMix(value, query)) return compareValues(value.type, value, query) === 0;
  return value.type === query.type && valuesEqual(value, query);
}

/**
 * `=~ /pattern/flags`, evaluated with JavaScript's regular expressions: the same for the common syntax (classes,
 * anchors, quantifiers, groups), not for .NET-only constructs. A pattern JavaScript rejects is an ArgumentException.
 */
function regexEquals(input: JValue, pattern: JValue): boolean {
  if (input.type !== 'String' || pattern.type !== 'String') return false;
  const text = pattern.value;
  const delimiter = text.lastIndexOf('/');
  const body = text.substring(1, delimiter);
  const flags = [
    ...new Set(
      text
        .substring(delimiter + 1)
        .toLowerCase()
        .split('')
        .filter((flag) => 'ims'.includes(flag)),
    ),
  ].join('');
  let regex: RegExp;
  try {
    regex = new RegExp(body, flags);
  } catch (error) {
    throw new DotNetError('ArgumentException', `Invalid pattern '${body}': ${(error as Error).message}`);
  }
  return regex.test(input.value);
}
