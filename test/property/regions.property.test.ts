import * as fc from 'fast-check';
import { normalizeLocation, Workspace } from '../../lib';
import { accepts, newStack } from './support';

/** Azure compares regions case-insensitively with spaces removed (DESIGN.md §3). */
const REGIONS: Array<[display: string, name: string]> = [
  ['East US', 'eastus'],
  ['East US 2', 'eastus2'],
  ['West Europe', 'westeurope'],
  ['North Europe', 'northeurope'],
  ['UK South', 'uksouth'],
  ['Central India', 'centralindia'],
  ['Australia East', 'australiaeast'],
  ['West US 2', 'westus2'],
  ['Sweden Central', 'swedencentral'],
  ['Japan East', 'japaneast'],
];

/** The same region spelt another way: each letter in random case, spaces added or dropped. */
const spelling = fc.tuple(fc.constantFrom(...REGIONS), fc.infiniteStream(fc.tuple(fc.boolean(), fc.nat(2)))).map(([[display, name], coins]) => {
  const iterator = coins[Symbol.iterator]();
  const text = [...display.replace(/ /g, '')]
    .map((c) => {
      const [upper, spaces] = iterator.next().value as [boolean, number];
      return (upper ? c.toUpperCase() : c.toLowerCase()) + ' '.repeat(spaces === 2 ? 1 : 0);
    })
    .join('');
  return { text, name };
});

describe('region normalization', () => {
  test('is idempotent on any string', () =>
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        (location) => normalizeLocation(normalizeLocation(location)) === normalizeLocation(location),
      ),
      { numRuns: 500 },
    ));

  test('maps every spelling of a region (case, spaces) to its name', () =>
    fc.assert(
      fc.property(spelling, ({ text, name }) => normalizeLocation(text) === name),
      { numRuns: 300 },
    ));

  test('a workspace accepts every spelling and keeps the normalized name; its services may spell it another way', () =>
    fc.assert(
      fc.property(spelling, spelling, (workspaceSpelling, serviceSpelling) => {
        if (workspaceSpelling.name !== serviceSpelling.name) return true;
        const { stack } = newStack();
        const workspace = new Workspace(stack, 'Health', { name: 'health', location: workspaceSpelling.text, resourceGroupName: 'rg' });
        const fhir = workspace.addFhirService('Patients', { name: 'patients', location: serviceSpelling.text });
        return workspace.location === workspaceSpelling.name && fhir.location === workspaceSpelling.name;
      }),
      { numRuns: 150 },
    ));

  test('a service in another region than its workspace is always rejected', () =>
    fc.assert(
      fc.property(spelling, spelling, (workspaceSpelling, serviceSpelling) => {
        fc.pre(workspaceSpelling.name !== serviceSpelling.name);
        return !accepts(
          (stack) =>
            void new Workspace(stack, 'Health', { name: 'health', location: workspaceSpelling.text, resourceGroupName: 'rg' }).addDicomService(
              'Images',
              {
                name: 'images',
                location: serviceSpelling.text,
              },
            ),
        );
      }),
      { numRuns: 100 },
    ));
});
