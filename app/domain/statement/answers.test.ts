import { describe, expect, it } from 'vitest';
import { emptyAnswer, parseAnswer, parseRating, sortResult, type Answer, type AnswerContext } from './answers';
import { questionOrder, type Question } from './definition';

/** A question from the real statement, by id. */
function question(id: string): Question {
  const found = questionOrder.find((q) => q.question.id === id)?.question;
  if (!found) throw new Error(`No question ${id}`);
  return found;
}

/** A posted form, the way the browser sends it (a name may repeat). */
function form(entries: [string, string][] = []): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

const context: AnswerContext = { language: 'en', by: 'self', now: '2026-12-01T10:00:00.000Z' };
const later: AnswerContext = { language: 'en', by: 'self', now: '2026-12-02T10:00:00.000Z' };

function answer(overrides: Partial<Answer> = {}): Answer {
  return emptyAnswer({ language: 'en', by: 'self', now: context.now }, overrides);
}

/** The answer of a parse that must succeed. */
function ok(result: ReturnType<typeof parseAnswer>): Answer {
  if (!result.ok) throw new Error(`Expected an answer, got errors ${JSON.stringify(result.errors)}`);
  return result.answer;
}

/** The errors of a parse that must fail. */
function errors(result: ReturnType<typeof parseAnswer>): Record<string, string> {
  if (result.ok) throw new Error('Expected errors, got an answer');
  return result.errors;
}

