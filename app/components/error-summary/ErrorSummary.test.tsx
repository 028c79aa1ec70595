// @vitest-environment happy-dom
import { virtual } from '@guidepup/virtual-screen-reader';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithI18n, testI18n } from '../../../tests/fixtures/i18n';
import { TextInput } from '../text-input/TextInput';
import { ErrorSummary } from './ErrorSummary';

afterEach(async () => {
  await virtual.stop();
  cleanup();
});

function Page() {
  return (
    <>
      <ErrorSummary errors={[{ fieldId: 'name', message: 'Enter the name you like' }]} />
      <TextInput id="name" name="name" label="The name I like" error="Enter the name you like" />
    </>
  );
}

describe('ErrorSummary', () => {
  it('takes focus when it appears, so it is read first', () => {
    renderWithI18n(<Page />);
    expect(document.activeElement).toBe(document.querySelector('[data-error-summary]'));
  });

  it('links each message to its field and moves focus there', async () => {
    renderWithI18n(<Page />);
    await userEvent.click(screen.getByRole('link', { name: 'Enter the name you like' }));
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'The name I like' }));
  });

  it('renders nothing when there are no errors', () => {
    const { container } = renderWithI18n(<ErrorSummary errors={[]} />);
    expect(container.innerHTML).toBe('');
  });

  it('is announced as an alert, then read as a heading and a list of links, in the person’s language', async () => {
    renderWithI18n(<ErrorSummary errors={[{ fieldId: 'x', message: 'Choose a size' }]} />, 'ur');
    await virtual.start({ container: document.body });
    for (let i = 0; i < 6; i++) await virtual.next();
    const spoken = await virtual.spokenPhraseLog();
    // The Urdu title, not the English one: the summary speaks the page's language.
    expect(spoken).toContain('alert');
    const urduTitle = testI18n('ur').t('common:errorSummary.title');
    expect(urduTitle).not.toBe(testI18n('en').t('common:errorSummary.title'));
    expect(spoken).toContain(`heading, ${urduTitle}, level 2`);
    expect(spoken).toContain('link, Choose a size');
  });

  it('marks the field invalid and joins its error message to it', () => {
    renderWithI18n(<Page />);
    const input = screen.getByRole('textbox', { name: 'The name I like' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('name-error');
    expect(document.getElementById('name-error')?.textContent).toBe('Error: Enter the name you like');
  });
});
