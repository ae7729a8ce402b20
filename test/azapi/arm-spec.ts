/**
 * A JSON Schema (draft-04, ajv) view of the ARM specification of Microsoft.HealthcareApis 2024-03-31, read at test time
 * from ../shared/reference/arm-spec/2024-03-31 (or AHDS_REFERENCE_DIR/arm-spec/2024-03-31), for checking request bodies.
 *
 * OpenAPI 2.0 definitions are draft-04 schemas with extensions; turning them into request-body schemas takes four
 * decisions, all made strict on purpose:
 * - `$ref`s are resolved against each file's repository path (`../../../../../../common-types/...` from
 *   healthcare-apis.json), mapped onto the local folder, and inlined as `#/definitions/<file>:<name>`.
 * - `allOf` is flattened into one object (properties and `required` of every member), so that the object can be
 *   closed: `additionalProperties: false` inside one `allOf` member would reject the properties of the others.
 * - Objects without `additionalProperties` are closed (`additionalProperties: false`). ARM itself may ignore unknown
 *   properties, but AzAPI's schema validation (on by default) rejects them, and a misspelled property that Azure
 *   ignores is a setting that silently never happens. Objects with `additionalProperties` (tags, overrides, identity
 *   maps) keep it as their value schema.
 * - `readOnly` properties (directly or through the `$ref` target) are forbidden in requests (`not: {}`), as AzAPI
 *   forbids them. One deliberate exception, passed by the caller: the workspace's `properties.publicNetworkAccess`,
 *   whose shared enum this version marks read-only although AzAPI's embedded types and the later TypeSpec treat it as
 *   writable (see README of the spec folder).
 * `x-ms-*`, `description` and `title` are annotations and dropped; any other keyword the converter does not know
 * fails the test, so that a new constraint in a newer copy of the spec cannot be skipped silently. Enums are kept
 * closed although most are `modelAsString` (extensible in SDKs): the library must send the documented values.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv-draft-04';

const REFERENCE = process.env.AHDS_REFERENCE_DIR ?? path.resolve(__dirname, '../../../shared/reference');
export const SPEC_DIR = path.join(REFERENCE, 'arm-spec', '2024-03-31');
export const SPEC_AVAILABLE = fs.existsSync(path.join(SPEC_DIR, 'healthcare-apis.json'));

/** Where healthcare-apis.json lives in Azure/azure-rest-api-specs; its relative $refs resolve from here. */
const MAIN_REPO_PATH = 'specification/healthcareapis/resource-manager/Microsoft.HealthcareApis/HealthcareApis/stable/2024-03-31/healthcare-apis.json';
const COMMON_PREFIX = 'specification/common-types/';

type Schema = { [key: string]: unknown };

const ANNOTATIONS = new Set(['description', 'title', 'readOnly']);
const KNOWN = new Set([
  '$ref',
  'type',
  'properties',
  'allOf',
  'additionalProperties',
  'items',
  'enum',
  'format',
  'pattern',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'required',
  ...ANNOTATIONS,
]);

function localPath(repoPath: string): string {
  if (repoPath === MAIN_REPO_PATH) return path.join(SPEC_DIR, 'healthcare-apis.json');
  if (repoPath.startsWith(COMMON_PREFIX)) return path.join(SPEC_DIR, 'common-types', repoPath.slice(COMMON_PREFIX.length));
  throw new Error(`$ref to ${repoPath}: not in the reference folder`);
}

class SpecConverter {
  private readonly files = new Map<string, Schema>();
  public readonly definitions: { [key: string]: Schema } = {};
  /** `<file key>:<definition>` of every definition converted, to count what was resolved. */
  public readonly resolved = new Set<string>();

  constructor(private readonly allowReadOnly: ReadonlySet<string>) {}

  private file(repoPath: string): Schema {
    let json = this.files.get(repoPath);
    if (!json) {
      json = JSON.parse(fs.readFileSync(localPath(repoPath), 'utf8')) as Schema;
      this.files.set(repoPath, json);
    }
    return json;
  }

  private target(ref: string, fromRepoPath: string): { repoPath: string; name: string; schema: Schema } {
    const [filePart, pointer] = ref.split('#');
    const repoPath = filePart === '' ? fromRepoPath : path.posix.normalize(path.posix.join(path.posix.dirname(fromRepoPath), filePart));
    const match = /^\/definitions\/([^/]+)$/.exec(pointer ?? '');
    if (!match) throw new Error(`$ref ${ref} in ${fromRepoPath}: only #/definitions/<name> pointers are supported`);
    const definitions = this.file(repoPath).definitions as { [name: string]: Schema } | undefined;
    const schema = definitions?.[match[1]];
    if (!schema) throw new Error(`$ref ${ref} in ${fromRepoPath}: ${match[1]} not found in ${repoPath}`);
    return { repoPath, name: match[1], schema };
  }

  private key(repoPath: string, name: string): string {
    // A JSON-pointer-safe key: no '/' (which would nest) and no '~'.
    return `${
      repoPath === MAIN_REPO_PATH
        ? 'healthcare-apis'
        : repoPath
            .slice(COMMON_PREFIX.length)
            .replace(/\.json$/, '')
            .replace(/\//g, '_')
    }:${name}`;
  }

  /** Converts a definition once and returns a `$ref` to it. */
  public definition(repoPath: string, name: string): Schema {
    const key = this.key(repoPath, name);
    if (!this.resolved.has(key)) {
      this.resolved.add(key);
      const { schema } = this.target(`#/definitions/${name}`, repoPath);
      this.definitions[key] = this.convert(schema, repoPath, name);
    }
    return { $ref: `#/definitions/${key}` };
  }

