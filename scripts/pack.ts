/**
 * `npm run pack:cdktf` / `npm run pack:cdktn`: builds the package of one core and packs it with `npm pack`.
 * The tarball's absolute path is the last line of the output (what scripts and the consumer tests read).
 *
 *   npx ts-node --transpile-only scripts/pack.ts cdktn [destination folder, default .gen/packs]
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { buildPackage, GEN } from './build-package';
import type { Core } from './core-specifiers';
import { packageBuild } from './packages';

export interface PackResult {
  readonly tarball: string;
  /** Paths inside the tarball (`package/...` stripped), as npm reports them. */
  readonly files: string[];
}

/** npm's own command line: the one running this script, else `npm` on the PATH. */
export function npmCommand(): { command: string; prefixArgs: string[] } {
  const cli = process.env.npm_execpath;
  return cli !== undefined && cli.endsWith('.js') ? { command: process.execPath, prefixArgs: [cli] } : { command: 'npm', prefixArgs: [] };
}

/** Packs the package folder `dir` into `destination` and returns the tarball's path and contents. */
export function packFolder(dir: string, destination: string): PackResult {
  fs.mkdirSync(destination, { recursive: true });
  const npm = npmCommand();
  const output = execFileSync(npm.command, [...npm.prefixArgs, 'pack', '--json', '--pack-destination', destination], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [report] = JSON.parse(output) as Array<{ filename: string; files: Array<{ path: string }> }>;
  return { tarball: path.join(destination, report.filename), files: report.files.map((file) => file.path) };
}

/** Builds and packs the package of `core`. */
export function packPackage(core: Core, destination = path.join(GEN, 'packs'), outDir?: string): PackResult & { dir: string } {
  const built = buildPackage(core, outDir);
  return { ...packFolder(built.dir, destination), dir: built.dir };
}

if (require.main === module) {
  const [core, destination] = process.argv.slice(2);
  const build = packageBuild(core ?? '');
  const result = packPackage(build.core, destination === undefined ? undefined : path.resolve(destination));
  process.stdout.write(`${build.name}: ${result.files.length} files\n${result.tarball}\n`);
}
