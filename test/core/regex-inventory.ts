import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

export const LIB = path.join(__dirname, '..', '..', 'lib');

/** A regular expression literal in the library's source. */
export interface RegexSite {
  /** `lib/...:line` */
  readonly where: string;
  readonly source: string;
  readonly flags: string;
}

/** Every `.ts` file under lib/, so that a file added later is scanned too. */
export function libraryFiles(dir: string = LIB): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return libraryFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/**
 * Parses each file with the TypeScript compiler (not with a regular expression: comments, strings and template
 * literals that look like regexes are not regexes) and returns its regex literals, and the places where a
 * `RegExp` is built from something other than one string literal (which no static check can see).
 */
export function scanLibrary(): { literals: RegexSite[]; dynamic: string[] } {
  const literals: RegexSite[] = [];
  const dynamic: string[] = [];
  for (const file of libraryFiles()) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const where = (node: ts.Node): string =>
      `${path.relative(path.join(LIB, '..'), file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = (node as ts.RegularExpressionLiteral).text;
        const end = text.lastIndexOf('/');
        literals.push({ where: where(node), source: text.slice(1, end), flags: text.slice(end + 1) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [pattern, flags] = node.arguments ?? [];
        const literal = (arg: ts.Expression | undefined): arg is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral =>
          arg !== undefined && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg));
        if (literal(pattern) && (flags === undefined || literal(flags))) {
          literals.push({ where: where(node), source: pattern.text, flags: flags?.text ?? '' });
        } else {
          dynamic.push(where(node));
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { literals, dynamic };
}
