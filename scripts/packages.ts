/**
 * The two packages built from the one source: what differs between them is only their name, their core's peer
 * dependencies and the module specifiers of the compiled output (core-specifiers.js).
 */
import type { Core } from './core-specifiers';

export interface PackageBuild {
  readonly core: Core;
  readonly name: string;
  readonly description: string;
  /** The core package and the prebuilt azurerm provider the build imports. */
  readonly corePackage: string;
  readonly providerPackage: string;
  /** The CLI that synthesizes an app of this core, and its command. */
  readonly cliPackage: string;
  readonly cliCommand: string;
  readonly peerDependencies: Readonly<Record<string, string>>;
  readonly engines: Readonly<Record<string, string>>;
  readonly keywords: readonly string[];
}

const KEYWORDS = ['azure', 'health-data-services', 'fhir', 'dicom', 'medtech', 'hipaa', 'terraform', 'azurerm'];

export const PACKAGE_BUILDS: Readonly<Record<Core, PackageBuild>> = {
  cdktf: {
    core: 'cdktf',
    name: 'cdktf-azure-health-data-services',
    description:
      "CDK for Terraform constructs for Azure Health Data Services (workspace, FHIR, DICOM, MedTech) that enforce Azure's rules at synth time",
    corePackage: 'cdktf',
    providerPackage: '@cdktf/provider-azurerm',
    cliPackage: 'cdktf-cli',
    cliCommand: 'cdktf',
    peerDependencies: { '@cdktf/provider-azurerm': '14.23.1', cdktf: '0.21.0', constructs: '^10.4.2', '@viz-js/viz': '^3.31.0' },
    engines: { node: '>=20.9' },
    keywords: ['cdktf', ...KEYWORDS],
  },
  cdktn: {
    core: 'cdktn',
    name: 'cdktn-azure-health-data-services',
    description:
      "CDK Terrain (cdktn) constructs for Azure Health Data Services (workspace, FHIR, DICOM, MedTech) that enforce Azure's rules at synth time",
    corePackage: 'cdktn',
    providerPackage: '@cdktn/provider-azurerm',
    cliPackage: 'cdktn-cli',
    cliCommand: 'cdktn',
    // cdktn's own peer range for constructs; @cdktn/provider-azurerm 16.1.0 needs >= 20.16.
    peerDependencies: { '@cdktn/provider-azurerm': '16.1.0', cdktn: '0.24.0', constructs: '>=10.6.0 <10.8.0', '@viz-js/viz': '^3.31.0' },
    engines: { node: '>=20.16' },
    keywords: ['cdktn', 'cdk-terrain', ...KEYWORDS],
  },
};

export function packageBuild(core: string): PackageBuild {
  const build = (PACKAGE_BUILDS as Record<string, PackageBuild | undefined>)[core];
  if (build === undefined) throw new Error(`unknown core "${core}": expected ${Object.keys(PACKAGE_BUILDS).join(' or ')}`);
  return build;
}
