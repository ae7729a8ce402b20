import { App, TerraformStack } from 'cdktf';
import * as fc from 'fast-check';
import { HealthDataValidationError, Workspace } from '../../lib';
import { principalKey } from '../../lib/access/principal-key';
import { ORIGIN_PATTERN } from '../../lib/core/cors';
import { resourceIdRule, RESOURCE_GROUP_NAME_RULE, SERVICE_NAME_RULE } from '../../lib/core/names';
import { trimCharacters } from '../../lib/core/text';

/**
 * The regexes rewritten to run in linear time accept exactly what the old ones accepted. The old patterns are kept
 * here (and only here) as the oracle; the corpora are small enough for them to finish.
 */

// The CORS origin rule before the rewrite: Azure's pattern, exponential on a failing host.
const OLD_ORIGIN = /^(?:[hH][tT][tT][pP][sS]?:\/\/(?:[a-zA-Z0-9-]+[.]?)+(?::[0-9]{1,5})?|\*)$/;

describe('CORS origin pattern', () => {
  test('accepts and rejects exactly what the old pattern did, on every short host over a small alphabet', () => {
    const prefixes = ['http://', 'https://', 'HTTP://', 'hTtPs://', 'httpss://', 'ftp://', 'http:/', 'https//', ''];
    const suffixes = ['', ':1', ':65535', ':123456', ':', ':a', '/', '/path', '.', ' ', '\n', '?q'];
    const alphabet = ['a', 'Z', '9', '-', '.', '_'];
    const hosts = stringsUpTo(alphabet, 5);
    let compared = 0;
    const differing: string[] = [];
    for (const prefix of prefixes) {
      for (const host of hosts) {
        for (const suffix of suffixes) {
          const origin = `${prefix}${host}${suffix}`;
          compared++;
          if (OLD_ORIGIN.test(origin) !== ORIGIN_PATTERN.test(origin)) differing.push(origin);
        }
      }
    }
    for (const origin of ['*', '**', ' *', '* ', 'https://*', 'https://clinicianportal.northwindhealth.org', 'https://a.b.c.:443', 'https://..a']) {
      compared++;
      if (OLD_ORIGIN.test(origin) !== ORIGIN_PATTERN.test(origin)) differing.push(origin);
    }
    expect(compared).toBeGreaterThan(500_000);
    expect(differing).toEqual([]);
  });

  test('agrees with the old pattern on random origins', () => {
    const host = fc.string({ unit: fc.constantFrom('a', 'b', '1', '-', '.', '.', ':', '/', '_', 'é'), maxLength: 12 });
    fc.assert(
      fc.property(
        fc.constantFrom('http://', 'https://', 'Https://', ''),
        host,
        fc.constantFrom('', ':8080', ':0', ':999999', '/'),
        (prefix, name, suffix) => {
          const origin = `${prefix}${name}${suffix}`;
          expect(ORIGIN_PATTERN.test(origin)).toBe(OLD_ORIGIN.test(origin));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  test("the issue's example fails at once with the fix, for FHIR and DICOM alike", () => {
    for (const kind of ['fhir', 'dicom'] as const) {
      const started = performance.now();
      const error = constructError((workspace) => {
        const cors = { allowedOrigins: ['https://clinicianportal.northwindhealth.org/'], allowedHeaders: ['*'], allowedMethods: ['GET' as const] };
        if (kind === 'fhir') workspace.addFhirService('Fhir', { name: 'records', cors });
        else workspace.addDicomService('Dicom', { name: 'images', cors });
      });
      expect(performance.now() - started).toBeLessThan(1000);
      expect(error.message).toContain('allowedOrigins[0] "https://clinicianportal.northwindhealth.org/" is invalid');
      expect(error.message).toContain('Use "https://clinicianportal.northwindhealth.org".');
    }
  });

  test('hostile origins of 100,000 characters are rejected in well under a second', () => {
    const hostile = [
      `https://${'a'.repeat(100_000)}/`,
      `https://${'a.'.repeat(50_000)}-/`,
      `HTTP://-${'S'.repeat(100_000)}\u0000`,
      `https://${'a'.repeat(100_000)}:1234567`,
    ];
    for (const origin of hostile) {
      const started = performance.now();
      expect(ORIGIN_PATTERN.test(origin)).toBe(false);
      expect(performance.now() - started).toBeLessThan(200);
    }
    const started = performance.now();
    const error = constructError((workspace) => {
      workspace.addFhirService('Fhir', { name: 'records', cors: { allowedOrigins: hostile, allowedHeaders: ['*'], allowedMethods: ['GET'] } });
    });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error.message).toContain('allowedOrigins[3]');
  });
});

describe('resource id rules (matched by segments instead of a RegExp built at run time)', () => {
  const providerPatterns = [
    'Microsoft\\.ManagedIdentity/userAssignedIdentities/[^/]+',
    'Microsoft\\.Network/virtualNetworks/[^/]+/subnets/[^/]+',
    'Microsoft\\.Network/privateDnsZones/[^/]+',
    'Microsoft\\.EventHub/namespaces/[^/]+/authorizationRules/[^/]+',
    'Microsoft\\.HealthcareApis/workspaces/[^/]+',
  ];
  const parts = fc.constantFrom(
    '',
    'subscriptions',
    'resourceGroups',
    'providers',
    'Microsoft.Network',
    'MicrosoftxNetwork',
    'microsoft.network',
    'virtualNetworks',
    'subnets',
    'privateDnsZones',
    'Microsoft.ManagedIdentity',
    'userAssignedIdentities',
    'Microsoft.EventHub',
    'namespaces',
    'authorizationRules',
    'Microsoft.HealthcareApis',
    'workspaces',
    'x',
    'rg-1',
    'a b',
    'é',
    'line\nbreak',
  );
  const id = fc
    .tuple(fc.boolean(), fc.array(parts, { maxLength: 11 }), fc.boolean())
    .map(([lead, segments, trail]) => `${lead ? '/' : ''}${segments.join('/')}${trail ? '/' : ''}`);

  test.each(providerPatterns)('%s agrees with the old RegExp on random ids', (pattern) => {
    const old = new RegExp(`^/?subscriptions/[^/]+/resourceGroups/[^/]+/providers/${pattern}$`);
    const rule = resourceIdRule('thing', pattern);
    const valid = `/subscriptions/0/resourceGroups/rg/providers/${pattern.replace(/\\\./g, '.').replace(/\[\^\/\]\+/g, 'name')}`;
    expect(rule.test(valid)).toBe(true);
    expect(rule.test(valid.slice(1))).toBe(true);
    expect(rule.test(`${valid}/`)).toBe(false);
    expect(rule.test(valid.replace('/rg/', '//'))).toBe(false);
    fc.assert(
      fc.property(id, (candidate) => expect(rule.test(candidate)).toBe(old.test(candidate))),
      { numRuns: 5_000 },
    );
    // The valid shape with each segment mutated, which random ids rarely reach.
    const segments = valid.split('/');
    segments.forEach((_, i) => {
      for (const replacement of ['', 'x', `${segments[i]}x`, segments[i].toUpperCase()]) {
        const mutated = [...segments.slice(0, i), replacement, ...segments.slice(i + 1)].join('/');
        expect(rule.test(mutated)).toBe(old.test(mutated));
      }
    });
  });

  test('a segment written with other regex syntax is refused when the rule is defined', () => {
    expect(() => resourceIdRule('thing', 'Microsoft\\.Thing/things/[a-z]+')).toThrow(/unsupported pattern segment/);
  });
});

describe('trimming without trailing-run regexes', () => {
  const text = fc.string({ unit: fc.constantFrom('-', '_', '.', 'a', 'B', '0', ' ', '(', 'é'), maxLength: 14 });

  test('trimCharacters equals the old regexes', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(trimCharacters(value, '-')).toBe(value.replace(/^-+|-+$/g, ''));
        expect(trimCharacters(value, '-', 'end')).toBe(value.replace(/-+$/, ''));
        expect(trimCharacters(value, '.', 'end')).toBe(value.replace(/\.+$/, ''));
        expect(trimCharacters(value, '-.', 'end')).toBe(value.replace(/[-.]+$/, ''));
        expect(trimCharacters(value, '_')).toBe(value.replace(/^_+|_+$/g, ''));
        expect(trimCharacters(value, '-', 'start')).toBe(value.replace(/^-+/, ''));
      }),
      { numRuns: 5_000 },
    );
  });

  test('the name repairs suggest what they suggested before', () => {
    const oldServiceRepair = (value: string): string =>
      value
        .replace(/[^-0-9a-zA-Z]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 24)
        .replace(/-+$/, '');
    const oldGroupRepair = (value: string): string =>
      value
        .replace(/[^-\w._()]+/g, '-')
        .slice(0, 90)
        .replace(/\.+$/, '');
    const suggestion = (candidate: string, pattern: RegExp): string | undefined => (pattern.test(candidate) ? `Use e.g. "${candidate}".` : undefined);
    const name = fc.string({ unit: fc.constantFrom('-', '_', '.', 'a', 'B', '0', ' ', '(', 'é', '$'), maxLength: 30 });
    fc.assert(
      fc.property(name, (value) => {
        expect(SERVICE_NAME_RULE.fix!(value)).toBe(suggestion(oldServiceRepair(value), /^[0-9a-zA-Z][-0-9a-zA-Z]{1,22}[0-9a-zA-Z]$/));
        const group = oldGroupRepair(value);
        expect(RESOURCE_GROUP_NAME_RULE.fix!(value)).toBe(group.length > 0 ? suggestion(group, /^[-\w._()]+$/) : undefined);
      }),
      { numRuns: 10_000 },
    );
  });

  test('principal keys are what they were', () => {
    const oldKey = (value: string): string =>
      value
        .toLowerCase()
        .replace(/[^A-Za-z0-9_.-]+/g, '_')
        .replace(/^_+|_+$/g, '') || 'principal';
    const scope = new TerraformStack(new App(), 'stack');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('_', '-', 'A', '0', ' ', '$', '.', 'é'), maxLength: 20 }), (value) =>
        expect(principalKey(scope, value)).toBe(oldKey(value)),
      ),
      { numRuns: 10_000 },
    );
  });

  test('private endpoint names: the suggested repair is what it was', () => {
    const pattern = /^[a-zA-Z0-9]([-a-zA-Z0-9_.]{0,78}[a-zA-Z0-9_])?$/;
    const oldRepair = (value: string): string =>
      value
        .replace(/[^-a-zA-Z0-9_.]+/g, '-')
        .replace(/^[^a-zA-Z0-9]+/, '')
        .slice(0, 80)
        .replace(/[-.]+$/, '');
    const subnetId = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s';
    for (const name of ['-pe-', 'pe..--', 'pe name.-.-', 'é-pe-.', '_pe_', `pe${'-'.repeat(90)}x`, 'pe$', '--']) {
      const repaired = oldRepair(name);
      const message = constructError((workspace) => workspace.addPrivateEndpoint('Endpoint', { subnetId, name })).message;
      if (pattern.test(repaired)) expect(message).toContain(`Use e.g. "${repaired}".`);
      else expect(message).not.toContain('Use e.g.');
    }
  });

  test('a long run of hyphens before a bad character is repaired in linear time', () => {
    const started = performance.now();
    SERVICE_NAME_RULE.fix!(`${'-'.repeat(100_000)}$`);
    RESOURCE_GROUP_NAME_RULE.fix!(`${'.'.repeat(100_000)}$`);
    trimCharacters(`${'-'.repeat(100_000)}a`, '-.', 'end');
    expect(performance.now() - started).toBeLessThan(200);
  });
});

function stringsUpTo(alphabet: readonly string[], maxLength: number): string[] {
  const all: string[] = [''];
  let layer = [''];
  for (let length = 1; length <= maxLength; length++) {
    layer = layer.flatMap((prefix) => alphabet.map((c) => prefix + c));
    all.push(...layer);
  }
  return all;
}

function constructError(build: (workspace: Workspace) => void): HealthDataValidationError {
  const stack = new TerraformStack(new App(), 'stack');
  const workspace = new Workspace(stack, 'Health', { name: 'health', location: 'eastus', resourceGroupName: 'rg-health' });
  try {
    build(workspace);
  } catch (error) {
    if (error instanceof HealthDataValidationError) return error;
    throw error;
  }
  throw new Error('expected a HealthDataValidationError');
}
