export type { IHealthDataService, IWorkspaceRef } from './contracts';
export type { IWorkspaceFeature } from './workspace-feature';
export { WorkspaceBoundary } from './workspace-boundary';
export { boundaryOf, findWorkspace } from './find-workspace';
