/**
 * What a parsed expression can reach, given the object it runs against. Used to find expressions that can never
 * match. Deliberately conservative: each function answers "certainly unreachable" or nothing.
 */
import { MEDTECH_CUSTOM_FUNCTIONS, JmesNode } from './jmes-path';
import { JsonPathFilter } from './json-path';

/**
 * The member names a JSONPath reads from its root first (`$.x`, `$['x']`, `$['x','y']`, or a relative `x`), or
 * undefined when its first step may reach anything (`$..x`, `$.*`, `$[0]`, a filter, or just `$`).
 */
export function firstJsonPathMembers(filters: readonly JsonPathFilter[]): readonly string[] | undefined {
  const first = filters[0];
  if (first?.kind === 'field' && first.name !== undefined) return [first.name];
  if (first?.kind === 'fieldMultiple') return first.names;
  return undefined;
}

/**
 * Whether a JSONPath can return the token it is evaluated on: only `$` itself and `..[?(...)]` scans can, because
 * a scan filter tests the token itself as well as its descendants (Json.NET `QueryScanFilter`).
 */
export function canSelectRoot(filters: readonly JsonPathFilter[]): boolean {
  return filters.every((filter) => filter.kind === 'queryScan');
}

/** A field read from the root that does not exist there, making the whole expression useless. */
export interface UnreachableRead {
  readonly field: string;
  /** Set when the field is an argument of this MedTech custom function, which then fails on every message. */
  readonly functionName?: string;
}

/**
 * For a JMESPath evaluated on an object whose only keys are `roots`: the root field that makes the expression
 * always evaluate to null, or a null argument that makes a top-level MedTech custom function always fail.
 */
export function jmesPathUnreachableRead(ast: JmesNode, roots: ReadonlySet<string>): UnreachableRead | undefined {
  if (ast.type === 'Function' && MEDTECH_CUSTOM_FUNCTIONS.has(ast.name ?? '')) {
    for (const argument of ast.children) {
      const field = deadRootField(argument, roots);
      if (field !== undefined) return { field, functionName: ast.name };
    }
    return undefined;
  }
  const field = deadRootField(ast, roots);
  return field === undefined ? undefined : { field };
}

/** The field that makes `node`, evaluated on the root, certainly null. Iterative: chains like `a.b.c…` can be long. */
function deadRootField(node: JmesNode, roots: ReadonlySet<string>): string | undefined {
  let current = node;
  for (;;) {
    const [left, right] = current.children;
    switch (current.type) {
      case 'Field':
        return roots.has(current.name ?? '') ? undefined : current.name;
      case 'Subexpression':
      case 'Pipe':
        // `@.x` and `@ | x` read x from the root itself.
        if (left.type === 'Current' || left.type === 'Identity') {
          current = right;
          continue;
        }
        if (!nullOnNullInput(right)) return undefined;
        current = left;
        continue;
      case 'IndexExpression':
        if (!nullOnNullInput(right)) return undefined;
        current = left;
        continue;
      case 'Projection':
      case 'ValueProjection':
      case 'FilterProjection':
      case 'Flatten':
        // Projecting or flattening null gives null, whatever the right-hand side.
        current = left;
        continue;
      default:
        return undefined;
    }
  }
}

/** Whether `node` evaluates to null whenever its input is null. */
function nullOnNullInput(node: JmesNode): boolean {
  const pending = [node];
  while (pending.length > 0) {
    const current = pending.pop()!;
    switch (current.type) {
      case 'Field':
      case 'Index':
      case 'Slice':
      case 'Current':
      case 'Identity':
        break;
      case 'Subexpression':
      case 'IndexExpression':
      case 'Pipe':
        pending.push(...current.children);
        break;
      case 'Projection':
      case 'ValueProjection':
      case 'FilterProjection':
      case 'Flatten':
        pending.push(current.children[0]);
        break;
      default:
        return false;
    }
  }
  return true;
}
