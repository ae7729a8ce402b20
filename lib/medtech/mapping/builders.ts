/**
 * Typed builders for MedTech device and FHIR destination mappings. Every factory returns a plain, JSON-shaped
 * object (no class instances, no `undefined` members), ready for `deviceMapping` / `fhirMapping` or `JSON.stringify`.
 *
 * ```ts
 * const device = DeviceMapping.collection([
 *   DeviceMapping.calculatedContent({
 *     typeName: 'heartrate',
 *     typeMatchExpression: '$..[?(@heartRate)]',
 *     deviceIdExpression: '$.matchedToken.deviceId',
 *     timestampExpression: '$.matchedToken.endDate',
 *     values: [{ valueName: 'hr', valueExpression: '$.matchedToken.heartRate', required: true }],
 *   }),
 * ]);
 * ```
 */

/** The expression languages of CalculatedContent templates (the other template types take JSONPath only). */
export enum ExpressionLanguage {
  /** JSONPath as implemented by Json.NET (`@name` works without a dot in filters). */
  JSON_PATH = 'JsonPath',
  /** JMESPath (JmesPath.Net) plus MedTech's functions add, subtract, multiply, divide, pow, insertString, fromUnixTimestamp, fromUnixTimestampMs. */
  JMES_PATH = 'JmesPath',
}

/** How the service groups measurements into one Observation, in minutes. */
export enum PeriodInterval {
  /** One Observation per timestamp. */
  SINGLE = 0,
  /** One Observation per hour (UTC). */
  HOURLY = 60,
  /** One Observation per day (UTC). */
  DAILY = 1440,
  /** One Observation per correlation id; the device templates must set `correlationIdExpression`. */
  CORRELATION_ID = -1,
}

// ------------------------------------------------------------------------------------------ device mapping shapes

/** An expression with an explicit language (CalculatedContent only). */
export interface ExpressionObject {
  /** The JSONPath or JMESPath expression. */
  readonly value: string;
  /**
   * @default the template's `defaultExpressionLanguage`
   */
  readonly language?: ExpressionLanguage;
}

/** A CalculatedContent expression: a string in the template's default language, or an expression object. */
export type CalculatedExpression = string | ExpressionObject;

/** One value a CalculatedContent template extracts. */
export interface CalculatedContentValue {
  /** The measurement property name; the FHIR template's `valueName` must match it exactly (case-sensitive). */
  readonly valueName: string;
  /** Runs against `{Body, Properties, SystemProperties, matchedToken}`, e.g. `$.matchedToken.heartRate`. */
  readonly valueExpression: CalculatedExpression;
  /**
   * Whether a message without this value is an error (true) or the value is just left out (false).
   * @default false
   */
  readonly required?: boolean;
}

/** One value a JSONPath-only template (JsonPathContent, IotJsonPathContent, IotCentralJsonPathContent) extracts. */
export interface JsonPathValue {
  /** The measurement property name; the FHIR template's `valueName` must match it exactly (case-sensitive). */
  readonly valueName: string;
  /** A JSONPath relative to the matched token, e.g. `$.heartRate`. */
  readonly valueExpression: string;
  /**
   * Whether a message without this value is an error (true) or the value is just left out (false).
   * @default false
   */
  readonly required?: boolean;
}

/** Fields shared by every device template; `E` is the expression type (JSONPath string, or CalculatedContent's). */
export interface DeviceTemplateCommonProps<E> {
  /** The measurement type; a FHIR template must have the same `typeName` (same case). */
  readonly typeName: string;
  /** Selects the tokens that become measurements (one measurement per token). */
  readonly typeMatchExpression: E;
  /**
   * The patient id (required when the FHIR destination's identity resolution is Create).
   * @default no patient id
   */
  readonly patientIdExpression?: E;
  /**
   * The encounter id.
   * @default no encounter id
   */
  readonly encounterIdExpression?: E;
  /**
   * The correlation id, needed when the FHIR template uses `PeriodInterval.CORRELATION_ID`.
   * @default no correlation id
   */
  readonly correlationIdExpression?: E;
}

/** A CalculatedContent template: expressions run against `{Body, Properties, SystemProperties, matchedToken}`. */
export interface CalculatedContentProps extends DeviceTemplateCommonProps<CalculatedExpression> {
  /** Runs against `{Body, Properties, SystemProperties, matchedToken}`, e.g. `$.matchedToken.deviceId`. */
  readonly deviceIdExpression: CalculatedExpression;
  /** Runs against `{Body, Properties, SystemProperties, matchedToken}`, e.g. `$.matchedToken.endDate`. */
  readonly timestampExpression: CalculatedExpression;
  /**
   * The values to extract.
   * @default [] (the service requires the array, so the builder always writes it)
   */
  readonly values?: readonly CalculatedContentValue[];
  /**
   * The language of expressions given as plain strings.
   * @default ExpressionLanguage.JSON_PATH
   */
  readonly defaultExpressionLanguage?: ExpressionLanguage;
}

