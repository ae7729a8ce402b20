import { IConstruct } from 'constructs';

/**
 * Remembers which names are taken within a scope (an app for workspaces, a workspace for its services), so that a
 * second resource with the same name fails at synth instead of at deploy.
 */
export class NameRegistry {
  private static readonly registries = new WeakMap<IConstruct, Map<string, IConstruct>>();

  /** Claims `name` of `kind` within `owner` for `claimant`; returns the path of an earlier claimant, if any. */
  public static claim(owner: IConstruct, kind: string, name: string, claimant: IConstruct): string | undefined {
    let names = NameRegistry.registries.get(owner);
    if (!names) {
      names = new Map();
      NameRegistry.registries.set(owner, names);
    }
    // Azure resource names are case-insensitive (they become DNS labels).
    const key = `${kind}\u0000${name.toLowerCase()}`;
    const earlier = names.get(key);
    if (earlier !== undefined) return earlier.node.path;
    // The construct, not its path: a path is computed by walking the tree, and is only needed for the error.
    names.set(key, claimant);
    return undefined;
  }
}
