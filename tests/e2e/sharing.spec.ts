import { expect, test, type Browser, type Page } from '@playwright/test';
import { expireCode, staffSession } from '../fixtures/database';
import { signUpWithPassword, uniqueUsername } from '../fixtures/statement';
import { signInAsStaff } from '../fixtures/staff';
import { words } from '../fixtures/words';

// Each journey signs up an adult, writes and confirms a statement, and walks two people's pages.
test.describe.configure({ timeout: 150_000 });

const t = words('en');
const press = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).click();

/** A fresh adult with version 1 confirmed: a name, outcomes, someone they trust, and safe-contact rules. */
async function adultWithStatement(browser: Browser, baseURL: string, javaScriptEnabled = true) {
  const context = await browser.newContext({ baseURL, javaScriptEnabled });
  const page = await context.newPage();
  await signUpWithPassword(page, 'en', uniqueUsername('share'));
  await page.goto('/statement/about-me/name');
  await page.getByLabel(t('statement:questions.name.title')).fill('Quillon');
  await press(page, t('statement:buttons.continue'));
  await page.goto('/statement/outcomes/outcomes');
  await page.getByRole('checkbox', { name: t('statement:cards.outcomes.feel-safe'), exact: true }).check();
  await press(page, t('statement:buttons.continue'));
  await page.goto('/statement/people/trusted');
  await page.getByLabel(t('statement:questions.trusted.title')).fill('My sister Ann');
  await press(page, t('statement:buttons.continue'));
  await page.goto('/statement/contact/safeWays');
  await page.getByRole('checkbox', { name: t('statement:cards.safeWays.text-message'), exact: true }).check();
  await page.getByLabel(t('statement:ownWords.label')).fill('Only after 6pm');
  await press(page, t('statement:buttons.continue'));
  await page.getByRole('checkbox', { name: t('statement:cards.never.no-voicemail'), exact: true }).check();
  await press(page, t('statement:buttons.continue'));
  await page.goto('/statement/check');
  await page.getByRole('button', { name: t('statement:check.confirm') }).click();
  await expect(page).toHaveURL(/\/statement\/versions\/1\?confirmed=1$/);
  return page;
}

async function newCode(worker: Page): Promise<string> {
  await worker.goto('/worker/codes');
  await press(worker, t('casework:codes.make'));
  const code = (await worker.locator('.connection-code').innerText()).trim();
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  return code;
}

