/**
 * Checks that a device mapping and a FHIR destination mapping fit together the way the service joins them: each
 * normalized measurement's type selects the FHIR template with that typeName (ignoring case,
 * `FhirLookupTemplate`), and each FHIR value is filled from the measurement property of the same valueName
 * (case-sensitive). Problems inside either document are left to `checkDeviceMapping` / `checkFhirMapping`.
 */
import { DEVICE_COLLECTION, findDeviceTemplateSpec } from './device-mapping-check';
import { CODE_VALUE_FHIR, FHIR_COLLECTION } from './fhir-mapping-check';
import { FindingCollector, indexPath, MappingCheckOptions, MappingFinding, quotedList } from './findings';
import { isJsonObject, readDocument } from './json-document';
import { closestName, Member, readMembers } from './members';
import { CollectionSpec, matchTemplateName, readCollection, readTemplateObject, TemplateElement } from './template-container';

interface NamedAt {
  readonly name: string;
  readonly path: string;
}

/** What linkage needs from one template. */
interface LinkedTemplate {
  readonly typeName: NamedAt;
  readonly valueNames: readonly NamedAt[];
  /** False when some value name is unresolved, so "no value named X" is not certain. */
  readonly valuesComplete: boolean;
  /** Device templates: whether correlationIdExpression is set; FHIR templates: the periodInterval member. */
  readonly correlationId?: boolean;
  readonly periodInterval?: Member;
}

interface TemplateSet {
  readonly templates: readonly LinkedTemplate[];
  /** False when some template or typeName is unresolved (or unreadable), so "no template has X" is not certain. */
  readonly complete: boolean;
}

/**
 * Checks that the two mappings (plain objects or JSON strings) fit together. Never throws; documents that cannot be
 * read give no findings here.
 * @param paths where findings point (default `deviceMapping` / `fhirMapping`)
 */
export function checkMappingLinkage(
  deviceDocument: unknown,
  fhirDocument: unknown,
  paths: { device: string; fhir: string } = { device: 'deviceMapping', fhir: 'fhirMapping' },
  options: MappingCheckOptions = {},
): MappingFinding[] {
  const device = readTemplates(deviceDocument, paths.device, DEVICE_COLLECTION, readDeviceTemplate, options);
  const fhir = readTemplates(fhirDocument, paths.fhir, FHIR_COLLECTION, readFhirTemplate, options);
  if (device === undefined || fhir === undefined) return [];

  const out = new FindingCollector(options);
  const fhirByName = new Map(fhir.templates.map((template) => [template.typeName.name, template]));
  const fhirByLowerName = new Map(fhir.templates.map((template) => [template.typeName.name.toLowerCase(), template]));
  const feeders = new Map<LinkedTemplate, LinkedTemplate[]>();
  const reportedTypes = new Set<string>();

  for (const template of device.templates) {
    const typeName = template.typeName.name;
    const target = fhirByName.get(typeName) ?? fhirByLowerName.get(typeName.toLowerCase());
    const firstOfType = !reportedTypes.has(typeName);
    reportedTypes.add(typeName);
    if (target === undefined) {
      if (fhir.complete && firstOfType) out.error(template.typeName.path, missingTemplateMessage(typeName, fhir.templates));
      continue;
    }
    if (target.typeName.name !== typeName && firstOfType) out.warning(template.typeName.path, caseOnlyMessage(typeName, target.typeName.name));
    const sources = feeders.get(target) ?? [];
    sources.push(template);
    feeders.set(target, sources);
    if (target.valuesComplete) reportUnmappedDeviceValues(template, target, out);
  }

  for (const [target, sources] of feeders) {
    if (device.complete && sources.every((source) => source.valuesComplete)) reportUnfedFhirValues(target, sources, out);
    if (target.periodInterval?.value === -1 && sources.every((source) => source.correlationId === false)) {
      out.error(
        target.periodInterval.path,
        `periodInterval -1 groups Observations by correlation id, but no device template of type ` +
          `"${target.typeName.name}" sets correlationIdExpression, so every measurement fails with CorrelationIdNotDefinedException. ` +
          'Add correlationIdExpression to the device template(s) or use another periodInterval.',
      );
    }
  }
  return out.findings;
}

