// @vitest-environment happy-dom
import { virtual } from '@guidepup/virtual-screen-reader';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithI18n, testI18n } from '../../../tests/fixtures/i18n';
import { TextInput } from './TextInput';

afterEach(async () => {
  await virtual.stop();
  cleanup();
});

const errorPrefix = testI18n('en').t('common:errorPrefix');

describe('TextInput', () => {
  it('is named by its label, so clicking the label puts the cursor in the box', async () => {
    renderWithI18n(<TextInput id="name" name="name" label="The name I like" />);
    const input = screen.getByRole('textbox', { name: 'The name I like' });
    await userEvent.click(screen.getByText('The name I like'));
    expect(document.activeElement).toBe(input);
  });

  it('joins the hint and the error to the box, hint first, so both are read with it', () => {
    renderWithI18n(<TextInput id="name" name="name" label="The name I like" hint="It can be a nickname" error="Enter the name you like" />);
    const input = screen.getByRole('textbox', { name: 'The name I like' });
    expect(input.getAttribute('aria-describedby')).toBe('name-hint name-error');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    // Each id points at a real element with the words a person sees.
    expect(document.getElementById('name-hint')?.textContent).toBe('It can be a nickname');
    expect(document.getElementById('name-error')?.textContent).toBe(`${errorPrefix} Enter the name you like`);
  });

  it('points at only the hint when there is no error, and is not marked invalid', () => {
    renderWithI18n(<TextInput id="name" name="name" label="The name I like" hint="It can be a nickname" />);
    const input = screen.getByRole('textbox', { name: 'The name I like' });
    expect(input.getAttribute('aria-describedby')).toBe('name-hint');
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(screen.queryByText(errorPrefix, { exact: false })).toBeNull();
  });

  it('has no aria-describedby at all without a hint or an error, so it never points at nothing', () => {
    renderWithI18n(<TextInput id="name" name="name" label="The name I like" />);
    expect(screen.getByRole('textbox').hasAttribute('aria-describedby')).toBe(false);
  });

  it('puts the label inside the page’s h1 when it is the page heading', () => {
    renderWithI18n(<TextInput id="name" name="name" label="What name do you like?" isPageHeading />);
    const heading = screen.getByRole('heading', { level: 1, name: 'What name do you like?' });
    expect(heading.querySelector('label')?.htmlFor).toBe('name');
    expect(screen.getByRole('textbox', { name: 'What name do you like?' })).toBeTruthy();
  });

  it('is not a heading when it is one of several questions', () => {
    renderWithI18n(<TextInput id="name" name="name" label="The name I like" />);
    expect(screen.queryByRole('heading')).toBeNull();
  });

  it('keeps the answer the person gave before, and lets them change it', async () => {
    renderWithI18n(<TextInput id="name" name="name" label="The name I like" defaultValue="Sam" />);
    const input = screen.getByRole('textbox', { name: 'The name I like' }) as HTMLInputElement;
    expect(input.value).toBe('Sam');
    await userEvent.type(input, 'my');
    expect(input.value).toBe('Sammy');
  });

  it('sends its answer with the form under its name', async () => {
    renderWithI18n(
      <form aria-label="Your details">
        <TextInput id="name" name="preferredName" label="The name I like" />
      </form>,
    );
    await userEvent.type(screen.getByRole('textbox', { name: 'The name I like' }), 'Sam');
    const data = new FormData(screen.getByRole('form', { name: 'Your details' }) as HTMLFormElement);
    expect(data.get('preferredName')).toBe('Sam');
  });

  it('is read by a screen reader as a heading, then the hint, then a textbox with its hint and error, invalid', async () => {
    renderWithI18n(
      <TextInput
        id="name"
        name="name"
        label="What name do you like?"
        isPageHeading
        hint="It can be a nickname"
        error="Enter the name you like"
      />,
    );
    await virtual.start({ container: document.body });
    for (let i = 0; i < 11; i++) await virtual.next();
    const spoken = await virtual.spokenPhraseLog();
    expect(spoken).toContain('heading, What name do you like?, level 1');
    expect(spoken).toContain(`textbox, What name do you like?, It can be a nickname ${errorPrefix} Enter the name you like, invalid`);
    // The heading comes before the box, so the question is heard first.
    expect(spoken.indexOf('heading, What name do you like?, level 1')).toBeLessThan(
      spoken.findIndex((phrase) => phrase.startsWith('textbox')),
    );
  });
});
