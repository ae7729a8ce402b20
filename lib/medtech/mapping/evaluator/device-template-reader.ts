/**
 * Loads a device mapping the way the MedTech engine builds its templates (`CollectionContentTemplateFactory` and
 * the four template factories): what fails here, the service refuses to run at all; what loads may still fail per
 * message. Uses the mapping checks' readers, so names, spellings and error texts are the same.
 */
import { DEVICE_COLLECTION, findDeviceTemplateSpec } from '../device-mapping-check';
import { DEVICE_TEMPLATE_SPECS, DeviceTemplateSpec, DeviceTemplateType, ExpressionLanguageName, VALUE_FIELDS } from '../device-templates';
import { readExpression, readLanguage } from '../expression-check';
import { childPath, FindingCollector, indexPath, MappingFinding, quotedList, shorten } from '../findings';
import { analyzeJmesPath, JmesNode } from '../jmes-path';
import { isJsonObject, parseMappingDocument } from '../json-document';
import { Member, readBoolean, readMembers, readString, requirePresent } from '../members';
import { readCollection, readTemplateObject, TemplateElement } from '../template-container';
import { MappingEvaluationError } from './evaluation-types';

export interface LoadedExpression {
  readonly text: string;
  readonly language: ExpressionLanguageName;
  /** Where errors about it point. */
  readonly path: string;
  /** The parsed JMESPath (JMESPath is parsed when the template loads; JSONPath when it is first evaluated). */
  readonly ast?: JmesNode;
}

export interface LoadedValue {
  readonly name: string;
  /** Undefined when blank in a JSONPath-only template: the service then treats it as missing. */
  readonly expression?: LoadedExpression;
  readonly required: boolean;
  readonly path: string;
}

/** An expression slot of a template: its expressions (usually one, two for IoT Hub timestamps) and where it is. */
export interface ExpressionSlot {
  readonly expressions: readonly LoadedExpression[];
  readonly path: string;
}

export interface LoadedDeviceTemplate {
  readonly templateType: DeviceTemplateType;
  /** The template object's path, e.g. `deviceMapping.template[0].template`. */
  readonly path: string;
  readonly typeName: string;
  readonly typeMatch: ExpressionSlot;
  readonly deviceId: ExpressionSlot;
  readonly timestamp: ExpressionSlot;
  readonly patientId: ExpressionSlot;
  readonly encounterId: ExpressionSlot;
  readonly correlationId: ExpressionSlot;
  readonly values: readonly LoadedValue[];
  /** CalculatedContent: later expressions see the event plus `matchedToken`; the others see the matched token only. */
  readonly wrapsMatch: boolean;
}

export type DeviceMappingLoad =
  | { readonly ok: true; readonly templates: readonly LoadedDeviceTemplate[] }
  | { readonly ok: false; readonly errors: readonly MappingEvaluationError[] };

/** The expressions the IoT templates use instead of their (ignored) deviceIdExpression and timestampExpression. */
const FIXED_EXPRESSIONS: Partial<Record<DeviceTemplateType, { deviceId: string; timestamps: readonly string[] }>> = {
  IotJsonPathContent: {
    deviceId: '$.SystemProperties.iothub-connection-device-id',
    timestamps: ['$.Properties.iothub-creation-time-utc', '$.SystemProperties.iothub-enqueuedtime'],
  },
  IotCentralJsonPathContent: { deviceId: '$.deviceId', timestamps: ['$.enqueuedTime'] },
};

class LoadErrors extends FindingCollector {
  readonly types = new Map<MappingFinding, string>();

  typed(errorType: string, path: string, message: string): void {
    this.error(path, message);
    this.types.set(this.findings[this.findings.length - 1], errorType);
  }

  toErrors(): MappingEvaluationError[] {
    return this.findings
      .filter((finding) => finding.level === 'error')
      .map((finding) => ({ path: finding.path, errorType: this.types.get(finding) ?? 'InvalidTemplateException', message: finding.message }));
  }
}

export function loadDeviceMapping(input: unknown, rootPath: string): DeviceMappingLoad {
  const parsed = parseMappingDocument(input, rootPath);
  if (parsed.document === undefined) {
    return {
      ok: false,
      errors: parsed.findings.map((finding) => ({ path: finding.path, errorType: 'InvalidTemplateException', message: finding.message })),
    };
  }
  const out = new LoadErrors();
  const collection = readCollection(parsed.document, rootPath, DEVICE_COLLECTION, out);
  const templates: LoadedDeviceTemplate[] = [];
  for (const element of collection?.elements ?? []) {
    const template = loadTemplate(element, out);
    if (template !== undefined) templates.push(template);
  }
  const errors = out.toErrors();
  return errors.length > 0 ? { ok: false, errors } : { ok: true, templates };
}

