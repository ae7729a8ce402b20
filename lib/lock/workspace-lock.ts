import type { IConstruct } from 'constructs';
import { boundaryOf, WorkspaceBoundary } from '../core/boundary';
import type { IHealthDataService, IWorkspaceFeature, IWorkspaceRef } from '../core/boundary';
import { ManagementLock } from '../core/platform/azurerm';
import { Annotations, dependable, Lazy, TerraformStack } from '../core/platform/cdktf';
import { fail, InputProblems, ValueRule } from '../core/validation';
import { trimCharacters } from '../core/text';

/**
 * A management lock's level. Azure applies a lock on the workspace to every service in it.
 * - `CanNotDelete`: the workspace and its services can be changed but not deleted.
 * - `ReadOnly`: nothing in the workspace can be changed or deleted (Terraform updates fail too until it is removed).
 */
export type LockLevel = 'CanNotDelete' | 'ReadOnly';

const LOCK_LEVELS: readonly LockLevel[] = ['CanNotDelete', 'ReadOnly'];

/** A workspace lock with its name and notes (`lock: { level, name?, notes? }`). */
export interface WorkspaceLockOptions {
  /** `CanNotDelete` or `ReadOnly`. */
  readonly level: LockLevel;
  /**
   * The lock's name: 1-259 letters, digits, '-' or '_'. Changing it replaces the lock.
   * @default "lock-{workspace name}"
   */
  readonly name?: string;
  /**
   * The lock's notes (at most 512 characters), shown to whoever is refused.
   * @default - what the level protects, e.g. "Cannot delete the Health Data Services workspace or the services in it (protected health information)."
   */
  readonly notes?: string;
}

/** The provider's lock name rule (`ManagementLockName`: letters, digits, '-', '_', under 260 characters), anchored. */
const LOCK_NAME_RULE: ValueRule<string> = {
  requirement: "1-259 letters, digits, '-' or '_'",
  test: (value) => typeof value === 'string' && /^[A-Za-z0-9_-]{1,259}$/.test(value),
  fix: (value) => {
    const repaired = trimCharacters(String(value).replace(/[^A-Za-z0-9_-]+/g, '-'), '-').slice(0, 259);
    return repaired.length > 0 ? `Use e.g. "${repaired}".` : undefined;
  },
};

/** The provider's notes rule (at most 512 characters). */
const LOCK_NOTES_RULE: ValueRule<string> = {
  requirement: 'at most 512 characters',
  test: (value) => typeof value === 'string' && value.length <= 512,
};

const LOCK_OBJECT_RULE: ValueRule<unknown> = {
  requirement: 'a lock level ("CanNotDelete" or "ReadOnly") or an object { level, name?, notes? }',
  test: (value) => typeof value === 'string' || (typeof value === 'object' && value !== null && !Array.isArray(value)),
};

const LOCK_LEVEL_RULE: ValueRule<string> = {
  requirement: `one of ${LOCK_LEVELS.map((level) => `"${level}"`).join(', ')}`,
  test: (value) => (LOCK_LEVELS as readonly string[]).includes(value),
  fix: (value) => {
    const match = LOCK_LEVELS.find(
      (level) =>
        level.toLowerCase() ===
        String(value)
          .replace(/[^a-z]/gi, '')
          .toLowerCase(),
    );
    return match ? `Use "${match}".` : undefined;
  },
};

const NOTES: Record<LockLevel, string> = {
  CanNotDelete: 'Cannot delete the Health Data Services workspace or the services in it (protected health information).',
  ReadOnly: 'Cannot change or delete the Health Data Services workspace or the services in it (protected health information).',
};

/** The construct id of the lock under its workspace (construct ids are API: renaming replaces the lock). */
export const LOCK_ID = 'Lock';

/**
 * The management lock of a workspace (`azurerm_management_lock`, construct id `Lock`). Terraform creates it after
 * everything inside the workspace boundary — every provider resource under the workspace, under each of its services
 * (diagnostic settings, role assignments, the MedTech FHIR destination, ...) and under each member such as a private
 * endpoint — so that a `ReadOnly` lock does not block the first deployment, and removes it first on destroy. The
 * list is computed at synthesis from the boundary, so nothing added later can be missed.
 */
export class WorkspaceLock implements IWorkspaceFeature {
  /** Puts a lock on the workspace: a level, or a level with the lock's name and notes. A workspace takes one lock. */
  public static lock(workspace: IWorkspaceRef, lock: LockLevel | WorkspaceLockOptions): ManagementLock {
    const problems = new InputProblems(workspace).check('Workspace lock', lock as unknown, LOCK_OBJECT_RULE);
    problems.throwIfAny();
    const options: WorkspaceLockOptions = typeof lock === 'string' ? { level: lock } : lock;
    const subject = typeof lock === 'string' ? 'Workspace lock' : 'Workspace lock.level';
    problems
      .check(subject, options.level as string, { ...LOCK_LEVEL_RULE, required: true })
      .check('Workspace lock.name', options.name, LOCK_NAME_RULE)
      .check('Workspace lock.notes', options.notes, LOCK_NOTES_RULE)
      .throwIfAny();
    const boundary = boundaryOf(workspace);
    if (boundary.findFeature(WorkspaceLock)) fail(workspace, 'Workspace already has a lock: a workspace takes one lock.');
    return boundary.feature(WorkspaceLock).create(options);
  }

  constructor(private readonly boundary: WorkspaceBoundary) {}

  /** Nothing per service: the lock's ordering covers the whole boundary at synthesis. */
  public applyToService(_service: IHealthDataService): void {}

  private create(options: WorkspaceLockOptions): ManagementLock {
    const workspace = this.boundary.workspace;
    const level = options.level;
    const lock = new ManagementLock(workspace, LOCK_ID, {
      name: options.name ?? `lock-${workspace.workspaceName}`,
      scope: workspace.workspaceId,
      lockLevel: level,
      notes: options.notes ?? NOTES[level],
    });
    lock.dependsOn = Lazy.listValue({ produce: () => this.dependencies(lock) }, { omitEmpty: true });
    if (level === 'ReadOnly') {
      Annotations.of(workspace).addWarning(
        'Workspace lock is "ReadOnly": Azure then refuses every change inside the workspace, including the ones Terraform makes later ' +
          '(service settings, new services, role assignments, diagnostic settings). Use "CanNotDelete" unless the workspace must be frozen.',
      );
    }
    return lock;
  }

  /** Every resource inside the boundary in the lock's stack (`depends_on` cannot cross stacks), but the lock and the workspace it names. */
  private dependencies(lock: ManagementLock): string[] {
    const own = new Set<IConstruct | undefined>([lock, this.boundary.workspace.node.tryFindChild('Resource')]);
    return this.boundary
      .resourcesInside(TerraformStack.of(lock))
      .filter((resource) => !own.has(resource))
      .map((resource) => dependable(resource));
  }
}
