import { expect, test, type APIRequestContext } from '@playwright/test';
import { staffSession } from '../fixtures/database';
import { signUpWithPassword, uniqueUsername } from '../fixtures/statement';
import { words } from '../fixtures/words';

const secret = 'The secret words of the first person';

async function signUp(request: APIRequestContext) {
  const response = await request.post('/sign-up', {
    form: { username: uniqueUsername('authz'), password: 'a long enough password' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
}

test('another adult cannot read, change, print or confirm this statement, by address or by form', async ({ playwright, baseURL }) => {
  const first = await playwright.request.newContext({ baseURL });
  const other = await playwright.request.newContext({ baseURL });
  await signUp(first);
  await first.post('/statement/anything-else/anythingElse', { form: { intent: 'save', text: secret } });
  await first.post('/statement/check');
  expect(await (await first.get('/statement/versions/1')).text()).toContain(secret);

  await signUp(other);
  // Every statement address for the other adult shows only their own (empty) statement.
  for (const path of [
    '/statement',
    '/statement/check',
    '/statement/history',
    '/statement/versions/1',
    '/statement/anything-else/anythingElse',
    '/statement/history?from=1&to=1',
  ]) {
    const response = await other.get(path);
    expect(await response.text(), path).not.toContain(secret);
  }
  expect((await other.get('/statement/versions/1')).status()).toBe(404);
  const pdf = await other.get('/statement/versions/1/pdf');
  expect(pdf.status()).toBe(404);
  expect(pdf.headers()['content-type']).not.toBe('application/pdf');

  // Posting changes only the other adult's own draft; the first person's words are untouched.
  await other.post('/statement/anything-else/anythingElse', { form: { intent: 'save', text: 'Changed by someone else' } });
  await other.post('/statement/autosave', { data: { question: 'anythingElse', field: 'text', value: 'Typed by someone else' } });
  await other.post('/statement/check');
  const mine = await (await first.get('/statement/check')).text();
  expect(mine).toContain(secret);
  expect(mine).not.toContain('by someone else');
  expect(await (await first.get('/statement/versions/2')).text()).not.toContain('by someone else');
  await first.dispose();
  await other.dispose();
});

test('a signed-out visitor is sent to sign in, and no statement content or draft save gets through', async ({ playwright, baseURL }) => {
  const visitor = await playwright.request.newContext({ baseURL });
  for (const path of [
    '/statement',
    '/statement/check',
    '/statement/history',
    '/statement/versions/1',
    '/statement/about-me/name',
    '/account',
  ]) {
    const response = await visitor.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(302);
    expect(response.headers().location, path).toMatch(/^\/sign-in\?returnTo=/);
  }
  const post = await visitor.post('/statement/about-me/name', { form: { intent: 'save', text: 'x' }, maxRedirects: 0 });
  expect(post.status()).toBe(302);
  expect((await visitor.post('/statement/autosave', { data: { question: 'name', field: 'text', value: 'x' } })).status()).toBe(401);
  expect((await visitor.post('/session/keep-alive')).status()).toBe(401);
  await visitor.dispose();
});

test('sign-in failures say the same thing for a wrong password and an unknown username, and are limited', async ({
  playwright,
  baseURL,
}) => {
  const visitor = await playwright.request.newContext({ baseURL });
  const username = uniqueUsername('limit');
  await visitor.post('/sign-up', { form: { username, password: 'a long enough password' } });
  await visitor.post('/sign-out');
  const wrongPassword = await (await visitor.post('/sign-in', { form: { username, password: 'not the password' } })).text();
  const unknownUser = await (
    await visitor.post('/sign-in', { form: { username: `${username}-nobody`, password: 'not the password' } })
  ).text();
  const message = 'The username or password is not right';
  expect(wrongPassword).toContain(message);
  expect(unknownUser).toContain(message);
  for (let i = 0; i < 5; i++) await visitor.post('/sign-in', { form: { username, password: 'still wrong' } });
  // Now even the right password is refused for a while, with a clear message.
  const blocked = await visitor.post('/sign-in', { form: { username, password: 'a long enough password' }, maxRedirects: 0 });
  expect(blocked.status()).toBe(429);
  expect(await blocked.text()).toContain('There were too many tries to sign in.');
  await visitor.dispose();
});

test('signing in starts a new session id, and signing out ends it on the server', async ({ playwright, baseURL }) => {
  const person = await playwright.request.newContext({ baseURL });
  const username = uniqueUsername('session');
  await person.post('/sign-up', { form: { username, password: 'a long enough password' } });
  const first = (await person.storageState()).cookies.find((c) => c.name === 'session')?.value;
  expect(first).toBeTruthy();
  await person.post('/sign-out');
  await person.post('/sign-in', { form: { username, password: 'a long enough password' } });
  const second = (await person.storageState()).cookies.find((c) => c.name === 'session');
  expect(second?.value).not.toBe(first);
  expect(second?.httpOnly).toBe(true);
  expect(second?.sameSite).toBe('Lax');

  // An old cookie, replayed after sign-out, opens nothing.
  const replay = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Cookie: `session=${first}` } });
  expect((await replay.get('/statement', { maxRedirects: 0 })).status()).toBe(302);
  await person.dispose();
  await replay.dispose();
});

