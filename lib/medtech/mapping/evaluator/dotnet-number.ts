/**
 * .NET number conversions with the invariant culture, as the MedTech engine applies them: doubles printed with 15
 * significant digits (the published sample output shows `27.9809802487198`, .NET's classic `G` format), and
 * `long.Parse`, `double.Parse`, `decimal.Parse`, `bool.Parse` with their accepted syntax and exception texts.
 */
import { DotNetError } from './dotnet-datetime';
import { trimCharacters } from '../../../core/text';

export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;
const INT32_MIN = -(2n ** 31n);
const INT32_MAX = 2n ** 31n - 1n;

export function isInt64(value: bigint): boolean {
  return value >= INT64_MIN && value <= INT64_MAX;
}

/** `double.ToString(CultureInfo.InvariantCulture)` in .NET's classic form: 15 significant digits, `E+15` notation. */
export function formatDouble(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (value === 0) return '0';
  const [mantissa, exponentText] = Math.abs(value).toExponential(14).split('e');
  const exponent = Number(exponentText);
  const digits = trimCharacters(mantissa.replace('.', ''), '0', 'end');
  const sign = value < 0 ? '-' : '';
  if (exponent >= 15 || exponent < -5) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
    return `${sign}${digits[0]}${fraction}E${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return `${sign}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}

function formatException(): DotNetError {
  return new DotNetError('FormatException', 'Input string was not in a correct format.');
}

function overflow(type: 'Int32' | 'Int64' | 'Double' | 'Decimal'): DotNetError {
  const article = type.startsWith('I') ? 'an' : 'a';
  return new DotNetError('OverflowException', `Value was either too large or too small for ${article} ${type}.`);
}

// .NET's white space for number parsing (NumberStyles.AllowLeadingWhite / AllowTrailingWhite).
// .NET's white space for number parsing (NumberStyles.AllowLeadingWhite / AllowTrailingWhite) is trimmed first, so
// that the patterns, each part starting with its own kind of character, run in linear time.
const WHITE = '\t\n\v\f\r ';
const INTEGER = /^([+-]?)(\d+)$/;
const FLOAT = /^([+-]?)(\d[\d,]*)?(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const DECIMAL_BODY = /^(\d[\d,]*)?(?:\.(\d*))?$/;

function isWhite(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';
}

/** Removes .NET number white space from both ends (a loop: a regular expression like /\s+$/ can be quadratic). */
function trimWhite(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isWhite(text[start])) start++;
  while (end > start && isWhite(text[end - 1])) end--;
  return text.slice(start, end);
}

/** `long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture)`. */
export function parseInt64(text: string): bigint {
  const match = INTEGER.exec(trimCharacters(text, WHITE));
  if (match === null) throw formatException();
  const value = BigInt(`${match[1]}${match[2]}`);
  if (!isInt64(value)) throw overflow('Int64');
  return value;
}

/** `double.Parse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture)`. */
export function parseDouble(text: string): number {
  const trimmed = text.trim();
  const symbol = /^([+-]?)(Infinity|∞|NaN)$/i.exec(trimmed);
  if (symbol !== null) {
    if (symbol[2].toLowerCase() === 'nan') return NaN;
    return symbol[1] === '-' ? -Infinity : Infinity;
  }
  const match = FLOAT.exec(trimCharacters(text, WHITE));
  if (match === null || (match[2] === undefined && (match[3] === undefined || match[3] === ''))) throw formatException();
  if (match[2] !== undefined && match[2].startsWith(',')) throw formatException();
  const value = Number(`${match[1]}${(match[2] ?? '0').replace(/,/g, '')}.${match[3] ?? ''}0e${match[4] ?? '0'}`);
  if (!Number.isFinite(value)) throw overflow('Double');
  return value;
}

/**
 * `decimal.Parse(text, CultureInfo.InvariantCulture)` (NumberStyles.Number: signs before or after, thousands, a
 * decimal point, no exponent). Returns the number's canonical text, e.g. `"78"` or `"-0.5"`.
 */
export function parseDecimal(text: string): string {
  let body = trimWhite(text);
  let negative = false;
  if (body[0] === '+' || body[0] === '-') {
    negative = body[0] === '-';
    body = body.slice(1);
  } else if (body.endsWith('+') || body.endsWith('-')) {
    negative = body.endsWith('-');
    body = body.slice(0, -1);
  }
  const match = DECIMAL_BODY.exec(body);
  if (match === null || (match[1] === undefined && (match[2] === undefined || match[2] === ''))) throw formatException();
  const whole = (match[1] ?? '0').replace(/,/g, '').replace(/^0+(?=\d)/, '');
  const fraction = trimCharacters(match[2] ?? '', '0', 'end');
  // System.Decimal holds 96-bit integers scaled by a power of ten: about 7.9e28.
  if (whole.length > 29 || (whole.length === 29 && whole > '79228162514264337593543950335')) throw overflow('Decimal');
  const significant = `${whole}${fraction}`.replace(/^0+/, '');
  const kept = significant.length > 29 ? fraction.slice(0, Math.max(0, fraction.length - (significant.length - 29))) : fraction;
  const magnitude = `${whole}${kept === '' ? '' : `.${kept}`}`;
  return negative && /[1-9]/.test(magnitude) ? `-${magnitude}` : magnitude;
}

/** `bool.Parse` / `Convert.ToBoolean(string)`: "true" or "false" in any case, surrounding white space allowed. */
export function parseBoolean(text: string): boolean {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'true') return true;
  if (trimmed === 'false') return false;
  throw new DotNetError('FormatException', `String '${text}' was not recognized as a valid Boolean.`);
}

/** `Convert.ToInt32(long)`. */
export function toInt32(value: bigint): number {
  if (value < INT32_MIN || value > INT32_MAX) throw overflow('Int32');
  return Number(value);
}

/** `Convert.ToInt64(double)`: rounds half to even, fails outside the Int64 range (and for NaN). */
export function doubleToInt64(value: number): bigint {
  if (!Number.isFinite(value) || value >= 9223372036854775808 || value < -9223372036854775808) throw overflow('Int64');
  return BigInt(roundHalfEven(value));
}

/** `Convert.ToInt32(double)`. */
export function doubleToInt32(value: number): number {
  if (!Number.isFinite(value) || value >= 2147483647.5 || value < -2147483648.5) throw overflow('Int32');
  return roundHalfEven(value);
}

function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const difference = value - floor;
  if (difference < 0.5) return floor;
  if (difference > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** C# `long` arithmetic is unchecked: results wrap around. */
export function wrapInt64(value: bigint): bigint {
  return BigInt.asIntN(64, value);
}
