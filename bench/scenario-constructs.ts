import type { TerraformStack } from 'cdktf';
import type * as Library from '../lib';
import {
  DEVICE_MAPPING,
  DICOM_NAME,
  eventHubOf,
  Features,
  FHIR_CORS,
  FHIR_MAPPING,
  FHIR_NAME,
  FHIR_TAGS,
  LOCATION,
  LOG_ANALYTICS_WORKSPACE_ID,
  MEDTECH_NAME,
  PRINCIPAL_ID,
  RESOURCE_GROUP,
  WORKSPACE_TAGS,
  workspaceName,
} from './scenario-spec';

/** The built library (`require('<root>/dist')`), typed by its source. */
export type BuiltLibrary = typeof Library;

/**
 * The optional parts, typed structurally: they may not exist in the library being measured (the probe decides),
 * so the scenario does not depend on their declarations.
 */
interface OptionalWorkspaceApi {
  addMedTechService?(id: string, options: Record<string, unknown>): unknown;
}
interface OptionalFhirApi {
  grantDataReader?(principalId: string): unknown;
}

/** (a) The scenario written with our constructs. */
export function buildWithConstructs(lib: BuiltLibrary, stack: TerraformStack, workspaces: number, features: Features): void {
  for (let index = 0; index < workspaces; index++) {
    const workspace = new lib.Workspace(stack, `Health${index}`, {
      name: workspaceName(index),
      location: LOCATION,
      resourceGroupName: RESOURCE_GROUP,
      tags: WORKSPACE_TAGS,
      ...(features.monitoring ? { monitoring: { logAnalyticsWorkspaceId: LOG_ANALYTICS_WORKSPACE_ID } } : {}),
    });
    const fhir = workspace.addFhirService('Records', {
      name: FHIR_NAME,
      cors: FHIR_CORS,
      identity: { type: lib.ManagedIdentityType.SYSTEM_ASSIGNED },
      tags: FHIR_TAGS,
    });
    workspace.addDicomService('Images', { name: DICOM_NAME });
    if (features.grants) (fhir as unknown as OptionalFhirApi).grantDataReader!(PRINCIPAL_ID);
    if (features.medTech) {
      (workspace as unknown as OptionalWorkspaceApi).addMedTechService!('Devices', {
        name: MEDTECH_NAME,
        eventHub: eventHubOf(index),
        deviceMapping: DEVICE_MAPPING,
        destination: { fhirService: fhir, identityResolution: 'Create', fhirMapping: FHIR_MAPPING },
      });
    }
  }
}
