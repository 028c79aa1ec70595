// @vitest-environment happy-dom
import { virtual } from '@guidepup/virtual-screen-reader';
import { act, cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithI18n, testI18n } from '../../../tests/fixtures/i18n';
import { hasVoiceFor, ReadAloud, textToRead } from './ReadAloud';

/** Stands in for the browser's SpeechSynthesisUtterance, keeping what the component set. */
class FakeUtterance {
  lang = '';
  voice: { lang: string } | null = null;
  onend: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(public text: string) {}
}

/** Gives the window a speech synthesiser with these voices; voices can change later, as in Chrome. */
function installSpeech(initialVoices: { lang: string; name?: string }[]) {
  const listeners = new Set<() => void>();
  const synth = {
    voices: initialVoices,
    getVoices: vi.fn(() => synth.voices),
    addEventListener: vi.fn((_type: string, listener: () => void) => listeners.add(listener)),
    removeEventListener: vi.fn((_type: string, listener: () => void) => listeners.delete(listener)),
    cancel: vi.fn(),
    speak: vi.fn<(utterance: FakeUtterance) => void>(),
    /** The browser has loaded its voices. */
    loadVoices(voices: { lang: string; name?: string }[]) {
      synth.voices = voices;
      act(() => listeners.forEach((listener) => listener()));
    },
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true, writable: true });
  vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
  return synth;
}

