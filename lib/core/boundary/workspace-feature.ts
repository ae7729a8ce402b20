import type { IHealthDataService } from './contracts';

/**
 * A workspace-wide setting (monitoring, network access, ...) that reaches every service of a workspace. The boundary
 * applies it to the services defined before the feature was added and to each one defined after.
 */
export interface IWorkspaceFeature {
  /** Applies the feature to one service of the workspace, once. */
  applyToService(service: IHealthDataService): void;
}
