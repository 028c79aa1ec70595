import { expect, test, type APIRequestContext } from '@playwright/test';
import { staffSession } from '../fixtures/database';
import { uniqueUsername } from '../fixtures/statement';

// Words only the first adult wrote, in a shared section, and the worker's reply to them.
const secret = 'Matrix secret words 4711';
const reply = 'Matrix reply to the person 4711';

async function signUp(request: APIRequestContext) {
  const response = await request.post('/sign-up', {
    form: { username: uniqueUsername('matrix'), password: 'a long enough password' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
}

test('nobody but the adult and the worker they chose can reach a share, its inbox, its replies or its forms', async ({
  playwright,
  baseURL,
}) => {
  // The adult writes, confirms and shares with the demo worker, who reads it and replies.
  const worker = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { Cookie: await staffSession({ role: 'worker', organisation: 'demo' }) },
  });
  const codePage = await (await worker.post('/worker/codes')).text();
  const code = /class="connection-code">([A-Z0-9-]+)</.exec(codePage)?.[1]?.replace('-', '');
  expect(code).toBeTruthy();
  const spareCode = /class="connection-code">([A-Z0-9-]+)</.exec(await (await worker.post('/worker/codes')).text())?.[1]?.replace('-', '');

  const adult = await playwright.request.newContext({ baseURL });
  await signUp(adult);
  await adult.post('/statement/contact/safeWays', { form: { intent: 'save', codes: 'phone-call', text: secret } });
  await adult.post('/statement/check');
  const shared = await adult.post(`/connect/${code}`, {
    form: { sections: 'contact', audience: 'worker', period: 'stopped', newVersions: 'yes' },
    maxRedirects: 0,
  });
  expect(shared.status()).toBe(302);
  const shareId = /shared=([0-9a-f-]+)/.exec(shared.headers().location ?? '')?.[1];
  expect(shareId).toBeTruthy();
  expect(await (await worker.get(`/worker/shares/${shareId}`)).text()).toContain(secret);
  await worker.post(`/worker/shares/${shareId}/reply`, { form: { body: reply } });
  expect(await (await adult.get('/sharing')).text()).toContain(reply);

  const otherAdult = await playwright.request.newContext({ baseURL });
  await signUp(otherAdult);
  const as = async (cookie: string) => playwright.request.newContext({ baseURL, extraHTTPHeaders: { Cookie: cookie } });
  const outsiders: Record<string, APIRequestContext> = {
    'a signed-out visitor': await playwright.request.newContext({ baseURL }),
    'another adult': otherAdult,
    'a worker of the same organisation not given the share': await as(
      await staffSession({ role: 'worker', organisation: 'demo', team: 'Another team' }),
    ),
    'a worker of another organisation': await as(
      await staffSession({ role: 'worker', organisation: 'other', team: 'Adult safeguarding team' }),
    ),
    "another organisation's admin": await as(await staffSession({ role: 'admin', organisation: 'other' })),
    "the worker's own organisation's admin": await as(await staffSession({ role: 'admin', organisation: 'demo' })),
  };

  const pages = [
    `/worker/shares/${shareId}`,
    `/worker/shares/${shareId}/reply`,
    '/worker',
    '/worker/codes',
    '/sharing',
    `/sharing/${shareId}/change`,
    `/sharing/${shareId}/withdraw`,
    `/connect/${spareCode}`,
    '/not-safe',
    '/admin',
    '/statement/check',
    '/statement/versions/1',
    '/statement/versions/1/pdf',
  ];
  const forms: [string, Record<string, string>][] = [
    [`/worker/shares/${shareId}/reply`, { body: 'Written by an outsider' }],
    [`/sharing/${shareId}/change`, { sections: 'about-me', audience: 'worker', period: 'stopped', newVersions: 'no' }],
    [`/sharing/${shareId}/withdraw`, {}],
    [`/connect/${spareCode}`, { sections: 'contact', audience: 'worker', period: 'stopped', newVersions: 'no' }],
    ['/worker/codes', {}],
    ['/not-safe', {}],
  ];
  // The admin forms: an admin may change only their own organisation (the demo one here).
  const adminForms: [string, Record<string, string>][] = [
    ['/admin', { intent: 'add-staff', name: 'Intruder', email: 'intruder@test.example', role: 'worker', jobTitle: '', team: '' }],
    ['/admin', { intent: 'help-numbers', 'helpName-1': 'Intruder line', 'helpNumber-1': '0800 000 0000' }],
  ];
  for (const [who, request] of Object.entries(outsiders)) {
    if (who !== "the worker's own organisation's admin") {
      for (const [path, form] of adminForms) await request.post(path, { form, maxRedirects: 0 });
    }
    for (const path of pages) {
      const response = await request.get(path, { maxRedirects: 0 });
      const body = await response.text();
      expect(body, `${who} GET ${path}`).not.toContain(secret);
      expect(body, `${who} GET ${path}`).not.toContain(reply);
      if (path.startsWith('/worker/shares/')) expect([302, 403, 404], `${who} GET ${path}`).toContain(response.status());
    }
    for (const [path, form] of forms) {
      const response = await request.post(path, { form, maxRedirects: 0 });
      const body = await response.text();
      expect(body, `${who} POST ${path}`).not.toContain(secret);
      expect(body, `${who} POST ${path}`).not.toContain(reply);
    }
  }

  // Nothing an outsider posted reached the share: it is unchanged, open to the worker, with one reply.
  const view = await (await worker.get(`/worker/shares/${shareId}`)).text();
  expect(view).toContain(secret);
  expect(view).not.toContain('Written by an outsider');
  const list = await (await adult.get('/sharing')).text();
  expect(list).toContain('They can see it now.');
  expect(list).not.toContain('Written by an outsider');
  // The demo organisation's staff and help numbers are as they were.
  const demoAdmin = outsiders["the worker's own organisation's admin"]!;
  const adminPage = await (await demoAdmin.get('/admin')).text();
  expect(adminPage).not.toContain('intruder@test.example');
  expect(adminPage).not.toContain('Intruder line');
  expect(await (await adult.get('/not-safe')).text()).toContain('0300 123 4567');
  // The spare code was never used by the other adult in a way that shared the first adult's words.
  expect(await (await worker.get('/worker')).text()).not.toContain(secret);
  for (const request of Object.values(outsiders)) await request.dispose();
  await adult.dispose();
  await worker.dispose();
});

test('a form posted from another site is refused, and changes nothing', async ({ playwright, baseURL }) => {
  const adult = await playwright.request.newContext({ baseURL });
  await signUp(adult);
  const forged = await adult.post('/not-safe', {
    headers: { Origin: 'https://attacker.example', 'Sec-Fetch-Site': 'cross-site' },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(403);
  const sameSite = await adult.post('/not-safe', { headers: { Origin: baseURL! }, maxRedirects: 0 });
  expect(sameSite.status()).toBe(200);
  await adult.dispose();
});
