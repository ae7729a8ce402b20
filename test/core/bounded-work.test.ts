import { App, TerraformStack } from 'cdktf';
import { canonicalMappingJson, checkDeviceMapping, HealthDataValidationError, Workspace } from '../../lib';
import { nearestLocation } from '../../lib/core/regions';
import { MAX_WRITTEN_VALUES, measureDocument, parseMappingDocument } from '../../lib/medtech/mapping/json-document';

/** Inputs whose size an attacker controls must cost time linear in what was given, and fail fast. */

const EVENT_HUB = { namespaceName: 'contoso-devices', eventHubName: 'telemetry', consumerGroupName: 'medtech' };

function timed<T>(fn: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = fn();
  return { value, ms: performance.now() - started };
}

function validationError(fn: () => unknown): HealthDataValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof HealthDataValidationError) return error;
    throw error;
  }
  throw new Error('expected a HealthDataValidationError');
}

function stack(): TerraformStack {
  return new TerraformStack(new App(), 'stack');
}

describe('region suggestions', () => {
  test.each([
    ['a 1 MB location', 'x'.repeat(1_000_000)],
    ['a 1 MB location of letters of real regions', 'eastus'.repeat(200_000)],
    ['a long location with spaces', 'East US '.repeat(100_000)],
  ])('%s fails in well under a second, quoted briefly and without a suggestion', (_, location) => {
    const { value: error, ms } = timed(() =>
      validationError(() => new Workspace(stack(), 'Health', { name: 'health', location, resourceGroupName: 'rg' })),
    );
    expect(ms).toBeLessThan(1000);
    expect(error.message).toContain('is invalid: not a known Azure region.');
    expect(error.message).not.toContain('Did you mean');
    expect(error.message).toMatch(/\.\.\. \([\d,]+ characters\)"/);
    expect(error.message.length).toBeLessThan(600);
  });

  test('a misspelt region still gets the nearest known name', () => {
    expect(nearestLocation('eastus9')).toBe('eastus');
    expect(nearestLocation('west-europe')).toBe('westeurope');
    expect(nearestLocation('US Gov Virgina')).toBe('usgovvirginia');
    const error = validationError(() => new Workspace(stack(), 'Health', { name: 'health', location: 'westeurpoe', resourceGroupName: 'rg' }));
    expect(error.message).toContain('Workspace location "westeurpoe" is invalid: not a known Azure region. Did you mean "westeurope"?');
  });

  test('suggestions stop at 40 significant characters (the longest region name has 18)', () => {
    expect(nearestLocation('a'.repeat(40))).toBeDefined();
    expect(nearestLocation('a'.repeat(41))).toBeUndefined();
    // Punctuation does not count: it is dropped before comparing.
    expect(nearestLocation(`${'-'.repeat(500)}eastus`)).toBe('eastus');
    expect(nearestLocation(`${'-'.repeat(1001)}eastus`)).toBeUndefined();
  });

  test('the suggestion costs little even for 40 characters against the whole catalogue', () => {
    const { ms } = timed(() => {
      for (let i = 0; i < 100; i++) nearestLocation(`${'z'.repeat(39)}${i % 10}`);
    });
    expect(ms).toBeLessThan(2000);
  });
});

/** `levels` objects, each holding the next one twice: 2^levels values when written out, `levels` distinct objects. */
function sharedChain(levels: number, asArray = false): unknown {
  let node: unknown = { leaf: true };
  for (let i = 0; i < levels; i++) node = asArray ? [node, node] : { left: node, right: node };
  return node;
}

describe('mapping documents whose sub-objects are shared (not cyclic)', () => {
  test('a 40-level shared DAG is measured once per distinct object', () => {
    const { value: shape, ms } = timed(() => measureDocument(sharedChain(40)));
    expect(ms).toBeLessThan(1000);
    expect(shape.tooDeep).toBe(false);
    expect(shape.values).toBeGreaterThan(MAX_WRITTEN_VALUES);
  });

  test.each([
    ['in an unknown member', (dag: unknown) => ({ templateType: 'CollectionContent', template: [], extra: dag })],
    ['as the template array', (dag: unknown) => ({ templateType: 'CollectionContent', template: dag })],
    [
      'inside a template',
      (dag: unknown) => ({
        templateType: 'CollectionContent',
        template: [{ templateType: 'CalculatedContent', template: { typeName: 'hr', values: dag } }],
      }),
    ],
  ])('a 40-level shared DAG %s fails a MedTech service in under a second', (_, build) => {
    const { value: error, ms } = timed(() =>
      validationError(() => {
        const workspace = new Workspace(stack(), 'Health', { name: 'health', location: 'eastus', resourceGroupName: 'rg' });
        workspace.addMedTechService('Devices', { name: 'devices', eventHub: EVENT_HUB, deviceMapping: build(sharedChain(40, true)) as never });
      }),
    );
    expect(ms).toBeLessThan(1000);
    expect(error.message).toContain(`deviceMapping would be written out as JSON with more than ${MAX_WRITTEN_VALUES.toLocaleString('en')} values`);
  });

  test('the public checks and canonical JSON are bounded too', () => {
    const document = { templateType: 'CollectionContent', template: [], extra: sharedChain(40) };
    const { value: findings, ms } = timed(() => checkDeviceMapping(document));
    expect(ms).toBeLessThan(1000);
    expect(findings.map((f) => f.message).join('\n')).toContain('would be written out as JSON with more than');
    const started = performance.now();
    expect(() => canonicalMappingJson(document)).toThrow(/more than 1,000,000 values/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('a small shared DAG is fine and written out in full, as JSON.stringify would', () => {
    const dag = sharedChain(8);
    const document = { templateType: 'CollectionContent', template: [], extra: dag };
    expect(parseMappingDocument(document, 'deviceMapping').findings).toEqual([]);
    expect(JSON.parse(canonicalMappingJson(document))).toEqual(JSON.parse(JSON.stringify(document)));
  });

  test('depth is still measured through shared objects: a shallow path does not hide a deep one', () => {
    // The same chain reached at depth 1 and at depth 30: only the deep path exceeds 64 levels.
    let chain: unknown = {};
    for (let i = 0; i < 40; i++) chain = { next: chain };
    let deepHolder: unknown = chain;
    for (let i = 0; i < 30; i++) deepHolder = [deepHolder];
    expect(measureDocument({ shallow: chain }).tooDeep).toBe(false);
    expect(measureDocument({ shallow: chain, deep: deepHolder }).tooDeep).toBe(true);
    expect(measureDocument({ deep: deepHolder, shallow: chain }).tooDeep).toBe(true);
  });

  test('canonical JSON takes any depth (as JSON.stringify) but refuses a cycle', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 1000; i++) deep = [deep];
    expect(canonicalMappingJson(deep)).toBe(JSON.stringify(deep));
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = { again: cyclic };
    expect(() => canonicalMappingJson(cyclic)).toThrow('The mapping document refers to itself');
  });

  test('exactly 64 levels are accepted, 65 refused, and a cycle is refused (as before)', () => {
    const nested = (levels: number): unknown => {
      let node: unknown = 1;
      for (let i = 0; i < levels; i++) node = [node];
      return node;
    };
    expect(measureDocument(nested(64)).tooDeep).toBe(false);
    expect(measureDocument(nested(65)).tooDeep).toBe(true);
    const cyclic: Record<string, unknown> = { templateType: 'CollectionContent' };
    cyclic.template = [cyclic];
    expect(measureDocument(cyclic).tooDeep).toBe(true);
  });

  test('a wide document is linear: 1,200,000 array items take a few seconds at most, even on a loaded machine', () => {
    const wide = { templateType: 'CollectionContent', template: Array.from({ length: 1_200_000 }, (_, i) => i) };
    const { value: shape, ms } = timed(() => measureDocument(wide));
    expect(ms).toBeLessThan(5000);
    expect(shape.values).toBe(MAX_WRITTEN_VALUES + 1);
  });
});
