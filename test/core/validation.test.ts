import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { fail, HealthDataValidationError, InputProblems, objectRule, propsObject, required, ValueRule } from '../../lib/core/validation';

const scope = (): Construct => new Construct(new TerraformStack(new App(), 'stack'), 'Thing');
const SHORT: ValueRule<string> = {
  requirement: 'at most 3 characters',
  test: (value) => value.length <= 3,
  fix: (value) => `Use "${value.slice(0, 3)}".`,
};

describe('InputProblems', () => {
  test('collects every problem with the construct path, the value, the rule and the fix, and throws them together', () => {
    const problems = new InputProblems(scope()).check('Thing name', 'abcd', SHORT).check('Thing label', 'wxyz', SHORT);
    expect(problems.isEmpty).toBe(false);
    expect(() => problems.throwIfAny()).toThrow(HealthDataValidationError);
    expect(problems.all).toEqual([
      '[stack/Thing] Thing name "abcd" is invalid: at most 3 characters. Use "abc".',
      '[stack/Thing] Thing label "wxyz" is invalid: at most 3 characters. Use "wxy".',
    ]);
  });

  test('skips values not given unless the rule is required, and never rejects a token', () => {
    const stack = new TerraformStack(new App(), 'stack');
    const token = new TerraformVariable(stack, 'v', {}).stringValue;
    const problems = new InputProblems(stack).check('a', undefined, SHORT).check('b', token, SHORT);
    expect(problems.isEmpty).toBe(true);
    problems.check('c', undefined, required(SHORT));
    expect(problems.all).toEqual(['[stack] c is missing: give at most 3 characters.']);
  });

  test('checks each element of a list by index, a non-list once, and a list token not at all', () => {
    const stack = new TerraformStack(new App(), 'stack');
    const problems = new InputProblems(stack).checkEach('names', ['ok', 'long'], SHORT).checkEach('other', 'nope' as unknown as string[], SHORT);
    problems.checkEach('token', new TerraformVariable(stack, 'l', {}).listValue, SHORT);
    expect(problems.all).toEqual([
      '[stack] names[1] "long" is invalid: at most 3 characters. Use "lon".',
      '[stack] other "nope" is invalid: a list (array), each entry at most 3 characters.',
    ]);
  });

  test('throwIfAny does nothing without problems; the error lists each problem', () => {
    expect(() => new InputProblems(scope()).throwIfAny()).not.toThrow();
    try {
      new InputProblems(scope()).add('one').add('two').throwIfAny();
    } catch (error) {
      expect((error as HealthDataValidationError).problems).toEqual(['[stack/Thing] one', '[stack/Thing] two']);
      expect((error as Error).message).toBe('[stack/Thing] one\n[stack/Thing] two');
    }
    expect.assertions(3);
  });
});

describe('fail, propsObject and objectRule', () => {
  test('fail throws one problem with the path', () => {
    expect(() => fail(scope(), 'broken.')).toThrow(new HealthDataValidationError(['[stack/Thing] broken.']));
  });

  test('propsObject refuses null, arrays and primitives with the shape to pass', () => {
    expect(() => propsObject(scope(), 'Thing props', null, '{ name }')).toThrow('[stack/Thing] Thing props null is invalid: an object { name }.');
    expect(() => propsObject(scope(), 'Thing props', [], '{ name }')).toThrow('Thing props an array is invalid');
    expect(() => propsObject(scope(), 'Thing props', 3, '{ name }')).toThrow('Thing props number is invalid');
    expect(propsObject(scope(), 'Thing props', { name: 'x' }, '{ name }')).toEqual({ name: 'x' });
  });

  test('objectRule accepts plain objects only', () => {
    const rule = objectRule('an object');
    expect([{}, { a: 1 }].map(rule.test)).toEqual([true, true]);
    expect([null, [], 'x', 1].map(rule.test)).toEqual([false, false, false, false]);
  });
});
