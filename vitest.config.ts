import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '~': path.resolve(import.meta.dirname, 'app') } },
  test: {
    include: ['app/**/*.test.{ts,tsx}', 'db/**/*.test.ts', 'tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20000,
    // The delivered copy as HTML, not a PDF made by Chromium on every share; the tests that are
    // about the PDF ask for it (app/delivery/fhir.server.test.ts).
    env: { DELIVERY_COPY: 'html' },
    reporters: ['default', './tests/fixtures/vitest-summary-reporter.ts'],
  },
});
