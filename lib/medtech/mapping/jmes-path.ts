/**
 * A JMESPath parser that accepts what JmesPath.Net 1.0.205 (the version MedTech pins) accepts, and the function
 * table MedTech registers: the standard functions of that version plus MedTech's eight custom ones.
 *
 * Why not `jmespath.compile` (npm `jmespath@0.16.0`): it is not faithful in ways that matter here. It rejects
 * `@.x` as a function argument (`to_array(@.Body)`, used by Azure's own conversions sample), parses
 * `length(@[0])` as two arguments, accepts arguments without commas, and accepts the legacy literal
 * `` `foo` `` that JmesPath.Net rejects because backtick literals must be JSON.
 *
 * Tokens follow `src/jmespath.net.parser/JmesPathScanner.lex` (longest match, first rule wins a tie); the parser is
 * a Pratt parser with the JMESPath specification's binding powers over the grammar of `JmesPathParser.y`.
 */
import { shorten } from './findings';

/** A node of the parsed expression. `children` are sub-expressions in source order. */
export interface JmesNode {
  readonly type: JmesNodeType;
  readonly children: readonly JmesNode[];
  /** Field name, function name, or comparator (`==`, `<`...). */
  readonly name?: string;
  /** 0-based index of the node's first token in the expression. */
  readonly position: number;
  /** Literal: the JSON text between the backticks; raw string: its value (JmesPath.Net unescapes only `\``/`\'`). */
  readonly text?: string;
  /** Index: the index (JmesPath.Net reads a number that is no Int32 as 0). */
  readonly index?: number;
  /** Slice: start, stop and step, each undefined when omitted. */
  readonly slice?: readonly [number | undefined, number | undefined, number | undefined];
  /** MultiSelectHash: the key of each child, in order. */
  readonly keys?: readonly string[];
  /** Literal: true for a raw string (`'...'`), whose `text` is the string itself rather than JSON. */
  readonly raw?: boolean;
}

export type JmesNodeType =
  | 'Field'
  | 'Current'
  | 'Identity'
  | 'Literal'
  | 'Subexpression'
  | 'IndexExpression'
  | 'Index'
  | 'Slice'
  | 'Projection'
  | 'ValueProjection'
  | 'FilterProjection'
  | 'Flatten'
  | 'Pipe'
  | 'Or'
  | 'And'
  | 'Not'
  | 'Comparator'
  | 'Function'
  | 'ExpressionReference'
  | 'MultiSelectList'
  | 'MultiSelectHash';

export interface JmesProblem {
  readonly message: string;
  /** 0-based index in the expression. */
  readonly position: number;
}

export type JmesPathAnalysis =
  | { readonly ok: true; readonly ast: JmesNode; readonly problems: readonly JmesProblem[]; readonly warnings: readonly JmesProblem[] }
  | { readonly ok: false; readonly problems: readonly JmesProblem[] };

/** Arity of each function the MedTech service registers; `variadic` functions take `min` or more arguments. */
export const JMESPATH_FUNCTIONS: Readonly<Record<string, { readonly min: number; readonly variadic?: boolean }>> = {
  // JmesPath.Net 1.0.204/1.0.205 `JmesPathFunctionFactory` (standard spec functions only).
  abs: { min: 1 },
  avg: { min: 1 },
  ceil: { min: 1 },
  contains: { min: 2 },
  ends_with: { min: 2 },
  floor: { min: 1 },
  join: { min: 2 },
  keys: { min: 1 },
  length: { min: 1 },
  map: { min: 2 },
  max: { min: 1 },
  max_by: { min: 2 },
  merge: { min: 1, variadic: true },
  min: { min: 1 },
  min_by: { min: 2 },
  not_null: { min: 1, variadic: true },
  reverse: { min: 1 },
  sort: { min: 1 },
  sort_by: { min: 2 },
  starts_with: { min: 2 },
  sum: { min: 1 },
  to_array: { min: 1 },
  to_number: { min: 1 },
  to_string: { min: 1 },
  type: { min: 1 },
  values: { min: 1 },
  // MedTech custom functions (microsoft/iomt-fhir `src/lib/Microsoft.Health.Expressions`).
  add: { min: 2 },
  subtract: { min: 2 },
  multiply: { min: 2 },
  divide: { min: 2 },
  pow: { min: 2 },
  insertString: { min: 3 },
  fromUnixTimestamp: { min: 1 },
  fromUnixTimestampMs: { min: 1 },
};

