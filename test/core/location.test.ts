import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { checkLocation, inheritLocation } from '../../lib/core/location';
import { ADDITIONAL_LOCATIONS_CONTEXT, normalizeLocation } from '../../lib/core/regions';
import { InputProblems } from '../../lib/core/validation';

const stackWith = (context: Record<string, unknown> = {}) => new TerraformStack(new App({ context }), 'stack');

describe('regions', () => {
  test('are compared the way Azure compares them', () => {
    expect(normalizeLocation('East US')).toBe('eastus');
    expect(normalizeLocation('  West Europe ')).toBe('westeurope');
  });

  test('an unknown region fails with the nearest known one and the escape hatch; the escape hatch accepts it', () => {
    const stack = stackWith();
    const problems = new InputProblems(stack);
    checkLocation(stack, problems, 'Workspace location', 'westeurop');
    expect(problems.all).toEqual([
      expect.stringMatching(/Workspace location "westeurop" is invalid: not a known Azure region\. Did you mean "westeurope"\?.*additionalLocations/),
    ]);
    const newer = stackWith({ [ADDITIONAL_LOCATIONS_CONTEXT]: ['eastus3'] });
    const accepted = new InputProblems(newer);
    expect(checkLocation(newer, accepted, 'Workspace location', 'East US 3')).toBe('eastus3');
    expect(accepted.all).toEqual([]);
  });

  test('a child inherits its parent region; a different explicit one fails; a token becomes a precondition', () => {
    const stack = stackWith();
    const problems = new InputProblems(stack);
    const parent = { location: 'eastus', description: 'workspace stack/Health' };
    expect(inheritLocation(stack, problems, 'FhirService location', undefined, parent)).toEqual({ location: 'eastus' });
    expect(inheritLocation(stack, problems, 'FhirService location', 'East US', parent)).toEqual({ location: 'eastus' });
    expect(problems.all).toEqual([]);
    inheritLocation(stack, problems, 'FhirService location', 'westeurope', parent);
    expect(problems.all).toEqual([
      expect.stringMatching(/FhirService location "westeurope" is invalid: a service is in its workspace stack\/Health's region/),
    ]);
    const token = new TerraformVariable(stack, 'region', {}).stringValue;
    const placed = inheritLocation(stack, new InputProblems(stack), 'FhirService location', token, parent);
    expect(placed.precondition?.errorMessage).toMatch(/FhirService location must equal the workspace stack\/Health's location/);
  });
});
