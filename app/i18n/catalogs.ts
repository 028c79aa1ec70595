/** Helpers for reading catalogs as flat key lists (used by the tests that guard the catalogs). */
export type Catalog = { [key: string]: string | Catalog };

/** Flattens `{ a: { b: 'x' } }` to `{ 'a.b': 'x' }`. */
export function flatten(catalog: Catalog, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out[path] = value;
    else Object.assign(out, flatten(value, path));
  }
  return out;
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/**
 * The keys a language must have, given English's: a plural (`x_one`/`x_other` in English)
 * needs every plural form the language itself uses (Welsh has 6, Polish 4, Bengali 2).
 */
export function expectedKeys(englishKeys: string[], lng: string): Set<string> {
  const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of englishKeys) {
    const match = pluralSuffix.exec(key);
    if (!match) {
      keys.add(key);
      continue;
    }
    const base = key.slice(0, match.index);
    for (const category of categories) keys.add(`${base}_${category}`);
  }
  return keys;
}

/** `{{placeholders}}` in a string. */
export function placeholders(value: string): string[] {
  return [...value.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}
