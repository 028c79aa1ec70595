import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { setPersonCookies } from '../fixtures/pages';
import { escape, signUpWithPassword, uniqueUsername } from '../fixtures/statement';
import { words } from '../fixtures/words';

const password = 'correct horse battery';

/** Types the person's own words into two questions, as they would, and confirms version 1. */
async function writeAndConfirm(page: Page, lng: string, name: string, anythingElse: string) {
  const t = words(lng);
  await page.goto('/statement/about-me/name');
  await page.getByLabel(t('statement:questions.name.title')).fill(name);
  await page.getByRole('button', { name: t('statement:buttons.continue'), exact: true }).click();
  await expect(page).not.toHaveURL(/\/about-me\/name$/);
  await page.goto('/statement/anything-else/anythingElse');
  await page.getByLabel(t('statement:questions.anythingElse.title')).fill(anythingElse);
  await page.getByRole('button', { name: t('statement:buttons.continue'), exact: true }).click();
  await expect(page).toHaveURL(/\/statement\/check$/);
  await page.getByRole('button', { name: t('statement:check.confirm') }).click();
  await expect(page).toHaveURL(/\/statement\/versions\/1\?confirmed=1$/);
}

/** The test server's database, opened read-only: what deletion left behind. */
function rowsHolding(accountId: string): Record<string, number> {
  const db = new SQLite(path.join(process.env.E2E_DATA_DIR!, 'in-my-words.sqlite'), { readonly: true });
  try {
    const count = (sql: string) => (db.prepare(sql).get(accountId) as { n: number }).n;
    return {
      account: count('SELECT count(*) AS n FROM account WHERE id = ?'),
      statement_draft: count('SELECT count(*) AS n FROM statement_draft WHERE account_id = ?'),
      statement_version: count('SELECT count(*) AS n FROM statement_version WHERE account_id = ?'),
      session: count('SELECT count(*) AS n FROM session WHERE account_id = ?'),
      passkey: count('SELECT count(*) AS n FROM passkey WHERE account_id = ?'),
      share: count('SELECT count(*) AS n FROM share WHERE adult_id = ?'),
    };
  } finally {
    db.close();
  }
}

function accountIdOf(username: string): string {
  const db = new SQLite(path.join(process.env.E2E_DATA_DIR!, 'in-my-words.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT id FROM account WHERE username = ?').get(username) as { id: string }).id;
  } finally {
    db.close();
  }
}

test('an adult downloads everything they wrote: a file for a computer and a copy to read', async ({ page }) => {
  const t = words('en');
  const username = uniqueUsername('rights');
  const ownWords = `My neighbour shouts at me ${Date.now()}`;
  await signUpWithPassword(page, 'en', username);
  await writeAndConfirm(page, 'en', 'Jo Download', ownWords);

  await page.goto('/account');
  await page.getByRole('link', { name: t('rights:account.download') }).click();
  await expect(page.locator('h1')).toHaveText(t('rights:download.title'));

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: t('rights:download.fileLink') }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('document-data.json');
  const everything = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as {
    account: { username: string; passwordSet: boolean; sessions: unknown[] };
    draft: { answers: Record<string, { text: string }> };
    versions: { number: number; answers: Record<string, { text: string }> }[];
    shares: unknown[];
  };
  expect(everything.account).toMatchObject({ username, passwordSet: true });
  expect(everything.account.sessions.length).toBeGreaterThan(0);
  expect(everything.draft.answers.anythingElse?.text).toBe(ownWords);
  expect(everything.versions.map((v) => v.number)).toEqual([1]);
  expect(everything.versions[0]!.answers.anythingElse?.text).toBe(ownWords);
  expect(everything.versions[0]!.answers.name?.text).toBe('Jo Download');
  expect(everything.shares).toEqual([]);
  const text = JSON.stringify(everything);
  expect(text).not.toContain('password_hash');
  expect(text).not.toMatch(/\$argon2/);

  const response = await page.request.get('/account/download/json');
  expect(response.headers()['content-type']).toBe('application/json; charset=utf-8');
  expect(response.headers()['content-disposition']).toBe('attachment; filename="document-data.json"');
  expect(response.headers()['cache-control']).toBe('no-store');

  await page.getByRole('link', { name: t('rights:download.copyLink') }).click();
  await expect(page).toHaveURL(/\/account\/download\/copy$/);
  await expect(page.locator('h1')).toHaveText(t('rights:copy.title'));
  // Once in the answers now, once in version 1.
  await expect(page.getByText(ownWords)).toHaveCount(2);
  await expect(page.getByRole('heading', { name: t('statement:version.heading', { number: 1 }) })).toBeVisible();
  await expect(page.getByText(username, { exact: true })).toBeVisible();
  await expect(page.getByText(t('rights:copy.noShares'))).toBeVisible();
});

