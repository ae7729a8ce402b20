import { IConstruct } from 'constructs';
import type { IWorkspace } from '../workspace';
import { fail } from './validation';

const WORKSPACE_SYMBOL = Symbol.for('cdktf-azure-health-data-services.Workspace');

function isWorkspace(candidate: unknown): candidate is IWorkspace {
  return typeof candidate === 'object' && candidate !== null && (candidate as { [WORKSPACE_SYMBOL]?: boolean })[WORKSPACE_SYMBOL] === true;
}

/** Marks a construct as a workspace, so that services find it among their ancestors. */
export function markAsWorkspace(workspace: IConstruct): void {
  Object.defineProperty(workspace, WORKSPACE_SYMBOL, { value: true });
}

/** True for workspaces, defined here or imported. */
export { isWorkspace };

/**
 * The workspace a service belongs to: the nearest workspace among its ancestors, or the `workspace` prop. Neither,
 * or two different ones, fails.
 */
export function findWorkspace(service: IConstruct, label: string, explicit: IWorkspace | undefined): IWorkspace {
  const ancestor = [...service.node.scopes].reverse().find(isWorkspace);
  if (explicit !== undefined && !isWorkspace(explicit)) {
    fail(service, `${label} workspace is not a Workspace: pass a Workspace or the result of Workspace.fromWorkspaceAttributes().`);
  }
  if (ancestor && explicit && ancestor !== explicit) {
    fail(
      service,
      `${label} belongs to two workspaces: it is defined inside ${ancestor.node.path} but its workspace prop is ${explicit.node.path}. ` +
        'A service belongs to exactly one workspace: define it inside that workspace, or outside any workspace with the workspace prop.',
    );
  }
  const workspace = explicit ?? ancestor;
  if (!workspace) {
    fail(service, `${label} has no workspace: define it inside a Workspace (e.g. workspace.add${label}(...)) or pass the workspace prop.`);
  }
  return workspace;
}
