/**
 * Starts the portal: migrates the database, creates the demo data in a new development
 * database, then serves the production build with Express.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import express from 'express';
import { startDeliveryLoop } from '../delivery/deliver.server';
import { closePdfBrowser } from '../delivery/printable-copy.server';
import { purgeExpiredAuditEvents } from '../domain/audit.server';
import { seedDemo, writeDemoAccounts } from '../domain/demo.server';
import { expireDueShares } from '../domain/sharing/shares.server';
import { isCrossSiteMutation } from '../utils/csrf.server';
import { getDb } from '../utils/db.server';
import { dataDir, isProduction, port, shouldSeedDemo } from '../utils/env.server';
import { migrateToLatest } from '../utils/migrate.server';
import { securityHeaders } from '../utils/security-headers.server';
import { stopOnSignals } from '../utils/shutdown.server';

const root = process.cwd();
const buildPath = path.join(root, 'build', 'index.js');
const development = process.env.NODE_ENV === 'development';

async function prepareDatabase() {
  const db = getDb();
  const applied = await migrateToLatest(db);
  if (applied.length > 0) console.log(`Database migrated: ${applied.join(', ')}`);
  if (!shouldSeedDemo()) return;
  const demo = await seedDemo(db);
  if (!demo) return;
  const file = path.join(dataDir, 'demo-accounts.json');
  writeDemoAccounts(file, demo);
  console.log(
    [
      '',
      'Demo accounts (also in ' + path.relative(root, file) + '):',
      `  organisation: ${demo.organisation}`,
      `  adult   username ${demo.adult.username}   password ${demo.adult.password}`,
      `  worker  email ${demo.worker.email}   password ${demo.worker.password}`,
      `  admin   email ${demo.admin.email}   password ${demo.admin.password}`,
      '  (the worker and admin sign in at /staff/sign-in; `npm run demo:code` prints their current codes)',
      '',
    ].join('\n'),
  );
}

/**
 * Work the server does on its own: sending queued events to organisations' systems (unless
 * DELIVERY_IN_SERVER=0, when `npm run deliver` does it), ending shares whose last day has passed,
 * and removing audit events past AUDIT_RETENTION_DAYS.
 */
function startBackgroundWork(): () => Promise<void> {
  const stopDelivery = process.env.DELIVERY_IN_SERVER !== '0' ? startDeliveryLoop() : async () => {};
  const expire = () => {
    void expireDueShares().catch((error: unknown) => console.error('Ending shares that have expired failed:', error));
    void purgeExpiredAuditEvents().catch((error: unknown) => console.error('Removing old audit events failed:', error));
  };
  expire();
  const timer = setInterval(expire, 5 * 60_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await stopDelivery();
  };
}

/** Stops taking requests and resolves once those in progress have been answered. */
function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Kept-alive connections with no request in progress would hold the server open; close them
    // now and as each in-progress request finishes.
    server.closeIdleConnections();
    const tidy = setInterval(() => server.closeIdleConnections(), 100);
    server.once('close', () => clearInterval(tidy));
  });
}

async function loadBuild(): Promise<ServerBuild> {
  if (!fs.existsSync(buildPath)) throw new Error('No build found: run `npm run build` first.');
  const stamp = development ? `?t=${fs.statSync(buildPath).mtimeMs}` : '';
  return (await import(`${buildPath}${stamp}`)) as ServerBuild;
}

async function main() {
  await prepareDatabase();
  const stopBackgroundWork = startBackgroundWork();
  const build = await loadBuild();
  const app = express();
  app.disable('x-powered-by');
  // Behind a reverse proxy, TRUST_PROXY names how many hops to trust for the client's address.
  if (process.env.TRUST_PROXY) app.set('trust proxy', Number(process.env.TRUST_PROXY) || process.env.TRUST_PROXY);

  app.use((req, res, next) => {
    const nonce = crypto.randomBytes(16).toString('base64');
    res.locals.cspNonce = nonce;
    res.set(securityHeaders(nonce, { development }));
    if (isProduction) res.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  });

  app.use((req, res, next) => {
    const headers = { get: (name: string) => req.get(name) ?? null };
    if (isCrossSiteMutation(req.method, headers, req.get('host') ?? '')) {
      res.status(403).type('text/plain').send('Forbidden');
      return;
    }
    next();
  });

  // Fingerprinted build files never change; everything else may.
  app.use('/build', express.static(path.join(root, 'public', 'build'), { immutable: true, maxAge: '1y' }));
  app.use(express.static(path.join(root, 'public'), { maxAge: '1h', index: false }));

  app.all(
    '*',
    createRequestHandler({
      build: development ? loadBuild : build,
      mode: build.mode,
      getLoadContext: (req, res) => ({
        cspNonce: String(res.locals.cspNonce),
        clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
      }),
    }),
  );

  const server = app.listen(port, () => {
    console.log(`In My Words is running at http://localhost:${port}`);
    if (development) void import('@remix-run/node').then(({ broadcastDevReady }) => broadcastDevReady(build));
  });

  stopOnSignals(async () => {
    await closeServer(server);
    await stopBackgroundWork();
    await closePdfBrowser();
    await getDb().destroy();
    console.log('Stopped.');
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
