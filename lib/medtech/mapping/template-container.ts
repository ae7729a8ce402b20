/**
 * The `{"templateType": ..., "template": ...}` container that wraps both a whole mapping (the collection) and each
 * template inside it. The service reads containers leniently: names match case-insensitively and other keys are
 * ignored (`TemplateContainerJsonConverter`).
 */
import { childPath, describeValue, FindingCollector, indexPath } from './findings';
import { isJsonObject, JsonObject } from './json-document';
import { Member, readMembers, readString } from './members';

/** `TemplateContainer.MatchTemplateName`: equal to `target` ignoring case, optionally without its `Template` suffix. */
export function matchTemplateName(templateType: string, target: string): boolean {
  const actual = templateType.toLowerCase();
  const expected = target.toLowerCase();
  return actual === expected || `${actual}template` === expected;
}

export interface CollectionSpec {
  /** What the service compares the root `templateType` with, e.g. `CollectionContentTemplate`. */
  readonly serviceName: string;
  /** The spelling to suggest, e.g. `CollectionContent`. */
  readonly preferredName: string;
  /** The other collection, to recognise a FHIR mapping given as a device mapping and vice versa. */
  readonly otherServiceName: string;
  readonly otherDescription: string;
}

/** One element of a collection's `template` array, with its container already read. */
export interface TemplateElement {
  readonly path: string;
  /** Undefined when the element has no templateType (or null). */
  readonly templateType: string | undefined;
  readonly templateTypeMember: Member | undefined;
  readonly template: Member | undefined;
}

export interface Collection {
  readonly elements: readonly TemplateElement[];
  /** False when some element was left out because it (or its templateType) is unresolved. */
  readonly complete: boolean;
}

const CONTAINER_FIELDS = ['templateType', 'template'];

/**
 * Checks the collection root and returns its elements, or undefined when the service would stop at the root (or the
 * root is unresolved). Elements that are unresolved or have a templateType of the wrong JSON type are left out.
 */
export function readCollection(document: unknown, rootPath: string, spec: CollectionSpec, out: FindingCollector): Collection | undefined {
  const example = `{"templateType": "${spec.preferredName}", "template": []}`;
  if (!isJsonObject(document)) {
    out.error(rootPath, `${rootPath} must be a JSON object like ${example}, received ${describeValue(document)}.`);
    return undefined;
  }
  const members = readMembers(document, rootPath, CONTAINER_FIELDS, { level: 'ignore' }, out);
  if (!namesCollection(members.get('templateType'), rootPath, spec, out)) return undefined;

  const templateMember = members.get('template');
  if (templateMember === undefined || templateMember.value === null) {
    out.error(
      templateMember?.path ?? childPath(rootPath, 'template'),
      `Expected an array for the template property value for template type ${spec.serviceName}. template is missing; use ${example} for an empty mapping.`,
    );
    return undefined;
  }
  if (out.isUnresolved(templateMember.value)) return undefined;
  if (!Array.isArray(templateMember.value)) {
    out.error(
      templateMember.path,
      `Expected an array for the template property value for template type ${spec.serviceName}. ` +
        `template is ${describeValue(templateMember.value)}; wrap the templates in an array, e.g. ${example}.`,
    );
    return undefined;
  }

  const elements: TemplateElement[] = [];
  let complete = true;
  templateMember.value.forEach((element: unknown, index: number) => {
    const path = indexPath(templateMember.path, index);
    if (out.isUnresolved(element)) {
      complete = false;
      return;
    }
    if (!isJsonObject(element)) {
      out.error(path, `Each template must be an object {"templateType": ..., "template": {...}}, received ${describeValue(element)}.`);
      return;
    }
    const read = readElement(element, path, out);
    if (read === 'unresolved') complete = false;
    else if (read !== undefined) elements.push(read);
  });
  return { elements, complete };
}

/** Whether the root templateType names this collection; an unresolved one gets the benefit of the doubt. */
function namesCollection(member: Member | undefined, rootPath: string, spec: CollectionSpec, out: FindingCollector): boolean {
  if (member !== undefined && out.isUnresolved(member.value)) return true;
  const given = member !== undefined && member.value !== null;
  const templateType = given ? readString(member, out) : undefined;
  if (given && templateType === undefined) return false; // a wrong JSON type, already reported
  if (templateType !== undefined && matchTemplateName(templateType, spec.serviceName)) return true;
  const looksLikeOther =
    templateType !== undefined && matchTemplateName(templateType, spec.otherServiceName) ? ` This is ${spec.otherDescription}.` : '';
  out.error(
    member?.path ?? childPath(rootPath, 'templateType'),
    `Expected TemplateType value ${spec.serviceName}, actual ${templateType ?? 'Not Found'}.${looksLikeOther} ` +
      `The root templateType must be "${spec.preferredName}" (or "${spec.serviceName}", any case).`,
  );
  return false;
}

function readElement(element: JsonObject, path: string, out: FindingCollector): TemplateElement | 'unresolved' | undefined {
  const members = readMembers(element, path, CONTAINER_FIELDS, { level: 'ignore' }, out);
  const typeMember = members.get('templateType');
  const template = members.get('template');
  if (typeMember === undefined || typeMember.value === null) return { path, templateType: undefined, templateTypeMember: typeMember, template };
  if (out.isUnresolved(typeMember.value)) return 'unresolved';
  const templateType = readString(typeMember, out);
  return templateType === undefined ? undefined : { path, templateType, templateTypeMember: typeMember, template };
}

/**
 * The element's `template` object; 'unresolved' when it is unresolved; undefined (reported) when it is not an object.
 * @param fix what to put in the template, for the message
 */
export function readTemplateObject(
  element: TemplateElement,
  serviceName: string,
  fix: string,
  out: FindingCollector,
): (Member & { value: JsonObject }) | 'unresolved' | undefined {
  const template = element.template;
  if (template !== undefined && out.isUnresolved(template.value)) return 'unresolved';
  if (template !== undefined && isJsonObject(template.value)) return { ...template, value: template.value };
  out.error(
    template?.path ?? childPath(element.path, 'template'),
    `Expected an object for the template property value for template type ${serviceName}. template is ${describeValue(template?.value)}; ${fix}.`,
  );
  return undefined;
}
