import type { AppLoadContext } from '@remix-run/node';

/** The client's address for rate limiting; the server fills it in from the connection. */
export function clientAddress(context: AppLoadContext | undefined): string {
  return typeof context?.clientAddress === 'string' ? context.clientAddress : 'unknown';
}
