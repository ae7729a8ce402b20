/**
 * Checks a FHIR destination mapping (`CollectionFhir` of `CodeValueFhir` templates) the way the MedTech service
 * loads it, plus the values it only fails on when building Observations (research `medtech-mapping.md` §2).
 */
import { childPath, describeValue, FindingCollector, indexPath, MappingCheckOptions, MappingFinding, quotedList, RuleOutcome } from './findings';
import { isJsonObject, readDocument } from './json-document';
import { Member, readMembers, readString, requirePresent, UnknownMemberPolicy } from './members';
import { CollectionSpec, matchTemplateName, readCollection, readTemplateObject, TemplateElement } from './template-container';

export const FHIR_COLLECTION: CollectionSpec = {
  serviceName: 'CollectionFhirTemplate',
  preferredName: 'CollectionFhir',
  otherServiceName: 'CollectionContentTemplate',
  otherDescription: 'a device mapping (CollectionContent), not a FHIR destination mapping',
};

/** The only FHIR template type (`CodeValueFhir` or `CodeValueFhirTemplate`, any case). */
export const CODE_VALUE_FHIR = 'CodeValueFhirTemplate';

const TEMPLATE_FIELDS = ['typeName', 'periodInterval', 'category', 'codes', 'value', 'components'];
const CATEGORY_FIELDS = ['text', 'codes'];
const COMPONENT_FIELDS = ['codes', 'value'];
const CODE_FIELDS = ['code', 'system', 'display'];

/** `ObservationPeriodInterval` values (minutes; -1 groups by correlation id). */
export const PERIOD_INTERVALS: Readonly<Record<number, string>> = { 0: 'Single', 60: 'Hourly', 1440: 'Daily', [-1]: 'CorrelationId' };

interface ValueFieldSpec {
  readonly name: string;
  readonly kind: 'string' | 'decimal' | 'codes';
  /** What happens at run time when the field is absent. */
  readonly missing?: RuleOutcome;
}

interface ValueTypeSpec {
  readonly valueType: string;
  readonly fields: readonly ValueFieldSpec[];
}

const VALUE_NAME: ValueFieldSpec = { name: 'valueName', kind: 'string' };

/** `*FhirValueType` classes. Their members are read with default settings: unknown keys are ignored by the service. */
const VALUE_TYPES: readonly ValueTypeSpec[] = [
  {
    valueType: 'SampledData',
    fields: [
      VALUE_NAME,
      {
        name: 'defaultPeriod',
        kind: 'decimal',
        missing: { level: 'error', consequence: 'building the SampledData fails for every Observation of this type' },
      },
      {
        name: 'unit',
        kind: 'string',
        missing: { level: 'warning', consequence: "Azure's docs require it and the Observation's SampledData.origin then has no unit" },
      },
    ],
  },
  {
    valueType: 'Quantity',
    fields: [VALUE_NAME, { name: 'unit', kind: 'string' }, { name: 'code', kind: 'string' }, { name: 'system', kind: 'string' }],
  },
  { valueType: 'String', fields: [VALUE_NAME] },
  {
    valueType: 'CodeableConcept',
    fields: [
      VALUE_NAME,
      { name: 'text', kind: 'string' },
      {
        name: 'codes',
        kind: 'codes',
        missing: { level: 'error', consequence: 'building the CodeableConcept fails for every Observation of this type (NullReferenceException)' },
      },
    ],
  },
];

/**
 * Checks a FHIR destination mapping document (a plain object or a JSON string). Never throws.
 * @param rootPath where findings point (default `fhirMapping`)
 */
export function checkFhirMapping(document: unknown, rootPath = 'fhirMapping', options: MappingCheckOptions = {}): MappingFinding[] {
  const out = new FindingCollector(options);
  const read = readDocument(document, rootPath, out);
  const collection = read === undefined ? undefined : readCollection(read.document, rootPath, FHIR_COLLECTION, out);
  const typeNames = new Map<string, Member>();
  for (const element of collection?.elements ?? []) checkCodeValueFhir(element, typeNames, out);
  return out.findings;
}

