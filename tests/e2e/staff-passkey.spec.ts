import { expect, test } from '@playwright/test';
import { staffSession } from '../fixtures/database';
import { waitForHydration } from '../fixtures/pages';
import { words } from '../fixtures/words';
import { addVirtualAuthenticator } from '../fixtures/authenticator';

const t = words('en');

test('a worker adds a passkey, then signs in with it instead of password and code; the adult sign-in refuses it', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL });
  const [name, value] = (await staffSession({ role: 'worker', organisation: 'demo' })).split('=');
  await context.addCookies([{ name: name!, value: value!, url: baseURL! }]);
  const page = await context.newPage();
  await addVirtualAuthenticator(page);

  await page.goto('/worker');
  await page.getByRole('link', { name: t('staff:account.link') }).click();
  await waitForHydration(page);
  await expect(page.getByText(t('staff:account.passkeyCount_other', { count: 0 }))).toBeVisible();
  await page.getByRole('button', { name: t('auth:passkey.add') }).click();
  await expect(page).toHaveURL(/\/staff\/account\?passkey=added$/);
  await expect(page.getByText(t('staff:account.passkeyCount_one', { count: 1 }))).toBeVisible();

  await page.goto('/worker');
  await page.getByRole('button', { name: t('casework:inbox.signOut') }).click();
  await expect(page).toHaveURL(/\/signed-out/);

  // The adults' sign-in page does not take a worker's passkey.
  await page.goto('/sign-in');
  await waitForHydration(page);
  await page.getByRole('button', { name: t('auth:passkey.signIn') }).click();
  await expect(page.getByText(t('auth:errors.passkeyFailed'))).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);

  // The staff sign-in page does, and goes to the inbox.
  await page.goto('/staff/sign-in');
  await waitForHydration(page);
  await page.getByRole('button', { name: t('auth:passkey.signIn') }).click();
  await expect(page).toHaveURL(/\/worker$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('casework:inbox.title'));
  await context.close();
});
