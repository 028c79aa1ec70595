import { expect, test, type Page } from '@playwright/test';
import { waitForHydration } from '../fixtures/pages';
import {
  completeSetUp,
  createOrganisationByCommand,
  createStaffByCommand,
  demoStaff,
  freshCode,
  signInAsStaff,
  signInWith,
  typeCode,
  uniqueEmail,
} from '../fixtures/staff';
import { words } from '../fixtures/words';

const t = words('en');

/** Adds a person on the admin page and returns the set-up link shown once. */
async function addPerson(page: Page, person: { name: string; email: string; jobTitle?: string; team?: string; role?: 'worker' | 'admin' }) {
  await page.getByLabel(t('staff:fields.name')).fill(person.name);
  await page.locator('#email').fill(person.email);
  if (person.jobTitle) await page.getByLabel(t('staff:fields.jobTitle')).fill(person.jobTitle);
  if (person.team) await page.getByLabel(t('staff:fields.team')).fill(person.team);
  await page.getByRole('radio', { name: t(`staff:roles.${person.role ?? 'worker'}`), exact: true }).check();
  await page.getByRole('button', { name: t('staff:admin.addSubmit') }).click();
  await expect(page.getByRole('alert')).toContainText(t('staff:admin.addedTitle', { name: person.name }));
  return page.getByLabel(t('staff:admin.linkLabel')).inputValue();
}

test('an admin adds a worker, who sets up their account once and signs in with a password and a code', async ({
  page,
  browser,
  baseURL,
  playwright,
}) => {
  test.setTimeout(150_000);
  await signInAsStaff(page, 'admin');
  await expect(page.locator('h1')).toHaveText(t('staff:admin.title'));
  await expect(page.getByText(t('staff:admin.organisation', { organisation: 'Demo Borough Council' }))).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Alex Worker' })).toBeVisible();

  const email = uniqueEmail('new-worker');
  const link = await addPerson(page, { name: 'Robin Case', email, jobTitle: 'Social worker', team: 'Duty team' });
  expect(link).toMatch(new RegExp(`^${baseURL}/staff/set-up/[A-Za-z0-9_-]{40,}$`));
  const robin = page.locator('[data-staff-member]', { has: page.getByRole('heading', { name: 'Robin Case' }) });
  await expect(robin).toContainText(email);
  await expect(robin).toContainText(/Not set up yet/);

  // Before set-up the account cannot sign in, and the page says only what it says for a wrong password.
  const stranger = await playwright.request.newContext({ baseURL });
  const early = await stranger.post('/staff/sign-in', { form: { email, password: 'anything at all' }, maxRedirects: 0 });
  expect(await early.text()).toContain(t('staff:errors.wrongDetails'));
  await stranger.dispose();

  // The worker, in their own browser, opens the link.
  const workerContext = await browser.newContext();
  const worker = await workerContext.newPage();
  await worker.goto(link);
  await expect(worker.getByText(t('staff:setUp.intro', { organisation: 'Demo Borough Council', name: 'Robin Case' }))).toBeVisible();
  await expect(worker.getByRole('img', { name: t('staff:setUp.qrAlt') })).toBeVisible();
  const secret = await completeSetUp(worker, link, 'robin’s long password');
  await expect(worker.getByRole('alert', { name: t('staff:signIn.setUpDoneTitle') })).toContainText(t('staff:signIn.setUpDone'));

  await signInWith(worker, { email, password: 'robin’s long password', totpSecret: secret });
  await expect(worker).toHaveURL(/\/worker$/);
  // A worker has no admin page.
  expect((await worker.request.get('/admin')).status()).toBe(403);

  // The same link a second time is refused, clearly.
  const again = await worker.goto(link);
  expect(again?.status()).toBe(410);
  await expect(worker.locator('h1')).toHaveText(t('staff:setUp.invalidTitle'));
  await expect(worker.getByText(t('staff:setUp.invalidHelp'))).toBeVisible();
  await workerContext.close();

  await page.reload();
  await expect(robin).toContainText(t('staff:admin.ready'));
});

