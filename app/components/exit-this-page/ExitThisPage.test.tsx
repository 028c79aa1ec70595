// @vitest-environment happy-dom
import { virtual } from '@guidepup/virtual-screen-reader';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { renderWithI18n, testI18n } from '../../../tests/fixtures/i18n';
import { ExitThisPage } from './ExitThisPage';

const neutralSite = 'https://www.bbc.co.uk/weather';
const { t } = testI18n('en');
const exitName = `${t('common:exit.emergency')} ${t('common:exit.button')}`;

let replace: MockInstance<(url: string | URL) => void>;

beforeEach(() => {
  replace = vi.spyOn(window.location, 'replace').mockImplementation(() => undefined);
});

afterEach(async () => {
  await virtual.stop();
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A Shift press the way a keyboard sends it: one keydown, not a repeat. */
function pressShift() {
  act(() => {
    fireEvent.keyDown(document, { key: 'Shift', code: 'ShiftLeft' });
    fireEvent.keyUp(document, { key: 'Shift', code: 'ShiftLeft' });
  });
}

const status = () => screen.getByRole('status');
const lightsOn = () => document.querySelectorAll('.exit-this-page__light--on').length;
const overlay = () => screen.queryByRole('alert');

describe('ExitThisPage', () => {
  it('is a plain link to the neutral site that works without JavaScript and sends no referrer', () => {
    renderWithI18n(<ExitThisPage href={neutralSite} />);
    const link = screen.getByRole('link', { name: exitName });
    expect(link.getAttribute('href')).toBe(neutralSite);
    expect(link.getAttribute('rel')).toBe('nofollow noreferrer');
  });

  it('shows “Exit this page” and keeps “Emergency” for screen readers only', () => {
    renderWithI18n(<ExitThisPage href={neutralSite} />);
    const link = screen.getByRole('link', { name: exitName });
    expect(exitName).toBe('Emergency Exit this page');
    expect(link.querySelector('.visually-hidden')?.textContent?.trim()).toBe(t('common:exit.emergency'));
  });

  it('when clicked, replaces this page in the history and covers it at once', async () => {
    renderWithI18n(<ExitThisPage href={neutralSite} />);
    expect(overlay()).toBeNull();
    await userEvent.click(screen.getByRole('link', { name: exitName }));
    expect(replace).toHaveBeenCalledWith(neutralSite);
    expect(overlay()?.textContent).toBe(t('common:exit.loading'));
  });

  it('can be pressed with Enter from the keyboard', async () => {
    renderWithI18n(<ExitThisPage href={neutralSite} />);
    const user = userEvent.setup();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('link', { name: exitName }));
    await user.keyboard('{Enter}');
    expect(replace).toHaveBeenCalledWith(neutralSite);
  });

  it('leaves when the person presses Shift 3 times', async () => {
    renderWithI18n(<ExitThisPage href={neutralSite} />);
    const user = userEvent.setup();
    await user.keyboard('{Shift}{Shift}');
    expect(replace).not.toHaveBeenCalled();
    await user.keyboard('{Shift}');
    expect(replace).toHaveBeenCalledTimes(1);
    expect(replace).toHaveBeenCalledWith(neutralSite);
    expect(overlay()?.textContent).toBe(t('common:exit.loading'));
  });

  it('says how many more presses are needed, and lights one light for each press', () => {
    renderWithI18n(<ExitThisPage href={neutralSite} />);
    expect(status().textContent).toBe('');
    expect(lightsOn()).toBe(0);
    pressShift();
    expect(status().textContent).toBe(t('common:exit.pressesLeft', { count: 2 }));
    expect(lightsOn()).toBe(1);
    pressShift();
    expect(status().textContent).toBe('Shift, press 1 more time to leave.');
    expect(status().textContent).toBe(t('common:exit.pressesLeft', { count: 1 }));
    expect(lightsOn()).toBe(2);
    expect(overlay()).toBeNull();
  });

  it('stops after 5 seconds without a third press, says so, and starts counting again', () => {
    vi.useFakeTimers();
    renderWithI18n(<ExitThisPage href={neutralSite} />);
    pressShift();
    pressShift();
    act(() => vi.advanceTimersByTime(4900));
    expect(lightsOn()).toBe(2);
    expect(status().textContent).toBe(t('common:exit.pressesLeft', { count: 1 }));
    act(() => vi.advanceTimersByTime(100));
    expect(status().textContent).toBe(t('common:exit.timedOut'));
    expect(status().textContent).toContain('Exit stopped');
    expect(lightsOn()).toBe(0);

    // One more press now is the first of three again, not the third.
    pressShift();
    expect(replace).not.toHaveBeenCalled();
    expect(status().textContent).toBe(t('common:exit.pressesLeft', { count: 2 }));
  });

  it('gives each press its own 5 seconds', () => {
    vi.useFakeTimers();
    renderWithI18n(<ExitThisPage href={neutralSite} />);
    pressShift();
    act(() => vi.advanceTimersByTime(4000));
    pressShift();
    act(() => vi.advanceTimersByTime(4000));
    expect(status().textContent).not.toBe(t('common:exit.timedOut'));
    pressShift();
    expect(replace).toHaveBeenCalledWith(neutralSite);
  });

  it('does the same inside React’s StrictMode, as the portal runs in development', () => {
    vi.useFakeTimers();
    renderWithI18n(
      <StrictMode>
        <ExitThisPage href={neutralSite} />
      </StrictMode>,
    );
    pressShift();
    act(() => vi.advanceTimersByTime(4000));
    pressShift();
    act(() => vi.advanceTimersByTime(4000));
    expect(status().textContent).toBe(t('common:exit.pressesLeft', { count: 1 }));
    expect(lightsOn()).toBe(2);
    pressShift();
    // (StrictMode runs the state updater twice, so in development replace() is called twice; harmless.)
    expect(replace).toHaveBeenCalledWith(neutralSite);
    expect(overlay()?.textContent).toBe(t('common:exit.loading'));
  });

  it('tells a screen reader when the exit has stopped', async () => {
    renderWithI18n(<ExitThisPage href={neutralSite} />);
    await virtual.start({ container: document.body });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    pressShift();
    act(() => vi.advanceTimersByTime(5000));
    vi.useRealTimers();
    await virtual.next();
    expect(await virtual.spokenPhraseLog()).toContain(`polite: ${t('common:exit.timedOut')}`);
  });

  it('does not count a held-down Shift as more presses', async () => {
    renderWithI18n(<ExitThisPage href={neutralSite} />);
    // Holding Shift sends one keydown and then repeats, as when typing capitals.
    await userEvent.keyboard('{Shift>5/}');
    expect(replace).not.toHaveBeenCalled();
    expect(lightsOn()).toBe(1);
    expect(status().textContent).toBe(t('common:exit.pressesLeft', { count: 2 }));
  });

  it('does not count other keys', async () => {
    renderWithI18n(<ExitThisPage href={neutralSite} />);
    await userEvent.keyboard('{Control}{Alt}a');
    expect(lightsOn()).toBe(0);
    expect(status().textContent).toBe('');
  });

  it('takes the cover away when the person comes Back and the page is restored from the cache', async () => {
    renderWithI18n(<ExitThisPage href={neutralSite} />);
    await userEvent.click(screen.getByRole('link', { name: exitName }));
    expect(overlay()).not.toBeNull();
    act(() => {
      const event = new Event('pageshow') as Event & { persisted: boolean };
      Object.defineProperty(event, 'persisted', { value: true });
      window.dispatchEvent(event);
    });
    expect(overlay()).toBeNull();
  });

  it('stops listening when it leaves the page', () => {
    const { unmount } = renderWithI18n(<ExitThisPage href={neutralSite} />);
    unmount();
    pressShift();
    pressShift();
    pressShift();
    expect(replace).not.toHaveBeenCalled();
  });

  it('is read by a screen reader as an emergency link, and the presses left are spoken politely', async () => {
    renderWithI18n(<ExitThisPage href={neutralSite} />);
    await virtual.start({ container: document.body });
    await virtual.next();
    expect(await virtual.lastSpokenPhrase()).toBe(`link, ${exitName}`);
    await userEvent.keyboard('{Shift}{Shift}');
    const spoken = await virtual.spokenPhraseLog();
    expect(spoken).toContain(`polite: ${t('common:exit.pressesLeft', { count: 2 })}`);
    expect(spoken).toContain(`polite: ${t('common:exit.pressesLeft', { count: 1 })}`);
    // The third press leaves; the cover that appears is an alert with words, not a blank screen.
    await userEvent.keyboard('{Shift}');
    for (let i = 0; i < 20 && (await virtual.lastSpokenPhrase()) !== 'end of document'; i++) await virtual.next();
    const after = await virtual.spokenPhraseLog();
    expect(after).toContain('alert');
    expect(after).toContain(t('common:exit.loading'));
  });
});
