// @vitest-environment node
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertSafeEndpoint, guardedLookup, newSigningSecret, parseRetryAfter, signAndSend, UnsafeEndpointError } from './sender.server';

const saved = { NODE_ENV: process.env.NODE_ENV, WEBHOOK_ALLOWLIST: process.env.WEBHOOK_ALLOWLIST };
beforeEach(() => {
  delete process.env.WEBHOOK_ALLOWLIST;
  process.env.NODE_ENV = 'test';
});
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

/** A real HTTP server on a free port that answers with `respond` and remembers what it was sent. */
async function server(respond: (request: http.IncomingMessage, response: http.ServerResponse) => void) {
  const requests: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const instance = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      requests.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      respond(request, response);
    });
  });
  await new Promise<void>((resolve) => instance.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(instance.address() as AddressInfo).port}/hook`;
  const close = () =>
    new Promise<void>((resolve) => {
      instance.closeAllConnections();
      instance.close(() => resolve());
    });
  return { url, requests, close };
}

const message = (body = '{"resourceType":"Bundle"}') => ({ id: 'msg_sendertest', timestamp: new Date(), body });

describe('which addresses may receive events', () => {
  const refusedInProduction: [string, RegExp][] = [
    ['http://example.com/hook', /must start with https/],
    ['https://10.0.0.1/hook', /private or internal network \(10\.0\.0\.1\)/],
    ['https://169.254.169.254/latest/meta-data', /private or internal/],
    ['https://[::1]/hook', /private or internal/],
    ['https://localhost:4000/hook', /private or internal/],
    ['https://100.64.0.7/hook', /private or internal/],
    ['https://192.168.1.20/hook', /private or internal/],
    ['https://[fd12:3456::1]/hook', /private or internal/],
    ['https://[fe80::1]/hook', /private or internal/],
    ['https://[::ffff:127.0.0.1]/hook', /private or internal/],
  ];

  it.each(refusedInProduction)('refuses %s in production', async (url, reason) => {
    process.env.NODE_ENV = 'production';
    await expect(assertSafeEndpoint(url)).rejects.toThrow(reason);
    await expect(assertSafeEndpoint(url)).rejects.toBeInstanceOf(UnsafeEndpointError);
  });

  it('allows a private system the operator named in WEBHOOK_ALLOWLIST, and a public address', async () => {
    process.env.NODE_ENV = 'production';
    process.env.WEBHOOK_ALLOWLIST = 'localhost, 10.0.0.1,[::1]';
    await expect(assertSafeEndpoint('https://localhost:4000/hook')).resolves.toBeUndefined();
    await expect(assertSafeEndpoint('https://10.0.0.1/hook')).resolves.toBeUndefined();
    await expect(assertSafeEndpoint('https://[::1]/hook')).resolves.toBeUndefined();
    await expect(assertSafeEndpoint('https://10.0.0.2/hook')).rejects.toThrow(/private/);
    // The allowlist lifts the address rule only: plain http is still refused in production.
    await expect(assertSafeEndpoint('http://localhost:4000/hook')).rejects.toThrow(/https/);
    await expect(assertSafeEndpoint('https://93.184.215.14/hook')).resolves.toBeUndefined();
  });

  it('outside production, allows plain http only to this computer', async () => {
    for (const url of ['http://localhost:4000/hook', 'http://127.0.0.1:4000/hook', 'http://[::1]:4000/hook', 'https://10.0.0.1/hook']) {
      await expect(assertSafeEndpoint(url)).resolves.toBeUndefined();
    }
    await expect(assertSafeEndpoint('http://example.com/hook')).rejects.toThrow(/https/);
    await expect(assertSafeEndpoint('ftp://example.com/hook')).rejects.toThrow(/https/);
    await expect(assertSafeEndpoint('https://user:secret@example.com/hook')).rejects.toThrow(/user name or password/);
    await expect(assertSafeEndpoint('not an address')).rejects.toThrow(/not a web address/);
  });

  it('checks the address again when connecting, so a name that changes what it points at is still refused', async () => {
    process.env.NODE_ENV = 'production';
    const lookup = guardedLookup('localhost')!;
    const error = await new Promise<unknown>((resolve) => lookup('localhost', { all: true }, (e) => resolve(e)));
    expect(error).toBeInstanceOf(UnsafeEndpointError);
    process.env.WEBHOOK_ALLOWLIST = 'localhost';
    expect(guardedLookup('localhost')).toBeUndefined();
  });

  it('refuses before sending anything', async () => {
    const target = await server((_request, response) => response.end());
    try {
      process.env.NODE_ENV = 'production';
      const result = await signAndSend({ url: target.url, secret: newSigningSecret() }, message());
      expect(result).toMatchObject({ status: null, error: expect.stringMatching(/https/) });
      expect(target.requests).toEqual([]);
    } finally {
      await target.close();
    }
  });
});

describe('sending a signed event', () => {
  it('signs with Standard Webhooks: the receiver verifies webhook-id, webhook-timestamp and webhook-signature', async () => {
    const target = await server((_request, response) => response.writeHead(204).end());
    try {
      const secret = newSigningSecret();
      const sent = message('{"resourceType":"Bundle","type":"collection"}');
      const result = await signAndSend({ url: target.url, secret }, sent);
      expect(result).toMatchObject({ status: 204, error: null, retryAfterSeconds: null });
      const [{ headers, body }] = target.requests as [{ headers: http.IncomingHttpHeaders; body: string }];
      expect(body).toBe(sent.body);
      expect(headers['webhook-id']).toBe('msg_sendertest');
      expect(headers['webhook-timestamp']).toBe(String(Math.floor(sent.timestamp.getTime() / 1000)));
      expect(headers['content-type']).toBe('application/fhir+json; fhirVersion=4.0');
      const signed = {
        'webhook-id': String(headers['webhook-id']),
        'webhook-timestamp': String(headers['webhook-timestamp']),
        'webhook-signature': String(headers['webhook-signature']),
      };
      expect(new Webhook(secret).verify(body, signed)).toEqual({ resourceType: 'Bundle', type: 'collection' });
      expect(() => new Webhook(newSigningSecret()).verify(body, signed)).toThrow();
    } finally {
      await target.close();
    }
  });

  it('while a rotated-out secret is still valid, signs with both, so either verifies', async () => {
    const target = await server((_request, response) => response.end());
    try {
      const [current, previous] = [newSigningSecret(), newSigningSecret()];
      await signAndSend({ url: target.url, secret: current, previousSecret: previous }, message());
      const [{ headers, body }] = target.requests as [{ headers: http.IncomingHttpHeaders; body: string }];
      const signed = {
        'webhook-id': String(headers['webhook-id']),
        'webhook-timestamp': String(headers['webhook-timestamp']),
        'webhook-signature': String(headers['webhook-signature']),
      };
      expect(signed['webhook-signature'].split(' ')).toHaveLength(2);
      expect(() => new Webhook(current).verify(body, signed)).not.toThrow();
      expect(() => new Webhook(previous).verify(body, signed)).not.toThrow();
    } finally {
      await target.close();
    }
  });

  it('never follows a redirect: a 3xx is a failure', async () => {
    const elsewhere = await server((_request, response) => response.end());
    const target = await server((_request, response) => response.writeHead(307, { location: elsewhere.url }).end());
    try {
      const result = await signAndSend({ url: target.url, secret: newSigningSecret() }, message());
      expect(result.status).toBe(307);
      expect(result.error).toMatch(/redirect.*never followed/);
      expect(elsewhere.requests).toEqual([]);
    } finally {
      await target.close();
      await elsewhere.close();
    }
  });

  it('gives up on a receiver that does not answer in time', async () => {
    const target = await server(() => {
      /* never answers */
    });
    try {
      const result = await signAndSend({ url: target.url, secret: newSigningSecret() }, message(), { timeoutMs: 300 });
      expect(result).toMatchObject({ status: null, error: 'No answer within 0.3 seconds.' });
      expect(result.durationMs).toBeGreaterThanOrEqual(290);
    } finally {
      await target.close();
    }
  });

  it('reads Retry-After', async () => {
    const target = await server((_request, response) => response.writeHead(503, { 'retry-after': '120' }).end());
    try {
      expect(await signAndSend({ url: target.url, secret: newSigningSecret() }, message())).toMatchObject({
        status: 503,
        retryAfterSeconds: 120,
        error: 'The receiver answered 503.',
      });
    } finally {
      await target.close();
    }
  });

  it('says when nothing is listening', async () => {
    const target = await server((_request, response) => response.end());
    await target.close();
    expect(await signAndSend({ url: target.url, secret: newSigningSecret() }, message())).toMatchObject({
      status: null,
      error: 'The receiver refused the connection.',
    });
  });

  it('understands Retry-After as seconds or as a date', () => {
    const now = Date.parse('2026-12-02T09:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter('Wed, 02 Dec 2026 09:10:00 GMT', now)).toBe(600);
    expect(parseRetryAfter('Wed, 02 Dec 2026 08:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });

  it('makes signing secrets of 32 random bytes that the library accepts', () => {
    const secret = newSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(newSigningSecret()).not.toBe(secret);
    expect(() => new Webhook(secret)).not.toThrow();
  });
});
