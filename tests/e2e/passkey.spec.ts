import { expect, test } from '@playwright/test';
import { setPersonCookies, waitForHydration } from '../fixtures/pages';
import { answerEveryQuestion, changeConfirmAndCompare, signUpWithPassword, uniqueUsername } from '../fixtures/statement';
import { words } from '../fixtures/words';
import { addVirtualAuthenticator } from '../fixtures/authenticator';

for (const lng of ['en', 'ur'] as const) {
  test(`sign up with a passkey in ${lng}, answer every question, confirm, sign out and back in with the passkey`, async ({
    page,
    context,
    baseURL,
  }) => {
    const t = words(lng);
    await setPersonCookies(context, baseURL!, { lng });
    await addVirtualAuthenticator(page);
    const username = uniqueUsername(`pk${lng}`);
    await page.goto('/sign-up');
    await waitForHydration(page);
    await page.getByLabel(t('auth:fields.username')).fill(username);
    await page.getByRole('button', { name: t('auth:passkey.create') }).click();
    await expect(page).toHaveURL(/\/statement$/);
    await expect(page.getByText(t('statement:home.signedInAs', { username }))).toBeVisible();

    await answerEveryQuestion(page, lng);
    await page.getByRole('button', { name: t('statement:check.confirm') }).click();
    await expect(page).toHaveURL(/\/statement\/versions\/1\?confirmed=1$/);
    if (lng === 'ur') {
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      // The person's own words keep the language they were written in.
      await expect(page.locator('blockquote[lang="ur"]').first()).toBeVisible();
    }
    await changeConfirmAndCompare(page, lng);
    await page.goto('/statement/versions/1');
    await expect(page.getByRole('button', { name: t('statement:version.print') })).toBeVisible();

    await page.goto('/statement');
    await page.getByRole('button', { name: t('statement:home.signOut') }).click();
    await expect(page).toHaveURL(/\/signed-out/);
    // The session ended on the server: the statement is closed to this browser now.
    await page.goto('/statement');
    await expect(page).toHaveURL(/\/sign-in/);

    await waitForHydration(page);
    await page.getByRole('button', { name: t('auth:passkey.signIn') }).click();
    await expect(page).toHaveURL(/\/statement$/);
    await expect(page.getByText(t('statement:home.signedInAs', { username }))).toBeVisible();
  });
}

test('with JavaScript, long answers save while the person types, and the save is announced', async ({ page }) => {
  const t = words('en');
  await signUpWithPassword(page, 'en', uniqueUsername('typing'));
  await page.goto('/statement/anything-else/anythingElse');
  await waitForHydration(page);
  await page.getByLabel(t('statement:questions.anythingElse.title')).pressSequentially('My cat is called Bob.', { delay: 10 });
  await expect(page.getByRole('status').filter({ hasText: t('statement:autosave.saved') })).toBeVisible({ timeout: 10_000 });
  // Leaving without pressing continue loses nothing.
  await page.goto('/statement');
  await page.goto('/statement/anything-else/anythingElse');
  await expect(page.getByLabel(t('statement:questions.anythingElse.title'))).toHaveValue('My cat is called Bob.');
});

test('the show password button shows and hides the password, and says so', async ({ page }) => {
  const t = words('en');
  await page.goto('/sign-in');
  await waitForHydration(page);
  const password = page.getByLabel(t('auth:fields.password'), { exact: true });
  await password.fill('secret words');
  await expect(password).toHaveAttribute('type', 'password');
  await page.getByRole('button', { name: t('common:password.show') }).click();
  await expect(password).toHaveAttribute('type', 'text');
  await expect(page.getByText(t('common:password.shownAnnouncement'))).toBeAttached();
  await page.getByRole('button', { name: t('common:password.hide') }).click();
  await expect(password).toHaveAttribute('type', 'password');
});
