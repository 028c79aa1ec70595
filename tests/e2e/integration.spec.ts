import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type APIRequestContext, type BrowserContext, type Page, type PlaywrightWorkerArgs } from '@playwright/test';
import { Webhook } from 'standardwebhooks';
import { staffSession } from '../fixtures/database';
import { uniqueUsername } from '../fixtures/statement';
import { words } from '../fixtures/words';

/**
 * Connecting an organisation's own case-management system: the admin's pages, the signed
 * messages a receiver gets, the pull API, and that nobody outside the organisation reaches any
 * of it. The demo organisation is used, so a share made by its worker is one the admin's system
 * may receive.
 */
const t = words('en');

// One at a time: a system connected by one test would also receive (and could refuse) what
// another test's share sends, and an event counts as delivered only when every system took it.
test.describe.configure({ mode: 'serial' });

// Words only this adult wrote: they may reach the system while consent lasts, and never after.
const sharedWords = 'Integration words: I feed the ducks on Sunday 8812';
const newerWords = 'Integration words: I feed the swans on Monday 8812';

interface Arrival {
  id: string;
  type: string | null;
  body: string;
  /** Every secret the receiver knows that verified the signature. */
  verifiedWith: string[];
  answered: number;
}

/**
 * A case-management system's receiver: it verifies the Standard Webhooks signature with the
 * secrets it has been given (401 when none verifies) and answers `answerFor` (204 by default).
 */
