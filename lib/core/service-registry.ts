import type { IConstruct } from 'constructs';

const NAMES = Symbol.for('cdktf-azure-health-data-services.names');

/**
 * Remembers which names are taken within a scope (an app for workspaces and private DNS zones, a MedTech service for
 * its destination), so that a second resource with the same name fails at synth instead of at deploy. The names live
 * on the scope itself. Names within a workspace are claimed on its boundary instead.
 */
export class NameRegistry {
  /** Claims `name` of `kind` within `owner` for `claimant`; returns the path of an earlier claimant, if any. */
  public static claim(owner: IConstruct, kind: string, name: string, claimant: IConstruct): string | undefined {
    const holder = owner as { [NAMES]?: Map<string, IConstruct> };
    if (!holder[NAMES]) Object.defineProperty(owner, NAMES, { value: new Map<string, IConstruct>() });
    const names = holder[NAMES]!;
    // Azure resource names are case-insensitive (they become DNS labels).
    const key = `${kind}\u0000${name.toLowerCase()}`;
    const earlier = names.get(key);
    if (earlier !== undefined) return earlier.node.path;
    // The construct, not its path: a path is computed by walking the tree, and is only needed for the error.
    names.set(key, claimant);
    return undefined;
  }
}
