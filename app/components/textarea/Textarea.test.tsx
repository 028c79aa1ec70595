// @vitest-environment happy-dom
import { virtual } from '@guidepup/virtual-screen-reader';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithI18n, testI18n } from '../../../tests/fixtures/i18n';
import { countCharacters, Textarea } from './Textarea';

afterEach(async () => {
  await virtual.stop();
  cleanup();
  vi.useRealTimers();
});

const { t } = testI18n('en');
const left = (count: number) => t('common:characterCount.remaining', { count });
const over = (count: number) => t('common:characterCount.over', { count });

function Story(props: { maxLength?: number; defaultValue?: string; hint?: string; error?: string }) {
  return <Textarea id="story" name="story" label="What happened" maxLength={props.maxLength ?? 10} {...props} />;
}

/** The count under the box that a sighted person reads. */
const visibleCount = () => document.getElementById('story-info') as HTMLElement;

describe('Textarea', () => {
  it('states the limit in the page before any script runs', () => {
    const html = renderToString(
      <I18nextProvider i18n={testI18n('en')}>
        <Story maxLength={500} />
      </I18nextProvider>,
    );
    const page = document.createElement('div');
    page.innerHTML = html;
    const info = page.querySelector('#story-info');
    expect(info?.textContent).toBe(t('common:characterCount.limit', { count: 500 }));
    expect(info?.textContent).toContain('500');
    // The limit is joined to the box, so a screen reader hears it there too.
    expect(page.querySelector('textarea')?.getAttribute('aria-describedby')).toBe('story-info');
    // The limit is stated, not enforced: nothing cuts off what the person types.
    expect(page.querySelector('textarea')?.hasAttribute('maxlength')).toBe(false);
  });

  it('shows how many characters are left once the page has loaded, and counts down as the person types', async () => {
    renderWithI18n(<Story maxLength={10} />);
    expect(visibleCount().textContent).toBe(left(10));
    await userEvent.type(screen.getByRole('textbox', { name: 'What happened' }), 'Hello');
    expect(visibleCount().textContent).toBe('You have 5 characters left.');
    await userEvent.type(screen.getByRole('textbox'), 'Worl');
    expect(visibleCount().textContent).toBe(left(1));
  });

  it('starts the count from an answer the person already gave', () => {
    renderWithI18n(<Story maxLength={10} defaultValue="Hi there" />);
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('Hi there');
    expect(visibleCount().textContent).toBe(left(2));
  });

  it('lets the person type past the limit, says how many are too many, and marks the count and box', async () => {
    renderWithI18n(<Story maxLength={5} />);
    const box = screen.getByRole('textbox', { name: 'What happened' }) as HTMLTextAreaElement;
    await userEvent.type(box, 'Hello');
    expect(visibleCount().textContent).toBe(left(0));
    expect(visibleCount().classList.contains('character-count--over')).toBe(false);
    expect(box.classList.contains('textarea--error')).toBe(false);

    await userEvent.type(box, '!!!');
    expect(box.value).toBe('Hello!!!');
    expect(visibleCount().textContent).toBe(over(3));
    expect(visibleCount().textContent).toContain('too many');
    expect(visibleCount().classList.contains('character-count--over')).toBe(true);
    expect(box.classList.contains('textarea--error')).toBe(true);

    // Trimming back under the limit takes the warning away.
    await userEvent.type(box, '{Backspace}{Backspace}{Backspace}');
    expect(visibleCount().textContent).toBe(left(0));
    expect(visibleCount().classList.contains('character-count--over')).toBe(false);
  });

  // Fake timers stop Testing Library's async helpers, so these tests type with fireEvent, one key at a time.
  function typeSlowly(box: HTMLTextAreaElement, text: string) {
    for (const key of text) {
      fireEvent.change(box, { target: { value: box.value + key } });
      act(() => vi.advanceTimersByTime(200));
    }
  }

  it('tells screen readers the count only after the person pauses, not over each key', () => {
    vi.useFakeTimers();
    renderWithI18n(<Story maxLength={10} />);
    const box = screen.getByRole('textbox', { name: 'What happened' }) as HTMLTextAreaElement;
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('');

    typeSlowly(box, 'abc');
    // The visible count keeps up with every key…
    expect(visibleCount().textContent).toBe(left(7));
    // …but nothing has been said yet, 200ms after the last key.
    expect(status.textContent).toBe('');
    act(() => vi.advanceTimersByTime(700));
    expect(status.textContent).toBe('');

    // Typing again restarts the wait.
    typeSlowly(box, 'd');
    act(() => vi.advanceTimersByTime(700));
    expect(status.textContent).toBe('');
    act(() => vi.advanceTimersByTime(100));
    expect(status.textContent).toBe(left(6));
  });

  it('announces “too many” after a pause when the answer is over the limit', () => {
    vi.useFakeTimers();
    renderWithI18n(<Story maxLength={3} />);
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'abcd' } });
    expect(screen.getByRole('status').textContent).toBe('');
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByRole('status').textContent).toBe(over(1));
  });

  it('still calls the page’s own onChange', async () => {
    const onChange = vi.fn();
    renderWithI18n(<Textarea id="story" name="story" label="What happened" maxLength={10} onChange={onChange} />);
    await userEvent.type(screen.getByRole('textbox'), 'ab');
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('joins the hint, the error and the count to the box, and puts the label in the h1 when it is the page heading', () => {
    renderWithI18n(
      <Textarea
        id="story"
        name="story"
        label="What happened?"
        isPageHeading
        hint="In your words"
        error="Tell us what happened"
        maxLength={10}
      />,
    );
    const box = screen.getByRole('textbox', { name: 'What happened?' });
    expect(box.getAttribute('aria-describedby')).toBe('story-hint story-error story-info');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('heading', { level: 1 }).querySelector('label')?.htmlFor).toBe('story');
  });

  describe('countCharacters', () => {
    it('counts plain letters one each', () => {
      expect(countCharacters('Hello')).toBe(5);
      expect(countCharacters('')).toBe(0);
    });

    it('counts an emoji as one character, as a person sees it', () => {
      expect('👍'.length).toBe(2);
      expect(countCharacters('👍')).toBe(1);
      expect(countCharacters('Hi 👋')).toBe(4);
    });

    it('counts an emoji with a skin tone, or a family emoji, as one character', () => {
      expect(countCharacters('👍🏽')).toBe(1);
      expect(countCharacters('👨‍👩‍👧')).toBe(1);
    });

    it('counts a Bengali letter with its vowel sign as one character', () => {
      // আমি ("I") is seen as two letters: আ and মি (ম with the vowel sign ি).
      expect(countCharacters('আমি')).toBe(2);
    });

    it('is what the visible count uses', async () => {
      renderWithI18n(<Story maxLength={10} />);
      await userEvent.type(screen.getByRole('textbox'), '👍🏽আমি');
      expect(visibleCount().textContent).toBe(left(7));
    });
  });

  it('is read by a screen reader with its hint and limit, and the count is spoken after a pause', async () => {
    renderWithI18n(<Story maxLength={10} hint="In your words" />);
    await virtual.start({ container: document.body });
    for (let i = 0; i < 6; i++) await virtual.next();
    expect(await virtual.spokenPhraseLog()).toContain(`textbox, What happened, In your words ${left(10)}`);

    await userEvent.type(screen.getByRole('textbox'), 'Hello');
    await act(() => new Promise((resolve) => setTimeout(resolve, 1100)));
    const spoken = await virtual.spokenPhraseLog();
    expect(spoken).toContain(`polite: ${left(5)}`);
    // Only the count after the pause is spoken, not one for each key.
    expect(spoken.filter((phrase) => phrase.startsWith('polite:'))).toEqual([`polite: ${left(5)}`]);
  });
});
