import { IConstruct } from 'constructs';

/**
 * Context key for the escape hatch: region names newer than the catalogue below, accepted as known.
 * Set it in `cdktf.json` (`"context": { "cdktf-azure-health-data-services:additionalLocations": ["newregion"] }`)
 * or with `app.node.setContext(...)`.
 */
export const ADDITIONAL_LOCATIONS_CONTEXT = 'cdktf-azure-health-data-services:additionalLocations';

/** Azure compares locations case-insensitively with spaces removed: "East US" is "eastus". */
export function normalizeLocation(location: string): string {
  return location.toLowerCase().replace(/ /g, '');
}

/**
 * Azure region names (normalized form), public cloud, Azure Government and Azure China, as listed by
 * `az account list-locations` in 2026. Not every region offers Health Data Services; Azure reports that at deploy.
 */
const KNOWN_LOCATIONS: ReadonlySet<string> = new Set([
  // Americas
  'eastus',
  'eastus2',
  'centralus',
  'northcentralus',
  'southcentralus',
  'westcentralus',
  'westus',
  'westus2',
  'westus3',
  'canadacentral',
  'canadaeast',
  'brazilsouth',
  'brazilsoutheast',
  'mexicocentral',
  'chilecentral',
  'eastus2euap',
  'centraluseuap',
  // Europe
  'northeurope',
  'westeurope',
  'uksouth',
  'ukwest',
  'francecentral',
  'francesouth',
  'germanywestcentral',
  'germanynorth',
  'switzerlandnorth',
  'switzerlandwest',
  'norwayeast',
  'norwaywest',
  'swedencentral',
  'swedensouth',
  'polandcentral',
  'italynorth',
  'spaincentral',
  'austriaeast',
  'belgiumcentral',
  'denmarkeast',
  // Asia Pacific
  'eastasia',
  'southeastasia',
  'japaneast',
  'japanwest',
  'koreacentral',
  'koreasouth',
  'centralindia',
  'southindia',
  'westindia',
  'jioindiacentral',
  'jioindiawest',
  'australiaeast',
  'australiasoutheast',
  'australiacentral',
  'australiacentral2',
  'newzealandnorth',
  'indonesiacentral',
  'malaysiawest',
  // Middle East and Africa
  'uaenorth',
  'uaecentral',
  'qatarcentral',
  'israelcentral',
  'southafricanorth',
  'southafricawest',
  'saudiarabiacentral',
  // Azure Government
  'usgovvirginia',
  'usgovarizona',
  'usgovtexas',
  'usdodcentral',
  'usdodeast',
  // Azure China (21Vianet)
  'chinaeast',
  'chinaeast2',
  'chinaeast3',
  'chinanorth',
  'chinanorth2',
  'chinanorth3',
]);

/**
 * Longer input (after dropping what is not a letter or digit) is no misspelt region name: the longest has 18
 * characters. No suggestion then, and no edit distance over megabytes of text.
 */
const MAX_SUGGESTION_INPUT = 40;

/** Text longer than this is no region name at all: it is not even normalized (that alone is slow on megabytes). */
export const MAX_LOCATION_LENGTH = 1000;

/** Levenshtein distance, or `limit` as soon as it cannot be below `limit` (work bounded by the short strings). */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Uint16Array.from({ length: b.length + 1 }, (_, i) => i);
  let current = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const deletion = previous[j] + 1;
      const insertion = current[j - 1] + 1;
      const substitution = previous[j - 1] + (code === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = deletion < insertion ? (deletion < substitution ? deletion : substitution) : insertion < substitution ? insertion : substitution;
    }
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length], limit);
}

/**
 * The known region closest to a misspelt one ("westeurpoe" → "westeurope", "west-europe" → "westeurope"); undefined for
 * text too long to be a misspelt region name.
 */
export function nearestLocation(location: string): string | undefined {
  if (location.length > MAX_LOCATION_LENGTH) return undefined;
  const wanted = normalizeLocation(location).replace(/[^a-z0-9]/g, '');
  if (wanted.length > MAX_SUGGESTION_INPUT) return undefined;
  let best = 'eastus';
  let bestDistance = Number.MAX_SAFE_INTEGER;
  for (const known of KNOWN_LOCATIONS) {
    const distance = editDistance(wanted, known, bestDistance);
    if (distance < bestDistance) {
      best = known;
      bestDistance = distance;
    }
  }
  return best;
}

function additionalLocations(scope: IConstruct): Set<string> {
  const value: unknown = scope.node.tryGetContext(ADDITIONAL_LOCATIONS_CONTEXT);
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return new Set(list.filter((item): item is string => typeof item === 'string').map((item) => normalizeLocation(item.trim())));
}

/** True for a known region or one the app accepted through {@link ADDITIONAL_LOCATIONS_CONTEXT}. */
export function isKnownLocation(scope: IConstruct, location: string): boolean {
  if (location.length > MAX_LOCATION_LENGTH) return false;
  const normalized = normalizeLocation(location);
  return KNOWN_LOCATIONS.has(normalized) || additionalLocations(scope).has(normalized);
}