async function startReceiver() {
  const state = {
    secrets: [] as string[],
    arrivals: [] as Arrival[],
    answerFor: (_body: string): number => 204,
  };
  const server = http.createServer((request, response) => {
    // Chunks are joined before decoding: a character split across two chunks must stay whole.
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = {
        'webhook-id': String(request.headers['webhook-id']),
        'webhook-timestamp': String(request.headers['webhook-timestamp']),
        'webhook-signature': String(request.headers['webhook-signature']),
      };
      const verifiedWith = state.secrets.filter((secret) => {
        try {
          new Webhook(secret).verify(body, headers);
          return true;
        } catch {
          return false;
        }
      });
      const parsed = JSON.parse(body) as { resourceType?: string; type?: string; meta?: { tag?: { code?: string }[] } };
      const tag = parsed.meta?.tag?.find((c) => c.code?.startsWith('event.'))?.code;
      const answered = verifiedWith.length === 0 ? 401 : state.answerFor(body);
      state.arrivals.push({
        id: headers['webhook-id'],
        type: parsed.resourceType === 'Bundle' ? (tag?.slice('event.'.length) ?? null) : (parsed.type ?? null),
        body,
        verifiedWith,
        answered,
      });
      response.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://localhost:${(server.address() as AddressInfo).port}/hook`;
  return { state, url, close: () => new Promise((resolve) => server.close(resolve)) };
}

async function withCookie(context: BrowserContext, baseURL: string, cookie: string) {
  const [name, value] = cookie.split('=');
  await context.addCookies([{ name: name!, value: value!, url: baseURL }]);
}

const endpointButton = (page: Page, label: string, url: string) =>
  page.getByRole('button', { name: `${label} ${t('integration:endpoints.forUrl', { url })}`, exact: true });

/** Walks every page of the pull API and returns the item for one share. */
async function listedShare(system: APIRequestContext, shareId: string) {
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const response = await system.get(`/api/v1/shares?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { items: { id: string; status: string }[]; nextCursor: string | null };
    const found = body.items.find((item) => item.id === shareId);
    if (found) return found;
    cursor = body.nextCursor;
    if (!cursor) return null;
  }
  return null;
}

/** The demo worker makes a code; a new adult confirms a statement and shares it; returns the share. */
async function shareWithDemoWorker(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string) {
  const worker = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { Cookie: await staffSession({ role: 'worker', organisation: 'demo' }) },
  });
  const code = /class="connection-code">([A-Z0-9-]+)</.exec(await (await worker.post('/worker/codes')).text())?.[1]?.replace('-', '');
  expect(code).toBeTruthy();
  const adult = await playwright.request.newContext({ baseURL });
  const signedUp = await adult.post('/sign-up', {
    form: { username: uniqueUsername('integration'), password: 'a long enough password' },
    maxRedirects: 0,
  });
  expect(signedUp.status()).toBe(302);
  await adult.post('/statement/anything-else/anythingElse', { form: { intent: 'save', text: sharedWords } });
  await adult.post('/statement/check');
  const shared = await adult.post(`/connect/${code}`, {
    form: { sections: 'anything-else', audience: 'worker', period: 'stopped', newVersions: 'yes' },
    maxRedirects: 0,
  });
  const shareId = /shared=([0-9a-f-]+)/.exec(shared.headers().location ?? '')?.[1];
  expect(shareId, await shared.text()).toBeTruthy();
  await worker.dispose();
  return { adult, shareId: shareId! };
}

test('an admin connects a system, tests it, rotates its secret, and a system with a token pulls only what consent covers', async ({
  page,
  context,
  baseURL,
  playwright,
}) => {
  test.setTimeout(180_000);
  const receiver = await startReceiver();
  const label = `Case system ${Date.now().toString(36)}`;
  try {
    await withCookie(context, baseURL!, await staffSession({ role: 'admin', organisation: 'demo' }));
    await page.goto('/admin');
    await page.getByRole('link', { name: t('integration:title') }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('integration:title'));

    // A wrong address: the error in the summary and by the field, and what was typed kept.
    await page.getByRole('button', { name: t('integration:add.submit') }).click();
    await expect(page.locator('[data-error-summary]')).toContainText(t('integration:errors.urlEmpty'));
    await expect(page).toHaveTitle(/^Error: /);
    await page.getByLabel(t('integration:add.label')).fill('http://cases.example.org/hook');
    await page.getByRole('button', { name: t('integration:add.submit') }).click();
    await expect(page.locator('[data-error-summary]')).toContainText(t('integration:errors.urlHttps'));
    await expect(page.locator('#url-error')).toContainText(t('integration:errors.urlHttps'));
    await expect(page.getByLabel(t('integration:add.label'))).toHaveValue('http://cases.example.org/hook');

    // Connected: the secret is shown once.
    await page.getByLabel(t('integration:add.label')).fill(receiver.url);
    await page.getByRole('button', { name: t('integration:add.submit') }).click();
    await expect(page.getByText(t('integration:secret.added', { url: receiver.url }))).toBeVisible();
    const secret = await page.locator('input[data-secret]').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.reload();
    await expect(page.locator('input[data-secret]')).toHaveCount(0);
    expect(await page.content()).not.toContain(secret);

    // "Send a test": the receiver verifies it with the secret from the page, and its answer is shown.
    receiver.state.secrets = [secret];
    await endpointButton(page, t('integration:endpoints.test'), receiver.url).click();
    await expect(page.locator('[data-test-result]')).toHaveText(t('integration:test.status', { url: receiver.url, status: 204 }));
    // Other arrivals may be events of shares made elsewhere in the demo organisation: only the test counts here.
    const tests = () => receiver.state.arrivals.filter((a) => a.type === 'test');
    expect(tests()).toHaveLength(1);
    expect(tests()[0]?.id).toMatch(/^msg_test_/);

    // A receiver that refuses is reported as refusing.
    receiver.state.secrets = [];
    await endpointButton(page, t('integration:endpoints.test'), receiver.url).click();
    await expect(page.locator('[data-test-result]')).toHaveText(t('integration:test.status', { url: receiver.url, status: 401 }));
    await expect(page.getByRole('heading', { name: t('integration:test.failTitle') })).toBeVisible();

    // Rotating: a new secret, shown once; messages are signed with both while the old one lasts.
    await endpointButton(page, t('integration:endpoints.rotate'), receiver.url).click();
    await expect(page.getByText(t('integration:secret.rotated', { url: receiver.url }))).toBeVisible();
    const rotated = await page.locator('input[data-secret]').inputValue();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await expect(page.getByText(t('integration:endpoints.previousSecret'))).toBeVisible();
    receiver.state.secrets = [secret, rotated];
    await endpointButton(page, t('integration:endpoints.test'), receiver.url).click();
    await expect(page.locator('[data-test-result]')).toHaveText(t('integration:test.status', { url: receiver.url, status: 204 }));
    expect(tests().at(-1)?.verifiedWith.sort()).toEqual([secret, rotated].sort());

    // A token for pulling: shown once, listed by its label.
    await page.getByRole('button', { name: t('integration:tokens.create'), exact: true }).click();
    await expect(page.locator('#label-error')).toContainText(t('integration:errors.labelEmpty'));
    await page.getByLabel(t('integration:tokens.label')).fill(label);
    await page.getByRole('button', { name: t('integration:tokens.create'), exact: true }).click();
    await expect(page.getByText(t('integration:token.created', { label }))).toBeVisible();
    const token = await page.locator('input[data-api-token]').inputValue();
    expect(token).toMatch(/^imw_/);
    await expect(page.getByRole('heading', { level: 3, name: label })).toBeVisible();

    // The pull API: no token, a wrong token, then the right one.
    const nobody = await playwright.request.newContext({ baseURL });
    const missing = await nobody.get('/api/v1/shares');
    expect(missing.status()).toBe(401);
    expect(missing.headers()['www-authenticate']).toMatch(/^Bearer/);
    const wrong = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: 'Bearer imw_wrong' } });
    expect((await wrong.get('/api/v1/shares')).status()).toBe(401);
    const system = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
    expect((await system.get('/api/v1/shares?limit=0')).status()).toBe(400);
    expect((await system.get('/api/v1/shares?cursor=nonsense')).status()).toBe(400);

    const { adult, shareId } = await shareWithDemoWorker(playwright, baseURL!);
    expect(await listedShare(system, shareId)).toMatchObject({ id: shareId, status: 'active', version: 1 });
    const one = await system.get(`/api/v1/shares/${shareId}`);
    expect(one.status()).toBe(200);
    expect(one.headers()['content-type']).toContain('application/fhir+json');
    const bundle = await one.text();
    expect(JSON.parse(bundle)).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(bundle).toContain(sharedWords);
    expect(bundle).toContain('QuestionnaireResponse');
    // The adult is told their worker's system took a copy.
    const taken = t('sharing:list.log.pulled', { date: '' }).replace(/ \.$/, '');
    expect(await (await adult.get('/sharing')).text()).toContain(taken.replace("'", '&#x27;'));

    // The admin sees when the token was last used.
    await page.goto('/admin/integrations');
    await expect(page.locator('[data-token]', { hasText: label })).not.toContainText(t('integration:tokens.neverUsed'));

    // After the adult withdraws: the withdrawal, never the statement.
    expect((await adult.post(`/sharing/${shareId}/withdraw`, { maxRedirects: 0 })).status()).toBe(302);
    expect(await listedShare(system, shareId)).toMatchObject({ id: shareId, status: 'withdrawn', version: null });
    const withdrawn = await system.get(`/api/v1/shares/${shareId}`);
    expect(withdrawn.status()).toBe(200);
    const withdrawal = await withdrawn.text();
    expect(withdrawal).not.toContain(sharedWords);
    expect(withdrawal).not.toContain('QuestionnaireResponse');
    expect(withdrawal).toContain('consent.withdrawn');
    expect((await system.get(`/api/v1/shares/${crypto.randomUUID()}`)).status()).toBe(404);

    // Revoked: the token stops working at once.
    await page.getByRole('button', { name: `${t('integration:tokens.revoke')} ${t('integration:tokens.revokeFor', { label })}` }).click();
    await expect(page.getByText(t('integration:done.revoked'))).toBeVisible();
    expect((await system.get('/api/v1/shares')).status()).toBe(401);

    // Removed: nothing more is sent to it.
    await endpointButton(page, t('integration:endpoints.remove'), receiver.url).click();
    await expect(page.getByText(t('integration:done.removed'))).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: receiver.url })).toHaveCount(0);
    for (const request of [nobody, wrong, system, adult]) await request.dispose();
  } finally {
    await receiver.close();
  }
});

test("another organisation's admin, a worker, an adult and a visitor reach none of an organisation's connections", async ({
  page,
  context,
  baseURL,
  playwright,
}) => {
  const hookUrl = `http://localhost:9/hook-${Date.now().toString(36)}`;
  const label = `Secret label ${Date.now().toString(36)}`;
  await withCookie(context, baseURL!, await staffSession({ role: 'admin', organisation: 'demo' }));
  await page.goto('/admin/integrations');
  await page.getByLabel(t('integration:add.label')).fill(hookUrl);
  await page.getByRole('button', { name: t('integration:add.submit') }).click();
  await expect(page.locator('input[data-secret]')).toBeVisible();
  await page.getByLabel(t('integration:tokens.label')).fill(label);
  await page.getByRole('button', { name: t('integration:tokens.create'), exact: true }).click();
  const token = await page.locator('input[data-api-token]').inputValue();
  await page.goto('/admin/integrations');
  const endpointId = await page
    .locator('[data-endpoint]', { hasText: hookUrl })
    .locator('input[name="endpoint"]')
    .first()
    .getAttribute('value');
  const tokenId = await page.locator('[data-token]', { hasText: label }).locator('input[name="token"]').getAttribute('value');
  expect(endpointId && tokenId).toBeTruthy();

  const as = async (cookie: string) => playwright.request.newContext({ baseURL, extraHTTPHeaders: { Cookie: cookie } });
  const adult = await playwright.request.newContext({ baseURL });
  await adult.post('/sign-up', { form: { username: uniqueUsername('integration-outsider'), password: 'a long enough password' } });
  const otherAdmin = await as(await staffSession({ role: 'admin', organisation: 'other' }));
  const outsiders: Record<string, APIRequestContext> = {
    "another organisation's admin": otherAdmin,
    'a worker of the same organisation': await as(await staffSession({ role: 'worker', organisation: 'demo' })),
    'an adult': adult,
    'a signed-out visitor': await playwright.request.newContext({ baseURL }),
  };
  const forms: [string, Record<string, string>][] = [
    ['/admin/integrations', { intent: 'test', endpoint: endpointId! }],
    ['/admin/integrations', { intent: 'rotate', endpoint: endpointId! }],
    ['/admin/integrations', { intent: 'enable', endpoint: endpointId! }],
    ['/admin/integrations', { intent: 'remove', endpoint: endpointId! }],
    ['/admin/integrations', { intent: 'revoke-token', token: tokenId! }],
    ['/admin/integrations/log', { intent: 'retry', event: `msg_${'0'.repeat(32)}` }],
  ];
  for (const [who, request] of Object.entries(outsiders)) {
    for (const path of ['/admin/integrations', '/admin/integrations/log']) {
      const response = await request.get(path, { maxRedirects: 0 });
      const body = await response.text();
      expect(body, `${who} GET ${path}`).not.toContain(hookUrl);
      expect(body, `${who} GET ${path}`).not.toContain(label);
      // Their own organisation's page, empty; or no page at all.
      if (request === otherAdmin) expect(response.status(), `${who} GET ${path}`).toBe(200);
      else expect([302, 403], `${who} GET ${path}`).toContain(response.status());
    }
    for (const [path, form] of forms) {
      const response = await request.post(path, { form, maxRedirects: 0 });
      expect([302, 403, 404], `${who} POST ${path} ${form.intent}`).toContain(response.status());
      const body = await response.text();
      expect(body).not.toContain('whsec_');
      expect(body).not.toContain(hookUrl);
    }
  }
  // The other organisation's own token cannot read the first organisation's shares either.
  await otherAdmin.post('/admin/integrations', { form: { intent: 'create-token', label: 'Other system' } });
  const otherPage = await (await otherAdmin.get('/admin/integrations')).text();
  expect(otherPage).toContain('Other system');
  expect(otherPage).not.toContain(label);

  // Nothing an outsider posted changed anything: the endpoint has no new secret, the token still works.
  await page.goto('/admin/integrations');
  const endpoint = page.locator('[data-endpoint]', { hasText: hookUrl });
  await expect(endpoint).toContainText(t('integration:endpoints.active'));
  await expect(endpoint).not.toContainText(t('integration:endpoints.previousSecret'));
  const system = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  expect((await system.get('/api/v1/shares?limit=1')).status()).toBe(200);

  await endpointButton(page, t('integration:endpoints.remove'), hookUrl).click();
  await expect(page.getByText(t('integration:done.removed'))).toBeVisible();
  for (const request of [...Object.values(outsiders), system]) await request.dispose();
});

test("another organisation's token reads none of this organisation's shares", async ({ baseURL, playwright }) => {
  const { adult, shareId } = await shareWithDemoWorker(playwright, baseURL!);
  const otherAdmin = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { Cookie: await staffSession({ role: 'admin', organisation: 'other' }) },
  });
  const made = await (
    await otherAdmin.post('/admin/integrations', { form: { intent: 'create-token', label: 'Other council system' } })
  ).text();
  const token = /value="(imw_[A-Za-z0-9_-]+)"/.exec(made)?.[1];
  expect(token).toBeTruthy();
  const system = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  const one = await system.get(`/api/v1/shares/${shareId}`);
  expect(one.status()).toBe(404);
  expect(await one.text()).not.toContain(sharedWords);
  expect(await listedShare(system, shareId)).toBeNull();
  for (const request of [adult, otherAdmin, system]) await request.dispose();
});

