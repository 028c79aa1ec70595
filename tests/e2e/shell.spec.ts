import { expect, test } from '@playwright/test';
import { setPersonCookies, waitForHydration } from '../fixtures/pages';

const neutralSite = 'https://www.bbc.co.uk/weather';

test.beforeEach(async ({ page }) => {
  // The neutral site is outside this machine; answer for it so leaving can be seen to work.
  await page.route('https://www.bbc.co.uk/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><h1>Weather</h1>' }),
  );
});

test('every page has one h1, the landmarks, a skip link and a title naming the page', async ({ page }) => {
  await page.goto('/staying-safe');
  await expect(page).toHaveTitle('Staying safe online – In My Words');
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('contentinfo')).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toHaveAttribute('href', '#main-content');
});

test('Exit this page replaces this page in the history and goes to the neutral site', async ({ page }) => {
  await page.goto('/glossary');
  await page.goto('/staying-safe');
  await waitForHydration(page);
  const exit = page.getByRole('link', { name: 'Emergency Exit this page' });
  await expect(exit).toHaveAttribute('rel', 'nofollow noreferrer');
  await exit.click();
  await expect(page).toHaveURL(neutralSite);
  await page.goBack();
  // Back skips the page the person left: it was replaced, not added to.
  await expect(page).toHaveURL(/\/glossary$/);
});

test('pressing Shift 3 times leaves the portal', async ({ page }) => {
  await page.goto('/');
  await waitForHydration(page);
  await page.keyboard.press('Shift');
  await expect(page.getByRole('status').filter({ hasText: 'press 2 more times' })).toHaveCount(1);
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await expect(page).toHaveURL(neutralSite);
});

test('Exit this page works as a plain link without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.route('https://www.bbc.co.uk/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Weather</title>' }));
  await page.goto('/');
  await page.getByRole('link', { name: 'Emergency Exit this page' }).click();
  await expect(page).toHaveURL(neutralSite);
  await context.close();
});

