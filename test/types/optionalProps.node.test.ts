// Hosts that compile with `exactOptionalPropertyTypes` may pass `undefined`
// to an optional prop only where its type says `| undefined` (else TS2375 in
// every wrapper that forwards its own optional props). This keeps every
// optional property and method we declare in src/ written that way.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function includesUndefined(type: ts.TypeNode): boolean {
  if (type.kind === ts.SyntaxKind.UndefinedKeyword) return true;
  if (ts.isParenthesizedTypeNode(type)) return includesUndefined(type.type);
  return ts.isUnionTypeNode(type) && type.types.some(includesUndefined);
}

/** Every optional property or method in the file whose type leaves out `undefined`, as `file:line name`. */
function findOptionalWithoutUndefined(fileName: string, text: string): string[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const report = (node: ts.NamedDeclaration) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push(`${fileName}:${line + 1} ${node.name?.getText(source) ?? '?'}`);
  };
  const visit = (node: ts.Node) => {
    if ((ts.isPropertySignature(node) || ts.isPropertyDeclaration(node)) && node.questionToken) {
      // An untyped optional class field is inferred from its initializer, which never includes undefined.
      if (!node.type || !includesUndefined(node.type)) report(node);
    } else if ((ts.isMethodSignature(node) || ts.isMethodDeclaration(node)) && node.questionToken) {
      // `m?(): R` cannot say `| undefined`: write `m?: (() => R) | undefined`.
      report(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('optional properties under exactOptionalPropertyTypes', () => {
  it('finds the forms a host cannot pass undefined to', () => {
    const text = [
      'export interface A {',
      '  a?: string;',
      '  b?: string | undefined;',
      '  c?: (() => void) | undefined;',
      '  d?: () => void;',
      '  e?(): void;',
      '  f: { g?: number };',
      '}',
      'export type H = { i?: (string | undefined) };',
      'export class J { k?: number; l?: number | undefined; m? = 1 }',
    ].join('\n');
    expect(findOptionalWithoutUndefined('x.ts', text)).toEqual(['x.ts:2 a', 'x.ts:5 d', 'x.ts:6 e', 'x.ts:7 g', 'x.ts:10 k', 'x.ts:10 m']);
  });

  it('every optional property in src/ includes undefined', () => {
    const files = sourceFiles(join(root, 'src'));
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((file) => findOptionalWithoutUndefined(relative(root, file), readFileSync(file, 'utf8')));
    expect(found, 'write `name?: T | undefined` (and optional methods as `name?: ((…) => R) | undefined`)').toEqual([]);
  }, 30_000); // parsing all of src/ takes seconds on a busy machine
});
