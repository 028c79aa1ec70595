import { describe, expect, it } from 'vitest';
import { isCrossSiteMutation } from './csrf.server';

const headers = (h: Record<string, string>) => ({ get: (name: string) => h[name.toLowerCase()] ?? null });

describe('isCrossSiteMutation', () => {
  it('refuses a post another site started', () => {
    expect(isCrossSiteMutation('POST', headers({ 'sec-fetch-site': 'cross-site' }), 'portal.example')).toBe(true);
    expect(isCrossSiteMutation('POST', headers({ 'sec-fetch-site': 'same-site' }), 'portal.example')).toBe(true);
    expect(isCrossSiteMutation('POST', headers({ origin: 'https://evil.example' }), 'portal.example')).toBe(true);
    expect(isCrossSiteMutation('POST', headers({ origin: 'null' }), 'portal.example')).toBe(true);
  });

  it('allows our own forms and every read', () => {
    expect(
      isCrossSiteMutation('POST', headers({ 'sec-fetch-site': 'same-origin', origin: 'https://portal.example' }), 'portal.example'),
    ).toBe(false);
    expect(isCrossSiteMutation('POST', headers({ origin: 'https://portal.example' }), 'portal.example')).toBe(false);
    expect(isCrossSiteMutation('GET', headers({ 'sec-fetch-site': 'cross-site' }), 'portal.example')).toBe(false);
  });

  it('leaves a post with neither header to the SameSite cookie', () => {
    expect(isCrossSiteMutation('POST', headers({}), 'portal.example')).toBe(false);
  });
});
