import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { themes } from '../../app/domain/preferences';
import { languageCodes, publicPages, setPersonCookies } from '../fixtures/pages';

/**
 * axe over every page, in every language and every colour theme. The tags are pinned so a new
 * axe release cannot quietly check less. No rule is switched off; if one ever must be, it goes
 * in `disabledRules` with the reason beside it.
 */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const disabledRules: { id: string; reason: string }[] = [];

for (const lng of languageCodes) {
  for (const theme of themes) {
    test(`no axe violations: every page in ${lng}, ${theme} theme`, async ({ page, context, baseURL }) => {
      await setPersonCookies(context, baseURL!, { lng, preferences: { theme } });
      const problems: string[] = [];
      for (const { name, path } of publicPages) {
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('lang', lng);
        const results = await new AxeBuilder({ page })
          .withTags(wcagTags)
          .disableRules(disabledRules.map((r) => r.id))
          .analyze();
        for (const v of results.violations) {
          problems.push(`${name} (${path}): ${v.id} – ${v.help} – ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
}

test('no axe violations on a form answering with errors, in Welsh and in Arabic', async ({ page, context, baseURL }) => {
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
    const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
    expect(results.violations.map((v) => `${lng}: ${v.id} ${v.help}`)).toEqual([]);
  }
});
