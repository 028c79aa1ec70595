import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { axeEveryTheme, wcagTags } from '../fixtures/axe';
import { languageCodes, publicPages, setPersonCookies } from '../fixtures/pages';
import { uniqueUsername } from '../fixtures/statement';

/**
 * axe over every page, in every language and every colour theme (see tests/fixtures/axe.ts for
 * the pinned tags, the rules switched off — none — and how themes are checked).
 */
test.describe.configure({ timeout: 150_000 });

/** Pages a signed-in adult sees (their own statement, answered enough to show every kind of content). */
const signedInPages = [
  '/statement',
  '/statement/about-me/name',
  '/statement/about-me/communication',
  '/statement/feelings/feelings/home',
  '/statement/feelings/feelings/feeling-safe',
  '/statement/feelings/feelings',
  '/statement/outcomes/outcomes',
  '/statement/people/notTold',
  '/statement/check',
  '/statement/history',
  '/statement/versions/2',
  '/account',
];
const signedOutPages = ['/sign-up', '/sign-in', '/signed-out?reason=timeout'];

async function check(page: Page, lng: (typeof languageCodes)[number], paths: string[]) {
  const problems: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', lng);
    problems.push(...(await axeEveryTheme(page)).map((p) => `${path} ${p}`));
  }
  return problems;
}

/** Signs up and answers enough (and confirms twice) that every signed-in page has content. */
async function signUpWithStatement(page: Page) {
  const request = page.request;
  await request.post('/sign-up', { form: { username: uniqueUsername('axe'), password: 'a long enough password' } });
  await request.post('/statement/about-me/name', { form: { intent: 'save', text: 'Jo' } });
  await request.post('/statement/about-me/communication', { form: { intent: 'save', codes: 'speaking', text: 'Slowly, please.' } });
  await request.post('/statement/feelings/feelings/home', { form: { intent: 'save', rating: 'happy' } });
  await request.post('/statement/feelings/feelings/feeling-safe', { form: { intent: 'save', rating: 'not-safe' } });
  await request.post('/statement/outcomes/outcomes', {
    multipart: { intent: 'save', codes: 'hurting-stops', mostImportant: 'hurting-stops' },
  });
  await request.post('/statement/people/notTold', { form: { intent: 'save', text: 'My nephew', reason: 'He takes my money.' } });
  await request.post('/statement/check');
  await request.post('/statement/outcomes/outcomes', {
    form: { intent: 'save', codes: 'keep-seeing-someone', text: 'I changed my mind.' },
  });
  await request.post('/statement/check');
}

for (const lng of languageCodes) {
  test(`no axe violations on any public page in ${lng}, in every theme`, async ({ page, context, baseURL }) => {
    await setPersonCookies(context, baseURL!, { lng });
    expect(await check(page, lng, [...publicPages.map((p) => p.path), ...signedOutPages])).toEqual([]);
  });

  test(`no axe violations on any signed-in page in ${lng}, in every theme`, async ({ page, context, baseURL }) => {
    await setPersonCookies(context, baseURL!, { lng });
    await signUpWithStatement(page);
    expect(await check(page, lng, signedInPages)).toEqual([]);
  });
}

test('no axe violations on forms answering with errors, in Welsh and in Arabic', async ({ page, context, baseURL }) => {
  for (const lng of ['cy', 'ar'] as const) {
    await setPersonCookies(context, baseURL!, { lng });
    await page.goto('/preferences');
    await page
      .locator('input[name="theme"]')
      .first()
      .evaluate((el) => ((el as HTMLInputElement).value = 'not-a-theme'));
    await page.locator('input[name="theme"]').first().check();
    await page.locator('form[method="post"] button[type="submit"]').click();
    await expect(page.locator('[data-error-summary]')).toBeVisible();
    let results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
    expect(results.violations.map((v) => `${lng} preferences: ${v.id} ${v.help}`)).toEqual([]);

    await page.goto('/sign-in');
    await page.locator('form[method="post"] button[type="submit"]').first().click();
    await expect(page.locator('[data-error-summary]')).toBeVisible();
    results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
    expect(results.violations.map((v) => `${lng} sign in: ${v.id} ${v.help}`)).toEqual([]);
  }
});

test('the axe check finds problems when there are some, in every theme', async ({ page }) => {
  await page.setContent(
    '<html lang="en"><head><title>x</title><style>[data-theme="dark"] p, [data-theme="contrast"] p { color: #777; background: #888 }</style></head>' +
      '<body><main><h1>x</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p>Low contrast in the dark themes</p></main></body></html>',
  );
  const problems = await axeEveryTheme(page);
  expect(problems.some((p) => p.startsWith('default: image-alt'))).toBe(true);
  expect(problems.some((p) => p.startsWith('dark: color-contrast'))).toBe(true);
  expect(problems.some((p) => p.startsWith('contrast: color-contrast'))).toBe(true);
  expect(problems.some((p) => p.startsWith('default: color-contrast'))).toBe(false);
});
