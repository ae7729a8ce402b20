import { TerraformStack } from 'cdktf';
import * as fc from 'fast-check';
import { Workspace } from '../../lib';
import { DEVICE_MAPPING } from '../adversarial/corpus';
import { accepts, candidates, DESIGN_RULES, VALID } from './support';

/**
 * Valid names are never rejected and invalid ones always are, for every name the constructs check. Valid names
 * are generated from each rule's alphabet and lengths; the accept/reject oracle is DESIGN.md §3's rule, written out
 * in support.ts (not the library's own regular expressions).
 */
const RUNS = { numRuns: 100 };

const workspaceNamed = (name: string) => (stack: TerraformStack) =>
  void new Workspace(stack, 'Health', { name, location: 'eastus', resourceGroupName: 'rg-health' });
const inResourceGroup = (resourceGroupName: string) => (stack: TerraformStack) =>
  void new Workspace(stack, 'Health', { name: 'health', location: 'eastus', resourceGroupName });
const serviceNamed = (kind: 'fhir' | 'dicom' | 'medtech', name: string) => (stack: TerraformStack) => {
  const workspace = new Workspace(stack, 'Health', { name: 'health', location: 'eastus', resourceGroupName: 'rg' });
  if (kind === 'fhir') workspace.addFhirService('Service', { name });
  else if (kind === 'dicom') workspace.addDicomService('Service', { name });
  else workspace.addMedTechService('Service', { name, eventHub: EVENT_HUB, deviceMapping: DEVICE_MAPPING });
};
const EVENT_HUB = { namespaceName: 'contoso-devices', eventHubName: 'telemetry', consumerGroupName: 'medtech' };
const readingFrom = (eventHub: Partial<typeof EVENT_HUB>) => (stack: TerraformStack) =>
  void new Workspace(stack, 'Health', { name: 'health', location: 'eastus', resourceGroupName: 'rg' }).addMedTechService('Devices', {
    name: 'devices',
    eventHub: { ...EVENT_HUB, ...eventHub },
    deviceMapping: DEVICE_MAPPING,
  });

describe('names: valid ones are never rejected', () => {
  test('workspace names', () =>
    fc.assert(
      fc.property(VALID.workspace, (name) => accepts(workspaceNamed(name))),
      RUNS,
    ));
  test('resource group names', () =>
    fc.assert(
      fc.property(VALID.resourceGroup, (name) => accepts(inResourceGroup(name))),
      RUNS,
    ));
  test.each(['fhir', 'dicom', 'medtech'] as const)('%s service names', (kind) =>
    fc.assert(
      fc.property(VALID.service, (name) => accepts(serviceNamed(kind, name))),
      RUNS,
    ),
  );
  test('Event Hubs namespace, event hub and consumer group names', () =>
    fc.assert(
      fc.property(VALID.eventHubNamespace, VALID.eventHub, VALID.consumerGroup, (namespaceName, eventHubName, consumerGroupName) =>
        accepts(readingFrom({ namespaceName, eventHubName, consumerGroupName })),
      ),
      { numRuns: 60 },
    ));
  test('a valid name passes the real app.synth() too', () =>
    fc.assert(
      fc.property(VALID.workspace, VALID.service, (workspace, service) =>
        accepts(
          (stack) =>
            void new Workspace(stack, 'Health', { name: workspace, location: 'eastus', resourceGroupName: 'rg' }).addFhirService('Fhir', {
              name: service,
            }),
          true,
        ),
      ),
      { numRuns: 20 },
    ));
});

describe('names: the library accepts exactly what the design allows (invalid ones are always rejected)', () => {
  test('workspace names', () =>
    fc.assert(
      fc.property(candidates(VALID.workspace, 24), (name) => accepts(workspaceNamed(name)) === DESIGN_RULES.workspace(name)),
      { numRuns: 200 },
    ));
  test('resource group names', () =>
    fc.assert(
      fc.property(candidates(VALID.resourceGroup, 90), (name) => accepts(inResourceGroup(name)) === DESIGN_RULES.resourceGroup(name)),
      { numRuns: 200 },
    ));
  test.each(['fhir', 'dicom'] as const)('%s service names', (kind) =>
    fc.assert(
      fc.property(candidates(VALID.service, 24), (name) => accepts(serviceNamed(kind, name)) === DESIGN_RULES.service(name)),
      { numRuns: 200 },
    ),
  );
  test('MedTech service names', () =>
    fc.assert(
      fc.property(candidates(VALID.service, 24), (name) => accepts(serviceNamed('medtech', name)) === DESIGN_RULES.service(name)),
      { numRuns: 100 },
    ));
  test('Event Hubs namespace names', () =>
    fc.assert(
      fc.property(
        candidates(VALID.eventHubNamespace, 50),
        (namespaceName) => accepts(readingFrom({ namespaceName })) === DESIGN_RULES.eventHubNamespace(namespaceName),
      ),
      { numRuns: 100 },
    ));
  test('event hub names', () =>
    fc.assert(
      fc.property(candidates(VALID.eventHub, 256), (eventHubName) => accepts(readingFrom({ eventHubName })) === DESIGN_RULES.eventHub(eventHubName)),
      { numRuns: 100 },
    ));
  test('consumer group names ($Default included, which the provider rejects)', () =>
    fc.assert(
      fc.property(
        fc.oneof(candidates(VALID.consumerGroup, 50), fc.constant('$Default')),
        (consumerGroupName) => accepts(readingFrom({ consumerGroupName })) === DESIGN_RULES.consumerGroup(consumerGroupName),
      ),
      { numRuns: 100 },
    ));
});