function loadTemplate(element: TemplateElement, out: LoadErrors): LoadedDeviceTemplate | undefined {
  const spec = element.templateType === undefined ? undefined : findDeviceTemplateSpec(element.templateType);
  if (spec === undefined) {
    out.typed(
      'InvalidTemplateException',
      element.templateTypeMember?.path ?? childPath(element.path, 'templateType'),
      `No match found for template type ${element.templateType ?? ''}. A device template's templateType must be ${quotedList(DEVICE_TEMPLATE_SPECS.map((s) => s.templateType))}.`,
    );
    return undefined;
  }
  const template = readTemplateObject(element, spec.serviceName, `give it the ${spec.templateType} fields`, out);
  if (template === undefined || template === 'unresolved') return undefined;
  const path = template.path;
  const members = readMembers(
    template.value,
    path,
    spec.fields.map((field) => field.name),
    {
      level: 'error',
      className: spec.className,
      owner: `A ${spec.templateType} template`,
    },
    out,
  );

  const typeNameMember = members.get('typeName');
  const typeName = requirePresent(typeNameMember, 'typeName', path, out, 'Add typeName.') ? readString(typeNameMember, out) : undefined;
  const languageMember = members.get('defaultExpressionLanguage');
  const defaultLanguage = languageMember === undefined || languageMember.value === null ? 'JsonPath' : readLanguage(languageMember, out);

  const slot = (field: string, required: boolean, typeMatch = false): ExpressionSlot => {
    const member = members.get(field);
    const memberPath = member?.path ?? childPath(path, field);
    const expression = loadExpression(member, field, required, typeMatch, spec, defaultLanguage, path, out);
    return { expressions: expression === undefined ? [] : [expression], path: memberPath };
  };

  const fixed = FIXED_EXPRESSIONS[spec.templateType];
  const fixedSlot = (texts: readonly string[]): ExpressionSlot => ({
    expressions: texts.map((text) => ({ text, language: 'JsonPath' as const, path })),
    path,
  });
  const loaded: Omit<LoadedDeviceTemplate, 'values'> = {
    templateType: spec.templateType,
    path,
    typeName: typeName ?? '',
    typeMatch: slot('typeMatchExpression', true, true),
    deviceId: fixed !== undefined ? fixedSlot([fixed.deviceId]) : slot('deviceIdExpression', true),
    timestamp: fixed !== undefined ? fixedSlot(fixed.timestamps) : slot('timestampExpression', true),
    patientId: slot('patientIdExpression', false),
    encounterId: slot('encounterIdExpression', false),
    correlationId: slot('correlationIdExpression', false),
    wrapsMatch: spec.expressionObjects,
  };
  const values = loadValues(members.get('values'), spec, defaultLanguage, path, out);
  return { ...loaded, values };
}

/**
 * One expression. CalculatedContent builds an evaluator for every expression it is given when it loads (a blank
 * one or a JMESPath that does not parse fails the whole mapping); the JSONPath-only templates treat a blank
 * expression as missing, which fails (or is skipped) per message.
 */
function loadExpression(
  member: Member | undefined,
  field: string,
  required: boolean,
  typeMatch: boolean,
  spec: DeviceTemplateSpec,
  defaultLanguage: ExpressionLanguageName | undefined,
  parentPath: string,
  out: LoadErrors,
): LoadedExpression | undefined {
  if (member === undefined || member.value === null) {
    if (required) requirePresent(member, field, parentPath, out, `Add ${field} to the template.`);
    return undefined;
  }
  const expression = readExpression(member, { spec, field, typeMatch, required, defaultLanguage }, out);
  if (expression === undefined || expression.language === undefined) return undefined;
  if (expression.text.trim() === '') {
    if (spec.expressionObjects) {
      out.typed(
        'TemplateExpressionException',
        expression.path,
        `${field} is empty: a CalculatedContent template with an empty expression fails to load. Give it an expression.`,
      );
    }
    return undefined;
  }
  if (expression.language !== 'JmesPath') return { text: expression.text, language: 'JsonPath', path: expression.path };
  const analysis = analyzeJmesPath(expression.text);
  for (const problem of analysis.problems) {
    out.typed(
      'TemplateExpressionException',
      expression.path,
      `The following JmesPath expression could not be parsed: ${shorten(expression.text)}. Cause: ${problem.message} (column ${problem.position + 1})`,
    );
  }
  if (!analysis.ok || analysis.problems.length > 0) return undefined;
  return { text: expression.text, language: 'JmesPath', path: expression.path, ast: analysis.ast };
}

function loadValues(
  member: Member | undefined,
  spec: DeviceTemplateSpec,
  defaultLanguage: ExpressionLanguageName | undefined,
  parentPath: string,
  out: LoadErrors,
): LoadedValue[] {
  if (member === undefined || member.value === null) {
    if (spec.expressionObjects) {
      out.error(
        member?.path ?? childPath(parentPath, 'values'),
        `values is ${member === undefined ? 'missing' : 'null'}: a CalculatedContent template needs a values array (the service fails to load it with a NullReferenceException). Use "values": [] if it extracts no values.`,
      );
    }
    return [];
  }
  if (!Array.isArray(member.value)) {
    out.error(member.path, `values must be an array of {valueName, valueExpression, required} objects.`);
    return [];
  }
  const values: LoadedValue[] = [];
  member.value.forEach((item: unknown, index: number) => {
    const path = indexPath(member.path, index);
    if (!isJsonObject(item)) {
      out.error(path, 'Each values item must be an object {valueName, valueExpression, required}.');
      return;
    }
    const fields = readMembers(
      item,
      path,
      VALUE_FIELDS.map((field) => field.name),
      { level: 'error', className: spec.valueClassName, owner: 'A values item' },
      out,
    );
    const nameMember = fields.get('valueName');
    const name = requirePresent(nameMember, 'valueName', path, out, 'Add valueName.') ? readString(nameMember, out) : undefined;
    const expression = loadExpression(fields.get('valueExpression'), 'valueExpression', true, false, spec, defaultLanguage, path, out);
    const requiredMember = fields.get('required');
    const required = requiredMember === undefined || requiredMember.value === null ? false : (readBoolean(requiredMember, out) ?? false);
    values.push({ name: name ?? '', expression, required, path: fields.get('valueExpression')?.path ?? path });
  });
  return values;
}
