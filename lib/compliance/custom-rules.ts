import { HealthDataValidationError } from '../core/validation';
import { show } from './model/terraform-values';
import { ComplianceLevel, ComplianceRule } from './rule';

/** What names a check that is not a construct in messages. */
const SUBJECT = '[HealthDataCompliance]';
const RULE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$/;
const TERRAFORM_TYPE = /^[a-z][a-z0-9_]{0,127}$/;
const LEVELS: readonly string[] = Object.values(ComplianceLevel);

/** Rule ids of users' own rules, from every check constructed in this process: what `suppress` accepts beside the pack. */
const registeredIds = new Set<string>();

/** The rule ids `HealthDataCompliance.suppress` accepts: the pack's and those of rules passed as `additionalRules`. */
export function knownRuleIds(builtIn: readonly string[]): string[] {
  return [...builtIn, ...registeredIds];
}

/**
 * Checks users' own rules (`HealthDataCompliance` `additionalRules`): the shape of each, unique ids that do not
 * shadow the pack's, a level of `ComplianceLevel`, and an `evaluate` method. Every problem is reported at once.
 */
export function checkAdditionalRules(rules: unknown, builtInIds: readonly string[]): ComplianceRule[] {
  if (rules === undefined) return [];
  const problems: string[] = [];
  if (!Array.isArray(rules)) {
    throw new HealthDataValidationError([
      `${SUBJECT} additionalRules ${show(rules)} is invalid: a list of rules (objects or class instances with id, level, description, fix, appliesTo, azurePolicy, hipaa and an evaluate method).`,
    ]);
  }
  const seen = new Map<string, number>();
  rules.forEach((rule: unknown, index) => {
    const subject = `additionalRules[${index}]`;
    if (typeof rule !== 'object' || rule === null) {
      problems.push(
        `${subject} ${show(rule)} is invalid: an object with id, level, description, fix, appliesTo, azurePolicy, hipaa and an evaluate method.`,
      );
      return;
    }
    const candidate = rule as { [key: string]: unknown };
    const { id } = candidate;
    if (typeof id !== 'string' || !RULE_ID.test(id)) {
      problems.push(
        `${subject}.id ${show(id)} is invalid: 2-64 letters, digits, '-', '_' or '.', starting with a letter or digit. Use e.g. "ACME-FHIR-TAGS".`,
      );
    } else {
      const clash = builtInIds.find((builtIn) => builtIn.toLowerCase() === id.toLowerCase());
      if (clash)
        problems.push(
          `${subject}.id ${show(id)} is invalid: it is the id of the pack's rule ${clash}. Give your rule its own id, e.g. "ACME-${id}".`,
        );
      const earlier = seen.get(id.toLowerCase());
      if (earlier !== undefined)
        problems.push(`${subject}.id ${show(id)} is invalid: additionalRules[${earlier}] has the same id. Give each rule its own id.`);
      else seen.set(id.toLowerCase(), index);
    }
    if (typeof candidate.level !== 'string' || !LEVELS.includes(candidate.level)) {
      problems.push(
        `${subject}.level ${show(candidate.level)} is invalid: one of ${LEVELS.map((level) => JSON.stringify(level)).join(', ')} (ComplianceLevel.ERROR fails the synth, ComplianceLevel.WARNING prints).`,
      );
    }
    for (const text of ['description', 'fix'] as const) {
      if (typeof candidate[text] !== 'string' || (candidate[text] as string).trim() === '')
        problems.push(`${subject}.${text} ${show(candidate[text])} is invalid: a non-empty string (the report and the messages show it).`);
    }
    const appliesTo = candidate.appliesTo;
    if (!Array.isArray(appliesTo) || appliesTo.length === 0 || !appliesTo.every((type) => typeof type === 'string' && TERRAFORM_TYPE.test(type))) {
      problems.push(
        `${subject}.appliesTo ${show(appliesTo)} is invalid: a non-empty list of Terraform resource types, e.g. ["azurerm_healthcare_fhir_service"].`,
      );
    }
    for (const references of ['azurePolicy', 'hipaa'] as const) {
      const list = candidate[references];
      if (!Array.isArray(list) || !list.every((entry) => typeof entry === 'string' && entry.trim() !== '')) {
        problems.push(`${subject}.${references} ${show(list)} is invalid: a list of non-empty strings (may be empty: []).`);
      }
    }
    if (typeof candidate.evaluate !== 'function') {
      problems.push(`${subject}.evaluate ${show(candidate.evaluate)} is invalid: a method evaluate(resource, model) returning { result, reason }.`);
    }
  });
  if (problems.length > 0) throw new HealthDataValidationError(problems.map((problem) => `${SUBJECT} ${problem}`));
  const checked = rules as ComplianceRule[];
  checked.forEach((rule) => registeredIds.add(rule.id));
  return [...checked];
}
