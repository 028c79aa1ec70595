// @vitest-environment happy-dom
import { virtual } from '@guidepup/virtual-screen-reader';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithI18n, testI18n } from '../../../tests/fixtures/i18n';
import { ErrorSummary } from '../error-summary/ErrorSummary';
import type { ChoiceOption } from '../radios/Radios';
import { Checkboxes } from './Checkboxes';

afterEach(async () => {
  await virtual.stop();
  cleanup();
});

const ways: ChoiceOption[] = [
  { value: 'phone', label: 'Phone' },
  { value: 'letter', label: 'Letter', hint: 'To your home address' },
  { value: 'email', label: 'Email' },
];

const checkbox = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;

/** Moves through the whole page with the virtual screen reader and returns everything it said. */
async function readWholePage() {
  await virtual.start({ container: document.body });
  for (let i = 0; i < 60 && (await virtual.lastSpokenPhrase()) !== 'end of document'; i++) await virtual.next();
  return virtual.spokenPhraseLog();
}

describe('Checkboxes', () => {
  it('groups the options in a fieldset named by its legend', () => {
    renderWithI18n(<Checkboxes id="contact" name="contact" legend="How can we contact you?" options={ways} />);
    const group = screen.getByRole('group', { name: 'How can we contact you?' });
    expect(group.tagName).toBe('FIELDSET');
    expect(within(group).getAllByRole('checkbox')).toHaveLength(3);
    expect(within(group).getByRole('checkbox', { name: 'Letter' })).toBeTruthy();
  });

  it('puts the legend in the page’s h1 when it is the page heading', () => {
    renderWithI18n(<Checkboxes id="contact" name="contact" legend="How can we contact you?" isPageHeading options={ways} />);
    expect(screen.getByRole('heading', { level: 1, name: 'How can we contact you?' }).closest('legend')).not.toBeNull();
  });

  it('has no heading when it is one of several questions', () => {
    renderWithI18n(<Checkboxes id="contact" name="contact" legend="How can we contact you?" options={ways} />);
    expect(screen.queryByRole('heading')).toBeNull();
  });

  it('gives the first option the group’s id, so the error summary link lands on it', async () => {
    renderWithI18n(
      <>
        <ErrorSummary errors={[{ fieldId: 'contact', message: 'Choose at least one way' }]} />
        <Checkboxes id="contact" name="contact" legend="How can we contact you?" error="Choose at least one way" options={ways} />
      </>,
    );
    await userEvent.click(screen.getByRole('link', { name: 'Choose at least one way' }));
    expect(document.activeElement).toBe(checkbox('Phone'));
    const group = screen.getByRole('group', { name: 'How can we contact you?' });
    expect(group.getAttribute('aria-describedby')).toBe('contact-error');
    expect(document.getElementById('contact-error')?.textContent).toBe(`${testI18n('en').t('common:errorPrefix')} Choose at least one way`);
  });

  it('checks every answer the person gave before', () => {
    renderWithI18n(<Checkboxes id="contact" name="contact" legend="How can we contact you?" options={ways} values={['phone', 'email']} />);
    expect(checkbox('Phone').checked).toBe(true);
    expect(checkbox('Letter').checked).toBe(false);
    expect(checkbox('Email').checked).toBe(true);
  });

  it('checks nothing when there is no answer yet', () => {
    renderWithI18n(<Checkboxes id="contact" name="contact" legend="How can we contact you?" options={ways} />);
    expect(screen.getAllByRole('checkbox').some((box) => (box as HTMLInputElement).checked)).toBe(false);
  });

  it('lets the person choose several, with the keyboard, and sends them all with the form', async () => {
    renderWithI18n(
      <form aria-label="Contact">
        <Checkboxes id="contact" name="contact" legend="How can we contact you?" options={ways} />
      </form>,
    );
    const user = userEvent.setup();
    await user.tab();
    expect(document.activeElement).toBe(checkbox('Phone'));
    await user.keyboard(' ');
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(checkbox('Email'));
    await user.keyboard(' ');
    expect(new FormData(screen.getByRole('form') as HTMLFormElement).getAll('contact')).toEqual(['phone', 'email']);
    // Unticking works too.
    await user.click(screen.getByText('Phone'));
    expect(checkbox('Phone').checked).toBe(false);
  });

  it('is read by a screen reader as a group with its legend, then each checkbox with its hint and state', async () => {
    renderWithI18n(
      <Checkboxes
        id="contact"
        name="contact"
        legend="How can we contact you?"
        hint="Choose all that apply"
        options={ways}
        values={['letter']}
      />,
    );
    const spoken = await readWholePage();
    expect(spoken).toContain('group, How can we contact you?, Choose all that apply');
    expect(spoken).toContain('checkbox, Phone, not checked');
    expect(spoken).toContain('checkbox, Letter, To your home address, checked');
    expect(spoken).toContain('checkbox, Email, not checked');
    expect(spoken).toContain('end of group, How can we contact you?, Choose all that apply');
  });
});
