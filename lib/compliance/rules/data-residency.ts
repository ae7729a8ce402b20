import type { AppModel, SynthesizedResource } from '../model/app-model';
import { blockOf, isExpression, sameRegion, TerraformValue } from '../model/terraform-values';
import { configValue, ConfigValue, isAzapi, workspaceReferenceOf } from '../model/service-config';
import {
  compliant,
  ComplianceLevel,
  ComplianceResult,
  ComplianceRule,
  HEALTH_DATA_TYPES,
  nonCompliant,
  notApplicable,
  RuleOutcome,
  unknown,
} from '../rule';

const STORAGE_ACCOUNT = 'azurerm_storage_account';

/**
 * PHI moves between a service and storage only in the workspace's region: the storage account a FHIR service exports
 * to (`configuration_export_storage_account_name`, ARM `exportConfiguration.storageAccountName`) or imports from (ARM
 * `importConfiguration.integrationDataStore`), or a DICOM service keeps its data in (`storage.storage_account_id`), when
 * that account is defined in the same app.
 */
export const DATA_RESIDENCY: ComplianceRule = {
  id: 'AHDS-DATA-RESIDENCY',
  level: ComplianceLevel.ERROR,
  description:
    "A storage account of the app that holds the service's PHI (FHIR $export and $import, DICOM external storage) is in the workspace's region.",
  fix: "Use storage accounts in the workspace's region for $export, $import and DICOM data.",
  appliesTo: [HEALTH_DATA_TYPES.fhir, HEALTH_DATA_TYPES.dicom],
  azurePolicy: ['e56962a6-4747-49cd-b67b-bf8b01975c4c'],
  hipaa: ['164.308(b)(1)', '164.312(e)(1)'],
  evaluate(service, model) {
    const uses = storageUses(service);
    if (uses.length === 0)
      return notApplicable(
        service.logicalType === HEALTH_DATA_TYPES.fhir
          ? 'has no $export or $import storage account'
          : 'keeps its data in storage managed by the service',
      );
    const outcomes = uses.map((use) => useOutcome(model, service, use));
    return (
      outcomes.find((o) => o.result === ComplianceResult.NON_COMPLIANT) ??
      outcomes.find((o) => o.result === ComplianceResult.UNKNOWN) ??
      outcomes.find((o) => o.result === ComplianceResult.COMPLIANT) ??
      outcomes[0]
    );
  },
};

function useOutcome(model: AppModel, service: SynthesizedResource, use: StorageUse): RuleOutcome {
  const account = findAccount(model, service, use);
  if (account === 'unknown') return unknown(`${use.argument} is ${String(use.value)}, known only when Terraform runs`);
  if (account === undefined)
    return notApplicable(`${use.argument} ${JSON.stringify(use.value)} names a storage account that is not defined in this app`);
  return compareRegions(model, service, account, use.argument);
}

interface StorageUse {
  readonly argument: string;
  readonly value: TerraformValue;
  /** How the value names the account. */
  readonly by: 'name' | 'id';
}

function storageUses(service: SynthesizedResource): StorageUse[] {
  const uses: ConfigValue[] =
    service.logicalType === HEALTH_DATA_TYPES.fhir
      ? [
          configValue(service, ['configuration_export_storage_account_name'], ['properties', 'exportConfiguration', 'storageAccountName']),
          ...(isAzapi(service) ? [configValue(service, [], ['properties', 'importConfiguration', 'integrationDataStore'])] : []),
        ]
      : [{ value: blockOf(service.config.storage)?.storage_account_id, path: 'storage.storage_account_id' }];
  const by = service.logicalType === HEALTH_DATA_TYPES.fhir ? 'name' : 'id';
  return uses.filter((use) => use.value !== undefined && use.value !== null).map((use) => ({ argument: use.path, value: use.value, by }));
}

function findAccount(model: AppModel, service: SynthesizedResource, use: StorageUse): SynthesizedResource | 'unknown' | undefined {
  const referenced = model.referencedResource(service, use.value);
  if (referenced) return referenced.type === STORAGE_ACCOUNT ? referenced : 'unknown';
  const literal = model.stringOf(service, use.value);
  if (literal === undefined) return isExpression(use.value) ? 'unknown' : undefined;
  const accounts = model.resourcesOfType(STORAGE_ACCOUNT);
  if (use.by === 'id') return accounts.find((account) => model.refersTo(service, literal, account) === 'yes');
  return accounts.find((account) => model.stringOf(account, account.config.name)?.toLowerCase() === literal.toLowerCase());
}

function compareRegions(model: AppModel, service: SynthesizedResource, account: SynthesizedResource, argument: string): RuleOutcome {
  const workspace = model.referencedResource(service, workspaceReferenceOf(service));
  const home = workspace ? model.valueOf(workspace, workspace.config.location) : model.valueOf(service, service.config.location);
  const away = model.valueOf(account, account.config.location);
  if (home.state === 'known' && away.state === 'known' && typeof home.value === 'string' && typeof away.value === 'string') {
    return sameRegion(home.value, away.value)
      ? compliant(`${argument} → ${account.address} is in "${away.value}", the workspace's region`)
      : nonCompliant(
          `${argument} → ${account.address} is in "${away.value}", outside the workspace's region "${home.value}": PHI would leave the region`,
        );
  }
  const same =
    home.state === 'unknown' && away.state === 'unknown' && home.expression === away.expression && (workspace ?? service).stack === account.stack;
  if (same) return compliant(`${argument} → ${account.address} has the same location expression as the workspace`);
  return unknown(`the location of ${account.address} or of the workspace is known only when Terraform runs`);
}
