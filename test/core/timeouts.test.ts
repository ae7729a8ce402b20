import { App, TerraformStack, TerraformVariable } from 'cdktf';
import * as fc from 'fast-check';
import { DeviceMapping, FhirMapping, HealthDataValidationError, Workspace } from '../../lib';
import { durationProblem } from '../../lib/core/timeouts';
import { evaluateExpression } from './terraform-console';

/**
 * `timeouts` of every construct that takes them: an object of Terraform durations. Terraform parses them with Go's
 * `time.ParseDuration`; `terraform console` (its `timeadd` function parses the same way) is the oracle here.
 */

const SUBNET = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s';
const EVENT_HUB = { namespaceName: 'contoso-devices', eventHubName: 'telemetry', consumerGroupName: 'medtech' };

type Build = (workspace: Workspace, timeouts: unknown) => void;
const CONSTRUCTS: ReadonlyArray<readonly [string, Build]> = [
  [
    'Workspace',
    (workspace, timeouts) =>
      new Workspace(workspace.node.scope!, 'Other', { name: 'other', location: 'eastus', resourceGroupName: 'rg', timeouts: timeouts as never }),
  ],
  ['FhirService', (workspace, timeouts) => workspace.addFhirService('Fhir', { name: 'records', timeouts: timeouts as never })],
  ['DicomService', (workspace, timeouts) => workspace.addDicomService('Dicom', { name: 'images', timeouts: timeouts as never })],
  [
    'MedTechService',
    (workspace, timeouts) =>
      workspace.addMedTechService('Devices', {
        name: 'devices',
        eventHub: EVENT_HUB,
        deviceMapping: DeviceMapping.collection([]),
        timeouts: timeouts as never,
      }),
  ],
  [
    'MedTechService destination.',
    (workspace, timeouts) =>
      workspace.addMedTechService('Devices', {
        name: 'devices',
        eventHub: EVENT_HUB,
        deviceMapping: DeviceMapping.collection([]),
        destination: {
          fhirService: workspace.addFhirService('Fhir', { name: 'records' }),
          identityResolution: 'Lookup',
          fhirMapping: FhirMapping.collection([]),
          timeouts: timeouts as never,
        },
      }),
  ],
  ['Private endpoint', (workspace, timeouts) => workspace.addPrivateEndpoint('Endpoint', { subnetId: SUBNET, timeouts: timeouts as never })],
];

function problemsOf(build: Build, timeouts: unknown | ((stack: TerraformStack) => unknown)): string[] {
  const stack = new TerraformStack(new App(), 'stack');
  const workspace = new Workspace(stack, 'Health', { name: 'health', location: 'eastus', resourceGroupName: 'rg' });
  try {
    build(workspace, typeof timeouts === 'function' ? (timeouts as (stack: TerraformStack) => unknown)(stack) : timeouts);
  } catch (error) {
    if (error instanceof HealthDataValidationError) return [...error.problems];
    throw error;
  }
  return [];
}

const subjectOf = (label: string): string => (label.endsWith('.') ? `${label}timeouts` : `${label} timeouts`);

describe.each(CONSTRUCTS)('%s timeouts', (label, build) => {
  const subject = subjectOf(label);

  test.each([null, 'create=90m', 90, true, ['90m']])('%p (not an object) fails with the library error', (timeouts) => {
    const problems = problemsOf(build, timeouts);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`${subject} `);
    expect(problems[0]).toContain('is invalid: an object { create?, read?, update?, delete? } of durations such as "90m"');
  });

  test.each([
    [{ create: '90' }, '"90" is invalid', 'Use "90m".'],
    [{ create: '90 minutes' }, 'unknown unit " minutes"', 'Use "90m".'],
    [{ create: '1h30' }, '"30" has no unit', ''],
    [{ update: '1h 30m' }, '', 'Use "1h30m".'],
    [{ delete: '1d' }, 'unknown unit "d"', ''],
    [{ read: 5 }, 'a duration is a string', 'Use "5m".'],
    [{ create: '-10m' }, 'it is negative', ''],
    [{ create: '' }, 'it is empty', ''],
  ])('%p fails with the rule and a fix', (timeouts, reason, fix) => {
    const problems = problemsOf(build, timeouts);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('is invalid: a Terraform duration such as "90m", "1h30m" or "30s"');
    expect(problems[0]).toContain(reason);
    expect(problems[0]).toContain(fix);
  });

  test('an unknown operation is reported', () => {
    expect(problemsOf(build, { Create: '90m' })[0]).toContain(
      'has "Create", which is no timeout of this resource; the block has create, read, update, delete. Remove it, or write "create".',
    );
  });

  test.each([{ create: '90m', read: '5m', update: '1h30m', delete: '30s' }, { create: '1.5h' }, {}, { create: undefined }])(
    '%p passes',
    (timeouts) => {
      expect(problemsOf(build, timeouts)).toEqual([]);
    },
  );

  test('tokens pass: the whole block or a value', () => {
    expect(
      problemsOf(build, (stack: TerraformStack) => ({ create: new TerraformVariable(stack, 'create', { type: 'string' }).stringValue })),
    ).toEqual([]);
    expect(problemsOf(build, (stack: TerraformStack) => new TerraformVariable(stack, 'timeouts', { type: 'any' }).value)).toEqual([]);
  });
});