test('after moving to another page, focus is on its h1 and the new title is announced', async ({ page }) => {
  await page.goto('/');
  await waitForHydration(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Staying safe online' }).click();
  await expect(page.locator('h1')).toHaveText('Staying safe online');
  await expect(page.locator('h1')).toBeFocused();
  await expect(page.locator('[data-route-announcer]')).toHaveText('Staying safe online – In My Words');
});

test('the language switcher changes every word, the lang and the direction, and remembers the choice', async ({ page }) => {
  await page.goto('/staying-safe');
  await page.getByRole('link', { name: /Language/ }).click();
  await page.getByRole('button', { name: 'اردو' }).click();
  await expect(page).toHaveURL(/\/staying-safe$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ur');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('h1')).not.toHaveText('Staying safe online');
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ur');
});

test('without a cookie, ?lng= and then Accept-Language choose the language', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'pl-PL' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await page.goto('/?lng=bn');
  await expect(page.locator('html')).toHaveAttribute('lang', 'bn');
  await context.close();
});

test('right-to-left pages put the picture on the right of the words', async ({ page, context, baseURL }) => {
  for (const [lng, pictureSide] of [
    ['en', 'left'],
    ['ar', 'right'],
  ] as const) {
    await setPersonCookies(context, baseURL!, { lng });
    await page.goto('/');
    const block = page.locator('.easy-read').first();
    const picture = await block.locator('img').boundingBox();
    const words = await block.locator('.easy-read__words').boundingBox();
    expect(picture && words).toBeTruthy();
    const onLeft = picture!.x + picture!.width <= words!.x + 1;
    expect(onLeft ? 'left' : 'right').toBe(pictureSide);
  }
});

test('preferences are rendered by the server, with no flash, and kept', async ({ page }) => {
  await page.goto('/preferences');
  await page.getByRole('radio', { name: 'Largest' }).check();
  await page.getByRole('radio', { name: 'Strong colours that are easier to see' }).check();
  await page.getByRole('radio', { name: 'Hide pictures' }).check();
  await page.getByRole('button', { name: 'Save my choices' }).click();
  await expect(page.getByRole('alert')).toContainText('Your choices are saved.');
  // The first bytes the server sends already carry the choices: nothing waits for a script.
  const html = await (await page.request.get('/')).text();
  expect(html).toMatch(/<html[^>]*data-theme="contrast"/);
  expect(html).toMatch(/<html[^>]*data-text-size="largest"/);
  await page.goto('/');
  await expect(page.locator('img.picture').first()).toBeHidden();
});

test('data saver sends pages with no JavaScript at all', async ({ page, context, baseURL }) => {
  await setPersonCookies(context, baseURL!, { preferences: { dataSaver: 'on' } });
  const html = await (await page.request.get('/')).text();
  expect(html).not.toContain('<script');
  await page.goto('/preferences');
  await expect(page.getByRole('button', { name: 'Read this page aloud' })).toHaveCount(0);
});

test('bad input gets an error summary, a message by the field, an "Error:" title, in the person’s language', async ({
  page,
  context,
  baseURL,
}) => {
  await setPersonCookies(context, baseURL!, { lng: 'cy' });
  await page.goto('/preferences');
  await page.getByRole('radio').nth(2).check();
  const theme = page.locator('input[name="theme"]').first();
  await theme.evaluate((el) => ((el as HTMLInputElement).value = 'purple'));
  await theme.check();
  await page.locator('form[method="post"] button[type="submit"]').click();
  const summary = page.locator('[data-error-summary]');
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Gwall: /);
  const message = summary.getByRole('link');
  await expect(message).toHaveCount(1);
  await expect(page.locator('#theme-error')).toContainText(await message.innerText());
  // What the person chose elsewhere on the form is still chosen.
  await expect(page.getByRole('radio').nth(2)).toBeChecked();
  await message.click();
  await expect(page.locator('#theme')).toBeFocused();
});

test('the read aloud button is hidden without a voice, and reads the page in its language when there is one', async ({ browser }) => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const spoken: { text: string; lang: string }[] = [];
    (window as unknown as { spoken: typeof spoken }).spoken = spoken;
    class FakeUtterance {
      lang = '';
      voice: unknown = null;
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(public text: string) {}
    }
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance });
    Object.defineProperty(window, 'speechSynthesis', {
      value: {
        getVoices: () => [{ lang: 'cy-GB', name: 'Welsh' }],
        speak: (u: FakeUtterance) => spoken.push({ text: u.text, lang: u.lang }),
        cancel: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      },
    });
  });
  const page = await context.newPage();
  await page.goto('/');
  await waitForHydration(page);
  await expect(page.locator('.read-aloud')).toBeHidden();
  await page.goto('/?lng=cy');
  await waitForHydration(page);
  const button = page.locator('.read-aloud button');
  await expect(button).toBeVisible();
  await button.click();
  const spoken = await page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken);
  expect(spoken).toHaveLength(1);
  expect(spoken[0]!.lang).toBe('cy');
  expect(spoken[0]!.text).toContain(await page.locator('h1').innerText());
  await context.close();
});

test('a cross-site form post is refused', async ({ request, baseURL }) => {
  const response = await request.post('/preferences', {
    headers: { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
    data: 'theme=dark',
  });
  expect(response.status()).toBe(403);
  const same = await request.post('/language', {
    headers: { Origin: baseURL!, 'Content-Type': 'application/x-www-form-urlencoded' },
    data: 'lng=cy&returnTo=/',
    maxRedirects: 0,
  });
  expect(same.status()).toBe(302);
});

test('the language switcher never sends the person to another site', async ({ request }) => {
  const response = await request.post('/language', { form: { lng: 'cy', returnTo: '//evil.example/' }, maxRedirects: 0 });
  expect(response.headers().location).toBe('/');
});
