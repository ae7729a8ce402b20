import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { buildPackage, GEN } from '../scripts/build-package';
import { BUILD, CORE } from './core-under-test';

const ROOT = path.resolve(__dirname, '..');

/** Runs a script in a fresh Node process from `cwd` and returns what it prints. */
function node(script: string, cwd = ROOT): string {
  return execFileSync(process.execPath, ['-e', script], { cwd, encoding: 'utf8' });
}

/** The package of the core under test, built from the source as `npm run pack:<core>` builds it. */
describe(`the built package (${BUILD.name})`, () => {
  let dir: string;
  beforeAll(() => {
    // Inside the project, so that its imports resolve from the project's node_modules, as they will in an app.
    fs.mkdirSync(GEN, { recursive: true });
    dir = buildPackage(CORE, fs.mkdtempSync(path.join(GEN, `test-package-${CORE}-`))).dir;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('main and types point at the compiled library', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    expect(pkg.name).toBe(BUILD.name);
    expect(pkg.peerDependencies).toEqual(BUILD.peerDependencies);
    expect(fs.existsSync(path.join(dir, pkg.main))).toBe(true);
    expect(fs.existsSync(path.join(dir, pkg.types))).toBe(true);
  });

  test('exports the public API', () => {
    const exported = JSON.parse(node("console.log(JSON.stringify(Object.keys(require('./dist'))))", dir));
    expect(exported).toEqual(
      expect.arrayContaining(['Workspace', 'FhirService', 'DicomService', 'FhirVersion', 'RemovalPolicy', 'ManagedIdentityType']),
    );
  });

  test('exports MappingEvaluator, and the medtech-evaluate command (the bin) runs from the build', () => {
    expect(node("console.log(typeof require('./dist').MappingEvaluator.normalize)", dir).trim()).toBe('function');
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const usage = execFileSync(process.execPath, [path.join(dir, pkg.bin['medtech-evaluate']), '--help'], { cwd: dir, encoding: 'utf8' });
    expect(usage).toContain('Usage: medtech-evaluate --device-mapping <file>');
  });

  test('the testing entry point resolves by its package path and is not loaded by the package root', () => {
    const result = JSON.parse(
      node(
        `
        require('${BUILD.name}');
        const loaded = Object.keys(require.cache);
        const testing = require('${BUILD.name}/testing');
        console.log(JSON.stringify({
          testingBefore: loaded.filter((file) => file.includes(require('path').join('dist', 'testing'))),
          jestBefore: loaded.filter((file) => /[\\/]node_modules[\\/](jest|expect|@jest)[\\/]/.test(file)),
          exports: Object.keys(testing).sort(),
          resolved: require('path').relative(process.cwd(), require.resolve('${BUILD.name}/testing')),
        }));
      `,
        dir,
      ),
    );
    expect(result).toEqual({
      testingBefore: [],
      jestBefore: [],
      exports: ['healthDataMatchers', 'setupHealthDataMatchers'],
      resolved: path.join('dist', 'testing', 'index.js'),
    });
    expect(fs.existsSync(path.join(dir, 'dist', 'testing', 'index.d.ts'))).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'dist', 'testing', 'index.d.ts'), 'utf8')).toMatch(
      /interface Matchers<R, T = \{\}> \{[\s\S]*toPassHealthDataCompliance\(options\?: HealthDataComplianceMatcherOptions\): R;[\s\S]*toBeInWorkspaceRegion\(workspace: IWorkspace(Ref)?\): R;/,
    );
  });

  test("never loads the provider's root index (1,500 resources), only the resources it uses", () => {
    const loaded: string[] = JSON.parse(
      node(
        `
        require('./dist');
        const root = require('path').dirname(require.resolve('${BUILD.providerPackage}/package.json'));
        console.log(JSON.stringify(Object.keys(require.cache).filter((file) => file.startsWith(root)).map((file) => require('path').relative(root, file))));
      `,
        dir,
      ),
    );
    expect(loaded).not.toContain(path.join('lib', 'index.js'));
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.every((file) => /^lib[\\/][a-z0-9-]+[\\/]index\.js$/.test(file))).toBe(true);
  });

  test('every lib/ module loads on its own (no import-order trap: a circle that loads only by luck fails here)', () => {
    // One child process; before each module the whole module registry is cleared, so each one is loaded first, as in
    // a fresh process, and pulls in its dependencies in its own order.
    const failures: Array<{ module: string; error: string }> = JSON.parse(
      node(
        `
        const fs = require('fs'), path = require('path');
        const files = [];
        const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).forEach((e) => {
          const file = path.join(dir, e.name);
          if (e.isDirectory()) walk(file); else if (file.endsWith('.js')) files.push(file);
        });
        walk(path.resolve('dist'));
        const failures = [];
        for (const file of files) {
          for (const key of Object.keys(require.cache)) delete require.cache[key];
          try { require(file); } catch (error) { failures.push({ module: path.relative('dist', file), error: String(error && error.message) }); }
        }
        console.log(JSON.stringify(failures.concat(files.length > 50 ? [] : [{ module: 'dist', error: 'only ' + files.length + ' modules found' }])));
      `,
        dir,
      ),
    );
    expect(failures).toEqual([]);
  });

  test('loads only its own core: no package of the other core is required', () => {
    const packages: string[] = JSON.parse(
      node(
        `
        require('./dist');
        const names = Object.keys(require.cache).map((file) => /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file)?.[1]).filter(Boolean);
        console.log(JSON.stringify([...new Set(names)].sort()));
      `,
        dir,
      ),
    );
    expect(packages).toEqual(expect.arrayContaining([BUILD.corePackage, BUILD.providerPackage, 'constructs']));
    const otherCore = CORE === 'cdktn' ? /^(cdktf|@cdktf\/)/ : /^(cdktn|@cdktn\/)/;
    expect(packages.filter((name) => otherCore.test(name))).toEqual([]);
  });

  test("its declarations name its own core's types", () => {
    const declarations = fs.readdirSync(path.join(dir, 'dist'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.d.ts'));
    const text = declarations.map((file) => fs.readFileSync(path.join(dir, 'dist', file), 'utf8')).join('\n');
    expect(text).toContain(`from '${BUILD.corePackage}'`);
    expect(text).toContain(`from '${BUILD.providerPackage}/lib/`);
    const otherCore = CORE === 'cdktn' ? /from '(cdktf|@cdktf\/)/ : /from '(cdktn|@cdktn\/)/;
    expect(otherCore.test(text)).toBe(false);
  });

  test('no source file imports the provider package root', () => {
    const offenders: string[] = [];
    const visit = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) visit(file);
        else if (
          file.endsWith('.ts') &&
          /from ['"]@cdktf\/provider-azurerm['"]|require\(['"]@cdktf\/provider-azurerm['"]\)/.test(fs.readFileSync(file, 'utf8'))
        )
          offenders.push(file);
      }
    };
    ['lib', 'examples', 'test'].forEach((dir) => visit(path.join(ROOT, dir)));
    expect(offenders).toEqual([]);
  });
});
