import { createInstance, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { RemixI18Next } from 'remix-i18next/server';
import { languageCookie } from '~/utils/cookies.server';
import { i18nOptions } from './i18n';
import { defaultLanguage, isLanguageCode, supportedLanguages, type LanguageCode } from './languages';
import { resources } from './resources.server';

/**
 * One ready i18next instance per language, made once and shared by every request in that
 * language: making one per request cost about a third of the server's throughput. An instance
 * is never switched to another language, so sharing it is safe.
 */
const instances = new Map<LanguageCode, I18n>();

export function i18nFor(lng: LanguageCode): I18n {
  let instance = instances.get(lng);
  if (!instance) {
    instance = createInstance();
    void instance.use(initReactI18next).init({ ...i18nOptions, lng, resources, initImmediate: false });
    instances.set(lng, instance);
  }
  return instance;
}

const headerDetector = new RemixI18Next({
  detection: { supportedLanguages, fallbackLanguage: defaultLanguage, order: ['header'] },
});

/**
 * The person's language: the language switcher's cookie first, then `?lng=`, then the
 * browser's Accept-Language, then English.
 */
export async function languageOf(request: Request): Promise<LanguageCode> {
  const fromCookie: unknown = await languageCookie.parse(request.headers.get('Cookie'));
  if (isLanguageCode(fromCookie)) return fromCookie;
  const fromQuery = new URL(request.url).searchParams.get('lng');
  if (isLanguageCode(fromQuery)) return fromQuery;
  const fromHeader = await headerDetector.getLocale(request);
  return isLanguageCode(fromHeader) ? fromHeader : defaultLanguage;
}

/** A translation function for loaders and actions (page titles, error messages). */
export async function translatorFor(request: Request) {
  const lng = await languageOf(request);
  return { lng, t: i18nFor(lng).t };
}
