import type { IConstruct } from 'constructs';
import { fail } from '../validation';
import type { IWorkspaceRef } from './contracts';
import { WorkspaceBoundary } from './workspace-boundary';

/**
 * The workspace a service belongs to: the nearest workspace among its ancestors, or the `workspace` prop. Neither,
 * or two different ones, fails.
 */
export function findWorkspace(service: IConstruct, label: string, explicit: IWorkspaceRef | undefined): IWorkspaceRef {
  const ancestor = [...service.node.scopes].reverse().find(WorkspaceBoundary.isWorkspace);
  if (explicit !== undefined && !WorkspaceBoundary.isWorkspace(explicit)) {
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

/** The boundary of a workspace the library made (every `IWorkspaceRef` that passed {@link findWorkspace} has one). */
export function boundaryOf(workspace: IWorkspaceRef): WorkspaceBoundary {
  const boundary = WorkspaceBoundary.of(workspace);
  if (!boundary) fail(workspace, 'is not a Workspace: pass a Workspace or the result of Workspace.fromWorkspaceAttributes().');
  return boundary;
}
