import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCdktn } from '../../scripts/cdktn-cli';
import { npmCommand, packPackage, PackResult } from '../../scripts/pack';
import { rewriteModuleSpecifiers } from '../../scripts/rewrite-specifiers';
import { GEN } from '../../scripts/build-package';
import { BUILD, CORE, CORE_VERSIONS } from '../core-under-test';
import type { ComplianceReport } from '../../lib';

const ROOT = path.resolve(__dirname, '..', '..');
const installedVersion = (name: string): string => JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
/** The other core's packages: none may be installed in the app. */
const OTHER_CORE = CORE === 'cdktn' ? /^(cdktf|cdktf-cli|@cdktf\/.*)$/ : /^(cdktn|cdktn-cli|@cdktn\/.*)$/;

/** Every package installed under `modules` (nested node_modules too), as `name@version`. */
function installedPackages(modules: string): string[] {
  const found: string[] = [];
  const visit = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const folders = entry.name.startsWith('@')
        ? fs.readdirSync(path.join(dir, entry.name)).map((name) => path.join(entry.name, name))
        : [entry.name];
      for (const folder of folders) {
        const manifest = path.join(dir, folder, 'package.json');
        if (fs.existsSync(manifest)) {
          const { name, version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name: string; version: string };
          found.push(`${name}@${version}`);
        }
        visit(path.join(dir, folder, 'node_modules'));
      }
    }
  };
  visit(modules);
  return found.sort();
}

/** The consumer app's main.ts for the core under test: the same app, with that core's imports. */
function appSource(): string {
  const template = fs.readFileSync(path.join(__dirname, 'app', 'main.ts'), 'utf8');
  const withCore = rewriteModuleSpecifiers('main.ts', template, CORE).text;
  return withCore.replace("from 'cdktf-azure-health-data-services'", `from '${BUILD.name}'`);
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): { status: number | null; output: string } {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1', CI: '1', FORCE_COLOR: '0', ...env },
    timeout: 600_000,
  });
  return { status: result.status, output: `${result.stdout ?? ''}\n${result.stderr ?? ''}${result.error ? `\n${result.error.message}` : ''}` };
}

/**
 * A user of the package of the core under test, on a fresh machine: `npm install` of the packed tarball with the
 * core, its azurerm provider and constructs from the registry in an app folder outside the project; a strict type
 * check (skipLibCheck false); the real CLI's synth (cdktf-cli, or cdktn-cli on Node >= 22.19, as installed
 * globally: the project's own copy, run in the app folder).
 */
