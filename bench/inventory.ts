import { createHash } from 'crypto';

/**
 * What a synthesized stack contains, independent of how it was written: resource and data source types with their
 * counts, and each block's body with construct metadata dropped and references to other blocks rewritten from
 * logical ids (which differ between a construct library and hand-written code) to the referenced block's own
 * canonical form. Two stacks with equal normalized bodies describe the same infrastructure.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** "azurerm_healthcare_workspace" -> 3, "data.azurerm_client_config" -> 1 */
export type Inventory = Record<string, number>;

export interface StackContents {
  readonly inventory: Inventory;
  /** One hash over every normalized body; equal hashes mean equal stacks (up to logical ids). */
  readonly fingerprint: string;
  /** The normalized bodies per type, sorted (only when asked for: they are large). */
  readonly bodies?: Record<string, string[]>;
}

interface Block {
  /** "azurerm_x.LogicalId" or "data.azurerm_x.LogicalId": how other blocks refer to it. */
  readonly address: string;
  /** "azurerm_x" or "data.azurerm_x". */
  readonly type: string;
  /** The body as JSON text, without the "//" metadata. */
  readonly text: string;
}

function hash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 16);
}

function withoutMetadata(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutMetadata);
  if (value !== null && typeof value === 'object') {
    const result: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) {
      if (key !== '//') result[key] = withoutMetadata(value[key]);
    }
    return result;
  }
  return value;
}

function blocksOf(stack: { [key: string]: Json }): Block[] {
  const blocks: Block[] = [];
  for (const [section, prefix] of [
    ['resource', ''],
    ['data', 'data.'],
  ] as const) {
    const byType = stack[section];
    if (byType === null || typeof byType !== 'object' || Array.isArray(byType)) continue;
    for (const [type, byId] of Object.entries(byType)) {
      if (byId === null || typeof byId !== 'object' || Array.isArray(byId)) continue;
      for (const [logicalId, body] of Object.entries(byId)) {
        blocks.push({ address: `${prefix}${type}.${logicalId}`, type: `${prefix}${type}`, text: JSON.stringify(withoutMetadata(body)) });
      }
    }
  }
  return blocks;
}

// A reference inside a string: "${azurerm_x.Id.attr}", "${data.azurerm_x.Id.attr}" or a depends_on entry "azurerm_x.Id".
const REFERENCE = /(?:data\.)?azurerm_[a-z0-9_]+\.[A-Za-z0-9_-]+/g;

/** Reads what a stack contains; `withBodies` also returns the normalized bodies (for a readable diff). */
export function contentsOf(stack: { [key: string]: Json }, withBodies = false): StackContents {
  const blocks = blocksOf(stack);
  const inventory: Inventory = {};
  for (const block of blocks) inventory[block.type] = (inventory[block.type] ?? 0) + 1;

  // Each block's canonical form is its body with references replaced by the referenced block's canonical form
  // (as a hash). References form a shallow DAG (workspace <- service <- role assignment ...), so a few rounds settle it.
  const addresses = new Set(blocks.map((block) => block.address));
  let canonical = new Map(
    blocks.map((block) => [block.address, `${block.type}:${hash(block.text.replace(REFERENCE, (ref) => (addresses.has(ref) ? '<ref>' : ref)))}`]),
  );
  let texts = new Map<string, string>();
  for (let round = 0; round < 6; round++) {
    texts = new Map(
      blocks.map((block) => [block.address, block.text.replace(REFERENCE, (ref) => (addresses.has(ref) ? `<${canonical.get(ref)}>` : ref))]),
    );
    const next = new Map(blocks.map((block) => [block.address, `${block.type}:${hash(texts.get(block.address)!)}`]));
    const settled = [...next].every(([address, value]) => canonical.get(address) === value);
    canonical = next;
    if (settled) break;
  }
  const bodies: Record<string, string[]> = {};
  for (const block of blocks) (bodies[block.type] ??= []).push(texts.get(block.address)!);
  for (const list of Object.values(bodies)) list.sort();
  const fingerprint = hash(
    Object.keys(bodies)
      .sort()
      .map((type) => `${type}\n${bodies[type].join('\n')}`)
      .join('\n'),
  );
  return { inventory, fingerprint, ...(withBodies ? { bodies } : {}) };
}

/** The differences between two inventories, as readable lines (empty when they agree). */
export function inventoryDifferences(left: Inventory, right: Inventory, leftLabel: string, rightLabel: string): string[] {
  const types = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
  return types
    .filter((type) => (left[type] ?? 0) !== (right[type] ?? 0))
    .map((type) => `${type}: ${left[type] ?? 0} with ${leftLabel}, ${right[type] ?? 0} with ${rightLabel}`);
}

/** The first body of each type that differs between two stacks, for the report. */
export function bodyDifferences(left: Record<string, string[]>, right: Record<string, string[]>): string[] {
  const differences: string[] = [];
  for (const type of [...new Set([...Object.keys(left), ...Object.keys(right)])].sort()) {
    const a = left[type] ?? [];
    const b = right[type] ?? [];
    const onlyLeft = a.filter((body) => !b.includes(body));
    const onlyRight = b.filter((body) => !a.includes(body));
    if (onlyLeft.length > 0 || onlyRight.length > 0) {
      differences.push(
        `${type}: ${onlyLeft.length} bodies only in (a), ${onlyRight.length} only in (b); e.g.\n  (a) ${onlyLeft[0] ?? '-'}\n  (b) ${onlyRight[0] ?? '-'}`,
      );
    }
  }
  return differences;
}
