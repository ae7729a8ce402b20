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

/**
 * JmesPath.Net builds a left-deep tree (`a[*].b.c` is Sub(Sub(Index(a, [*]), b), c)), and each compound node
 * checks for null only on the whole value on its left: inside a projection, every later step runs on each element,
 * with no short-circuit. The parser used here builds the specification's tree, where a projection holds its
 * right-hand side, so each expression is first flattened into JmesPath.Net's shape: a base and a chain of steps.
 */
type Step =
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'current' }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'slice'; readonly parts: readonly [number | undefined, number | undefined, number | undefined] }
  | { readonly kind: 'listWildcard' }
  | { readonly kind: 'hashWildcard' }
  | { readonly kind: 'filter'; readonly condition: JmesNode }
  | { readonly kind: 'flatten' }
  /** A node evaluated on the value as a whole: multi-select, function call, or anything else in step position. */
  | { readonly kind: 'node'; readonly node: JmesNode };

interface Chain {
  /** An expression evaluated first on the input (a pipe, `||`, a literal...); undefined: the chain starts on the input. */
  readonly base?: JmesNode;
  readonly steps: readonly Step[];
}

const chains = new WeakMap<JmesNode, Chain>();

function chainOf(node: JmesNode): Chain {
  let chain = chains.get(node);
  if (chain === undefined) {
    chain = linearize(node);
    chains.set(node, chain);
  }
  return chain;
}

function append(chain: Chain, ...rest: ReadonlyArray<Chain | Step>): Chain {
  const steps = [...chain.steps];
  for (const part of rest) {
    if ('kind' in part) steps.push(part);
    else if (part.base !== undefined) steps.push({ kind: 'node', node: part.base }, ...part.steps);
    else steps.push(...part.steps);
  }
  return { base: chain.base, steps };
}

function linearize(node: JmesNode): Chain {
  const [first, second, third] = node.children;
  switch (node.type) {
    case 'Field':
      return { steps: [{ kind: 'field', name: node.name ?? '' }] };
    case 'Current':
      return { steps: [{ kind: 'current' }] };
    case 'Identity':
      return { steps: [] };
    case 'Index':
      return { steps: [{ kind: 'index', index: node.index ?? 0 }] };
    case 'Slice':
      return { steps: [{ kind: 'slice', parts: node.slice ?? [undefined, undefined, undefined] }] };
    case 'Subexpression':
    case 'IndexExpression':
      return append(linearize(first), linearize(second));
    case 'Projection':
      if (first.type === 'Flatten') return append(linearize(first.children[0]), { kind: 'flatten' }, linearize(second));
      if (first.type === 'IndexExpression' && first.children[1].type === 'Slice')
        return append(linearize(first.children[0]), linearize(first.children[1]), linearize(second));
      return append(linearize(first), { kind: 'listWildcard' }, linearize(second));
    case 'ValueProjection':
      return append(linearize(first), { kind: 'hashWildcard' }, linearize(second));
    case 'FilterProjection':
      return append(linearize(first), { kind: 'filter', condition: second }, linearize(third));
    case 'Flatten':
      return append(linearize(first), { kind: 'flatten' });
    case 'MultiSelectList':
    case 'MultiSelectHash':
    case 'Function':
      return { steps: [{ kind: 'node', node }] };
    default:
      return { base: node, steps: [] };
  }
}

/** Evaluates an expression on a token (projections only ever flow between the steps of a chain). */
function transform(node: JmesNode, json: JmesArgument): JmesArgument {
  const chain = chainOf(node);
  let value: JmesArgument;
  let next = 0;
  if (chain.base !== undefined) {
    value = evaluateNode(chain.base, asJToken(json));
  } else if (chain.steps.length === 0) {
    return json;
  } else {
    value = applyStep(chain.steps[0], json);
    next = 1;
  }
  for (; next < chain.steps.length; next++) {
    // The compound node's check: a null on the left is the result (a projection is never null).
    if (value.type === 'Null') return value;
    value = applyStep(chain.steps[next], value);
  }
  return value;
}

/** `JmesPathExpression.Transform(JmesPathArgument)`: a projection is mapped element by element; only `[]` takes it whole. */
function applyStep(step: Step, argument: JmesArgument): JmesArgument {
  if (step.kind === 'flatten') return flatten(argument);
  if (argument.type !== 'Projection') return stepOnToken(step, argument);
  const items: JmesArgument[] = [];
  for (const item of argument.items) {
    const result = applyStep(step, item);
    // By reference, as JmesPath.Net compares with JTokens.Null: a null that is in the data stays.
    if (result !== JNULL) items.push(result);
  }
  return projection(items);
}

function stepOnToken(step: Step, json: JToken): JmesArgument {
  switch (step.kind) {
    case 'field':
      return json.type === 'Object' ? (json.properties.get(step.name) ?? JNULL) : JNULL;
    case 'current':
      return json;
    case 'index':
      return index(step.index, json);
    case 'slice':
      return slice(step.parts, json);
    case 'listWildcard':
      return json.type === 'Array' ? projection(json.items.filter((item) => item.type !== 'Null')) : JNULL;
    case 'hashWildcard':
      return json.type === 'Object' ? projection([...json.properties.values()]) : JNULL;
    case 'filter':
      return json.type === 'Array' ? projection(json.items.filter((item) => !isFalse(asJToken(transform(step.condition, item))))) : JNULL;
    case 'flatten':
      return flatten(json);
    case 'node':
      return evaluateNode(step.node, json);
  }
}

/** The nodes that are not path steps (and multi-selects and calls in step position): evaluated on a whole token. */
function evaluateNode(node: JmesNode, json: JToken): JmesArgument {
  const [first, second] = node.children;
  switch (node.type) {
    case 'Literal':
      return literal(node);
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
    default:
      // `&expr` outside a function call (the parser allows it only as an argument).
      return JNULL;
  }
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
    case '<':
      return left === null ? right !== null : ordinal(left, right) < 0;
    case '<=':
      return left === null ? true : ordinal(left, right) <= 0;
    case '>':
      return left === null ? false : ordinal(left, right) > 0;
    default:
      return left === null ? right === null : ordinal(left, right) >= 0;
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
