import type { ComplianceRule } from '../rule';
import { AUDIT_LOGS } from './audit-logs';
import { CORS_WILDCARD_CREDENTIALS } from './cors-wildcard-credentials';
import { CORS_WILDCARD_ORIGIN } from './cors-wildcard-origin';
import { CUSTOMER_MANAGED_KEY } from './customer-managed-key';
import { DATA_RESIDENCY } from './data-residency';
import { DELETION_PROTECTION } from './deletion-protection';
import { FHIR_AUTHORITY_TENANT } from './fhir-authority-tenant';
import { MANAGED_IDENTITY } from './managed-identity';
import { PUBLIC_NETWORK_ACCESS } from './public-network-access';
import { WORKSPACE_PRIVATE_ENDPOINT } from './workspace-private-endpoint';

/** The rule pack, in report order: one rule per file in this folder. */
export const HEALTH_DATA_RULE_PACK: readonly ComplianceRule[] = [
  CORS_WILDCARD_ORIGIN,
  CORS_WILDCARD_CREDENTIALS,
  CUSTOMER_MANAGED_KEY,
  WORKSPACE_PRIVATE_ENDPOINT,
  PUBLIC_NETWORK_ACCESS,
  AUDIT_LOGS,
  MANAGED_IDENTITY,
  DELETION_PROTECTION,
  FHIR_AUTHORITY_TENANT,
  DATA_RESIDENCY,
];
