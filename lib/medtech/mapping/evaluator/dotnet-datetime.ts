import { trimCharacters } from '../../../core/text';

/**
 * .NET `DateTime` as the MedTech engine sees it: 100 ns ticks since 0001-01-01 plus a kind. Parsing follows
 * Json.NET's ISO reader (`DateTimeParser`, which turns ISO strings in a message into Date tokens) and a subset of
 * `DateTime.Parse` with the invariant culture (what `Value<DateTime?>()` does with any other string). The service
 * hosts run on UTC, so "local" time is UTC here: a kind only changes how a value is printed.
 */

export type DateTimeKind = 'Unspecified' | 'Utc' | 'Local';

export interface DotNetDateTime {
  readonly ticks: bigint;
  readonly kind: DateTimeKind;
}

export const TICKS_PER_MILLISECOND = 10_000n;
export const TICKS_PER_SECOND = 10_000_000n;
const TICKS_PER_MINUTE = 60n * TICKS_PER_SECOND;
export const TICKS_PER_HOUR = 60n * TICKS_PER_MINUTE;
export const TICKS_PER_DAY = 24n * TICKS_PER_HOUR;
const UNIX_EPOCH_TICKS = 621_355_968_000_000_000n;
export const MAX_TICKS = 3_155_378_975_999_999_999n;
const DAYS_TO_UNIX_EPOCH = 719_162n;

/** Thrown where .NET throws while converting or parsing; `typeName` is the .NET exception type. */
export class DotNetError extends Error {
  constructor(
    readonly typeName: string,
    message: string,
    readonly inner?: DotNetError,
  ) {
    super(message);
  }
}

export function formatError(text: string): DotNetError {
  return new DotNetError('FormatException', `String '${text}' was not recognized as a valid DateTime.`);
}

// ---------------------------------------------------------------------------------------------------------------
// Calendar arithmetic (proleptic Gregorian, days counted from 1970-01-01; Howard Hinnant's algorithms).

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export interface DateTimeParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** 0-9,999,999 ticks within the second. */
  readonly fraction: number;
}

/** Ticks of a valid date and time (the caller checks the ranges). */
export function ticksOf(parts: DateTimeParts): bigint {
  const days = BigInt(daysFromCivil(parts.year, parts.month, parts.day)) + DAYS_TO_UNIX_EPOCH;
  return (
    days * TICKS_PER_DAY +
    BigInt(parts.hour) * TICKS_PER_HOUR +
    BigInt(parts.minute) * TICKS_PER_MINUTE +
    BigInt(parts.second) * TICKS_PER_SECOND +
    BigInt(parts.fraction)
  );
}

export function partsOf(ticks: bigint): DateTimeParts {
  const days = ticks / TICKS_PER_DAY;
  let rest = ticks % TICKS_PER_DAY;
  const { year, month, day } = civilFromDays(Number(days - DAYS_TO_UNIX_EPOCH));
  const hour = Number(rest / TICKS_PER_HOUR);
  rest %= TICKS_PER_HOUR;
  const minute = Number(rest / TICKS_PER_MINUTE);
  rest %= TICKS_PER_MINUTE;
  const second = Number(rest / TICKS_PER_SECOND);
  return { year, month, day, hour, minute, second, fraction: Number(rest % TICKS_PER_SECOND) };
}

export function isValidTicks(ticks: bigint): boolean {
  return ticks >= 0n && ticks <= MAX_TICKS;
}

export function fromUnixMilliseconds(milliseconds: bigint, kind: DateTimeKind = 'Utc'): DotNetDateTime {
  return { ticks: UNIX_EPOCH_TICKS + milliseconds * TICKS_PER_MILLISECOND, kind };
}

