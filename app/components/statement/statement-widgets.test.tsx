// @vitest-environment happy-dom
import { virtual } from '@guidepup/virtual-screen-reader';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithI18n, testI18n } from '../../../tests/fixtures/i18n';
import { Picture } from '../picture/Picture';
import { PictureChoice } from '../picture-choice/PictureChoice';
import { parseAnswer } from '~/domain/statement/answers';
import { outcomeCards, questionOrder, scales } from '~/domain/statement/definition';
import type { LanguageCode } from '~/i18n/languages';
import { QuestionFields } from './QuestionFields';

const fetchStub = vi.fn();
beforeEach(() => {
  // The own-words box saves while the person types; no request may leave the test.
  fetchStub.mockReset();
  vi.stubGlobal('fetch', fetchStub);
});

afterEach(async () => {
  await virtual.stop();
  cleanup();
  vi.unstubAllGlobals();
});

/** Moves through the whole page with the virtual screen reader and returns everything it said. */
async function readWholePage(limit = 400) {
  await virtual.start({ container: document.body });
  for (let i = 0; i < limit && (await virtual.lastSpokenPhrase()) !== 'end of document'; i++) await virtual.next();
  const spoken = await virtual.spokenPhraseLog();
  expect(spoken.at(-1)).toBe('end of document');
  return spoken;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const outcomes = questionOrder.find((q) => q.question.id === 'outcomes')!.question;

/**
 * "This matters most to me" is followed, for screen readers only, by ": <the outcome>". Real
 * browsers join the two inline parts without a space; the test DOM has no layout and adds one.
 */
const mattersMost = (lng: LanguageCode, code: string) =>
  new RegExp(
    `^${escape(testI18n(lng).t('statement:mostImportant.label'))} ?: ${escape(testI18n(lng).t(`statement:cards.outcomes.${code}`))}$`,
  );

describe('the outcome cards', () => {
  const t = testI18n('en').t;
  const title = t('statement:questions.outcomes.title');
  const hint = t('statement:questions.outcomes.hint');

  it('are read as a group whose legend is the page heading, each outcome a checkbox named by its words, with "This matters most to me" for it', async () => {
    renderWithI18n(<QuestionFields question={outcomes} answer={null} errors={{}} />);
    const spoken = await readWholePage();

    expect(spoken).toContain(`group, ${title}, ${hint}`);
    expect(spoken).toContain(`heading, ${title}, level 1`);
    // The heading is inside the group, so it comes after the group starts.
    expect(spoken.indexOf(`heading, ${title}, level 1`)).toBeGreaterThan(spoken.indexOf(`group, ${title}, ${hint}`));
    expect(spoken).toContain(`listitem, level 1, position 1, set size ${outcomeCards.length}`);

    for (const card of outcomeCards) {
      const words = t(`statement:cards.outcomes.${card.code}`);
      const at = spoken.indexOf(`checkbox, ${words}, not checked`);
      expect(at, `the ${card.code} card`).toBeGreaterThan(-1);
      // Straight after the card comes its own "This matters most to me", naming the outcome.
      const next = spoken.slice(at + 1).find((phrase) => phrase.startsWith('checkbox, '));
      expect(next).toMatch(new RegExp(`^checkbox, ${mattersMost('en', card.code).source.slice(1, -1)}, not checked$`));
    }
    // Both kinds of checkbox, once per card, and nothing else is a checkbox.
    expect(spoken.filter((phrase) => phrase.startsWith('checkbox, '))).toHaveLength(outcomeCards.length * 2);

    // The pictures are decoration: the screen reader says the words, never the picture or its file.
    expect(spoken.some((phrase) => /\bimg\b|\bimage\b|\.svg|\.png/i.test(phrase))).toBe(false);
    expect(spoken).not.toContain('lock');

    // The own-words box follows the cards.
    expect(spoken.some((phrase) => phrase.startsWith(`textbox, ${t('statement:ownWords.label')}`))).toBe(true);
    expect(spoken).toContain(`end of group, ${title}, ${hint}`);
    expect(fetchStub).not.toHaveBeenCalled();
  });

  it('names every checkbox the same way for the accessibility tree', () => {
    renderWithI18n(<QuestionFields question={outcomes} answer={null} errors={{}} />);
    for (const card of outcomeCards) {
      expect(screen.getByRole('checkbox', { name: t(`statement:cards.outcomes.${card.code}`) })).toBeTruthy();
      expect(screen.getByRole('checkbox', { name: mattersMost('en', card.code) })).toBeTruthy();
    }
  });

  it('work with the keyboard: Tab to a card, Space to choose it, Tab to "This matters most to me", Space to mark it', async () => {
    renderWithI18n(
      <form aria-label="Outcomes">
        <QuestionFields question={outcomes} answer={null} errors={{}} />
      </form>,
    );
    const user = userEvent.setup();
    const feelSafe = screen.getByRole('checkbox', { name: t('statement:cards.outcomes.feel-safe') }) as HTMLInputElement;
    const feelSafeMost = screen.getByRole('checkbox', { name: mattersMost('en', 'feel-safe') }) as HTMLInputElement;
    const hurting = screen.getByRole('checkbox', { name: t('statement:cards.outcomes.hurting-stops') }) as HTMLInputElement;

    await user.tab();
    expect(document.activeElement).toBe(feelSafe);
    await user.keyboard(' ');
    expect(feelSafe.checked).toBe(true);

    await user.tab();
    expect(document.activeElement).toBe(feelSafeMost);
    await user.keyboard(' ');
    expect(feelSafeMost.checked).toBe(true);

    await user.tab();
    expect(document.activeElement).toBe(hurting);
    await user.keyboard(' ');
    expect(hurting.checked).toBe(true);

    // What the form sends is an answer the statement accepts: mixed feelings and "matters most" kept.
    const sent = new FormData(screen.getByRole('form') as HTMLFormElement);
    expect(sent.getAll('codes')).toEqual(['feel-safe', 'hurting-stops']);
    expect(sent.getAll('mostImportant')).toEqual(['feel-safe']);
    const result = parseAnswer(outcomes, sent, 'save', undefined, { language: 'en', by: 'self', now: '2026-12-01T10:00:00.000Z' });
    expect(result.ok && result.answer).toMatchObject({ codes: ['feel-safe', 'hurting-stops'], mostImportant: ['feel-safe'] });
  });

  it('show the outcomes chosen before as checked', async () => {
    renderWithI18n(
      <QuestionFields
        question={outcomes}
        answer={{
          status: 'answered',
          codes: ['keep-seeing-someone', 'hurting-stops'],
          text: '',
          reason: '',
          mostImportant: ['hurting-stops'],
          ratings: {},
          language: 'en',
          by: 'self',
          at: '2026-12-01T10:00:00.000Z',
        }}
        errors={{}}
      />,
    );
    const spoken = await readWholePage();
    expect(spoken).toContain(`checkbox, ${t('statement:cards.outcomes.keep-seeing-someone')}, checked`);
    expect(spoken).toContain(`checkbox, ${t('statement:cards.outcomes.hurting-stops')}, checked`);
    expect(spoken).toContain(`checkbox, ${t('statement:cards.outcomes.feel-safe')}, not checked`);
    expect((screen.getByRole('checkbox', { name: mattersMost('en', 'hurting-stops') }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: mattersMost('en', 'keep-seeing-someone') }) as HTMLInputElement).checked).toBe(false);
  });

  it('speak Urdu on an Urdu page', async () => {
    renderWithI18n(<QuestionFields question={outcomes} answer={null} errors={{}} />, 'ur');
    const ur = testI18n('ur').t;
    expect(ur('statement:questions.outcomes.title')).not.toBe(title);
    const spoken = await readWholePage();
    expect(spoken).toContain(`heading, ${ur('statement:questions.outcomes.title')}, level 1`);
    expect(spoken).toContain(`checkbox, ${ur('statement:cards.outcomes.feel-safe')}, not checked`);
    expect(screen.getByRole('checkbox', { name: mattersMost('ur', 'feel-safe') })).toBeTruthy();
    expect(spoken.join('\n')).not.toContain(t('statement:cards.outcomes.feel-safe'));
  });
});

