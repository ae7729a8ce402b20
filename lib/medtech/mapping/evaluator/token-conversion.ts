/**
 * What Json.NET does when the engine asks a token for a .NET value (`token.Value<string>()`,
 * `Value<DateTime?>()`, `Value<double>()`...), and how Json.NET compares and equates tokens (`JValue.Compare`,
 * `JToken.DeepEquals`). Conversions go through `System.Convert` with the invariant culture, so they fail with the
 * same exception types and texts.
 */
import { DotNetDateTime, DotNetError, formatInvariant, parseDotNetDateTime } from './dotnet-datetime';
import { doubleToInt32, doubleToInt64, formatDouble, isInt64, parseBoolean, parseDouble, parseInt64, toInt32 } from './dotnet-number';
import { dotNetClassName, JToken, JTokenType, JValue, isValue } from './json-token';

/** The .NET type of a value's payload, for cast error texts. */
function dotNetTypeOf(value: JValue): string {
  switch (value.type) {
    case 'String':
      return 'String';
    case 'Integer':
      return isInt64(value.value) ? 'Int64' : 'BigInteger';
    case 'Float':
      return 'Double';
    case 'Boolean':
      return 'Boolean';
    case 'Date':
      return 'DateTime';
    default:
      return 'Object';
  }
}

function invalidCast(from: JValue, to: string): DotNetError {
  if (from.type === 'Integer' && !isInt64(from.value)) return new DotNetError('InvalidCastException', 'Object must implement IConvertible.');
  return new DotNetError('InvalidCastException', `Invalid cast from '${dotNetTypeOf(from)}' to '${to}'.`);
}

function requireValue(token: JToken, target: string): JValue {
  if (!isValue(token)) throw new DotNetError('InvalidCastException', `Cannot cast ${dotNetClassName(token)} to ${target}.`);
  return token;
}

/** `Convert.ToString(value, CultureInfo.InvariantCulture)` of a value's payload; null for JSON null. */
export function convertToString(value: JValue): string | null {
  switch (value.type) {
    case 'Null':
      return null;
    case 'String':
      return value.value;
    case 'Integer':
      if (!isInt64(value.value)) throw invalidCast(value, 'String');
      return value.value.toString();
    case 'Float':
      return formatDouble(value.value);
    case 'Boolean':
      return value.value ? 'True' : 'False';
    case 'Date':
      return formatInvariant(value.value);
  }
}

/** `token.Value<string>()`: null for JSON null; objects and arrays cannot be cast. */
export function valueAsString(token: JToken): string | null {
  const value = requireValue(token, 'System.String');
  if (value.type === 'Integer' && !isInt64(value.value)) throw invalidCast(value, 'String');
  return convertToString(value);
}

/** `token.Value<DateTime?>()`: Date tokens as they are, strings through `DateTime.Parse`, numbers fail. */
export function valueAsDateTime(token: JToken): DotNetDateTime | null {
  const value = requireValue(token, 'System.Nullable`1[System.DateTime]');
  return convertToDateTime(value);
}

export function convertToDateTime(value: JValue): DotNetDateTime | null {
  switch (value.type) {
    case 'Null':
      return null;
    case 'Date':
      return value.value;
    case 'String':
      return parseDotNetDateTime(value.value);
    default:
      throw invalidCast(value, 'DateTime');
  }
}

/** `Convert.ToDouble(object)`; `Value<double>()` on a JSON null fails ("Null object cannot be converted to a value type."). */
export function convertToDouble(value: JValue): number {
  switch (value.type) {
    case 'Null':
      throw new DotNetError('InvalidCastException', 'Null object cannot be converted to a value type.');
    case 'Integer':
      if (!isInt64(value.value)) throw invalidCast(value, 'Double');
      return Number(value.value);
    case 'Float':
      return value.value;
    case 'String':
      return parseDouble(value.value);
    case 'Boolean':
      return value.value ? 1 : 0;
    default:
      throw invalidCast(value, 'Double');
  }
}

export function convertToInt64(value: JValue): bigint {
  switch (value.type) {
    case 'Null':
      throw new DotNetError('InvalidCastException', 'Null object cannot be converted to a value type.');
    case 'Integer':
      if (!isInt64(value.value)) throw invalidCast(value, 'Int64');
      return value.value;
    case 'Float':
      return doubleToInt64(value.value);
    case 'String':
      return parseInt64(value.value);
    case 'Boolean':
      return value.value ? 1n : 0n;
    default:
      throw invalidCast(value, 'Int64');
  }
}

function convertToInt32(value: JValue): number {
  if (value.type === 'Float') return doubleToInt32(value.value);
  return toInt32(convertToInt64(value));
}

function convertToBoolean(value: JValue): boolean {
  switch (value.type) {
    case 'Null':
      throw new DotNetError('InvalidCastException', 'Null object cannot be converted to a value type.');
    case 'Boolean':
      return value.value;
    case 'String':
      return parseBoolean(value.value);
    case 'Integer':
      return value.value !== 0n;
    case 'Float':
      return value.value !== 0;
    default:
      throw invalidCast(value, 'Boolean');
  }
}