function checkCodeValueFhir(element: TemplateElement, typeNames: Map<string, Member>, out: FindingCollector): void {
  if (element.templateType === undefined || !matchTemplateName(element.templateType, CODE_VALUE_FHIR)) {
    out.error(
      element.templateTypeMember?.path ?? childPath(element.path, 'templateType'),
      `Expected TemplateType value ${CODE_VALUE_FHIR}, actual ${element.templateType ?? ''}. CodeValueFhir is the only FHIR template type; set "templateType": "CodeValueFhir".`,
    );
    return;
  }
  const template = readTemplateObject(element, CODE_VALUE_FHIR, 'give it typeName, codes and value or components', out);
  if (template === undefined || template === 'unresolved') return;
  const path = template.path;
  const members = readMembers(template.value, path, TEMPLATE_FIELDS, strict('CodeValueFhirTemplate', 'A CodeValueFhir template'), out);
  checkTypeName(members.get('typeName'), path, typeNames, out);
  checkPeriodInterval(members.get('periodInterval'), out);
  checkList(members.get('category'), out, 'category', (item, itemPath) => {
    const category = readMembers(item, itemPath, CATEGORY_FIELDS, strict('FhirCodeableConcept', 'A category'), out);
    readStringMember(category.get('text'), out);
    checkCodes(category.get('codes'), itemPath, { required: false, strict: true }, out);
  });
  checkCodes(members.get('codes'), path, { required: true, strict: true }, out);

  const value = members.get('value');
  if (value !== undefined) checkValue(value, 'value', out);
  const components = members.get('components');
  checkList(components, out, 'components', (item, itemPath) => checkComponent(item, itemPath, out));
  if (!hasContent(value) && !hasContent(components)) {
    out.warning(
      path,
      `This template has neither value nor components, so its Observations carry no value. Add a value (e.g. {"valueType": "Quantity", "valueName": "hr", "unit": "count/min"}) or components.`,
    );
  }
}

function strict(className: string, owner: string): UnknownMemberPolicy {
  return { level: 'error', className, owner };
}

function hasContent(member: Member | undefined): boolean {
  return member !== undefined && member.value !== null && !(Array.isArray(member.value) && member.value.length === 0);
}

function checkTypeName(member: Member | undefined, parentPath: string, typeNames: Map<string, Member>, out: FindingCollector): void {
  if (!requirePresent(member, 'typeName', parentPath, out, 'Add the typeName that the device mapping produces.')) return;
  if (out.isUnresolved(member.value)) return;
  const typeName = readString(member, out);
  if (typeName === undefined) return;
  if (typeName.trim() === '') {
    out.error(member.path, `Empty type name is not allowed: '${typeName}'. Give the template the typeName of the device templates it maps.`);
    return;
  }
  const key = typeName.toLowerCase();
  const first = typeNames.get(key);
  if (first !== undefined) {
    out.error(
      member.path,
      `Duplicate template defined for type name: '${typeName}'. FHIR type names must be unique ignoring case; ` +
        `${first.path} already defines ${describeValue(first.value)}. Merge the two templates or rename one.`,
    );
    return;
  }
  typeNames.set(key, member);
}

function checkPeriodInterval(member: Member | undefined, out: FindingCollector): void {
  if (member === undefined || out.isUnresolved(member.value)) return;
  const allowed = `Use ${Object.entries(PERIOD_INTERVALS)
    .map(([minutes, name]) => `${minutes} (${name})`)
    .join(', ')}.`;
  const value = member.value;
  if (typeof value === 'number') {
    if (PERIOD_INTERVALS[value] !== undefined) return;
    out.error(
      member.path,
      Number.isInteger(value)
        ? `periodInterval ${value} is not one of the service's intervals; every Observation of this type fails with "ObservationPeriodInterval ${value} is not supported." ${allowed}`
        : `periodInterval must be a whole number of minutes, received ${value}. ${allowed}`,
    );
    return;
  }
  if (typeof value === 'string') {
    const byName = Object.entries(PERIOD_INTERVALS).find(
      ([minutes, name]) => name.toLowerCase() === value.trim().toLowerCase() || minutes === value.trim(),
    );
    if (byName !== undefined) {
      out.warning(
        member.path,
        `periodInterval is the string ${describeValue(value)}; the service converts it to ${byName[0]}, but write the number: "periodInterval": ${byName[0]}.`,
      );
      return;
    }
  }
  out.error(member.path, `periodInterval must be a number of minutes, received ${describeValue(value)}. ${allowed}`);
}

