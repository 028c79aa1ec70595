import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Webhook } from 'standardwebhooks';

/**
 * The reference receiver: what an integrator's system has to do, in one small file. It checks
 * the Standard Webhooks signature with every secret it knows (so a secret can be rotated),
 * refuses anything unsigned, tampered or too old with 401, keeps each webhook-id once (a repeat
 * is answered 200 and dropped), and shows what arrived. The tests use it as the far end.
 */

export interface ReceivedEvent {
  id: string;
  /** The event type from the Bundle's tag, such as `share.created`. */
  type: string | null;
  /** The webhook-timestamp of the attempt that was stored. */
  timestamp: string;
  receivedAt: string;
  bundle: unknown;
}

export type AttemptOutcome = 'stored' | 'duplicate' | 'refused' | 'failed-on-purpose' | 'held' | 'bad-request';

export interface ReceiverAttempt {
  id: string | null;
  at: string;
  outcome: AttemptOutcome;
}

export interface ReceiverOptions {
  /** 0 (the default) takes any free port. */
  port?: number;
  host?: string;
  /** Every secret that may have signed a message: the current one and, during a rotation, the one before. */
  secrets: string[];
  /** Answer 503 to the first n attempts of each webhook-id (for tests of retrying). */
  failFirst?: number;
  /** Never answer the first n attempts of each webhook-id, before or after storing it (for tests of a sender that dies mid-request). */
  hold?: { first: number; when: 'before-storing' | 'after-storing' };
  /** A JSON file that keeps what arrived across restarts. */
  file?: string;
  /** The largest body accepted, in bytes (a printable copy makes a Bundle large). */
  maxBytes?: number;
  /** Called after every attempt, for a log. */
  onAttempt?: (attempt: ReceiverAttempt) => void;
}

export interface Receiver {
  url: string;
  port: number;
  received: ReceivedEvent[];
  attempts: ReceiverAttempt[];
  close(): Promise<void>;
}

/** Escapes text for HTML: every value shown came from outside. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Long strings (a base64 PDF) shortened for the page; the stored copy keeps them whole. */
function forDisplay(value: unknown): unknown {
  if (typeof value === 'string') return value.length > 300 ? `${value.slice(0, 80)}… (${value.length} characters)` : value;
  if (Array.isArray(value)) return value.map(forDisplay);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, forDisplay(v)]));
  return value;
}

function page(received: ReceivedEvent[]): string {
  const rows = [...received]
    .reverse()
    .map(
      (event) =>
        `<li><p><strong>${escapeHtml(event.type ?? 'unknown type')}</strong> · <code>${escapeHtml(event.id)}</code> · received ${escapeHtml(event.receivedAt)}</p>` +
        `<details><summary>The Bundle</summary><pre>${escapeHtml(JSON.stringify(forDisplay(event.bundle), null, 2))}</pre></details></li>`,
    )
    .join('');
  return (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Reference receiver</title></head><body><main>' +
    `<h1>Events received</h1><p>${received.length} stored, newest first. Each webhook-id is kept once.</p>` +
    (rows ? `<ol>${rows}</ol>` : '<p>Nothing yet.</p>') +
    '</main></body></html>'
  );
}

function typeOf(bundle: unknown): string | null {
  const tags = (bundle as { meta?: { tag?: { code?: string }[] } } | null)?.meta?.tag ?? [];
  const code = tags.find((tag) => tag.code?.startsWith('event.'))?.code;
  return code ? code.slice('event.'.length) : null;
}

function readBody(request: http.IncomingMessage, maxBytes: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > maxBytes ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

/** Starts the receiver; resolves once it is listening. */
export async function startReceiver(options: ReceiverOptions): Promise<Receiver> {
  const verifiers = options.secrets.map((secret) => new Webhook(secret));
  const maxBytes = options.maxBytes ?? 25 * 1024 * 1024;
  const received: ReceivedEvent[] =
    options.file && fs.existsSync(options.file) ? (JSON.parse(fs.readFileSync(options.file, 'utf8')) as ReceivedEvent[]) : [];
  const stored = new Set(received.map((event) => event.id));
  const attempts: ReceiverAttempt[] = [];
  const attemptsOf = new Map<string, number>();
  const held = new Set<Socket>();

  const log = (id: string | null, outcome: AttemptOutcome) => {
    const attempt = { id, at: new Date().toISOString(), outcome };
    attempts.push(attempt);
    options.onAttempt?.(attempt);
  };
  const answer = (response: http.ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  const hold = (request: http.IncomingMessage, id: string) => {
    held.add(request.socket);
    log(id, 'held');
  };

  const server = http.createServer((request, response) => {
    void (async () => {
      if (request.method === 'GET' && request.url === '/received.json') return answer(response, 200, { received, attempts });
      if (request.method === 'GET' && request.url === '/') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'" });
        return response.end(page(received));
      }
      if (request.method !== 'POST') return answer(response, 405, { error: 'Send events with POST.' });

      const body = await readBody(request, maxBytes);
      if (body === null) return answer(response, 413, { error: 'Too large.' });
      const headers = {
        'webhook-id': single(request.headers['webhook-id']),
        'webhook-timestamp': single(request.headers['webhook-timestamp']),
        'webhook-signature': single(request.headers['webhook-signature']),
      };
      const id = headers['webhook-id'] || null;
      // A message is genuine if any known secret verifies it; the library also refuses a timestamp more than 5 minutes out.
      const genuine = verifiers.some((verifier) => {
        try {
          verifier.verify(body, headers, { jsonParse: false });
          return true;
        } catch {
          return false;
        }
      });
      if (!genuine || !id) {
        log(id, 'refused');
        return answer(response, 401, { error: 'The signature is missing, wrong or too old.' });
      }

      const count = (attemptsOf.get(id) ?? 0) + 1;
      attemptsOf.set(id, count);
      if (count <= (options.failFirst ?? 0)) {
        log(id, 'failed-on-purpose');
        return answer(response, 503, { error: 'Refused on purpose (RECEIVER_FAIL_FIRST).' });
      }
      const holding = options.hold && count <= options.hold.first ? options.hold.when : null;
      if (holding === 'before-storing') return hold(request, id);
      if (stored.has(id)) {
        log(id, 'duplicate');
        return answer(response, 200, { duplicate: true });
      }
      let bundle: unknown;
      try {
        bundle = JSON.parse(body);
      } catch {
        log(id, 'bad-request');
        return answer(response, 400, { error: 'The body is not JSON.' });
      }
      received.push({ id, type: typeOf(bundle), timestamp: headers['webhook-timestamp'], receivedAt: new Date().toISOString(), bundle });
      stored.add(id);
      if (options.file) fs.writeFileSync(options.file, JSON.stringify(received));
      if (holding === 'after-storing') return hold(request, id);
      log(id, 'stored');
      answer(response, 200, { stored: true });
    })().catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) answer(response, 500, { error: 'The receiver failed.' });
    });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const host = !options.host || options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    received,
    attempts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of held) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
