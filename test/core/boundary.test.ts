import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { DicomService, Workspace } from '../../lib';
import { WorkspaceBoundary } from '../../lib/core/boundary';
import type { IHealthDataService, IWorkspaceFeature } from '../../lib/core/boundary';
import { BASE_WORKSPACE } from '../boundary-fixtures';
import { newStack } from '../helpers';

class Recorder implements IWorkspaceFeature {
  public readonly seen: string[] = [];
  constructor(_boundary: WorkspaceBoundary) {}
  public applyToService(service: IHealthDataService): void {
    this.seen.push(service.serviceName);
  }
}

describe('the workspace boundary', () => {
  test('a feature reaches the services defined before it and after it, once each', () => {
    const stack = newStack(new App());
    const workspace = new Workspace(stack, 'Health', BASE_WORKSPACE);
    workspace.addFhirService('Patients', { name: 'patients' });
    const boundary = WorkspaceBoundary.of(workspace)!;
    const recorder = boundary.feature(Recorder);
    expect(boundary.feature(Recorder)).toBe(recorder);
    new DicomService(stack, 'Images', { name: 'images', workspace });
    expect(recorder.seen).toEqual(['patients', 'images']);
    expect(boundary.services.map((service) => service.serviceKind.label)).toEqual(['FhirService', 'DicomService']);
  });

  test('lists every provider resource inside it, of one stack: under the workspace, its services and its members', () => {
    const app = new App();
    const stack = newStack(app);
    const workspace = new Workspace(stack, 'Health', BASE_WORKSPACE);
    new DicomService(stack, 'Images', { name: 'images', workspace });
    new DicomService(newStack(app, 'other'), 'Remote', { name: 'remote', workspace });
    const member = new Construct(stack, 'Member');
    new TerraformStack(app, 'empty');
    WorkspaceBoundary.of(workspace)!.addMember(member);
    const inside = WorkspaceBoundary.of(workspace)!
      .resourcesInside(stack)
      .map((resource) => resource.node.path);
    expect(inside.sort()).toEqual(['stack/Health/Resource', 'stack/Images/Resource']);
  });

  test('names are unique per kind within the workspace, case-insensitively', () => {
    const workspace = new Workspace(newStack(new App()), 'Health', BASE_WORKSPACE);
    const boundary = WorkspaceBoundary.of(workspace)!;
    expect(boundary.claimName('FhirService', 'patients', workspace)).toBeUndefined();
    expect(boundary.claimName('DicomService', 'patients', workspace)).toBeUndefined();
    expect(boundary.claimName('FhirService', 'Patients', workspace)).toBe('stack/Health');
  });

  test('only workspaces have one', () => {
    const stack = newStack(new App());
    expect(WorkspaceBoundary.isWorkspace(new Workspace(stack, 'Health', BASE_WORKSPACE))).toBe(true);
    expect(WorkspaceBoundary.isWorkspace(stack)).toBe(false);
    expect(WorkspaceBoundary.isWorkspace(null)).toBe(false);
  });
});