export function valueAsDouble(token: JToken): number {
  return convertToDouble(requireValue(token, 'System.Double'));
}

export function valueAsInt64(token: JToken): bigint {
  return convertToInt64(requireValue(token, 'System.Int64'));
}

export function valueAsInt32(token: JToken): number {
  return convertToInt32(requireValue(token, 'System.Int32'));
}

/** C# `string.CompareOrdinal`: UTF-16 code units, as JavaScript compares strings. */
export function compareOrdinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sign(value: number): number {
  return value < 0 ? -1 : value > 0 ? 1 : 0;
}

/** `MathUtils.ApproxEquals`, then `double.CompareTo` (NaN sorts first). */
function compareFloat(a: JValue, b: JValue): number {
  const d1 = convertToDouble(a);
  const d2 = convertToDouble(b);
  if (d1 === d2) return 0;
  const tolerance = (Math.abs(d1) + Math.abs(d2) + 10.0) * 2.2204460492503131e-16;
  const difference = d1 - d2;
  if (-tolerance < difference && tolerance > difference) return 0;
  if (Number.isNaN(d1)) return Number.isNaN(d2) ? 0 : -1;
  if (Number.isNaN(d2)) return 1;
  return sign(d1 - d2);
}

function isBig(value: JValue): value is { type: 'Integer'; value: bigint } {
  return value.type === 'Integer' && !isInt64(value.value);
}

function toBigInteger(value: JValue): bigint {
  switch (value.type) {
    case 'Integer':
      return value.value;
    case 'Float':
      return BigInt(Math.trunc(value.value));
    case 'String':
      if (!/^\s*[+-]?\d+\s*$/.test(value.value)) throw new DotNetError('FormatException', 'The value could not be parsed.');
      return BigInt(value.value.trim());
    case 'Boolean':
      return value.value ? 1n : 0n;
    default:
      throw new DotNetError('InvalidCastException', `Cannot convert ${dotNetTypeOf(value)} to BigInteger.`);
  }
}

function compareBigInteger(big: bigint, other: JValue): number {
  const otherBig = toBigInteger(other);
  if (big !== otherBig) return big < otherBig ? -1 : 1;
  if (other.type === 'Float') return -sign(other.value - Math.trunc(other.value));
  return 0;
}

/** `JValue.Compare(valueType, objA, objB)`: how Json.NET orders two values, converting the second to the first's type. */
export function compareValues(valueType: JTokenType, a: JValue, b: JValue): number {
  if (a.type === 'Null' && b.type === 'Null') return 0;
  if (b.type === 'Null') return 1;
  if (a.type === 'Null') return -1;
  switch (valueType) {
    case 'Integer':
    case 'Float':
      if (isBig(a)) return compareBigInteger(a.value, b);
      if (isBig(b)) return -compareBigInteger(b.value, a);
      if (valueType === 'Integer' && a.type !== 'Float' && b.type !== 'Float') return sign(Number(convertToInt64(a) - convertToInt64(b)));
      return compareFloat(a, b);
    case 'String':
      return compareOrdinal(convertToString(a) ?? '', convertToString(b) ?? '');
    case 'Boolean':
      return sign(Number(convertToBoolean(a)) - Number(convertToBoolean(b)));
    case 'Date': {
      if (a.type !== 'Date')
        throw new DotNetError('InvalidCastException', `Unable to cast object of type 'System.${dotNetTypeOf(a)}' to type 'System.DateTimeOffset'.`);
      const other = convertToDateTime(b)!;
      return a.value.ticks === other.ticks ? 0 : a.value.ticks < other.ticks ? -1 : 1;
    }
    default:
      return 0;
  }
}

/** `JValue.CompareTo(JValue)`: a string on the left is compared as the right side's type. */
export function compareTo(left: JValue, right: JValue): number {
  const valueType = left.type === 'String' && right.type !== 'String' ? right.type : left.type;
  return compareValues(valueType, left, right);
}

/** `JValue.Equals(JValue)`: same type and equal values. */
export function valuesEqual(a: JValue, b: JValue): boolean {
  return a.type === b.type && compareValues(a.type, a, b) === 0;
}

/** `JToken.DeepEquals`: values by type and value, arrays in order, objects by name regardless of order. */
export function deepEquals(a: JToken, b: JToken): boolean {
  if (a === b) return true;
  if (isValue(a) || isValue(b)) return isValue(a) && isValue(b) && valuesEqual(a, b);
  if (a.type === 'Array' && b.type === 'Array') {
    return a.items.length === b.items.length && a.items.every((item, index) => deepEquals(item, b.items[index]));
  }
  if (a.type === 'Object' && b.type === 'Object') {
    if (a.properties.size !== b.properties.size) return false;
    for (const [name, value] of a.properties) {
      const other = b.properties.get(name);
      if (other === undefined || !deepEquals(value, other)) return false;
    }
    return true;
  }
  if (a.type === 'Property' && b.type === 'Property') return a.name === b.name && deepEquals(a.value, b.value);
  return false;
}
