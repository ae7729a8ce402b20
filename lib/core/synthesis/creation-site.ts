import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import type { IConstruct } from 'constructs';
import { DISABLE_STACK_TRACE_IN_METADATA } from '../platform/cdktf';

/** Where in the user's code something was created: a file and a 1-based line and column. */
export interface SourceSite {
  /** The absolute path of the file. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** Frames kept per capture: enough to climb from the library's constructors through a few user-defined constructs. */
const FRAMES = 16;

/** This library's own folder (lib/ in the source tree, dist/ in the package): its frames are not the user's. */
const LIBRARY_ROOT = path.resolve(__dirname, '..', '..');

/** A captured, not yet formatted call stack: V8 formats it (through any source-map support) on first read. */
export interface Trace {
  readonly stack?: string;
}

const traces = new WeakMap<IConstruct, Trace>();

/**
 * Remembers the call stack that is creating `construct` (the library's constructors call this), so that findings can
 * point at the user's line. cdktf 0.21 records no creation stack for its elements with constructs 10 (its
 * `stacktrace` metadata entry has no trace), so the library records its own. The capture costs a few microseconds;
 * it is formatted only when a report needs it.
 */
export function recordCreationSite(construct: IConstruct): void {
  // cdktf's switch for stack traces in metadata (`new App({ stackTraces: false })`, which `Testing.app()` sets).
  if (traces.has(construct) || construct.node.tryGetContext(DISABLE_STACK_TRACE_IN_METADATA)) return;
  traces.set(construct, capture(recordCreationSite));
}

/** The call stack of the caller of `below`, unformatted. */
export function capture(below: (...args: never[]) => unknown): Trace {
  const holder: { stack?: string } = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = FRAMES;
  try {
    Error.captureStackTrace(holder, below);
  } finally {
    Error.stackTraceLimit = limit;
  }
  return holder;
}

/**
 * Where the user's code created `construct` or its nearest ancestor that has a known creation site: the library's
 * record, else the trace cdktf records in `stacktrace` metadata when it does.
 */
export function creationSiteOf(construct: IConstruct): SourceSite | undefined {
  for (const scope of [...construct.node.scopes].reverse()) {
    const site = siteOf(scope);
    if (site) return site;
  }
  return undefined;
}

/** The user's frame of a captured trace. */
export function siteOfTrace(trace: Trace): SourceSite | undefined {
  return userFrame(trace.stack?.split('\n') ?? []);
}

function siteOf(construct: IConstruct): SourceSite | undefined {
  const trace = traces.get(construct);
  if (trace) return siteOfTrace(trace);
  const recorded = construct.node.metadata.find((entry) => entry.type === 'stacktrace')?.trace;
  return recorded ? userFrame(recorded) : undefined;
}

/** The first frame of a trace in a file of the user's: not this library, not node_modules, not Node itself. */
export function userFrame(frames: readonly string[]): SourceSite | undefined {
  for (const frame of frames) {
    const site = parseFrame(frame);
    if (!site) continue;
    if (site.file === LIBRARY_ROOT || site.file.startsWith(LIBRARY_ROOT + path.sep)) continue;
    if (site.file.split(path.sep).includes('node_modules')) continue;
    return site;
  }
  return undefined;
}

/** `at fn (file:line:col)`, `at file:line:col` or `file:line:col` (constructs' format) as a site, for absolute files. */
export function parseFrame(frame: string): SourceSite | undefined {
  let location = frame.trim();
  if (location.startsWith('at ')) location = location.slice(3);
  if (location.endsWith(')')) {
    const open = location.lastIndexOf('(');
    if (open < 0) return undefined;
    location = location.slice(open + 1, -1);
  }
  const columnAt = location.lastIndexOf(':');
  const lineAt = columnAt > 0 ? location.lastIndexOf(':', columnAt - 1) : -1;
  if (lineAt <= 0) return undefined;
  const line = Number(location.slice(lineAt + 1, columnAt));
  const column = Number(location.slice(columnAt + 1));
  let file = location.slice(0, lineAt);
  if (file.startsWith('file://')) {
    try {
      file = fileURLToPath(file);
    } catch {
      return undefined;
    }
  }
  if (!Number.isInteger(line) || line < 1 || !Number.isInteger(column) || column < 1 || !path.isAbsolute(file)) return undefined;
  return { file, line, column };
}

let gitRoots: Map<string, string> | undefined;

/**
 * The folder that source paths are reported relative to: `GITHUB_WORKSPACE` when set (the checkout in GitHub
 * Actions), else the nearest folder above the working directory that holds `.git`, else the working directory.
 */
export function defaultSourceRoot(cwd = process.cwd()): string {
  const workspace = process.env.GITHUB_WORKSPACE;
  if (workspace && path.isAbsolute(workspace)) return path.resolve(workspace);
  gitRoots ??= new Map();
  let root = gitRoots.get(cwd);
  if (root === undefined) {
    root = path.resolve(cwd);
    for (let dir = root; ; dir = path.dirname(dir)) {
      if (fs.existsSync(path.join(dir, '.git'))) {
        root = dir;
        break;
      }
      if (path.dirname(dir) === dir) break;
    }
    gitRoots.set(cwd, root);
  }
  return root;
}

/** A file's path relative to `root` with `/` separators, or undefined when the file is outside it. */
export function relativeToRoot(file: string, root: string): string | undefined {
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}