test('the Questionnaire and the code system are published as FHIR JSON, for anyone', async ({ playwright, baseURL }) => {
  const anyone = await playwright.request.newContext({ baseURL });
  for (const [path, resourceType] of [
    ['/fhir/Questionnaire/in-my-words-statement', 'Questionnaire'],
    ['/fhir/CodeSystem/in-my-words-cards', 'CodeSystem'],
  ] as const) {
    const response = await anyone.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-type']).toContain('application/fhir+json');
    expect(response.headers()['cache-control']).toContain('public');
    const resource = (await response.json()) as { resourceType: string; url: string; status: string };
    expect(resource.resourceType).toBe(resourceType);
    expect(resource.url).toMatch(new RegExp(`${path}$`));
    expect(resource.status).toBe('active');
  }
  await anyone.dispose();
});

test('shares, new versions and withdrawals are pushed; the log shows them, and a failed one is sent again', async ({
  page,
  context,
  baseURL,
  playwright,
}) => {
  test.setTimeout(180_000);
  const receiver = await startReceiver();
  try {
    await withCookie(context, baseURL!, await staffSession({ role: 'admin', organisation: 'demo' }));
    await page.goto('/admin/integrations');
    await page.getByLabel(t('integration:add.label')).fill(receiver.url);
    await page.getByRole('button', { name: t('integration:add.submit') }).click();
    receiver.state.secrets = [await page.locator('input[data-secret]').inputValue()];

    const { adult, shareId } = await shareWithDemoWorker(playwright, baseURL!);
    const about = (type: string, answered?: number) => () =>
      receiver.state.arrivals.find(
        (a) => a.type === type && a.body.includes(shareId) && (answered === undefined || a.answered === answered),
      );

    // The new share arrives, with the words the adult shared; the log and the adult both say so.
    await expect.poll(about('share.created', 204), { timeout: 30_000 }).toBeTruthy();
    expect(about('share.created')()!.body).toContain(sharedWords);
    const createdId = about('share.created')()!.id;
    await page.goto('/admin/integrations/log');
    const created = page.locator('[data-event]', { has: page.locator('code', { hasText: createdId }) });
    await expect(created).toContainText(t('integration:log.types.shareCreated'));
    await expect(created).toContainText(t('integration:log.statuses.delivered'));
    await expect
      .poll(async () => (await adult.get('/sharing')).text())
      .toContain(t('sharing:list.delivery.delivered').replace("'", '&#x27;'));

    // The system answers 410 to the new version: the endpoint is turned off, with the reason,
    // until the admin turns it on again; then the version arrives.
    receiver.state.answerFor = (body) => (body.includes(shareId) ? 410 : 204);
    await adult.post('/statement/anything-else/anythingElse', { form: { intent: 'save', text: newerWords } });
    await adult.post('/statement/check');
    await expect.poll(about('share.version-added', 410), { timeout: 30_000 }).toBeTruthy();
    await expect
      .poll(async () => {
        await page.goto('/admin/integrations');
        return page.locator('[data-endpoint]', { hasText: receiver.url }).innerText();
      })
      .toContain(t('integration:endpoints.disabled'));
    await expect(page.locator('[data-endpoint]', { hasText: receiver.url })).toContainText(t('integration:endpoints.disabledReason'));
    receiver.state.answerFor = () => 204;
    await endpointButton(page, t('integration:endpoints.enable'), receiver.url).click();
    await expect(page.getByText(t('integration:done.enabled'))).toBeVisible();
    await expect.poll(about('share.version-added', 204), { timeout: 30_000 }).toBeTruthy();
    expect(about('share.version-added', 204)()!.body).toContain(newerWords);

    // The system fails on the withdrawal: the log offers "Try again now", which sends it at once.
    receiver.state.answerFor = (body) => (body.includes(shareId) ? 503 : 204);
    await adult.post(`/sharing/${shareId}/withdraw`);
    await expect.poll(about('consent.withdrawn', 503), { timeout: 30_000 }).toBeTruthy();
    const withdrawal = about('consent.withdrawn')()!;
    expect(withdrawal.body).not.toContain(sharedWords);
    expect(withdrawal.body).not.toContain(newerWords);
    receiver.state.answerFor = () => 204;
    // Another organisation's admin cannot send this organisation's event again, even knowing its id.
    const otherAdmin = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { Cookie: await staffSession({ role: 'admin', organisation: 'other' }) },
    });
    const refused = await otherAdmin.post('/admin/integrations/log', { form: { intent: 'retry', event: withdrawal.id }, maxRedirects: 0 });
    expect(refused.status()).toBe(404);
    await otherAdmin.dispose();
    await page.goto('/admin/integrations/log');
    const failed = page.locator('[data-event]', { has: page.locator('code', { hasText: withdrawal.id }) });
    await expect(failed).toContainText(t('integration:log.types.withdrawn'));
    await expect(failed).toContainText('503');
    await failed
      .getByRole('button', { name: `${t('integration:log.retry')} ${t('integration:log.retryFor', { id: withdrawal.id })}` })
      .click();
    await expect(page.getByText(t('integration:log.retried'))).toBeVisible();
    await expect.poll(about('consent.withdrawn', 204), { timeout: 15_000 }).toBeTruthy();
    // The same webhook-id on every attempt, so the system can drop a repeat.
    expect(about('consent.withdrawn', 204)()!.id).toBe(withdrawal.id);
    // The resend is in the organisation's security log.
    await page.goto('/admin/audit');
    await expect(page.locator('[data-audit-events]')).toContainText(t('staff:audit.events.event-resent'));

    await page.goto('/admin/integrations');
    await endpointButton(page, t('integration:endpoints.remove'), receiver.url).click();
    await expect(page.getByText(t('integration:done.removed'))).toBeVisible();
    await adult.dispose();
  } finally {
    await receiver.close();
  }
});
