import fs from 'node:fs';
import path from 'node:path';
import type { Resource, ResourceLanguage } from 'i18next';
import { namespaces, supportedLanguages, type LanguageCode, type Namespace } from './languages';

/**
 * Every catalog, read from `locales/` once when the server starts. Reading them on every request
 * cost about a tenth of the server's throughput (see docs/decisions/0003-catalog-loading.md).
 */
export const localesDir = path.resolve(process.env.LOCALES_DIR ?? path.join(process.cwd(), 'locales'));

function readCatalog(lng: LanguageCode, ns: Namespace): Record<string, unknown> {
  const file = path.join(localesDir, lng, `${ns}.json`);
  if (!fs.existsSync(file)) return {};
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

export const resources: Resource = Object.fromEntries(
  supportedLanguages.map((lng) => [lng, Object.fromEntries(namespaces.map((ns) => [ns, readCatalog(lng, ns)])) as ResourceLanguage]),
);

/** The catalogs one language needs in the browser: that language and the English fallback. */
export function catalogsFor(lng: LanguageCode, ns: readonly Namespace[]): Resource {
  const pick = (code: LanguageCode) => Object.fromEntries(ns.map((n) => [n, resources[code]?.[n] ?? {}])) as ResourceLanguage;
  return lng === 'en' ? { en: pick('en') } : { [lng]: pick(lng), en: pick('en') };
}
