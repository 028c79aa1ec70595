import type { LanguageCode } from './languages';

interface FontFace {
  family: string;
  pkg: string;
  file: string;
  /** Names the font may already have on the device, tried before downloading. */
  local: string[];
  unicodeRange: string;
}

const arabicRange = 'U+0600-06FF, U+0750-077F, U+0870-08FF, U+200C-200E, U+2010-2011, U+FB50-FDFF, U+FE70-FEFC';
const latinRange =
  'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+2000-206F, U+20AC, U+2122, U+2212, U+FEFF, U+FFFD';
const latinExtRange =
  'U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+1E00-1E9F, U+1EF2-1EFF, U+20A0-20AB, U+20AD-20C0, U+2C60-2C7F, U+A720-A7FF';

/**
 * Self-hosted fonts, one stylesheet each, loaded only on pages that need them: a phone on a slow
 * connection should not fetch the Urdu font (159 KB, more than a whole page) to read Polish.
 * One weight only; bold is drawn by the browser.
 */
export const fontFaces: Record<string, FontFace[]> = {
  ur: [
    {
      family: 'Noto Nastaliq Urdu',
      pkg: 'noto-nastaliq-urdu',
      file: 'noto-nastaliq-urdu-arabic-400-normal.woff2',
      // By its family name alone Chromium picked the bold face; the full names pick regular.
      local: ['Noto Nastaliq Urdu Regular', 'NotoNastaliqUrdu-Regular'],
      unicodeRange: arabicRange,
    },
  ],
  ar: [
    {
      family: 'Noto Sans Arabic',
      pkg: 'noto-sans-arabic',
      file: 'noto-sans-arabic-arabic-400-normal.woff2',
      local: ['Noto Sans Arabic Regular', 'NotoSansArabic-Regular'],
      unicodeRange: arabicRange,
    },
  ],
  bn: [
    {
      family: 'Noto Sans Bengali',
      pkg: 'noto-sans-bengali',
      file: 'noto-sans-bengali-bengali-400-normal.woff2',
      local: ['Noto Sans Bengali Regular', 'NotoSansBengali-Regular'],
      unicodeRange: 'U+0951-0952, U+0964-0965, U+0980-09FE, U+1CD0-1CF9, U+200C-200D, U+20B9, U+25CC, U+A8F1',
    },
  ],
  pa: [
    {
      family: 'Noto Sans Gurmukhi',
      pkg: 'noto-sans-gurmukhi',
      file: 'noto-sans-gurmukhi-gurmukhi-400-normal.woff2',
      local: ['Noto Sans Gurmukhi Regular', 'NotoSansGurmukhi-Regular'],
      unicodeRange: 'U+0951-0952, U+0964-0965, U+0A01-0A76, U+200C-200D, U+20B9, U+25CC, U+262C, U+A830-A839',
    },
  ],
  readable: [
    {
      family: 'Atkinson Hyperlegible Next',
      pkg: 'atkinson-hyperlegible-next',
      file: 'atkinson-hyperlegible-next-latin-400-normal.woff2',
      local: ['Atkinson Hyperlegible Next Regular', 'AtkinsonHyperlegibleNext-Regular'],
      unicodeRange: latinRange,
    },
    {
      family: 'Atkinson Hyperlegible Next',
      pkg: 'atkinson-hyperlegible-next',
      file: 'atkinson-hyperlegible-next-latin-ext-400-normal.woff2',
      local: ['Atkinson Hyperlegible Next Regular', 'AtkinsonHyperlegibleNext-Regular'],
      unicodeRange: latinExtRange,
    },
  ],
};

/** The stylesheet a language's pages load for its script, or null when the device's own fonts serve. */
export function fontSheetFor(lng: LanguageCode): string | null {
  return lng in fontFaces ? `/fonts/${lng}.css` : null;
}
