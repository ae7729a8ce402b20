/**
 * The JMESPath functions registered in JmesPath.Net 1.0.204 (`JmesPathFunctionFactory`), ported with their
 * validation messages and their .NET quirks (e.g. `avg` returns a float, `length` counts UTF-16 code units, `merge`
 * is Json.NET's deep merge, dates count as strings whose text is the invariant `MM/dd/yyyy HH:mm:ss`).
 */
import { DotNetError, formatJsonNetIso } from './dotnet-datetime';
import { doubleToInt64, formatDouble, parseDouble, parseInt64 } from './dotnet-number';
import { asJToken, JmesFunction, JmesFunctionArgument, jmesError, jmesTypeOf, tokenOf } from './jmes-path-argument';
import { jarray, jboolean, jfloat, jinteger, JNULL, jobject, JToken, JTokenType, jstring, JValue, JFALSE } from './json-token';
import { compareValues, deepEquals, valueAsDouble, valueAsInt32, valueAsString } from './token-conversion';

type Validate = (args: readonly JmesFunctionArgument[], name: string) => void;
type Execute = JmesFunction['execute'];

function define(name: string, validate: Validate | 'base', execute: Execute): JmesFunction {
  return {
    name,
    validate: (args) => (validate === 'base' ? validateNoExpressions(args, name) : validate(args, name)),
    execute,
  };
}

/** `JmesPathFunction.Validate`, used by the functions that do not override it. */
function validateNoExpressions(args: readonly JmesFunctionArgument[], name: string): void {
  if (args.some((arg) => arg.expression !== undefined))
    throw jmesError(`Error: invalid-type, unexpected expression type as a parameter to the function ${name}.`);
}

function ensureOf(args: readonly JmesFunctionArgument[], index: number, type: string, name: string): JToken {
  const token = tokenOf(args, index);
  if (jmesTypeOf(token) !== type) throw jmesError(`Error: invalid-type, function ${name} expects an ${type}.`);
  return token;
}

function ensureArrayOfAny(args: readonly JmesFunctionArgument[], index: number, types: readonly string[], name: string): void {
  const array = ensureOf(args, index, 'array', name);
  if (array.type === 'Array' && array.items.some((item) => !types.includes(jmesTypeOf(item)))) {
    throw jmesError(`Error: invalid-type, function ${name} expects an array of ${formatTypes(types)}.`);
  }
}

function ensureArrayOfSame(args: readonly JmesFunctionArgument[], index: number, types: readonly string[], name: string): void {
  const array = ensureOf(args, index, 'array', name);
  if (array.type !== 'Array') return;
  const found = [...new Set(array.items.map(jmesTypeOf))];
  if (found.length > 1) throw jmesError(`Error: invalid-type, all items in the array to the function ${name} must have the same type.`);
  if (types.length > 0 && found.length > 0 && !types.includes(found[0])) {
    throw jmesError(`Error: invalid-type, function ${name} expects an array of ${formatTypes(types)}.`);
  }
}

function formatTypes(types: readonly string[]): string {
  if (types.length === 1) return types[0];
  return `${types[0]} ${types
    .slice(1, -1)
    .map((type) => `, ${type} `)
    .join('')}or ${types[types.length - 1]}`;
}

function ensureNumbers(args: readonly JmesFunctionArgument[], name: string): void {
  args.forEach((_arg, index) => {
    if (jmesTypeOf(tokenOf(args, index)) !== 'number') throw jmesError(`Error: invalid-type, function ${name} only accepts numbers.`);
  });
}

function itemsOf(token: JToken): readonly JToken[] {
  return token.type === 'Array' ? token.items : [];
}

function nullArgument(): DotNetError {
  return new DotNetError('ArgumentNullException', "Value cannot be null. (Parameter 'value')");
}

/**
 * The current culture's string order (`Comparer<string>.Default`), which `sort`, `max` and `min` use. Approximated
 * with the en-US collation; the ordinal order is used where .NET compares ordinally.
 */
const cultureCollator = new Intl.Collator('en-US');

function cultureCompare(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return cultureCollator.compare(a, b);
}

/** A stable sort by key, as LINQ's `OrderBy`. */
function orderBy<T, K>(items: readonly T[], key: (item: T) => K, compare: (a: K, b: K) => number): T[] {
  const keyed = items.map((item, index) => ({ item, index, key: key(item) }));
  keyed.sort((a, b) => compare(a.key, b.key) || a.index - b.index);
  return keyed.map((entry) => entry.item);
}

const abs = define(
  'abs',
  (args, name) => ensureNumbers(args.slice(0, 1), name),
  (args) => {
    const token = tokenOf(args, 0);
    if (token.type === 'Integer') {
      const value = valueAsInt32(token);
      if (value === -2147483648) throw new DotNetError('OverflowException', 'Negating the minimum value of a twos complement number is invalid.');
      return jinteger(Math.abs(value));
    }
    return jfloat(Math.abs(valueAsDouble(token)));
  },
);