/** The MedTech custom functions, which fail on every message when an argument is null. */
export const MEDTECH_CUSTOM_FUNCTIONS: ReadonlySet<string> = new Set([
  'add',
  'subtract',
  'multiply',
  'divide',
  'pow',
  'insertString',
  'fromUnixTimestamp',
  'fromUnixTimestampMs',
]);

/** Functions added to JmesPath.Net after the version MedTech uses (and `let`, parsed by it as a function call). */
const NEWER_FUNCTIONS: ReadonlySet<string> = new Set([
  'let',
  'items',
  'to_object',
  'zip',
  'group_by',
  'split',
  'replace',
  'pad_left',
  'pad_right',
  'trim',
  'trim_left',
  'trim_right',
  'lower',
  'upper',
  'find_first',
  'find_last',
  'from_items',
]);

/** Parses the expression and checks every function call against the service's function table. */
export function analyzeJmesPath(expression: string): JmesPathAnalysis {
  let ast: JmesNode;
  const warnings: JmesProblem[] = [];
  try {
    ast = new Parser(tokenize(expression, warnings)).parse();
  } catch (error) {
    if (error instanceof JmesSyntaxError) return { ok: false, problems: [{ message: error.message, position: error.position }] };
    if (error instanceof RangeError) return { ok: false, problems: [{ message: 'The expression is nested too deeply to be parsed.', position: 0 }] };
    throw error;
  }
  const problems: JmesProblem[] = [];
  forEachNode(ast, (node) => {
    if (node.type === 'Function') {
      const problem = checkFunctionCall(node.name ?? '', node.children.length);
      if (problem !== undefined) problems.push({ message: problem, position: node.position });
    }
  });
  return { ok: true, ast, problems, warnings };
}

/** Visits every node depth-first without recursion (expressions may be long). */
export function forEachNode(root: JmesNode, visit: (node: JmesNode) => void): void {
  const stack: JmesNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
}

/** JmesPath.Net's messages for an unknown function or a wrong argument count, plus a hint. */
function checkFunctionCall(name: string, actual: number): string | undefined {
  const spec = Object.prototype.hasOwnProperty.call(JMESPATH_FUNCTIONS, name) ? JMESPATH_FUNCTIONS[name] : undefined;
  if (spec === undefined) {
    const sameIgnoringCase = Object.keys(JMESPATH_FUNCTIONS).find((known) => known.toLowerCase() === name.toLowerCase());
    const hint =
      sameIgnoringCase !== undefined
        ? ` Function names are case-sensitive: use ${sameIgnoringCase}.`
        : NEWER_FUNCTIONS.has(name)
          ? ` ${name} was added to JmesPath.Net after version 1.0.205, which MedTech uses.`
          : '';
    return `Error: unknown-function, no function named ${name} has been registered.${hint}`;
  }
  const variadic = spec.variadic === true;
  if (actual >= spec.min && (variadic || actual === spec.min)) return undefined;
  const more = variadic ? 'or more ' : '';
  const report = actual === 0 ? 'none' : `${variadic ? 'only ' : ''}${actual}`;
  const plural = spec.min > 1 ? 's' : '';
  return `Error: invalid-arity, the function ${name} expects ${spec.min} argument${plural} ${more}but ${report} were supplied.`;
}

class JmesSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Lexer

type TokenType =
  | 'and'
  | 'or'
  | 'not'
  | 'colon'
  | 'comma'
  | 'dot'
  | 'pipe'
  | 'eq'
  | 'gt'
  | 'ge'
  | 'lt'
  | 'le'
  | 'ne'
  | 'flatten'
  | 'filter'
  | 'star'
  | 'current'
  | 'expref'
  | 'number'
  | 'literal'
  | 'quoted'
  | 'raw'
  | 'identifier'
  | 'lbrace'
  | 'rbrace'
  | 'lbracket'
  | 'rbracket'
  | 'lparen'
  | 'rparen'
  | 'whitespace'
  | 'eof';

interface Token {
  readonly type: TokenType;
  readonly text: string;
  readonly position: number;
}

