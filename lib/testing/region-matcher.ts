import type { IConstruct } from 'constructs';
import { TerraformElement, TerraformStack, Testing } from '../core/platform/cdktf';
import { AppModel } from '../compliance/model/app-model';
import { isExpression, sameRegion } from '../compliance/model/terraform-values';
import { WorkspaceBoundary } from '../core/boundary';
import type { IHealthDataService, IWorkspaceRef } from '../core/boundary';
import { resolveIn } from '../core/resolve';
import { HealthDataValidationError } from '../core/validation';
import { describe } from './compliance-matcher';
import type { MatcherContext, MatcherResult } from './matcher-result';

/**
 * `expect(service).toBeInWorkspaceRegion(workspace)`: the service's synthesized `location` is the workspace's, compared
 * the way Azure does (case-insensitive, without spaces). References are followed (a resource group's `location`);
 * a location only Terraform knows passes only when both sides are the same expression.
 */
export function toBeInWorkspaceRegion(this: MatcherContext | void, received: unknown, workspace: IWorkspaceRef): MatcherResult {
  if (!isHealthDataService(received)) {
    throw new HealthDataValidationError([
      `[toBeInWorkspaceRegion] received ${describe(received)} is invalid: a FhirService, DicomService or MedTechService.`,
    ]);
  }
  if (!WorkspaceBoundary.isWorkspace(workspace)) {
    throw new HealthDataValidationError([
      `[toBeInWorkspaceRegion] workspace ${describe(workspace)} is invalid: a Workspace or an imported workspace (Workspace.fromWorkspaceAttributes).`,
    ]);
  }
  const service = received;
  Testing.synth(TerraformStack.of(service));
  if (TerraformStack.of(workspace) !== TerraformStack.of(service)) Testing.synth(TerraformStack.of(workspace));
  const model = new AppModel(service.node.root);
  const serviceLocation = locationOf(model, service);
  const workspaceLocation = locationOf(model, workspace) ?? literalOrExpression(workspace, workspace.location);
  const pass =
    serviceLocation !== undefined &&
    workspaceLocation !== undefined &&
    (isExpression(serviceLocation) || isExpression(workspaceLocation)
      ? serviceLocation === workspaceLocation
      : sameRegion(serviceLocation, workspaceLocation));
  const shown = (value: string | undefined): string =>
    value === undefined ? 'no location' : isExpression(value) ? `${value} (known only when Terraform runs)` : JSON.stringify(value);
  return {
    pass,
    message: () =>
      `expected ${service.node.path} ${pass ? 'not ' : ''}to be in the region of workspace ${workspace.node.path}: the service is in ${shown(serviceLocation)}, the workspace in ${shown(workspaceLocation)}.`,
  };
}

/** A service defined in this app (FHIR, DICOM, MedTech): it has a kind and joined a workspace. */
function isHealthDataService(candidate: unknown): candidate is IHealthDataService {
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    'serviceKind' in candidate &&
    WorkspaceBoundary.isWorkspace((candidate as { workspace?: unknown }).workspace)
  );
}

/** The synthesized `location` of a construct's primary resource (its `Resource` child), references followed. */
function locationOf(model: AppModel, construct: IConstruct): string | undefined {
  const element = construct.node.tryFindChild('Resource');
  if (!element || !TerraformElement.isTerraformElement(element)) return undefined;
  const view = model.of(element);
  const known = model.valueOf(view, view.config.location);
  if (known.state === 'known') return typeof known.value === 'string' ? known.value : undefined;
  return known.state === 'unknown' ? known.expression : undefined;
}

/** An imported workspace's location as given: a literal, or the expression of a token. */
function literalOrExpression(scope: IConstruct, value: string): string | undefined {
  const resolved = resolveIn(scope, value);
  return typeof resolved === 'string' ? resolved : undefined;
}