/** A JsonPathContent template: expressions run against the matched token. */
export interface JsonPathContentProps extends DeviceTemplateCommonProps<string> {
  /** Relative to the matched token, e.g. `$.deviceId`. */
  readonly deviceIdExpression: string;
  /** Relative to the matched token, e.g. `$.endDate`. */
  readonly timestampExpression: string;
  /**
   * The values to extract.
   * @default no values
   */
  readonly values?: readonly JsonPathValue[];
}

/**
 * An IotJsonPathContent template (messages routed through IoT Hub). The device id and timestamp always come from
 * the IoT Hub properties; `typeMatchExpression` must select the whole event, e.g. `$..[?(@Body.HeartRate)]`.
 */
export interface IotJsonPathContentProps extends DeviceTemplateCommonProps<string> {
  /**
   * The values to extract, relative to the event, e.g. `$.Body.HeartRate`.
   * @default no values
   */
  readonly values?: readonly JsonPathValue[];
}

/** An IotCentralJsonPathContent template: the device id and timestamp come from `$.deviceId` / `$.enqueuedTime` of the export. */
export interface IotCentralJsonPathContentProps extends DeviceTemplateCommonProps<string> {
  /**
   * The values to extract, relative to the IoT Central export, e.g. `$.telemetry.HeartRate`.
   * @default no values
   */
  readonly values?: readonly JsonPathValue[];
}

export interface CalculatedContentTemplate {
  readonly templateType: 'CalculatedContent';
  readonly template: CalculatedContentProps;
}

export interface JsonPathContentTemplate {
  readonly templateType: 'JsonPathContent';
  readonly template: JsonPathContentProps;
}

export interface IotJsonPathContentTemplate {
  readonly templateType: 'IotJsonPathContent';
  readonly template: IotJsonPathContentProps;
}

export interface IotCentralJsonPathContentTemplate {
  readonly templateType: 'IotCentralJsonPathContent';
  readonly template: IotCentralJsonPathContentProps;
}

export type DeviceTemplate = CalculatedContentTemplate | JsonPathContentTemplate | IotJsonPathContentTemplate | IotCentralJsonPathContentTemplate;

/** A device mapping document (`deviceMapping`). */
export interface DeviceMappingDocument {
  readonly templateType: 'CollectionContent';
  readonly template: readonly DeviceTemplate[];
}

// -------------------------------------------------------------------------------------------- FHIR mapping shapes

export interface FhirCode {
  /** e.g. `8867-4` */
  readonly code: string;
  /**
   * e.g. `http://loinc.org`
   * @default no system
   */
  readonly system?: string;
  /**
   * e.g. `Heart rate`
   * @default no display text
   */
  readonly display?: string;
}

/** An Observation category. */
export interface FhirCategory {
  /**
   * @default no text
   */
  readonly text?: string;
  /**
   * @default no codes
   */
  readonly codes?: readonly FhirCode[];
}

/** Fields shared by every FHIR value type. */
export interface FhirValueCommonProps {
  /** The device mapping's `valueName` that fills this value (case-sensitive). */
  readonly valueName: string;
}

/** A number with a unit; holds a single reading. */
export interface QuantityValue extends FhirValueCommonProps {
  readonly valueType: 'Quantity';
  /**
   * e.g. `count/min`
   * @default no unit
   */
  readonly unit?: string;
  /**
   * The unit's code, e.g. `/min`
   * @default no code
   */
  readonly code?: string;
  /**
   * The unit's code system, e.g. `http://unitsofmeasure.org`
   * @default no system
   */
  readonly system?: string;
}

/** A stream of readings over the Observation's period, one slot per `defaultPeriod` milliseconds. */
export interface SampledDataValue extends FhirValueCommonProps {
  readonly valueType: 'SampledData';
  /** Milliseconds between samples, e.g. 5000. */
  readonly defaultPeriod: number;
  /** e.g. `count/min` */
  readonly unit: string;
}

export interface StringValue extends FhirValueCommonProps {
  readonly valueType: 'String';
}

/** A fixed coded value, written whenever the device value is present. */
export interface CodeableConceptValue extends FhirValueCommonProps {
  readonly valueType: 'CodeableConcept';
  /**
   * @default no text
   */
  readonly text?: string;
  readonly codes: readonly FhirCode[];
}

export type FhirValue = QuantityValue | SampledDataValue | StringValue | CodeableConceptValue;

