/** A synthesized Terraform JSON value (after token resolution): literals, `${...}` expressions, lists and blocks. */
export type TerraformValue = string | number | boolean | null | undefined | TerraformValue[] | { [key: string]: TerraformValue };

/** A synthesized block: argument names (snake_case) to values. */
export type TerraformBlock = { [key: string]: TerraformValue };

/** True when a string carries a Terraform expression (`${...}`), i.e. a value only Terraform knows. */
export function isExpression(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}

/** True when a value, or anything inside it, is a Terraform expression. */
export function containsExpression(value: unknown): boolean {
  if (isExpression(value)) return true;
  if (Array.isArray(value)) return value.some(containsExpression);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(containsExpression);
  return false;
}

/** A nested block: Terraform JSON accepts one object or a list of one; `undefined` when absent or not a block. */
export function blockOf(value: TerraformValue): TerraformBlock | undefined {
  const candidate = Array.isArray(value) ? value[0] : value;
  return typeof candidate === 'object' && candidate !== null && !Array.isArray(candidate) ? candidate : undefined;
}

/** A repeated block or a list argument as a list (one object counts as a list of one). */
export function listOf(value: TerraformValue): TerraformValue[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** A value for messages: JSON, shortened. */
export function show(value: unknown): string {
  const text = value === undefined ? 'not set' : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

/** Azure compares regions case-insensitively without spaces. */
export function sameRegion(a: string, b: string): boolean {
  return a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();
}
