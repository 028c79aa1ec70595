import { useContext } from 'react';
import { useMatches } from '@remix-run/react';
import { UNSAFE_DataRouterStateContext } from 'react-router-dom';

/** What a route tells the shell about itself. */
export interface RouteHandle {
  /** The i18n key of the page's title, for example `preferences:title`. */
  titleKey?: string;
  /** Namespaces the page uses, beyond `common`. */
  i18n?: string[];
}

/**
 * True when any route's action answered with validation errors. The page title then starts
 * with "Error: " so a screen reader user hears at once that the form needs attention. Remix
 * gives action data only to the route that posted, so this reads the router's state, which the
 * server and the browser both provide.
 */
export function useHasFormErrors(): boolean {
  const state = useContext(UNSAFE_DataRouterStateContext);
  const actionData = state?.actionData ?? {};
  return Object.values(actionData).some(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      'errors' in value &&
      typeof value.errors === 'object' &&
      value.errors !== null &&
      Object.keys(value.errors).length > 0,
  );
}

/** The title key of the deepest route that names one. */
export function usePageTitleKey(): string | undefined {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i--) {
    const handle = matches[i]?.handle as RouteHandle | undefined;
    const data = matches[i]?.data as { titleKey?: string } | undefined;
    if (data?.titleKey) return data.titleKey;
    if (handle?.titleKey) return handle.titleKey;
  }
  return undefined;
}