test('a worker gives a code, the adult shares two sections, the worker reads only those, replies, and is refused after withdrawal', async ({
  browser,
  baseURL,
}) => {
  const workerContext = await browser.newContext({ baseURL });
  const worker = await workerContext.newPage();
  await signInAsStaff(worker, 'worker');
  const code = await newCode(worker);
  await expect(worker.getByRole('link', { name: new RegExp(`/connect/${code.replace('-', '')}$`) })).toBeVisible();
  await expect(worker.getByRole('img', { name: t('casework:codes.qrLabel') })).toBeVisible();

  const adult = await adultWithStatement(browser, baseURL!);
  // The code is typed as a person might: lower case, with a space.
  await adult.goto('/statement');
  await adult.getByRole('link', { name: t('sharing:home.connect') }).click();
  await adult.getByLabel(t('sharing:connect.title')).fill(code.toLowerCase().replace('-', ' '));
  await press(adult, t('sharing:connect.submit'));
  await expect(adult.getByText('Alex Worker').first()).toBeVisible();
  await expect(adult.getByText('Demo Borough Council')).toBeVisible();

  // Nothing is chosen for the person: sharing without choosing asks for each choice.
  await press(adult, t('sharing:consent.submit'));
  const summary = adult.getByRole('alert');
  await expect(summary).toContainText(t('sharing:errors.sections'));
  await expect(summary).toContainText(t('sharing:errors.period'));
  await expect(adult).toHaveTitle(/^Error: /);
  await adult.getByRole('checkbox', { name: t('statement:sections.outcomes.title') }).check();
  await adult.getByRole('checkbox', { name: t('statement:sections.contact.title') }).check();
  await adult.getByRole('radio', { name: t('sharing:consent.audienceWorker', { name: 'Alex Worker' }) }).check();
  await adult.getByRole('radio', { name: t('sharing:consent.periodStopped') }).check();
  await adult.getByRole('radio', { name: t('sharing:consent.newVersionsYes') }).check();
  await press(adult, t('sharing:consent.submit'));
  await expect(adult).toHaveURL(/\/sharing\?shared=/);
  await expect(adult.getByText(t('sharing:list.notRead'))).toBeVisible();

  // The worker's inbox shows it unread; the statement shows only the two sections.
  await worker.goto('/worker');
  const item = worker.getByRole('listitem').filter({ hasText: t('casework:inbox.unread') });
  await expect(item).toHaveCount(1);
  await item.getByRole('link').click();
  const rules = worker.getByRole('region', { name: t('casework:statement.contactHeading') });
  await expect(rules).toContainText(t('statement:cards.safeWays.text-message'));
  await expect(rules).toContainText(t('statement:cards.never.no-voicemail'));
  await expect(rules.locator('blockquote[lang="en"]')).toHaveText('Only after 6pm');
  await expect(worker.getByRole('heading', { name: t('statement:sections.outcomes.title') })).toBeVisible();
  await expect(worker.getByText(t('statement:cards.outcomes.feel-safe'))).toBeVisible();
  await expect(worker.locator('main')).not.toContainText('My sister Ann');
  await expect(worker.locator('main')).not.toContainText('Quillon');
  const shareUrl = worker.url();

  // The adult sees the read receipt.
  await adult.reload();
  await expect(adult.getByText(/Read by Alex Worker on /)).toBeVisible();

  // The worker replies, reminded of the safe-contact rules; an empty reply is refused.
  await worker.getByRole('link', { name: t('casework:statement.reply') }).click();
  await expect(worker.getByRole('region', { name: t('casework:statement.contactHeading') })).toContainText(
    t('statement:cards.never.no-voicemail'),
  );
  await press(worker, t('casework:reply.send'));
  await expect(worker.getByRole('alert')).toContainText(t('casework:reply.errors.empty'));
  await worker.getByLabel(t('casework:reply.label')).fill('I got your statement. I will text you on Tuesday.');
  await press(worker, t('casework:reply.send'));
  await expect(worker.getByText(t('casework:reply.sent'))).toBeVisible();

  await adult.reload();
  await expect(adult.getByText('I got your statement. I will text you on Tuesday.')).toBeVisible();

  // A new version reaches the worker (the person chose that), with what changed.
  await adult.goto('/statement/outcomes/outcomes?returnTo=/statement/check');
  await adult.getByRole('checkbox', { name: t('statement:cards.outcomes.money-back'), exact: true }).check();
  await press(adult, t('statement:buttons.continue'));
  await adult.getByRole('button', { name: t('statement:check.confirm') }).click();
  await expect(adult).toHaveURL(/\/statement\/versions\/2\?confirmed=1$/);
  await worker.goto(shareUrl);
  await expect(worker.getByRole('heading', { name: t('casework:statement.changesHeading', { number: 1 }) })).toBeVisible();
  await expect(worker.getByText(t('statement:history.added', { card: t('statement:cards.outcomes.money-back') }))).toBeVisible();

  // The adult withdraws; the worker is refused with the date, and the inbox no longer lists it.
  await adult.goto('/sharing');
  await adult.getByRole('link', { name: `${t('sharing:list.withdraw')} ${t('sharing:list.withName', { name: 'Alex Worker' })}` }).click();
  await press(adult, t('sharing:withdraw.submit'));
  await expect(adult).toHaveURL(/\/sharing\?withdrawn=1$/);
  await expect(adult.getByText(/You stopped sharing on /)).toBeVisible();

  const refused = await worker.goto(shareUrl);
  expect(refused?.status()).toBe(410);
  await expect(worker.getByRole('heading', { level: 1 })).toHaveText(t('casework:ended.title'));
  await expect(worker.getByText(/withdrew their consent on /)).toBeVisible();
  await expect(worker.locator('main')).not.toContainText('Only after 6pm');
  await worker.goto('/worker');
  await expect(worker.locator('a[href="' + new URL(shareUrl).pathname + '"]')).toHaveCount(0);

  // The access log records the refusal for the person to see.
  await adult.reload();
  await adult.getByText(t('sharing:list.logSummary')).click();
  await expect(adult.getByText(/tried to read it on /)).toBeVisible();
  await workerContext.close();
});

/** A worker of the demo organisation, signed in without the sign-in pages (tests/e2e/staff.spec.ts covers those). */
async function quickWorker(browser: Browser, baseURL: string) {
  const cookie = await staffSession({ role: 'worker', organisation: 'demo' });
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { Cookie: cookie } });
  return { context, page: await context.newPage() };
}

