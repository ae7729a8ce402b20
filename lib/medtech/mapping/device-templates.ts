/**
 * The device-mapping template types, as data: how the service recognises each one, its fields, and what its
 * expressions run against (research `medtech-mapping.md` §1.3-1.4, microsoft/iomt-fhir `Microsoft.Health.Fhir.Ingest.Template`).
 */
import { RuleOutcome } from './findings';

export type DeviceTemplateType = 'CalculatedContent' | 'JsonPathContent' | 'IotJsonPathContent' | 'IotCentralJsonPathContent';

export type ExpressionLanguageName = 'JsonPath' | 'JmesPath';
export const EXPRESSION_LANGUAGES: readonly ExpressionLanguageName[] = ['JsonPath', 'JmesPath'];

/** What an expression runs against, which decides when it can never match. */
export type ExpressionScope =
  /** An object with exactly these keys: a path must start with one of them. */
  | { readonly kind: 'roots'; readonly roots: readonly string[]; readonly description: string }
  /** The event envelope, which the expression must be able to select as a whole (IotJsonPathContent type match). */
  | { readonly kind: 'wholeEnvelope' }
  /** A token of unknown shape (the matched token of the legacy templates). */
  | { readonly kind: 'unchecked' };

export type FieldSpec =
  /** `blank`: what an empty or whitespace-only value does. */
  | { readonly name: string; readonly kind: 'string'; readonly required: boolean; readonly blank: RuleOutcome }
  | { readonly name: string; readonly kind: 'expression'; readonly required: boolean; readonly typeMatch?: boolean }
  | { readonly name: string; readonly kind: 'values'; readonly required: boolean }
  | { readonly name: string; readonly kind: 'language' }
  | { readonly name: string; readonly kind: 'bool' }
  /** `[JsonIgnore]` in the service: accepted but not used; `replacement` says what the service uses instead. */
  | { readonly name: string; readonly kind: 'ignored'; readonly replacement: string };

const BLANK_TYPE_NAME: RuleOutcome = {
  level: 'error',
  consequence: 'every measurement of this template fails in the FHIR stage, which needs a type name to find its FHIR template',
};

export interface DeviceTemplateSpec {
  readonly templateType: DeviceTemplateType;
  /** What the service matches `templateType` against (case-insensitively; a missing `Template` suffix is fine). */
  readonly serviceName: string;
  /** The C# class named in the service's unknown-member errors. */
  readonly className: string;
  readonly valueClassName: string;
  readonly fields: readonly FieldSpec[];
  /** Whether expressions may be `{value, language}` objects (and so JMESPath); the others take JSONPath strings only. */
  readonly expressionObjects: boolean;
  readonly typeMatchScope: ExpressionScope;
  readonly extractScope: ExpressionScope;
}

const ENVELOPE = ['Body', 'Properties', 'SystemProperties'];

/** Every template type starts with these. */
const TYPE_FIELDS: readonly FieldSpec[] = [
  { name: 'typeName', kind: 'string', required: true, blank: BLANK_TYPE_NAME },
  { name: 'typeMatchExpression', kind: 'expression', required: true, typeMatch: true },
];

/** Where the template reads the device id and timestamp from the message. */
const IDENTITY_EXPRESSIONS: readonly FieldSpec[] = [
  { name: 'deviceIdExpression', kind: 'expression', required: true },
  { name: 'timestampExpression', kind: 'expression', required: true },
];

const OPTIONAL_ID_EXPRESSIONS: readonly FieldSpec[] = [
  { name: 'patientIdExpression', kind: 'expression', required: false },
  { name: 'encounterIdExpression', kind: 'expression', required: false },
  { name: 'correlationIdExpression', kind: 'expression', required: false },
];

const UNCHECKED: ExpressionScope = { kind: 'unchecked' };

