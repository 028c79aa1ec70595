/**
 * Checks a piece of easy-read text against the rules the tests can run (docs/decisions/0004).
 * Each function returns the problems it found, as short descriptions naming the words.
 */

export const maxWordsPerSentence = 15;

function stripPlaceholders(text: string): string {
  return text.replace(/\{\{\s*[\w.]+\s*\}\}/g, 'X');
}

/** Splits text into sentences the way the language does (English ".", Urdu "۔", Bengali "।"). */
export function sentences(text: string, lng: string): string[] {
  const segmenter = new Intl.Segmenter(lng, { granularity: 'sentence' });
  return [...segmenter.segment(stripPlaceholders(text))].map((s) => s.segment.trim()).filter(Boolean);
}

/** Counts words the way the language does. */
export function wordCount(sentence: string, lng: string): number {
  const segmenter = new Intl.Segmenter(lng, { granularity: 'word' });
  return [...segmenter.segment(sentence)].filter((s) => s.isWordLike).length;
}

/** Sentences longer than the easy-read limit. */
export function longSentences(text: string, lng: string, limit = maxWordsPerSentence): string[] {
  return sentences(text, lng)
    .filter((s) => wordCount(s, lng) > limit)
    .map((s) => `${wordCount(s, lng)} words: "${s}"`);
}

const contraction = /\b(\w+n['’]t|\w+['’](re|ve|ll|d|m)|(it|that|there|what|let|he|she|who|here|where|how)['’]s)\b/gi;
const latinAbbreviation = /\b(e\.g\.|i\.e\.|etc\.?|eg\.|ie\.)(?=\s|$)/gi;
// "one" is left out: in "one idea" or "no one" it is not a number. Digits are for counting.
const numberWord =
  /\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b/gi;
const acronym = /\b[A-Z]{2,}\b/g;

/** English-only rules: contractions, Latin abbreviations, number words, unexplained acronyms. */
export function englishProblems(text: string, glossaryAcronyms: Set<string>): string[] {
  const problems: string[] = [];
  for (const m of text.matchAll(contraction)) problems.push(`contraction "${m[0]}"`);
  for (const m of text.matchAll(latinAbbreviation)) problems.push(`abbreviation "${m[0]}"`);
  for (const m of text.matchAll(numberWord)) problems.push(`number word "${m[0]}" (use a digit)`);
  for (const m of stripPlaceholders(text).matchAll(acronym)) {
    if (!glossaryAcronyms.has(m[0])) problems.push(`acronym "${m[0]}" is not in the glossary`);
  }
  return problems;
}
