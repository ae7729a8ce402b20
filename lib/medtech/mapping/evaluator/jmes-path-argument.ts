/**
 * JmesPath.Net's `JmesPathArgument`: a token, or a projection (a list of arguments that later expressions map
 * over). Shared by the evaluator and the function table.
 */
import { DotNetError } from './dotnet-datetime';
import { jarray, JToken } from './json-token';
import { convertToString } from './token-conversion';
import { JmesNode } from '../jmes-path';

export interface JmesProjection {
  readonly type: 'Projection';
  readonly items: readonly JmesArgument[];
}

export type JmesArgument = JToken | JmesProjection;

export function projection(items: readonly JmesArgument[]): JmesProjection {
  return { type: 'Projection', items };
}

/** `AsJToken()`: a projection becomes an array (nested projections nested arrays). */
export function asJToken(argument: JmesArgument): JToken {
  if (argument.type !== 'Projection') return argument;
  return jarray(argument.items.map(asJToken));
}

/** `JTokens.IsFalse`: empty array, empty object, empty string, false and null. */
export function isFalse(token: JToken): boolean {
  switch (token.type) {
    case 'Array':
      return token.items.length === 0;
    case 'Object':
      return token.properties.size === 0;
    case 'String':
      return token.value === '';
    case 'Date':
      return convertToString(token) === '';
    case 'Boolean':
      return !token.value;
    case 'Null':
      return true;
    default:
      return false;
  }
}

/** One argument of a function call: an evaluated token, or an expression reference (`&expr`). */
export type JmesFunctionArgument =
  { readonly token: JToken; readonly expression?: undefined } | { readonly expression: JmesNode; readonly token?: undefined };

export interface JmesFunctionContext {
  /** Evaluates an expression reference on a token. */
  evaluate(node: JmesNode, token: JToken): JmesArgument;
}

export interface JmesFunction {
  readonly name: string;
  /** Throws like the function's `Validate`. */
  validate(args: readonly JmesFunctionArgument[]): void;
  execute(args: readonly JmesFunctionArgument[], context: JmesFunctionContext): JToken;
}

/** An argument's token; an expression reference where a token is expected dereferences null in JmesPath.Net. */
export function tokenOf(args: readonly JmesFunctionArgument[], index: number): JToken {
  const token = args[index]?.token;
  if (token === undefined) throw new DotNetError('NullReferenceException', 'Object reference not set to an instance of an object.');
  return token;
}

/** JmesPath.Net's type names (`GetTokenType`): dates are strings. */
export function jmesTypeOf(token: JToken): string {
  switch (token.type) {
    case 'Object':
      return 'object';
    case 'Array':
      return 'array';
    case 'Integer':
    case 'Float':
      return 'number';
    case 'Boolean':
      return 'boolean';
    case 'Null':
      return 'null';
    case 'String':
    case 'Date':
      return 'string';
    default:
      throw new DotNetError('NotSupportedException', 'Specified method is not supported.');
  }
}

export function jmesError(message: string): DotNetError {
  return new DotNetError('Exception', message);
}
