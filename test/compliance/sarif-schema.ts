import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/**
 * A validator of SARIF 2.1.0 logs against the schema Microsoft's SARIF SDK ships in `@microsoft/jest-sarif`
 * (`sarif-2.1.0-rtm.5.json`, the JSON Schema draft-04 schema of SARIF 2.1.0 as published on SchemaStore). No npm
 * package ships the OASIS file under its own name `sarif-schema-2.1.0.json`. `unicodeRegExp: false`: the schema's
 * `language` pattern has a stray `]` that is legal only in non-Unicode regular expressions.
 */
export function sarifValidator(): (log: unknown) => string[] {
  const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (log) => (validate(log) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`));
}
