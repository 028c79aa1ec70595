import { expect, test } from '@playwright/test';
import { publicPages, setPersonCookies } from '../fixtures/pages';

// WCAG 1.4.10: at 320 CSS pixels wide nothing scrolls sideways, even with the largest text.
for (const lng of ['en', 'cy', 'ur', 'bn'] as const) {
  test(`no horizontal scrolling at 320 px wide with the largest text (${lng})`, async ({ page, context, baseURL }) => {
    await setPersonCookies(context, baseURL!, { lng, preferences: { textSize: 'largest' } });
    await page.setViewportSize({ width: 320, height: 640 });
    const overflowing: string[] = [];
    for (const { path } of publicPages) {
      await page.goto(path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) overflowing.push(`${path}: ${width}px`);
    }
    expect(overflowing).toEqual([]);
  });
}
