// @vitest-environment happy-dom
import { virtual } from '@guidepup/virtual-screen-reader';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithI18n, testI18n } from '../../../tests/fixtures/i18n';
import { ErrorSummary } from '../error-summary/ErrorSummary';
import { Picture } from '../picture/Picture';
import { PictureChoice, type PictureCard } from './PictureChoice';

afterEach(async () => {
  await virtual.stop();
  cleanup();
});

/** Moves through the whole page with the virtual screen reader and returns everything it said. */
async function readWholePage() {
  await virtual.start({ container: document.body });
  for (let i = 0; i < 60 && (await virtual.lastSpokenPhrase()) !== 'end of document'; i++) await virtual.next();
  return virtual.spokenPhraseLog();
}

const feelings: PictureCard[] = [
  { value: 'happy', label: 'Happy', picture: <Picture name="happy" /> },
  { value: 'not-sure', label: 'Not sure', picture: <Picture name="notSure" /> },
  { value: 'sad', label: 'Sad', picture: <Picture name="sad" />, hint: 'Not good today' },
];

const ways: PictureCard[] = [
  { value: 'phone', label: 'Phone call', picture: <Picture name="phone" /> },
  { value: 'laptop', label: 'Video call', picture: <Picture name="laptop" /> },
  { value: 'home', label: 'A visit at home', picture: <Picture name="home" /> },
];

const radio = (name: string) => screen.getByRole('radio', { name }) as HTMLInputElement;
const checkbox = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;

describe('PictureChoice', () => {
  it('has a real radio under each card, named by the words, not the picture', () => {
    renderWithI18n(<PictureChoice id="feeling" name="feeling" legend="How do you feel?" type="radio" cards={feelings} />);
    const group = screen.getByRole('group', { name: 'How do you feel?' });
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(3);
    expect(radios.every((input) => input.tagName === 'INPUT')).toBe(true);
    // The pictures are decorative (alt=""), so each name is exactly the words on the card.
    expect(radio('Happy')).toBe(radios[0]);
    expect(radio('Not sure')).toBe(radios[1]);
    expect(group.querySelectorAll('img')).toHaveLength(3);
    group.querySelectorAll('img').forEach((img) => expect(img.getAttribute('alt')).toBe(''));
  });

  it('names a card by its words alone, and reads its hint as the description', () => {
    renderWithI18n(<PictureChoice id="feeling" name="feeling" legend="How do you feel?" type="radio" cards={feelings} />);
    const sad = radio('Sad');
    expect(document.getElementById(sad.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Not good today');
    // The hint is still shown on the card.
    expect(screen.getByText('Not good today')).toBeTruthy();
  });

  it('makes the whole card the target: clicking the picture or the words chooses it', async () => {
    renderWithI18n(<PictureChoice id="feeling" name="feeling" legend="How do you feel?" type="radio" cards={feelings} />);
    const user = userEvent.setup();
    await user.click(screen.getByText('Not sure'));
    expect(radio('Not sure').checked).toBe(true);
    const sadPicture = radio('Sad').closest('li')?.querySelector('img') as HTMLImageElement;
    await user.click(sadPicture);
    expect(radio('Sad').checked).toBe(true);
    expect(radio('Not sure').checked).toBe(false);
  });

  it('works with the keyboard: Tab to the group, Space to choose, arrows to move', async () => {
    renderWithI18n(<PictureChoice id="feeling" name="feeling" legend="How do you feel?" type="radio" cards={feelings} />);
    const user = userEvent.setup();
    await user.tab();
    expect(document.activeElement).toBe(radio('Happy'));
    await user.keyboard(' ');
    expect(radio('Happy').checked).toBe(true);
    await user.keyboard('{ArrowDown}');
    expect(radio('Not sure').checked).toBe(true);
    expect(radio('Happy').checked).toBe(false);
  });

  it('lets the person choose many when it is a checkbox set, and sends them all with the form', async () => {
    renderWithI18n(
      <form aria-label="Meeting">
        <PictureChoice id="ways" name="ways" legend="How would you like to meet?" type="checkbox" cards={ways} />
      </form>,
    );
    const user = userEvent.setup();
    await user.tab();
    expect(document.activeElement).toBe(checkbox('Phone call'));
    await user.keyboard(' ');
    await user.tab();
    await user.keyboard(' ');
    await user.click(screen.getByText('A visit at home'));
    expect(checkbox('Phone call').checked).toBe(true);
    expect(checkbox('Video call').checked).toBe(true);
    expect(checkbox('A visit at home').checked).toBe(true);
    expect(new FormData(screen.getByRole('form') as HTMLFormElement).getAll('ways')).toEqual(['phone', 'laptop', 'home']);
  });

  it('checks the cards the person chose before', () => {
    renderWithI18n(
      <PictureChoice
        id="ways"
        name="ways"
        legend="How would you like to meet?"
        type="checkbox"
        cards={ways}
        selected={['home', 'phone']}
      />,
    );
    expect(checkbox('Phone call').checked).toBe(true);
    expect(checkbox('Video call').checked).toBe(false);
    expect(checkbox('A visit at home').checked).toBe(true);
  });

  it('gives the first card the group’s id, so the error summary link lands on it, and joins the error to the group', async () => {
    renderWithI18n(
      <>
        <ErrorSummary errors={[{ fieldId: 'feeling', message: 'Choose how you feel' }]} />
        <PictureChoice id="feeling" name="feeling" legend="How do you feel?" type="radio" error="Choose how you feel" cards={feelings} />
      </>,
    );
    await userEvent.click(screen.getByRole('link', { name: 'Choose how you feel' }));
    expect(document.activeElement).toBe(radio('Happy'));
    expect(screen.getByRole('group', { name: 'How do you feel?' }).getAttribute('aria-describedby')).toBe('feeling-error');
    expect(document.getElementById('feeling-error')?.textContent).toBe(`${testI18n('en').t('common:errorPrefix')} Choose how you feel`);
  });

  it('puts the legend in the page’s h1 when it is the page heading', () => {
    renderWithI18n(<PictureChoice id="feeling" name="feeling" legend="How do you feel?" isPageHeading type="radio" cards={feelings} />);
    expect(screen.getByRole('heading', { level: 1, name: 'How do you feel?' }).closest('legend')).not.toBeNull();
  });

  it('is read by a screen reader as a group with its legend and hint, then a list of cards read by their words', async () => {
    renderWithI18n(
      <PictureChoice
        id="feeling"
        name="feeling"
        legend="How do you feel?"
        hint="Choose one"
        type="radio"
        cards={feelings}
        selected={['happy']}
      />,
    );
    const spoken = await readWholePage();
    expect(spoken).toContain('group, How do you feel?, Choose one');
    expect(spoken).toContain('radio, Happy, checked, position 1, set size 3');
    expect(spoken).toContain('radio, Not sure, not checked, position 2, set size 3');
    expect(spoken).toContain('radio, Sad, Not good today, not checked, position 3, set size 3');
    expect(spoken).toContain('end of group, How do you feel?, Choose one');
  });
});
