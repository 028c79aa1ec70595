import { expect, test, type Page } from '@playwright/test';
import { axeEveryTheme } from '../fixtures/axe';
import { languageCodes, setPersonCookies } from '../fixtures/pages';
import { uniqueUsername } from '../fixtures/statement';
import { words } from '../fixtures/words';

/**
 * axe over the data-rights pages (download, the copy to read, delete with and without its error,
 * and the page after deletion), in every language and every colour theme. One signed-in person a
 * language, made once and used for every page.
 */
test.describe.configure({ timeout: 180_000 });

/** Signs up and writes enough that the copy to read has answers and a version to show. */
async function signUpWithStatement(page: Page) {
  const request = page.request;
  await request.post('/sign-up', { form: { username: uniqueUsername('axe-rights'), password: 'a long enough password' } });
  await request.post('/statement/about-me/name', { form: { intent: 'save', text: 'Jo' } });
  await request.post('/statement/about-me/communication', { form: { intent: 'save', codes: 'speaking', text: 'Slowly, please.' } });
  await request.post('/statement/feelings/feelings/home', { form: { intent: 'save', rating: 'happy' } });
  await request.post('/statement/people/notTold', { form: { intent: 'save', text: 'My nephew', reason: 'He takes my money.' } });
  await request.post('/statement/check');
}

for (const lng of languageCodes) {
  test(`no axe violations on the data-rights pages in ${lng}, in every theme`, async ({ page, context, baseURL }) => {
    const t = words(lng);
    await setPersonCookies(context, baseURL!, { lng });
    await signUpWithStatement(page);
    const problems: string[] = [];
    const check = async (name: string) => {
      await expect(page.locator('html')).toHaveAttribute('lang', lng);
      // Target sizes are measured from the layout, so wait until the page's fonts have settled it.
      await page.evaluate(async () => {
        await document.fonts.ready;
      });
      problems.push(...(await axeEveryTheme(page)).map((p) => `${name} ${p}`));
    };

    for (const path of ['/account/download', '/account/download/copy', '/account/delete']) {
      await page.goto(path);
      await check(path);
    }

    await page.getByRole('button', { name: t('rights:delete.submit') }).click();
    await expect(page.locator('[data-error-summary]')).toBeVisible();
    await check('/account/delete (error)');

    await page.getByRole('checkbox', { name: t('rights:delete.understand') }).check();
    await page.getByRole('button', { name: t('rights:delete.submit') }).click();
    await expect(page).toHaveURL(/\/account-deleted$/);
    await check('/account-deleted');

    expect(problems).toEqual([]);
  });
}