describe('parseAnswer', () => {
  it('saves the person’s own words, with the language, who gave them and when', () => {
    const saved = ok(parseAnswer(question('name'), form([['text', '  Jo  ']]), 'save', undefined, { ...context, language: 'ur' }));
    expect(saved).toEqual(answer({ text: 'Jo', language: 'ur' }));
  });

  it('saves the cards chosen and the own words beside them', () => {
    const saved = ok(
      parseAnswer(
        question('communication'),
        form([
          ['codes', 'speaking'],
          ['codes', 'need-more-time'],
          ['text', 'Please speak slowly.'],
        ]),
        'save',
        undefined,
        context,
      ),
    );
    expect(saved.codes).toEqual(['speaking', 'need-more-time']);
    expect(saved.text).toBe('Please speak slowly.');
    expect(saved.status).toBe('answered');
  });

  it('saves who and why for a who-and-why question', () => {
    const saved = ok(
      parseAnswer(
        question('notTold'),
        form([
          ['text', 'My brother'],
          ['reason', 'He takes my money'],
        ]),
        'save',
        undefined,
        context,
      ),
    );
    expect(saved).toMatchObject({ text: 'My brother', reason: 'He takes my money' });
  });

  it('refuses a card code that is not on the page', () => {
    const result = parseAnswer(
      question('communication'),
      form([
        ['codes', 'speaking'],
        ['codes', 'telepathy'],
      ]),
      'save',
      undefined,
      context,
    );
    expect(errors(result)).toEqual({ codes: 'statement:errors.unknownCard' });
  });

  it('refuses a card from another question', () => {
    // "home" is a card of "What matters to me", not of "How I communicate". With no other card
    // chosen the answer is also empty, and that message ("choose a card") is the one shown.
    const result = parseAnswer(question('communication'), form([['codes', 'home']]), 'save', undefined, context);
    expect(Object.keys(errors(result))).toEqual(['codes']);
    const withAnother = parseAnswer(
      question('communication'),
      form([
        ['codes', 'writing'],
        ['codes', 'home'],
      ]),
      'save',
      undefined,
      context,
    );
    expect(errors(withAnother)).toEqual({ codes: 'statement:errors.unknownCard' });
  });

  it('refuses an unknown "matters most" code', () => {
    const result = parseAnswer(
      question('outcomes'),
      form([
        ['codes', 'feel-safe'],
        ['mostImportant', 'win-the-lottery'],
      ]),
      'save',
      undefined,
      context,
    );
    expect(errors(result)).toEqual({ codes: 'statement:errors.unknownCard' });
  });

  describe('length, counted as a person sees the characters', () => {
    const name = question('name');
    const bengali = 'বা'; // two code points, one character on the screen
    const family = '👩‍👧'; // three code points (five UTF-16 units), one character on the screen

    it('uses the short limit for a name', () => {
      expect(name.maxLength).toBe(100);
    });

    it.each([
      ['Bengali', bengali],
      ['emoji', family],
      ['English', 'a'],
    ])('lets 100 %s characters fit in a 100 limit', (_script, character) => {
      const text = character.repeat(100);
      expect(ok(parseAnswer(name, form([['text', text]]), 'save', undefined, context)).text).toBe(text);
    });

    it.each([
      ['Bengali', bengali],
      ['emoji', family],
      ['English', 'a'],
    ])('refuses 101 %s characters with "too long"', (_script, character) => {
      const result = parseAnswer(name, form([['text', character.repeat(101)]]), 'save', undefined, context);
      expect(errors(result)).toEqual({ text: 'statement:errors.tooLong' });
    });

    it('gives the words back when they are too long, so nothing typed is lost', () => {
      const text = 'a'.repeat(101);
      const result = parseAnswer(name, form([['text', text]]), 'save', undefined, context);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.values.text).toBe(text);
    });

    it('checks the "why" words too', () => {
      const notTold = question('notTold');
      const result = parseAnswer(
        notTold,
        form([
          ['text', 'My brother'],
          ['reason', 'x'.repeat(notTold.maxLength + 1)],
        ]),
        'save',
        undefined,
        context,
      );
      expect(errors(result)).toEqual({ reason: 'statement:errors.tooLong' });
    });
  });

  describe('an empty answer', () => {
    it.each([
      ['name', 'text', 'statement:errors.emptyText'],
      ['anythingElse', 'text', 'statement:errors.emptyText'],
      ['notTold', 'text', 'statement:errors.emptyText'],
      ['communication', 'codes', 'statement:errors.emptyCards'],
      ['outcomes', 'codes', 'statement:errors.emptyCards'],
    ])('on %s puts the error on the %s field', (id, field, message) => {
      expect(errors(parseAnswer(question(id), form(), 'save', undefined, context))).toEqual({ [field]: message });
    });

    it('counts spaces and control characters alone as empty', () => {
      const result = parseAnswer(question('name'), form([['text', '  \u0000\u0007  ']]), 'save', undefined, context);
      expect(errors(result)).toEqual({ text: 'statement:errors.emptyText' });
    });
  });

  describe('skip and "I do not know"', () => {
    const previous = answer({ codes: ['speaking'], text: 'Please speak slowly.', at: context.now });

    it.each([
      ['skip', 'skipped'],
      ['unknown', 'unknown'],
    ] as const)('%s keeps the previous words and cards, and sets the status to %s', (intent, status) => {
      const saved = ok(parseAnswer(question('communication'), form(), intent, previous, later));
      expect(saved).toEqual({ ...previous, status, at: later.now });
    });

    it('is allowed with nothing typed and no previous answer', () => {
      const saved = ok(parseAnswer(question('name'), form(), 'skip', undefined, context));
      expect(saved).toEqual(answer({ status: 'skipped' }));
    });

    it('keeps newly typed words rather than the old ones', () => {
      const saved = ok(parseAnswer(question('communication'), form([['text', 'Use pictures with me']]), 'skip', previous, later));
      expect(saved.text).toBe('Use pictures with me');
      expect(saved.status).toBe('skipped');
    });

    it('keeps newly typed "why" words even when the "who" box is empty', () => {
      const before = answer({ text: 'My brother', reason: 'He shouts' });
      const saved = ok(parseAnswer(question('notTold'), form([['reason', 'He takes my money']]), 'unknown', before, later));
      expect(saved.reason).toBe('He takes my money');
      expect(saved.status).toBe('unknown');
    });

    it('does not check the length or the cards, so the person is never stuck', () => {
      const saved = ok(parseAnswer(question('name'), form([['text', 'a'.repeat(500)]]), 'skip', undefined, context));
      expect(saved.status).toBe('skipped');
      expect(saved.text).toHaveLength(500);
    });
  });

  describe('outcomes', () => {
    it('marking an outcome as mattering most also chooses it', () => {
      const saved = ok(
        parseAnswer(
          question('outcomes'),
          form([
            ['codes', 'apology'],
            ['mostImportant', 'feel-safe'],
          ]),
          'save',
          undefined,
          context,
        ),
      );
      expect(saved.mostImportant).toEqual(['feel-safe']);
      expect(saved.codes).toEqual(expect.arrayContaining(['apology', 'feel-safe']));
      expect(saved.codes).toHaveLength(2);
    });

    it('counts "matters most" alone as an answer', () => {
      const saved = ok(parseAnswer(question('outcomes'), form([['mostImportant', 'money-back']]), 'save', undefined, context));
      expect(saved.codes).toEqual(['money-back']);
    });

    it('keeps mixed feelings: keep seeing someone, and the hurting to stop', () => {
      const saved = ok(
        parseAnswer(
          question('outcomes'),
          form([
            ['codes', 'keep-seeing-someone'],
            ['codes', 'hurting-stops'],
          ]),
          'save',
          undefined,
          context,
        ),
      );
      expect(saved.codes).toEqual(['keep-seeing-someone', 'hurting-stops']);
    });

    it('keeps each card once, even if it is sent twice', () => {
      const saved = ok(
        parseAnswer(
          question('outcomes'),
          form([
            ['codes', 'feel-safe'],
            ['codes', 'feel-safe'],
            ['mostImportant', 'feel-safe'],
          ]),
          'save',
          undefined,
          context,
        ),
      );
      expect(saved.codes).toEqual(['feel-safe']);
      expect(saved.mostImportant).toEqual(['feel-safe']);
    });
  });

  it('removes control characters but keeps line breaks and every script', () => {
    const saved = ok(
      parseAnswer(
        question('anythingElse'),
        form([['text', 'I want\u0000 to stay\u0007 home.\u001B\nمیں گھر\u007F پر رہنا چاہتا ہوں۔\r\nআমি 🏠']]),
        'save',
        undefined,
        context,
      ),
    );
    expect(saved.text).toBe('I want to stay home.\nمیں گھر پر رہنا چاہتا ہوں۔\r\nআমি 🏠');
  });

  it('keeps the picture sort ratings when saving another kind of answer over it', () => {
    const previous = answer({ ratings: { home: 'happy' } });
    const saved = ok(parseAnswer(question('anythingElse'), form([['text', 'Thanks']]), 'save', previous, later));
    expect(saved.ratings).toEqual({ home: 'happy' });
  });
});

