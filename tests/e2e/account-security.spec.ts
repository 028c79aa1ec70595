import { expect, test } from '@playwright/test';
import { setPersonCookies } from '../fixtures/pages';
import { signUpWithPassword, uniqueUsername } from '../fixtures/statement';
import { words } from '../fixtures/words';

/** Changing a password, and "Was this you?": what a person does when they fear someone else got in. */

test('changing the password needs the current one, refuses a common one, and signs out the other browser', async ({ browser }) => {
  const t = words('en');
  const username = uniqueUsername('pwchange');
  const phone = await browser.newContext();
  const stranger = await browser.newContext();
  const phonePage = await phone.newPage();
  const strangerPage = await stranger.newPage();
  await signUpWithPassword(phonePage, 'en', username, 'my first long password');

  // Someone else knows the password and signs in elsewhere, after one wrong try.
  await strangerPage.goto('/sign-in');
  await strangerPage.getByLabel(t('auth:fields.username')).fill(username);
  await strangerPage.getByLabel(t('auth:fields.password'), { exact: true }).fill('not it at all');
  await strangerPage.getByRole('button', { name: t('auth:signIn.submit'), exact: true }).click();
  await expect(strangerPage.locator('[data-error-summary]')).toBeVisible();
  await strangerPage.getByLabel(t('auth:fields.password'), { exact: true }).fill('my first long password');
  await strangerPage.getByRole('button', { name: t('auth:signIn.submit'), exact: true }).click();
  await expect(strangerPage).toHaveURL(/\/statement$/);

  // "Was this you?" lists both tries.
  await phonePage.goto('/account');
  const signIns = phonePage.locator('section[aria-labelledby="recent-sign-ins"]');
  await expect(signIns.getByRole('heading', { name: t('auth:account.signInsHeading') })).toBeVisible();
  await expect(signIns.getByText(/someone tried to sign in\. It did not work\./)).toHaveCount(1);
  await expect(signIns.getByText(/signed in with a password\./)).toHaveCount(2);

  const current = phonePage.getByLabel(t('auth:fields.currentPassword'), { exact: true });
  const fresh = phonePage.getByLabel(t('auth:fields.newPassword'), { exact: true });
  const save = phonePage.getByRole('button', { name: t('auth:account.savePassword') });

  // A wrong current password: the error summary and a message by the field.
  await current.fill('a wrong password');
  await fresh.fill('my second long password');
  await save.click();
  await expect(phonePage.locator('[data-error-summary]')).toContainText(t('auth:errors.currentPasswordWrong'));
  await expect(phonePage.locator('#currentPassword-error')).toContainText(t('auth:errors.currentPasswordWrong'));

  // A common password is refused, in words by the field.
  await phonePage.getByLabel(t('auth:fields.currentPassword'), { exact: true }).fill('my first long password');
  await phonePage.getByLabel(t('auth:fields.newPassword'), { exact: true }).fill('password');
  await save.click();
  await expect(phonePage.locator('#password-error')).toContainText(t('auth:errors.passwordCommon'));

  await phonePage.getByLabel(t('auth:fields.currentPassword'), { exact: true }).fill('my first long password');
  await phonePage.getByLabel(t('auth:fields.newPassword'), { exact: true }).fill('my second long password');
  await save.click();
  await expect(phonePage.getByRole('alert', { name: t('auth:account.done') })).toContainText(t('auth:account.passwordSaved'));

  // The other browser is signed out; this one is not.
  await strangerPage.goto('/statement');
  await expect(strangerPage).toHaveURL(/\/sign-in/);
  await phonePage.goto('/statement');
  await expect(phonePage).toHaveURL(/\/statement$/);
  await phone.close();
  await stranger.close();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the password form says what is wrong by the field, then saves, in Welsh', async ({ page, context, baseURL }) => {
    await setPersonCookies(context, baseURL!, { lng: 'cy' });
    const t = words('cy');
    const username = uniqueUsername('pwnojs');
    await signUpWithPassword(page, 'cy', username, 'my first long password');
    await page.goto('/account');
    await page.getByLabel(t('auth:fields.currentPassword'), { exact: true }).fill('my first long password');
    await page.getByLabel(t('auth:fields.newPassword'), { exact: true }).fill('        ');
    await page.getByRole('button', { name: t('auth:account.savePassword') }).click();
    await expect(page.locator('[data-error-summary]')).toContainText(t('auth:errors.passwordCommon'));
    await expect(page.locator('#password-error')).toContainText(t('auth:errors.passwordCommon'));

    await page.getByLabel(t('auth:fields.currentPassword'), { exact: true }).fill('my first long password');
    await page.getByLabel(t('auth:fields.newPassword'), { exact: true }).fill('my second long password');
    await page.getByRole('button', { name: t('auth:account.savePassword') }).click();
    await expect(page.getByText(t('auth:account.passwordSaved'))).toBeVisible();
  });
});
