// @vitest-environment happy-dom
import { virtual } from '@guidepup/virtual-screen-reader';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithI18n } from '../../../tests/fixtures/i18n';
import { EasyReadSection } from './EasyReadSection';

afterEach(async () => {
  await virtual.stop();
  cleanup();
});

describe('EasyReadSection', () => {
  it('is a region named by its heading, with the picture left out of what is read', async () => {
    const { container } = renderWithI18n(
      <EasyReadSection id="keep-safe" picture="lock" heading="Keep it safe">
        <p>Only you should see this file.</p>
      </EasyReadSection>,
    );
    const region = screen.getByRole('region', { name: 'Keep it safe' });
    expect(within(region).getByRole('heading', { level: 2, name: 'Keep it safe' })).toBeTruthy();
    expect(within(region).getByText('Only you should see this file.')).toBeTruthy();

    await virtual.start({ container });
    while ((await virtual.lastSpokenPhrase()) !== 'end of region, Keep it safe') await virtual.next();
    const spoken = await virtual.spokenPhraseLog();
    expect(spoken).toContain('region, Keep it safe');
    expect(spoken).toContain('heading, Keep it safe, level 2');
    expect(spoken).toContain('Only you should see this file.');
    expect(spoken.some((phrase) => phrase.includes('img'))).toBe(false);
  });
});
