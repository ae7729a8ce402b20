import { Annotations, App, TerraformStack } from 'cdktf';
import { preventDestroyFor, RemovalPolicy } from '../../lib/core/removal-policy';

const warningsOf = (stack: TerraformStack): string[] =>
  stack.node.metadata.filter((entry) => entry.type === '@cdktf/warn').map((entry) => String(entry.data));

describe('removal policy', () => {
  test('RETAIN (the default) sets prevent_destroy', () => {
    const stack = new TerraformStack(new App(), 'stack');
    expect(preventDestroyFor(stack, undefined, 'the data')).toEqual({ preventDestroy: true });
    expect(preventDestroyFor(stack, RemovalPolicy.RETAIN, 'the data')).toEqual({ preventDestroy: true });
    expect(warningsOf(stack)).toEqual([]);
  });

  test('DESTROY drops it and says what would be lost', () => {
    const stack = new TerraformStack(new App(), 'stack');
    expect(preventDestroyFor(stack, RemovalPolicy.DESTROY, 'the FHIR service')).toEqual({});
    expect(warningsOf(stack)).toEqual([expect.stringMatching(/removalPolicy is RemovalPolicy\.DESTROY: .*deletes the FHIR service/)]);
    void Annotations;
  });

  test('anything else fails instead of falling through to DESTROY, with the fix', () => {
    const stack = new TerraformStack(new App(), 'stack');
    expect(() => preventDestroyFor(stack, 'RETAIN' as RemovalPolicy, 'x')).toThrow(
      /removalPolicy "RETAIN" is invalid: RemovalPolicy\.RETAIN \("retain"\) or RemovalPolicy\.DESTROY \("destroy"\)\. Use RemovalPolicy\.RETAIN\./,
    );
    expect(() => preventDestroyFor(stack, 'keep' as RemovalPolicy, 'x')).toThrow(/Leave it out to keep the default/);
  });
});
