import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { resolveIn } from '../../lib/core/resolve';
import { checkTagCount, checkTags, mergeTags } from '../../lib/core/tags';
import { InputProblems } from '../../lib/core/validation';

const problemsFor = (check: (problems: InputProblems) => void): string[] => {
  const problems = new InputProblems(new TerraformStack(new App(), 'stack'));
  check(problems);
  return problems.all;
};

describe('tags', () => {
  test('at most 50 per resource', () => {
    const tags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));
    expect(problemsFor((p) => checkTagCount(p, 'tags', tags(50)))).toEqual([]);
    expect(problemsFor((p) => checkTagCount(p, 'tags', tags(51)))).toEqual([expect.stringMatching(/tags has 51 tags; Azure allows at most 50/)]);
  });

  test('values are strings; a map that is not an object is reported once', () => {
    expect(problemsFor((p) => checkTags(p, 'tags', { env: 3 as unknown as string }))).toEqual([
      expect.stringMatching(/tags "env" has a number value; tag values are strings/),
    ]);
    expect(problemsFor((p) => checkTags(p, 'tags', 'env=prod' as unknown as Record<string, string>))).toEqual([
      expect.stringMatching(/tags "env=prod" is invalid: a map of tag names/),
    ]);
  });

  test('a token map is not checked', () => {
    const stack = new TerraformStack(new App(), 'stack');
    expect(problemsFor((p) => checkTags(p, 'tags', new TerraformVariable(stack, 't', {}).value as Record<string, string>))).toEqual([]);
  });

  test("merge: the service's value wins per key; either side missing gives the other; a token side merges at plan time", () => {
    expect(mergeTags({ env: 'prod', team: 'a' }, { team: 'b' })).toEqual({ env: 'prod', team: 'b' });
    expect(mergeTags(undefined, { a: '1' })).toEqual({ a: '1' });
    expect(mergeTags({ a: '1' }, undefined)).toEqual({ a: '1' });
    const stack = new TerraformStack(new App(), 'stack');
    const merged = mergeTags({ a: '1' }, new TerraformVariable(stack, 't', {}).value as Record<string, string>);
    expect(resolveIn(stack, merged)).toMatch(/^\$\{merge\(/);
  });
});