test('an admin’s forms answer with an error summary and a message by the field, and keep what was typed', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsStaff(page, 'admin');
  await page.getByLabel(t('staff:fields.name')).fill('Sam Again');
  await page.locator('#email').fill(demoStaff('worker').email.toUpperCase());
  await page.getByRole('button', { name: t('staff:admin.addSubmit') }).click();
  await expect(page.locator('[data-error-summary]')).toContainText(t('staff:errors.emailTaken'));
  await expect(page.locator('#email-error')).toContainText(t('staff:errors.emailTaken'));
  await expect(page).toHaveTitle(new RegExp(`^${t('common:title.error', { title: '' }).trim()}`));
  await expect(page.getByLabel(t('staff:fields.name'))).toHaveValue('Sam Again');

  // The demo organisation's numbers are left as they are: other tests read them.
  await expect(page.locator('#helpName-1')).toHaveValue('Adult social care duty team');
  await page.locator('#helpName-2').fill('Out of hours team');
  await page.locator('#helpNumber-2').fill('call us');
  await page.locator('#helpNumber-3').fill('0300 555 0000');
  await page.getByRole('button', { name: t('staff:admin.helpSubmit') }).click();
  await expect(page.locator('#helpNumber-2-error')).toContainText(t('staff:errors.helpNumberInvalid'));
  await expect(page.locator('#helpName-3-error')).toContainText(t('staff:errors.helpNameMissing'));
  await expect(page.locator('[data-error-summary] a')).toHaveCount(2);
  await expect(page.locator('#helpName-2')).toHaveValue('Out of hours team');
  await page.reload();
  await expect(page.locator('#helpName-2')).toHaveValue('');
});

test('an admin of another organisation sees and changes only their own', async ({ page, browser, baseURL }) => {
  test.setTimeout(150_000);
  // The demo admin adds someone who has not set up yet, so their account id is on the demo page.
  await signInAsStaff(page, 'admin');
  await addPerson(page, { name: 'Pending Person', email: uniqueEmail('pending') });
  const pendingId = await page
    .locator('[data-staff-member]', { has: page.getByRole('heading', { name: 'Pending Person' }) })
    .locator('input[name="account"]')
    .getAttribute('value');
  expect(pendingId).toBeTruthy();

  const otherName = `Hillside Council ${Date.now()}`;
  const organisationId = createOrganisationByCommand(baseURL!, otherName);
  const { email, link } = createStaffByCommand(baseURL!, { organisation: organisationId, role: 'admin', name: 'Hill Admin' });
  const context = await browser.newContext();
  const other = await context.newPage();
  const secret = await completeSetUp(other, link, 'hillside password');
  await signInWith(other, { email, password: 'hillside password', totpSecret: secret });
  await expect(other).toHaveURL(/\/admin$/);
  await expect(other.getByText(t('staff:admin.organisation', { organisation: otherName }))).toBeVisible();
  const html = await other.content();
  for (const ofTheFirst of [
    'Demo Borough Council',
    'Alex Worker',
    'worker@demo.example',
    'Pending Person',
    'Adult social care duty team',
  ]) {
    expect(html).not.toContain(ofTheFirst);
  }

  // Posting the first organisation's account id gets nothing: not a link, not a name.
  const renew = await other.request.post('/admin', { form: { intent: 'new-link', account: pendingId! } });
  expect(renew.status()).toBe(404);
  expect(await renew.text()).not.toContain('Pending Person');
  // Help numbers saved here change only this organisation's.
  await other.locator('#helpName-1').fill('Hillside line');
  await other.locator('#helpNumber-1').fill('0300 000 1111');
  await other.getByRole('button', { name: t('staff:admin.helpSubmit') }).click();
  await expect(other.getByRole('alert')).toContainText(t('staff:admin.helpSaved'));
  await other.reload();
  await expect(other.locator('#helpNumber-1')).toHaveValue('0300 000 1111');
  await page.reload();
  await expect(page.locator('#helpName-1')).toHaveValue('Adult social care duty team');
  await expect(page.getByText('Hillside line')).toHaveCount(0);
  await context.close();
});

