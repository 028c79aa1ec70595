// @vitest-environment happy-dom
import { virtual } from '@guidepup/virtual-screen-reader';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithI18n, testI18n } from '../../../tests/fixtures/i18n';
import { ErrorSummary } from '../error-summary/ErrorSummary';
import { Radios, type ChoiceOption } from './Radios';

afterEach(async () => {
  await virtual.stop();
  cleanup();
});

const sizes: ChoiceOption[] = [
  { value: 'small', label: 'Small' },
  { value: 'large', label: 'Large', hint: 'Easier to read' },
  { value: 'extra', label: 'Extra large' },
];

/** Moves through the whole page with the virtual screen reader and returns everything it said. */
async function readWholePage() {
  await virtual.start({ container: document.body });
  for (let i = 0; i < 60 && (await virtual.lastSpokenPhrase()) !== 'end of document'; i++) await virtual.next();
  return virtual.spokenPhraseLog();
}

describe('Radios', () => {
  it('groups the options in a fieldset named by its legend', () => {
    renderWithI18n(<Radios id="size" name="size" legend="What size of text?" options={sizes} />);
    const group = screen.getByRole('group', { name: 'What size of text?' });
    expect(group.tagName).toBe('FIELDSET');
    expect(within(group).getAllByRole('radio')).toHaveLength(3);
    expect(within(group).getByRole('radio', { name: 'Small' })).toBeTruthy();
    expect(within(group).getByRole('radio', { name: 'Large' })).toBeTruthy();
    expect(within(group).getByRole('radio', { name: 'Extra large' })).toBeTruthy();
  });

  it('puts the legend in the page’s h1 when it is the page heading, and not otherwise', () => {
    const { unmount } = renderWithI18n(<Radios id="size" name="size" legend="What size of text?" isPageHeading options={sizes} />);
    const heading = screen.getByRole('heading', { level: 1, name: 'What size of text?' });
    expect(heading.closest('legend')).not.toBeNull();
    expect(screen.getByRole('group', { name: 'What size of text?' })).toBeTruthy();
    unmount();
    renderWithI18n(<Radios id="size" name="size" legend="What size of text?" options={sizes} />);
    expect(screen.queryByRole('heading')).toBeNull();
  });

  it('gives the first option the group’s id, so the error summary link lands on it', async () => {
    renderWithI18n(
      <>
        <ErrorSummary errors={[{ fieldId: 'size', message: 'Choose a size of text' }]} />
        <Radios id="size" name="size" legend="What size of text?" error="Choose a size of text" options={sizes} />
      </>,
    );
    await userEvent.click(screen.getByRole('link', { name: 'Choose a size of text' }));
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Small' }));
    // The other options have their own ids, so no id is used twice.
    const ids = screen.getAllByRole('radio').map((radio) => radio.id);
    expect(new Set(ids).size).toBe(3);
  });

  it('joins the hint and the error to the group, and each option’s hint to its option', () => {
    renderWithI18n(
      <Radios
        id="size"
        name="size"
        legend="What size of text?"
        hint="You can change it later"
        error="Choose a size of text"
        options={sizes}
      />,
    );
    const group = screen.getByRole('group', { name: 'What size of text?' });
    expect(group.getAttribute('aria-describedby')).toBe('size-hint size-error');
    expect(document.getElementById('size-hint')?.textContent).toBe('You can change it later');
    expect(document.getElementById('size-error')?.textContent).toBe(`${testI18n('en').t('common:errorPrefix')} Choose a size of text`);
    const large = screen.getByRole('radio', { name: 'Large' });
    expect(document.getElementById(large.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Easier to read');
    expect(screen.getByRole('radio', { name: 'Small' }).hasAttribute('aria-describedby')).toBe(false);
  });

  it('checks the answer the person gave before, and only that one', () => {
    renderWithI18n(<Radios id="size" name="size" legend="What size of text?" options={sizes} value="large" />);
    expect((screen.getByRole('radio', { name: 'Large' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'Small' }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('radio', { name: 'Extra large' }) as HTMLInputElement).checked).toBe(false);
  });

  it('lets the person choose only one, by clicking the words or with the keyboard', async () => {
    renderWithI18n(<Radios id="size" name="size" legend="What size of text?" options={sizes} value="large" />);
    const user = userEvent.setup();
    await user.click(screen.getByText('Small'));
    expect((screen.getByRole('radio', { name: 'Small' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'Large' }) as HTMLInputElement).checked).toBe(false);

    await user.keyboard('{ArrowDown}');
    expect((screen.getByRole('radio', { name: 'Large' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getAllByRole('radio').filter((radio) => (radio as HTMLInputElement).checked)).toHaveLength(1);
  });

  it('sends the chosen value with the form', async () => {
    renderWithI18n(
      <form aria-label="Settings">
        <Radios id="size" name="textSize" legend="What size of text?" options={sizes} />
      </form>,
    );
    await userEvent.click(screen.getByRole('radio', { name: 'Extra large' }));
    expect(new FormData(screen.getByRole('form') as HTMLFormElement).get('textSize')).toBe('extra');
  });

  it('is read by a screen reader as a group with its legend, then each radio with its state and position', async () => {
    renderWithI18n(
      <Radios
        id="size"
        name="size"
        legend="What size of text?"
        isPageHeading
        hint="You can change it later"
        options={sizes}
        value="large"
      />,
    );
    const spoken = await readWholePage();
    expect(spoken).toContain('group, What size of text?, You can change it later');
    expect(spoken).toContain('heading, What size of text?, level 1');
    expect(spoken).toContain('radio, Small, not checked, position 1, set size 3');
    expect(spoken).toContain('radio, Large, Easier to read, checked, position 2, set size 3');
    expect(spoken).toContain('radio, Extra large, not checked, position 3, set size 3');
    expect(spoken).toContain('end of group, What size of text?, You can change it later');
  });
});
