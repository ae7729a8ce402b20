/**
 * `npm run test:cdktn`: the whole suite again, against CDK Terrain. Every `cdktf` / `cdktf/...` /
 * `@cdktf/provider-azurerm/...` import (of lib/, test/ and examples/) resolves to its cdktn counterpart, with the
 * table the cdktn package build uses (scripts/core-specifiers.js). The snapshots are the same files as the cdktf run's.
 */
const base = require('./jest.config');
const { jestModuleNameMapper } = require('./scripts/core-specifiers');

module.exports = {
  ...base,
  moduleNameMapper: { ...base.moduleNameMapper, ...jestModuleNameMapper('cdktn') },
  globals: { ...base.globals, AHDS_CORE: 'cdktn' },
};