const avg = define(
  'avg',
  (args, name) => ensureArrayOfAny(args, 0, ['number'], name),
  (args) => {
    const values = itemsOf(tokenOf(args, 0)).map(valueAsDouble);
    return values.length === 0 ? JNULL : jfloat(values.reduce((sum, value) => sum + value, 0) / values.length);
  },
);

const rounding = (name: 'ceil' | 'floor', round: (value: number) => number): JmesFunction =>
  define(
    name,
    (args, fn) => ensureNumbers(args, fn),
    (args) => jinteger(doubleToInt64(round(valueAsDouble(tokenOf(args, 0))))),
  );

const contains = define(
  'contains',
  (args, name) => {
    const type = args[0]?.token === undefined ? undefined : jmesTypeOf(args[0].token);
    if (type !== 'array' && type !== 'string') throw jmesError(`Error: invalid-type, function ${name} expects either an array or a string.`);
  },
  (args) => {
    const subject = tokenOf(args, 0);
    const search = tokenOf(args, 1);
    if (subject.type === 'String') {
      const text = valueAsString(search);
      if (text === null) throw nullArgument();
      return jboolean(subject.value.includes(text));
    }
    if (subject.type === 'Array') return jboolean(subject.items.some((item) => deepEquals(item, search)));
    return JFALSE;
  },
);

const startsEndsWith = (name: 'starts_with' | 'ends_with'): JmesFunction =>
  define(
    name,
    (args, fn) => {
      const text = jmesTypeOf(tokenOf(args, 0));
      const pattern = jmesTypeOf(tokenOf(args, 1));
      if (text !== 'string' || (pattern !== 'string' && pattern !== 'null'))
        throw jmesError(`Error: invalid-type, both arguments to function ${fn} must be strings.`);
    },
    (args) => {
      const text = valueAsString(tokenOf(args, 0)) ?? '';
      const pattern = valueAsString(tokenOf(args, 1));
      if (pattern === null) throw nullArgument();
      return jboolean(name === 'starts_with' ? text.startsWith(pattern) : text.endsWith(pattern));
    },
  );

const join = define(
  'join',
  (args, name) => {
    if (jmesTypeOf(tokenOf(args, 0)) !== 'string' || jmesTypeOf(tokenOf(args, 1)) !== 'array') {
      throw jmesError(`Error: invalid-type, function ${name} expects a string separator and an array of strings.`);
    }
    ensureArrayOfAny(args, 1, ['string'], name);
  },
  (args) =>
    jstring(
      itemsOf(tokenOf(args, 1))
        .map((item) => valueAsString(item) ?? '')
        .join(valueAsString(tokenOf(args, 0)) ?? ''),
    ),
);

const keys = define(
  'keys',
  (args, name) => {
    ensureOf(args, 0, 'object', name);
  },
  (args) => {
    const token = tokenOf(args, 0);
    return jarray(token.type === 'Object' ? [...token.properties.keys()].map(jstring) : []);
  },
);

const length = define(
  'length',
  (args, name) => {
    const type = jmesTypeOf(tokenOf(args, 0));
    if (type !== 'array' && type !== 'object' && type !== 'string')
      throw jmesError(`Error: invalid-type, function ${name} expects either an object, an array or a string.`);
  },
  (args) => {
    const token = tokenOf(args, 0);
    if (token.type === 'Array') return jinteger(token.items.length);
    if (token.type === 'Object') return jinteger(token.properties.size);
    return jinteger((valueAsString(token) ?? '').length);
  },
);

const map = define(
  'map',
  (args, name) => {
    if (args[0]?.expression === undefined)
      throw jmesError(`Error: invalid-type, function ${name} expects its first argument to be an expression type.`);
    if (tokenOf(args, 1).type !== 'Array') throw jmesError(`Error: invalid-type, function ${name} expects its second argument to be an array.`);
  },
  (args, context) => jarray(itemsOf(tokenOf(args, 1)).map((item) => asJToken(context.evaluate(args[0].expression!, item)))),
);

const minOrMax = (name: 'min' | 'max'): JmesFunction =>
  define(
    name,
    (args, fn) => ensureArrayOfSame(args, 0, ['number', 'string'], fn),
    (args) => {
      const items = itemsOf(tokenOf(args, 0));
      if (items.length === 0) return JNULL;
      const better = (candidate: number): boolean => (name === 'max' ? candidate > 0 : candidate < 0);
      if (jmesTypeOf(items[0]) === 'number') {
        if (items.every((item) => item.type === 'Integer')) {
          const values = items.map((item) => (item.type === 'Integer' ? item.value : 0n));
          return jinteger(values.reduce((best, value) => (better(value > best ? 1 : value < best ? -1 : 0) ? value : best)));
        }
        const values = items.map(valueAsDouble);
        return jfloat(values.reduce((best, value) => (better(value - best) ? value : best)));
      }
      const values = items.map(valueAsString);
      return jstring(values.reduce((best, value) => (better(cultureCompare(value, best)) ? value : best)) ?? '');
    },
  );