test('mistyped, unknown, expired and used codes each get a clear message, and what was typed stays', async ({ browser, baseURL }) => {
  const { context: workerContext, page: worker } = await quickWorker(browser, baseURL!);
  const expired = await newCode(worker);
  expireCode(expired);
  const used = await newCode(worker);

  const adult = await adultWithStatement(browser, baseURL!);
  const tryCode = async (code: string, message: string) => {
    await adult.goto('/connect');
    await adult.getByLabel(t('sharing:connect.title')).fill(code);
    await press(adult, t('sharing:connect.submit'));
    await expect(adult.getByRole('alert')).toContainText(message);
    await expect(adult.getByLabel(t('sharing:connect.title'))).toHaveValue(code);
  };
  await tryCode('ABC', t('sharing:errors.codeMistyped'));
  await tryCode('AAAA-AAAA', t('sharing:errors.codeUnknown'));
  await tryCode(expired, t('sharing:errors.codeExpired'));

  // Use a code once, then try it again.
  await adult.goto(`/connect/${used}`);
  await adult.getByRole('checkbox', { name: t('statement:sections.outcomes.title') }).check();
  await adult.getByRole('radio', { name: t('sharing:consent.periodDate') }).check();
  await adult.getByLabel(t('sharing:consent.untilLabel')).fill('2020-01-01');
  await adult.getByRole('radio', { name: t('sharing:consent.newVersionsNo') }).check();
  await press(adult, t('sharing:consent.submit'));
  await expect(adult.getByRole('alert')).toContainText(t('sharing:errors.untilPast'));
  await expect(adult.getByRole('checkbox', { name: t('statement:sections.outcomes.title') })).toBeChecked();
  await adult.getByLabel(t('sharing:consent.untilLabel')).fill('2099-12-31');
  await press(adult, t('sharing:consent.submit'));
  await expect(adult).toHaveURL(/\/sharing\?shared=/);
  await expect(adult.getByText(/They can see it until 31 December 2099/)).toBeVisible();
  await tryCode(used, t('sharing:errors.codeUsed'));
  await workerContext.close();
});

test.describe('without JavaScript', () => {
  test('the adult can share and stop sharing with plain forms', async ({ browser, baseURL }) => {
    const { context: workerContext, page: worker } = await quickWorker(browser, baseURL!);
    const code = await newCode(worker);
    const adult = await adultWithStatement(browser, baseURL!, false);
    await adult.goto(`/connect/${code}`);
    await adult.getByRole('checkbox', { name: t('statement:sections.contact.title') }).check();
    await adult.getByRole('radio', { name: t('sharing:consent.periodStopped') }).check();
    await adult.getByRole('radio', { name: t('sharing:consent.newVersionsNo') }).check();
    await press(adult, t('sharing:consent.submit'));
    await expect(adult).toHaveURL(/\/sharing\?shared=/);
    await adult.getByRole('link', { name: `${t('sharing:list.withdraw')} ${t('sharing:list.withName', { name: 'Test worker' })}` }).click();
    await press(adult, t('sharing:withdraw.submit'));
    await expect(adult.getByText(/You stopped sharing on /)).toBeVisible();
    await workerContext.close();
  });
});

test('keyboard only: type a code, choose what to share, share, and stop sharing', async ({ browser, baseURL }) => {
  const { context: workerContext, page: worker } = await quickWorker(browser, baseURL!);
  const code = await newCode(worker);
  const adult = await adultWithStatement(browser, baseURL!);
  const focusAndPress = async (locator: ReturnType<Page['locator']>, key: string) => {
    for (let i = 0; i < 40 && !(await locator.evaluate((el) => el === document.activeElement)); i++) await adult.keyboard.press('Tab');
    await expect(locator).toBeFocused();
    await adult.keyboard.press(key);
  };
  await adult.goto('/connect');
  await focusAndPress(adult.getByLabel(t('sharing:connect.title')), 'End');
  await adult.keyboard.type(code);
  await adult.keyboard.press('Enter');
  await expect(adult.getByRole('heading', { level: 1 })).toHaveText(t('sharing:consent.title'));

  await focusAndPress(adult.getByRole('checkbox', { name: t('statement:sections.contact.title') }), 'Space');
  await focusAndPress(adult.getByRole('radio', { name: t('sharing:consent.periodStopped') }), 'Space');
  await focusAndPress(adult.getByRole('radio', { name: t('sharing:consent.newVersionsYes') }), 'Space');
  await focusAndPress(adult.getByRole('button', { name: t('sharing:consent.submit'), exact: true }), 'Enter');
  await expect(adult).toHaveURL(/\/sharing\?shared=/);

  await focusAndPress(
    adult.getByRole('link', { name: `${t('sharing:list.withdraw')} ${t('sharing:list.withName', { name: 'Test worker' })}` }),
    'Enter',
  );
  await focusAndPress(adult.getByRole('button', { name: t('sharing:withdraw.submit'), exact: true }), 'Enter');
  await expect(adult.getByText(/You stopped sharing on /)).toBeVisible();
  await workerContext.close();
});
