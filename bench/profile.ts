/**
 * Reads a V8 CPU profile (`node --cpu-prof`) and says where the time went: self time per package (our library,
 * cdktf, constructs, the provider classes, Node itself, GC), time spent loading modules, and our library's
 * hottest functions.
 */
import * as path from 'path';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: number[];
}
interface CpuProfile {
  readonly nodes: ProfileNode[];
  readonly samples: number[];
  readonly timeDeltas: number[];
}

export interface ProfileSummary {
  /** Sampled time in ms, excluding idle. */
  readonly totalMs: number;
  /** Time under module loading (require), whatever package it was in. */
  readonly requireMs: number;
  /** Self time outside module loading, per bucket ("library", "cdktf", "constructs", "provider", "node", "gc", ...). */
  readonly selfMsByBucket: Record<string, number>;
  /** Time (inclusive, outside module loading) under a frame of our library: our code and what it calls. */
  readonly underLibraryMs: number;
  /** The library's functions by self time. */
  readonly libraryHotspots: Array<{ readonly fn: string; readonly selfMs: number }>;
  /** Any package's functions by self time (outside module loading). */
  readonly hotspots: Array<{ readonly fn: string; readonly bucket: string; readonly selfMs: number }>;
}

/** cdktf captures the whole stack for every token it creates; V8 and Node format it. */
const STACK_TRACE_FUNCTIONS = new Set(['captureStackTrace', 'defaultPrepareStackTrace', 'prepareStackTraceCallback', 'get stack']);

function bucketOf(frame: CallFrame, root: string): string {
  const url = frame.url.startsWith('file://') ? decodeURIComponent(frame.url.slice(7)) : frame.url;
  if (STACK_TRACE_FUNCTIONS.has(frame.functionName) || url.includes('/cdktf/lib/tokens/private/stack-trace')) return 'stack traces (token creation)';
  if (frame.functionName === '(garbage collector)') return 'gc';
  if (frame.functionName === '(program)') return 'program';
  if (url.startsWith(path.join(root, 'dist') + path.sep)) return 'library';
  if (url.includes('/node_modules/cdktf/')) return 'cdktf';
  if (url.includes('/node_modules/constructs/')) return 'constructs';
  if (url.includes('/node_modules/@cdktf/provider-azurerm/')) return 'provider';
  if (url.includes('/bench/')) return 'scenario';
  if (url.includes('/node_modules/')) return `other: ${/\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? '?'}`;
  if (url === '' || url.startsWith('node:')) return 'node';
  return 'other';
}

function label(frame: CallFrame, root: string): string {
  const url = frame.url.startsWith('file://') ? decodeURIComponent(frame.url.slice(7)) : frame.url;
  const file = url.includes('/node_modules/') ? url.slice(url.lastIndexOf('/node_modules/') + 14) : path.relative(root, url) || url;
  return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
}

/** A `require()` made by JavaScript code (the entry point itself is loaded without one). */
const isModuleLoading = (frame: CallFrame): boolean => frame.functionName === 'require' && frame.url === 'node:internal/modules/helpers';

export function summarizeProfile(profile: CpuProfile, root: string): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const underRequire = new Map<number, boolean>();
  const underLibrary = new Map<number, boolean>();
  const classify = (id: number): void => {
    if (underRequire.has(id)) return;
    const node = byId.get(id)!;
    const up = parent.get(id);
    if (up !== undefined) classify(up);
    underRequire.set(id, isModuleLoading(node.callFrame) || (up !== undefined && underRequire.get(up)!));
    underLibrary.set(id, bucketOf(node.callFrame, root) === 'library' || (up !== undefined && underLibrary.get(up)!));
  };

  const selfMsByBucket: Record<string, number> = {};
  const selfByFunction = new Map<string, { bucket: string; ms: number }>();
  let totalMs = 0;
  let requireMs = 0;
  let underLibraryMs = 0;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') return;
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    classify(id);
    totalMs += ms;
    if (underRequire.get(id)) {
      requireMs += ms;
      return;
    }
    if (underLibrary.get(id)) underLibraryMs += ms;
    const bucket = bucketOf(node.callFrame, root);
    selfMsByBucket[bucket] = (selfMsByBucket[bucket] ?? 0) + ms;
    const key = label(node.callFrame, root);
    const entry = selfByFunction.get(key) ?? { bucket, ms: 0 };
    entry.ms += ms;
    selfByFunction.set(key, entry);
  });
  const ranked = [...selfByFunction].sort((a, b) => b[1].ms - a[1].ms);
  return {
    totalMs,
    requireMs,
    selfMsByBucket,
    underLibraryMs,
    libraryHotspots: ranked
      .filter(([, entry]) => entry.bucket === 'library')
      .slice(0, 8)
      .map(([fn, entry]) => ({ fn, selfMs: entry.ms })),
    hotspots: ranked.slice(0, 12).map(([fn, entry]) => ({ fn, bucket: entry.bucket, selfMs: entry.ms })),
  };
}