/** `ByFunction.Evaluate`: the key of an item for min_by/max_by, numbers as they are, strings parsed as numbers. */
function byKey(name: string, item: JToken, evaluate: (token: JToken) => JToken): number {
  const key = evaluate(item);
  const type = jmesTypeOf(key);
  if (type !== 'number' && type !== 'string')
    throw jmesError(`Error: invalid-type, the expression argument of function ${name} should return a number or a string.`);
  if (type === 'number') return valueAsDouble(key);
  try {
    return parseDouble(valueAsString(key) ?? '');
  } catch {
    // JmesPath.Net's message has a literal "{Name}" (no string interpolation).
    throw jmesError('Error: invalid-type, when evaluating the expression argument of function {Name}, some items could not be cast to a number.');
  }
}

function validateBy(args: readonly JmesFunctionArgument[], name: string): void {
  if (tokenOf(args, 0).type !== 'Array') throw jmesError(`Error: invalid-type, function ${name} expects its first argument to be an array.`);
  if (args[1]?.expression === undefined)
    throw jmesError(`Error: invalid-type, function ${name} expects its second argument to be an expression type.`);
}

const minOrMaxBy = (name: 'min_by' | 'max_by'): JmesFunction =>
  define(name, validateBy, (args, context) => {
    const items = itemsOf(tokenOf(args, 0));
    if (items.length === 0) throw new DotNetError('InvalidOperationException', 'Sequence contains no elements');
    const evaluate = (token: JToken): JToken => asJToken(context.evaluate(args[1].expression!, token));
    return items.reduce((left, right) => {
      const l = byKey(name, left, evaluate);
      const r = byKey(name, right, evaluate);
      return (name === 'max_by' ? l > r : l < r) ? left : right;
    });
  });

const merge = define(
  'merge',
  (args, name) => {
    ensureOf(args, 0, 'object', name);
  },
  (args) => {
    let result = jobject([]);
    args.forEach((_arg, index) => {
      const token = tokenOf(args, index);
      if (token.type !== 'Object') {
        const className = token.type === 'Array' ? 'JArray' : 'JValue';
        throw new DotNetError(
          'InvalidCastException',
          `Unable to cast object of type 'Newtonsoft.Json.Linq.${className}' to type 'Newtonsoft.Json.Linq.JObject'.`,
        );
      }
      result = deepMerge(result, token);
    });
    return result;
  },
);

/** `JContainer.Merge` with default settings: objects merged recursively, arrays concatenated, nulls never overwrite. */
function deepMerge(target: JToken & { type: 'Object' }, content: JToken & { type: 'Object' }): JToken & { type: 'Object' } {
  const properties = new Map(target.properties);
  for (const [name, value] of content.properties) {
    const existing = properties.get(name);
    if (existing === undefined) {
      properties.set(name, value);
    } else if (existing.type === 'Object' && value.type === 'Object') {
      properties.set(name, deepMerge(existing, value));
    } else if (existing.type === 'Array' && value.type === 'Array') {
      properties.set(name, jarray([...existing.items, ...value.items]));
    } else if (value.type !== 'Null') {
      properties.set(name, value);
    }
  }
  return jobject(properties);
}

const notNull = define(
  'not_null',
  'base',
  (args) => args.map((arg) => arg.token).find((token) => token !== undefined && token.type !== 'Null') ?? JNULL,
);

const reverse = define(
  'reverse',
  (args, name) => {
    const type = jmesTypeOf(tokenOf(args, 0));
    if (type !== 'string' && type !== 'array') throw jmesError(`Error: invalid-type, function ${name} accepts either an array or a string.`);
  },
  (args) => {
    const token = tokenOf(args, 0);
    if (token.type === 'Array') return jarray([...token.items].reverse());
    return jstring((valueAsString(token) ?? '').split('').reverse().join(''));
  },
);

const sort = define(
  'sort',
  (args, name) => ensureArrayOfSame(args, 0, [], name),
  (args) => {
    const items = itemsOf(tokenOf(args, 0));
    if (items.length === 0) return jarray([]);
    if (items[0].type === 'Float') return jarray(orderBy(items, valueAsDouble, (a, b) => a - b));
    if (items[0].type === 'Integer') return jarray(orderBy(items, valueAsInt32, (a, b) => a - b));
    return jarray(orderBy(items, valueAsString, cultureCompare));
  },
);

