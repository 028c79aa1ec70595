import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './app/utils/chromium';

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;

// A fresh database for every run, so tests never depend on what an earlier run left. Set once in
// the main process, so the test workers (which load this file again) find the same folder.
process.env.E2E_DATA_DIR ??= path.join(os.tmpdir(), `in-my-words-e2e-${process.pid}`);
const dataDir = process.env.E2E_DATA_DIR;

export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'a11y/**/*.spec.ts'],
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['./tests/fixtures/summary-reporter.ts']],
  // Whole journeys (sign up, every question, two versions) take a while on a busy machine.
  timeout: 120_000,
  use: {
    baseURL,
    // A failed test keeps its trace: every action with the page's DOM at that moment. Screenshots
    // of every frame are left out: they cost processor time on every test, passed or not.
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: false },
    launchOptions: {
      executablePath: chromiumPath(),
      args: chromiumArgs,
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: 'npx tsx app/cli/serve.ts',
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    // Whole journeys (sign up, every question, two versions) take a while on a busy machine.
    timeout: 120_000,
    // The copy sent to case systems as HTML: the PDF is tested in app/delivery, and the server's
    // delivery loop making one for every share would take the browser tests' processor time.
    env: { PORT: String(port), DATA_DIR: dataDir, SEED_DEMO: '1', DELIVERY_COPY: 'html' },
  },
});
