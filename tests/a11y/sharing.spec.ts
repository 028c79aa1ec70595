import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { axeEveryTheme } from '../fixtures/axe';
import { staffSession } from '../fixtures/database';
import { languageCodes, setPersonCookies } from '../fixtures/pages';
import { uniqueUsername } from '../fixtures/statement';

/**
 * axe over every sharing page, the adult's and the worker's, in every language and theme,
 * including each form answering with errors and a share that has been withdrawn.
 */
test.describe.configure({ timeout: 180_000 });

type Lng = (typeof languageCodes)[number];

async function check(page: Page, lng: Lng, path: string | null, problems: string[]) {
  if (path) await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('lang', lng);
  problems.push(...(await axeEveryTheme(page)).map((p) => `${path ?? page.url()} ${p}`));
}

async function submit(page: Page) {
  await page.locator('main form[method="post"] button[type="submit"]').first().click();
  await expect(page.locator('[data-error-summary]')).toBeVisible();
}

async function signedInWorker(context: BrowserContext, baseURL: string) {
  const [name, value] = (await staffSession({ role: 'worker', organisation: 'demo', team: 'Adult safeguarding team' })).split('=');
  await context.addCookies([{ name: name!, value: value!, url: baseURL }]);
}

for (const lng of languageCodes) {
  test(`no axe violations on the sharing pages in ${lng}, in every theme`, async ({ browser, baseURL }) => {
    const problems: string[] = [];
    const workerContext = await browser.newContext({ baseURL });
    await setPersonCookies(workerContext, baseURL!, { lng });
    await signedInWorker(workerContext, baseURL!);
    const worker = await workerContext.newPage();
    const adultContext = await browser.newContext({ baseURL });
    await setPersonCookies(adultContext, baseURL!, { lng });
    const adult = await adultContext.newPage();

    // The worker makes a code; the adult writes and confirms a statement.
    await check(worker, lng, '/worker/codes', problems);
    await worker.locator('main form[method="post"] button[type="submit"]').click();
    const code = (await worker.locator('.connection-code').innerText()).replace('-', '');
    await check(worker, lng, null, problems);
    await adult.request.post('/sign-up', { form: { username: uniqueUsername('axe-share'), password: 'a long enough password' } });
    await adult.request.post('/statement/contact/safeWays', { form: { intent: 'save', codes: 'text-message', text: 'After 6pm' } });
    await adult.request.post('/statement/outcomes/outcomes', { form: { intent: 'save', codes: 'feel-safe' } });
    await adult.request.post('/statement/check');

    // The adult's pages, and their forms answering with errors.
    await check(adult, lng, '/connect', problems);
    await adult.locator('input[name="code"]').fill('ABC');
    await submit(adult);
    await check(adult, lng, null, problems);
    await check(adult, lng, `/connect/${code}`, problems);
    await submit(adult);
    await check(adult, lng, null, problems);
    await check(adult, lng, '/connect/AAAAAAAA', problems);
    const consent = new URLSearchParams([
      ['sections', 'contact'],
      ['sections', 'outcomes'],
      ['audience', 'team'],
      ['period', 'date'],
      ['until', '2099-12-31'],
      ['newVersions', 'yes'],
    ]);
    const shared = await adult.request.post(`/connect/${code}`, {
      data: consent.toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      maxRedirects: 0,
    });
    const id = /shared=([0-9a-f-]+)/.exec(shared.headers().location ?? '')?.[1];
    expect(id, await shared.text()).toBeTruthy();

    // The worker's pages: inbox, statement, reply (with an error), then the adult's list.
    await check(worker, lng, '/worker', problems);
    await check(worker, lng, '/staff/account', problems);
    await check(worker, lng, `/worker/shares/${id}`, problems);
    await check(worker, lng, `/worker/shares/${id}/reply`, problems);
    await submit(worker);
    await check(worker, lng, null, problems);
    await worker.request.post(`/worker/shares/${id}/reply`, { form: { body: 'I will text you on Tuesday.' } });
    await check(worker, lng, `/worker/shares/${id}?replied=1`, problems);

    await check(adult, lng, '/sharing', problems);
    await check(adult, lng, `/sharing/${id}/change`, problems);
    await check(adult, lng, `/sharing/${id}/withdraw`, problems);
    await check(adult, lng, '/not-safe', problems);
    await adult.locator('main form[method="post"] button[type="submit"]').click();
    await expect(adult.locator('.notification-banner, [role="region"]').first()).toBeVisible();
    await check(adult, lng, null, problems);
    await adult.request.post(`/sharing/${id}/withdraw`);
    await check(adult, lng, '/sharing?withdrawn=1', problems);
    await check(worker, lng, `/worker/shares/${id}`, problems);
    expect(problems).toEqual([]);
    await workerContext.close();
    await adultContext.close();
  });
}
