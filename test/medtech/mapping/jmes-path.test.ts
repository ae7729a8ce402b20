import * as jmespath from 'jmespath';
import { analyzeJmesPath, forEachNode, JmesNode, JMESPATH_FUNCTIONS } from '../../../lib/medtech/mapping/jmes-path';

/** npm `jmespath` exports `compile` at run time, but its type declarations omit it. */
const { compile } = jmespath as unknown as { compile(expression: string): JsNode };
interface JsNode {
  readonly type: string;
  readonly name?: string;
  readonly children?: ReadonlyArray<JsNode | number | null>;
}

function functionCalls(ast: JmesNode): string[] {
  const calls: string[] = [];
  forEachNode(ast, (node) => {
    if (node.type === 'Function') calls.push(`${node.name}/${node.children.length}`);
  });
  return calls.sort();
}

function jsFunctionCalls(node: JsNode | number | null | undefined, calls: string[] = []): string[] {
  if (node === null || node === undefined || typeof node === 'number') return calls;
  if (node.type === 'Function') calls.push(`${node.name}/${node.children?.length ?? 0}`);
  for (const child of node.children ?? []) jsFunctionCalls(child, calls);
  if ('value' in node && typeof (node as { value?: unknown }).value === 'object') jsFunctionCalls((node as { value?: JsNode }).value);
  return calls.sort();
}

describe('agrees with npm jmespath where that library follows the specification', () => {
  test.each([
    'foo',
    'foo.bar',
    '"quoted id".x',
    'foo[0]',
    'foo[-1]',
    'foo[*].bar',
    'foo[].bar',
    'foo[1:2]',
    'foo[::-1]',
    'foo.*.bar',
    '*.bar',
    'foo[?a == `1`]',
    "foo[?a != 'x'].b",
    'foo[?a > `1` && b < `2` || !c]',
    '[a, b]',
    'foo.[a, b]',
    '{a: b, "c d": e}',
    'foo.{a: b}',
    'a || b',
    'a && b',
    '!a',
    'a | b | c',
    '(a || b).c',
    'sort_by(people, &age)',
    'max_by(people, &age).name',
    '`[1, {"a": 2}]`',
    "'raw string'",
    'length(@)',
    'contains(keys(@), `"heartRate"`)',
    'join(`", "`, names)',
    'not_null(a, b, c)',
    'merge(a, b)',
    'multiply(matchedToken.heightInInches, `0.0254`)',
    'insertString(a, b, `2`)',
    'matchedToken.deviceId',
    '@',
    // rejected by both
    'foo[',
    '[',
    'a |',
    '#',
    'foo bar',
    'a.1',
    'foo[?]',
    '{a}',
    '{}',
    'a == ',
    '&',
    '[a,]',
  ])('%s', (expression) => {
    let jsAst: JsNode | undefined;
    try {
      jsAst = compile(expression);
    } catch {
      jsAst = undefined;
    }
    const ours = analyzeJmesPath(expression);
    expect(ours.ok).toBe(jsAst !== undefined);
    if (ours.ok && jsAst !== undefined) expect(functionCalls(ours.ast)).toEqual(jsFunctionCalls(jsAst));
  });
});

describe('where npm jmespath is not faithful to JmesPath.Net', () => {
  test.each([
    [
      "@.x as a function argument (Azure's conversions sample)",
      "to_array(@.Body) | [? deviceId && starts_with(deviceId, 'deviceTypeB')].data[] ",
      true,
    ],
    ['@[0] as one argument', 'length(@[0])', true],
    ['@ | x as one argument', 'length(@ | x)', true],
    ['arguments without a comma', 'not_null(a b)', false],
    ['an expression reference outside a function', '&a', false],
    ['a zero slice step', 'foo[::0]', false],
    ['a trailing dot', 'foo.', false],
  ])('%s', (_name, expression, accepted) => {
    expect(analyzeJmesPath(expression).ok && analyzeJmesPath(expression).problems.length === 0).toBe(accepted);
  });

  test('a legacy unquoted backtick literal (a bare word) parses, with a warning', () => {
    const analysis = analyzeJmesPath('contains(keys(@), `heartRate`)');
    expect(analysis.ok && analysis.problems).toEqual([]);
    expect(analysis.ok && analysis.warnings).toEqual([{ position: 18, message: expect.stringContaining('The literal `heartRate` is not JSON') }]);
  });

  test('length(@[0]) has one argument', () => {
    const analysis = analyzeJmesPath('length(@[0])');
    expect(analysis.ok && functionCalls(analysis.ast)).toEqual(['length/1']);
  });
});

describe('function table', () => {
  test('has the 26 standard functions of JmesPath.Net 1.0.205 and the 8 MedTech functions', () => {
    expect(Object.keys(JMESPATH_FUNCTIONS)).toHaveLength(34);
    for (const name of ['add', 'subtract', 'multiply', 'divide', 'pow', 'insertString', 'fromUnixTimestamp', 'fromUnixTimestampMs']) {
      expect(JMESPATH_FUNCTIONS).toHaveProperty(name);
    }
  });

  test.each([
    ['multiply(a)', 'Error: invalid-arity, the function multiply expects 2 arguments but 1 were supplied.'],
    ['abs(a, b)', 'Error: invalid-arity, the function abs expects 1 argument but 2 were supplied.'],
    ['not_null()', 'Error: invalid-arity, the function not_null expects 1 argument or more but none were supplied.'],
    ['insertString(a, b)', 'Error: invalid-arity, the function insertString expects 3 arguments but 2 were supplied.'],
    ['fromUnixTimestampMs()', 'Error: invalid-arity, the function fromUnixTimestampMs expects 1 argument but none were supplied.'],
    [
      'split(a, `","`)',
      'Error: unknown-function, no function named split has been registered. split was added to JmesPath.Net after version 1.0.205',
    ],
    ['let(`{}`, &a)', 'no function named let has been registered.'],
    ['Multiply(a, b)', 'Function names are case-sensitive: use multiply.'],
    ['foo.bar(a)', 'no function named bar has been registered.'],
  ])('%s', (expression, message) => {
    const analysis = analyzeJmesPath(expression);
    expect(analysis.ok).toBe(true);
    expect(analysis.problems.map((problem) => problem.message)).toEqual([expect.stringContaining(message)]);
  });

  test('variadic functions accept more than their minimum', () => {
    expect(analyzeJmesPath('merge(a, b, c, d)').problems).toEqual([]);
    expect(analyzeJmesPath('not_null(a, b, c, d)').problems).toEqual([]);
  });
});

describe('syntax errors', () => {
  test.each([
    ['foo.', 4, 'The expression ends too early.'],
    ['foo[?a == `1`', 13, 'The expression ends too early.'],
    ['a + b', 2, 'Unrecognized character "+"'],
    ['$.foo', 0, 'Unrecognized character "$"'],
    ['"foo"(a)', 0, 'A quoted identifier cannot name a function.'],
    ['foo[0](a)', 6, 'Unexpected "("'],
    ['`{"a": }`', 0, 'Invalid JSON text in literal'],
  ])('%s', (expression, position, message) => {
    const analysis = analyzeJmesPath(expression);
    expect(analysis.ok).toBe(false);
    expect(analysis.problems).toEqual([{ position, message: expect.stringContaining(message) }]);
  });
});