export function fromJsDate(date: Date): DotNetDateTime | undefined {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return undefined;
  const value = fromUnixMilliseconds(BigInt(ms));
  return isValidTicks(value.ticks) ? value : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Json.NET's reader: which strings in a message become Date tokens (`DateTimeUtils.TryParseDateTime`).

/** The Date a JSON string becomes when Json.NET reads it with `DateParseHandling.DateTime`, or undefined. */
export function parseJsonNetDate(text: string): DotNetDateTime | undefined {
  if (text.length === 0) return undefined;
  if (text[0] === '/') {
    return text.length >= 9 && text.startsWith('/Date(') && text.endsWith(')/') ? parseMicrosoftDate(text) : undefined;
  }
  if (text.length >= 19 && text.length <= 40 && isAsciiDigit(text[0]) && text[10] === 'T') return parseJsonNetIso(text);
  return undefined;
}

function isAsciiDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** `DateTimeParser.Parse` + `TryParseDateTimeIso`: yyyy-MM-ddTHH:mm:ss[.f{1,7}][Z|±HH[[:]mm]]. */
function parseJsonNetIso(text: string): DotNetDateTime | undefined {
  const end = text.length;
  const digits = (start: number, count: number): number | undefined => {
    if (start + count > end) return undefined;
    let value = 0;
    for (let i = start; i < start + count; i++) {
      if (!isAsciiDigit(text[i])) return undefined;
      value = value * 10 + (text.charCodeAt(i) - 48);
    }
    return value;
  };
  const year = digits(0, 4);
  const month = digits(5, 2);
  const day = year === undefined || month === undefined ? undefined : digits(8, 2);
  if (
    year === undefined ||
    year < 1 ||
    text[4] !== '-' ||
    month === undefined ||
    month < 1 ||
    month > 12 ||
    text[7] !== '-' ||
    day === undefined ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    text[10] !== 'T'
  )
    return undefined;
  let hour = digits(11, 2);
  const minute = digits(14, 2);
  const second = digits(17, 2);
  if (
    hour === undefined ||
    hour > 24 ||
    text[13] !== ':' ||
    minute === undefined ||
    minute >= 60 ||
    text[16] !== ':' ||
    second === undefined ||
    second >= 60 ||
    (hour === 24 && (minute !== 0 || second !== 0))
  )
    return undefined;
  let position = 19;
  let fraction = 0;
  if (text[position] === '.') {
    let count = 0;
    while (++position < end && count < 7 && isAsciiDigit(text[position])) {
      fraction = fraction * 10 + (text.charCodeAt(position) - 48);
      count++;
    }
    if (count < 7) {
      if (count === 0) return undefined;
      fraction *= 10 ** (7 - count);
    }
    if (hour === 24 && fraction !== 0) return undefined;
  }
  // ParseZone
  let zone: 'none' | 'utc' | 'west' | 'east' = 'none';
  let zoneHour = 0;
  let zoneMinute = 0;
  if (position < end) {
    const c = text[position];
    if (c === 'Z' || c === 'z') {
      zone = 'utc';
      position++;
    } else {
      const parsedHour = position + 2 < end ? digits(position + 1, 2) : undefined;
      if (parsedHour !== undefined) {
        zoneHour = parsedHour;
        if (c === '-') {
          zone = 'west';
          position += 3;
        } else if (c === '+') {
          zone = 'east';
          position += 3;
        }
      }
      if (position < end) {
        if (text[position] === ':') position++;
        const parsedMinute = position + 1 < end ? digits(position, 2) : undefined;
        if (parsedMinute !== undefined) {
          zoneMinute = parsedMinute;
          position += 2;
        }
      }
    }
  }
  if (position !== end) return undefined;

  const is24 = hour === 24;
  if (is24) hour = 0;
  let ticks = ticksOf({ year, month, day, hour, minute, second, fraction });
  if (is24) ticks += TICKS_PER_DAY;
  const offset = BigInt(zoneHour) * TICKS_PER_HOUR + BigInt(zoneMinute) * TICKS_PER_MINUTE;
  switch (zone) {
    case 'utc':
      return { ticks, kind: 'Utc' };
    case 'west':
      return { ticks: clamp(ticks + offset), kind: 'Local' };
    case 'east':
      return { ticks: clamp(ticks - offset), kind: 'Local' };
    default:
      return { ticks, kind: 'Unspecified' };
  }
}

function clamp(ticks: bigint): bigint {
  return ticks < 0n ? 0n : ticks > MAX_TICKS ? MAX_TICKS : ticks;
}

/** `\/Date(1234567890123)\/` and `\/Date(1234567890123+0500)\/`. */
function parseMicrosoftDate(text: string): DotNetDateTime | undefined {
  const match = /^\/Date\((-?\d{1,19})([+-]\d{4})?\)\/$/.exec(text);
  if (match === null) return undefined;
  const value = fromUnixMilliseconds(BigInt(match[1]), match[2] === undefined ? 'Utc' : 'Local');
  return isValidTicks(value.ticks) ? value : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// DateTime.Parse(text, CultureInfo.InvariantCulture), for the formats devices send.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// Each pattern is anchored with bounded or single repeats: linear time on any input.
const ISO_LIKE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,16}))?)?)? ?(Z|z|GMT|UTC|[+-]\d{1,2}(?::?\d{2})?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,16}))?)? ?(AM|PM|am|pm)?)?$/;
const YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,16}))?)?)?$/;
const RFC1123 = /^(?:[A-Za-z]{3}, ?)?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? ?(GMT|UTC|Z)?$/;

