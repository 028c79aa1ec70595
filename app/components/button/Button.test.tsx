// @vitest-environment happy-dom
import { virtual } from '@guidepup/virtual-screen-reader';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FormEvent, ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Button } from './Button';

afterEach(async () => {
  await virtual.stop();
  cleanup();
});

function formWith(button: ReactElement) {
  const onSubmit = vi.fn((event: FormEvent) => event.preventDefault());
  render(
    <form aria-label="Your answer" onSubmit={onSubmit}>
      <label htmlFor="answer">Answer</label>
      <input id="answer" name="answer" />
      {button}
    </form>,
  );
  return onSubmit;
}

describe('Button', () => {
  it('is a submit button unless told otherwise', () => {
    render(<Button>Save and continue</Button>);
    expect(screen.getByRole('button', { name: 'Save and continue' }).getAttribute('type')).toBe('submit');
  });

  it('submits its form when the person presses Enter on it', async () => {
    const onSubmit = formWith(<Button>Save and continue</Button>);
    const user = userEvent.setup();
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Save and continue' }));
    await user.keyboard('{Enter}');
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('submits its form when the person presses Space on it, or clicks it', async () => {
    const onSubmit = formWith(<Button>Save and continue</Button>);
    const user = userEvent.setup();
    screen.getByRole('button').focus();
    await user.keyboard(' ');
    expect(onSubmit).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Save and continue' }));
    expect(onSubmit).toHaveBeenCalledTimes(2);
  });

  it('does not submit the form when it is an ordinary button', async () => {
    const onClick = vi.fn();
    const onSubmit = formWith(
      <Button type="button" variant="secondary" onClick={onClick}>
        Show more
      </Button>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('looks like the main action by default, and like a secondary or warning action when asked', () => {
    render(
      <>
        <Button>Continue</Button>
        <Button variant="secondary">Go back</Button>
        <Button variant="warning" className="wide">
          Delete my answers
        </Button>
      </>,
    );
    expect(screen.getByRole('button', { name: 'Continue' }).className).toBe('button');
    expect(screen.getByRole('button', { name: 'Go back' }).className).toBe('button button--secondary');
    expect(screen.getByRole('button', { name: 'Delete my answers' }).className).toBe('button button--warning wide');
  });

  it('cannot be pressed when disabled', async () => {
    const onSubmit = formWith(<Button disabled>Save and continue</Button>);
    await userEvent.click(screen.getByRole('button', { name: 'Save and continue' }));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('is read by a screen reader as a button with its words', async () => {
    render(
      <>
        <Button>Save and continue</Button>
        <Button variant="warning" type="button">
          Delete my answers
        </Button>
      </>,
    );
    await virtual.start({ container: document.body });
    for (let i = 0; i < 3; i++) await virtual.next();
    expect(await virtual.spokenPhraseLog()).toEqual([
      'document',
      'button, Save and continue',
      'button, Delete my answers',
      'end of document',
    ]);
  });
});
