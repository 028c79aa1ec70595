// @vitest-environment node
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as SealedModule from '~/domain/sealed.server';
import type * as EndpointsModule from './endpoints.server';
import { temporaryIntegrationDatabase } from './integration-test-database';

const database = temporaryIntegrationDatabase('endpoints');
let endpoints: typeof EndpointsModule;
let sealed: typeof SealedModule;

/** A receiver on this computer that answers with `answer` and keeps what arrived. */
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
let answer = 200;
let receiver: http.Server;
let hookUrl = '';

beforeAll(async () => {
  endpoints = await import('./endpoints.server');
  sealed = await import('~/domain/sealed.server');
  receiver = http.createServer((request, response) => {
    // Chunks are joined before decoding: a character split across two chunks must stay whole.
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: request.headers, body });
      response.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://localhost:${(receiver.address() as AddressInfo).port}/hook`;
});

afterAll(async () => {
  await new Promise((resolve) => receiver?.close(resolve));
});

async function storedRow(id: string) {
  return database.getDb().selectFrom('webhook_endpoint').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function connected(url = hookUrl) {
  const organisationId = await database.makeOrganisation();
  const added = await endpoints.addEndpoint(organisationId, url);
  if (!added.ok) throw new Error(`not added: ${JSON.stringify(added.errors)}`);
  return { organisationId, ...added };
}

describe('the address of an endpoint', () => {
  it('must be a full https address (plain http only to this computer, outside production)', async () => {
    expect(await endpoints.endpointUrlProblem('cases.example.org/hook')).toBe('integration:errors.urlInvalid');
    expect(await endpoints.endpointUrlProblem('ftp://cases.example.org/hook')).toBe('integration:errors.urlInvalid');
    expect(await endpoints.endpointUrlProblem('http://cases.example.org/hook')).toBe('integration:errors.urlHttps');
    expect(await endpoints.endpointUrlProblem('https://user:password@cases.example.org/hook')).toBe('integration:errors.urlUnsafe');
    expect(await endpoints.endpointUrlProblem('http://localhost:4000/hook')).toBeNull();
    expect(await endpoints.endpointUrlProblem('https://cases.example.org/in-my-words')).toBeNull();
  });

  it('is checked by the form for being there and not too long', () => {
    expect(endpoints.newEndpointSchema.safeParse({ url: ' ' }).error?.issues[0]?.message).toBe('integration:errors.urlEmpty');
    expect(endpoints.newEndpointSchema.safeParse({ url: `https://x.example/${'a'.repeat(2000)}` }).error?.issues[0]?.message).toBe(
      'integration:errors.urlLong',
    );
  });
});

describe('connecting an endpoint', () => {
  it('returns a Standard Webhooks secret once and keeps only an encrypted copy', async () => {
    const { organisationId, id, url, secret } = await connected();
    expect(url).toBe(hookUrl);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const row = await storedRow(id);
    expect(row).toMatchObject({ organisation_id: organisationId, url: hookUrl, status: 'active', previous_secret: null });
    expect(row.secret).not.toContain(secret.slice(6));
    expect(sealed.unseal(row.secret, id)).toBe(secret);
    expect(await endpoints.endpointsOf(organisationId)).toEqual([
      { id, url: hookUrl, status: 'active', disabledReason: null, createdAt: row.created_at, previousSecretUntil: null },
    ]);
  });

  it('refuses the same address twice for one organisation, and what is refused is not stored', async () => {
    const { organisationId } = await connected();
    expect(await endpoints.addEndpoint(organisationId, hookUrl)).toEqual({ ok: false, errors: { url: 'integration:errors.urlTaken' } });
    expect(await endpoints.addEndpoint(organisationId, 'http://cases.example.org/')).toEqual({
      ok: false,
      errors: { url: 'integration:errors.urlHttps' },
    });
    expect(await endpoints.endpointsOf(organisationId)).toHaveLength(1);
  });
});

describe('rotating the secret', () => {
  it('gives a new secret once, and keeps the old one valid for 24 hours', async () => {
    const { organisationId, id, secret } = await connected();
    const now = new Date('2026-12-01T10:00:00.000Z');
    const rotated = await endpoints.rotateSecret(organisationId, id, now);
    expect(rotated?.secret).toMatch(/^whsec_/);
    expect(rotated?.secret).not.toBe(secret);
    const row = await storedRow(id);
    expect(sealed.unseal(row.secret, id)).toBe(rotated?.secret);
    expect(sealed.unseal(row.previous_secret!, id)).toBe(secret);
    expect(row.previous_secret_expires_at).toBe('2026-12-02T10:00:00.000Z');
    const [listed] = await endpoints.endpointsOf(organisationId, now);
    expect(listed?.previousSecretUntil).toBe('2026-12-02T10:00:00.000Z');
    const [later] = await endpoints.endpointsOf(organisationId, new Date('2026-12-02T10:00:01.000Z'));
    expect(later?.previousSecretUntil).toBeNull();
  });
});

describe('sending a test', () => {
  it('posts a signed test message the receiver can verify, and reports its answer', async () => {
    const { organisationId, id, secret } = await connected();
    received.length = 0;
    answer = 204;
    const result = await endpoints.sendTest(organisationId, id);
    expect(result).toEqual({ url: hookUrl, status: 204, error: null, ok: true });
    const [message] = received;
    expect(message?.headers['webhook-id']).toMatch(/^msg_test_/);
    const verified = new Webhook(secret).verify(message!.body, {
      'webhook-id': String(message!.headers['webhook-id']),
      'webhook-timestamp': String(message!.headers['webhook-timestamp']),
      'webhook-signature': String(message!.headers['webhook-signature']),
    }) as { type: string };
    expect(verified.type).toBe('test');
  });

  it('signs with the old secret too while it is valid, so a receiver not yet changed still accepts it', async () => {
    const { organisationId, id, secret } = await connected();
    const rotated = await endpoints.rotateSecret(organisationId, id);
    received.length = 0;
    answer = 200;
    await endpoints.sendTest(organisationId, id);
    const [message] = received;
    const headers = {
      'webhook-id': String(message!.headers['webhook-id']),
      'webhook-timestamp': String(message!.headers['webhook-timestamp']),
      'webhook-signature': String(message!.headers['webhook-signature']),
    };
    expect(() => new Webhook(secret).verify(message!.body, headers)).not.toThrow();
    expect(() => new Webhook(rotated!.secret).verify(message!.body, headers)).not.toThrow();
  });

  it('reports a refusal with its status, and no answer with the reason', async () => {
    const { organisationId, id } = await connected();
    answer = 500;
    expect(await endpoints.sendTest(organisationId, id)).toMatchObject({ status: 500, ok: false });
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const gone = await connected(`http://localhost:${port}/hook`);
    const result = await endpoints.sendTest(gone.organisationId, gone.id);
    expect(result).toMatchObject({ status: null, ok: false });
    expect(result?.error).toBeTruthy();
  });
});

describe('another organisation', () => {
  it('can neither see, test, rotate, turn on nor remove an endpoint', async () => {
    const { organisationId, id } = await connected();
    const other = await database.makeOrganisation();
    received.length = 0;
    expect(await endpoints.endpointsOf(other)).toEqual([]);
    expect(await endpoints.sendTest(other, id)).toBeNull();
    expect(await endpoints.rotateSecret(other, id)).toBeNull();
    expect(await endpoints.enableEndpoint(other, id)).toBe(false);
    expect(await endpoints.removeEndpoint(other, id)).toBe(false);
    expect(received).toEqual([]);
    expect((await storedRow(id)).previous_secret).toBeNull();
    expect(await endpoints.endpointsOf(organisationId)).toHaveLength(1);
  });
});

describe('turning on and removing', () => {
  it('turns a disabled endpoint on again, without its reason, and removes one', async () => {
    const { organisationId, id } = await connected();
    await database
      .getDb()
      .updateTable('webhook_endpoint')
      .set({ status: 'disabled', disabled_reason: 'The receiver answered 410.' })
      .where('id', '=', id)
      .execute();
    expect((await endpoints.endpointsOf(organisationId))[0]).toMatchObject({
      status: 'disabled',
      disabledReason: 'The receiver answered 410.',
    });
    expect(await endpoints.enableEndpoint(organisationId, id)).toBe(true);
    expect((await endpoints.endpointsOf(organisationId))[0]).toMatchObject({ status: 'active', disabledReason: null });
    expect(await endpoints.removeEndpoint(organisationId, id)).toBe(true);
    expect(await endpoints.endpointsOf(organisationId)).toEqual([]);
  });
});