/** The scanner's rules in their `.lex` order (the order breaks ties between equally long matches). */
const TOKEN_RULES: ReadonlyArray<readonly [TokenType, RegExp]> = [
  ['and', /&&/y],
  ['or', /\|\|/y],
  ['not', /!/y],
  ['colon', /:/y],
  ['comma', /,/y],
  ['dot', /\./y],
  ['pipe', /\|/y],
  ['eq', /==/y],
  ['gt', />/y],
  ['ge', />=/y],
  ['lt', /</y],
  ['le', /<=/y],
  ['ne', /!=/y],
  ['filter', /\[\?/y],
  ['flatten', /\[\]/y],
  ['star', /\*/y],
  ['current', /@/y],
  ['expref', /&/y],
  ['number', /-?[0-9]+/y],
  ['literal', /`(?:\\`|[^`])*`/y],
  ['quoted', /"(?:[^"\\\b\f\n\r\t]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/y],
  ['raw', /'(?:\\[\s\S]|[^'\\])*'/y],
  ['identifier', /[A-Za-z_][0-9A-Za-z_]*/y],
  ['lbrace', /\{/y],
  ['rbrace', /\}/y],
  ['lbracket', /\[/y],
  ['rbracket', /\]/y],
  ['lparen', /\(/y],
  ['rparen', /\)/y],
  ['whitespace', /[ \b\f\n\r\t]+/y],
];

function tokenize(expression: string, warnings: JmesProblem[]): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  while (position < expression.length) {
    let best: Token | undefined;
    for (const [type, pattern] of TOKEN_RULES) {
      pattern.lastIndex = position;
      const match = pattern.exec(expression);
      if (match !== null && (best === undefined || match[0].length > best.text.length)) {
        best = { type, text: match[0], position };
      }
    }
    if (best === undefined) {
      throw new JmesSyntaxError(`Unrecognized character ${JSON.stringify(expression[position])}.`, position);
    }
    if (best.type === 'literal') checkJsonLiteral(best, warnings);
    if (best.type !== 'whitespace') tokens.push(best);
    position += best.text.length;
  }
  tokens.push({ type: 'eof', text: '', position });
  return tokens;
}

/**
 * JmesPath.Net parses backtick literals as JSON, so `` `heartRate` `` should fail to load; but the JMESPath
 * specification's legacy form reads it as the string "heartRate" and Azure's own documentation uses it. Since we
 * cannot be sure the service rejects it, it is a warning, not an error ("never reject a mapping that works").
 */