const sortBy = define('sort_by', validateBy, (args, context) => {
  const items = itemsOf(tokenOf(args, 0));
  let expected: string | undefined;
  const keysOf = items.map((item) => {
    const key = asJToken(context.evaluate(args[1].expression!, item));
    const type = jmesTypeOf(key);
    if (expected === undefined) {
      if (type !== 'number' && type !== 'string')
        throw jmesError('Error: invalid-type, the expression argument of function sort_by should return a number or a string.');
      expected = type;
    }
    if (type !== expected) {
      throw jmesError(
        'Error: invalid-type, all items resulting from the evaluation of the expression argument of function {Name} should have the same type.',
      );
    }
    return key;
  });
  const order = items.map((item, index) => ({ item, index, key: keysOf[index] }));
  // Comparer<JToken>.Default uses JValue.CompareTo(object): numbers numerically, strings ordinally.
  order.sort((a, b) => compareValues(a.key.type as JTokenType, a.key as JValue, b.key as JValue) || a.index - b.index);
  return jarray(order.map((entry) => entry.item));
});

const sum = define(
  'sum',
  (args, name) => ensureArrayOfAny(args, 0, ['number'], name),
  (args) => {
    const items = itemsOf(tokenOf(args, 0));
    if (items.length === 0) return jinteger(0);
    const total = items.reduce((accumulator, item) => accumulator + valueAsDouble(item), 0);
    return Math.abs(total % 1) <= Number.MIN_VALUE * 100 ? jinteger(doubleToInt64(total)) : jfloat(total);
  },
);

const toArray = define('to_array', 'base', (args) => {
  const token = tokenOf(args, 0);
  return token.type === 'Array' ? token : jarray([token]);
});

const toNumber = define('to_number', 'base', (args) => {
  const token = tokenOf(args, 0);
  const type = jmesTypeOf(token);
  if (type === 'number') return token;
  if (type !== 'string') return JNULL;
  const text = valueAsString(token) ?? '';
  try {
    return jinteger(parseInt64(text));
  } catch {
    try {
      // double.TryParse with NumberStyles.Float: no thousands separators.
      if (!text.includes(',')) return jfloat(parseDouble(text));
    } catch {
      // fall through: not a number
    }
    return JNULL;
  }
});

const toString = define('to_string', 'base', (args) => {
  const token = tokenOf(args, 0);
  return jmesTypeOf(token) === 'string' ? token : jstring(serialize(token));
});

const type = define('type', 'base', (args) => jstring(jmesTypeOf(tokenOf(args, 0))));

const values = define(
  'values',
  (args, name) => {
    ensureOf(args, 0, 'object', name);
  },
  (args) => {
    const token = tokenOf(args, 0);
    return jarray(token.type === 'Object' ? [...token.properties.values()] : []);
  },
);

/** Json.NET's compact JSON writer (`JTokenExtensions.AsString`). */
function serialize(token: JToken): string {
  switch (token.type) {
    case 'Object':
      return `{${[...token.properties].map(([name, value]) => `${JSON.stringify(name)}:${serialize(value)}`).join(',')}}`;
    case 'Array':
      return `[${token.items.map(serialize).join(',')}]`;
    case 'Property':
      return `${JSON.stringify(token.name)}:${serialize(token.value)}`;
    case 'Null':
      return 'null';
    case 'Boolean':
      return token.value ? 'true' : 'false';
    case 'Integer':
      return token.value.toString();
    case 'Float':
      return serializeDouble(token.value);
    case 'String':
      return JSON.stringify(token.value);
    case 'Date':
      return JSON.stringify(formatJsonNetIso(token.value));
  }
}

/** `JsonConvert.ToString(double)`: round-trip digits, with ".0" when the text has no point or exponent. */
function serializeDouble(value: number): string {
  if (!Number.isFinite(value)) return JSON.stringify(formatDouble(value));
  const text = roundTrip(value);
  return /[.E]/.test(text) ? text : `${text}.0`;
}

/** .NET's round-trip format: shortest digits, exponent notation from 1E+15 and below 1E-05. */
function roundTrip(value: number): string {
  if (value === 0) return '0';
  const [mantissa, exponentText] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent >= 15 || exponent < -5) return `${mantissa}E${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  return String(value);
}

export const STANDARD_FUNCTIONS: readonly JmesFunction[] = [
  abs,
  avg,
  rounding('ceil', Math.ceil),
  contains,
  startsEndsWith('ends_with'),
  rounding('floor', Math.floor),
  join,
  length,
  keys,
  map,
  minOrMax('max'),
  minOrMaxBy('max_by'),
  merge,
  minOrMax('min'),
  minOrMaxBy('min_by'),
  notNull,
  reverse,
  startsEndsWith('starts_with'),
  sort,
  sortBy,
  sum,
  toArray,
  toNumber,
  toString,
  type,
  values,
];
