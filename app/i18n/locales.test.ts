import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedKeys, flatten, placeholders, type Catalog } from './catalogs';
import { namespaces, supportedLanguages } from './languages';

const localesDir = path.resolve(__dirname, '../../locales');

function load(lng: string, ns: string): Record<string, string> {
  const file = path.join(localesDir, lng, `${ns}.json`);
  if (!fs.existsSync(file)) return {};
  return flatten(JSON.parse(fs.readFileSync(file, 'utf8')) as Catalog);
}

/**
 * Values that may read the same as English: phone numbers and abbreviations that stay as printed.
 * Anything else identical to English was copied, not translated.
 */
const mayMatchEnglish = new Set(['glossary:terms.nhs.term', 'glossary:terms.bsl.term']);

describe('catalogs', () => {
  it.each(namespaces)('English has a %s catalog with words in it', (ns) => {
    expect(Object.keys(load('en', ns)).length).toBeGreaterThan(0);
  });

  for (const lng of supportedLanguages.filter((l) => l !== 'en')) {
    describe(lng, () => {
      it.each(namespaces)(`has every key of English's %s catalog, and no others`, (ns) => {
        const english = load('en', ns);
        const catalog = load(lng, ns);
        const expected = expectedKeys(Object.keys(english), lng);
        const missing = [...expected].filter((k) => !(k in catalog)).map((k) => `${ns}:${k}`);
        const extra = Object.keys(catalog)
          .filter((k) => !expected.has(k))
          .map((k) => `${ns}:${k}`);
        expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      });

      it.each(namespaces)('translates every %s value (none empty, none copied from English)', (ns) => {
        const english = load('en', ns);
        const catalog = load(lng, ns);
        const empty = Object.entries(catalog)
          .filter(([, v]) => v.trim() === '')
          .map(([k]) => `${ns}:${k}`);
        const copied = Object.entries(catalog)
          .filter(([k, v]) => english[k] === v && /\p{L}/u.test(v) && !mayMatchEnglish.has(`${ns}:${k}`))
          .map(([k]) => `${ns}:${k}`);
        expect({ empty, copied }).toEqual({ empty: [], copied: [] });
      });

      it.each(namespaces)('keeps the placeholders of every %s value', (ns) => {
        const english = load('en', ns);
        const catalog = load(lng, ns);
        const wrong = Object.entries(catalog)
          .filter(([k]) => !/_(zero|one|two|few|many|other)$/.test(k) && k in english)
          .filter(([k, v]) => placeholders(v).join() !== placeholders(english[k] ?? '').join())
          .map(([k]) => `${ns}:${k}`);
        expect(wrong).toEqual([]);
      });
    });
  }
});
