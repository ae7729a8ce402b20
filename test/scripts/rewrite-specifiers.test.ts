import * as fs from 'fs';
import * as path from 'path';
import { compileLibrary } from '../../scripts/build-package';
import { isCdktfSpecifier, jestModuleNameMapper, mapSpecifier, packageNameOf } from '../../scripts/core-specifiers';
import { moduleSpecifierLiterals, rewriteModuleSpecifiers } from '../../scripts/rewrite-specifiers';

describe('mapSpecifier (the table of the cdktn build)', () => {
  test.each([
    ['cdktf', 'cdktn'],
    ['cdktf/lib/synthesize/synthesizer', 'cdktn/lib/synthesize/synthesizer'],
    ['cdktf/lib/tokens/private/stack-trace', 'cdktn/lib/tokens/private/stack-trace'],
    ['@cdktf/provider-azurerm', '@cdktn/provider-azurerm'],
    ['@cdktf/provider-azurerm/lib/healthcare-fhir-service', '@cdktn/provider-azurerm/lib/healthcare-fhir-service'],
    ['@cdktf/provider-azurerm/package.json', '@cdktn/provider-azurerm/package.json'],
  ])('cdktn: %s -> %s', (from, to) => {
    expect(mapSpecifier(from, 'cdktn')).toBe(to);
    expect(mapSpecifier(from, 'cdktf')).toBe(from);
  });

  test.each([
    'constructs',
    './workspace',
    '../core/validation',
    '/abs/cdktf',
    'node:fs',
    'fs',
    'cdktf-azure-health-data-services',
    'cdktf-cli',
    'cdktfx',
    '@cdktn/provider-azurerm/lib/provider',
    'cdktn',
  ])('leaves %s alone', (specifier) => {
    expect(mapSpecifier(specifier, 'cdktn')).toBe(specifier);
  });

  test('refuses a cdktf-family package without a CDK Terrain counterpart in the table', () => {
    expect(() => mapSpecifier('@cdktf/provider-aws/lib/s3-bucket', 'cdktn')).toThrow(
      /"@cdktf\/provider-aws\/lib\/s3-bucket" has no CDK Terrain counterpart/,
    );
    expect(() => mapSpecifier('@cdktf/provider-azurermx', 'cdktn')).toThrow(/no CDK Terrain counterpart/);
  });

  test('refuses an unknown core', () => {
    expect(() => mapSpecifier('cdktf', 'cdk8s' as never)).toThrow(/unknown core "cdk8s"/);
  });

  test('package names and the cdktf family', () => {
    expect(packageNameOf('@cdktf/provider-azurerm/lib/x')).toBe('@cdktf/provider-azurerm');
    expect(packageNameOf('cdktf/lib/x')).toBe('cdktf');
    expect(packageNameOf('./cdktf')).toBeUndefined();
    expect(packageNameOf('@scope')).toBeUndefined();
    expect(['cdktf', 'cdktf/lib/a', '@cdktf/anything'].every(isCdktfSpecifier)).toBe(true);
    expect(['cdktfx', 'cdktf-cli', 'cdktn', '@cdktn/provider-azurerm', './cdktf', 'constructs'].some(isCdktfSpecifier)).toBe(false);
  });

  test("jest's moduleNameMapper applies the same table", () => {
    const mapper = Object.entries(jestModuleNameMapper('cdktn')).map(([pattern, to]) => [new RegExp(pattern), to] as const);
    const viaJest = (specifier: string): string => {
      const hit = mapper.find(([pattern]) => pattern.test(specifier));
      return hit === undefined ? specifier : specifier.replace(hit[0], hit[1]);
    };
    for (const specifier of [
      'cdktf',
      'cdktf/lib/synthesize/synthesizer',
      '@cdktf/provider-azurerm',
      '@cdktf/provider-azurerm/lib/role-assignment',
      'cdktf-cli',
      'constructs',
    ]) {
      expect(viaJest(specifier)).toBe(mapSpecifier(specifier, 'cdktn'));
    }
    expect(jestModuleNameMapper('cdktf')).toEqual({});
  });
});

