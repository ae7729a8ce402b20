/**
 * An exception of the MedTech engine, with where it points in the mappings. Lower-level .NET exceptions
 * (`DotNetError`) become its causes, as the engine nests them (`AggregateException`, inner exceptions).
 */
import { DotNetError } from './dotnet-datetime';
import { MappingEvaluationError } from './evaluation-types';

export class ServiceError extends DotNetError {
  constructor(
    typeName: string,
    message: string,
    readonly path: string,
    readonly causes: readonly Error[] = [],
  ) {
    super(typeName, message);
  }
}

/** The message with its causes: `Unable to extract required value for [hr]: <cause>; <cause>`. */
export function describe(error: Error): string {
  const causes = error instanceof ServiceError ? error.causes : error instanceof DotNetError && error.inner !== undefined ? [error.inner] : [];
  if (causes.length === 0) return error.message;
  return `${error.message.replace(/\.$/, '')}: ${causes.map(describe).join('; ')}`;
}

/**
 * The public form of anything the evaluation threw. Errors that are neither the engine's nor .NET's would be bugs
 * of this evaluator; they are reported (with the type "EvaluatorError") rather than thrown.
 */
export function toEvaluationError(error: unknown, path: string, measurementIndex?: number): MappingEvaluationError {
  const located = error instanceof ServiceError ? error.path : path;
  const errorType = error instanceof DotNetError ? error.typeName : error instanceof RangeError ? 'StackOverflow' : 'EvaluatorError';
  const message = error instanceof Error ? describe(error) : String(error);
  return measurementIndex === undefined ? { path: located, errorType, message } : { path: located, errorType, message, measurementIndex };
}
