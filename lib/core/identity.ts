import { Fn, Op } from './platform/cdktf';
import { USER_ASSIGNED_IDENTITY_ID_RULE } from './names';
import { InputProblems, isUnresolved, objectRule } from './validation';

/** The kinds of managed identity a Health Data Services resource can have. */
export enum ManagedIdentityType {
  /** An identity Azure creates with the service and deletes with it. */
  SYSTEM_ASSIGNED = 'SystemAssigned',
  /** One or more user-assigned identities, given in `identityIds`. */
  USER_ASSIGNED = 'UserAssigned',
  /** Both (DICOM only). */
  SYSTEM_ASSIGNED_USER_ASSIGNED = 'SystemAssigned, UserAssigned',
}

/** A managed identity for a service. */
export interface ManagedIdentityOptions {
  /** The kind of identity. */
  readonly type: ManagedIdentityType;
  /**
   * Resource ids of user-assigned identities (`/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/{name}`).
   * Only with a user-assigned type, and required there.
   * @default - none
   */
  readonly identityIds?: string[];
}

/** True when the identity includes a user-assigned one. */
export function hasUserAssigned(identity: ManagedIdentityOptions | undefined): boolean {
  return identity?.type === ManagedIdentityType.USER_ASSIGNED || identity?.type === ManagedIdentityType.SYSTEM_ASSIGNED_USER_ASSIGNED;
}

/** True when the identity includes a system-assigned one. */
export function hasSystemAssigned(identity: ManagedIdentityOptions | undefined): boolean {
  return identity?.type === ManagedIdentityType.SYSTEM_ASSIGNED || identity?.type === ManagedIdentityType.SYSTEM_ASSIGNED_USER_ASSIGNED;
}

const IDENTITY_OBJECT = objectRule('an object { type, identityIds? }');

/** Checks an identity against the types the resource supports and the provider's identity_ids rules. */
export function checkIdentity(
  problems: InputProblems,
  subject: string,
  identity: ManagedIdentityOptions | undefined,
  allowed: readonly ManagedIdentityType[],
): void {
  if (identity === undefined || isUnresolved(identity)) return;
  if (!IDENTITY_OBJECT.test(identity)) {
    problems.check(subject, identity as unknown, IDENTITY_OBJECT);
    return;
  }
  problems.check(`${subject}.type`, identity.type as string, {
    requirement: `one of ${allowed.map((type) => `"${type}"`).join(', ')} for this service`,
    test: (value) => (allowed as readonly string[]).includes(value),
    fix: (value) => {
      const match = allowed.find((type) => type.replace(/ /g, '').toLowerCase() === String(value).replace(/ /g, '').toLowerCase());
      return match ? `Use ManagedIdentityType.${Object.entries(ManagedIdentityType).find(([, v]) => v === match)![0]} ("${match}").` : undefined;
    },
  });
  // null is "not given", like undefined; a value that is not a list is reported by checkEach below.
  const ids = identity.identityIds ?? undefined;
  if (isUnresolved(identity.type)) {
    checkIdentityAtPlan(problems, subject, identity.type, ids, allowed);
    problems.checkEach(`${subject}.identityIds`, ids, USER_ASSIGNED_IDENTITY_ID_RULE);
    return;
  }
  if (ids !== undefined && !isUnresolved(ids) && (!Array.isArray(ids) || ids.length > 0) && !hasUserAssigned(identity)) {
    problems.add(
      `${subject}.identityIds can only be given with a user-assigned type, but type is "${identity.type}". Use type UserAssigned, or drop identityIds.`,
    );
  }
  if (hasUserAssigned(identity) && (ids === undefined || (Array.isArray(ids) && !isUnresolved(ids) && ids.length === 0))) {
    problems.add(
      `${subject} type "${identity.type}" needs at least one identityIds entry (the user-assigned identity's resource id); Azure rejects it otherwise.`,
    );
  }
  problems.checkEach(`${subject}.identityIds`, ids, USER_ASSIGNED_IDENTITY_ID_RULE);
}

const USER_ASSIGNED_TYPES: readonly string[] = [ManagedIdentityType.USER_ASSIGNED, ManagedIdentityType.SYSTEM_ASSIGNED_USER_ASSIGNED];

/**
 * A token identity type: the type rule and the identityIds rules still matter, so `terraform plan` checks them. The
 * ids may be literal or a token list; Terraform counts them either way.
 */
function checkIdentityAtPlan(
  problems: InputProblems,
  subject: string,
  type: string,
  ids: readonly string[] | undefined,
  allowed: readonly ManagedIdentityType[],
): void {
  const count = Fn.lengthOf(ids === undefined || !Array.isArray(ids) ? [] : ids);
  const userAssigned = Fn.contains([...USER_ASSIGNED_TYPES], type);
  problems.checkAtPlan(
    // Operators only (each is parenthesized when rendered; a conditional is not), and no literal 0: cdktf drops it.
    Op.and(Fn.contains([...allowed], type), Op.or(Op.and(userAssigned, Op.gte(count, 1)), Op.and(Op.not(userAssigned), Op.lt(count, 1)))),
    `${subject} is invalid: type must be one of ${allowed.map((t) => `"${t}"`).join(', ')} for this service, and identityIds are given with a user-assigned ` +
      'type (at least one) and only with it. Set identityIds to match the type.',
  );
}
