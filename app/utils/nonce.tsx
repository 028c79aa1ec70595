import { createContext, useContext, type ReactNode } from 'react';

/**
 * The Content-Security-Policy nonce for this response, so that Remix's own inline scripts run
 * and nothing injected does.
 */
const NonceContext = createContext('');

export function NonceProvider({ value, children }: { value: string; children: ReactNode }) {
  return <NonceContext.Provider value={value}>{children}</NonceContext.Provider>;
}

export function useNonce(): string {
  return useContext(NonceContext);
}