function missingTemplateMessage(typeName: string, fhirTemplates: readonly LinkedTemplate[]): string {
  const available = fhirTemplates.map((template) => template.typeName.name);
  const near = closestName(typeName, available);
  return (
    `No matching Fhir Template exists for Device Mapping [${typeName}]. Ensure case matches. Available Fhir Templates: [${available.join(' ,')}]. ` +
    `Every "${typeName}" measurement fails in the FHIR stage (TemplateNotFoundException). ` +
    `${near !== undefined ? `Rename "${near}" or the device typeName so they are equal, or add` : 'Add'} a CodeValueFhir template with "typeName": "${typeName}".`
  );
}

function caseOnlyMessage(deviceName: string, fhirName: string): string {
  return (
    `Device typeName "${deviceName}" matches FHIR template "${fhirName}" only when case is ignored. The service's lookup ignores case, ` +
    `but Azure's docs and Mapping debugger require the same case ("No matching Fhir Template exists for Device Mapping [${deviceName}]. Ensure case matches."). ` +
    'Spell the typeName the same in both mappings.'
  );
}

/** The service's compatibility warning: a device value that the FHIR template never uses. */
function reportUnmappedDeviceValues(source: LinkedTemplate, target: LinkedTemplate, out: FindingCollector): void {
  const available = new Set(target.valueNames.map((value) => value.name));
  for (const value of source.valueNames) {
    if (available.has(value.name)) continue;
    out.warning(
      value.path,
      `The value [${value.name}] in Device Mapping [${source.typeName.name}] is not represented within the Fhir Template of type ` +
        `[${target.typeName.name}]. Available values are: [${[...available].join(' ,')}]. No value will appear inside of Observations.` +
        `${caseHint(value.name, [...available])} Map it in the FHIR template (value or components) or remove it.`,
    );
  }
}

/** A FHIR value or component that no device template of its type produces: it never appears in Observations. */
function reportUnfedFhirValues(target: LinkedTemplate, sources: readonly LinkedTemplate[], out: FindingCollector): void {
  const produced = [...new Set(sources.flatMap((source) => source.valueNames.map((value) => value.name)))];
  for (const value of target.valueNames) {
    if (produced.includes(value.name)) continue;
    out.warning(
      value.path,
      `FHIR template "${target.typeName.name}" maps the value "${value.name}", but no device template of that type produces it ` +
        `(they produce ${produced.length === 0 ? 'no values' : quotedList(produced, 'and')}), so it never appears in Observations.` +
        `${caseHint(value.name, produced)} Match a device valueName exactly or remove the value.`,
    );
  }
}

function caseHint(name: string, candidates: readonly string[]): string {
  const sameIgnoringCase = candidates.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return sameIgnoringCase === undefined ? '' : ` Value names are case-sensitive: "${name}" is not "${sameIgnoringCase}".`;
}

type TemplateReader = (element: TemplateElement, out: FindingCollector) => LinkedTemplate | 'unresolved' | undefined;

/** Reads a document's templates without reporting anything (the document checks do that). */
function readTemplates(
  document: unknown,
  rootPath: string,
  spec: CollectionSpec,
  readTemplate: TemplateReader,
  options: MappingCheckOptions,
): TemplateSet | undefined {
  const silent = new FindingCollector(options);
  const read = readDocument(document, rootPath, silent);
  const collection = read === undefined ? undefined : readCollection(read.document, rootPath, spec, silent);
  if (collection === undefined) return undefined;
  const templates: LinkedTemplate[] = [];
  let complete = collection.complete;
  for (const element of collection.elements) {
    const template = readTemplate(element, silent);
    if (template === 'unresolved') complete = false;
    else if (template !== undefined) templates.push(template);
  }
  return { templates, complete };
}