/** Checks an optional array member, handing each object item to `checkItem`. */
function checkList(
  member: Member | undefined,
  out: FindingCollector,
  field: string,
  checkItem: (item: Readonly<Record<string, unknown>>, path: string) => void,
): void {
  if (member === undefined || member.value === null || out.isUnresolved(member.value)) return;
  if (!Array.isArray(member.value)) {
    out.error(member.path, `${field} must be an array, received ${describeValue(member.value)}.`);
    return;
  }
  member.value.forEach((item: unknown, index: number) => {
    const path = indexPath(member.path, index);
    if (out.isUnresolved(item)) return;
    if (!isJsonObject(item)) {
      out.error(path, `Each ${field} item must be an object, received ${describeValue(item)}.`);
      return;
    }
    checkItem(item, path);
  });
}

/**
 * A `codes` array of `{code, system, display}`. `strict`: unknown keys are errors (template, category and component
 * codes are bound with MissingMemberHandling.Error; codes inside a value are not).
 */
function checkCodes(member: Member | undefined, parentPath: string, mode: { required: boolean; strict: boolean }, out: FindingCollector): void {
  if (
    mode.required &&
    !requirePresent(
      member,
      'codes',
      parentPath,
      out,
      'Add the Observation codes, e.g. "codes": [{"code": "8867-4", "system": "http://loinc.org", "display": "Heart rate"}].',
    )
  )
    return;
  if (member === undefined || member.value === null || out.isUnresolved(member.value)) return;
  if (Array.isArray(member.value) && member.value.length === 0 && mode.required) {
    out.warning(
      member.path,
      "codes is empty; the Observation code then holds only the service's own coding. Add at least one code (e.g. a LOINC code).",
    );
  }
  checkList(member, out, 'codes', (item, itemPath) => {
    const policy: UnknownMemberPolicy = mode.strict ? strict('FhirCode', 'A code') : { level: 'warning', owner: 'a code' };
    const code = readMembers(item, itemPath, CODE_FIELDS, policy, out);
    for (const field of CODE_FIELDS) readStringMember(code.get(field), out);
  });
}

function readStringMember(member: Member | undefined, out: FindingCollector): string | undefined {
  return member === undefined ? undefined : readString(member, out);
}

function checkComponent(item: Readonly<Record<string, unknown>>, path: string, out: FindingCollector): void {
  const members = readMembers(item, path, COMPONENT_FIELDS, strict('CodeValueMapping', 'A components item'), out);
  checkCodes(members.get('codes'), path, { required: true, strict: true }, out);
  const value = members.get('value');
  if (value === undefined || value.value === null) {
    out.error(
      value?.path ?? childPath(path, 'value'),
      `This component has no value; the service dereferences it for every Observation of this type (NullReferenceException). ` +
        'Give it a value, e.g. {"valueType": "Quantity", "valueName": "systolic", "unit": "mmHg"}.',
    );
    return;
  }
  checkValue(value, 'component', out);
}

