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

  test('exports MappingEvaluator, and the medtech-evaluate command (the bin) runs from the build', () => {
    expect(node("console.log(typeof require('./dist').MappingEvaluator.normalize)").trim()).toBe('function');
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const usage = execFileSync(process.execPath, [path.join(ROOT, pkg.bin['medtech-evaluate']), '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(usage).toContain('Usage: medtech-evaluate --device-mapping <file>');
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