/** The members linkage reads from the element's template; 'unresolved', or undefined when it is not an object. */
function templateMembers(element: TemplateElement, out: FindingCollector): Map<string, Member> | 'unresolved' | undefined {
  const template = readTemplateObject(element, '', '', out);
  if (template === undefined || template === 'unresolved') return template;
  return readMembers(template.value, template.path, LINKAGE_FIELDS, { level: 'ignore' }, out);
}

const LINKAGE_FIELDS = ['typeName', 'values', 'value', 'components', 'correlationIdExpression', 'periodInterval'];

/** A non-blank string value, 'unresolved' when unresolved, undefined otherwise. */
function nameOf(member: Member | undefined, out: FindingCollector): NamedAt | 'unresolved' | undefined {
  if (member === undefined) return undefined;
  if (out.isUnresolved(member.value)) return 'unresolved';
  return typeof member.value === 'string' && member.value.trim() !== '' ? { name: member.value, path: member.path } : undefined;
}

function readDeviceTemplate(element: TemplateElement, out: FindingCollector): LinkedTemplate | 'unresolved' | undefined {
  if (element.templateType === undefined || findDeviceTemplateSpec(element.templateType) === undefined) return undefined;
  const members = templateMembers(element, out);
  if (members === undefined || members === 'unresolved') return members;
  const typeName = nameOf(members.get('typeName'), out);
  if (typeName === undefined || typeName === 'unresolved') return typeName;

  const values = members.get('values');
  const { names, complete } = valueNamesOf(values !== undefined && out.isUnresolved(values.value) ? [values] : items(values), out);
  const correlation = members.get('correlationIdExpression');
  return {
    typeName,
    valueNames: names,
    valuesComplete: complete,
    correlationId: correlation !== undefined && correlation.value !== null && correlation.value !== '',
  };
}

function readFhirTemplate(element: TemplateElement, out: FindingCollector): LinkedTemplate | 'unresolved' | undefined {
  if (element.templateType === undefined || !matchTemplateName(element.templateType, CODE_VALUE_FHIR)) return undefined;
  const members = templateMembers(element, out);
  if (members === undefined || members === 'unresolved') return members;
  const typeName = nameOf(members.get('typeName'), out);
  if (typeName === undefined || typeName === 'unresolved') return typeName;

  // A FHIR template reads value.valueName and each components[].value.valueName.
  const components = members.get('components');
  const componentValues =
    components !== undefined && out.isUnresolved(components.value)
      ? [components]
      : items(components).map((item) =>
          isJsonObject(item.value) ? readMembers(item.value, item.path, ['value'], { level: 'ignore' }, out).get('value') : item,
        );
  const { names, complete } = valueNamesOf([members.get('value'), ...componentValues], out);
  return { typeName, valueNames: names, valuesComplete: complete, periodInterval: members.get('periodInterval') };
}

/** The items of an array member, as members (for their paths); none when it is missing or not an array. */
function items(member: Member | undefined): Member[] {
  if (member === undefined || !Array.isArray(member.value)) return [];
  return member.value.map((value: unknown, index: number) => ({ key: String(index), value, path: indexPath(member.path, index) }));
}

/** The non-blank `valueName` of each object; `complete` is false when a holder or a name is unresolved. */
function valueNamesOf(holders: ReadonlyArray<Member | undefined>, out: FindingCollector): { names: NamedAt[]; complete: boolean } {
  const names: NamedAt[] = [];
  let complete = true;
  for (const holder of holders) {
    if (holder === undefined) continue;
    if (out.isUnresolved(holder.value)) {
      complete = false;
      continue;
    }
    if (!isJsonObject(holder.value)) continue;
    const name = nameOf(readMembers(holder.value, holder.path, ['valueName'], { level: 'ignore' }, out).get('valueName'), out);
    if (name === 'unresolved') complete = false;
    else if (name !== undefined) names.push(name);
  }
  return { names, complete };
}
