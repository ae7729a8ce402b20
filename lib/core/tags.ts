import { describeInput, withoutTokenMarkers } from './describe';
import { Fn } from './platform/cdktf';
import { InputProblems, isUnresolved, objectRule } from './validation';

/** Resource tags as the provider takes them. */
export type Tags = { readonly [key: string]: string };

const MAX_TAGS = 50;
/** The provider's `tags.Validate` limits, compared with Go's `len`: bytes of UTF-8, not characters. */
const MAX_KEY_BYTES = 512;
const MAX_VALUE_BYTES = 256;
/** Characters Azure does not allow in tag names. */
const FORBIDDEN_NAME_CHARACTERS = '<>%&\\?/';
const TAGS_OBJECT = objectRule('a map of tag names to string values, e.g. { environment: "prod" }');

/**
 * Adds the problems of a tag map to `problems`: the provider's `tags.Validate` (lengths in bytes) and Azure's rules
 * for tag names (not empty, none of `< > % & \ ? /`). Tokens are skipped.
 */
export function checkTags(problems: InputProblems, subject: string, tags: Tags | undefined): void {
  if (tags === undefined || isUnresolved(tags)) return;
  if (!TAGS_OBJECT.test(tags)) {
    problems.check(subject, tags as unknown, TAGS_OBJECT);
    return;
  }
  checkTagCount(problems, subject, tags);
  for (const key of Object.keys(tags)) {
    checkTagName(problems, subject, key);
    const value = tags[key];
    const shownKey = describeInput(key);
    if (typeof value !== 'string' && !isUnresolved(value)) {
      problems.add(`${subject} ${shownKey} has a ${value === null ? 'null' : typeof value} value; tag values are strings.`);
    } else if (!isUnresolved(value) && utf8Length(value) > MAX_VALUE_BYTES) {
      problems.add(
        `${subject} ${shownKey} has a value of ${sizeOf(value)}; a tag value may have at most ${MAX_VALUE_BYTES} bytes (UTF-8, counted as the azurerm provider counts). Shorten it.`,
      );
    }
  }
}

function checkTagName(problems: InputProblems, subject: string, key: string): void {
  if (key === '') {
    problems.add(`${subject} has a tag with an empty name; Azure requires a tag name. Give the tag a name or remove it.`);
    return;
  }
  // The literal parts of a name with a token inside can still hold a forbidden character; its length is unknown.
  const literal = withoutTokenMarkers(key);
  const forbidden = [...new Set([...literal].filter((c) => FORBIDDEN_NAME_CHARACTERS.includes(c)))];
  if (forbidden.length > 0) {
    const repaired = [...literal].map((c) => (FORBIDDEN_NAME_CHARACTERS.includes(c) ? '-' : c)).join('');
    const fix = isUnresolved(key) ? 'Replace them.' : `Use e.g. ${describeInput(repaired)}.`;
    problems.add(
      `${subject} name ${describeInput(key)} is invalid: Azure does not allow ${forbidden.map((c) => `'${c}'`).join(', ')} in tag names (none of < > % & \\ ? /). ${fix}`,
    );
  }
  if (!isUnresolved(key) && utf8Length(key) > MAX_KEY_BYTES) {
    problems.add(
      `${subject} key "${key.slice(0, 40)}..." is ${sizeOf(key)}; a tag key may have at most ${MAX_KEY_BYTES} bytes (UTF-8, counted as the azurerm provider counts). Shorten it.`,
    );
  }
}

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** "600 bytes", or "400 bytes (200 characters)" when they differ. */
function sizeOf(text: string): string {
  const bytes = utf8Length(text);
  const characters = [...text].length;
  return bytes === characters ? `${bytes} bytes` : `${bytes} bytes (${characters} characters)`;
}

/** Adds a problem when a tag map (e.g. a service's tags merged with its workspace's) has more than Azure's 50 tags. */
export function checkTagCount(problems: InputProblems, subject: string, tags: Tags | undefined): void {
  if (tags === undefined || isUnresolved(tags) || !TAGS_OBJECT.test(tags)) return;
  const count = Object.keys(tags).length;
  if (count > MAX_TAGS) {
    problems.add(`${subject} has ${count} tags; Azure allows at most ${MAX_TAGS} per resource. Move the rest to the resource group or drop them.`);
  }
}

/**
 * The tags a child service carries: the workspace's, overridden per key by the child's own.
 * When either map is unknown until Terraform runs, Terraform's `merge()` does the same at plan time.
 */
export function mergeTags(inherited: Tags | undefined, own: Tags | undefined): Tags | undefined {
  if (inherited === undefined) return own;
  if (own === undefined) return inherited;
  if (isUnresolved(inherited) || isUnresolved(own)) {
    // Sound: merge() of two maps is a map at plan time; cdktf types every function result as IResolvable.
    return Fn.merge([inherited, own]) as unknown as Tags;
  }
  return { ...inherited, ...own };
}
