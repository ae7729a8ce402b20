import * as path from 'path';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import * as core from 'cdktf';
import { BUILD, CORE, CORE_VERSIONS } from './core-under-test';
import { synth } from './helpers';

const ROOT = path.resolve(__dirname, '..');
const load = (...parts: string[]): any => require(path.join(ROOT, 'node_modules', ...parts));

describe(`this run tests ${CORE}`, () => {
  test("the source's cdktf imports are the core under test's modules", () => {
    expect(core.App).toBe(load(BUILD.corePackage).App);
    expect(AzurermProvider).toBe(load(BUILD.providerPackage, 'lib', 'provider').AzurermProvider);
    const other = CORE === 'cdktn' ? { core: 'cdktf', provider: '@cdktf/provider-azurerm' } : { core: 'cdktn', provider: '@cdktn/provider-azurerm' };
    expect(core.App).not.toBe(load(other.core).App);
    expect(AzurermProvider).not.toBe(load(other.provider, 'lib', 'provider').AzurermProvider);
  });

  test("a stack synthesizes with the core's version and the azurerm version its provider pins", () => {
    const { json } = synth(() => undefined);
    expect(json['//'].metadata.version).toBe(CORE_VERSIONS.core);
    expect(json.terraform.required_providers.azurerm).toEqual({ source: 'azurerm', version: CORE_VERSIONS.azurerm });
    expect(CORE_VERSIONS).toEqual(CORE === 'cdktn' ? { core: '0.24.0', azurerm: '4.73.0' } : { core: '0.21.0', azurerm: '4.55.0' });
  });
});
