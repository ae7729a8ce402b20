/**
 * Loads a FHIR destination mapping the way the MedTech engine does (`CollectionFhirTemplateFactory`,
 * `CodeValueFhirTemplateFactory`, `FhirLookupTemplate`): what fails here stops the FHIR stage for every
 * measurement. Problems the engine only meets while building Observations (a component without value, an
 * unsupported periodInterval, a SampledData without defaultPeriod) are kept for the builder to report.
 */
import { CODE_VALUE_FHIR, FHIR_COLLECTION } from '../fhir-mapping-check';
import { childPath, describeValue, FindingCollector, indexPath } from '../findings';
import { isJsonObject, JsonObject, parseMappingDocument } from '../json-document';
import { Member, readMembers, readString, requirePresent, UnknownMemberPolicy } from '../members';
import { matchTemplateName, readCollection, readTemplateObject, TemplateElement } from '../template-container';
import { MappingEvaluationError } from './evaluation-types';

export interface LoadedCode {
  readonly code?: string;
  readonly system?: string;
  readonly display?: string;
}

export type FhirValueTypeName = 'SampledData' | 'Quantity' | 'String' | 'CodeableConcept';

export interface LoadedFhirValue {
  readonly valueType: FhirValueTypeName;
  readonly valueName?: string;
  readonly unit?: string;
  readonly system?: string;
  readonly code?: string;
  /** SampledData: milliseconds between samples (a C# decimal). */
  readonly defaultPeriod?: number;
  readonly text?: string;
  /** CodeableConcept: its codes (undefined when absent: building it then fails). */
  readonly codes?: readonly LoadedCode[];
  readonly path: string;
}

export interface LoadedComponent {
  readonly codes: readonly LoadedCode[];
  /** Undefined when absent: the service dereferences it and fails. */
  readonly value?: LoadedFhirValue;
  readonly path: string;
}

export interface LoadedCategory {
  readonly text?: string;
  readonly codes?: readonly LoadedCode[];
}

export interface LoadedFhirTemplate {
  readonly typeName: string;
  readonly path: string;
  /** Minutes (any integer loads; only 0, 60, 1440 and -1 are supported when grouping). */
  readonly periodInterval: number;
  readonly periodIntervalPath: string;
  readonly codes: readonly LoadedCode[];
  readonly category: readonly LoadedCategory[];
  readonly value?: LoadedFhirValue;
  readonly components: readonly LoadedComponent[];
}

export type FhirMappingLoad =
  | { readonly ok: true; readonly templates: ReadonlyMap<string, LoadedFhirTemplate> }
  | { readonly ok: false; readonly errors: readonly MappingEvaluationError[] };

const VALUE_TYPES: readonly FhirValueTypeName[] = ['SampledData', 'Quantity', 'String', 'CodeableConcept'];
const VALUE_FIELDS = ['valueType', 'valueName', 'unit', 'system', 'code', 'defaultPeriod', 'text', 'codes'];
const PERIOD_NAMES: Readonly<Record<string, number>> = { single: 0, hourly: 60, daily: 1440, correlationid: -1 };

function strict(className: string, owner: string): UnknownMemberPolicy {
  return { level: 'error', className, owner };
}

/** Templates by type name, lower-cased: the service's lookup ignores case (`StringComparer.InvariantCultureIgnoreCase`). */
export function loadFhirMapping(input: unknown, rootPath: string): FhirMappingLoad {
  const parsed = parseMappingDocument(input, rootPath);
  const toErrors = (findings: readonly { level: string; path: string; message: string }[]): MappingEvaluationError[] =>
    findings
      .filter((finding) => finding.level === 'error')
      .map((finding) => ({ path: finding.path, errorType: 'InvalidTemplateException', message: finding.message }));
  if (parsed.document === undefined) return { ok: false, errors: toErrors(parsed.findings) };
  const out = new FindingCollector();
  const collection = readCollection(parsed.document, rootPath, FHIR_COLLECTION, out);
  const templates = new Map<string, LoadedFhirTemplate>();
  for (const element of collection?.elements ?? []) {
    const template = loadTemplate(element, out);
    if (template === undefined) continue;
    const key = template.typeName.toLowerCase();
    if (template.typeName.trim() === '') {
      out.error(childPath(template.path, 'typeName'), `Empty type name is not allowed: '${template.typeName}'.`);
    } else if (templates.has(key)) {
      out.error(childPath(template.path, 'typeName'), `Duplicate template defined for type name: '${template.typeName}'.`);
    } else {
      templates.set(key, template);
    }
  }
  const errors = toErrors(out.findings);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, templates };
}