describe('parseRating', () => {
  const feelings = question('feelings');
  const rate = (topic: string, value: string | null, intent: 'save' | 'skip' | 'unknown' = 'save', previous?: Answer) =>
    parseRating(feelings, topic, form(value === null ? [] : [['rating', value]]), intent, previous, later);

  it('records a rating on the topic’s own scale', () => {
    const result = rate('home', 'not-happy');
    expect(result.ok && result.answer.ratings).toEqual({ home: 'not-happy' });
    const safe = rate('feeling-safe', 'safe');
    expect(safe.ok && safe.answer.ratings).toEqual({ 'feeling-safe': 'safe' });
  });

  it('refuses a value from the other scale: "safe" is not a feeling', () => {
    expect(rate('home', 'safe')).toEqual({ ok: false, errors: { rating: 'statement:errors.unknownCard' }, values: { rating: 'safe' } });
    expect(rate('feeling-safe', 'happy').ok).toBe(false);
  });

  it('refuses a made-up value and asks for a choice when there is none', () => {
    expect(rate('home', 'ecstatic').ok).toBe(false);
    expect(rate('home', null)).toEqual({ ok: false, errors: { rating: 'statement:errors.emptyRating' }, values: { rating: '' } });
  });

  it('refuses a topic that is not in the sort', () => {
    expect(rate('the-moon', 'happy')).toEqual({ ok: false, errors: { rating: 'statement:errors.unknownCard' }, values: {} });
  });

  it.each([
    ['skip', 'skipped'],
    ['unknown', 'unknown'],
  ] as const)('records %s as "%s" for that card', (intent, recorded) => {
    const result = rate('money', null, intent);
    expect(result.ok && result.answer.ratings).toEqual({ money: recorded });
  });

  it('keeps the other cards’ ratings, and changes only this one', () => {
    const previous = answer({ ratings: { home: 'happy', money: 'skipped' } });
    const result = rate('money', 'not-sure', 'save', previous);
    expect(result.ok && result.answer).toMatchObject({ ratings: { home: 'happy', money: 'not-sure' }, at: later.now, status: 'answered' });
    // The previous answer is not changed in place.
    expect(previous.ratings).toEqual({ home: 'happy', money: 'skipped' });
  });
});

describe('sortResult', () => {
  const feelings = question('feelings');
  const allTopics = feelings.topics!.map((t) => t.code);

  it('puts every card in "unsorted" before the sort starts', () => {
    expect(sortResult(feelings, undefined)).toEqual({ first: [], second: [], third: [], unsorted: allTopics });
  });

  it('groups the cards by the first, second and third point of each scale, in the order of the sort', () => {
    const result = sortResult(
      feelings,
      answer({
        ratings: {
          home: 'happy',
          money: 'skipped',
          family: 'not-happy',
          friends: 'happy',
          carers: 'not-sure',
          health: 'unknown',
          'feeling-safe': 'not-safe',
        },
      }),
    );
    expect(result).toEqual({
      first: ['home', 'friends'],
      second: ['carers'],
      third: ['family', 'feeling-safe'],
      unsorted: ['money', 'health', 'going-out'],
    });
  });

  it('puts "safe" with the happy cards and a value from the wrong scale with the unsorted ones', () => {
    const result = sortResult(feelings, answer({ ratings: { 'feeling-safe': 'safe', home: 'safe' } }));
    expect(result.first).toEqual(['feeling-safe']);
    expect(result.unsorted).toContain('home');
  });
});
