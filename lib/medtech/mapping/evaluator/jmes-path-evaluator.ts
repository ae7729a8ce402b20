/**
 * Evaluates a JMESPath parsed by `analyzeJmesPath` (the checks' parser) with the semantics of JmesPath.Net 1.0.204,
 * the library the MedTech engine uses (pinned at 1.0.205). JmesPath.Net differs from the JMESPath specification in
 * how projections travel: a projection is a *value* (`JmesPathArgument.Projection`) that every later expression maps
 * over element by element, dropping nulls, until a pipe, a function argument or a comparison turns it into an array.
 * This is also what the engine looks at: a result that is still a projection yields one match per element.
 */
import { DotNetError } from './dotnet-datetime';
import { JmesArgument, JmesFunctionArgument, JmesFunctionContext, asJToken, isFalse, projection } from './jmes-path-argument';
import { STANDARD_FUNCTIONS } from './jmes-path-functions';
import { readJsonText } from './json-text';
import { JFALSE, jarray, JNULL, jobject, JToken, jstring, JTRUE, JValue } from './json-token';
import { MEDTECH_FUNCTIONS } from './medtech-functions';
import { compareOrdinal, convertToString, deepEquals, valueAsDouble } from './token-conversion';
import { JmesNode } from '../jmes-path';

const FUNCTIONS = new Map([...STANDARD_FUNCTIONS, ...MEDTECH_FUNCTIONS].map((fn) => [fn.name, fn]));

/** Evaluates a parsed expression on `data`; the result may be a projection. Throws DotNetError like JmesPath.Net. */
export function evaluateJmesPath(ast: JmesNode, data: JToken): JmesArgument {
  return transform(ast, data);
}

const context: JmesFunctionContext = { evaluate: (node, token) => transform(node, token) };

/** `JmesPathExpression.Transform(JmesPathArgument)`: a projection is mapped element by element, nulls dropped. */
function transform(node: JmesNode, argument: JmesArgument): JmesArgument {
  if (argument.type !== 'Projection') return transformToken(node, argument);
  const items: JmesArgument[] = [];
  for (const item of argument.items) {
    const result = transform(node, item);
    if (result.type === 'Projection' || result.type !== 'Null') items.push(result);
  }
  return projection(items);
}

function isNull(argument: JmesArgument): boolean {
  return argument.type === 'Null';
}

/** The compound expressions' rule: a null left side is the result, the right side is not evaluated. */
function then(left: JmesArgument, right: (value: JmesArgument) => JmesArgument): JmesArgument {
  return isNull(left) ? left : right(left);
}

function transformToken(node: JmesNode, json: JToken): JmesArgument {
  const [first, second, third] = node.children;
  switch (node.type) {
    case 'Field':
      return json.type === 'Object' ? json.properties.get(node.name ?? '') ?? JNULL : JNULL;
    case 'Current':
    case 'Identity':
      return json;
    case 'Literal':
      return literal(node);
    case 'Subexpression':
      return then(transform(first, json), (left) => transform(second, left));
    case 'IndexExpression':
      return then(transform(first, json), (left) => transform(second, left));
    case 'Index':
      return index(node.index ?? 0, json);
    case 'Slice':
      return slice(node.slice ?? [undefined, undefined, undefined], json);
    case 'Projection':
      return projectionNode(first, second, json);
    case 'ValueProjection':
      return withRight(then(transform(first, json), (left) => mapTokens(left, hashWildcard)), second);
    case 'FilterProjection':
      return withRight(then(transform(first, json), (left) => mapTokens(left, (token) => filter(token, second))), third);
    case 'Flatten':
      return then(transform(first, json), flatten);
    case 'Pipe':
      return transform(second, asJToken(transform(first, json)));
    case 'Or': {
      const left = transform(first, json);
      return !isFalse(asJToken(left)) ? left : transform(second, json);
    }
    case 'And': {
      const left = transform(first, json);
      return !isFalse(asJToken(left)) ? transform(second, json) : left;
    }
    case 'Not':
      return isFalse(asJToken(transform(first, json))) ? JTRUE : JFALSE;
    case 'Comparator':
      return compare(node.name ?? '==', asJToken(transform(first, json)), asJToken(transform(second, json)));
    case 'Function':
      return callFunction(node, json);
    case 'MultiSelectList':
      return jarray(node.children.map((child) => asJToken(transform(child, json))));
    case 'MultiSelectHash':
      return jobject(node.children.map((child, i) => [node.keys?.[i] ?? '', asJToken(transform(child, json))] as const));
    case 'ExpressionReference':
      return JNULL;
  }
}

/** A Projection node: `[*]`, `[]` or a slice on the left, then the right-hand side applied to the projection. */
function projectionNode(left: JmesNode, right: JmesNode, json: JToken): JmesArgument {
  let projected: JmesArgument;
  if (left.type === 'Flatten') {
    projected = then(transform(left.children[0], json), flatten);
  } else if (left.type === 'IndexExpression' && left.children[1].type === 'Slice') {
    const sliceNode = left.children[1];
    projected = then(transform(left.children[0], json), (value) => transform(sliceNode, value));
  } else {
    projected = then(transform(left, json), (value) => mapTokens(value, listWildcard));
  }
  return withRight(projected, right);
}

function withRight(projected: JmesArgument, right: JmesNode | undefined): JmesArgument {
  if (right === undefined || right.type === 'Identity') return projected;
  return then(projected, (value) => transform(right, value));
}

/** Applies a projection specifier the way `Transform(argument)` does: element by element on a projection. */
function mapTokens(argument: JmesArgument, project: (token: JToken) => JmesArgument): JmesArgument {
  if (argument.type !== 'Projection') return project(argument);
  const items: JmesArgument[] = [];
  for (const item of argument.items) {
    const result = mapTokens(item, project);
    if (result.type === 'Projection' || result.type !== 'Null') items.push(result);
  }
  return projection(items);
}

