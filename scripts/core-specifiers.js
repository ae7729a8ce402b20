'use strict';
/**
 * The one table of how the single source's imports name each core. The source is written against cdktf
 * (`cdktf`, `cdktf/lib/...`, `@cdktf/provider-azurerm/lib/...`); the cdktn build maps those module specifiers to the
 * CDK Terrain packages. Plain CommonJS so that jest.cdktn.config.js and the `--require` hook (cdktn-alias.js) can load
 * it without a TypeScript step; its types are in core-specifiers.d.ts.
 */

/** Package names (first path segment, or scope/name) in the source, and what each is in a cdktn build. */
const CDKTN_PACKAGES = Object.freeze({
  cdktf: 'cdktn',
  '@cdktf/provider-azurerm': '@cdktn/provider-azurerm',
});

const CORES = Object.freeze(['cdktf', 'cdktn']);

/** The package part of a bare specifier (`@scope/name` or `name`); undefined for relative and absolute paths. */
function packageNameOf(specifier) {
  if (specifier === '' || specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  if (specifier.startsWith('@')) return parts.length >= 2 && parts[1] !== '' ? `${parts[0]}/${parts[1]}` : undefined;
  return parts[0];
}

/** True for a specifier of the cdktf family that a cdktn build must not keep: `cdktf`, `cdktf/...`, `@cdktf/...`. */
function isCdktfSpecifier(specifier) {
  const name = packageNameOf(specifier);
  return name !== undefined && (name === 'cdktf' || name.startsWith('@cdktf/'));
}

/**
 * The specifier the `core` build uses for `specifier` of the source. cdktf: unchanged. cdktn: `cdktf` →
 * `cdktn`, `cdktf/<path>` → `cdktn/<path>`, `@cdktf/provider-azurerm[/<path>]` → `@cdktn/provider-azurerm[/<path>]`;
 * any other package of the cdktf family has no CDK Terrain counterpart here and is refused, so that a new
 * dependency cannot slip into the cdktn package unmapped. Everything else is unchanged.
 */
function mapSpecifier(specifier, core) {
  if (core === 'cdktf') return specifier;
  if (core !== 'cdktn') throw new Error(`unknown core "${core}": expected one of ${CORES.join(', ')}`);
  const name = packageNameOf(specifier);
  if (name === undefined) return specifier;
  const mapped = CDKTN_PACKAGES[name];
  if (mapped !== undefined) return mapped + specifier.slice(name.length);
  if (isCdktfSpecifier(specifier)) {
    throw new Error(`"${specifier}" has no CDK Terrain counterpart in scripts/core-specifiers.js; add it to CDKTN_PACKAGES`);
  }
  return specifier;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** jest `moduleNameMapper` entries that resolve the source's cdktf imports to the `core` packages. */
function jestModuleNameMapper(core) {
  if (core === 'cdktf') return {};
  mapSpecifier('cdktf', core);
  const entries = {};
  for (const [from, to] of Object.entries(CDKTN_PACKAGES)) {
    entries[`^${escapeRegExp(from)}$`] = to;
    entries[`^${escapeRegExp(from)}/(.*)$`] = `${to}/$1`;
  }
  return entries;
}

module.exports = { CORES, CDKTN_PACKAGES, packageNameOf, isCdktfSpecifier, mapSpecifier, jestModuleNameMapper };
