import { expect, test } from '@playwright/test';
import { expireSessions } from '../fixtures/database';
import { setPersonCookies, waitForHydration } from '../fixtures/pages';
import { signUpWithPassword, uniqueUsername } from '../fixtures/statement';
import { words } from '../fixtures/words';

const idleMinutes = 30; // the server's default (SESSION_IDLE_MINUTES)

test('a warning comes 2 minutes before sign-out, "Stay signed in" keeps the person in, and a sign-out saves what they typed', async ({
  page,
}) => {
  const t = words('en');
  await page.clock.install();
  const username = uniqueUsername('idle');
  await signUpWithPassword(page, 'en', username);
  await page.goto('/statement/people/trusted');
  await waitForHydration(page);
  const dialog = page.getByRole('dialog', { name: t('common:timeout.title') });
  await expect(dialog).toBeHidden();

  await page.clock.runFor((idleMinutes - 2) * 60_000 + 1_000);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(t('common:timeout.body_other', { count: 2 }));
  const stay = dialog.getByRole('button', { name: t('common:timeout.stay') });
  await expect(stay).toBeFocused();
  await stay.press('Enter');
  await expect(dialog).toBeHidden();

  // The person types, then walks away.
  await page.getByLabel(t('statement:questions.trusted.title')).fill('My neighbour Sue.');
  await page.clock.runFor(idleMinutes * 60_000 + 2_000);
  await expect(page).toHaveURL(/\/signed-out\?reason=timeout&returnTo=%2Fstatement%2Fpeople%2Ftrusted$/);
  await expect(page.getByText(t('auth:signedOut.timeout'))).toBeVisible();

  // The session ended on the server too.
  const response = await page.request.get('/statement/people/trusted', { maxRedirects: 0 });
  expect(response.status()).toBe(302);
  expect(response.headers().location).toMatch(/^\/sign-in/);
  // Signing in again comes back to the same page, with the words there.
  await page.getByRole('link', { name: t('auth:signedOut.signInAgain') }).click();
  await expect(page).toHaveURL(/\/sign-in\?returnTo=/);
  await page.getByLabel(t('auth:fields.username')).fill(username);
  await page.getByLabel(t('auth:fields.password'), { exact: true }).fill('correct horse battery');
  await page.getByRole('button', { name: t('auth:signIn.submit'), exact: true }).click();
  await expect(page).toHaveURL(/\/statement\/people\/trusted$/);
  await expect(page.getByLabel(t('statement:questions.trusted.title'))).toHaveValue('My neighbour Sue.');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('words on the open page are saved when the person presses Continue after an idle sign-out', async ({ page, context, baseURL }) => {
    const t = words('cy');
    const username = uniqueUsername('late');
    await setPersonCookies(context, baseURL!, { lng: 'cy' });
    await signUpWithPassword(page, 'cy', username);
    await page.goto('/statement/people/trusted');
    // Too long to save as it is: it is still kept, and the person is asked to shorten it later.
    const long = 'Fy nghymydog Sue. '.repeat(60);
    await page.getByLabel(t('statement:questions.trusted.title')).fill(long);

    expireSessions(username, 5);
    await page.getByRole('button', { name: t('statement:buttons.continue'), exact: true }).click();
    await expect(page).toHaveURL(/\/signed-out\?reason=timeout&returnTo=%2Fstatement%2Fpeople%2Ftrusted$/);
    await expect(page.getByText(t('auth:signedOut.timeout'))).toBeVisible();
    await expect(page.getByText(t('auth:signedOut.saved'))).toBeVisible();

    // The old session saved once and ended: the same cookie cannot save again.
    const again = await page.request.post('/statement/people/trusted', { form: { text: 'Someone else', intent: 'save' }, maxRedirects: 0 });
    expect(again.headers().location).toMatch(/^\/sign-in/);

    await page.getByRole('link', { name: t('auth:signedOut.signInAgain') }).click();
    await page.getByLabel(t('auth:fields.username')).fill(username);
    await page.getByLabel(t('auth:fields.password'), { exact: true }).fill('correct horse battery');
    await page.getByRole('button', { name: t('auth:signIn.submit'), exact: true }).click();
    await expect(page).toHaveURL(/\/statement\/people\/trusted$/);
    await expect(page.getByLabel(t('statement:questions.trusted.title'))).toHaveValue(long.trim());
  });

  test('a session idle for longer than a day saves nothing and asks the person to sign in', async ({ page }) => {
    const t = words('en');
    const username = uniqueUsername('stale');
    await signUpWithPassword(page, 'en', username);
    await page.goto('/statement/people/trusted');
    await page.getByLabel(t('statement:questions.trusted.title')).fill('Written too late');
    expireSessions(username, 25 * 60);
    await page.getByRole('button', { name: t('statement:buttons.continue'), exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in\?returnTo=/);
    await page.getByLabel(t('auth:fields.username')).fill(username);
    await page.getByLabel(t('auth:fields.password'), { exact: true }).fill('correct horse battery');
    await page.getByRole('button', { name: t('auth:signIn.submit'), exact: true }).click();
    await expect(page).toHaveURL(/\/statement\/people\/trusted$/);
    await expect(page.getByLabel(t('statement:questions.trusted.title'))).toHaveValue('');
  });
});
