import type { AppModel, SynthesizedResource, Tri } from '../model/app-model';
import { workspaceReferenceOf } from '../model/service-config';
import { blockOf, isExpression, show } from '../model/terraform-values';
import { compliant, ComplianceLevel, ComplianceRule, HEALTH_DATA_TYPES, nonCompliant, unknown } from '../rule';

const PROTECTING_LOCK_LEVELS = ['cannotdelete', 'readonly'];

/**
 * A resource that holds protected health information cannot be deleted by accident: Terraform refuses to destroy it
 * (`lifecycle.prevent_destroy`, RemovalPolicy.RETAIN) or Azure does (a CanNotDelete / ReadOnly management lock on it,
 * its workspace or its resource group).
 */
export const DELETION_PROTECTION: ComplianceRule = {
  id: 'AHDS-DELETION-PROTECTION',
  level: ComplianceLevel.WARNING,
  description:
    'The workspace and the FHIR and DICOM services are protected against deletion: lifecycle.prevent_destroy, or a management lock on them, their workspace or resource group.',
  fix: 'Keep removalPolicy: RemovalPolicy.RETAIN (the default), or set lock: "CanNotDelete" on the workspace.',
  appliesTo: [HEALTH_DATA_TYPES.workspace, HEALTH_DATA_TYPES.fhir, HEALTH_DATA_TYPES.dicom],
  azurePolicy: [],
  hipaa: ['164.312(c)(1)', '164.308(a)(7)(ii)(A)'],
  evaluate(resource, model) {
    const lifecycle = blockOf(resource.config.lifecycle);
    const preventDestroy = lifecycle?.prevent_destroy;
    if (preventDestroy === true) return compliant('lifecycle.prevent_destroy is true');
    const covered = [
      resource,
      model.referencedResource(resource, workspaceReferenceOf(resource)),
      model.referencedResource(resource, resource.config.resource_group_name),
    ].filter((candidate): candidate is SynthesizedResource => candidate !== undefined);
    let undecided = isExpression(preventDestroy) ? [`lifecycle.prevent_destroy ${preventDestroy}`] : [];
    for (const lock of model.referrers('azurerm_management_lock', ['scope'], ...covered)) {
      const level = lock.config.lock_level;
      const scope = covering(model, lock, covered);
      if (scope === 'no') continue;
      if (scope === 'unknown' || isExpression(level)) {
        undecided = [...undecided, lock.address];
      } else if (typeof level === 'string' && PROTECTING_LOCK_LEVELS.includes(level.toLowerCase())) {
        return compliant(`${lock.address} (${level}) covers it`);
      }
    }
    if (undecided.length > 0) return unknown(`whether ${undecided.join(', ')} protects it is known only when Terraform runs`);
    return nonCompliant(`lifecycle.prevent_destroy is ${show(preventDestroy)} and no management lock covers it: terraform destroy deletes it`);
  },
};

function covering(model: AppModel, lock: SynthesizedResource, candidates: SynthesizedResource[]): Tri {
  const answers = candidates.map((candidate) => model.refersTo(lock, lock.config.scope, candidate));
  return answers.includes('yes') ? 'yes' : answers.includes('unknown') ? 'unknown' : 'no';
}
