import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * No user-facing words outside `locales/`: a word typed straight into a page would reach every
 * language in English. This reads every component and route and names each one it finds.
 */
const appDir = path.resolve(__dirname, '..');
const wordAttributes = new Set([
  'alt',
  'title',
  'aria-label',
  'aria-description',
  'placeholder',
  'label',
  'legend',
  'hint',
  'message',
  'heading',
]);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.tsx') && !entry.name.endsWith('.test.tsx') ? [full] : [];
  });
}

export function hardcodedStrings(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (node: ts.Node) => `${path.relative(appDir, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) found.push(`${where(node)} "${node.text.trim()}"`);
    if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
      const name = node.name.getText(source);
      if (wordAttributes.has(name) && /\p{L}/u.test(node.initializer.text)) found.push(`${where(node)} ${name}="${node.initializer.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('user-facing words', () => {
  it('finds a word typed into JSX (the check can fail)', () => {
    expect(hardcodedStrings('x.tsx', 'const a = <p title="Hello">Welcome {name}</p>;')).toEqual([
      '../x.tsx:1 title="Hello"',
      '../x.tsx:1 "Welcome"',
    ]);
  });

  it('are all in locales/, never typed into a component or route', () => {
    const found = sourceFiles(appDir).flatMap((file) => hardcodedStrings(file, fs.readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });
});
