import type { IConstruct } from 'constructs';
import type { IWorkspaceRef } from '../core/boundary';

/** A MedTech service, defined in this app. */
export interface IMedTechService extends IConstruct {
  /**
   * The service's Azure resource id.
   * @attribute
   */
  readonly medTechServiceId: string;
  /**
   * The service's name.
   * @attribute
   */
  readonly medTechServiceName: string;
  /** The workspace the service belongs to. */
  readonly workspace: IWorkspaceRef;
  /**
   * The service's region (the workspace's).
   * @attribute
   */
  readonly location: string;
  /**
   * The principal id of the service's system-assigned identity (a token), if it has one.
   * @attribute
   * @default - none: the service has a user-assigned identity
   */
  readonly identityPrincipalId?: string;
}
