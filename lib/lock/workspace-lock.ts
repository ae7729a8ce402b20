import { ManagementLock } from '@cdktf/provider-azurerm/lib/management-lock';
import { Annotations, dependable, TerraformResource } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { primaryResourceOf, sameStack } from '../core/primary-resource';
import { fail, InputProblems, ValueRule } from '../core/validation';
import type { IWorkspace } from '../workspace';

/**
 * A management lock's level. Azure applies a lock on the workspace to every service in it.
 * - `CanNotDelete`: the workspace and its services can be changed but not deleted.
 * - `ReadOnly`: nothing in the workspace can be changed or deleted (Terraform updates fail too until it is removed).
 */
export type LockLevel = 'CanNotDelete' | 'ReadOnly';

const LOCK_LEVELS: readonly LockLevel[] = ['CanNotDelete', 'ReadOnly'];

const LOCK_LEVEL_RULE: ValueRule<string> = {
  requirement: `one of ${LOCK_LEVELS.map((level) => `"${level}"`).join(', ')}`,
  test: (value) => (LOCK_LEVELS as readonly string[]).includes(value),
  fix: (value) => {
    const match = LOCK_LEVELS.find((level) => level.toLowerCase() === String(value).replace(/[^a-z]/gi, '').toLowerCase());
    return match ? `Use "${match}".` : undefined;
  },
};

const NOTES: Record<LockLevel, string> = {
  CanNotDelete: 'Cannot delete the Health Data Services workspace or the services in it (protected health information).',
  ReadOnly: 'Cannot change or delete the Health Data Services workspace or the services in it (protected health information).',
};

/** The lock of each workspace, and what it must wait for. */
const locks = new WeakMap<IConstruct, ManagementLock>();

/**
 * Puts a management lock (`azurerm_management_lock`, construct id `Lock`) on the workspace. Azure applies it to
 * every service in the workspace. Terraform creates the lock after everything this library puts inside the
 * boundary (services, diagnostic settings, role assignments, private endpoints), so that a `ReadOnly` lock does not
 * block the first deployment, and removes it first on destroy.
 */
export function lockWorkspace(workspace: IWorkspace, level: LockLevel): ManagementLock {
  new InputProblems(workspace).check('Workspace lock', level as string, LOCK_LEVEL_RULE).throwIfAny();
  if (locks.has(workspace)) {
    fail(workspace, `Workspace already has a lock: a workspace takes one lock.`);
  }
  const lock = new ManagementLock(workspace as unknown as Construct, 'Lock', {
    name: `lock-${workspace.workspaceName}`,
    scope: workspace.workspaceId,
    lockLevel: level,
    notes: NOTES[level],
  });
  locks.set(workspace, lock);
  if (level === 'ReadOnly') {
    Annotations.of(workspace).addWarning(
      'Workspace lock is "ReadOnly": Azure then refuses every change inside the workspace, including the ones Terraform makes later ' +
        '(service settings, new services, role assignments, diagnostic settings). Use "CanNotDelete" unless the workspace must be frozen.',
    );
  }
  workspace.forEachService((service) => lockAfter(workspace, primaryResourceOf(service)));
  return lock;
}

/**
 * Orders the workspace's lock (if it has one) after a resource inside the workspace boundary. Resources of another
 * stack are skipped: `depends_on` cannot cross stacks.
 */
export function lockAfter(workspace: IWorkspace, resource: TerraformResource): void {
  const lock = locks.get(workspace);
  if (!lock || !sameStack(lock, resource)) return;
  const reference = dependable(resource);
  const current = lock.dependsOn ?? [];
  if (!current.includes(reference)) lock.dependsOn = [...current, reference];
}