/** `DateTime.Parse` for ISO 8601, `M/d/yyyy [h:mm[:ss] [AM|PM]]`, `yyyy/M/d [time]` and RFC 1123; throws FormatException. */
export function parseDotNetDateTime(input: string): DotNetDateTime {
  const text = input.trim().replace(/\s+/g, ' ');
  const iso = ISO_LIKE.exec(text);
  if (iso !== null) return build(input, +iso[1], +iso[2], +iso[3], iso[4], iso[5], iso[6], iso[7], undefined, iso[8]);
  const us = US_DATE.exec(text);
  if (us !== null) return build(input, +us[3], +us[1], +us[2], us[4], us[5], us[6], us[7], us[8], undefined);
  const ymd = YMD_SLASH.exec(text);
  if (ymd !== null) return build(input, +ymd[1], +ymd[2], +ymd[3], ymd[4], ymd[5], ymd[6], ymd[7], undefined, undefined);
  const rfc = RFC1123.exec(text);
  if (rfc !== null) {
    const month = MONTHS.indexOf(rfc[2].toLowerCase()) + 1;
    if (month > 0) return build(input, +rfc[3], month, +rfc[1], rfc[4], rfc[5], rfc[6], undefined, undefined, rfc[7]);
  }
  throw formatError(input);
}

function build(
  input: string,
  year: number,
  month: number,
  day: number,
  hourText: string | undefined,
  minuteText: string | undefined,
  secondText: string | undefined,
  fractionText: string | undefined,
  meridiem: string | undefined,
  zoneText: string | undefined,
): DotNetDateTime {
  let hour = hourText === undefined ? 0 : +hourText;
  const minute = minuteText === undefined ? 0 : +minuteText;
  const second = secondText === undefined ? 0 : +secondText;
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) throw formatError(input);
    const pm = meridiem.toUpperCase() === 'PM';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    throw formatError(input);
  }
  const fraction = fractionText === undefined ? 0 : Number(fractionText.slice(0, 7).padEnd(7, '0'));
  const ticks = ticksOf({ year, month, day, hour, minute, second, fraction });
  if (zoneText === undefined) return { ticks, kind: 'Unspecified' };
  // DateTime.Parse converts a time with a zone to local time (= UTC on the service's hosts).
  return { ticks: clamp(ticks - zoneOffsetTicks(zoneText)), kind: 'Local' };
}

function zoneOffsetTicks(zone: string): bigint {
  if (!/^[+-]/.test(zone)) return 0n;
  const sign = zone[0] === '-' ? -1n : 1n;
  const digits = zone.slice(1).replace(':', '');
  const hours = digits.length <= 2 ? digits : digits.slice(0, digits.length - 2);
  const minutes = digits.length <= 2 ? '0' : digits.slice(-2);
  return sign * (BigInt(hours) * TICKS_PER_HOUR + BigInt(minutes) * TICKS_PER_MINUTE);
}

// ---------------------------------------------------------------------------------------------------------------
// Formatting

function pad(value: number, length: number): string {
  return String(value).padStart(length, '0');
}

function datePart(parts: DateTimeParts): string {
  return `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}T${pad(parts.hour, 2)}:${pad(parts.minute, 2)}:${pad(parts.second, 2)}`;
}

function trimmedFraction(fraction: number): string {
  return fraction === 0 ? '' : `.${trimCharacters(pad(fraction, 7), '0', 'end')}`;
}

/** How Azure's docs and Mapping debugger print a measurement's time: `2023-03-13T22:46:01.875Z` (always UTC). */
export function formatMeasurementTime(value: DotNetDateTime): string {
  const parts = partsOf(value.ticks);
  return `${datePart(parts)}${trimmedFraction(parts.fraction)}Z`;
}

/** .NET round-trip format `"o"` of a UTC time: `2023-03-13T22:46:01.8750000Z`. */
export function formatRoundTrip(value: DotNetDateTime): string {
  const parts = partsOf(value.ticks);
  return `${datePart(parts)}.${pad(parts.fraction, 7)}Z`;
}

/** `yyyyMMddHHmmssZ` (the Z is literal): the time segment of an Observation identifier. */
export function formatIdSegment(value: DotNetDateTime): string {
  const p = partsOf(value.ticks);
  return `${pad(p.year, 4)}${pad(p.month, 2)}${pad(p.day, 2)}${pad(p.hour, 2)}${pad(p.minute, 2)}${pad(p.second, 2)}Z`;
}

/** `DateTime.ToString(CultureInfo.InvariantCulture)`: `03/13/2023 22:46:01`, what a Date token becomes as text. */
export function formatInvariant(value: DotNetDateTime): string {
  const p = partsOf(value.ticks);
  return `${pad(p.month, 2)}/${pad(p.day, 2)}/${pad(p.year, 4)} ${pad(p.hour, 2)}:${pad(p.minute, 2)}:${pad(p.second, 2)}`;
}

/** Json.NET's ISO writer (`DateTimeUtils.WriteDateTimeString`): trimmed fraction, `Z` for UTC, `+00:00` for local. */
export function formatJsonNetIso(value: DotNetDateTime): string {
  const parts = partsOf(value.ticks);
  const zone = value.kind === 'Utc' ? 'Z' : value.kind === 'Local' ? '+00:00' : '';
  return `${datePart(parts)}${trimmedFraction(parts.fraction)}${zone}`;
}
