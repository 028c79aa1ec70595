import { describe, expect, it } from 'vitest';
import { englishProblems, longSentences, sentences } from './easy-read';

// The checker itself must catch what it claims to, or the catalog tests prove nothing.
describe('the easy-read checker', () => {
  it('flags a sentence of 16 words and passes one of 15', () => {
    const fifteen = 'You can say what is happening to you and what you want to happen next.';
    const sixteen = 'You can say what is happening to you and what you want to happen next today.';
    expect(longSentences(fifteen, 'en')).toEqual([]);
    expect(longSentences(sixteen, 'en')).toHaveLength(1);
  });

  it('splits Urdu and Bengali sentences at their own full stops', () => {
    expect(sentences('یہ پہلا ہے۔ یہ دوسرا ہے۔', 'ur')).toHaveLength(2);
    expect(sentences('এটা প্রথম। এটা দ্বিতীয়।', 'bn')).toHaveLength(2);
  });

  it('flags contractions, Latin abbreviations, number words and unknown acronyms', () => {
    const problems = englishProblems("You can't do it, e.g. three times. Ask the DWP.", new Set(['NHS']));
    expect(problems).toEqual([
      'contraction "can\'t"',
      'abbreviation "e.g."',
      'number word "three" (use a digit)',
      'acronym "DWP" is not in the glossary',
    ]);
  });

  it('accepts possessives, digits and glossary acronyms', () => {
    expect(englishProblems("The person's worker phones 3 times. The NHS can help.", new Set(['NHS']))).toEqual([]);
  });
});
