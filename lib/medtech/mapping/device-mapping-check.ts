/**
 * Checks a device mapping (`CollectionContent`) the way the MedTech service loads it, plus the expression checks
 * the service only fails on at run time. Field rules live in `device-templates.ts`.
 */
import { DEVICE_TEMPLATE_SPECS, DeviceTemplateSpec, ExpressionLanguageName, FieldSpec, VALUE_FIELDS } from './device-templates';
import { checkExpression, readLanguage } from './expression-check';
import { childPath, describeValue, FindingCollector, indexPath, MappingCheckOptions, MappingFinding, quotedList } from './findings';
import { isJsonObject, JsonObject, readDocument } from './json-document';
import { Member, readBoolean, readMembers, readString, requirePresent } from './members';
import { CollectionSpec, matchTemplateName, readCollection, readTemplateObject, TemplateElement } from './template-container';

export const DEVICE_COLLECTION: CollectionSpec = {
  serviceName: 'CollectionContentTemplate',
  preferredName: 'CollectionContent',
  otherServiceName: 'CollectionFhirTemplate',
  otherDescription: 'a FHIR destination mapping (CollectionFhir), not a device mapping',
};

/** The template type spec the service would pick for `templateType`, if any. */
export function findDeviceTemplateSpec(templateType: string): DeviceTemplateSpec | undefined {
  return DEVICE_TEMPLATE_SPECS.find((spec) => matchTemplateName(templateType, spec.serviceName));
}

/**
 * Checks a device mapping document (a plain object or a JSON string). Never throws.
 * @param rootPath where findings point (default `deviceMapping`)
 */
export function checkDeviceMapping(document: unknown, rootPath = 'deviceMapping', options: MappingCheckOptions = {}): MappingFinding[] {
  const out = new FindingCollector(options);
  const read = readDocument(document, rootPath, out);
  const collection = read === undefined ? undefined : readCollection(read.document, rootPath, DEVICE_COLLECTION, out);
  for (const element of collection?.elements ?? []) checkDeviceTemplate(element, out);
  return out.findings;
}

function checkDeviceTemplate(element: TemplateElement, out: FindingCollector): void {
  const spec = element.templateType === undefined ? undefined : findDeviceTemplateSpec(element.templateType);
  if (spec === undefined) {
    reportUnknownTemplateType(element, out);
    return;
  }
  const template = readTemplateObject(element, spec.serviceName, `give it the ${spec.templateType} fields (typeName, typeMatchExpression, ...)`, out);
  if (template === undefined || template === 'unresolved') return;
  const members = readMembers(
    template.value,
    template.path,
    spec.fields.map((field) => field.name),
    {
      level: 'error',
      className: spec.className,
      owner: `A ${spec.templateType} template`,
      hint: (key) =>
        key.toLowerCase() === 'defaultexpressionlanguage'
          ? `Only CalculatedContent templates take defaultExpressionLanguage; ${spec.templateType} expressions are always JSONPath.`
          : undefined,
    },
    out,
  );
  checkFields(
    spec.fields,
    { spec, members, path: template.path, defaultLanguage: defaultLanguage(members.get('defaultExpressionLanguage'), out) },
    out,
  );
}

function reportUnknownTemplateType(element: TemplateElement, out: FindingCollector): void {
  const accepted = DEVICE_TEMPLATE_SPECS.map((spec) => spec.templateType);
  const suffixed = DEVICE_TEMPLATE_SPECS.filter((spec) => spec.serviceName !== spec.templateType).map((spec) => spec.templateType);
  const withoutSuffix = element.templateType?.replace(/template$/i, '').toLowerCase();
  const suggestion = accepted.find((name) => name.toLowerCase() === withoutSuffix);
  out.error(
    element.templateTypeMember?.path ?? childPath(element.path, 'templateType'),
    `No match found for template type ${element.templateType ?? ''}. ${element.templateType === undefined ? 'templateType is missing. ' : ''}` +
      `A device template's templateType must be ${quotedList(accepted)} (any case; ${suffixed.join(' and ')} may also end in "Template").` +
      `${suggestion !== undefined ? ` Use "${suggestion}".` : ''}`,
  );
}