function checkJsonLiteral(token: Token, warnings: JmesProblem[]): void {
  const json = token.text.slice(1, -1).replace(/\\`/g, '`');
  try {
    JSON.parse(json);
  } catch {
    const text = shorten(json.trim());
    // Only a bare word can be the legacy form; anything else is broken JSON.
    if (!/^[A-Za-z_][\w-]*$/.test(json.trim())) {
      throw new JmesSyntaxError(`Invalid JSON text in literal \`${text}\`: backtick literals must be JSON.`, token.position);
    }
    warnings.push({
      message:
        `The literal \`${text}\` is not JSON: JmesPath.Net, the library MedTech uses, expects JSON in backtick literals, while the JMESPath ` +
        `specification's legacy form (used in Azure's docs) reads it as the string "${text}". Write \`${JSON.stringify(text)}\` or '${text}' to be safe.`,
      position: token.position,
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Parser

/** Left binding powers from the JMESPath specification; tokens not listed bind with 0. */
const BINDING_POWER: Partial<Record<TokenType, number>> = {
  pipe: 1,
  or: 2,
  and: 3,
  eq: 5,
  gt: 5,
  lt: 5,
  ge: 5,
  le: 5,
  ne: 5,
  flatten: 9,
  star: 20,
  filter: 21,
  dot: 40,
  not: 45,
  lbrace: 50,
  lbracket: 55,
  lparen: 60,
};
const PROJECTION_STOP = 10;

const COMPARATORS: ReadonlySet<TokenType> = new Set(['eq', 'gt', 'lt', 'ge', 'le', 'ne']);

class Parser {
  private index = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): JmesNode {
    const ast = this.expression(0);
    if (this.peek().type !== 'eof') throw this.unexpected(this.peek());
    return ast;
  }

  private expression(rbp: number): JmesNode {
    let left = this.nud(this.advance());
    while (rbp < this.bindingPower(this.peek())) {
      left = this.led(this.advance(), left);
    }
    return left;
  }

  private nud(token: Token): JmesNode {
    const at = token.position;
    switch (token.type) {
      case 'literal':
        return node('Literal', at, [], undefined, { text: token.text.slice(1, -1).replace(/\\`/g, '`') });
      case 'raw':
        return node('Literal', at, [], undefined, { text: token.text.slice(1, -1).replace(/\\'/g, "'"), raw: true });
      case 'identifier':
        return node('Field', at, [], token.text);
      case 'quoted':
        if (this.peek().type === 'lparen') throw new JmesSyntaxError('A quoted identifier cannot name a function.', at);
        return node('Field', at, [], JSON.parse(token.text) as string);
      case 'star':
        return node('ValueProjection', at, [node('Identity', at), this.projectionRhs(BINDING_POWER.star!)]);
      case 'filter':
        return this.led(token, node('Identity', at));
      case 'lbrace':
        return this.multiSelectHash(at);
      case 'flatten':
        return node('Projection', at, [node('Flatten', at, [node('Identity', at)]), this.projectionRhs(BINDING_POWER.flatten!)]);
      case 'lbracket': {
        const next = this.peek().type;
        if (next === 'number' || next === 'colon') return this.projectIfSlice(node('Identity', at), this.indexExpression(at));
        if (next === 'star' && this.peek(1).type === 'rbracket') {
          this.advance();
          this.advance();
          return node('Projection', at, [node('Identity', at), this.projectionRhs(BINDING_POWER.star!)]);
        }
        return this.multiSelectList(at);
      }
      case 'current':
        return node('Current', at);
      case 'not':
        return node('Not', at, [this.expression(BINDING_POWER.not!)]);
      case 'lparen': {
        const inner = this.expression(0);
        this.expect('rparen');
        return inner;
      }
      default:
        throw this.unexpected(token);
    }
  }

  private led(token: Token, left: JmesNode): JmesNode {
    const at = left.position;
    switch (token.type) {
      case 'dot':
        if (this.peek().type === 'star') {
          this.advance();
          return node('ValueProjection', at, [left, this.projectionRhs(BINDING_POWER.dot!)]);
        }
        return node('Subexpression', at, [left, this.dotRhs(BINDING_POWER.dot!)]);
      case 'pipe':
        return node('Pipe', at, [left, this.expression(BINDING_POWER.pipe!)]);
      case 'or':
        return node('Or', at, [left, this.expression(BINDING_POWER.or!)]);
      case 'and':
        return node('And', at, [left, this.expression(BINDING_POWER.and!)]);
      case 'lparen':
        return this.functionCall(token, left);
      case 'filter': {
        const condition = this.expression(0);
        this.expect('rbracket');
        const right = this.peek().type === 'flatten' ? node('Identity', token.position) : this.projectionRhs(BINDING_POWER.filter!);
        return node('FilterProjection', at, [left, condition, right]);
      }
      case 'flatten':
        return node('Projection', at, [node('Flatten', at, [left]), this.projectionRhs(BINDING_POWER.flatten!)]);
      case 'lbracket': {
        const next = this.peek().type;
        if (next === 'number' || next === 'colon') return this.projectIfSlice(left, this.indexExpression(token.position));
        this.expect('star');
        this.expect('rbracket');
        return node('Projection', at, [left, this.projectionRhs(BINDING_POWER.star!)]);
      }
      default:
        if (COMPARATORS.has(token.type)) {
          return node('Comparator', at, [left, this.expression(BINDING_POWER[token.type]!)], token.text);
        }
        throw this.unexpected(token);
    }
  }

  /** `name(arg, ...)`: only an unquoted identifier names a function; `&expr` is allowed only as an argument. */
  private functionCall(paren: Token, callee: JmesNode): JmesNode {
    const nameToken = this.tokens[this.index - 2];
    if (callee.type !== 'Field' || nameToken?.type !== 'identifier' || nameToken.position !== callee.position) {
      throw this.unexpected(paren);
    }
    const args: JmesNode[] = [];
    if (this.peek().type !== 'rparen') {
      for (;;) {
        const next = this.peek();
        if (next.type === 'expref') {
          this.advance();
          args.push(node('ExpressionReference', next.position, [this.expression(0)]));
        } else {
          args.push(this.expression(0));
        }
        if (this.peek().type !== 'comma') break;
        this.advance();
      }
    }
    this.expect('rparen');
    return node('Function', callee.position, args, callee.name);
  }

  private indexExpression(at: number): JmesNode {
    if (this.peek().type === 'number' && this.peek(1).type !== 'colon') {
      const index = this.advance();
      this.expect('rbracket');
      return node('Index', index.position, [], undefined, { index: int32OrZero(index.text) });
    }
    const parts: Array<number | undefined> = [undefined, undefined, undefined];
    let part = 0;
    for (;;) {
      const token = this.peek();
      if (token.type === 'rbracket') break;
      if (token.type === 'colon' && part < 2) {
        part++;
      } else if (token.type === 'number' && parts[part] === undefined) {
        parts[part] = int32OrZero(token.text);
      } else {
        throw this.unexpected(token);
      }
      this.advance();
    }
    this.advance();
    if (parts[2] === 0) throw new JmesSyntaxError('Error: invalid-value, a slice projection step cannot be 0.', at);
    return node('Slice', at, [], undefined, { slice: [parts[0], parts[1], parts[2]] });
  }

  private projectIfSlice(left: JmesNode, right: JmesNode): JmesNode {
    const indexExpression = node('IndexExpression', left.position, [left, right]);
    if (right.type !== 'Slice') return indexExpression;
    return node('Projection', left.position, [indexExpression, this.projectionRhs(BINDING_POWER.star!)]);
  }

  private projectionRhs(rbp: number): JmesNode {
    const next = this.peek();
    if (this.bindingPower(next) < PROJECTION_STOP) return node('Identity', next.position);
    if (next.type === 'lbracket' || next.type === 'filter') return this.expression(rbp);
    if (next.type === 'dot') {
      this.advance();
      return this.dotRhs(rbp);
    }
    throw this.unexpected(next);
  }

  private dotRhs(rbp: number): JmesNode {
    const next = this.peek();
    if (next.type === 'identifier' || next.type === 'quoted' || next.type === 'star') return this.expression(rbp);
    if (next.type === 'lbracket') {
      this.advance();
      return this.multiSelectList(next.position);
    }
    if (next.type === 'lbrace') {
      this.advance();
      return this.multiSelectHash(next.position);
    }
    throw this.unexpected(next);
  }

  private multiSelectList(at: number): JmesNode {
    const items: JmesNode[] = [this.expression(0)];
    while (this.peek().type === 'comma') {
      this.advance();
      items.push(this.expression(0));
    }
    this.expect('rbracket');
    return node('MultiSelectList', at, items);
  }

  private multiSelectHash(at: number): JmesNode {
    const values: JmesNode[] = [];
    const keys: string[] = [];
    for (;;) {
      const key = this.advance();
      if (key.type !== 'identifier' && key.type !== 'quoted') throw this.unexpected(key);
      const name = key.type === 'quoted' ? (JSON.parse(key.text) as string) : key.text;
      // JmesPath.Net collects the keys in a Dictionary, whose Add fails on a repeated key.
      if (keys.includes(name)) throw new JmesSyntaxError(`An item with the same key has already been added. Key: ${name}`, key.position);
      keys.push(name);
      this.expect('colon');
      values.push(this.expression(0));
      if (this.peek().type !== 'comma') break;
      this.advance();
    }
    this.expect('rbrace');
    return node('MultiSelectHash', at, values, undefined, { keys });
  }

  private bindingPower(token: Token): number {
    return BINDING_POWER[token.type] ?? 0;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)];
  }

  private advance(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index++;
    return token;
  }

  private expect(type: TokenType): Token {
    const token = this.advance();
    if (token.type !== type) throw this.unexpected(token);
    return token;
  }

  private unexpected(token: Token): JmesSyntaxError {
    return token.type === 'eof'
      ? new JmesSyntaxError('Error: syntax. The expression ends too early.', token.position)
      : new JmesSyntaxError(`Error: syntax. Unexpected ${JSON.stringify(token.text)}.`, token.position);
  }
}

type NodeDetails = Pick<JmesNode, 'text' | 'index' | 'slice' | 'keys' | 'raw'>;

function node(type: JmesNodeType, position: number, children: readonly JmesNode[] = [], name?: string, details?: NodeDetails): JmesNode {
  const base = name === undefined ? { type, children, position } : { type, children, position, name };
  return details === undefined ? base : { ...base, ...details };
}

/** JmesPath.Net's `NumberToken` (`Int32.TryParse`, whose failure leaves 0). */
function int32OrZero(text: string): number {
  const value = Number(text);
  return value >= -2147483648 && value <= 2147483647 ? value : 0;
}
