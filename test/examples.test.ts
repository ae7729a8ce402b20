import { buildExamples } from '../examples/main';
import { withCoreVersionsNormalized } from './core-under-test';
import { SynthResult, synthApp } from './helpers';

/** Synthesizes the root app the way `cdktf synth` does (prepareStack, cross-stack references, validations). */
function synthExamples(): Map<string, SynthResult> {
  const result = synthApp((app) => buildExamples(app));
  return new Map(result.stackNames.map((name) => [name, result.stack(name)]));
}

/**
 * The stack JSON without what depends on the machine (the local backend's absolute path) or on the core (its
 * version and the azurerm version it pins; both checked first), so that the cdktf and cdktn runs share one snapshot.
 */
function portable(json: { [key: string]: unknown }): string {
  return JSON.stringify(withCoreVersionsNormalized(json), null, 2).split(process.cwd()).join('<project>');
}

describe('example stacks', () => {
  const stacks = synthExamples();
  const STACKS = [...stacks.keys()].sort();

  test('the root app has the documented examples', () => {
    expect(STACKS).toEqual(
      expect.arrayContaining([
        'events',
        'imaging-platform',
        'production',
        'quickstart',
        'smart-on-fhir',
        'two-region-primary',
        'two-region-secondary',
      ]),
    );
  });

  test.each(STACKS)('%s matches its snapshot', (name) => {
    expect(portable(stacks.get(name)!.json)).toMatchSnapshot();
  });

  /** The warnings an example is expected to print; every other stack synthesizes with none. */
  const EXPECTED_WARNINGS: Record<string, RegExp[]> = {
    'remote-monitoring': [/^MedTech is deprecated: Microsoft started its retirement on 3 May 2025/],
  };

  test.each(STACKS)('%s synthesizes without errors and only its documented warnings', (name) => {
    const stack = stacks.get(name)!;
    expect(stack.messages('ERROR')).toEqual([]);
    expect(stack.messages('WARN')).toEqual((EXPECTED_WARNINGS[name] ?? []).map((pattern) => expect.stringMatching(pattern)));
    expect(stack.annotations.length).toBe((EXPECTED_WARNINGS[name] ?? []).length);
  });

  test('remote monitoring: MedTech reads the hub through its consumer group, writes to the R4 FHIR service, with both roles', () => {
    const monitoring = stacks.get('remote-monitoring')!;
    const medtech = monitoring.resource('azurerm_healthcare_medtech_service');
    expect(medtech).toMatchObject({
      eventhub_namespace_name: '${azurerm_eventhub_namespace.DeviceNamespace.name}',
      eventhub_name: '${azurerm_eventhub.DeviceHub.name}',
      eventhub_consumer_group_name: '${azurerm_eventhub_consumer_group.MedTechReader.name}',
      identity: { type: 'SystemAssigned' },
    });
    const device = JSON.parse(medtech.device_mapping_json);
    expect(device.template.map((t: { template: { typeName: string } }) => t.template.typeName)).toEqual(['heartrate', 'bloodpressure']);
    const destination = monitoring.resource('azurerm_healthcare_medtech_service_fhir_destination');
    expect(destination.destination_identity_resolution_type).toBe('Create');
    const roles = monitoring.resources('azurerm_role_assignment').map((role) => [role.scope, role.role_definition_id.split('/').pop()]);
    expect(roles).toEqual(
      expect.arrayContaining([
        ['${azurerm_eventhub.DeviceHub.id}', 'a638d3c7-ab3a-418d-83e6-5f17a39d4fde'],
        [destination.destination_fhir_service_id, '3f88fce4-5892-4214-ae73-ba5294559913'],
      ]),
    );
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
      storage: {
        storage_account_id: '${azurerm_storage_account.ImageLake.id}',
        file_system_name: '${azurerm_storage_data_lake_gen2_filesystem.Images.name}',
      },
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
    expect(secondary.resource('azurerm_healthcare_fhir_service').identity.identity_ids[0]).toMatch(
      /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-two-region-primary\.outputs\./,
    );
    expect(Object.keys(primary.json.output).some((name) => name.startsWith('cross-stack-output-'))).toBe(true);
  });
});

describe('the issue-10 examples', () => {
  const result = synthApp((app) => buildExamples(app));

  test('SMART on FHIR: one AzAPI FHIR service with the B2C identity provider (Read only) and US Core missing data', () => {
    const fhir = result.stack('smart-on-fhir').resource('azapi_resource');
    expect(fhir.body.properties.authenticationConfiguration.smartIdentityProviders).toEqual([
      {
        authority: 'https://contosohealth.b2clogin.com/contosohealth.onmicrosoft.com/B2C_1A_SMART_SIGNIN/v2.0',
        applications: [
          {
            clientId: '${var.patient_app_client_id}',
            audience: 'https://healthsmart-patients.fhir.azurehealthcareapis.com',
            allowedDataActions: ['Read'],
          },
        ],
      },
    ]);
    expect(fhir.body.properties.implementationGuidesConfiguration).toEqual({ usCoreMissingData: true });
    expect(result.stack('smart-on-fhir').json.moved).toHaveLength(1);
  });

  test('events: one system topic, three subscriptions to three kinds of destination, services destroyed before them', () => {
    const events = result.stack('events');
    expect(events.resources('azurerm_eventgrid_system_topic')).toHaveLength(1);
    const subscriptions = events.resources('azurerm_eventgrid_system_topic_event_subscription');
    expect(subscriptions.map((subscription) => Object.keys(subscription).find((key) => /_endpoint(_id)?$/.test(key))).sort()).toEqual([
      'service_bus_topic_endpoint_id',
      'storage_queue_endpoint',
      'webhook_endpoint',
    ]);
    for (const service of [events.resource('azurerm_healthcare_fhir_service'), events.resource('azurerm_healthcare_dicom_service')]) {
      expect(service.depends_on).toHaveLength(3);
    }
  });
});
