// @vitest-environment node
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as DbModule from '~/utils/db.server';
import { chromiumPath } from '~/utils/chromium';
import { freshTestDatabase } from '../../tests/fixtures/test-database';

// The server as a service manager runs it: a process of its own, stopped with SIGTERM while it
// is drawing a PDF with Chromium (whose launcher used to swallow the signal).
let database: Awaited<ReturnType<typeof freshTestDatabase>>;
let db: typeof DbModule;
let cookie: string;
let accountId: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  // The server serves the production build; make it if this checkout has none yet.
  if (!fs.existsSync(path.join(process.cwd(), 'build', 'index.js'))) execFileSync('npx', ['remix', 'build'], { stdio: 'ignore' });
  database = await freshTestDatabase('serve');
  db = await import('~/utils/db.server');
  await (await import('~/utils/migrate.server')).migrateToLatest(db.getDb());
  const account = await (await import('~/domain/accounts.server')).createAdultWithPassword('stopping-server', 'a long password', 'en');
  accountId = account!.id;
  const store = await import('~/domain/statement/store.server');
  const { emptyAnswer } = await import('~/domain/statement/answers');
  await store.saveAnswer(
    accountId,
    'anythingElse',
    emptyAnswer({ language: 'en', by: 'self', now: new Date().toISOString() }, { text: 'Hello' }),
  );
  await store.confirmVersion(accountId, 'en');
  const { startSession } = await import('~/utils/session.server');
  const setCookie = await startSession(accountId, new Request('http://localhost/'), { method: 'password', address: 'test' });
  cookie = setCookie.split(';')[0]!;
}, 120_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await database?.close(db);
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function get(port: number, pathname: string): Promise<{ status: number; type: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: pathname, headers: { Cookie: cookie } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode!, type: String(response.headers['content-type']), body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}

async function lastSeen(): Promise<string> {
  const row = await db.getDb().selectFrom('session').select('last_seen_at').where('account_id', '=', accountId).executeTakeFirstOrThrow();
  return row.last_seen_at;
}

describe('the server on SIGTERM', () => {
  it.runIf(chromiumPath())(
    'answers the PDF request in progress, closes Chromium and the database, and exits 0 within 10 seconds',
    async () => {
      const port = await freePort();
      const child = spawn(process.execPath, ['--import', 'tsx', 'app/cli/serve.ts'], {
        env: { ...process.env, PORT: String(port), SEED_DEMO: '0', DELIVERY_IN_SERVER: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
        child.on('exit', (code) => resolve({ code, at: Date.now() })),
      );
      await until(() => output.includes('is running at'), 'the server to start');

      // The first PDF launches Chromium; the second is the request in progress when the signal comes.
      const first = await get(port, '/statement/versions/1/pdf');
      expect(first.type).toBe('application/pdf');
      const before = await lastSeen();
      const inProgress = get(port, '/statement/versions/1/pdf');
      // The server has signed the request in (it moved the session on): it is being answered now.
      await until(async () => (await lastSeen()) !== before, 'the server to take the request');
      const signalled = Date.now();
      child.kill('SIGTERM');

      const answer = await inProgress;
      expect(answer.status).toBe(200);
      expect(answer.body.subarray(0, 5).toString()).toBe('%PDF-');
      const { code, at } = await exited;
      expect(code, output).toBe(0);
      expect(at - signalled).toBeLessThan(10_000);
      expect(output).toMatch(/Stopped\./);
    },
    120_000,
  );
});
