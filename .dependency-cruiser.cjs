/**
 * The layering of lib/ (docs/ARCHITECTURE.md), checked in `npm test`: arrows point down only, type imports included.
 *   core/  <-  access/ monitoring/ network/ lock/ compliance/ events/  <-  services (fhir-service, dicom-service, medtech/)  <-  workspace.ts  <-  index.ts
 */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'No import circles, type imports included.', from: {}, to: { circular: true } },
    {
      name: 'core-is-the-bottom',
      severity: 'error',
      comment: 'core/ knows nothing of the folders above it.',
      from: { path: '^lib/core/' },
      to: { path: '^lib/', pathNot: '^lib/core/' },
    },
    {
      name: 'features-stand-on-core-only',
      severity: 'error',
      comment: 'A workspace-wide feature depends on core/ (and its own folder) only.',
      from: { path: '^lib/(access|monitoring|network|lock|compliance|events)/' },
      to: { path: '^lib/', pathNot: ['^lib/core/', '^lib/$1/'] },
    },
    {
      name: 'services-do-not-know-the-workspace',
      severity: 'error',
      comment: 'Services stand on core/ and the features they expose; workspace.ts composes them, not the other way round.',
      from: { path: '^lib/(fhir-service|dicom-service)\\.ts$|^lib/medtech/' },
      to: { path: '^lib/(workspace|index)\\.ts$' },
    },
    {
      name: 'one-door-to-cdktf-and-the-provider',
      severity: 'error',
      comment: 'cdktf and the provider classes are imported in lib/core/platform only (the CDK Terrain build rewrites those files).',
      from: { path: '^lib/', pathNot: '^lib/core/platform/' },
      to: { path: '^node_modules/(cdktf|@cdktf/provider-azurerm)/' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
  },
};