async function signUp(request: APIRequestContext, username: string) {
  const response = await request.post('/sign-up', { form: { username, password }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
}

test('each address gives only the signed-in person’s own data; signed out, it asks to sign in', async ({ playwright, baseURL }) => {
  const secret = `The first person's private words ${Date.now()}`;
  const first = await playwright.request.newContext({ baseURL });
  const other = await playwright.request.newContext({ baseURL });
  const visitor = await playwright.request.newContext({ baseURL });
  const firstName = uniqueUsername('rights-first');
  const otherName = uniqueUsername('rights-other');
  await signUp(first, firstName);
  await first.post('/statement/anything-else/anythingElse', { form: { intent: 'save', text: secret } });
  await first.post('/statement/check');
  expect(await (await first.get('/account/download/json')).text()).toContain(secret);
  expect(await (await first.get('/account/download/copy')).text()).toContain(secret);

  await signUp(other, otherName);
  for (const address of ['/account/download/json', '/account/download/copy', '/account/download', '/account/delete']) {
    const body = await (await other.get(address)).text();
    expect(body, address).not.toContain(secret);
    expect(body, address).not.toContain(firstName);
  }
  const theirs = JSON.parse(await (await other.get('/account/download/json')).text()) as { account: { username: string }; versions: [] };
  expect(theirs.account.username).toBe(otherName);
  expect(theirs.versions).toEqual([]);

  for (const address of ['/account/download', '/account/download/json', '/account/download/copy', '/account/delete']) {
    const response = await visitor.get(address, { maxRedirects: 0 });
    expect(response.status(), address).toBe(302);
    expect(response.headers().location, address).toBe(`/sign-in?returnTo=${encodeURIComponent(address)}`);
  }
  const post = await visitor.post('/account/delete', { form: { understand: 'yes' }, maxRedirects: 0 });
  expect(post.status()).toBe(302);
  expect(post.headers().location).toMatch(/^\/sign-in\?returnTo=/);
  // Nobody was deleted by any of that.
  expect(await (await first.get('/account/download/json')).text()).toContain(secret);
  await Promise.all([first.dispose(), other.dispose(), visitor.dispose()]);
});

test('deleting without ticking the box says what to do, by the field and at the top, in Welsh', async ({ page, context, baseURL }) => {
  const t = words('cy');
  await setPersonCookies(context, baseURL!, { lng: 'cy' });
  await signUpWithPassword(page, 'cy', uniqueUsername('rights-cy'));
  await page.goto('/account');
  await page.getByRole('link', { name: t('rights:account.delete') }).click();
  await expect(page.locator('h1')).toHaveText(t('rights:delete.title'));
  await page.getByRole('button', { name: t('rights:delete.submit') }).click();
  await expect(page).toHaveTitle(new RegExp(`^${escape(t('common:title.error', { title: '' }).trim())}`));
  await expect(page.locator('[data-error-summary]')).toContainText(t('rights:delete.error'));
  await expect(page.locator('[data-error-summary] a')).toHaveAttribute('href', '#understand');
  await expect(page.locator('#understand-error')).toContainText(t('rights:delete.error'));
  // Nothing was deleted: the account page still opens.
  await page.goto('/account');
  await expect(page.locator('h1')).toHaveText(t('auth:account.title'));
});

test('deleting the account removes it and its statement; the old username cannot sign in', async ({ page }) => {
  const t = words('en');
  const username = uniqueUsername('rights-delete');
  await signUpWithPassword(page, 'en', username);
  await writeAndConfirm(page, 'en', 'Jo Delete', 'Words that must not outlive the account');
  const accountId = accountIdOf(username);
  expect(rowsHolding(accountId)).toMatchObject({ account: 1, statement_draft: 1, statement_version: 1, session: 1 });

  await page.goto('/account/delete');
  // The easy-read explanation comes before the form, with a way to get a copy first.
  await expect(page.getByRole('heading', { name: t('rights:delete.undoHeading') })).toBeVisible();
  await expect(page.getByRole('link', { name: t('rights:delete.copyLink') })).toHaveAttribute('href', '/account/download');
  await page.getByRole('checkbox', { name: t('rights:delete.understand') }).check();
  await page.getByRole('button', { name: t('rights:delete.submit') }).click();
  await expect(page).toHaveURL(/\/account-deleted$/);
  await expect(page.locator('h1')).toHaveText(t('rights:deleted.title'));

  expect(rowsHolding(accountId)).toEqual({ account: 0, statement_draft: 0, statement_version: 0, session: 0, passkey: 0, share: 0 });
  const session = (await page.context().cookies()).find((c) => c.name === 'session');
  expect(session?.value ?? '').toBe('');
  await page.goto('/account/download/json');
  await expect(page).toHaveURL(/\/sign-in\?returnTo=/);

  await page.goto('/sign-in');
  await page.getByLabel(t('auth:fields.username')).fill(username);
  await page.getByLabel(t('auth:fields.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: t('auth:signIn.submit'), exact: true }).click();
  await expect(page.locator('[data-error-summary]')).toContainText(t('auth:errors.wrongDetails'));
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the delete form works: an error first, then the account is deleted', async ({ page }) => {
    const t = words('en');
    const username = uniqueUsername('rights-nojs');
    await signUpWithPassword(page, 'en', username);
    await writeAndConfirm(page, 'en', 'Jo No Script', 'Written with no script running');
    const accountId = accountIdOf(username);

    await page.goto('/account/delete');
    await page.getByRole('button', { name: t('rights:delete.submit') }).click();
    await expect(page.locator('[data-error-summary]')).toContainText(t('rights:delete.error'));
    await expect(page.locator('#understand-error')).toContainText(t('rights:delete.error'));
    expect(rowsHolding(accountId).account).toBe(1);

    await page.getByRole('checkbox', { name: t('rights:delete.understand') }).check();
    await page.getByRole('button', { name: t('rights:delete.submit') }).click();
    await expect(page).toHaveURL(/\/account-deleted$/);
    await expect(page.locator('h1')).toHaveText(t('rights:deleted.title'));
    expect(rowsHolding(accountId)).toMatchObject({ account: 0, statement_draft: 0, statement_version: 0, session: 0 });
    await page.goto('/statement');
    await expect(page).toHaveURL(/\/sign-in\?returnTo=/);
  });
});
