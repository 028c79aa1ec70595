import { expect, test } from '@playwright/test';

test.use({ javaScriptEnabled: false });

test('the shell works with JavaScript switched off', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('h1')).toHaveText('Say what matters to you');

  // Language switch: a plain form.
  await page.getByRole('link', { name: /Language/ }).click();
  await page.getByRole('button', { name: 'Polski' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await expect(page).toHaveURL(/\/$/);

  // Preferences: a plain form post and redirect.
  await page.goto('/preferences');
  await page.locator('input[name="textSize"][value="large"]').check();
  await page.locator('form[method="post"] button[type="submit"]').click();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
  await expect(page.getByRole('alert')).toBeVisible();

  // The read aloud button needs a script, so it is never offered without one.
  await expect(page.locator('.read-aloud')).toBeHidden();

  // Every page in the footer opens.
  for (const path of ['/staying-safe', '/glossary', '/about-pictures']) {
    await page.goto(path);
    await expect(page.locator('h1')).toHaveCount(1);
  }
});
