import { Fn } from './platform/cdktf';
import { InputProblems, isUnresolved, objectRule } from './validation';

/** Resource tags as the provider takes them. */
export type Tags = { readonly [key: string]: string };

const MAX_TAGS = 50;
const MAX_KEY_LENGTH = 512;
const MAX_VALUE_LENGTH = 256;
const TAGS_OBJECT = objectRule('a map of tag names to string values, e.g. { environment: "prod" }');

/** Adds the problems of a tag map (`tags.Validate` in the provider) to `problems`; tokens are skipped. */
export function checkTags(problems: InputProblems, subject: string, tags: Tags | undefined): void {
  if (tags === undefined || isUnresolved(tags)) return;
  if (!TAGS_OBJECT.test(tags)) {
    problems.check(subject, tags as unknown, TAGS_OBJECT);
    return;
  }
  checkTagCount(problems, subject, tags);
  for (const key of Object.keys(tags)) {
    if (!isUnresolved(key) && key.length > MAX_KEY_LENGTH) {
      problems.add(`${subject} key "${key.slice(0, 40)}..." is ${key.length} characters; a tag key may have at most ${MAX_KEY_LENGTH}.`);
    }
    const value = tags[key];
    if (typeof value !== 'string' && !isUnresolved(value)) {
      problems.add(`${subject} "${key}" has a ${value === null ? 'null' : typeof value} value; tag values are strings.`);
    } else if (!isUnresolved(value) && value.length > MAX_VALUE_LENGTH) {
      problems.add(`${subject} "${key}" has a value of ${value.length} characters; a tag value may have at most ${MAX_VALUE_LENGTH}.`);
    }
  }
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