/** One Observation component (e.g. systolic of a blood pressure panel). */
export interface FhirComponent {
  readonly codes: readonly FhirCode[];
  readonly value: FhirValue;
}

export interface CodeValueFhirProps {
  /** The device mapping's `typeName` (same case). */
  readonly typeName: string;
  /** The Observation codes. */
  readonly codes: readonly FhirCode[];
  /**
   * How measurements are grouped into Observations.
   * @default PeriodInterval.SINGLE
   */
  readonly periodInterval?: PeriodInterval;
  /**
   * @default no category
   */
  readonly category?: readonly FhirCategory[];
  /**
   * The Observation value (set this, `components`, or both).
   * @default no value
   */
  readonly value?: FhirValue;
  /**
   * The Observation components.
   * @default no components
   */
  readonly components?: readonly FhirComponent[];
}

export interface CodeValueFhirTemplate {
  readonly templateType: 'CodeValueFhir';
  readonly template: CodeValueFhirProps;
}

/** A FHIR destination mapping document (`fhirMapping`). */
export interface FhirMappingDocument {
  readonly templateType: 'CollectionFhir';
  readonly template: readonly CodeValueFhirTemplate[];
}

// ----------------------------------------------------------------------------------------------------- factories

/** Copies an object without its `undefined` members, so the result is plain JSON. */
function defined<T extends object>(props: T): T {
  return Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined)) as T;
}

export class DeviceMapping {
  /** The device mapping document; an empty list is valid (the service then produces nothing). */
  public static collection(templates: readonly DeviceTemplate[]): DeviceMappingDocument {
    return { templateType: 'CollectionContent', template: [...templates] };
  }

  /** A CalculatedContent template (messages sent straight to the event hub). */
  public static calculatedContent(props: CalculatedContentProps): CalculatedContentTemplate {
    return {
      templateType: 'CalculatedContent',
      template: defined({ ...props, values: (props.values ?? []).map((value) => defined({ ...value })) }),
    };
  }

  public static jsonPathContent(props: JsonPathContentProps): JsonPathContentTemplate {
    return { templateType: 'JsonPathContent', template: defined({ ...props, values: props.values?.map((value) => defined({ ...value })) }) };
  }

  public static iotJsonPathContent(props: IotJsonPathContentProps): IotJsonPathContentTemplate {
    return { templateType: 'IotJsonPathContent', template: defined({ ...props, values: props.values?.map((value) => defined({ ...value })) }) };
  }

  public static iotCentralJsonPathContent(props: IotCentralJsonPathContentProps): IotCentralJsonPathContentTemplate {
    return {
      templateType: 'IotCentralJsonPathContent',
      template: defined({ ...props, values: props.values?.map((value) => defined({ ...value })) }),
    };
  }

  /** A JSONPath expression object, e.g. to mix languages in a JMESPath-default template. */
  public static jsonPath(expression: string): ExpressionObject {
    return { value: expression, language: ExpressionLanguage.JSON_PATH };
  }

  /** A JMESPath expression object (CalculatedContent only), e.g. `DeviceMapping.jmesPath('multiply(matchedToken.temp, `1.8`)')`. */
  public static jmesPath(expression: string): ExpressionObject {
    return { value: expression, language: ExpressionLanguage.JMES_PATH };
  }
}

export class FhirMapping {
  /** The FHIR destination mapping document; an empty list is valid. */
  public static collection(templates: readonly CodeValueFhirTemplate[]): FhirMappingDocument {
    return { templateType: 'CollectionFhir', template: [...templates] };
  }

  /** A CodeValueFhir template: one Observation type. */
  public static codeValue(props: CodeValueFhirProps): CodeValueFhirTemplate {
    return { templateType: 'CodeValueFhir', template: defined({ ...props }) };
  }

  public static quantity(props: Omit<QuantityValue, 'valueType'>): QuantityValue {
    return defined<QuantityValue>({ valueType: 'Quantity', ...props });
  }

  public static sampledData(props: Omit<SampledDataValue, 'valueType'>): SampledDataValue {
    return defined<SampledDataValue>({ valueType: 'SampledData', ...props });
  }

  public static string(props: Omit<StringValue, 'valueType'>): StringValue {
    return defined<StringValue>({ valueType: 'String', ...props });
  }

  public static codeableConcept(props: Omit<CodeableConceptValue, 'valueType'>): CodeableConceptValue {
    return defined<CodeableConceptValue>({ valueType: 'CodeableConcept', ...props });
  }

  /** An Observation component, e.g. `FhirMapping.component([systolicCode], FhirMapping.quantity({ valueName: 'systolic', unit: 'mmHg' }))`. */
  public static component(codes: readonly FhirCode[], value: FhirValue): FhirComponent {
    return { codes: [...codes], value };
  }
}
