/**
 * The eight JMESPath functions MedTech registers (`microsoft/iomt-fhir` `src/lib/Microsoft.Health.Expressions`):
 * arithmetic in C# `long` (unchecked, integer division) unless an argument is a float, then `double`; string
 * insertion; Unix timestamps to UTC dates. Arguments are checked by their Json.NET token type, so a number written as
 * a string, or a date, is rejected.
 */
import { DotNetError, fromUnixMilliseconds, TICKS_PER_MILLISECOND } from './dotnet-datetime';
import { doubleToInt64, wrapInt64 } from './dotnet-number';
import { JmesFunction, JmesFunctionArgument, jmesError, tokenOf } from './jmes-path-argument';
import { jdate, jfloat, jinteger, JToken, JTokenType, jstring } from './json-token';
import { valueAsDouble, valueAsInt32, valueAsInt64, valueAsString } from './token-conversion';

function validatePositional(args: readonly JmesFunctionArgument[], position: number, types: readonly JTokenType[], name: string): void {
  if (!types.includes(tokenOf(args, position).type)) {
    throw jmesError(`Error: invalid-type, function ${name} expects argument ${position} to be one of the following: ${types.join('|')}`);
  }
}

const NUMBER: readonly JTokenType[] = ['Integer', 'Float'];

function arithmetic(name: string, onDoubles: (a: number, b: number) => number, onLongs: (a: bigint, b: bigint) => bigint): JmesFunction {
  return {
    name,
    validate: (args) => {
      validatePositional(args, 0, NUMBER, name);
      validatePositional(args, 1, NUMBER, name);
    },
    execute: (args) => {
      const left = tokenOf(args, 0);
      const right = tokenOf(args, 1);
      if (left.type === 'Float' || right.type === 'Float') return jfloat(onDoubles(valueAsDouble(left), valueAsDouble(right)));
      return jinteger(onLongs(valueAsInt64(left), valueAsInt64(right)));
    },
  };
}

function divideLongs(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new DotNetError('DivideByZeroException', 'Attempted to divide by zero.');
  if (a === -(2n ** 63n) && b === -1n) throw new DotNetError('OverflowException', 'Arithmetic operation resulted in an overflow.');
  return a / b;
}

function powLongs(a: bigint, b: bigint): bigint {
  return doubleToInt64(Math.pow(Number(a), Number(b)));
}

function fromUnix(name: string, parameter: 'seconds' | 'milliseconds', perUnit: bigint, min: bigint, max: bigint): JmesFunction {
  return {
    name,
    validate: (args) => validatePositional(args, 0, ['Integer'], name),
    execute: (args) => {
      const value = valueAsInt64(tokenOf(args, 0));
      if (value < min || value > max) {
        throw new DotNetError('ArgumentOutOfRangeException', `Valid values are between ${min} and ${max}, inclusive. (Parameter '${parameter}')`);
      }
      return jdate(fromUnixMilliseconds((value * perUnit) / TICKS_PER_MILLISECOND));
    },
  };
}

const insertString: JmesFunction = {
  name: 'insertString',
  validate: (args) => {
    validatePositional(args, 0, ['String'], 'insertString');
    validatePositional(args, 1, ['String'], 'insertString');
    validatePositional(args, 2, ['Integer'], 'insertString');
  },
  execute: (args): JToken => {
    const text = valueAsString(tokenOf(args, 0)) ?? '';
    const insert = valueAsString(tokenOf(args, 1)) ?? '';
    const position = valueAsInt32(tokenOf(args, 2));
    if (position < 0 || position > text.length) {
      throw new DotNetError('ArgumentOutOfRangeException', "Specified argument was out of the range of valid values. (Parameter 'index')");
    }
    return jstring(`${text.slice(0, position)}${insert}${text.slice(position)}`);
  },
};

export const MEDTECH_FUNCTIONS: readonly JmesFunction[] = [
  arithmetic(
    'add',
    (a, b) => a + b,
    (a, b) => wrapInt64(a + b),
  ),
  arithmetic(
    'subtract',
    (a, b) => a - b,
    (a, b) => wrapInt64(a - b),
  ),
  arithmetic(
    'multiply',
    (a, b) => a * b,
    (a, b) => wrapInt64(a * b),
  ),
  arithmetic('divide', (a, b) => a / b, divideLongs),
  arithmetic('pow', Math.pow, powLongs),
  insertString,
  fromUnix('fromUnixTimestamp', 'seconds', 10_000_000n, -62_135_596_800n, 253_402_300_799n),
  fromUnix('fromUnixTimestampMs', 'milliseconds', 10_000n, -62_135_596_800_000n, 253_402_300_799_999n),
];