/** The picture sort card, exactly as its page renders it. */
function SortCard({ lng, rating }: { lng: LanguageCode; rating?: string }) {
  const t = testI18n(lng).t;
  return (
    <PictureChoice
      id="rating"
      name="rating"
      type="radio"
      legend={t('statement:sort.question.feeling', { topic: t('statement:topics.home') })}
      isPageHeading
      selected={rating ? [rating] : []}
      cards={scales.feeling.map((s) => ({ value: s.code, label: t(`statement:scale.${s.code}`), picture: <Picture name={s.picture} /> }))}
    />
  );
}

describe('the picture sort choice', () => {
  it('is read as the question heading, then Happy, Not sure and Not happy, each with its place in the set', async () => {
    renderWithI18n(<SortCard lng="en" />);
    const spoken = await readWholePage();
    expect(spoken).toContain('group, How do you feel about: Home?');
    expect(spoken).toContain('heading, How do you feel about: Home?, level 1');
    expect(spoken).toContain('radio, Happy, not checked, position 1, set size 3');
    expect(spoken).toContain('radio, Not sure, not checked, position 2, set size 3');
    expect(spoken).toContain('radio, Not happy, not checked, position 3, set size 3');
    expect(spoken.filter((phrase) => phrase.startsWith('radio, '))).toHaveLength(3);
    expect(spoken.some((phrase) => /\bimg\b|\bimage\b|\.svg|\.png/i.test(phrase))).toBe(false);
    expect(spoken).toContain('end of group, How do you feel about: Home?');
  });

  // The virtual screen reader reads the "checked" attribute, not the live state a key press
  // changes, so the keys are checked on the inputs and the spoken state on a card chosen before.
  it('moves the choice with the arrow keys', async () => {
    renderWithI18n(<SortCard lng="en" />);
    const user = userEvent.setup();
    const radio = (name: string) => screen.getByRole('radio', { name }) as HTMLInputElement;

    await user.tab();
    expect(document.activeElement).toBe(radio('Happy'));
    await user.keyboard(' ');
    expect(radio('Happy').checked).toBe(true);
    await user.keyboard('{ArrowDown}');
    expect(radio('Not sure').checked).toBe(true);
    expect(radio('Happy').checked).toBe(false);
    expect(document.activeElement).toBe(radio('Not sure'));
    await user.keyboard('{ArrowRight}');
    expect(radio('Not happy').checked).toBe(true);
    await user.keyboard('{ArrowUp}');
    expect(radio('Not sure').checked).toBe(true);
    expect(radio('Not happy').checked).toBe(false);

    // The form sends the one chosen.
    expect(screen.getAllByRole('radio').filter((r) => (r as HTMLInputElement).checked)).toEqual([radio('Not sure')]);
  });

  it('says which one was chosen before, when the person comes back to the card', async () => {
    renderWithI18n(<SortCard lng="en" rating="not-sure" />);
    const spoken = await readWholePage();
    expect(spoken).toContain('radio, Happy, not checked, position 1, set size 3');
    expect(spoken).toContain('radio, Not sure, checked, position 2, set size 3');
    expect(spoken).toContain('radio, Not happy, not checked, position 3, set size 3');
  });

  it('speaks the Urdu catalog’s words on an Urdu page', async () => {
    renderWithI18n(<SortCard lng="ur" />, 'ur');
    const ur = testI18n('ur').t;
    const en = testI18n('en').t;
    const question = ur('statement:sort.question.feeling', { topic: ur('statement:topics.home') });
    expect(question).toContain(ur('statement:topics.home'));
    expect(question).not.toBe(en('statement:sort.question.feeling', { topic: en('statement:topics.home') }));

    const spoken = await readWholePage();
    expect(spoken).toContain(`heading, ${question}, level 1`);
    scales.feeling.forEach((s, index) => {
      const words = ur(`statement:scale.${s.code}`);
      expect(words).not.toBe(en(`statement:scale.${s.code}`));
      expect(spoken).toContain(`radio, ${words}, not checked, position ${index + 1}, set size 3`);
    });
    // No English left over.
    for (const english of ['Happy', 'Not sure', 'Not happy', 'How do you feel', 'Home']) {
      expect(spoken.join('\n')).not.toContain(english);
    }
  });
});
