/**
 * Builds one of the two packages from the one source: compiles lib/ (tsconfig.build.json), copies the compiled
 * `.js` and `.d.ts` into a package folder with their module specifiers rewritten for the core
 * (rewrite-specifiers.ts), and writes the package's own package.json.
 *
 *   npx ts-node --transpile-only scripts/build-package.ts cdktn [outDir]
 *
 * Default folder: .gen/packages/<package name>/ (git-ignored). The folder sits inside the project so that, before
 * it is packed, Node resolves its imports from the project's node_modules (where both cores are installed).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Core } from './core-specifiers';
import { PackageBuild, packageBuild } from './packages';
import { rewriteModuleSpecifiers } from './rewrite-specifiers';

export const ROOT = path.resolve(__dirname, '..');
export const GEN = path.join(ROOT, '.gen');

export interface BuiltPackage {
  readonly build: PackageBuild;
  /** The package folder (package.json, README.md, dist/). */
  readonly dir: string;
  /** Files whose specifiers were rewritten, and how many specifiers in all. */
  readonly rewrittenFiles: number;
  readonly rewrittenSpecifiers: number;
}

/** Compiles lib/ with tsconfig.build.json into a new temporary folder and returns it. */
export function compileLibrary(): string {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahds-compiled-'));
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', outDir], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  return outDir;
}

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/** The published package.json of a build: the project's version and license, the build's name and peers. */
export function packageManifest(
  build: PackageBuild,
  project: { version: string; license: string; bin?: unknown; exports?: unknown; typesVersions?: unknown; peerDependenciesMeta?: unknown },
): Record<string, unknown> {
  return {
    name: build.name,
    version: project.version,
    description: build.description,
    license: project.license,
    keywords: [...build.keywords],
    main: 'dist/index.js',
    types: 'dist/index.d.ts',
    files: ['dist/**/*.js', 'dist/**/*.d.ts'],
    // The entry points (the package root, `./testing`, the `medtech-evaluate` command) are the same in both builds.
    ...(project.bin ? { bin: project.bin } : {}),
    ...(project.exports ? { exports: project.exports } : {}),
    ...(project.typesVersions ? { typesVersions: project.typesVersions } : {}),
    engines: { ...build.engines },
    peerDependencies: { ...build.peerDependencies },
    ...(project.peerDependenciesMeta ? { peerDependenciesMeta: project.peerDependenciesMeta } : {}),
  };
}

/**
 * Lays out the package of `core` in `outDir` (replaced if it exists) from compiled output in `compiledDir`.
 * Only `.js` and `.d.ts` files are taken; each goes through the specifier rewrite (a no-op for cdktf).
 */
export function stagePackage(core: Core, compiledDir: string, outDir: string): BuiltPackage {
  const build = packageBuild(core);
  const project = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; license: string };
  fs.rmSync(outDir, { recursive: true, force: true });
  let rewrittenFiles = 0;
  let rewrittenSpecifiers = 0;
  for (const file of listFiles(compiledDir)) {
    if (!file.endsWith('.js') && !file.endsWith('.d.ts')) continue;
    const { text, changes } = rewriteModuleSpecifiers(file, fs.readFileSync(path.join(compiledDir, file), 'utf8'), core);
    if (changes.length > 0) rewrittenFiles++;
    rewrittenSpecifiers += changes.length;
    const target = path.join(outDir, 'dist', file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  }
  fs.writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify(packageManifest(build, project), null, 2)}\n`);
  fs.copyFileSync(path.join(ROOT, 'README.md'), path.join(outDir, 'README.md'));
  return { build, dir: outDir, rewrittenFiles, rewrittenSpecifiers };
}

/** Compiles the source and stages the package of `core` (default folder: .gen/packages/<name>). */
export function buildPackage(core: Core, outDir: string = path.join(GEN, 'packages', packageBuild(core).name)): BuiltPackage {
  const compiled = compileLibrary();
  try {
    return stagePackage(core, compiled, outDir);
  } finally {
    fs.rmSync(compiled, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const [core, outDir] = process.argv.slice(2);
  const built = buildPackage(packageBuild(core ?? '').core, outDir === undefined ? undefined : path.resolve(outDir));
  process.stderr.write(`${built.build.name}: ${built.rewrittenSpecifiers} module specifiers rewritten in ${built.rewrittenFiles} files\n`);
  process.stdout.write(`${built.dir}\n`);
}