test('signed out, the admin page asks a worker or admin to sign in, and the adults’ sign-in refuses them', async ({ page }) => {
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/staff\/sign-in\?returnTo=%2Fadmin$/);
  await expect(page.locator('h1')).toHaveText(t('staff:signIn.title'));
  const admin = demoStaff('admin');
  const adult = await page.request.post('/sign-in', { form: { username: admin.email, password: admin.password }, maxRedirects: 0 });
  expect(adult.status()).toBe(400);
  expect(await adult.text()).toContain(t('auth:errors.wrongDetails'));
  // Without a right password first, there is no code page.
  await page.goto('/staff/sign-in/code');
  await expect(page).toHaveURL(/\/staff\/sign-in\?expired=1$/);
  await expect(page.getByRole('region', { name: t('staff:signIn.expiredTitle') })).toBeVisible();
});

test('keyboard only: a worker signs in with email, password and code', async ({ page }) => {
  test.setTimeout(120_000);
  const worker = demoStaff('worker');
  await page.goto('/staff/sign-in');
  await waitForHydration(page);
  await page.getByLabel(t('staff:fields.email')).focus();
  await page.keyboard.type(worker.email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(t('staff:fields.password'), { exact: true })).toBeFocused();
  await page.keyboard.type(worker.password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/staff\/sign-in\/code$/);
  const code = page.getByLabel(t('staff:code.title'));
  await expect(code).toHaveAttribute('inputmode', 'numeric');
  await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
  await code.focus();
  await page.keyboard.type(await freshCode(worker.totpSecret));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/worker$/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a wrong password and a wrong code: an error summary, a message by the field, the email kept; then signing in works', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const worker = demoStaff('worker');
    await page.goto('/staff/sign-in');
    await page.getByLabel(t('staff:fields.email')).fill(worker.email);
    await page.getByLabel(t('staff:fields.password'), { exact: true }).fill('not the password');
    await page.getByRole('button', { name: t('staff:signIn.submit'), exact: true }).click();
    await expect(page).toHaveTitle(new RegExp(`^${t('common:title.error', { title: '' }).trim()}`));
    await expect(page.locator('[data-error-summary]')).toContainText(t('staff:errors.wrongDetails'));
    await expect(page.locator('#password-error')).toContainText(t('staff:errors.wrongDetails'));
    await expect(page.getByLabel(t('staff:fields.email'))).toHaveValue(worker.email);

    await page.getByLabel(t('staff:fields.password'), { exact: true }).fill(worker.password);
    await page.getByRole('button', { name: t('staff:signIn.submit'), exact: true }).click();
    await expect(page).toHaveURL(/\/staff\/sign-in\/code$/);
    await expect(page.getByText(t('staff:code.who', { email: worker.email }))).toBeVisible();
    await page.getByLabel(t('staff:code.title')).fill('000000');
    await page.getByRole('button', { name: t('staff:code.submit'), exact: true }).click();
    await expect(page.locator('[data-error-summary]')).toContainText(t('staff:errors.codeWrong'));
    await expect(page.locator('#code-error')).toContainText(t('staff:errors.codeWrong'));
    await expect(page.getByLabel(t('staff:code.title'))).toHaveValue('000000');

    await typeCode(page, worker.totpSecret);
    await expect(page).toHaveURL(/\/worker$/);
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(cookies.find((c) => c.name === 'staff-second-factor')).toBeUndefined();
  });

  test('an admin adds a worker, and the worker sets up their account, with no JavaScript', async ({ page, browser }) => {
    test.setTimeout(120_000);
    await signInAsStaff(page, 'admin');
    const link = await addPerson(page, { name: 'No Script Person', email: uniqueEmail('nojs') });
    const context = await browser.newContext({ javaScriptEnabled: false });
    const worker = await context.newPage();
    await completeSetUp(worker, link, 'a password typed without scripts');
    await expect(worker.getByRole('alert', { name: t('staff:signIn.setUpDoneTitle') })).toContainText(t('staff:signIn.setUpDone'));
    await context.close();
  });
});