describe('rewriteModuleSpecifiers', () => {
  const JS = [
    '"use strict";',
    'Object.defineProperty(exports, "__esModule", { value: true });',
    'const cdktf_1 = require("cdktf");',
    "const synthesizer_1 = require('cdktf/lib/synthesize/synthesizer');",
    'const role_assignment_1 = require("@cdktf/provider-azurerm/lib/role-assignment");',
    'const constructs_1 = require("constructs");',
    'const mapping = () => require("./mapping");',
    'const lazy = () => import("@cdktf/provider-azurerm/lib/management-lock");',
    'const where = require.resolve("@cdktf/provider-azurerm/package.json");',
    '// require("cdktf") in a comment stays',
    'const message = "built on cdktf and @cdktf/provider-azurerm";',
    "const symbol = Symbol.for('cdktf-azure-health-data-services.Workspace');",
    'cdktf_1.Annotations.of(x).addWarning("cdktf/lib is fine in a message");',
  ].join('\n');

  test('JavaScript: rewrites require, require.resolve and import(); comments and other strings stay', () => {
    const { text, changes } = rewriteModuleSpecifiers('index.js', JS, 'cdktn');
    expect(changes.map((change) => [change.from, change.to, change.line])).toEqual([
      ['cdktf', 'cdktn', 3],
      ['cdktf/lib/synthesize/synthesizer', 'cdktn/lib/synthesize/synthesizer', 4],
      ['@cdktf/provider-azurerm/lib/role-assignment', '@cdktn/provider-azurerm/lib/role-assignment', 5],
      ['@cdktf/provider-azurerm/lib/management-lock', '@cdktn/provider-azurerm/lib/management-lock', 8],
      ['@cdktf/provider-azurerm/package.json', '@cdktn/provider-azurerm/package.json', 9],
    ]);
    expect(text.split('\n')).toEqual([
      '"use strict";',
      'Object.defineProperty(exports, "__esModule", { value: true });',
      'const cdktf_1 = require("cdktn");',
      "const synthesizer_1 = require('cdktn/lib/synthesize/synthesizer');",
      'const role_assignment_1 = require("@cdktn/provider-azurerm/lib/role-assignment");',
      'const constructs_1 = require("constructs");',
      'const mapping = () => require("./mapping");',
      'const lazy = () => import("@cdktn/provider-azurerm/lib/management-lock");',
      'const where = require.resolve("@cdktn/provider-azurerm/package.json");',
      '// require("cdktf") in a comment stays',
      'const message = "built on cdktf and @cdktf/provider-azurerm";',
      "const symbol = Symbol.for('cdktf-azure-health-data-services.Workspace');",
      'cdktf_1.Annotations.of(x).addWarning("cdktf/lib is fine in a message");',
    ]);
  });

  test('declarations: import/export from, import types, import = require, declare module', () => {
    const dts = [
      "import { TerraformStack, ITerraformDependable } from 'cdktf';",
      "import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';",
      "export { TerraformOutput } from 'cdktf';",
      "export * from './workspace';",
      "import cdk = require('cdktf');",
      "export declare const lock: typeof import('@cdktf/provider-azurerm/lib/management-lock');",
      "export declare function f(x: import('cdktf').IResolvable): void;",
      "declare module 'cdktf' { interface App { extra?: string } }",
      '/** See `cdktf` docs: import { App } from "cdktf" */',
      "export declare const name = 'cdktf';",
    ].join('\n');
    const { text, changes } = rewriteModuleSpecifiers('index.d.ts', dts, 'cdktn');
    expect(changes).toHaveLength(7);
    expect(text.split('\n')).toEqual([
      "import { TerraformStack, ITerraformDependable } from 'cdktn';",
      "import type { RoleAssignment } from '@cdktn/provider-azurerm/lib/role-assignment';",
      "export { TerraformOutput } from 'cdktn';",
      "export * from './workspace';",
      "import cdk = require('cdktn');",
      "export declare const lock: typeof import('@cdktn/provider-azurerm/lib/management-lock');",
      "export declare function f(x: import('cdktn').IResolvable): void;",
      "declare module 'cdktn' { interface App { extra?: string } }",
      '/** See `cdktf` docs: import { App } from "cdktf" */',
      "export declare const name = 'cdktf';",
    ]);
  });

  test('the cdktf build is the identity', () => {
    expect(rewriteModuleSpecifiers('index.js', JS, 'cdktf')).toEqual({ text: JS, changes: [] });
  });

  test('fails the build on an unmapped cdktf-family import rather than shipping it', () => {
    expect(() => rewriteModuleSpecifiers('a.js', 'require("@cdktf/provider-google/lib/x");', 'cdktn')).toThrow(/no CDK Terrain counterpart/);
  });

  test('is idempotent: rewriting cdktn output again changes nothing', () => {
    const once = rewriteModuleSpecifiers('index.js', JS, 'cdktn').text;
    expect(rewriteModuleSpecifiers('index.js', once, 'cdktn')).toEqual({ text: once, changes: [] });
  });

  test('finds every specifier literal in order, whatever the quote', () => {
    const literals = moduleSpecifierLiterals('x.js', 'require(`cdktf`); require("a"); import("b"); foo("cdktf"); x.require("cdktf");');
    expect(literals.map((literal) => literal.text)).toEqual(['cdktf', 'a', 'b']);
    expect(rewriteModuleSpecifiers('x.js', 'require(`cdktf`);', 'cdktn').text).toBe('require(`cdktn`);');
  });
});

describe('the rewrite on the real compiled library', () => {
  let compiled: string;
  beforeAll(() => {
    compiled = compileLibrary();
  });
  afterAll(() => fs.rmSync(compiled, { recursive: true, force: true }));

  const files = (): string[] =>
    fs
      .readdirSync(compiled, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.js') || file.endsWith('.d.ts'))
      .sort();

  test('every cdktf specifier of every file is mapped, and nothing else in the file changes', () => {
    let total = 0;
    const changedFiles = new Set<string>();
    for (const file of files()) {
      const before = fs.readFileSync(path.join(compiled, file), 'utf8');
      const { text, changes } = rewriteModuleSpecifiers(file, before, 'cdktn');
      total += changes.length;
      if (changes.length > 0) changedFiles.add(file.replace(/\.d\.ts$|\.js$/, ''));
      expect(moduleSpecifierLiterals(file, text).filter((literal) => isCdktfSpecifier(literal.text))).toEqual([]);
      // Undo exactly the recorded changes: the rest of the file is byte for byte what tsc wrote.
      const lines = text.split('\n');
      for (const change of changes) lines[change.line - 1] = lines[change.line - 1].replace(change.to, change.from);
      expect(lines.join('\n')).toBe(before);
    }
    // lib/ imports cdktf and the provider through its doors in core/platform/ (dozens of specifiers, JS and
    // declarations); declarations elsewhere may name the core's types directly.
    expect(total).toBeGreaterThan(30);
    expect([...changedFiles].filter((file) => file.startsWith(path.join('core', 'platform'))).length).toBeGreaterThanOrEqual(3);
  });
});
