import { describe, expect, it } from 'vitest';
import { emptyAnswer, type Answer, type Answers } from './answers';
import { diffAnswers } from './diff';

function answer(overrides: Partial<Answer> = {}): Answer {
  return emptyAnswer({ language: 'en', by: 'self', now: '2026-12-01T10:00:00.000Z' }, overrides);
}

const version1: Answers = {
  name: answer({ text: 'Jo' }),
  communication: answer({ codes: ['speaking', 'writing'], text: 'Please speak slowly.' }),
  feelings: answer({ ratings: { home: 'happy', money: 'skipped', 'feeling-safe': 'not-safe' } }),
  outcomes: answer({ codes: ['feel-safe', 'keep-seeing-someone'], mostImportant: ['feel-safe'] }),
  notTold: answer({ text: 'My brother', reason: 'He shouts' }),
};

describe('diffAnswers', () => {
  it('finds no changes between a version and an identical copy of it', () => {
    expect(diffAnswers(version1, structuredClone(version1))).toEqual([]);
    expect(diffAnswers({}, {})).toEqual([]);
  });

  it('ignores when an answer was saved again without changing it', () => {
    const after = { ...version1, name: answer({ text: 'Jo', at: '2027-01-01T00:00:00.000Z', by: 'advocate' }) };
    expect(diffAnswers(version1, after)).toEqual([]);
  });

  it('says which cards were added and which were removed', () => {
    const after = { ...version1, communication: answer({ codes: ['speaking', 'sign-language'], text: 'Please speak slowly.' }) };
    expect(diffAnswers(version1, after)).toEqual([
      { kind: 'added', question: 'communication', code: 'sign-language' },
      { kind: 'removed', question: 'communication', code: 'writing' },
    ]);
  });

  it('says which outcomes were marked as mattering most, and which no longer are', () => {
    const after = {
      ...version1,
      outcomes: answer({ codes: ['feel-safe', 'keep-seeing-someone'], mostImportant: ['keep-seeing-someone'] }),
    };
    expect(diffAnswers(version1, after)).toEqual([
      { kind: 'most-important-added', question: 'outcomes', code: 'keep-seeing-someone' },
      { kind: 'most-important-removed', question: 'outcomes', code: 'feel-safe' },
    ]);
  });

  it('says when the own words changed, with the words before and after', () => {
    const after = { ...version1, notTold: answer({ text: 'My brother and his friend', reason: 'He shouts' }) };
    expect(diffAnswers(version1, after)).toEqual([
      { kind: 'words', question: 'notTold', field: 'text', before: 'My brother', after: 'My brother and his friend' },
    ]);
  });

  it('says when the "why" words changed', () => {
    const after = { ...version1, notTold: answer({ text: 'My brother', reason: 'He takes my money' }) };
    expect(diffAnswers(version1, after)).toEqual([
      { kind: 'words', question: 'notTold', field: 'reason', before: 'He shouts', after: 'He takes my money' },
    ]);
  });

  it('says which picture sort ratings changed, were added or were removed, in the order of the cards', () => {
    const after = {
      ...version1,
      feelings: answer({ ratings: { 'feeling-safe': 'safe', home: 'happy', money: 'not-sure', family: 'not-happy' } }),
    };
    expect(diffAnswers(version1, after)).toEqual([
      { kind: 'rating', question: 'feelings', topic: 'money', before: 'skipped', after: 'not-sure' },
      { kind: 'rating', question: 'feelings', topic: 'family', before: null, after: 'not-happy' },
      { kind: 'rating', question: 'feelings', topic: 'feeling-safe', before: 'not-safe', after: 'safe' },
    ]);
    const removed = { ...version1, feelings: answer({ ratings: { money: 'skipped', 'feeling-safe': 'not-safe' } }) };
    expect(diffAnswers(version1, removed)).toEqual([{ kind: 'rating', question: 'feelings', topic: 'home', before: 'happy', after: null }]);
  });

  it('says when an answer was skipped, marked "I do not know", or answered for the first time', () => {
    const after = {
      ...version1,
      name: answer({ status: 'skipped', text: 'Jo' }),
      anythingElse: answer({ status: 'unknown' }),
    };
    expect(diffAnswers(version1, after)).toEqual([
      { kind: 'status', question: 'name', before: 'answered', after: 'skipped' },
      { kind: 'status', question: 'anythingElse', before: null, after: 'unknown' },
    ]);
  });

  it('says what went when a whole answer is gone', () => {
    const { name: _name, ...after } = version1;
    expect(diffAnswers(version1, after)).toEqual([
      { kind: 'status', question: 'name', before: 'answered', after: null },
      { kind: 'words', question: 'name', field: 'text', before: 'Jo', after: '' },
    ]);
  });

  it('lists the changes in the order of the statement, not the order the answers were saved', () => {
    // Keys in the opposite order to the statement, as a draft saved back to front would have them.
    const before: Answers = Object.fromEntries(Object.entries(version1).reverse());
    const after: Answers = {
      notTold: answer({ text: 'My brother', reason: 'He takes my money' }),
      outcomes: answer({ codes: ['feel-safe', 'keep-seeing-someone', 'hurting-stops'], mostImportant: ['feel-safe'] }),
      feelings: answer({ ratings: { home: 'not-sure', money: 'skipped', 'feeling-safe': 'not-safe' } }),
      communication: answer({ codes: ['speaking', 'writing'], text: 'Please speak slowly and clearly.' }),
      name: answer({ text: 'Jo' }),
      anythingElse: answer({ text: 'Thank you' }),
    };
    expect(diffAnswers(before, after).map((c) => c.question)).toEqual([
      'communication',
      'feelings',
      'outcomes',
      'notTold',
      'anythingElse', // newly answered
      'anythingElse', // and its words
    ]);
  });

  it('within one question, lists the status, then cards, then "matters most", then words', () => {
    const after = {
      ...version1,
      outcomes: answer({
        status: 'unknown',
        codes: ['feel-safe', 'hurting-stops'],
        mostImportant: ['hurting-stops'],
        text: 'I am not sure yet',
      }),
    };
    expect(diffAnswers(version1, after).map((c) => c.kind)).toEqual([
      'status',
      'added',
      'removed',
      'most-important-added',
      'most-important-removed',
      'words',
    ]);
  });
});
