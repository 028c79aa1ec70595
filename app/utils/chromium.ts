import fs from 'node:fs';

/**
 * Where Chromium is and how to start it, for the PDF copy, the browser tests and the check
 * that installs it. Debian's Chromium where it is installed (Playwright cannot download its own
 * here); CHROMIUM_PATH overrides it; undefined lets Playwright use its own.
 */
export function chromiumPath(): string | undefined {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (p): p is string => Boolean(p) && fs.existsSync(p!),
  );
}

/** Headless on a server or in CI: no sandbox (root), no GPU, and no calls home to a closed network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
