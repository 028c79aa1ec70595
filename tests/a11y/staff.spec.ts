import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Cookie, type Page } from '@playwright/test';
import { axeEveryTheme, wcagTags } from '../fixtures/axe';
import { languageCodes, setPersonCookies } from '../fixtures/pages';
import { createStaffByCommand, demoStaff, signInAsStaff, uniqueEmail } from '../fixtures/staff';

/**
 * axe over the worker and admin pages, in every language and every colour theme, as
 * tests/a11y/axe.spec.ts does for the adult's pages (see tests/fixtures/axe.ts).
 */
test.describe.configure({ timeout: 150_000 });

async function check(page: Page, lng: string, paths: string[]) {
  const problems: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', lng);
    problems.push(...(await axeEveryTheme(page)).map((p) => `${path} ${p}`));
  }
  return problems;
}

// One set-up link for the tests in this worker process: opening it changes nothing that matters here.
let setUpPath = '';
function setUpLink(baseURL: string) {
  setUpPath ||= new URL(
    createStaffByCommand(baseURL, { organisation: 'Demo Borough Council', role: 'worker', email: uniqueEmail('axe') }).link,
  ).pathname;
  return setUpPath;
}

for (const lng of languageCodes) {
  test(`no axe violations on the staff sign-in, code and set-up pages in ${lng}, in every theme`, async ({ page, context, baseURL }) => {
    await setPersonCookies(context, baseURL!, { lng });
    const problems = await check(page, lng, ['/staff/sign-in', '/staff/set-up/this-link-does-not-exist-at-all']);
    if (lng === 'cy' || lng === 'ar') {
      await page.goto('/staff/sign-in');
      await page.locator('form[method="post"] button[type="submit"]').first().click();
      await expect(page.locator('[data-error-summary]')).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
      problems.push(...results.violations.map((v) => `staff sign in with errors: ${v.id} ${v.help}`));
    }
    // The code page comes after a right password (no code is used: the sign-in is left waiting).
    const { email, password } = demoStaff('worker');
    const signIn = await page.request.post('/staff/sign-in', { form: { email, password }, maxRedirects: 0 });
    expect(signIn.status()).toBe(302);
    problems.push(...(await check(page, lng, ['/staff/sign-in/code', setUpLink(baseURL!)])));
    expect(problems).toEqual([]);
  });
}

// One admin sign-in for the tests in this worker process (a sign-in uses a one-time code).
let adminCookies: Cookie[] = [];
test.beforeAll(async ({ browser }, testInfo) => {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  await signInAsStaff(await context.newPage(), 'admin');
  adminCookies = (await context.cookies()).filter((c) => c.name === 'session');
  await context.close();
});

for (const lng of languageCodes) {
  test(`no axe violations on the admin and security log pages in ${lng}, in every theme`, async ({ page, context, baseURL }) => {
    await context.addCookies(adminCookies);
    await setPersonCookies(context, baseURL!, { lng });
    expect(await check(page, lng, ['/admin', '/admin/audit'])).toEqual([]);
  });
}

test('no axe violations on the admin page answering with errors, and showing a set-up link, in Welsh and in Arabic', async ({
  page,
  context,
  baseURL,
}) => {
  await context.addCookies(adminCookies);
  for (const lng of ['cy', 'ar'] as const) {
    await setPersonCookies(context, baseURL!, { lng });
    await page.goto('/admin');
    await page.locator('form:has(input[value="add-staff"]) button[type="submit"]').click();
    await expect(page.locator('[data-error-summary]')).toBeVisible();
    let results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
    expect(results.violations.map((v) => `${lng} admin errors: ${v.id} ${v.help}`)).toEqual([]);

    await page.locator('#name').fill('Axe Person');
    await page.locator('#email').fill(uniqueEmail('axe-banner'));
    await page.locator('form:has(input[value="add-staff"]) button[type="submit"]').click();
    await expect(page.locator('#setup-link')).toBeVisible();
    results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
    expect(results.violations.map((v) => `${lng} admin link: ${v.id} ${v.help}`)).toEqual([]);
  }
});
