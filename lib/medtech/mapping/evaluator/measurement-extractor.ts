/**
 * The normalization of one event by one template: `MeasurementExtractor` and `LegacyMeasurementExtractor` of
 * `microsoft/iomt-fhir` (`Microsoft.Health.Fhir.Ingest.Template`). The type-match expression selects tokens; each
 * becomes one measurement whose other expressions run against the event plus `matchedToken` (CalculatedContent) or
 * against the matched token itself (the JSONPath-only templates).
 */
import { DotNetDateTime, DotNetError } from './dotnet-datetime';
import { ExpressionSlot, LoadedDeviceTemplate, LoadedExpression } from './device-template-reader';
import { asJToken, JmesArgument } from './jmes-path-argument';
import { evaluateJmesPath } from './jmes-path-evaluator';
import { JsonPathSyntaxError, selectJsonPathToken, selectJsonPathTokens } from './json-path-evaluator';
import { jobject, JToken } from './json-token';
import { ServiceError } from './service-error';
import { valueAsDateTime, valueAsString } from './token-conversion';
import { JmesNode } from '../jmes-path';

export interface ExtractedMeasurement {
  readonly type: string;
  readonly occurrenceTime: DotNetDateTime;
  readonly deviceId: string;
  readonly patientId: string | null;
  readonly encounterId: string | null;
  readonly correlationId: string | null;
  readonly properties: ReadonlyArray<{ readonly name: string; readonly value: string }>;
}

/**
 * The measurements of one template, in order. Like the service, it stops at the first error: `onMeasurement` has
 * seen the measurements before it, then the error is thrown.
 */
export function extractMeasurements(template: LoadedDeviceTemplate, event: JToken, onMeasurement: (measurement: ExtractedMeasurement) => void): void {
  if (event.type !== 'Object') {
    throw new ServiceError(
      'ArgumentException',
      "The message must be a JSON object: the service's templates require a JObject (with envelope: false, pass an object).",
      'message',
    );
  }
  for (const scope of matchTypeTokens(template, event)) onMeasurement(createMeasurement(template, scope));
}

function matchTypeTokens(template: LoadedDeviceTemplate, event: JToken & { type: 'Object' }): JToken[] {
  const expression = template.typeMatch.expressions[0];
  if (expression === undefined) throw incompatible('An expression must be set for [TypeMatchExpression]', template.typeMatch.path);
  const matches = selectTokens(expression, event);
  if (!template.wrapsMatch) return matches;
  // CalculatedContent: a copy of the event with the match added as its last property, "matchedToken".
  return matches.map((match) => {
    if (match.type === 'Property') {
      throw new ServiceError(
        'ArgumentException',
        'Can not add Newtonsoft.Json.Linq.JProperty to Newtonsoft.Json.Linq.JProperty. ' +
          `typeMatchExpression ${expression.text} selected a property, not a value; select the object that holds it.`,
        expression.path,
      );
    }
    const entries = [...event.properties].filter(([name]) => name !== 'matchedToken');
    return jobject([...entries, ['matchedToken', match]]);
  });
}

function createMeasurement(template: LoadedDeviceTemplate, token: JToken): ExtractedMeasurement {
  const deviceId = evalExpression(token, 'DeviceIdExpression', true, template.deviceId, valueAsString);
  const timestamp = evalExpression(token, 'TimestampExpression', true, template.timestamp, valueAsDateTime);
  const correlationDefined = template.correlationId.expressions.some((expression) => expression.text.trim() !== '');
  const correlationId = correlationDefined ? evalExpression(token, 'CorrelationIdExpression', true, template.correlationId, valueAsString) : null;
  const patientId = evalExpression(token, 'PatientIdExpression', false, template.patientId, valueAsString);
  const encounterId = evalExpression(token, 'EncounterIdExpression', false, template.encounterId, valueAsString);
  const properties: Array<{ name: string; value: string }> = [];
  for (const value of template.values) {
    const slot: ExpressionSlot = { expressions: value.expression === undefined ? [] : [value.expression], path: value.path };
    const text = evalExpression(token, value.name, value.required, slot, valueAsString);
    if (text !== null) properties.push({ name: value.name, value: text });
  }
  return { type: template.typeName, occurrenceTime: timestamp!, deviceId: deviceId!, patientId, encounterId, correlationId, properties };
}

