/**
 * The browser tests need Chromium. Playwright cannot download its own build on every machine, so
 * this uses, in order: CHROMIUM_PATH; Debian's /usr/bin/chromium; Playwright's own browser. When
 * none is there and we run as root with apt, it installs Debian's `chromium`; otherwise it says
 * exactly what to do, and stops.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import { chromiumPath } from '../utils/chromium';

async function playwrightBrowser(): Promise<string | null> {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return fs.existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = fs.existsSync('/usr/bin/apt-get');
// The printable copy (PDF) needs fonts for every script: Debian's Noto fonts carry them all.
const notoFonts = '/usr/share/fonts/truetype/noto';

const found = chromiumPath() ?? (await playwrightBrowser());
if (found) {
  console.log(`Browser for tests: ${found}`);
  if (!fs.existsSync(notoFonts) && isRoot && hasApt) {
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-core', { stdio: 'inherit' });
  }
  process.exit(0);
}

if (isRoot && hasApt) {
  console.log('No Chromium found: installing Debian’s chromium and Noto fonts (about a minute)…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core', { stdio: 'inherit' });
  process.exit(fs.existsSync('/usr/bin/chromium') ? 0 : 1);
}

console.error(
  [
    'The browser tests need Chromium, and none was found.',
    'Do one of these, then run `npm test` again:',
    '  - on Debian or Ubuntu: sudo apt-get install chromium',
    '  - where Playwright can download: npx playwright install chromium',
    '  - or point at a Chromium you have: CHROMIUM_PATH=/path/to/chromium npm test',
  ].join('\n'),
);
process.exit(1);
