/**
 * The mechanical step of the cdktn build: rewrites the module specifiers of compiled output (`.js` and `.d.ts`) from
 * the cdktf packages to the CDK Terrain ones. It parses each file with the TypeScript compiler and replaces only the
 * string literals that name a module — `require(...)`, `require.resolve(...)`, `import(...)`, `import ... from`,
 * `export ... from`, `import x = require(...)`, `import("...").T` in declarations, `declare module "..."` — so that
 * comments, messages and other strings that mention cdktf stay as they are.
 */
import * as ts from 'typescript';
import { Core, isCdktfSpecifier, mapSpecifier } from './core-specifiers';

export interface SpecifierChange {
  readonly from: string;
  readonly to: string;
  /** 1-based line of the literal in the input. */
  readonly line: number;
}

export interface RewriteResult {
  readonly text: string;
  readonly changes: SpecifierChange[];
}

/** Every string literal of `file` that names a module, in source order. */
export function moduleSpecifierLiterals(fileName: string, text: string): ts.StringLiteralLike[] {
  const kind = fileName.endsWith('.d.ts') || fileName.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const found: ts.StringLiteralLike[] = [];
  const take = (node: ts.Node | undefined): void => {
    if (node !== undefined && ts.isStringLiteralLike(node)) found.push(node);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) take(node.moduleSpecifier);
    else if (ts.isExternalModuleReference(node)) take(node.expression);
    else if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) take(node.name);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) take(node.argument.literal);
    else if (ts.isCallExpression(node) && node.arguments.length >= 1 && isModuleCall(node.expression)) take(node.arguments[0]);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** `require(...)`, `require.resolve(...)` and dynamic `import(...)`. */
function isModuleCall(callee: ts.Expression): boolean {
  if (callee.kind === ts.SyntaxKind.ImportKeyword) return true;
  if (ts.isIdentifier(callee)) return callee.text === 'require';
  return (
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'require' &&
    callee.name.text === 'resolve'
  );
}

/**
 * Rewrites the module specifiers of one compiled file for `core`. Throws when a specifier of the cdktf family has
 * no counterpart, and when, after the rewrite, a cdktn build would still name a cdktf package.
 */
export function rewriteModuleSpecifiers(fileName: string, text: string, core: Core): RewriteResult {
  const literals = moduleSpecifierLiterals(fileName, text);
  const changes: SpecifierChange[] = [];
  let output = '';
  let cursor = 0;
  for (const literal of literals) {
    const to = mapSpecifier(literal.text, core);
    if (to === literal.text) continue;
    const start = literal.getStart();
    const quote = text[start];
    output += text.slice(cursor, start) + quote + to + quote;
    cursor = literal.getEnd();
    const { line } = literal.getSourceFile().getLineAndCharacterOfPosition(start);
    changes.push({ from: literal.text, to, line: line + 1 });
  }
  output += text.slice(cursor);
  if (core === 'cdktn') {
    const left = moduleSpecifierLiterals(fileName, output).filter((literal) => isCdktfSpecifier(literal.text));
    if (left.length > 0) throw new Error(`${fileName}: still imports ${left.map((literal) => `"${literal.text}"`).join(', ')} after the rewrite`);
  }
  return { text: output, changes };
}