test('the person sees their other sessions and can end them', async ({ browser }) => {
  const t = words('en');
  const username = uniqueUsername('devices');
  const phone = await browser.newContext();
  const laptop = await browser.newContext();
  const phonePage = await phone.newPage();
  const laptopPage = await laptop.newPage();
  await signUpWithPassword(phonePage, 'en', username);
  await laptopPage.goto('/sign-in');
  await laptopPage.getByLabel(t('auth:fields.username')).fill(username);
  await laptopPage.getByLabel(t('auth:fields.password'), { exact: true }).fill('correct horse battery');
  await laptopPage.getByRole('button', { name: t('auth:signIn.submit'), exact: true }).click();
  await expect(laptopPage).toHaveURL(/\/statement$/);

  await phonePage.goto('/account');
  await expect(phonePage.locator('.session-list__item')).toHaveCount(2);
  await expect(phonePage.getByText(t('auth:account.thisDevice'), { exact: true })).toHaveCount(1);
  await phonePage.getByRole('button', { name: new RegExp(t('auth:account.endSession')) }).click();
  await expect(phonePage.getByRole('alert', { name: t('auth:account.done') })).toContainText(t('auth:account.sessionEnded'));
  await expect(phonePage.locator('.session-list__item')).toHaveCount(1);

  // The laptop's session is gone on the server.
  await laptopPage.goto('/statement');
  await expect(laptopPage).toHaveURL(/\/sign-in/);
  await phone.close();
  await laptop.close();
});

test('a confirmed version cannot be changed by posting to it', async ({ playwright, baseURL }) => {
  const person = await playwright.request.newContext({ baseURL });
  await signUp(person);
  await person.post('/statement/anything-else/anythingElse', { form: { intent: 'save', text: 'Version one words' } });
  await person.post('/statement/check');
  const post = await person.post('/statement/versions/1', { form: { text: 'Rewritten' } });
  expect(post.status()).toBe(405);
  expect(await (await person.get('/statement/versions/1')).text()).toContain('Version one words');
  await person.dispose();
});

test('only the organisation’s own admin sees its security log', async ({ playwright, baseURL }) => {
  const as = async (cookie: string) => playwright.request.newContext({ baseURL, extraHTTPHeaders: { Cookie: cookie } });
  const admin = await as(await staffSession({ role: 'admin', organisation: 'demo' }));
  // An admin action that the log records: adding a worker, named only in the admin's own log.
  const probe = `Audit Probe ${uniqueUsername('probe')}`;
  const added = await admin.post('/admin', {
    form: { intent: 'add-staff', name: probe, email: `${uniqueUsername('probe')}@example.org`, role: 'worker' },
  });
  expect(added.status()).toBe(200);
  const own = await admin.get('/admin/audit');
  expect(own.status()).toBe(200);
  expect(await own.text()).toContain(probe);

  const adult = await playwright.request.newContext({ baseURL });
  await signUp(adult);
  const otherAdmin = await as(await staffSession({ role: 'admin', organisation: 'other' }));
  const outsiders = {
    "another organisation's admin": otherAdmin,
    'a worker of the same organisation': await as(await staffSession({ role: 'worker', organisation: 'demo' })),
    'an adult': adult,
    'a signed-out visitor': await playwright.request.newContext({ baseURL }),
  };
  for (const [who, request] of Object.entries(outsiders)) {
    const response = await request.get('/admin/audit', { maxRedirects: 0 });
    expect(await response.text(), who).not.toContain(probe);
    // Their own organisation's log, without this one's events; or no log at all.
    if (request === otherAdmin) expect(response.status(), who).toBe(200);
    else expect([302, 403], who).toContain(response.status());
  }
});
