import type { InitOptions } from 'i18next';
import { defaultLanguage, namespaces, supportedLanguages } from './languages';

/** Options shared by the server's and the browser's i18next instances. */
export const i18nOptions = {
  supportedLngs: supportedLanguages,
  fallbackLng: defaultLanguage,
  defaultNS: 'common',
  ns: [...namespaces],
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
  returnNull: false,
} satisfies InitOptions;