/** The JSONPath-only ("legacy") template types: string expressions that run against the matched token. */
function jsonPathOnlySpec(
  spec: Pick<DeviceTemplateSpec, 'templateType' | 'serviceName' | 'className' | 'typeMatchScope'> & {
    readonly identityFields: readonly FieldSpec[];
  },
): DeviceTemplateSpec {
  const { identityFields, ...names } = spec;
  return {
    ...names,
    valueClassName: 'JsonPathValueExpression',
    expressionObjects: false,
    extractScope: UNCHECKED,
    fields: [...TYPE_FIELDS, ...identityFields, ...OPTIONAL_ID_EXPRESSIONS, { name: 'values', kind: 'values', required: false }],
  };
}

/** In the service's dispatch order (`TemplateExtensions.cs`). */
export const DEVICE_TEMPLATE_SPECS: readonly DeviceTemplateSpec[] = [
  jsonPathOnlySpec({
    templateType: 'JsonPathContent',
    serviceName: 'JsonPathContentTemplate',
    className: 'JsonPathContentTemplate',
    typeMatchScope: UNCHECKED,
    identityFields: IDENTITY_EXPRESSIONS,
  }),
  jsonPathOnlySpec({
    templateType: 'IotJsonPathContent',
    serviceName: 'IotJsonPathContentTemplate',
    className: 'IotJsonPathContentTemplate',
    typeMatchScope: { kind: 'wholeEnvelope' },
    identityFields: [
      { name: 'deviceIdExpression', kind: 'ignored', replacement: '$.SystemProperties.iothub-connection-device-id' },
      {
        name: 'timestampExpression',
        kind: 'ignored',
        replacement: '$.Properties.iothub-creation-time-utc (or $.SystemProperties.iothub-enqueuedtime)',
      },
      { name: 'alternateTimestampExpression', kind: 'ignored', replacement: '$.SystemProperties.iothub-enqueuedtime' },
    ],
  }),
  jsonPathOnlySpec({
    templateType: 'IotCentralJsonPathContent',
    // The target name has no `Template` suffix, so only this exact name (any case) matches.
    serviceName: 'IotCentralJsonPathContent',
    className: 'IotCentralJsonPathContentTemplate',
    typeMatchScope: UNCHECKED,
    identityFields: [
      { name: 'deviceIdExpression', kind: 'ignored', replacement: '$.deviceId of the matched IoT Central export' },
      { name: 'timestampExpression', kind: 'ignored', replacement: '$.enqueuedTime of the matched IoT Central export' },
    ],
  }),
  {
    templateType: 'CalculatedContent',
    // No `Template` suffix here either: "CalculatedContentTemplate" is rejected.
    serviceName: 'CalculatedContent',
    className: 'CalculatedFunctionContentTemplate',
    valueClassName: 'CalculatedFunctionValueExpression',
    expressionObjects: true,
    typeMatchScope: { kind: 'roots', roots: ENVELOPE, description: 'the event {Body, Properties, SystemProperties}' },
    extractScope: { kind: 'roots', roots: [...ENVELOPE, 'matchedToken'], description: '{Body, Properties, SystemProperties, matchedToken}' },
    fields: [
      ...TYPE_FIELDS,
      ...IDENTITY_EXPRESSIONS,
      ...OPTIONAL_ID_EXPRESSIONS,
      // The service's factory iterates `Values` without a null check, so the array must be present (it may be empty).
      { name: 'values', kind: 'values', required: true },
      { name: 'defaultExpressionLanguage', kind: 'language' },
    ],
  },
];

/** Fields of one `values[]` item (`CalculatedFunctionValueExpression` / `JsonPathValueExpression`). */
export const VALUE_FIELDS: readonly FieldSpec[] = [
  {
    name: 'valueName',
    kind: 'string',
    required: true,
    blank: { level: 'warning', consequence: 'no FHIR template value can name it, so the value never reaches an Observation' },
  },
  { name: 'valueExpression', kind: 'expression', required: true },
  { name: 'required', kind: 'bool' },
];
