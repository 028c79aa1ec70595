import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** True when the browser has a voice that speaks `lng`. */
export function hasVoiceFor(lng: string, voices: Pick<SpeechSynthesisVoice, 'lang'>[]): boolean {
  const wanted = lng.toLowerCase();
  return voices.some((voice) => voice.lang.toLowerCase().replace('_', '-').split('-')[0] === wanted);
}

const blocks =
  'address, article, aside, blockquote, br, button, dd, div, dl, dt, fieldset, figcaption, figure, footer, form, h1, h2, h3, h4, h5, h6, header, hr, label, legend, li, main, nav, ol, p, pre, section, table, td, th, tr, ul';

/** The words of the page's main content, leaving out parts marked not to be read. */
export function textToRead(main: HTMLElement): string {
  const copy = main.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('[data-read-aloud="skip"], [hidden], .visually-hidden, script, style').forEach((el) => el.remove());
  // A detached copy is not rendered, so innerText gives no line breaks: keep a space after each
  // block, or a heading's last word runs into the next paragraph's first ("safeYou").
  copy.querySelectorAll(blocks).forEach((el) => el.after(' '));
  return (copy.innerText || copy.textContent || '').replace(/\s+/g, ' ').trim();
}

/**
 * Reads the main content aloud with the browser's own voices, in the page's language. Hidden
 * until the browser shows it has a voice for that language: a button that speaks English words
 * over a Bengali page, or says nothing, is worse than no button.
 */
export function ReadAloud({ lng }: { lng: string }) {
  const { t } = useTranslation();
  const [available, setAvailable] = useState(false);
  const [speaking, setSpeaking] = useState(false);

  useEffect(() => {
    if (typeof window === 'undefined' || !('speechSynthesis' in window)) return;
    const synth = window.speechSynthesis;
    const check = () => setAvailable(hasVoiceFor(lng, synth.getVoices()));
    check();
    synth.addEventListener?.('voiceschanged', check);
    return () => {
      synth.removeEventListener?.('voiceschanged', check);
      synth.cancel();
    };
  }, [lng]);

  function toggle() {
    const synth = window.speechSynthesis;
    if (speaking) {
      synth.cancel();
      setSpeaking(false);
      return;
    }
    const main = document.getElementById('main-content');
    if (!main) return;
    const utterance = new SpeechSynthesisUtterance(textToRead(main));
    utterance.lang = lng;
    const voice = synth.getVoices().find((v) => hasVoiceFor(lng, [v]));
    if (voice) utterance.voice = voice;
    utterance.onend = () => setSpeaking(false);
    utterance.onerror = () => setSpeaking(false);
    setSpeaking(true);
    synth.speak(utterance);
  }

  return (
    <div className="read-aloud" hidden={!available} data-read-aloud="skip">
      <button type="button" className="button button--secondary read-aloud__button" onClick={toggle}>
        <span aria-hidden="true" className="read-aloud__icon">
          ▶
        </span>
        {speaking ? t('common:readAloud.stop') : t('common:readAloud.start')}
      </button>
    </div>
  );
}
