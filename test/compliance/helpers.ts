import type { AzurermProviderConfig } from '@cdktf/provider-azurerm/lib/provider';
import { App, Aspects, TerraformStack } from 'cdktf';
import {
  ComplianceFinding,
  ComplianceReport,
  ComplianceRule,
  ComplianceResult,
  HealthDataCompliance,
  ManagedIdentityType,
  Workspace,
} from '../../lib';
import { BASE_WORKSPACE, KEY_URL, LAW_ID, SUBNET_ID } from '../boundary-fixtures';
import { newStack, synthApp } from '../helpers';

/** What a synthesis with the compliance check produced: the report files, and the error or the annotations. */
export interface ComplianceRun {
  /** The parsed `health-data-compliance.json` of the stack. */
  readonly report: ComplianceReport;
  /** The `health-data-compliance.csv` of the stack. */
  readonly csv: string;
  /** The error `app.synth()` threw (error-level findings), if any. */
  readonly error?: string;
  /** The stack's annotations from manifest.json (only when the synth succeeded). */
  readonly annotations: Array<{ constructPath: string; level: string; message: string }>;
  /** The result of `ruleId` for the resource whose construct is `constructPath`. */
  result(ruleId: string, constructPath: string): ComplianceResult;
  /** The finding of `ruleId` for the resource whose construct is `constructPath`. */
  finding(ruleId: string, constructPath: string): ComplianceFinding;
}

export interface RunOptions {
  /** Where the aspect goes. @default 'stack' */
  readonly aspectOn?: 'app' | 'stack';
  /** azurerm provider arguments. */
  readonly provider?: Partial<AzurermProviderConfig>;
  /** Rules of the user's, passed to the check. */
  readonly additionalRules?: ComplianceRule[];
}

/**
 * Builds a stack in a real App with the compliance aspect, runs the real `app.synth()` into a temp folder and reads
 * the report files back. Error-level findings make `app.synth()` throw; the report is written before that.
 */
export function runCompliance(build: (stack: TerraformStack, app: App) => void, options: RunOptions = {}): ComplianceRun {
  const run = synthApp(
    (app) => {
      const stack = newStack(app, 'stack', options.provider);
      build(stack, app);
      Aspects.of(options.aspectOn === 'app' ? app : stack).add(new HealthDataCompliance({ additionalRules: options.additionalRules }));
    },
    { allowFailure: true },
  );
  const report = JSON.parse(run.read('stack', 'health-data-compliance.json')) as ComplianceReport;
  const csv = run.read('stack', 'health-data-compliance.csv');
  const annotations = run.error === undefined ? run.stack('stack').annotations : [];
  const finding = (ruleId: string, constructPath: string): ComplianceFinding => {
    const found = report.findings.filter((candidate) => candidate.ruleId === ruleId && candidate.constructPath === constructPath);
    if (found.length !== 1)
      throw new Error(
        `expected one ${ruleId} finding for ${constructPath}, found ${found.length}: ${JSON.stringify(report.findings.map((f) => [f.ruleId, f.constructPath]))}`,
      );
    return found[0];
  };
  return { report, csv, error: run.error, annotations, finding, result: (ruleId, constructPath) => finding(ruleId, constructPath).result };
}

/**
 * A workspace that passes every rule: monitoring, a private endpoint, a lock-free RETAIN policy. Tests add services
 * (compliant ones: managed identities and customer-managed keys, `DICOM_KEY`, `FHIR_KEY`) and change one thing to
 * exercise one rule.
 */
export function compliantWorkspace(stack: TerraformStack): Workspace {
  const workspace = new Workspace(stack, 'Health', { ...BASE_WORKSPACE, monitoring: { logAnalyticsWorkspaceId: LAW_ID } });
  workspace.addPrivateEndpoint('PrivateLink', { subnetId: SUBNET_ID });
  return workspace;
}

export const SYSTEM_IDENTITY = { type: ManagedIdentityType.SYSTEM_ASSIGNED };
export const DICOM_KEY = { encryptionKeyUrl: KEY_URL, identity: SYSTEM_IDENTITY };
export const USER_IDENTITY_ID =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-health/providers/Microsoft.ManagedIdentity/userAssignedIdentities/fhir';
/** A FHIR customer-managed key with a user-assigned identity (granted the key role first): the FHIR service is then an azapi_resource. */
export const FHIR_KEY = {
  encryptionKeyUrl: 'https://kv-health.vault.azure.net/keys/fhir/0123456789abcdef0123456789abcdef',
  identity: { type: ManagedIdentityType.USER_ASSIGNED, identityIds: [USER_IDENTITY_ID] },
};

export const WORKSPACE_PATH = 'stack/Health';
export const FHIR_PATH = 'stack/Health/Patients';
export const DICOM_PATH = 'stack/Health/Images';