afterEach(async () => {
  await virtual.stop();
  cleanup();
  delete (window as { speechSynthesis?: unknown }).speechSynthesis;
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const en = testI18n('en');
const startWords = en.t('common:readAloud.start');
const stopWords = en.t('common:readAloud.stop');

/** A page with main content around the button, as the page shell lays it out. */
function Page({ lng = 'en' }: { lng?: string }) {
  return (
    <main id="main-content">
      <h1>Staying safe</h1>
      <ReadAloud lng={lng} />
      <p>
        You can leave this website <strong>quickly</strong>.
      </p>
    </main>
  );
}

describe('hasVoiceFor', () => {
  it('matches a language to a voice for any region of it', () => {
    expect(hasVoiceFor('en', [{ lang: 'en-GB' }])).toBe(true);
    expect(hasVoiceFor('en', [{ lang: 'en-US' }, { lang: 'fr-FR' }])).toBe(true);
    expect(hasVoiceFor('bn', [{ lang: 'bn-IN' }])).toBe(true);
  });

  it('does not match a different language', () => {
    expect(hasVoiceFor('en', [{ lang: 'cy-GB' }])).toBe(false);
    expect(hasVoiceFor('cy', [{ lang: 'en-GB' }])).toBe(false);
    expect(hasVoiceFor('en', [])).toBe(false);
  });

  it('does not mistake a language for another that starts with the same letters', () => {
    expect(hasVoiceFor('pa', [{ lang: 'pam-PH' }])).toBe(false);
  });

  it('copes with the spellings browsers use: any case, and an underscore', () => {
    expect(hasVoiceFor('en', [{ lang: 'EN-gb' }])).toBe(true);
    expect(hasVoiceFor('cy', [{ lang: 'cy_GB' }])).toBe(true);
    expect(hasVoiceFor('EN', [{ lang: 'en' }])).toBe(true);
  });
});

describe('textToRead', () => {
  function main(html: string) {
    const element = document.createElement('main');
    element.innerHTML = html;
    document.body.append(element);
    return element;
  }

  it('reads the words of the main content', () => {
    expect(textToRead(main('<p>You can   change\n  your answers.</p>'))).toBe('You can change your answers.');
  });

  it('leaves out parts marked not to be read, hidden parts and words only for screen readers', () => {
    const element = main(
      '<p>Your answers are saved.</p>' +
        '<div data-read-aloud="skip"><button>Read this page aloud</button></div>' +
        '<p hidden>Secret draft</p>' +
        '<p><span class="visually-hidden">Error:</span> Choose a size</p>',
    );
    const text = textToRead(element);
    expect(text).toContain('Your answers are saved.');
    expect(text).toContain('Choose a size');
    expect(text).not.toContain('Read this page aloud');
    expect(text).not.toContain('Secret draft');
    expect(text).not.toContain('Error:');
  });

  it('keeps a pause between a heading and the paragraph after it, so their words do not run together', () => {
    const text = textToRead(main('<h1>Staying safe</h1><p>You can leave quickly.</p><ul><li>Phone</li><li>Letter</li></ul>'));
    expect(text).toContain('Staying safe');
    expect(text).not.toContain('safeYou');
    expect(text).not.toContain('PhoneLetter');
    expect(text).toBe('Staying safe You can leave quickly. Phone Letter');
  });

  it('does not join words inside a sentence that are only styled differently', () => {
    expect(textToRead(main('<p>Leave <strong>quick</strong>ly.</p>'))).toBe('Leave quickly.');
  });

  it('does not change the page it reads', () => {
    const element = main('<p>Words</p><p hidden>Draft</p>');
    textToRead(element);
    expect(element.innerHTML).toBe('<p>Words</p><p hidden="">Draft</p>');
  });
});

describe('ReadAloud', () => {
  it('stays hidden when the browser cannot speak at all', () => {
    expect('speechSynthesis' in window).toBe(false);
    renderWithI18n(<Page />);
    expect(screen.queryByRole('button', { name: startWords })).toBeNull();
  });

  it('stays hidden when the browser has no voice for the page’s language', () => {
    installSpeech([{ lang: 'en-GB' }]);
    renderWithI18n(<Page lng="cy" />, 'cy');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('appears when the browser has a voice for the page’s language', () => {
    installSpeech([{ lang: 'cy-GB' }, { lang: 'en-GB' }]);
    renderWithI18n(<Page />);
    expect(screen.getByRole('button', { name: startWords })).toBeTruthy();
  });

  it('appears when the browser loads its voices after the page', () => {
    const synth = installSpeech([]);
    renderWithI18n(<Page />);
    expect(screen.queryByRole('button', { name: startWords })).toBeNull();
    synth.loadVoices([{ lang: 'en-US' }]);
    expect(screen.getByRole('button', { name: startWords })).toBeTruthy();
  });

  it('speaks in the page’s language, with its words in that language', () => {
    installSpeech([{ lang: 'cy-GB' }]);
    renderWithI18n(<Page lng="cy" />, 'cy');
    const welsh = testI18n('cy').t('common:readAloud.start');
    expect(welsh).not.toBe(startWords);
    expect(screen.getByRole('button', { name: welsh })).toBeTruthy();
  });

  it('reads the main content aloud, without its own button, and can be stopped', async () => {
    const synth = installSpeech([
      { lang: 'fr-FR', name: 'Amélie' },
      { lang: 'en-GB', name: 'Daniel' },
    ]);
    renderWithI18n(<Page />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: startWords }));

    expect(synth.speak).toHaveBeenCalledTimes(1);
    const utterance = synth.speak.mock.calls[0]?.[0] as FakeUtterance;
    expect(utterance.text).toBe('Staying safe You can leave this website quickly.');
    expect(utterance.text).not.toContain(startWords);
    expect(utterance.lang).toBe('en');
    expect(utterance.voice?.lang).toBe('en-GB');

    // While it speaks, the same button stops it.
    await user.click(screen.getByRole('button', { name: stopWords }));
    expect(synth.cancel).toHaveBeenCalled();
    expect(screen.getByRole('button', { name: startWords })).toBeTruthy();
  });

  it('offers to read again when it finishes', async () => {
    const synth = installSpeech([{ lang: 'en-GB' }]);
    renderWithI18n(<Page />);
    await userEvent.click(screen.getByRole('button', { name: startWords }));
    expect(screen.getByRole('button', { name: stopWords })).toBeTruthy();
    act(() => (synth.speak.mock.calls[0]?.[0] as FakeUtterance).onend?.());
    expect(screen.getByRole('button', { name: startWords })).toBeTruthy();
  });

  it('stops speaking when the person leaves the page', () => {
    const synth = installSpeech([{ lang: 'en-GB' }]);
    const { unmount } = renderWithI18n(<Page />);
    unmount();
    expect(synth.cancel).toHaveBeenCalled();
    expect(synth.removeEventListener).toHaveBeenCalledWith('voiceschanged', expect.any(Function));
  });

  it('is read by a screen reader as a button only when it works', async () => {
    installSpeech([{ lang: 'en-GB' }]);
    renderWithI18n(<Page />);
    await virtual.start({ container: document.body });
    for (let i = 0; i < 20 && (await virtual.lastSpokenPhrase()) !== 'end of document'; i++) await virtual.next();
    const spoken = await virtual.spokenPhraseLog();
    expect(spoken).toContain(`button, ${startWords}`);
    // The ▶ is decoration, not part of what is said.
    expect(spoken.some((phrase) => phrase.includes('▶'))).toBe(false);
  });

  it('is not read by a screen reader when the browser has no voice for the language', async () => {
    installSpeech([{ lang: 'en-GB' }]);
    renderWithI18n(<Page lng="bn" />, 'bn');
    await virtual.start({ container: document.body });
    for (let i = 0; i < 20 && (await virtual.lastSpokenPhrase()) !== 'end of document'; i++) await virtual.next();
    const spoken = await virtual.spokenPhraseLog();
    expect(spoken).toContain('heading, Staying safe, level 1');
    expect(spoken.some((phrase) => phrase.startsWith('button'))).toBe(false);
  });
});
