import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flatten, type Catalog } from './catalogs';
import { englishProblems, longSentences } from './easy-read';
import { easyReadNamespaces, supportedLanguages } from './languages';

const localesDir = path.resolve(__dirname, '../../locales');
const load = (lng: string, ns: string) => {
  const file = path.join(localesDir, lng, `${ns}.json`);
  return fs.existsSync(file) ? flatten(JSON.parse(fs.readFileSync(file, 'utf8')) as Catalog) : {};
};

const glossary = load('en', 'glossary');
const glossaryAcronyms = new Set(
  Object.entries(glossary)
    .filter(([k, v]) => k.endsWith('.term') && /^[A-Z]{2,}$/.test(v))
    .map(([, v]) => v),
);

describe('easy-read rules (English)', () => {
  it.each(easyReadNamespaces)('%s: no sentence over 15 words', (ns) => {
    const problems = Object.entries(load('en', ns)).flatMap(([k, v]) => longSentences(v, 'en').map((p) => `${ns}:${k} ${p}`));
    expect(problems).toEqual([]);
  });

  it.each(easyReadNamespaces)('%s: no contractions, Latin abbreviations, number words or unexplained acronyms', (ns) => {
    const problems = Object.entries(load('en', ns)).flatMap(([k, v]) => englishProblems(v, glossaryAcronyms).map((p) => `${ns}:${k} ${p}`));
    expect(problems).toEqual([]);
  });
});

describe('easy-read structure (every other language)', () => {
  for (const lng of supportedLanguages.filter((l) => l !== 'en')) {
    it.each(easyReadNamespaces)(`${lng} %s: no sentence over 15 words`, (ns) => {
      const problems = Object.entries(load(lng, ns)).flatMap(([k, v]) => longSentences(v, lng).map((p) => `${ns}:${k} ${p}`));
      expect(problems).toEqual([]);
    });
  }
});
