import { AUDIT_CATEGORY_GROUPS, serviceKindOfTerraformType } from '../../core/kinds';
import { blockOf, isExpression, listOf } from '../model/terraform-values';
import { compliant, ComplianceLevel, ComplianceRule, HEALTH_DATA_TYPES, nonCompliant, unknown } from '../rule';

/**
 * The service's audit trail reaches Azure Monitor: an `azurerm_monitor_diagnostic_setting` of the app targets it with
 * its audit category enabled (FHIR and DICOM `AuditLogs`, MedTech `DiagnosticLogs`) or a category group that
 * includes it (the kind's `auditTrailCategoryGroups`: `audit` and `allLogs` for FHIR and DICOM, `allLogs` for MedTech).
 */
export const AUDIT_LOGS: ComplianceRule = {
  id: 'AHDS-AUDIT-LOGS',
  level: ComplianceLevel.ERROR,
  description: "A diagnostic setting sends the service's audit logs (FHIR and DICOM AuditLogs, MedTech DiagnosticLogs) to Azure Monitor.",
  fix: 'Set monitoring on the workspace (monitoring: { logAnalyticsWorkspaceId }) or on the service.',
  appliesTo: [HEALTH_DATA_TYPES.fhir, HEALTH_DATA_TYPES.dicom, HEALTH_DATA_TYPES.medtech],
  azurePolicy: ['eb2fea88-fa7b-4531-a4c1-428c618fbcc8', 'f0d25196-1ea4-49e1-ad53-ccada27b4862', '557c828f-aa51-40d9-868a-cff8d3982818'],
  hipaa: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
  evaluate(service, model) {
    const kind = serviceKindOfTerraformType(service.logicalType);
    if (!kind) return unknown(`${service.type} is not a Health Data Services service type`);
    const category = kind.diagnostics.auditTrail;
    const groups = kind.diagnostics.auditTrailCategoryGroups.map((group) => group.toLowerCase());
    const undocumented: string[] = [];
    const undecided: string[] = [];
    const without: string[] = [];
    for (const setting of model.referrers('azurerm_monitor_diagnostic_setting', ['target_resource_id'], service)) {
      const target = model.refersTo(setting, setting.config.target_resource_id, service);
      if (target === 'no') continue;
      const logs = setting.config.enabled_log;
      // A category list known only at plan time synthesizes as a dynamic block.
      const dynamicLogs = blockOf(setting.config.dynamic)?.enabled_log !== undefined;
      if (target === 'unknown' || isExpression(logs) || dynamicLogs) {
        undecided.push(setting.address);
        continue;
      }
      const entries = listOf(logs).map(blockOf);
      const byCategory = entries.some((entry) => typeof entry?.category === 'string' && entry.category.toLowerCase() === category.toLowerCase());
      const group = entries
        .map((entry) => entry?.category_group)
        .find((value): value is string => typeof value === 'string' && groups.includes(value.toLowerCase()));
      if (byCategory) return compliant(`${setting.address} sends its ${category}`);
      if (group !== undefined) return compliant(`${setting.address} sends its ${category} (category group "${group}")`);
      const otherGroup = entries
        .map((entry) => entry?.category_group)
        .find(
          (value): value is string => typeof value === 'string' && AUDIT_CATEGORY_GROUPS.some((known) => known.toLowerCase() === value.toLowerCase()),
        );
      if (otherGroup !== undefined) {
        undocumented.push(
          `${setting.address} (category group "${otherGroup}": Microsoft does not document that it includes a ${kind.label}'s ${category}; use "allLogs" or the category)`,
        );
        continue;
      }
      if (entries.some((entry) => isExpression(entry?.category) || isExpression(entry?.category_group))) undecided.push(setting.address);
      else without.push(setting.address);
    }
    if (undecided.length > 0) return unknown(`whether ${undecided.join(', ')} sends its ${category} is known only when Terraform runs`);
    if (undocumented.length > 0) return unknown(`whether ${undocumented.join(', ')} sends its ${category} is not documented`);
    if (without.length > 0) return nonCompliant(`has diagnostic settings (${without.join(', ')}) but none enables the ${category} category`);
    return nonCompliant(`has no diagnostic setting: its ${category} are not kept anywhere`);
  },
};
