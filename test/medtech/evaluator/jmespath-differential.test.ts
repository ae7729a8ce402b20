/**
 * The JMESPath evaluator against an independent implementation (npm `jmespath` 0.16, the specification's), on
 * documents and expressions where JmesPath.Net agrees with the specification: no nulls in the data (JmesPath.Net
 * keeps them in projections), integers only (it tells 1 from 1.0), lower-case ASCII strings (its string order is
 * the culture's), every member present (its multi-select on null is a list of nulls), no ties for max_by/min_by
 * (JmesPath.Net keeps the later item), single-digit numbers for sort (npm jmespath 0.16 sorts numbers as text:
 * `sort([-1, -2])` gives [-1, -2] there, [-2, -1] in JmesPath.Net and the specification), and no starts_with (npm
 * jmespath 0.16 says `starts_with('aa', 'a')` is false). Where they differ by
 * design, the JmesPath.Net behaviour has its own test in normalize-semantics.test.ts.
 */
import * as fc from 'fast-check';
import { search } from 'jmespath';
import { asJToken } from '../../../lib/medtech/mapping/evaluator/jmes-path-argument';
import { evaluateJmesPath } from '../../../lib/medtech/mapping/evaluator/jmes-path-evaluator';
import { fromPlain, toPlain } from '../../../lib/medtech/mapping/evaluator/json-token';
import { analyzeJmesPath } from '../../../lib/medtech/mapping/jmes-path';

const EXPRESSIONS = [
  'a',
  'b',
  'd.e',
  'd.f[0]',
  'd.f[-1]',
  'c[0].x',
  'c[*].x',
  'c[*].y',
  'c[].x',
  'g[]',
  'g[][0]',
  'g[*][0]',
  'c[?x > `2`].y',
  'c[?x == `1`]',
  "c[?y == 'ab'].x",
  'c[?!h]',
  'd.*',
  'd.f[1:3]',
  'd.f[::-1]',
  'd.f[:2]',
  'c[1:].x',
  '[a, b]',
  '{k: a, l: d.e}',
  'c[*].[x, y]',
  'c[*].{v: x}',
  'c | [0]',
  'c[*].x | [0]',
  'a || b',
  'a && b',
  '!h',
  'h || a',
  'length(c)',
  'length(b)',
  'length(d)',
  'keys(d)',
  'values(d)',
  'sort(d.f)',
  'sort_by(c, &x)[*].x',
  'max(d.f)',
  'min(d.f)',
  'max_by(c, &x).y',
  'min_by(c, &x).x',
  'sum(d.f)',
  'avg(d.f)',
  'contains(d.f, `3`)',
  "contains(b, 'a')",
  "join(',', c[*].y)",
  'reverse(d.f)',
  'reverse(b)',
  "ends_with(b, 'b')",
  'not_null(a, b)',
  'to_array(a)',
  'to_array(d.f)',
  'type(d)',
  'type(b)',
  'type(d.f)',
  'type(h)',
  'map(&x, c)',
  'abs(a)',
  'ceil(a)',
  'floor(a)',
  "to_number('42')",
  'c[?x > `0`] | length(@)',
  'g[0][0]',
  'd.f[?@ > `1`]',
  'c[*].x[]',
  '@.d.e',
  'c[0:2] | [*].y',
];

const lower = fc.string({ unit: fc.constantFrom(...'abcdef'.split('')), minLength: 1, maxLength: 4 });
const documents = fc.record({
  a: fc.integer({ min: -50, max: 50 }),
  b: lower,
  c: fc.uniqueArray(fc.record({ x: fc.integer({ min: -5, max: 5 }), y: lower, h: fc.boolean() }), {
    minLength: 1,
    maxLength: 4,
    selector: (item) => item.x,
  }),
  d: fc.record({ e: fc.integer({ min: 0, max: 9 }), f: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 5 }) }),
  g: fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
  h: fc.boolean(),
});

function ours(expression: string, document: unknown): unknown {
  const analysis = analyzeJmesPath(expression);
  if (!analysis.ok || analysis.problems.length > 0) throw new Error(`${expression} does not parse`);
  return toPlain(asJToken(evaluateJmesPath(analysis.ast, fromPlain(document, { readDates: true }))));
}

describe("JMESPath: the same results as the specification's implementation where JmesPath.Net follows it", () => {
  test.each(EXPRESSIONS)('%s', (expression) => {
    fc.assert(
      fc.property(documents, (document) => {
        expect(ours(expression, document)).toEqual(search(document, expression));
      }),
      { numRuns: 60 },
    );
  });
});
