// @vitest-environment happy-dom
import { virtual } from '@guidepup/virtual-screen-reader';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithI18n } from '../../../tests/fixtures/i18n';
import { NotificationBanner } from './NotificationBanner';

afterEach(async () => {
  await virtual.stop();
  cleanup();
});

describe('NotificationBanner', () => {
  it('announces a success at once, as an alert named by its title', () => {
    renderWithI18n(
      <NotificationBanner title="Saved" type="success">
        <p>Your words are saved.</p>
      </NotificationBanner>,
    );
    const alert = screen.getByRole('alert', { name: 'Saved' });
    expect(within(alert).getByText('Your words are saved.')).toBeTruthy();
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('is an important region to find and read, named by its title, by default', () => {
    renderWithI18n(
      <NotificationBanner title="Important">
        <p>Your worker changes on Monday.</p>
      </NotificationBanner>,
    );
    const region = screen.getByRole('region', { name: 'Important' });
    expect(within(region).getByText('Your worker changes on Monday.')).toBeTruthy();
    // Not an alert: it does not interrupt the person when the page loads.
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows its title as a level 2 heading, so it can be found in the list of headings', () => {
    renderWithI18n(
      <NotificationBanner title="Important">
        <p>Read this first.</p>
      </NotificationBanner>,
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Important' })).toBeTruthy();
  });

  it('gives two banners on one page different names', () => {
    renderWithI18n(
      <>
        <NotificationBanner title="Saved" type="success">
          <p>Your words are saved.</p>
        </NotificationBanner>
        <NotificationBanner title="Important">
          <p>Read this first.</p>
        </NotificationBanner>
      </>,
    );
    expect(screen.getByRole('alert', { name: 'Saved' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Important' })).toBeTruthy();
  });

  it('is read by a screen reader as an alert or a region, each with its title and words', async () => {
    renderWithI18n(
      <>
        <NotificationBanner title="Saved" type="success">
          <p>Your words are saved.</p>
        </NotificationBanner>
        <NotificationBanner title="Important">
          <p>Read this first.</p>
        </NotificationBanner>
      </>,
    );
    await virtual.start({ container: document.body });
    for (let i = 0; i < 13; i++) await virtual.next();
    const spoken = await virtual.spokenPhraseLog();
    expect(spoken).toEqual([
      'document',
      'alert, Saved',
      'heading, Saved, level 2',
      'paragraph',
      'Your words are saved.',
      'end of paragraph',
      'end of alert, Saved',
      'region, Important',
      'heading, Important, level 2',
      'paragraph',
      'Read this first.',
      'end of paragraph',
      'end of region, Important',
      'end of document',
    ]);
  });
});
