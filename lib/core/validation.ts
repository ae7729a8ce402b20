import type { IConstruct } from 'constructs';
import { describeInput, withoutTokenMarkers } from './describe';
import { Token } from './platform/cdktf';
import type { Precondition } from './platform/cdktf';

/**
 * One rule a value must satisfy, as data: what is required, how to test it, and how to fix a bad value.
 * Constructs keep tables of these instead of scattered `if`s.
 */
export interface ValueRule<T> {
  /** What a valid value looks like, e.g. "3-24 lowercase letters or digits". */
  readonly requirement: string;
  readonly test: (value: T) => boolean;
  /** A concrete fix for a bad value, e.g. `Use e.g. "patients-fhir".` */
  readonly fix?: (value: T) => string | undefined;
  /** When true, a missing value (`undefined`) is a problem too; otherwise it means "not given" and is skipped. */
  readonly required?: boolean;
}

/** The same rule for a value that must be given: `undefined` becomes a "missing" problem. */
export function required<T>(rule: ValueRule<T>): ValueRule<T> {
  return { ...rule, required: true };
}

/** A rule for a prop that must be an object (not null, not an array, not a primitive). */
export function objectRule(requirement: string): ValueRule<unknown> {
  return { requirement, test: (value) => typeof value === 'object' && value !== null && !Array.isArray(value) };
}

/** Thrown when a construct receives input that Azure or the azurerm provider would reject. */
export class HealthDataValidationError extends Error {
  public readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'HealthDataValidationError';
    this.problems = problems;
  }
}

/** True when the value (or, for arrays and plain objects, any part of it) is unknown until Terraform runs. */
export function isUnresolved(value: unknown): boolean {
  return Token.isUnresolved(value);
}

function describe(value: unknown): string {
  return describeInput(value);
}

/**
 * Collects every problem of one construct's input, so that a user sees all of them at once, each as
 * `[construct/path] <subject> <value> is invalid: <requirement>. <fix>`.
 */
export class InputProblems {
  private readonly messages: string[] = [];
  private readonly planChecks: Precondition[] = [];
  constructor(private readonly scope: IConstruct) {}

  /**
   * Records a rule that only Terraform can check (a value is a token): the construct puts it on its resource as a
   * `lifecycle.precondition`, so that `terraform plan` fails with the same kind of message.
   */
  public checkAtPlan(condition: unknown, message: string): this {
    this.planChecks.push({ condition, errorMessage: `[${this.scope.node.path}] ${withoutTokenMarkers(message)}` });
    return this;
  }

  /** The plan-time checks recorded with {@link checkAtPlan}. */
  public get preconditions(): readonly Precondition[] {
    return this.planChecks;
  }

  /** Checks one value; `undefined` (not given) is skipped unless the rule is `required`; tokens are skipped. */
  public check<T>(subject: string, value: T | undefined, rule: ValueRule<T>): this {
    if (value === undefined) {
      if (rule.required) this.messages.push(`${subject} is missing: give ${rule.requirement}.`);
      return this;
    }
    if (isUnresolved(value)) return this;
    if (!rule.test(value)) {
      const fix = rule.fix?.(value);
      this.messages.push(`${subject} ${describe(value)} is invalid: ${rule.requirement}.${fix ? ` ${fix}` : ''}`);
    }
    return this;
  }

  /** Checks each element of a list with the same rule, naming the element by its index. */
  public checkEach<T>(subject: string, values: readonly T[] | undefined, rule: ValueRule<T>): this {
    // A list token (Token.asList, e.g. a variable's listValue) is one encoded element: only Terraform knows it.
    if (values === undefined || isUnresolved(values)) return this;
    if (!Array.isArray(values)) {
      this.messages.push(`${subject} ${describe(values)} is invalid: a list (array), each entry ${rule.requirement}.`);
      return this;
    }
    values.forEach((value, index) => this.check(`${subject}[${index}]`, value, rule));
    return this;
  }

  /** Records a problem that is not a single-value rule (e.g. two props that contradict each other). */
  public add(message: string): this {
    this.messages.push(message);
    return this;
  }

  public get isEmpty(): boolean {
    return this.messages.length === 0;
  }

  /** The problems, each prefixed with the construct path; a token in a message reads as a value known only at apply. */
  public get all(): string[] {
    return this.messages.map((message) => `[${this.scope.node.path}] ${withoutTokenMarkers(message)}`);
  }

  public throwIfAny(): void {
    if (this.isEmpty) return;
    throw new HealthDataValidationError(this.all);
  }
}

/** Throws one problem for a construct right away. */
export function fail(scope: IConstruct, message: string): never {
  throw new HealthDataValidationError([`[${scope.node.path}] ${withoutTokenMarkers(message)}`]);
}

/**
 * The props (or attributes) object of a construct; `null` or a non-object from JavaScript fails with the shape to
 * pass instead of a TypeError from inside the library.
 */
export function propsObject<T>(scope: IConstruct, subject: string, props: T, shape: string): T {
  if (typeof props !== 'object' || props === null || Array.isArray(props)) {
    fail(scope, `${subject} ${props === null ? 'null' : Array.isArray(props) ? 'an array' : typeof props} is invalid: an object ${shape}.`);
  }
  return props;
}
