/** Words the glossary explains, in the order it lists them. Acronyms on the adult's pages must be here. */
export const glossaryTerms = ['abuse', 'safeguarding', 'worker', 'advocate', 'consent', 'browser', 'history', 'nhs', 'bsl'] as const;