interface FieldContext {
  readonly spec: DeviceTemplateSpec;
  readonly members: Map<string, Member>;
  /** Path of the object that holds the fields. */
  readonly path: string;
  readonly defaultLanguage: ExpressionLanguageName | undefined;
}

/** Checks the fields of a template or of a `values[]` item, one rule per field kind. */
function checkFields(fields: readonly FieldSpec[], context: FieldContext, out: FindingCollector): void {
  for (const field of fields) {
    const member = context.members.get(field.name);
    switch (field.kind) {
      case 'string':
        checkString(member, field, context.path, out);
        break;
      case 'expression':
        checkExpression(
          member,
          context.path,
          {
            spec: context.spec,
            field: field.name,
            typeMatch: field.typeMatch === true,
            required: field.required,
            defaultLanguage: context.defaultLanguage,
          },
          out,
        );
        break;
      case 'values':
        checkValues(member, field.required, context, out);
        break;
      case 'bool':
        if (member !== undefined) readBoolean(member, out);
        break;
      case 'ignored':
        if (member !== undefined) {
          out.warning(
            member.path,
            `${member.key} is ignored by ${context.spec.templateType} templates: the service always uses ${field.replacement}. Remove it.`,
          );
        }
        break;
      case 'language':
        break; // read up front: the expressions depend on it
    }
  }
}

function checkString(member: Member | undefined, field: Extract<FieldSpec, { kind: 'string' }>, parentPath: string, out: FindingCollector): void {
  if (field.required && !requirePresent(member, field.name, parentPath, out, `Add ${field.name}.`)) return;
  if (member === undefined || member.value === null) return;
  const text = readString(member, out);
  if (text === undefined || text.trim() !== '') return;
  const message = `${member.key} is empty; ${field.blank.consequence}. Give it a name.`;
  out.add(field.blank.level, member.path, message);
}

/** `defaultExpressionLanguage`: JsonPath when absent; undefined (unknown) when invalid or unresolved. */
function defaultLanguage(member: Member | undefined, out: FindingCollector): ExpressionLanguageName | undefined {
  return member === undefined ? 'JsonPath' : readLanguage(member, out);
}

function checkValues(member: Member | undefined, required: boolean, context: FieldContext, out: FindingCollector): void {
  if (member === undefined || member.value === null) {
    if (required) {
      out.error(
        member?.path ?? childPath(context.path, 'values'),
        `values is ${member === undefined ? 'missing' : 'null'}. A ${context.spec.templateType} template needs a values array ` +
          '(the service fails to load it otherwise, with a NullReferenceException); use "values": [] if it extracts no values.',
      );
    }
    return;
  }
  if (out.isUnresolved(member.value)) return;
  if (!Array.isArray(member.value)) {
    out.error(member.path, `values must be an array of {valueName, valueExpression, required} objects, received ${describeValue(member.value)}.`);
    return;
  }
  member.value.forEach((item: unknown, index: number) => {
    const path = indexPath(member.path, index);
    if (out.isUnresolved(item)) return;
    if (!isJsonObject(item)) {
      out.error(path, `Each values item must be an object {valueName, valueExpression, required}, received ${describeValue(item)}.`);
      return;
    }
    checkValueItem(item, path, context, out);
  });
}

function checkValueItem(item: JsonObject, path: string, context: FieldContext, out: FindingCollector): void {
  const members = readMembers(
    item,
    path,
    VALUE_FIELDS.map((field) => field.name),
    { level: 'error', className: context.spec.valueClassName, owner: 'A values item' },
    out,
  );
  checkFields(VALUE_FIELDS, { ...context, members, path }, out);
}
