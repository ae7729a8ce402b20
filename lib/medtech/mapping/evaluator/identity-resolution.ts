/**
 * Which Patient, Device and Encounter an Observation points to (`R4DeviceAndPatientLookupIdentityService`,
 * `R4DeviceAndPatientCreateIdentityService`). The evaluator cannot read the FHIR service: resources listed in the
 * options stand for what it holds; with Create, the others are what the service creates (resource ids are SHA-256
 * hashes of `<system>_<value>`); with Lookup, they get placeholder ids.
 */
import { createHash } from 'crypto';
import { FhirDeviceIdentity, FhirEncounterIdentity, ObservationOptions } from './evaluation-types';
import { MeasurementGroup } from './observation-grouping';
import { ServiceError } from './service-error';

export interface ResolvedIdentity {
  readonly patientResourceId: string;
  readonly deviceResourceId: string;
  readonly encounterResourceId?: string;
}

/** `IdentifierExtensions.ComputeHashForIdentifier`: lowercase hex SHA-256 of `<system>_<value>` (UTF-8). */
export function identifierHash(system: string | undefined, value: string): string {
  return createHash('sha256')
    .update(`${system ?? ''}_${value}`, 'utf8')
    .digest('hex');
}

export function resolveIdentity(group: MeasurementGroup, options: ObservationOptions): ResolvedIdentity {
  const known = findDevice(options.devices, group.deviceId);
  const system =
    options.deviceIdentifierSystem === undefined || options.deviceIdentifierSystem.trim() === '' ? undefined : options.deviceIdentifierSystem;
  if (known === undefined && options.identityResolution === 'Create') {
    if (group.patientId === undefined || group.patientId.trim() === '') {
      throw new ServiceError(
        'ResourceIdentityNotDefinedException',
        `Fhir resource of type Patient not found. Device "${group.deviceId}" does not exist yet, and with identityResolution "Create" the service needs the ` +
          `measurement's patient id to create its Patient: the "${group.type}" device template has no patientIdExpression, or it found nothing in the message.`,
        'measurements',
      );
    }
    // The Patient and Device the service creates (an Encounter is not looked up for a newly created Device).
    return { patientResourceId: identifierHash(undefined, group.patientId), deviceResourceId: identifierHash(system, group.deviceId) };
  }
  const searched = system === undefined ? group.deviceId : `${system}|${group.deviceId}`;
  const identity =
    known !== undefined
      ? { patientResourceId: known.patientResourceId, deviceResourceId: known.deviceResourceId }
      : { patientResourceId: `{Patient of Device?identifier=${searched}}`, deviceResourceId: `{Device?identifier=${searched}}` };
  if (group.encounterId === undefined || group.encounterId.trim() === '') return identity;
  const encounter = findEncounter(options.encounters, group.encounterId);
  return { ...identity, encounterResourceId: encounter?.encounterResourceId ?? `{Encounter?identifier=${group.encounterId}}` };
}

function findDevice(devices: readonly FhirDeviceIdentity[] | undefined, deviceId: string): FhirDeviceIdentity | undefined {
  return devices?.find((device) => device.deviceIdentifier === deviceId);
}

function findEncounter(encounters: readonly FhirEncounterIdentity[] | undefined, encounterId: string): FhirEncounterIdentity | undefined {
  return encounters?.find((encounter) => encounter.encounterIdentifier === encounterId);
}