describe('the duration syntax is Go time.ParseDuration (as Terraform parses timeouts)', () => {
  test('agrees with terraform on a corpus of near-durations (negative ones are refused on purpose)', () => {
    const unit = fc.constantFrom('ns', 'us', 'µs', 'μs', 'ms', 's', 'm', 'h', '', 'd', 'H', 'sec', 'min', ' ', 'mh');
    const number = fc.constantFrom('0', '1', '90', '1.5', '.5', '5.', '.', '007', '2562047', '2562048', '9223372036', '');
    const part = fc.tuple(number, unit).map(([n, u]) => `${n}${u}`);
    const duration = fc
      .tuple(fc.constantFrom('', '', '', '+', '-'), fc.array(part, { minLength: 0, maxLength: 3 }))
      .map(([sign, parts]) => `${sign}${parts.join('')}`);
    const corpus = [
      ...new Set([
        ...fc.sample(duration, { numRuns: 1500, seed: 42 }),
        '0',
        '+0',
        '-0',
        '1h30m',
        '90m',
        '1h30',
        '1.5h',
        'h',
        '1e3s',
        '2562047h',
        '2562048h',
        '9223372036854775807ns',
        '9223372036854775808ns',
      ]),
    ];
    const verdicts = JSON.parse(
      JSON.parse(evaluateExpression(`jsonencode([for d in ${JSON.stringify(corpus)} : can(timeadd("2024-01-01T00:00:00Z", d))])`, {})),
    ) as boolean[];
    expect(verdicts).toHaveLength(corpus.length);
    const disagreements = corpus.filter((text, i) => {
      const ours = durationProblem(text) === undefined;
      const go = verdicts[i] && !text.startsWith('-');
      return ours !== go;
    });
    expect(disagreements).toEqual([]);
    // The corpus has both classes in good numbers.
    expect(verdicts.filter(Boolean).length).toBeGreaterThan(100);
    expect(verdicts.filter((v) => !v).length).toBeGreaterThan(100);
  });

  test('a 100,000-character value is checked in linear time (a generous bound: a quadratic check takes minutes)', () => {
    const cases: Array<[string, boolean]> = [
      ['1'.repeat(100_000), false],
      ['1h'.repeat(50_000), true],
      ['.'.repeat(100_000), false],
      [`1${'x'.repeat(100_000)}`, false],
      [`.${'9'.repeat(100_000)}s`, true],
    ];
    for (const [text, valid] of cases) {
      const started = performance.now();
      expect(durationProblem(text) === undefined).toBe(valid);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });
});

describe('publicNetworkAccessEnabled is type-checked wherever it is accepted', () => {
  test.each([
    [
      'Workspace',
      (stack: TerraformStack, value: unknown) =>
        new Workspace(stack, 'Health', { name: 'health', location: 'eastus', resourceGroupName: 'rg', publicNetworkAccessEnabled: value as boolean }),
    ],
    [
      'DicomService',
      (stack: TerraformStack, value: unknown) =>
        new Workspace(stack, 'Health', { name: 'health', location: 'eastus', resourceGroupName: 'rg' }).addDicomService('Dicom', {
          name: 'images',
          publicNetworkAccessEnabled: value as boolean,
        }),
    ],
  ])('%s', (label, build) => {
    for (const value of ['false', 0, null, {}, 'true']) {
      const stack = new TerraformStack(new App(), 'stack');
      expect(() => build(stack, value)).toThrow(new RegExp(`${label} publicNetworkAccessEnabled .* is invalid: true or false`));
    }
    for (const value of [true, false, undefined]) {
      expect(() => build(new TerraformStack(new App(), 'stack'), value)).not.toThrow();
    }
    const stack = new TerraformStack(new App(), 'stack');
    expect(() => build(stack, new TerraformVariable(stack, 'open', { type: 'bool' }).booleanValue)).not.toThrow();
  });
});
