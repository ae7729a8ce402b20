import type { IConstruct } from 'constructs';
import type { TerraformResource } from '../platform/cdktf';
import type { ServiceKind } from '../kinds';
import type { Tags } from '../tags';

/**
 * What every workspace offers the services and features inside it, defined here or imported: its attributes and
 * tags. `Workspace` (and `Workspace.fromWorkspaceAttributes`) add the factories and the workspace-wide settings.
 */
export interface IWorkspaceRef extends IConstruct {
  /**
   * The workspace's Azure resource id.
   * @attribute
   */
  readonly workspaceId: string;
  /**
   * The workspace's name.
   * @attribute
   */
  readonly workspaceName: string;
  /**
   * The workspace's region, normalized the way Azure compares regions ("East US" → "eastus"). Every service in the
   * workspace is in this region.
   * @attribute
   */
  readonly location: string;
  /**
   * The resource group the workspace lives in.
   * @attribute
   */
  readonly resourceGroupName: string;
  /**
   * Tags every service in the workspace inherits (a service's own tags win per key).
   * @default - none
   */
  readonly tags?: Tags;
}

/** A FHIR, DICOM or MedTech service defined in this app: what the workspace-wide features need of it. */
export interface IHealthDataService extends IConstruct {
  /** What kind of service this is (FHIR, DICOM, MedTech), with the facts that differ between kinds. */
  readonly serviceKind: ServiceKind;
  /** The service's name (the Azure resource name). */
  readonly serviceName: string;
  /** The workspace the service belongs to. */
  readonly workspace: IWorkspaceRef;
  /** The service's primary provider resource, the construct's child `Resource`. */
  readonly resource: TerraformResource;
}
