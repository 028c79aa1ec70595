import type { Resource } from 'i18next';
import { createContext, useContext, type ReactNode } from 'react';

/**
 * The page's words travel to the browser inside the page itself, as JSON, so the browser's
 * i18next starts with them before React hydrates: no second request and no flash of keys or
 * English. The server fills this from the catalogs it already holds; the browser reads the same
 * JSON back from the page and provides the same value, so hydration matches.
 */
const CatalogContext = createContext<Resource | null>(null);

export const catalogScriptId = 'i18n-catalogs';

export function CatalogProvider({ catalogs, children }: { catalogs: Resource | null; children: ReactNode }) {
  return <CatalogContext.Provider value={catalogs}>{children}</CatalogContext.Provider>;
}

/** Serialises catalogs for a `<script type="application/json">` (no `</script>` can break out). */
export function serialiseCatalogs(catalogs: Resource): string {
  return JSON.stringify(catalogs)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function CatalogScript() {
  const catalogs = useContext(CatalogContext);
  if (!catalogs) return null;
  // JSON is data, never run, so it needs no CSP nonce.
  return <script id={catalogScriptId} type="application/json" dangerouslySetInnerHTML={{ __html: serialiseCatalogs(catalogs) }} />;
}

/** In the browser: the catalogs the server put in the page. */
export function readCatalogsFromPage(): Resource | null {
  const element = document.getElementById(catalogScriptId);
  if (!element?.textContent) return null;
  return JSON.parse(element.textContent) as Resource;
}
