import { expect, test } from '@playwright/test';
import { waitForHydration } from '../fixtures/pages';
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
  await expect(page).toHaveURL(/\/signed-out\?reason=timeout$/);
  await expect(page.getByText(t('auth:signedOut.timeout'))).toBeVisible();

  // The session ended on the server too; after signing in again, the words are there.
  await page.goto('/statement/people/trusted');
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel(t('auth:fields.username')).fill(username);
  await page.getByLabel(t('auth:fields.password'), { exact: true }).fill('correct horse battery');
  await page.getByRole('button', { name: t('auth:signIn.submit'), exact: true }).click();
  await expect(page).toHaveURL(/\/statement\/people\/trusted$/);
  await expect(page.getByLabel(t('statement:questions.trusted.title'))).toHaveValue('My neighbour Sue.');
});
