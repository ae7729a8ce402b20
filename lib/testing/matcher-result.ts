/** What a jest matcher returns. */
export interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

/** The part of jest's matcher context the matchers read. */
export interface MatcherContext {
  readonly isNot?: boolean;
}
