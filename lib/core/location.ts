import type { IConstruct } from 'constructs';
import { describeInput } from './describe';
import { Fn, Op } from './platform/cdktf';
import type { Precondition } from './platform/cdktf';
import { ADDITIONAL_LOCATIONS_CONTEXT, isKnownLocation, MAX_LOCATION_LENGTH, nearestLocation, normalizeLocation } from './regions';
import { InputProblems, isUnresolved } from './validation';

/**
 * Checks a region name against the catalogue and returns it normalized ("East US" → "eastus"); a token is
 * returned as it is. An unknown name adds a problem that suggests the nearest known region and the escape hatch.
 */
export function checkLocation(scope: IConstruct, problems: InputProblems, subject: string, location: string): string {
  if (isUnresolved(location)) return location;
  if (typeof location !== 'string' || location.trim() === '') {
    problems.add(`${subject} ${describeInput(location)} is invalid: an Azure region name such as "eastus" is required.`);
    return location;
  }
  if (!isKnownLocation(scope, location)) {
    const nearest = nearestLocation(location);
    problems.add(
      `${subject} ${describeInput(location)} is invalid: not a known Azure region.${nearest === undefined ? '' : ` Did you mean "${nearest}"?`} ` +
        `If the region is newer than this library, list it in the context key "${ADDITIONAL_LOCATIONS_CONTEXT}".`,
    );
  }
  return location.length > MAX_LOCATION_LENGTH ? location : normalizeLocation(location);
}

/** Where a child resource is, and the plan-time check that stands in for a synth-time one on tokens. */
export interface InheritedLocation {
  /** The location to put on the resource. */
  readonly location: string;
  /** Present when the explicit and the parent location can only be compared by Terraform. */
  readonly precondition?: Precondition;
}

/**
 * A child resource is in its parent's region. Without an explicit location it inherits the parent's; an explicit
 * one must be the same region (compared the way Azure compares) — a synth error when both are known, a
 * `lifecycle.precondition` with the same message when either is a token.
 */
export function inheritLocation(
  scope: IConstruct,
  problems: InputProblems,
  subject: string,
  explicit: string | undefined,
  parent: { readonly location: string; readonly description: string },
): InheritedLocation {
  if (explicit === undefined) return { location: parent.location };
  const location = checkLocation(scope, problems, subject, explicit);
  const rule = `a service is in its ${parent.description}'s region (Azure compares regions case-insensitively without spaces)`;
  if (isUnresolved(explicit) || isUnresolved(parent.location)) {
    return {
      location,
      precondition: {
        condition: Op.eq(comparable(explicit), comparable(parent.location)),
        errorMessage: `[${scope.node.path}] ${subject} must equal the ${parent.description}'s location: ${rule}. Remove the location to inherit it.`,
      },
    };
  }
  if (location !== normalizeLocation(parent.location)) {
    problems.add(
      `${subject} "${explicit}" is invalid: ${rule}, and the ${parent.description} is in "${parent.location}". Remove the location to inherit it, or use "${parent.location}".`,
    );
  }
  return { location };
}

function comparable(location: string): string {
  return Fn.lower(Fn.replace(location, ' ', ''));
}
