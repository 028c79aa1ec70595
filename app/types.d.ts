import '@remix-run/node';

declare module '@remix-run/node' {
  interface AppLoadContext {
    /** The Content-Security-Policy nonce for this response. */
    cspNonce: string;
    /** The client's address as the server sees it (for rate limiting). */
    clientAddress: string;
  }
  // Single fetch is on (remix.config.js), so loader and action types are inferred the v3 way.
  interface Future {
    v3_singleFetch: true;
  }
}
