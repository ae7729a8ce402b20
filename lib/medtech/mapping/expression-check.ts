/**
 * Checks one expression of a device template: its JSON form, its language, its syntax (Json.NET JSONPath or
 * JmesPath.Net JMESPath) and whether it can ever match what it runs against.
 */
import { DeviceTemplateSpec, EXPRESSION_LANGUAGES, ExpressionLanguageName, ExpressionScope } from './device-templates';
import { canSelectRoot, firstJsonPathMembers, jmesPathUnreachableRead, UnreachableRead } from './expression-scope';
import { describeValue, FindingCollector, shorten } from './findings';
import { analyzeJmesPath } from './jmes-path';
import { isJsonObject } from './json-document';
import { parseJsonPath } from './json-path';
import { Member, readMembers, readString, requirePresent, servicePropertyName } from './members';

export interface ExpressionSite {
  readonly spec: DeviceTemplateSpec;
  /** The field name, e.g. `typeMatchExpression` or `valueExpression`. */
  readonly field: string;
  readonly typeMatch: boolean;
  readonly required: boolean;
  /** The template's default language; undefined when unknown (invalid or unresolved): then strings are not parsed. */
  readonly defaultLanguage: ExpressionLanguageName | undefined;
}

export function checkExpression(member: Member | undefined, parentPath: string, site: ExpressionSite, out: FindingCollector): void {
  if (member === undefined || member.value === null) {
    if (site.required) requirePresent(member, site.field, parentPath, out, `Add ${site.field} to the template.`);
    return;
  }
  if (out.isUnresolved(member.value)) return;

  const expression = readExpression(member, site, out);
  if (expression === undefined) return;
  if (expression.text.trim() === '') {
    reportBlank(expression.path, site, out);
    return;
  }
  if (expression.language === 'JsonPath') checkJsonPathExpression(expression.text, expression.path, site, out);
  if (expression.language === 'JmesPath') checkJmesPathExpression(expression.text, expression.path, site, out);
}

/** Reads a `defaultExpressionLanguage` or `language` value; reports and returns undefined when it is not one. */
export function readLanguage(member: Member, out: FindingCollector): ExpressionLanguageName | undefined {
  if (out.isUnresolved(member.value)) return undefined;
  const text = typeof member.value === 'string' ? member.value : undefined;
  const language = EXPRESSION_LANGUAGES.find((name) => name.toLowerCase() === text?.toLowerCase());
  if (language === undefined) {
    const shown = member.value === null ? '{null}' : text !== undefined ? `"${text}"` : describeValue(member.value);
    out.error(
      member.path,
      `${member.key} is ${describeValue(member.value)}; the service rejects it with ` +
        `"Error converting value ${shown} to type 'TemplateExpressionLanguage'." Use "JsonPath" or "JmesPath".`,
    );
  }
  return language;
}

export interface Expression {
  readonly text: string;
  /** Undefined when the language is unknown (invalid or unresolved). */
  readonly language: ExpressionLanguageName | undefined;
  /** Where the expression text is: the field itself, or its `value` member. */
  readonly path: string;
}

/** The text, language and path of an expression (a string or a `{value, language}` object); undefined when unusable (reported). */
export function readExpression(member: Member, site: ExpressionSite, out: FindingCollector): Expression | undefined {
  const value = member.value;
  if (site.spec.expressionObjects && (typeof value === 'number' || typeof value === 'boolean')) {
    // CalculatedContent reads a non-string token as an expression object, which a number or boolean cannot be.
    out.error(
      member.path,
      `${member.key} is ${describeValue(value)}; the service rejects it with "Error converting value ${value} to type 'TemplateExpression'". Write the expression as a string.`,
    );
    return undefined;
  }
  if (!isJsonObject(value) && !Array.isArray(value)) {
    const text = readString(member, out);
    return text === undefined ? undefined : { text, language: site.defaultLanguage, path: member.path };
  }
  if (!site.spec.expressionObjects || Array.isArray(value)) {
    const allowed = site.spec.expressionObjects ? 'a string or a {"value": ..., "language": ...} object' : 'a JSONPath string';
    const why = site.spec.expressionObjects
      ? ''
      : ` Expression objects (and JMESPath) are only supported by CalculatedContent templates; ${site.spec.templateType} takes JSONPath strings.`;
    out.error(
      member.path,
      `${member.key} must be ${allowed}, received ${describeValue(value)}. ` +
        `The service rejects it with "Error reading string. Unexpected token: ${Array.isArray(value) ? 'StartArray' : 'StartObject'}."${why}`,
    );
    return undefined;
  }
  // An expression object is read with default settings: names match case-insensitively, other keys are ignored.
  const members = readMembers(value, member.path, ['value', 'language'], { level: 'ignore' }, out);
  const valueMember = members.get('value');
  if (
    !requirePresent(
      valueMember,
      'value',
      member.path,
      out,
      `Write the expression as {"value": "<expression>", "language": "JsonPath" or "JmesPath"}.`,
    )
  )
    return undefined;
  if (out.isUnresolved(valueMember.value)) return undefined;
  const text = readString(valueMember, out);
  if (text === undefined) return undefined;
  const languageMember = members.get('language');
  const language = languageMember === undefined || languageMember.value === null ? site.defaultLanguage : readLanguage(languageMember, out);
  return { text, language, path: valueMember.path };
}

function reportBlank(path: string, site: ExpressionSite, out: FindingCollector): void {
  if (site.spec.expressionObjects) {
    out.error(
      path,
      `${site.field} is empty. A CalculatedContent template with an empty expression fails to load ` +
        `(the service requires every expression it is given to be non-blank). ${site.required ? 'Give it an expression.' : `Remove ${site.field} or give it an expression.`}`,
    );
  } else if (site.required) {
    out.error(
      path,
      `${site.field} is empty, so every message fails with "An expression must be set for [${servicePropertyName(site.field)}]". Give it a JSONPath expression.`,
    );
  }
  // An empty optional expression of a JSONPath-only template counts as "not set".
}

