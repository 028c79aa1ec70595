import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page, type PlaywrightWorkerArgs } from '@playwright/test';
import { axeEveryTheme } from '../fixtures/axe';
import { staffSession } from '../fixtures/database';
import { languageCodes, setPersonCookies } from '../fixtures/pages';
import { uniqueUsername } from '../fixtures/statement';
import { words } from '../fixtures/words';

/**
 * axe over the admin's integration pages in every language and theme: with an endpoint, after a
 * test send (answered and refused), with a form answering with errors, with a secret and a token
 * shown once, and the delivery log with an event in it.
 */
test.describe.configure({ timeout: 180_000 });

async function check(page: Page, lng: string, path: string | null, problems: string[]) {
  if (path) await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('lang', lng);
  problems.push(...(await axeEveryTheme(page)).map((p) => `${path ?? page.url()} ${p}`));
}

for (const lng of languageCodes) {
  test(`no axe violations on the integration pages in ${lng}, in every theme`, async ({ browser, baseURL, playwright }) => {
    const t = words(lng);
    const problems: string[] = [];
    // A receiver that takes anything: the page shows its answer.
    const receiver = http.createServer((request, response) => {
      request.resume();
      request.on('end', () => response.writeHead(204).end());
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const hookUrl = `http://localhost:${(receiver.address() as AddressInfo).port}/hook`;
    try {
      // A new organisation of its own: its endpoint never receives another test's shares.
      const context = await browser.newContext({ baseURL });
      await setPersonCookies(context, baseURL!, { lng });
      const [name, value] = (await staffSession({ role: 'admin', organisation: 'other' })).split('=');
      await context.addCookies([{ name: name!, value: value!, url: baseURL! }]);
      const page = await context.newPage();

      await check(page, lng, '/admin/integrations', problems);
      // The form answering with an error.
      await page.getByRole('button', { name: t('integration:add.submit') }).click();
      await expect(page.locator('[data-error-summary]')).toBeVisible();
      await check(page, lng, null, problems);
      // Connected: the secret shown once, then the endpoint listed.
      await page.getByLabel(t('integration:add.label')).fill(hookUrl);
      await page.getByRole('button', { name: t('integration:add.submit') }).click();
      await expect(page.locator('input[data-secret]')).toBeVisible();
      await check(page, lng, null, problems);
      // After a test send that arrived, and one that did not.
      const sendTest = page.getByRole('button', {
        name: `${t('integration:endpoints.test')} ${t('integration:endpoints.forUrl', { url: hookUrl })}`,
      });
      await sendTest.click();
      await expect(page.getByRole('heading', { name: t('integration:test.okTitle') })).toBeVisible();
      await check(page, lng, null, problems);
      await new Promise((resolve) => receiver.close(resolve));
      await sendTest.click();
      await expect(page.getByRole('heading', { name: t('integration:test.failTitle') })).toBeVisible();
      await check(page, lng, null, problems);
      // A token: its form with an error, then the token shown once and listed.
      await page.getByRole('button', { name: t('integration:tokens.create'), exact: true }).click();
      await expect(page.locator('[data-error-summary]')).toBeVisible();
      await check(page, lng, null, problems);
      await page.getByLabel(t('integration:tokens.label')).fill('Case system');
      await page.getByRole('button', { name: t('integration:tokens.create'), exact: true }).click();
      await expect(page.locator('input[data-api-token]')).toBeVisible();
      await check(page, lng, null, problems);
      await check(page, lng, '/admin/integrations/log', problems);
      await context.close();

      // The demo organisation's log, with the event of a share in it (sent or waiting).
      const demo = await browser.newContext({ baseURL });
      await setPersonCookies(demo, baseURL!, { lng });
      const [demoName, demoValue] = (await staffSession({ role: 'admin', organisation: 'demo' })).split('=');
      await demo.addCookies([{ name: demoName!, value: demoValue!, url: baseURL! }]);
      await shareInDemoOrganisation(playwright, baseURL!);
      const demoPage = await demo.newPage();
      await demoPage.goto('/admin/integrations/log');
      await expect(demoPage.locator('[data-event]').first()).toBeVisible();
      await check(demoPage, lng, null, problems);
      await check(demoPage, lng, '/admin/integrations/log?retried=1', problems);
      await demo.close();
    } finally {
      if (receiver.listening) receiver.close();
    }
    expect(problems).toEqual([]);
  });
}

/** The demo worker makes a code and a new adult shares a confirmed statement with them. */
async function shareInDemoOrganisation(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string) {
  const worker = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { Cookie: await staffSession({ role: 'worker', organisation: 'demo' }) },
  });
  const code = /class="connection-code">([A-Z0-9-]+)</.exec(await (await worker.post('/worker/codes')).text())?.[1]?.replace('-', '');
  const adult = await playwright.request.newContext({ baseURL });
  await adult.post('/sign-up', { form: { username: uniqueUsername('axe-integration'), password: 'a long enough password' } });
  await adult.post('/statement/anything-else/anythingElse', { form: { intent: 'save', text: 'I like the garden.' } });
  await adult.post('/statement/check');
  const shared = await adult.post(`/connect/${code}`, {
    form: { sections: 'anything-else', audience: 'worker', period: 'stopped', newVersions: 'no' },
    maxRedirects: 0,
  });
  expect(shared.status()).toBe(302);
  await worker.dispose();
  await adult.dispose();
}
