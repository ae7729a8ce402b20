import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { buildExamples } from '../examples/main';
import { readStack, SynthResult } from './helpers';

/** Synthesizes the root app the way `cdktf synth` does (prepareStack, cross-stack references, validations). */
function synthExamples(): Map<string, SynthResult> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahds-examples-'));
  try {
    const app = buildExamples(new App({ outdir }));
    app.synth();
    const names = app.node.children.filter((child) => child instanceof TerraformStack).map((stack) => stack.node.id);
    return new Map(names.map((name) => [name, readStack(outdir, name)]));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** The stack JSON without what depends on the machine (the local backend's absolute path). */
function portable(json: unknown): string {
  return JSON.stringify(json, null, 2).split(process.cwd()).join('<project>');
}

describe('example stacks', () => {
  const stacks = synthExamples();
  const STACKS = [...stacks.keys()].sort();

  test('the root app has the documented examples', () => {
    expect(STACKS).toEqual(expect.arrayContaining(['imaging-platform', 'quickstart', 'two-region-primary', 'two-region-secondary']));
  });

  test.each(STACKS)('%s matches its snapshot', (name) => {
    expect(portable(stacks.get(name)!.json)).toMatchSnapshot();
  });

  test.each(STACKS)('%s synthesizes without warnings or errors', (name) => {
    expect(stacks.get(name)!.annotations).toEqual([]);
  });

  test('quickstart: one workspace and one protected FHIR R4 service', () => {
    const quickstart = stacks.get('quickstart')!;
    expect(quickstart.resource('azurerm_healthcare_fhir_service')).toMatchObject({ kind: 'fhir-R4', lifecycle: { prevent_destroy: true } });
    expect(quickstart.json.output.fhir_endpoint.value).toBe('https://healthquickstart-patients.fhir.azurehealthcareapis.com');
  });

  test('imaging platform: DICOM with partitions in the Data Lake through the user-assigned identity, both endpoints out', () => {
    const imaging = stacks.get('imaging-platform')!;
    const dicom = imaging.resource('azurerm_healthcare_dicom_service');
    expect(dicom).toMatchObject({
      data_partitions_enabled: true,
      storage: { storage_account_id: '${azurerm_storage_account.ImageLake.id}', file_system_name: '${azurerm_storage_data_lake_gen2_filesystem.Images.name}' },
      identity: { type: 'UserAssigned', identity_ids: ['${azurerm_user_assigned_identity.DicomIdentity.id}'] },
      depends_on: ['azurerm_role_assignment.DicomLakeAccess'],
    });
    expect(imaging.resource('azurerm_storage_account').is_hns_enabled).toBe(true);
    expect(imaging.resource('azurerm_healthcare_fhir_service').kind).toBe('fhir-R4');
    expect(Object.keys(imaging.json.output).sort()).toEqual(['dicom_endpoint', 'fhir_endpoint']);
    expect(imaging.json.output.dicom_endpoint.value).toMatch(/service_url/);
  });

  test('two regions: one workspace per region, state in azurerm, the identity shared through a cross-stack reference', () => {
    const primary = stacks.get('two-region-primary')!;
    const secondary = stacks.get('two-region-secondary')!;
    expect(primary.resource('azurerm_healthcare_workspace').location).toBe('eastus2');
    expect(secondary.resource('azurerm_healthcare_workspace').location).toBe('westus3');
    expect(secondary.resource('azurerm_healthcare_fhir_service').location).toBe('westus3');
    expect(primary.json.terraform.backend.azurerm).toMatchObject({ key: 'health-two-region/primary.tfstate', use_azuread_auth: true });
    expect(secondary.json.terraform.backend.azurerm).toMatchObject({ key: 'health-two-region/secondary.tfstate' });
    const remote = secondary.json.data.terraform_remote_state['cross-stack-reference-input-two-region-primary'];
    expect(remote).toMatchObject({ backend: 'azurerm', config: { key: 'health-two-region/primary.tfstate' } });
    expect(secondary.resource('azurerm_healthcare_fhir_service').identity.identity_ids[0]).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-two-region-primary\.outputs\./);
    expect(Object.keys(primary.json.output).some((name) => name.startsWith('cross-stack-output-'))).toBe(true);
  });
});
