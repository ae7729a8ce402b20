/** How one attribute is rendered by cdktf's HCL synthesizer (`cdktf synth --hcl`). */
export type HclKind = 'list' | 'map' | 'block-list' | 'block' | 'any';

/** The HCL rendering hints cdktf's HCL synthesizer needs, derived from the JSON attributes. */
export function hclAttributes(attributes: { [name: string]: unknown }, kinds: { [name: string]: HclKind }): { [name: string]: unknown } {
  const result: { [name: string]: unknown } = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    const kind = kinds[name];
    if (kind === 'list') result[name] = { value, isBlock: false, type: 'list', storageClassType: 'stringList' };
    else if (kind === 'map') result[name] = { value, isBlock: false, type: 'map', storageClassType: 'stringMap' };
    else if (kind === 'block-list') result[name] = { value, isBlock: true, type: 'list', storageClassType: `${name}List` };
    else if (kind === 'block') result[name] = { value, isBlock: true, type: 'struct', storageClassType: name };
    else if (kind === 'any') result[name] = { value, isBlock: false, type: 'any', storageClassType: 'any' };
    else {
      const storageClassType = typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'number' : 'string';
      result[name] = { value, isBlock: false, type: 'simple', storageClassType };
    }
  }
  return result;
}
