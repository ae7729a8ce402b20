import { DICOM_SERVICE_KIND, FHIR_SERVICE_KIND, MEDTECH_SERVICE_KIND, SERVICE_KINDS, WORKSPACE_FACTS } from '../core/kinds';
import type { AppModel, SynthesizedResource } from './model/app-model';

/** How a finding of a rule is treated. */
export enum ComplianceLevel {
  /** A non-compliant resource fails the synth (an error annotation). */
  ERROR = 'error',
  /** A non-compliant resource is printed as a warning; the synth goes on. */
  WARNING = 'warning',
}

/** What a rule concluded about one resource. */
export enum ComplianceResult {
  COMPLIANT = 'compliant',
  NON_COMPLIANT = 'non-compliant',
  /** The rule's subject is absent on the resource (e.g. no CORS block for the CORS rule), or cannot be set. */
  NOT_APPLICABLE = 'not-applicable',
  /** A value the rule needs is a token: only Terraform knows it, so the synth cannot tell. */
  UNKNOWN = 'unknown',
}

/** A rule's conclusion and why, naming the values it looked at. */
export interface RuleOutcome {
  readonly result: ComplianceResult;
  /** Why, with the value found, e.g. `cors.allowed_origins ["*"] allows every origin`. */
  readonly reason: string;
}

/** What a rule of the pack is: data for the README table, the report and `HealthDataCompliance.rules`. */
export interface ComplianceRuleInfo {
  /** The rule id, e.g. "AHDS-CORS-WILDCARD-ORIGIN" (what suppressions name). */
  readonly id: string;
  /** Error (fails the synth) or warning. */
  readonly level: ComplianceLevel;
  /** What the rule checks, in one sentence. */
  readonly description: string;
  /** How to comply. */
  readonly fix: string;
  /** The Terraform resource types the rule looks at. */
  readonly appliesTo: readonly string[];
  /** Azure Policy built-in definitions with the same intent (definition GUIDs), if any. */
  readonly azurePolicy: readonly string[];
  /** HIPAA Security Rule controls (45 CFR) the rule serves. */
  readonly hipaa: readonly string[];
}

/** A rule of the pack: its description and a pure check of one synthesized resource. */
export interface ComplianceRule extends ComplianceRuleInfo {
  /** Checks one resource of a type in `appliesTo`, reading the synthesized configuration through `model`. */
  evaluate(resource: SynthesizedResource, model: AppModel): RuleOutcome;
}

export const compliant = (reason: string): RuleOutcome => ({ result: ComplianceResult.COMPLIANT, reason });
export const nonCompliant = (reason: string): RuleOutcome => ({ result: ComplianceResult.NON_COMPLIANT, reason });
export const notApplicable = (reason: string): RuleOutcome => ({ result: ComplianceResult.NOT_APPLICABLE, reason });
export const unknown = (reason: string): RuleOutcome => ({ result: ComplianceResult.UNKNOWN, reason });

/** The Terraform types of the Health Data Services resources the pack checks (the kinds' own facts). */
export const HEALTH_DATA_TYPES = {
  workspace: WORKSPACE_FACTS.terraformType,
  fhir: FHIR_SERVICE_KIND.terraformType,
  dicom: DICOM_SERVICE_KIND.terraformType,
  medtech: MEDTECH_SERVICE_KIND.terraformType,
} as const;

/** Readable names of the types, for messages. */
export const TYPE_LABELS: { readonly [type: string]: string } = Object.fromEntries(
  [WORKSPACE_FACTS, ...SERVICE_KINDS].map((kind) => [kind.terraformType, kind.label]),
);