describe(`a fresh ${CORE} app that installs ${BUILD.name} from its tarball`, () => {
  let app: string;
  let packed: PackResult;
  let install: { status: number | null; output: string };

  beforeAll(() => {
    fs.mkdirSync(GEN, { recursive: true });
    const scratch = fs.mkdtempSync(path.join(GEN, `consumer-${CORE}-`));
    packed = packPackage(CORE, path.join(scratch, 'packs'), path.join(scratch, 'package'));
    app = fs.mkdtempSync(path.join(os.tmpdir(), `ahds-consumer-${CORE}-`));
    const manifest = {
      name: `${CORE}-health-app`,
      version: '1.0.0',
      private: true,
      dependencies: {
        [BUILD.name]: `file:${packed.tarball}`,
        [BUILD.corePackage]: installedVersion(BUILD.corePackage),
        [BUILD.providerPackage]: installedVersion(BUILD.providerPackage),
        constructs: installedVersion('constructs'),
      },
      // The one line the README documents for cdktn: the provider's peer (cdktn ^0.23.0) predates cdktn 0.24.
      ...(CORE === 'cdktn' ? { overrides: { '@cdktn/provider-azurerm': { cdktn: '$cdktn' } } } : {}),
    };
    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify(manifest, null, 2));
    fs.writeFileSync(path.join(app, 'main.ts'), appSource());
    fs.writeFileSync(
      path.join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'commonjs',
          strict: true,
          skipLibCheck: false,
          outDir: 'dist',
          types: [],
          noUnusedLocals: true,
          forceConsistentCasingInFileNames: true,
        },
        files: ['main.ts'],
      }),
    );
    fs.writeFileSync(
      path.join(app, 'cdktf.json'),
      JSON.stringify({ language: 'typescript', app: 'node dist/main.js', sendCrashReports: 'false', terraformProviders: [], terraformModules: [] }),
    );
    fs.rmSync(path.join(scratch, 'package'), { recursive: true, force: true });
    const npm = npmCommand();
    // Plain `npm install` (no --legacy-peer-deps); the registry is reached, its packages are likely in npm's cache.
    install = run(npm.command, [...npm.prefixArgs, 'install', '--no-audit', '--no-fund', '--prefer-offline'], app);
  }, 900_000);

  afterAll(() => {
    fs.rmSync(app, { recursive: true, force: true });
    fs.rmSync(path.dirname(path.dirname(packed.tarball)), { recursive: true, force: true });
  });

  test('the app lives outside the project, and npm installs it without errors or peer conflicts', () => {
    expect(path.relative(ROOT, app).startsWith('..')).toBe(true);
    expect(install.output).not.toMatch(/ERESOLVE|peer dep|npm error/i);
    expect(install.status).toBe(0);
  });

  test(`the tarball ships compiled JavaScript and declarations only, and its package.json names ${BUILD.corePackage}`, () => {
    expect(packed.files).toContain('dist/index.js');
    expect(packed.files).toContain('dist/index.d.ts');
    expect(packed.files.filter((file) => !/^dist\/.+\.(js|d\.ts)$/.test(file)).sort()).toEqual(['README.md', 'package.json']);
    const manifest = JSON.parse(fs.readFileSync(path.join(app, 'node_modules', BUILD.name, 'package.json'), 'utf8'));
    expect(manifest.peerDependencies).toEqual(BUILD.peerDependencies);
  });

  test(`only ${CORE} is in node_modules: one core, one provider, one constructs`, () => {
    const packages = installedPackages(path.join(app, 'node_modules'));
    expect(packages.filter((spec) => OTHER_CORE.test(spec.slice(0, spec.lastIndexOf('@'))))).toEqual([]);
    const named = (name: string): string[] => packages.filter((spec) => spec.slice(0, spec.lastIndexOf('@')) === name);
    expect(named(BUILD.corePackage)).toEqual([`${BUILD.corePackage}@${CORE_VERSIONS.core}`]);
    expect(named(BUILD.providerPackage)).toEqual([`${BUILD.providerPackage}@${installedVersion(BUILD.providerPackage)}`]);
    expect(named('constructs')).toEqual([`constructs@${installedVersion('constructs')}`]);
  });

  test('type-checks strictly with skipLibCheck false (the library, the core and the provider declarations)', () => {
    const tsc = run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], app);
    expect(tsc.output.trim()).toBe('');
    expect(tsc.status).toBe(0);
    expect(fs.existsSync(path.join(app, 'dist', 'main.js'))).toBe(true);
  });

  test(`the real \`${BUILD.cliCommand} synth\` synthesizes it: resources, versions and the compliance report`, () => {
    const outdir = path.join(app, 'out');
    const synth =
      CORE === 'cdktn'
        ? (() => {
            const result = runCdktn(['synth', '--output', outdir], {
              cwd: app,
              sourceAlias: false,
              timeoutMs: 300_000,
              env: { CHECKPOINT_DISABLE: '1', CI: '1', FORCE_COLOR: '0' },
            });
            return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
          })()
        : run(path.join(ROOT, 'node_modules', '.bin', 'cdktf'), ['synth', '--output', outdir], app);
    expect(synth.output).toMatch(/Generated Terraform code for the stacks: clinic/);
    expect(synth.status).toBe(0);

    const stackDir = path.join(outdir, 'stacks', 'clinic');
    const stack = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
    expect(stack['//'].metadata.version).toBe(CORE_VERSIONS.core);
    expect(stack.terraform.required_providers.azurerm).toEqual({ source: 'azurerm', version: CORE_VERSIONS.azurerm });
    const count = (type: string): number => Object.keys(stack.resource?.[type] ?? {}).length;
    expect({
      workspace: count('azurerm_healthcare_workspace'),
      fhir: count('azurerm_healthcare_fhir_service'),
      dicom: count('azurerm_healthcare_dicom_service'),
      medtech: count('azurerm_healthcare_medtech_service'),
      destination: count('azurerm_healthcare_medtech_service_fhir_destination'),
      privateEndpoint: count('azurerm_private_endpoint'),
      // FHIR, DICOM and MedTech each get one to the Log Analytics workspace.
      diagnostics: count('azurerm_monitor_diagnostic_setting'),
    }).toEqual({ workspace: 1, fhir: 1, dicom: 1, medtech: 1, destination: 1, privateEndpoint: 1, diagnostics: 3 });
    const fhir = Object.values(stack.resource.azurerm_healthcare_fhir_service)[0] as Record<string, any>;
    expect(fhir).toMatchObject({ name: 'records', kind: 'fhir-R4', identity: { type: 'SystemAssigned' }, lifecycle: { prevent_destroy: true } });

    const report = JSON.parse(fs.readFileSync(path.join(stackDir, 'health-data-compliance.json'), 'utf8')) as ComplianceReport;
    expect(report.stack).toBe('clinic');
    // FHIR (azurerm) and DICOM without a customer-managed key are the findings: warnings, so synth succeeds.
    expect(report.summary).toMatchObject({ errors: 0, warnings: 2, unknown: 0, suppressed: 0 });
    expect(report.findings.filter((finding) => finding.result === 'non-compliant').map((finding) => [finding.ruleId, finding.constructPath])).toEqual(
      [
        ['AHDS-CUSTOMER-MANAGED-KEY', 'clinic/Health/Imaging'],
        ['AHDS-CUSTOMER-MANAGED-KEY', 'clinic/Health/Records'],
      ],
    );
    expect(fs.readFileSync(path.join(stackDir, 'health-data-compliance.csv'), 'utf8')).toMatch(
      /^Rule ID,Level,Resource,Construct Path,Result,Suppressed,Suppression Reason,Reason\n/,
    );
  });
});