/** `[*]` (`JmesPathListWildcardProjection`): the non-null items of an array. */
function listWildcard(token: JToken): JmesArgument {
  if (token.type !== 'Array') return JNULL;
  return projection(token.items.filter((item) => item.type !== 'Null'));
}

/** `*` (`JmesPathHashWildcardProjection`): an object's values, nulls included. */
function hashWildcard(token: JToken): JmesArgument {
  if (token.type !== 'Object') return JNULL;
  return projection([...token.properties.values()]);
}

/** `[?condition]`: the items for which the condition is not false. */
function filter(token: JToken, condition: JmesNode): JmesArgument {
  if (token.type !== 'Array') return JNULL;
  return projection(token.items.filter((item) => !isFalse(asJToken(transform(condition, item)))));
}

/** `[]` (`JmesPathFlattenProjection`): works on the whole value, a projection included; one level, nulls dropped. */
function flatten(argument: JmesArgument): JmesArgument {
  const token = asJToken(argument);
  if (token.type !== 'Array') return JNULL;
  const items: JToken[] = [];
  for (const item of token.items) {
    if (item.type === 'Null') continue;
    if (item.type === 'Array') items.push(...item.items.filter((inner) => inner.type !== 'Null'));
    else items.push(item);
  }
  return projection(items);
}

function index(position: number, json: JToken): JmesArgument {
  if (json.type !== 'Array') return JNULL;
  const at = position < 0 ? json.items.length + position : position;
  return at < 0 || at >= json.items.length ? JNULL : json.items[at];
}

/** `JmesPathSliceProjection`: items of the slice (nulls kept), as a projection. */
function slice(parts: readonly [number | undefined, number | undefined, number | undefined], json: JToken): JmesArgument {
  if (json.type !== 'Array') return JNULL;
  const [startPart, stopPart, stepPart] = parts;
  const step = stepPart ?? 1;
  const length = json.items.length;
  let start = startPart ?? (step > 0 ? 0 : length - 1);
  if (startPart !== undefined && startPart < 0) start = length + startPart;
  let stop = stopPart ?? (step > 0 ? length : -1);
  if (stopPart !== undefined && stopPart < 0) stop = length + stopPart;
  const items: JToken[] = [];
  for (let i = start; step > 0 ? i < stop : i > stop; i += step) {
    if (i >= 0 && i < length) items.push(json.items[i]);
  }
  return projection(items);
}

const literals = new WeakMap<JmesNode, JToken>();

/**
 * A literal: raw strings as they are; backtick literals as JSON (`JToken.Parse`, so ISO strings become dates). A
 * backtick literal that is not JSON is read as a string, the JMESPath specification's legacy form that Azure's docs
 * use; the checks warn that JmesPath.Net may reject it.
 */
function literal(node: JmesNode): JToken {
  let value = literals.get(node);
  if (value === undefined) {
    const text = node.text ?? '';
    if (node.raw === true) {
      value = jstring(text);
    } else {
      const parsed = readJsonText(text, { readDates: true, allowTrailingText: false });
      value = parsed.ok ? parsed.token : jstring(text.trim());
    }
    literals.set(node, value);
  }
  return value;
}

/** Comparators: `==`/`!=` by `JToken.DeepEquals`; ordering on two numbers or two strings (null counts as a string), else null. */
function compare(operator: string, left: JToken, right: JToken): JmesArgument {
  if (operator === '==') return deepEquals(left, right) ? JTRUE : JFALSE;
  if (operator === '!=') return deepEquals(left, right) ? JFALSE : JTRUE;
  const bothNumbers = (left.type === 'Integer' || left.type === 'Float') && (right.type === 'Integer' || right.type === 'Float');
  if (bothNumbers) {
    const a = valueAsDouble(left);
    const b = valueAsDouble(right);
    const result = operator === '<' ? a < b : operator === '<=' ? a <= b : operator === '>' ? a > b : a >= b;
    return result ? JTRUE : JFALSE;
  }
  const stringLike = (token: JToken): boolean => token.type === 'String' || token.type === 'Date' || token.type === 'Null';
  if (!stringLike(left) || !stringLike(right)) return JNULL;
  const a = convertToString(left as JValue);
  const b = convertToString(right as JValue);
  return compareStrings(operator, a, b) ? JTRUE : JFALSE;
}

/** The string overloads of JmesPath.Net's ordering operators, null handling included. */
function compareStrings(operator: string, left: string | null, right: string | null): boolean {
  const ordinal = (a: string, b: string | null): number => (b === null ? 1 : compareOrdinal(a, b));
  switch (operator) {
    case '<': return left === null ? right !== null : ordinal(left, right) < 0;
    case '<=': return left === null ? true : ordinal(left, right) <= 0;
    case '>': return left === null ? false : ordinal(left, right) > 0;
    default: return left === null ? right === null : ordinal(left, right) >= 0;
  }
}

/** `JmesPathFunctionExpression.Transform`: arguments evaluated (projections become arrays), validated, executed. */
function callFunction(node: JmesNode, json: JToken): JmesArgument {
  const fn = FUNCTIONS.get(node.name ?? '');
  if (fn === undefined) throw new DotNetError('Exception', `Error: unknown-function, no function named ${node.name ?? ''} has been registered.`);
  const args: JmesFunctionArgument[] = node.children.map((child) =>
    child.type === 'ExpressionReference' ? { expression: child.children[0] } : { token: asJToken(transform(child, json)) },
  );
  fn.validate(args);
  return fn.execute(args, context);
}
