import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import { buildExamples } from '../examples/main';
import { FhirVersion, ManagedIdentityType, RemovalPolicy, Workspace } from '../lib';
import { cdktfSynth, ROOT } from './cli-support';
import { Block, newStack, readStack, synth, synthApp } from './helpers';
import { App } from 'cdktf';

/** The resources that hold protected health information (a workspace holds its services). */
const PHI_TYPES = ['azurerm_healthcare_workspace', 'azurerm_healthcare_fhir_service', 'azurerm_healthcare_dicom_service'] as const;

/** Every PHI-holding resource block of a synthesized stack, with its type and logical id. */
function phiResources(json: Block): Array<{ type: string; id: string; block: Block }> {
  return PHI_TYPES.flatMap((type) => Object.entries(json.resource?.[type] ?? {}).map(([id, block]) => ({ type, id, block: block as Block })));
}

const unprotected = (json: Block): string[] =>
  phiResources(json)
    .filter((r) => r.block.lifecycle?.prevent_destroy !== true)
    .map((r) => `${r.type}.${r.id}`);

describe('data safety: PHI-holding resources are protected against destroy by default', () => {
  test('in every example stack, every workspace, FHIR and DICOM service carries lifecycle.prevent_destroy', () => {
    const result = synthApp((app) => buildExamples(app));
    let checked = 0;
    for (const name of result.stackNames) {
      const { json } = result.stack(name);
      expect({ stack: name, unprotected: unprotected(json) }).toEqual({ stack: name, unprotected: [] });
      checked += phiResources(json).length;
    }
    expect(result.stackNames.length).toBeGreaterThanOrEqual(5);
    expect(checked).toBeGreaterThanOrEqual(result.stackNames.length * 2);
  });

  test('whatever else is configured, the default removal policy keeps prevent_destroy on all three', () =>
    fc.assert(
      fc.property(
        fc.record({
          tags: fc.boolean(),
          kind: fc.constantFrom(FhirVersion.R4, FhirVersion.STU3),
          identity: fc.boolean(),
          cors: fc.boolean(),
          partitions: fc.boolean(),
          explicitRetain: fc.boolean(),
          imported: fc.boolean(),
        }),
        (o) => {
          const result = synth((stack) => {
            const retain = o.explicitRetain ? { removalPolicy: RemovalPolicy.RETAIN } : {};
            const workspace = o.imported
              ? Workspace.fromWorkspaceAttributes(stack, 'Existing', {
                  workspaceId:
                    '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.HealthcareApis/workspaces/existing',
                  location: 'eastus',
                })
              : new Workspace(stack, 'Health', {
                  name: 'health',
                  location: 'eastus',
                  resourceGroupName: 'rg',
                  tags: o.tags ? { env: 'prod' } : undefined,
                  ...retain,
                });
            workspace.addFhirService('Patients', {
              name: 'patients',
              kind: o.kind,
              identity: o.identity ? { type: ManagedIdentityType.SYSTEM_ASSIGNED } : undefined,
              cors: o.cors ? { allowedOrigins: ['https://app.contoso.com'], allowedHeaders: ['*'], allowedMethods: ['GET'] } : undefined,
              ...retain,
            });
            workspace.addDicomService('Images', { name: 'images', dataPartitionsEnabled: o.partitions, ...retain });
          });
          expect(phiResources(result.json)).toHaveLength(o.imported ? 2 : 3);
          expect(unprotected(result.json)).toEqual([]);
          expect(result.messages('WARN').filter((message) => message.includes('removalPolicy'))).toEqual([]);
        },
      ),
      { numRuns: 30 },
    ));

  test('RemovalPolicy.DESTROY drops the guard only where it is set, and warns naming what would be lost', () => {
    const result = synth((stack) => {
      const workspace = new Workspace(stack, 'Health', { name: 'health', location: 'eastus', resourceGroupName: 'rg' });
      workspace.addFhirService('Patients', { name: 'patients', removalPolicy: RemovalPolicy.DESTROY });
      workspace.addDicomService('Images', { name: 'images' });
    });
    expect(result.resource('azurerm_healthcare_fhir_service').lifecycle?.prevent_destroy).toBeUndefined();
    expect(result.resource('azurerm_healthcare_workspace').lifecycle).toEqual({ prevent_destroy: true });
    expect(result.resource('azurerm_healthcare_dicom_service').lifecycle).toEqual({ prevent_destroy: true });
    expect(result.annotations.filter((a) => a.level === '@cdktf/warn')).toEqual([
      expect.objectContaining({
        constructPath: 'stack/Health/Patients',
        message: expect.stringContaining('deletes the FHIR service and every FHIR resource in it (patient records: protected health information)'),
      }),
    ]);
  });

  test('the README says which changes destroy and re-create a resource (what the guard protects against)', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = readme.split(/^## /m).find((part) => /destroys and re-creates/i.test(part.split('\n')[0]));
    expect(section).toBeDefined();
    for (const change of [
      '`name`',
      '`location`',
      '`kind`',
      '`storage`',
      '`dataPartitionsEnabled`',
      'workspace',
      'prevent_destroy',
      'RemovalPolicy.DESTROY',
    ]) {
      expect(section).toContain(change);
    }
  });

  test('cdktf synth (the real CLI) prints the DESTROY warning for each resource, naming what would be lost', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahds-safety-cli-'));
    try {
      const { status, output } = cdktfSynth({ app: 'npx ts-node --transpile-only test/fixtures/destroy-policy-app.ts', outdir });
      expect(status).toBe(0);
      expect(output).toContain(
        'WARN [disposable/Sandbox]: removalPolicy is RemovalPolicy.DESTROY: terraform destroy, or a change that replaces the resource, deletes the workspace',
      );
      expect(output).toContain('so a destroy plan deletes every FHIR, DICOM and MedTech service of the workspace first');
      expect(output).toContain('WARN [disposable/Sandbox/Patients]: removalPolicy is RemovalPolicy.DESTROY');
      expect(output).toContain('every FHIR resource in it (patient records: protected health information)');
      expect(output).toContain('WARN [disposable/Sandbox/Images]: removalPolicy is RemovalPolicy.DESTROY');
      expect(output).toContain('the studies it stores (medical images: protected health information)');
      const { json } = readStack(outdir, 'disposable');
      expect(unprotected(json).sort()).toEqual(
        phiResources(json)
          .map((r) => `${r.type}.${r.id}`)
          .sort(),
      );
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe('data safety: RETAIN holds on the final configuration, after every override', () => {
  const failing = (
    change: (resource: { lifecycle?: object; addOverride(path: string, value: unknown): void }) => void,
    target: 'workspace' | 'fhir' | 'dicom',
  ) =>
    synthApp(
      (app) => {
        const workspace = new Workspace(newStack(app), 'Health', { name: 'health', location: 'eastus', resourceGroupName: 'rg' });
        const fhir = workspace.addFhirService('Patients', { name: 'patients' });
        const dicom = workspace.addDicomService('Images', { name: 'images' });
        change({ workspace, fhir, dicom }[target].resource);
      },
      { allowFailure: true },
    );

  test.each([
    [
      'a lifecycle assignment on FHIR',
      'fhir',
      'stack/Health/Patients',
      'FhirService',
      (r: { lifecycle?: object }) => (r.lifecycle = { ignoreChanges: ['tags'] }),
    ],
    [
      'an override on DICOM',
      'dicom',
      'stack/Health/Images',
      'DicomService',
      (r: { addOverride(p: string, v: unknown): void }) => r.addOverride('lifecycle.prevent_destroy', false),
    ],
    [
      'an override on the workspace',
      'workspace',
      'stack/Health',
      'Workspace',
      (r: { addOverride(p: string, v: unknown): void }) => r.addOverride('lifecycle.prevent_destroy', null),
    ],
  ] as const)(
    '%s that drops prevent_destroy fails the synth, naming RemovalPolicy.DESTROY as the way out, and withdraws the output',
    (_name, target, path, subject, change) => {
      const result = failing(change as never, target);
      expect(result.error).toContain(
        `[${path}] ${subject} removalPolicy is RemovalPolicy.RETAIN, but its synthesized configuration has lifecycle.prevent_destroy =`,
      );
      expect(result.error).toContain('or set removalPolicy: RemovalPolicy.DESTROY to let Terraform destroy it');
      expect(result.files('stack')).not.toContain('cdk.tf.json');
    },
  );

  test('a lifecycle change that keeps prevent_destroy passes', () => {
    const result = failing((resource) => (resource.lifecycle = { ...resource.lifecycle, ignoreChanges: ['tags'] }), 'fhir');
    expect(result.error).toBeUndefined();
    expect(result.stack('stack').resource('azurerm_healthcare_fhir_service').lifecycle).toEqual({ prevent_destroy: true, ignore_changes: ['tags'] });
  });

  test('RemovalPolicy.DESTROY lets the resource go without prevent_destroy', () => {
    const result = synthApp((app) => {
      const workspace = new Workspace(newStack(app), 'Health', {
        name: 'health',
        location: 'eastus',
        resourceGroupName: 'rg',
        removalPolicy: RemovalPolicy.DESTROY,
      });
      workspace.addFhirService('Patients', { name: 'patients', removalPolicy: RemovalPolicy.DESTROY }).resource.lifecycle = {
        ignoreChanges: ['tags'],
      };
    });
    expect(result.stack('stack').resource('azurerm_healthcare_fhir_service').lifecycle).toEqual({ ignore_changes: ['tags'] });
  });
});

describe('after a failed app.synth(), no stack folder holds a configuration from before or from the failed run', () => {
  test('a failing later stack withdraws the earlier stacks of this run and of the run before', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahds-stale-'));
    try {
      const build = (broken: boolean) => {
        const app = new App({ outdir, skipBackendValidation: true });
        new Workspace(newStack(app, 'first'), 'Health', { name: 'first', location: 'eastus', resourceGroupName: 'rg' });
        const second = newStack(app, 'second');
        new Workspace(second, 'Health', { name: 'second', location: 'eastus', resourceGroupName: 'rg' });
        if (broken) second.node.addValidation({ validate: () => ['second is broken (fixture)'] });
        return app;
      };
      build(false).synth();
      const file = (stack: string) => path.join(outdir, 'stacks', stack, 'cdk.tf.json');
      expect([fs.existsSync(file('first')), fs.existsSync(file('second'))]).toEqual([true, true]);
      expect(() => build(true).synth()).toThrow(/second is broken/);
      expect([fs.existsSync(file('first')), fs.existsSync(file('second'))]).toEqual([false, false]);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('a construction error inside a test (no CLI) removes nothing: no synth ran', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahds-stale-'));
    try {
      fs.mkdirSync(path.join(outdir, 'stacks', 'first'), { recursive: true });
      fs.writeFileSync(path.join(outdir, 'stacks', 'first', 'cdk.tf.json'), '{}');
      const app = new App({ outdir });
      expect(() => new Workspace(newStack(app, 'first'), 'Health', { name: 'Bad_Name', location: 'eastus', resourceGroupName: 'rg' })).toThrow(
        /Workspace name/,
      );
      expect(fs.existsSync(path.join(outdir, 'stacks', 'first', 'cdk.tf.json'))).toBe(true);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
