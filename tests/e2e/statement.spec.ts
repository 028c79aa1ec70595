import { expect, test } from '@playwright/test';
import { setPersonCookies } from '../fixtures/pages';
import { answerEveryQuestion, changeConfirmAndCompare, signUpWithPassword, uniqueUsername } from '../fixtures/statement';
import { words } from '../fixtures/words';

test.describe('without JavaScript, with a password', () => {
  test.use({ javaScriptEnabled: false });

  test('sign up, answer every question, confirm, change, confirm again, see what changed, print', async ({ page }) => {
    const t = words('en');
    await signUpWithPassword(page, 'en', uniqueUsername('nojs'));
    await answerEveryQuestion(page, 'en');

    // Check your answers shows the person's own words, and the coded cards in words.
    await expect(page.getByText('He takes my money.')).toBeVisible();
    await expect(page.getByText(t('statement:cards.outcomes.hurting-stops')).first()).toBeVisible();
    await page.getByRole('button', { name: t('statement:check.confirm') }).click();
    await expect(page).toHaveURL(/\/statement\/versions\/1\?confirmed=1$/);
    await expect(page.getByRole('alert')).toContainText(t('statement:version.confirmedBody', { number: 1 }));

    await changeConfirmAndCompare(page, 'en');
    await page.goto('/statement/versions/1');
    await expect(page.getByText(t('statement:version.printHelp'))).toBeVisible();
  });

  test('bad input: an error summary, a message by the field, in the person’s language, and nothing typed is lost', async ({
    page,
    context,
    baseURL,
  }) => {
    await setPersonCookies(context, baseURL!, { lng: 'pl' });
    const t = words('pl');
    await signUpWithPassword(page, 'pl', uniqueUsername('bad'));
    await page.goto('/statement/about-me/name');
    await page.getByRole('button', { name: t('statement:buttons.continue') }).click();
    await expect(page).toHaveTitle(new RegExp(`^${t('common:title.error', { title: '' }).trim()}`));
    await expect(page.locator('[data-error-summary]')).toContainText(t('statement:errors.emptyText'));
    await expect(page.locator('#text-error')).toContainText(t('statement:errors.emptyText'));

    const tooLong = 'ą'.repeat(101);
    await page.getByLabel(t('statement:questions.name.title')).fill(tooLong);
    await page.getByRole('button', { name: t('statement:buttons.continue') }).click();
    await expect(page.locator('#text-error')).toBeVisible();
    await expect(page.getByLabel(t('statement:questions.name.title'))).toHaveValue(tooLong);

    // Control characters are removed, not stored.
    await page.getByLabel(t('statement:questions.name.title')).fill('Jo\u0007');
    await page.getByRole('button', { name: t('statement:buttons.continue') }).click();
    await page.goto('/statement/about-me/name');
    await expect(page.getByLabel(t('statement:questions.name.title'))).toHaveValue('Jo');
  });
});

test('a question that does not exist, or a version the person does not have, is not found', async ({ page }) => {
  await signUpWithPassword(page, 'en', uniqueUsername('missing'));
  for (const path of [
    '/statement/no-such-part/name',
    '/statement/about-me/no-such-question',
    '/statement/feelings/feelings/no-such-card',
    '/statement/versions/1',
    '/statement/versions/abc',
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  const post = await page.request.post('/statement/no-such-part/name', { form: { intent: 'save', text: 'x' }, maxRedirects: 0 });
  expect(post.status()).toBe(404);
});