  private isReadOnly(schema: Schema, repoPath: string): boolean {
    if (schema.readOnly === true) return true;
    if (typeof schema.$ref === 'string') return this.target(schema.$ref, repoPath).schema.readOnly === true;
    return false;
  }

  /** Properties and `required` of a schema with its `allOf` members, `$ref`s followed. */
  private flatten(
    schema: Schema,
    repoPath: string,
  ): { properties: Array<[string, Schema, string]>; required: string[]; additional?: [Schema | boolean, string] } {
    const properties: Array<[string, Schema, string]> = [];
    const required: string[] = [];
    let additional: [Schema | boolean, string] | undefined;
    for (const member of (schema.allOf as Schema[] | undefined) ?? []) {
      const { schema: resolved, repoPath: at } = typeof member.$ref === 'string' ? this.target(member.$ref, repoPath) : { schema: member, repoPath };
      const inner = this.flatten(resolved, at);
      properties.push(...inner.properties);
      required.push(...inner.required);
      additional = inner.additional ?? additional;
    }
    for (const [name, property] of Object.entries((schema.properties as { [name: string]: Schema } | undefined) ?? {}))
      properties.push([name, property, repoPath]);
    required.push(...((schema.required as string[] | undefined) ?? []));
    if (schema.additionalProperties !== undefined) additional = [schema.additionalProperties as Schema | boolean, repoPath];
    return { properties, required, additional };
  }

  private convert(schema: Schema, repoPath: string, context: string): Schema {
    for (const keyword of Object.keys(schema)) {
      if (!KNOWN.has(keyword) && !keyword.startsWith('x-ms-')) throw new Error(`${context}: keyword "${keyword}" is not handled by the converter`);
    }
    if (typeof schema.$ref === 'string') {
      const { repoPath: at, name } = this.target(schema.$ref, repoPath);
      return this.definition(at, name);
    }
    const out: Schema = {};
    for (const keyword of [
      'type',
      'enum',
      'format',
      'pattern',
      'minimum',
      'maximum',
      'minLength',
      'maxLength',
      'minItems',
      'maxItems',
      'uniqueItems',
    ]) {
      if (schema[keyword] !== undefined) out[keyword] = schema[keyword];
    }
    if (schema.items !== undefined) out.items = this.convert(schema.items as Schema, repoPath, `${context}[]`);
    const isObject =
      schema.type === 'object' || schema.properties !== undefined || schema.allOf !== undefined || schema.additionalProperties !== undefined;
    if (isObject) {
      const { properties, required, additional } = this.flatten(schema, repoPath);
      const converted: { [name: string]: Schema } = {};
      for (const [name, property, at] of properties) {
        const where = `${context}.${name}`;
        const value = this.convert(property, at, where);
        converted[name] = this.isReadOnly(property, at) && !this.allowReadOnly.has(where) ? { not: {} } : value;
      }
      out.type = 'object';
      out.properties = converted;
      const writableRequired = [...new Set(required)].filter((name) => !('not' in (converted[name] ?? {})));
      if (writableRequired.length > 0) out.required = writableRequired;
      out.additionalProperties =
        additional === undefined
          ? false
          : typeof additional[0] === 'boolean'
            ? additional[0]
            : this.convert(additional[0], additional[1], `${context}.*`);
    }
    return out;
  }
}

/** A compiled request-body validator for one definition of healthcare-apis.json. */
export interface BodyValidator {
  /** Problems of a body, `[]` when valid: `<json pointer> <message>`. */
  problems(body: unknown): string[];
}

function describe(error: ErrorObject): string {
  const at = error.instancePath || '(body)';
  if (error.keyword === 'additionalProperties')
    return `${at} has a property the specification does not define: ${String((error.params as { additionalProperty: string }).additionalProperty)}`;
  if (error.keyword === 'not') return `${at} is read-only and must not be sent`;
  if (error.keyword === 'enum') return `${at} ${error.message}: ${JSON.stringify((error.params as { allowedValues: unknown[] }).allowedValues)}`;
  return `${at} ${error.message}`;
}

/** What {@link loadArmSpec} converted, for the test to show that the `$ref`s to common-types really resolved. */
export interface ArmSpec {
  validator(definition: string): BodyValidator;
  readonly resolvedDefinitions: ReadonlySet<string>;
}

/**
 * Loads and converts the specification. `allowReadOnly` lists `<Definition>.<property path>` exceptions, e.g.
 * `Workspace.properties.publicNetworkAccess`.
 */
export function loadArmSpec(allowReadOnly: readonly string[] = []): ArmSpec {
  const converter = new SpecConverter(new Set(allowReadOnly));
  const ajv = new Ajv({ allErrors: true, strict: true, unicodeRegExp: false });
  ajv.addFormat('uuid', /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/);
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat('date-time', { type: 'string', validate: (s: string) => !Number.isNaN(Date.parse(s)) });
  const cache = new Map<string, ValidateFunction>();
  return {
    resolvedDefinitions: converter.resolved,
    validator(definition: string): BodyValidator {
      let validate = cache.get(definition);
      if (!validate) {
        const root = converter.definition(MAIN_REPO_PATH, definition);
        validate = ajv.compile({ ...root, definitions: { ...converter.definitions } });
        cache.set(definition, validate);
      }
      const compiled = validate;
      return { problems: (body) => (compiled(body) ? [] : (compiled.errors ?? []).map(describe)) };
    },
  };
}
