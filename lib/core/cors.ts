import { BOOLEAN_RULE } from './names';
import { ValueRule, InputProblems, isUnresolved, objectRule } from './validation';

/** The HTTP methods Azure accepts in a Health Data Services CORS configuration. */
export type CorsMethod = 'DELETE' | 'GET' | 'HEAD' | 'MERGE' | 'POST' | 'OPTIONS' | 'PUT' | 'PATCH';

const CORS_METHODS: readonly string[] = ['DELETE', 'GET', 'HEAD', 'MERGE', 'POST', 'OPTIONS', 'PUT', 'PATCH'];
const MAX_ENTRIES = 64;

/** Cross-origin resource sharing for a FHIR or DICOM service (same shape for both). */
export interface CorsOptions {
  /** Origins allowed to call the service: `http(s)://host[:port]` (no path, no trailing slash) or `*`. At most 64. */
  readonly allowedOrigins: string[];
  /** Request headers allowed, e.g. `["*"]` or `["Authorization", "Content-Type"]`. At most 64. */
  readonly allowedHeaders: string[];
  /** HTTP methods allowed. At most 64. */
  readonly allowedMethods: CorsMethod[];
  /**
   * How long a browser may cache the preflight response, in seconds (FHIR 0-99999, DICOM 0-99998).
   * @default - not set (the service's default)
   */
  readonly maxAgeInSeconds?: number;
  /**
   * Whether credentials (cookies, authorization headers) may be sent with cross-origin requests.
   * @default false
   */
  readonly allowCredentials?: boolean;
}

/**
 * Azure's `CorsConfigurationOriginEntry` pattern (ARM specification 2024-03-31:
 * `^(?:(?:(?:[hH][tT][tT][pP](?:[sS]|))\:\/\/(?:[a-zA-Z0-9-]+[.]?)+(?:\:[0-9]{1,5})?|[*]))$`), rewritten to accept
 * exactly the same strings without backtracking: its host part `(?:label[.]?)+` can split a run of letters into
 * labels in exponentially many ways before it fails (a trailing slash took minutes). The same language, said
 * unambiguously: labels separated by single dots, optionally ending with a dot.
 */
export const ORIGIN_PATTERN = /^(?:[hH][tT][tT][pP][sS]?:\/\/[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*\.?(?::[0-9]{1,5})?|\*)$/;

const ORIGIN_RULE: ValueRule<string> = {
  requirement: 'an origin "http(s)://host[:port]" without path or trailing slash, or "*"',
  test: (value) => typeof value === 'string' && ORIGIN_PATTERN.test(value),
  fix: (value) => {
    if (typeof value !== 'string') return undefined;
    try {
      const url = new URL(value);
      return /^https?:$/.test(url.protocol) ? `Use "${url.origin}".` : undefined;
    } catch {
      return undefined;
    }
  },
};

const METHOD_RULE: ValueRule<string> = {
  requirement: `one of ${CORS_METHODS.join(', ')} (uppercase)`,
  test: (value) => CORS_METHODS.includes(value),
  fix: (value) => (typeof value === 'string' && CORS_METHODS.includes(value.toUpperCase()) ? `Use "${value.toUpperCase()}".` : undefined),
};

const HEADER_RULE: ValueRule<string> = {
  requirement: 'a non-empty header name or "*"',
  test: (value) => typeof value === 'string' && value.trim().length > 0,
};

function listRule(min: number): ValueRule<readonly unknown[]> {
  return {
    requirement: `a list of ${min}-${MAX_ENTRIES} entries`,
    // A value that is not a list at all is reported once, by checkEach.
    test: (value) => !Array.isArray(value) || (value.length >= min && value.length <= MAX_ENTRIES),
  };
}

function maxAgeRule(max: number): ValueRule<number> {
  return {
    requirement: `a whole number of seconds from 0 to ${max}`,
    test: (value) => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max,
  };
}

const CORS_OBJECT = objectRule('an object { allowedOrigins, allowedHeaders, allowedMethods, maxAgeInSeconds?, allowCredentials? }');

/** Checks a CORS configuration; `maxAge` is the service's upper bound for `maxAgeInSeconds`. */
export function checkCors(problems: InputProblems, subject: string, cors: CorsOptions | undefined, maxAge: number): void {
  if (cors === undefined || isUnresolved(cors)) return;
  if (!CORS_OBJECT.test(cors)) {
    problems.check(subject, cors as unknown, CORS_OBJECT);
    return;
  }
  problems.check(`${subject}.allowCredentials`, cors.allowCredentials as unknown, BOOLEAN_RULE);
  problems
    .check(`${subject}.allowedOrigins`, cors.allowedOrigins, listRule(1))
    .checkEach(`${subject}.allowedOrigins`, cors.allowedOrigins, ORIGIN_RULE)
    .check(`${subject}.allowedHeaders`, cors.allowedHeaders, listRule(1))
    .checkEach(`${subject}.allowedHeaders`, cors.allowedHeaders, HEADER_RULE)
    .check(`${subject}.allowedMethods`, cors.allowedMethods, listRule(1))
    .checkEach<string>(`${subject}.allowedMethods`, cors.allowedMethods, METHOD_RULE)
    .check(`${subject}.maxAgeInSeconds`, cors.maxAgeInSeconds, maxAgeRule(maxAge));
  for (const [key, list] of Object.entries({
    allowedOrigins: cors.allowedOrigins,
    allowedHeaders: cors.allowedHeaders,
    allowedMethods: cors.allowedMethods,
  })) {
    // null is reported by checkEach (not a list).
    if (list === undefined) problems.add(`${subject}.${key} is missing: give a list of 1-${MAX_ENTRIES} entries.`);
  }
}
