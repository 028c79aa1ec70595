import path from 'node:path';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/**
 * The domain and delivery tests that write through transactions (sharing, the outbox, sending,
 * the pull API), and those of sessions and the audit trail, run twice: on SQLite, and on PostgreSQL when TEST_DATABASE_URL names a server
 * (CI starts one), each file in a database of its own (tests/fixtures/test-database.ts).
 */
const onBothDatabases = [
  'app/domain/sharing/shares.server.test.ts',
  'app/delivery/outbox.server.test.ts',
  'app/delivery/deliver.server.test.ts',
  'app/delivery/pull.server.test.ts',
  'app/delivery/endpoints.server.test.ts',
  'app/delivery/tokens.server.test.ts',
  'app/delivery/fhir.server.test.ts',
  'app/domain/audit.server.test.ts',
];

const postgresProject: TestProjectInlineConfiguration[] = process.env.TEST_DATABASE_URL
  ? [{ extends: true, test: { name: 'postgres', include: onBothDatabases, env: { DELIVERY_COPY: 'html', TEST_DATABASE: 'postgres' } } }]
  : [];

export default defineConfig({
  resolve: { alias: { '~': path.resolve(import.meta.dirname, 'app') } },
  test: {
    environment: 'node',
    testTimeout: 20000,
    // The delivered copy as HTML, not a PDF made by Chromium on every share; the tests that are
    // about the PDF ask for it (app/delivery/fhir.server.test.ts).
    env: { DELIVERY_COPY: 'html' },
    reporters: ['default', './tests/fixtures/vitest-summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'sqlite', include: ['app/**/*.test.{ts,tsx}', 'db/**/*.test.ts', 'tests/unit/**/*.test.{ts,tsx}'] },
      },
      ...postgresProject,
    ],
  },
});
