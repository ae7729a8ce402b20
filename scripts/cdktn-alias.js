'use strict';
/**
 * `node --require ./scripts/cdktn-alias.js`: runs the project's TypeScript source (the examples and test apps,
 * under ts-node) against CDK Terrain. Every `cdktf` / `cdktf/...` / `@cdktf/provider-azurerm/...` import resolves to
 * its cdktn counterpart, with the same table that the cdktn package build applies to the compiled output
 * (core-specifiers.js). Only bare specifiers of the cdktf family are touched; any other request resolves as usual.
 */
const Module = require('module');
const { isCdktfSpecifier, mapSpecifier } = require('./core-specifiers');

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveCdktnFilename(request, ...rest) {
  return resolveFilename.call(this, typeof request === 'string' && isCdktfSpecifier(request) ? mapSpecifier(request, 'cdktn') : request, ...rest);
};
