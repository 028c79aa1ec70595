/**
 * The languages the portal speaks. Order: English, then Welsh (a legal duty for public bodies in
 * Wales), then the most-spoken main languages after English in England and Wales (Census 2021).
 * `nativeName` is how each language names itself, so a person can find theirs whatever the page
 * is in now.
 */
export const languages = [
  { code: 'en', nativeName: 'English', dir: 'ltr' },
  { code: 'cy', nativeName: 'Cymraeg', dir: 'ltr' },
  { code: 'pl', nativeName: 'Polski', dir: 'ltr' },
  { code: 'ro', nativeName: 'Română', dir: 'ltr' },
  { code: 'pa', nativeName: 'ਪੰਜਾਬੀ', dir: 'ltr' },
  { code: 'ur', nativeName: 'اردو', dir: 'rtl' },
  { code: 'ar', nativeName: 'العربية', dir: 'rtl' },
  { code: 'bn', nativeName: 'বাংলা', dir: 'ltr' },
] as const;

export type LanguageCode = (typeof languages)[number]['code'];

export const supportedLanguages: LanguageCode[] = languages.map((l) => l.code);
export const defaultLanguage: LanguageCode = 'en';

/** True when `value` is one of the portal's language codes. */
export function isLanguageCode(value: unknown): value is LanguageCode {
  return typeof value === 'string' && (supportedLanguages as string[]).includes(value);
}

/** The writing direction of a language: Urdu and Arabic are right to left. */
export function directionOf(code: LanguageCode): 'ltr' | 'rtl' {
  return languages.find((l) => l.code === code)?.dir ?? 'ltr';
}

/** Namespaces: `common` is the shell; the rest belong to pages. */
export const namespaces = [
  'common',
  'home',
  'safety',
  'preferences',
  'language',
  'glossary',
  'pictures',
  'auth',
  'statement',
  'sharing',
  'rights',
  'staff',
  'casework',
  'integration',
] as const;
export type Namespace = (typeof namespaces)[number];

/** Namespaces read by the adult, so written in easy read in every language. */
export const easyReadNamespaces: Namespace[] = [
  'common',
  'home',
  'safety',
  'preferences',
  'language',
  'glossary',
  'pictures',
  'auth',
  'statement',
  'sharing',
  'rights',
];
