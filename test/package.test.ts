import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');

/** Runs a script in a fresh Node process from the project root and returns what it prints. */
function node(script: string): string {
  return execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
}

describe('the built package', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  });

  test('main and types point at the compiled library', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('cdktf-azure-health-data-services');
    expect(fs.existsSync(path.join(ROOT, pkg.main))).toBe(true);
    expect(fs.existsSync(path.join(ROOT, pkg.types))).toBe(true);
  });

  test('exports the public API', () => {
    const exported = JSON.parse(node("console.log(JSON.stringify(Object.keys(require('./dist'))))"));
    expect(exported).toEqual(expect.arrayContaining(['Workspace', 'FhirService', 'DicomService', 'FhirVersion', 'RemovalPolicy', 'ManagedIdentityType']));
  });

  test('the testing entry point resolves by its package path and is not loaded by the package root', () => {
    const result = JSON.parse(
      node(`
        require('cdktf-azure-health-data-services');
        const loaded = Object.keys(require.cache);
        const testing = require('cdktf-azure-health-data-services/testing');
        console.log(JSON.stringify({
          testingBefore: loaded.filter((file) => file.includes(require('path').join('dist', 'testing'))),
          jestBefore: loaded.filter((file) => /[\\/]node_modules[\\/](jest|expect|@jest)[\\/]/.test(file)),
          exports: Object.keys(testing).sort(),
          resolved: require('path').relative(process.cwd(), require.resolve('cdktf-azure-health-data-services/testing')),
        }));
      `),
    );
    expect(result).toEqual({ testingBefore: [], jestBefore: [], exports: ['healthDataMatchers', 'setupHealthDataMatchers'], resolved: path.join('dist', 'testing', 'index.js') });
    expect(fs.existsSync(path.join(ROOT, 'dist', 'testing', 'index.d.ts'))).toBe(true);
    expect(fs.readFileSync(path.join(ROOT, 'dist', 'testing', 'index.d.ts'), 'utf8')).toMatch(/interface Matchers<R, T = \{\}> \{[\s\S]*toPassHealthDataCompliance\(options\?: HealthDataComplianceMatcherOptions\): R;[\s\S]*toBeInWorkspaceRegion\(workspace: IWorkspace\): R;/);
  });

  test("never loads the provider's root index (1,500 resources), only the resources it uses", () => {
    const loaded: string[] = JSON.parse(
      node(`
        require('./dist');
        const root = require('path').dirname(require.resolve('@cdktf/provider-azurerm/package.json'));
        console.log(JSON.stringify(Object.keys(require.cache).filter((file) => file.startsWith(root)).map((file) => require('path').relative(root, file))));
      `),
    );
    expect(loaded).not.toContain(path.join('lib', 'index.js'));
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.every((file) => /^lib[\\/][a-z0-9-]+[\\/]index\.js$/.test(file))).toBe(true);
  });

  test('no source file imports the provider package root', () => {
    const offenders: string[] = [];
    const visit = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) visit(file);
        else if (file.endsWith('.ts') && /from ['"]@cdktf\/provider-azurerm['"]|require\(['"]@cdktf\/provider-azurerm['"]\)/.test(fs.readFileSync(file, 'utf8'))) offenders.push(file);
      }
    };
    ['lib', 'examples', 'test'].forEach((dir) => visit(path.join(ROOT, dir)));
    expect(offenders).toEqual([]);
  });
});
