import { expect, test, type Page } from '@playwright/test';
import { waitForHydration } from '../fixtures/pages';
import { uniqueUsername } from '../fixtures/statement';
import { words } from '../fixtures/words';

/** Presses Tab until `predicate` holds for the focused element, failing after `limit` presses. */
async function tabTo(page: Page, describe: string, predicate: (el: Element) => boolean, limit = 30) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate as (el: Element | null) => boolean, await page.evaluateHandle(() => document.activeElement))) return;
  }
  throw new Error(`Tab never reached ${describe}`);
}

test('keyboard only: skip link, exit, language switch and preferences', async ({ page }) => {
  await page.goto('/');
  await waitForHydration(page);

  // The first Tab reaches the skip link, which takes the person straight to the content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main-content')).toBeFocused();

  // Exit this page is the next thing after the skip link.
  await page.goto('/');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Emergency Exit this page' })).toBeFocused();

  // Language: reach the switcher, open it, choose Welsh.
  await tabTo(page, 'the language link', (el) => el.getAttribute('href')?.startsWith('/language') ?? false);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/language/);
  await tabTo(page, 'the Cymraeg button', (el) => el.textContent === 'Cymraeg');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');

  // Preferences: reach the form, change the colours with the arrow keys, save with Enter.
  await page.goto('/preferences');
  await tabTo(page, 'the colours question', (el) => el instanceof HTMLInputElement && el.name === 'theme');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, 'the save button', (el) => el instanceof HTMLButtonElement && el.type === 'submit');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('alert')).toBeVisible();
});

test('every focused control is visible and not hidden under the sticky exit bar', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 500 });
  await page.goto('/preferences');
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    const covered = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const hasIndicator = style.outlineStyle !== 'none' || style.boxShadow !== 'none' || style.backgroundColor !== 'rgba(0, 0, 0, 0)';
      if (!hasIndicator) return `no focus indicator on ${el.outerHTML.slice(0, 80)}`;
      // WCAG 2.4.11: whatever is drawn at the middle of the focused control must be the control.
      const box = el.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return hit && (el.contains(hit) || hit.contains(el))
        ? null
        : `covered: ${el.outerHTML.slice(0, 80)} by ${hit?.outerHTML.slice(0, 60)}`;
    });
    expect(covered).toBeNull();
  }
});

test('keyboard only: make an account, answer with own words, picture cards and the picture sort', async ({ page }) => {
  const t = words('en');
  await page.goto('/sign-up');
  await waitForHydration(page);
  await tabTo(page, 'the username field', (el) => el.id === 'username');
  await page.keyboard.type(uniqueUsername('keys'));
  await page.keyboard.press('Tab');
  await page.keyboard.type('a long enough password');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/statement$/);

  await tabTo(page, 'the start link', (el) => el.getAttribute('href') === '/statement/about-me/name');
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText(t('statement:questions.name.title'));
  await tabTo(page, 'the name field', (el) => el.id === 'text');
  await page.keyboard.type('Sam');
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText(t('statement:questions.communication.title'));

  await tabTo(page, 'the first picture card', (el) => el instanceof HTMLInputElement && el.name === 'codes');
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: t('statement:cards.communication.speaking') })).toBeChecked();
  await tabTo(page, 'Save and continue', (el) => el instanceof HTMLButtonElement && el.value === 'save');
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText(t('statement:questions.information.title'));

  await page.goto('/statement/feelings/feelings/home');
  await waitForHydration(page);
  await tabTo(page, 'the first face', (el) => el instanceof HTMLInputElement && el.name === 'rating');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: t('statement:scale.not-sure'), exact: true })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page.getByText(t('statement:sort.cardCount', { current: 2, total: 8 }))).toBeVisible();
});
