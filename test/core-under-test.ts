/**
 * Which core this jest run tests. `jest` (jest.config.js) runs the suite against cdktf; `npm run test:cdktn`
 * (jest.cdktn.config.js) runs the same files against CDK Terrain: its moduleNameMapper resolves every `cdktf` /
 * `@cdktf/provider-azurerm` import to cdktn, and it sets the global `AHDS_CORE`.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Core } from '../scripts/core-specifiers';
import { PACKAGE_BUILDS } from '../scripts/packages';

export const CORE: Core = (globalThis as { AHDS_CORE?: string }).AHDS_CORE === 'cdktn' ? 'cdktn' : 'cdktf';
export const BUILD = PACKAGE_BUILDS[CORE];
const ROOT = path.resolve(__dirname, '..');

function manifestOf(name: string): { version: string; cdktf?: { provider?: { version?: string } } } {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8'));
}

/** The installed versions this run synthesizes with: the core (`//.metadata.version`) and azurerm (`required_providers`). */
export const CORE_VERSIONS = {
  core: manifestOf(BUILD.corePackage).version,
  azurerm: manifestOf(BUILD.providerPackage).cdktf?.provider?.version ?? 'unknown',
};

export const CORE_VERSION_PLACEHOLDER = '<core version>';
export const AZURERM_VERSION_PLACEHOLDER = '<azurerm version>';

type Json = { [key: string]: any };

/**
 * A stack's JSON with the two fields that differ between the cores replaced by placeholders, so that both runs
 * compare against one snapshot. Each field must hold exactly this run's version first (else it throws): the
 * placeholder stands for a checked value, never for whatever was there.
 */
export function withCoreVersionsNormalized(stack: Json): Json {
  const copy = JSON.parse(JSON.stringify(stack)) as Json;
  const metadata = copy['//']?.metadata;
  if (metadata?.version !== CORE_VERSIONS.core) {
    throw new Error(`//.metadata.version is ${JSON.stringify(metadata?.version)}, expected ${CORE} ${CORE_VERSIONS.core}`);
  }
  metadata.version = CORE_VERSION_PLACEHOLDER;
  const azurerm = copy.terraform?.required_providers?.azurerm;
  if (azurerm !== undefined) {
    if (azurerm.version !== CORE_VERSIONS.azurerm) {
      throw new Error(
        `required_providers.azurerm.version is ${JSON.stringify(azurerm.version)}, expected ${CORE_VERSIONS.azurerm} (${BUILD.providerPackage})`,
      );
    }
    azurerm.version = AZURERM_VERSION_PLACEHOLDER;
  }
  return copy;
}