/** A `value` (or `components[].value`): an object whose `valueType` selects the value class. */
function checkValue(member: Member, position: 'value' | 'component', out: FindingCollector): void {
  if (out.isUnresolved(member.value)) return;
  const types = quotedList(VALUE_TYPES.map((spec) => spec.valueType));
  if (!isJsonObject(member.value)) {
    out.error(
      member.path,
      `${member.key} must be an object with a valueType (${types}), received ${describeValue(member.value)}. ` +
        `The service fails to read it ("Cannot access child value on Newtonsoft.Json.Linq.JValue.").${position === 'value' ? ' Remove it if the Observation has components only.' : ''}`,
    );
    return;
  }
  const object = member.value;
  // The service looks the type up under exactly "ValueType" or "valueType" before binding anything else.
  const typeKey = ['ValueType', 'valueType'].find((key) => key in object && object[key] !== null);
  if (typeKey === undefined) {
    const misspelled = Object.keys(object).find((key) => key.toLowerCase() === 'valuetype');
    out.error(
      member.path,
      `Property ValueType is missing. ${misspelled !== undefined ? `The service reads only "valueType" or "ValueType", not "${misspelled}". ` : ''}Add "valueType": one of ${types}.`,
    );
    return;
  }
  const typeValue = object[typeKey];
  if (out.isUnresolved(typeValue)) return;
  const spec = typeof typeValue === 'string' ? VALUE_TYPES.find((s) => s.valueType.toLowerCase() === typeValue.toLowerCase()) : undefined;
  if (spec === undefined) {
    out.error(
      childPath(member.path, typeKey),
      `valueType ${describeValue(typeValue)} is not supported: the service fails to read the template ` +
        `(NotImplementedException: ${typeof typeValue === 'string' ? typeValue : describeValue(typeValue)}). Use ${types}.`,
    );
    return;
  }

  const owner = `a ${spec.valueType} value`;
  const members = readMembers(object, member.path, ['valueType', ...spec.fields.map((field) => field.name)], { level: 'warning', owner }, out);
  for (const field of spec.fields) {
    const fieldMember = members.get(field.name);
    if (fieldMember === undefined || fieldMember.value === null) {
      reportMissingValueField(field, member.path, position, spec, out);
      continue;
    }
    if (out.isUnresolved(fieldMember.value)) continue;
    if (field.kind === 'string') readString(fieldMember, out);
    else if (field.kind === 'codes') checkCodes(fieldMember, member.path, { required: false, strict: false }, out);
    else checkDefaultPeriod(fieldMember, out);
  }
}

function reportMissingValueField(
  field: ValueFieldSpec,
  valuePath: string,
  position: 'value' | 'component',
  spec: ValueTypeSpec,
  out: FindingCollector,
): void {
  const path = childPath(valuePath, field.name);
  if (field.name === 'valueName') {
    // A component's valueName is used as a dictionary key (ArgumentNullException); a value's is just never found.
    if (position === 'component') {
      out.error(
        path,
        "valueName is missing; the service looks the component's data up by valueName and fails for every Observation of this type. Add the valueName the device mapping produces.",
      );
    } else {
      out.warning(
        path,
        'valueName is missing, so no device value can fill this value and Observations carry none. Add the valueName the device mapping produces.',
      );
    }
    return;
  }
  if (field.missing === undefined) return;
  const message = `${field.name} is missing from a ${spec.valueType} value; ${field.missing.consequence}. Add ${field.name}.`;
  out.add(field.missing.level, path, message);
}

/** SampledData `defaultPeriod`: milliseconds between samples, a positive decimal. */
function checkDefaultPeriod(member: Member, out: FindingCollector): void {
  const value = member.value;
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (Number.isNaN(number)) {
    out.error(member.path, `defaultPeriod must be a number of milliseconds, received ${describeValue(value)}. Use e.g. "defaultPeriod": 5000.`);
  } else if (number <= 0) {
    out.error(
      member.path,
      `defaultPeriod is ${describeValue(value)}; the service would never finish building the SampledData stream. Use a positive number of milliseconds, e.g. 5000.`,
    );
  } else if (typeof value === 'string') {
    out.warning(
      member.path,
      `defaultPeriod is the string ${describeValue(value)}; the service converts it, but write the number: "defaultPeriod": ${number}.`,
    );
  }
}
