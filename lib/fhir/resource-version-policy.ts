/**
 * How the FHIR service keeps the history of a resource (ARM `FhirResourceVersionPolicy`, API version 2024-03-31).
 * Plain strings with these values work too.
 */
export enum ResourceVersionPolicy {
  /** No history: an update overwrites the resource; `_history` returns only the current version. */
  NO_VERSION = 'no-version',
  /** Every version is kept (the service's default). */
  VERSIONED = 'versioned',
  /** Every version is kept, and an update must name the version it replaces (`If-Match`), or it fails. */
  VERSIONED_UPDATE = 'versioned-update',
}

/** The values Azure accepts, in the specification's order. */
export const RESOURCE_VERSION_POLICIES: readonly string[] = [
  ResourceVersionPolicy.NO_VERSION,
  ResourceVersionPolicy.VERSIONED,
  ResourceVersionPolicy.VERSIONED_UPDATE,
];
