/**
 * `npm run bench`: for each page, the bytes a person's phone downloads and how fast the server
 * answers, beside a plain node:http server sending the same HTML in the same run (the ratio is
 * the figure to watch; absolute numbers depend on the machine). Also the data-saver size.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { publicPages } from '../fixtures/pages';
import { benchDelivery } from './delivery';

const port = Number(process.env.BENCH_PORT ?? 3200);
const baselinePort = port + 1;
const base = `http://localhost:${port}`;
const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const connections = 20;

function cookie(value: unknown) {
  return Buffer.from(JSON.stringify(value)).toString('base64');
}
const dataSaverCookie = `prefs=${cookie({ textSize: 'standard', theme: 'default', font: 'standard', pictures: 'on', readAloud: 'on', dataSaver: 'on' })}`;

async function startPortal(): Promise<ChildProcess> {
  const server = spawn('npx', ['tsx', 'app/cli/serve.ts'], {
    env: { ...process.env, PORT: String(port), NODE_ENV: 'production', DATA_DIR: path.join(os.tmpdir(), `imw-bench-${process.pid}`) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return server;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('The portal did not start');
}

function assetsOf(html: string): { js: string[]; css: string[] } {
  const js = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+)"/g)].map((m) => m[1]!);
  const moduleImports = [...html.matchAll(/import\s*(?:\*\s*as\s*\w+\s*from\s*)?"([^"]+\.js)"/g)].map((m) => m[1]!);
  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  return { js: [...new Set([...js, ...moduleImports])], css: [...new Set(css)] };
}

async function gzipBytes(urls: string[]): Promise<number> {
  let total = 0;
  for (const url of urls) {
    const body = Buffer.from(await (await fetch(new URL(url, base))).arrayBuffer());
    total += gzipSync(body, { level: 9 }).length;
  }
  return total;
}

async function load(url: string, expectedStatus = 200): Promise<{ rps: number; p95: number; errors: number }> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  latencies.sort((a, b) => a - b);
  const p95 = latencies[Math.floor(latencies.length * 0.95)] ?? 0;
  // The not-found page answers 404 on purpose; only other statuses count as errors there.
  return {
    rps: result.requests.average,
    p95: Math.round(p95 * 10) / 10,
    errors: result.errors + (expectedStatus === 200 ? result.non2xx : 0),
  };
}

function baselineServer(html: Buffer): Promise<http.Server> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': html.length });
    res.end(html);
  });
  return new Promise((resolve) => server.listen(baselinePort, () => resolve(server)));
}

async function main() {
  const portal = await startPortal();
  const rows: Record<string, string | number>[] = [];
  try {
    for (const page of publicPages) {
      const url = `${base}${page.path}`;
      const html = await (await fetch(url)).text();
      const { js, css } = assetsOf(html);
      const saverHtml = await (await fetch(url, { headers: { Cookie: dataSaverCookie } })).text();
      const saverCss = assetsOf(saverHtml).css;
      const portalLoad = await load(url, page.path === '/no-such-page' ? 404 : 200);
      const baseline = await baselineServer(Buffer.from(html));
      const plainLoad = await load(`http://localhost:${baselinePort}${page.path}`);
      plainLoad.p95 = Math.round(plainLoad.p95 * 10) / 10;
      await new Promise((r) => baseline.close(r));
      rows.push({
        page: page.name,
        'html bytes': Buffer.byteLength(html),
        'js gzip': await gzipBytes(js),
        'css gzip': await gzipBytes(css),
        'data saver html': Buffer.byteLength(saverHtml),
        'data saver css gzip': await gzipBytes(saverCss),
        'req/s': Math.round(portalLoad.rps),
        'p95 ms': portalLoad.p95,
        errors: portalLoad.errors,
        'plain req/s': Math.round(plainLoad.rps),
        'plain p95 ms': plainLoad.p95,
        'portal/plain': (portalLoad.rps / Math.max(plainLoad.rps, 1)).toFixed(3),
      });
    }
  } finally {
    portal.kill();
  }
  console.log(`\nPages (${connections} connections, ${seconds} s each, ${os.cpus().length} cores, Node ${process.version})`);
  console.table(rows);
  await benchDelivery();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
