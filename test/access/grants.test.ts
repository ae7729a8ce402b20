import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { DicomService, FhirService, HealthDataRole, Workspace } from '../../lib';
import { addMedTech, BASE_WORKSPACE, OTHER_PRINCIPAL, PRINCIPAL } from '../boundary-fixtures';
import { Block, errorOf, synth } from '../helpers';

const ROLE = 'azurerm_role_assignment';
const ROLE_DEFINITION = (guid: string) =>
  `/subscriptions/\${data.azurerm_client_config.HealthDataServicesClientConfig.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;

function withServices(build: (workspace: Workspace, fhir: FhirService, dicom: DicomService, stack: TerraformStack) => void) {
  return synth((stack) => {
    const workspace = new Workspace(stack, 'Health', BASE_WORKSPACE);
    build(workspace, workspace.addFhirService('Patients', { name: 'patients' }), workspace.addDicomService('Images', { name: 'images' }), stack);
  });
}

/** The role assignments with their construct paths. */
function assignments(json: Block): Array<Block & { path: string }> {
  return Object.values<Block>(json.resource[ROLE] ?? {}).map((block) => ({ ...block, path: block['//'].metadata.path }));
}

describe('grants', () => {
  const fhirMethods: Array<[keyof FhirService & `grant${string}`, HealthDataRole]> = [
    ['grantDataReader', HealthDataRole.FHIR_DATA_READER],
    ['grantDataWriter', HealthDataRole.FHIR_DATA_WRITER],
    ['grantDataContributor', HealthDataRole.FHIR_DATA_CONTRIBUTOR],
    ['grantDataExporter', HealthDataRole.FHIR_DATA_EXPORTER],
    ['grantDataImporter', HealthDataRole.FHIR_DATA_IMPORTER],
    ['grantDataConverter', HealthDataRole.FHIR_DATA_CONVERTER],
    ['grantSmartUser', HealthDataRole.FHIR_SMART_USER],
    ['grantDataBulkOperator', HealthDataRole.FHIR_DATA_BULK_OPERATOR],
  ];

  test.each(fhirMethods)('fhir.%s assigns %s at the FHIR service scope', (method, role) => {
    const result = withServices((_workspace, fhir) => (fhir[method] as (principalId: string) => unknown).call(fhir, PRINCIPAL));
    const [assignment] = assignments(result.json);
    expect(assignment).toMatchObject({
      scope: expect.stringMatching(/^\$\{azurerm_healthcare_fhir_service\.Health_Patients_[0-9A-F]{8}\.id\}$/),
      role_definition_id: ROLE_DEFINITION(role.roleDefinitionGuid),
      principal_id: PRINCIPAL,
    });
    expect(assignment.path).toBe(`stack/Health/Patients/Grants/${role.roleName.replace(/ /g, '')}-${PRINCIPAL}`);
  });

  test.each([
    ['grantDataOwner', HealthDataRole.DICOM_DATA_OWNER],
    ['grantDataReader', HealthDataRole.DICOM_DATA_READER],
  ] as const)('dicom.%s assigns %s at the DICOM service scope', (method, role) => {
    const result = withServices((_workspace, _fhir, dicom) => dicom[method](PRINCIPAL, { principalType: 'Group', description: 'radiology' }));
    expect(assignments(result.json)).toEqual([
      expect.objectContaining({
        scope: expect.stringMatching(/^\$\{azurerm_healthcare_dicom_service\.Health_Images_[0-9A-F]{8}\.id\}$/),
        role_definition_id: ROLE_DEFINITION(role.roleDefinitionGuid),
        principal_id: PRINCIPAL,
        principal_type: 'Group',
        description: 'radiology',
      }),
    ]);
  });

  test('workspace.grant assigns at the workspace scope, once for every service of the workspace', () => {
    const result = withServices((workspace) =>
      workspace.grant(PRINCIPAL, HealthDataRole.FHIR_DATA_CONTRIBUTOR, { principalType: 'ServicePrincipal' }),
    );
    expect(assignments(result.json)).toEqual([
      expect.objectContaining({
        scope: '${azurerm_healthcare_workspace.Health_02A586CD.id}',
        role_definition_id: ROLE_DEFINITION(HealthDataRole.FHIR_DATA_CONTRIBUTOR.roleDefinitionGuid),
        principal_type: 'ServicePrincipal',
        path: `stack/Health/Grants/FHIRDataContributor-${PRINCIPAL}`,
      }),
    ]);
  });

  test('workspace.grant works on an imported workspace (scope: the given id)', () => {
    const id = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shared/providers/Microsoft.HealthcareApis/workspaces/shared';
    const result = synth((stack) =>
      Workspace.fromWorkspaceAttributes(stack, 'Shared', { workspaceId: id, location: 'eastus' }).grant(PRINCIPAL, HealthDataRole.DICOM_DATA_READER),
    );
    expect(result.resource(ROLE).scope).toBe(id);
  });

  test('the generic service.grant takes any role of its kind', () => {
    const result = withServices((_workspace, fhir) => fhir.grant(PRINCIPAL, HealthDataRole.FHIR_DATA_EXPORTER));
    expect(result.resource(ROLE).role_definition_id).toBe(ROLE_DEFINITION('3db33094-8700-4567-8da5-1501d4e7e843'));
  });

  test('a token principal gets a readable construct id from its Terraform expression, the same in every run', () => {
    const build = () =>
      withServices((_workspace, fhir, _dicom, stack) => {
        const identity = new UserAssignedIdentity(stack, 'Reader', { name: 'id-reader', location: 'eastus', resourceGroupName: 'rg-health' });
        const group = new TerraformVariable(stack, 'clinicians', { type: 'string' });
        fhir.grantDataReader(identity.principalId, { principalType: 'ServicePrincipal' });
        fhir.grantDataReader(group.stringValue, { principalType: 'Group' });
      });
    const [first, second] = [build(), build()];
    expect(
      assignments(first.json)
        .map((assignment) => assignment.path)
        .sort(),
    ).toEqual([
      'stack/Health/Patients/Grants/FHIRDataReader-azurerm_user_assigned_identity.Reader.principal_id',
      'stack/Health/Patients/Grants/FHIRDataReader-var.clinicians',
    ]);
    expect(
      assignments(first.json)
        .map((assignment) => assignment.principal_id)
        .sort(),
    ).toEqual(['${azurerm_user_assigned_identity.Reader.principal_id}', '${var.clinicians}']);
    // Terraform addresses are stable between runs (a renamed address would replace the assignment).
    expect(Object.keys(second.json.resource[ROLE]).sort()).toEqual(Object.keys(first.json.resource[ROLE]).sort());
  });

  test('granting the same role to the same principal twice returns the first assignment', () => {
    let first: unknown;
    let second: unknown;
    const result = withServices((_workspace, fhir) => {
      first = fhir.grantDataReader(PRINCIPAL);
      second = fhir.grantDataReader(PRINCIPAL.toUpperCase());
      fhir.grantDataReader(OTHER_PRINCIPAL);
    });
    expect(second).toBe(first);
    expect(result.resources(ROLE)).toHaveLength(2);
  });

  test('the same grant with other options fails instead of silently dropping them', () => {
    expect(
      errorOf(() =>
        withServices((_workspace, fhir) => {
          fhir.grantDataReader(PRINCIPAL, { principalType: 'User' });
          fhir.grantDataReader(PRINCIPAL, { principalType: 'Group' });
        }),
      ),
    ).toMatch(
      /\[stack\/Health\/Patients\] FHIR Data Reader is already granted to principal 11111111-2222-3333-4444-555555555555 here with other options \(principalType "User"/,
    );
  });

  test('a role of another kind of service is rejected, with the roles that fit', () => {
    expect(errorOf(() => withServices((_workspace, fhir) => fhir.grant(PRINCIPAL, HealthDataRole.DICOM_DATA_OWNER)))).toBe(
      '[stack/Health/Patients] FhirService grant role "DICOM Data Owner" is invalid: it is a role for DICOM services, not for a FhirService. ' +
        'Use one of: FHIR Data Reader, FHIR Data Writer, FHIR Data Contributor, FHIR Data Exporter, FHIR Data Importer, FHIR Data Converter, FHIR SMART User, FHIR Data Bulk Operator; ' +
        'or a control-plane role (Owner, Contributor, Reader, User Access Administrator, Role Based Access Control Administrator, Monitoring Reader, Monitoring Contributor).',
    );
    expect(errorOf(() => withServices((_workspace, _fhir, dicom) => dicom.grant(PRINCIPAL, HealthDataRole.FHIR_DATA_READER)))).toMatch(
      /\[stack\/Health\/Images\] DicomService grant role "FHIR Data Reader" is invalid: it is a role for FHIR services.*Use one of: DICOM Data Owner, DICOM Data Reader; or a control-plane role \(Owner, /,
    );
    expect(errorOf(() => withServices((_workspace, fhir) => fhir.grant(PRINCIPAL, HealthDataRole.STORAGE_BLOB_DATA_CONTRIBUTOR)))).toMatch(
      /it is a role for storage accounts/,
    );
  });

  test('a workspace grant carries only FHIR or DICOM data roles', () => {
    expect(errorOf(() => withServices((workspace) => workspace.grant(PRINCIPAL, HealthDataRole.EVENT_HUBS_DATA_RECEIVER)))).toMatch(
      /\[stack\/Health\] Workspace grant role "Azure Event Hubs Data Receiver" is invalid: it is a role for event hubs; a workspace grant carries a FHIR or DICOM data role/,
    );
  });

  test('MedTech has no data-plane roles: its grant takes control-plane roles only, and says so for a data role', () => {
    expect(errorOf(() => withServices((workspace) => addMedTech(workspace).grant(PRINCIPAL, HealthDataRole.FHIR_DATA_WRITER)))).toBe(
      '[stack/Health/Devices] MedTechService grant role "FHIR Data Writer" is invalid: a MedTechService has no data-plane roles (Azure has no built-in data role for it), ' +
        'only control-plane roles (Owner, Contributor, Reader, User Access Administrator, Role Based Access Control Administrator, Monitoring Reader, Monitoring Contributor). ' +
        'Grant data roles on the FHIR or DICOM service it works with.',
    );
  });

  test('checks the principal id and type, naming the service', () => {
    expect(errorOf(() => withServices((_workspace, fhir) => fhir.grantDataReader('clinicians')))).toMatch(
      /\[stack\/Health\/Patients\] FHIR Data Reader grant principalId "clinicians" is invalid: a UUID/,
    );
    expect(errorOf(() => withServices((_workspace, fhir) => fhir.grantDataReader(PRINCIPAL, { principalType: 'group' as 'Group' })))).toMatch(
      /FHIR Data Reader grant principalType "group" is invalid: one of "User", "Group", "ServicePrincipal"/,
    );
  });
});