function incompatible(message: string, path: string, causes: readonly Error[] = []): ServiceError {
  return new ServiceError('IncompatibleDataException', message, path, causes);
}

/** `MeasurementExtractor.EvalExpression<T>`: the first expression that yields a usable value wins. */
function evalExpression<T>(token: JToken, name: string, required: boolean, slot: ExpressionSlot, convert: (token: JToken) => T | null): T | null {
  if (slot.expressions.length === 0) {
    if (required) throw incompatible(`An expression must be set for [${name}]`, slot.path);
    return null;
  }
  const problems: Error[] = [];
  for (const expression of slot.expressions) {
    const found = selectToken(expression, token);
    if (found === undefined) continue;
    try {
      const value = convert(found);
      const empty = typeof value === 'string' ? value.trim() === '' : value === null;
      if (required && empty) problems.push(incompatible(`A null or empty value was supplied for the required field [${name}]`, expression.path));
      else return value;
    } catch (error) {
      if (!(error instanceof DotNetError)) throw error;
      problems.push(
        new ServiceError(
          'IncompatibleDataException',
          `Encountered an error while extracting value for [${name}] using expression ${expression.text}`,
          expression.path,
          [error],
        ),
      );
    }
  }
  if (!required) return null;
  const path = slot.expressions[0].path;
  if (problems.length > 0) throw incompatible(`Unable to extract required value for [${name}]`, path, problems);
  throw incompatible(`Unable to extract required value for [${name}] using ${slot.expressions.map((expression) => expression.text).join(',')}`, path);
}

/** `IExpressionEvaluator.SelectTokens`. */
function selectTokens(expression: LoadedExpression, data: JToken): JToken[] {
  if (expression.ast !== undefined) {
    const result = jmesPath(expression, expression.ast, data);
    // A projection yields its elements; anything else yields itself unless it is null (so false or [] match).
    if (result.type === 'Projection') return result.items.map(asJToken);
    return result.type === 'Null' ? [] : [result];
  }
  try {
    return selectJsonPathTokens(expression.text, data);
  } catch (error) {
    // Only the parse happens inside the engine's try block; evaluation errors surface unwrapped.
    if (error instanceof JsonPathSyntaxError)
      throw new ServiceError('TemplateExpressionException', `Unable to retrieve JsonTokens using expression ${expression.text}`, expression.path, [
        error,
      ]);
    throw located(error, expression);
  }
}

/** `IExpressionEvaluator.SelectToken`: one token or none. */
function selectToken(expression: LoadedExpression, data: JToken): JToken | undefined {
  if (expression.ast !== undefined) {
    const result = jmesPath(expression, expression.ast, data);
    if (result.type === 'Projection' && result.items.length > 1) {
      // The service's text names the expression object's .NET type ("$DevLab.JmesPath.JmesPath+Expression").
      throw new ServiceError('TemplateExpressionException', `Multiple tokens were returned using expression ${expression.text}`, expression.path);
    }
    const token = asJToken(result);
    return token.type === 'Null' ? undefined : token;
  }
  try {
    return selectJsonPathToken(expression.text, data);
  } catch (error) {
    if (error instanceof DotNetError && error.typeName === 'JsonException') {
      throw new ServiceError('TemplateExpressionException', `Unable to retrieve JsonToken using expression ${expression.text}`, expression.path, [
        error,
      ]);
    }
    throw located(error, expression);
  }
}

/** Errors of JMESPath functions and .NET conversions, pointed at the expression that raised them. */
function located(error: unknown, expression: LoadedExpression): unknown {
  if (error instanceof DotNetError && !(error instanceof ServiceError)) return new ServiceError(error.typeName, error.message, expression.path);
  return error;
}

/** Evaluates a JMESPath; errors of its functions and conversions point at the expression. */
function jmesPath(expression: LoadedExpression, ast: JmesNode, data: JToken): JmesArgument {
  try {
    return evaluateJmesPath(ast, data);
  } catch (error) {
    throw located(error, expression);
  }
}
