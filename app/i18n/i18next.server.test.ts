import { describe, expect, it } from 'vitest';
import { languageCookie } from '~/utils/cookies.server';
import { i18nFor, languageOf } from './i18next.server';

async function request(url: string, headers: Record<string, string> = {}) {
  return new Request(url, { headers });
}

describe('languageOf', () => {
  it('takes the switcher’s cookie first, then ?lng=, then Accept-Language, then English', async () => {
    const cookie = await languageCookie.serialize('cy');
    expect(await languageOf(await request('http://x/?lng=ur', { Cookie: cookie, 'Accept-Language': 'pl' }))).toBe('cy');
    expect(await languageOf(await request('http://x/?lng=ur', { 'Accept-Language': 'pl' }))).toBe('ur');
    expect(await languageOf(await request('http://x/', { 'Accept-Language': 'ro-RO,ro;q=0.9,en;q=0.5' }))).toBe('ro');
    expect(await languageOf(await request('http://x/', { 'Accept-Language': 'fr-FR' }))).toBe('en');
  });

  it('ignores a language the portal does not speak', async () => {
    const cookie = await languageCookie.serialize('xx');
    expect(await languageOf(await request('http://x/?lng=de', { Cookie: cookie }))).toBe('en');
  });
});

describe('i18nFor', () => {
  it('makes one instance per language and reuses it', () => {
    expect(i18nFor('ar')).toBe(i18nFor('ar'));
    expect(i18nFor('ar').dir()).toBe('rtl');
    expect(i18nFor('bn').t('common:skipLink')).not.toBe(i18nFor('en').t('common:skipLink'));
  });
});