function checkJsonPathExpression(text: string, path: string, site: ExpressionSite, out: FindingCollector): void {
  const parsed = parseJsonPath(text);
  if (!parsed.ok) {
    out.error(
      path,
      `JSONPath ${describeValue(text)} is invalid at column ${parsed.position + 1}: ${parsed.message} ` +
        'MedTech evaluates JSONPath with Json.NET, which then fails on every message this template sees. Fix the expression.',
    );
    return;
  }
  const scope = scopeOf(site);
  if (scope.kind === 'roots') {
    const names = firstJsonPathMembers(parsed.filters);
    if (names !== undefined && !names.some((name) => scope.roots.includes(name))) {
      out.error(path, unreachableMessage(text, 'JsonPath', { field: names[0] }, site, scope));
    }
  } else if (scope.kind === 'wholeEnvelope' && !canSelectRoot(parsed.filters)) {
    out.warning(path, wholeEnvelopeMessage(text, site));
  }
}

function checkJmesPathExpression(text: string, path: string, site: ExpressionSite, out: FindingCollector): void {
  const analysis = analyzeJmesPath(text);
  for (const problem of analysis.problems) {
    out.error(
      path,
      `The following JmesPath expression could not be parsed: ${shorten(text)}. Cause: ${problem.message} (column ${problem.position + 1})`,
    );
  }
  if (!analysis.ok || analysis.problems.length > 0) return;
  for (const warning of analysis.warnings) out.warning(path, `${warning.message} (column ${warning.position + 1})`);
  const scope = scopeOf(site);
  if (scope.kind !== 'roots') return;
  const unreachable = jmesPathUnreachableRead(analysis.ast, new Set(scope.roots));
  if (unreachable !== undefined) out.error(path, unreachableMessage(text, 'JmesPath', unreachable, site, scope));
}

function scopeOf(site: ExpressionSite): ExpressionScope {
  return site.typeMatch ? site.spec.typeMatchScope : site.spec.extractScope;
}

function unreachableMessage(
  text: string,
  language: ExpressionLanguageName,
  read: UnreachableRead,
  site: ExpressionSite,
  scope: Extract<ExpressionScope, { kind: 'roots' }>,
): string {
  const context = site.typeMatch
    ? `The typeMatchExpression of a ${site.spec.templateType} template runs against ${scope.description}`
    : `${site.spec.templateType} expressions run against ${scope.description}`;
  const outcome =
    read.functionName !== undefined
      ? `the argument "${read.field}" of ${read.functionName} in ${describeValue(text)} is always null, so ${read.functionName} fails on every message`
      : `${describeValue(text)} can never match`;
  const sameIgnoringCase = scope.roots.find((root) => root.toLowerCase() === read.field.toLowerCase());
  let fix: string;
  if (sameIgnoringCase !== undefined) {
    fix = `Member names are case-sensitive: use ${describeValue(replaceFirst(text, read.field, sameIgnoringCase))}.`;
  } else if (read.field === 'matchedToken') {
    fix =
      'matchedToken exists only in the other expressions, once typeMatchExpression has matched; match on Body, Properties or SystemProperties instead.';
  } else {
    const prefixed = (root: string): string =>
      describeValue(language === 'JsonPath' ? prefixJsonPath(text, root) : prefixJmesField(text, read.field, root));
    fix = site.typeMatch
      ? `Use ${prefixed('Body')}${language === 'JsonPath' ? ` or a filter such as "$..[?(@${read.field})]"` : ''}.`
      : `Use ${prefixed('matchedToken')} (inside the matched token) or ${prefixed('Body')} (from the message body).`;
  }
  return `${context}; ${outcome}. ${fix}`;
}

function wholeEnvelopeMessage(text: string, site: ExpressionSite): string {
  const trimmed = text.trim();
  const example = trimmed.startsWith('$.') && !/[[\]()]/.test(trimmed) ? `$..[?(@${trimmed.slice(2)})]` : '$..[?(@Body.HeartRate)]';
  return (
    `${site.spec.templateType} reads the device id and timestamp from $.SystemProperties and $.Properties of the token ` +
    `that typeMatchExpression matches, and runs the value expressions against that token, so typeMatchExpression must ` +
    `select the whole event; ${describeValue(text)} selects something inside it and can never yield a measurement. ` +
    `Use a filter over the event such as "${example}".`
  );
}

/** `$.x…` → `$.<root>.x…`; a relative `x…` → `$.<root>.x…`. */
function prefixJsonPath(text: string, root: string): string {
  const trimmed = text.trim();
  if (trimmed.startsWith('$.')) return `$.${root}.${trimmed.slice(2)}`;
  if (trimmed.startsWith('$[')) return `$.${root}${trimmed.slice(1)}`;
  return `$.${root}.${trimmed}`;
}

/** Puts `<root>.` in front of the first occurrence of `field` (before its quote when it is a quoted identifier). */
function prefixJmesField(text: string, field: string, root: string): string {
  const at = text.indexOf(field);
  if (at < 0) return `${root}.${text}`;
  const start = at > 0 && text[at - 1] === '"' ? at - 1 : at;
  return `${text.slice(0, start)}${root}.${text.slice(start)}`;
}

function replaceFirst(text: string, search: string, replacement: string): string {
  const at = text.indexOf(search);
  return at < 0 ? text : `${text.slice(0, at)}${replacement}${text.slice(at + search.length)}`;
}