function loadTemplate(element: TemplateElement, out: FindingCollector): LoadedFhirTemplate | undefined {
  if (element.templateType === undefined || !matchTemplateName(element.templateType, CODE_VALUE_FHIR)) {
    out.error(
      element.templateTypeMember?.path ?? childPath(element.path, 'templateType'),
      `Expected TemplateType value ${CODE_VALUE_FHIR}, actual ${element.templateType ?? ''}.`,
    );
    return undefined;
  }
  const template = readTemplateObject(element, CODE_VALUE_FHIR, 'give it typeName, codes and value or components', out);
  if (template === undefined || template === 'unresolved') return undefined;
  const path = template.path;
  const members = readMembers(
    template.value,
    path,
    ['typeName', 'periodInterval', 'category', 'codes', 'value', 'components'],
    strict('CodeValueFhirTemplate', 'A CodeValueFhir template'),
    out,
  );
  const typeNameMember = members.get('typeName');
  const typeName = requirePresent(typeNameMember, 'typeName', path, out, 'Add typeName.') ? readString(typeNameMember, out) : undefined;
  const codesMember = members.get('codes');
  const codes = requirePresent(codesMember, 'codes', path, out, 'Add codes.') ? readCodes(codesMember, true, out) : [];
  const periodMember = members.get('periodInterval');
  const category = list(members.get('category'), out, (item, itemPath) => {
    const fields = readMembers(item, itemPath, ['text', 'codes'], strict('FhirCodeableConcept', 'A category'), out);
    const codesOf = fields.get('codes');
    return {
      text: optionalString(fields.get('text'), out),
      codes: codesOf === undefined || codesOf.value === null ? undefined : readCodes(codesOf, true, out),
    };
  });
  const valueMember = members.get('value');
  const components = list(members.get('components'), out, (item, itemPath) => {
    const fields = readMembers(item, itemPath, ['codes', 'value'], strict('CodeValueMapping', 'A components item'), out);
    const componentCodes = fields.get('codes');
    const value = fields.get('value');
    return {
      codes: requirePresent(componentCodes, 'codes', itemPath, out, 'Add codes.') ? readCodes(componentCodes, true, out) : [],
      value: value === undefined || value.value === null ? undefined : readValue(value, out),
      path: itemPath,
    };
  });
  if (typeName === undefined) return undefined;
  return {
    typeName,
    path,
    periodInterval: readPeriodInterval(periodMember, out),
    periodIntervalPath: periodMember?.path ?? childPath(path, 'periodInterval'),
    codes,
    category,
    value: valueMember === undefined || valueMember.value === null ? undefined : readValue(valueMember, out),
    components,
  };
}

function list<T>(member: Member | undefined, out: FindingCollector, read: (item: JsonObject, path: string) => T): T[] {
  if (member === undefined || member.value === null) return [];
  if (!Array.isArray(member.value)) {
    out.error(member.path, `${member.key} must be an array, received ${describeValue(member.value)}.`);
    return [];
  }
  const items: T[] = [];
  member.value.forEach((item: unknown, index: number) => {
    const path = indexPath(member.path, index);
    if (isJsonObject(item)) items.push(read(item, path));
    else if (item !== null) out.error(path, `Each ${member.key} item must be an object, received ${describeValue(item)}.`);
  });
  return items;
}

function optionalString(member: Member | undefined, out: FindingCollector): string | undefined {
  return member === undefined || member.value === null ? undefined : readString(member, out);
}

/** `{code, system, display}` items; unknown keys are errors in template, category and component codes, ignored in values. */
function readCodes(member: Member, strictMembers: boolean, out: FindingCollector): LoadedCode[] {
  return list(member, out, (item, path) => {
    const policy: UnknownMemberPolicy = strictMembers ? strict('FhirCode', 'A code') : { level: 'ignore' };
    const fields = readMembers(item, path, ['code', 'system', 'display'], policy, out);
    const code: { code?: string; system?: string; display?: string } = {};
    for (const field of ['code', 'system', 'display'] as const) {
      const text = optionalString(fields.get(field), out);
      if (text !== undefined) code[field] = text;
    }
    return code;
  });
}

/** An enum read by Json.NET: a number, or a name or number in a string. */
function readPeriodInterval(member: Member | undefined, out: FindingCollector): number {
  if (member === undefined) return 0;
  const value = member.value;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string') {
    const text = value.trim();
    const byName = PERIOD_NAMES[text.toLowerCase()];
    if (byName !== undefined) return byName;
    if (/^-?\d{1,9}$/.test(text)) return Number(text);
  }
  out.error(member.path, `periodInterval must be a number of minutes (0, 60, 1440 or -1), received ${describeValue(value)}.`);
  return 0;
}

/** `AbstractJsonConverter`: the class named by `valueType`, its members read with default (lenient) settings. */
function readValue(member: Member, out: FindingCollector): LoadedFhirValue | undefined {
  const object = member.value;
  if (!isJsonObject(object)) {
    out.error(member.path, `${member.key} must be an object with a valueType, received ${describeValue(object)}.`);
    return undefined;
  }
  const typeKey = ['ValueType', 'valueType'].find((key) => key in object && object[key] !== null && object[key] !== undefined);
  if (typeKey === undefined) {
    out.error(member.path, 'Property ValueType is missing.');
    return undefined;
  }
  const typeValue = object[typeKey];
  const valueType = typeof typeValue === 'string' ? VALUE_TYPES.find((name) => name.toLowerCase() === typeValue.toLowerCase()) : undefined;
  if (valueType === undefined) {
    out.error(
      childPath(member.path, typeKey),
      `${typeof typeValue === 'string' ? typeValue : describeValue(typeValue)} (valueType is not one of ${VALUE_TYPES.join(', ')}).`,
    );
    return undefined;
  }
  const fields = readMembers(object, member.path, VALUE_FIELDS, { level: 'ignore' }, out);
  const text = (name: string): string | undefined => optionalString(fields.get(name), out);
  const codes = fields.get('codes');
  return {
    valueType,
    path: member.path,
    ...defined({ valueName: text('valueName'), unit: text('unit'), system: text('system'), code: text('code'), text: text('text') }),
    ...(valueType === 'SampledData' ? defined({ defaultPeriod: readDecimal(fields.get('defaultPeriod'), out) }) : {}),
    ...(valueType === 'CodeableConcept' && codes !== undefined && codes.value !== null ? { codes: readCodes(codes, false, out) } : {}),
  };
}

function defined<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function readDecimal(member: Member | undefined, out: FindingCollector): number | undefined {
  if (member === undefined || member.value === null) return undefined;
  const value = member.value;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  out.error(member.path, `Could not convert ${describeValue(value)} to decimal: defaultPeriod is a number of milliseconds.`);
  return undefined;
}
