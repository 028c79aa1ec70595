// @vitest-environment node
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from './receiver.server';
import { newSigningSecret, signAndSend } from './sender.server';

const open: Receiver[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()));
});

async function receiver(options: Partial<Parameters<typeof startReceiver>[0]> & { secrets: string[] }) {
  const started = await startReceiver(options);
  open.push(started);
  return started;
}

const bundle = (words = 'hello') =>
  JSON.stringify({ resourceType: 'Bundle', type: 'collection', meta: { tag: [{ code: 'event.share.created' }] }, words });

function signed(secret: string, id: string, body: string, at = new Date()) {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body),
  };
}

async function post(target: Receiver, body: string, headers: Record<string, string>) {
  const response = await fetch(`${target.url}/webhooks`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });
  return response.status;
}

describe('the reference receiver', () => {
  it('stores a genuine event once and shows it', async () => {
    const secret = newSigningSecret();
    const target = await receiver({ secrets: [secret] });
    const body = bundle();
    expect(await post(target, body, signed(secret, 'msg_1', body))).toBe(200);
    // The same webhook-id again (a repeat after a lost answer) is answered 200 and dropped.
    expect(await post(target, body, signed(secret, 'msg_1', body))).toBe(200);
    expect(target.received).toHaveLength(1);
    expect(target.received[0]).toMatchObject({ id: 'msg_1', type: 'share.created', bundle: JSON.parse(body) });
    expect(target.attempts.map((a) => a.outcome)).toEqual(['stored', 'duplicate']);

    const json = (await (await fetch(`${target.url}/received.json`)).json()) as { received: unknown[]; attempts: unknown[] };
    expect(json.received).toHaveLength(1);
    expect(json.attempts).toHaveLength(2);
  });

  it.each([
    [
      'a tampered body',
      (secret: string, body: string) => ({ body: body.replace('hello', 'HELLO'), headers: signed(secret, 'msg_t', body) }),
    ],
    [
      'a tampered signature',
      (secret: string, body: string) => {
        const headers = signed(secret, 'msg_t', body);
        const signature = headers['webhook-signature'];
        const flipped = signature.slice(0, 10) + (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11);
        return { body, headers: { ...headers, 'webhook-signature': flipped } };
      },
    ],
    [
      'a changed webhook-id',
      (secret: string, body: string) => ({ body, headers: { ...signed(secret, 'msg_t', body), 'webhook-id': 'msg_other' } }),
    ],
    ['the wrong secret', (_secret: string, body: string) => ({ body, headers: signed(newSigningSecret(), 'msg_t', body) })],
    [
      'an old timestamp',
      (secret: string, body: string) => ({ body, headers: signed(secret, 'msg_t', body, new Date(Date.now() - 10 * 60_000)) }),
    ],
    [
      'a timestamp in the future',
      (secret: string, body: string) => ({ body, headers: signed(secret, 'msg_t', body, new Date(Date.now() + 10 * 60_000)) }),
    ],
    ['no signature at all', (_secret: string, body: string) => ({ body, headers: {} })],
  ])('refuses %s with 401 and stores nothing', async (_name, make) => {
    const secret = newSigningSecret();
    const target = await receiver({ secrets: [secret] });
    const { body, headers } = make(secret, bundle());
    expect(await post(target, body, headers)).toBe(401);
    expect(target.received).toEqual([]);
    expect(target.attempts.map((a) => a.outcome)).toEqual(['refused']);
  });

  it('verifies with the previous secret during a rotation, and with the new one', async () => {
    const [previous, current] = [newSigningSecret(), newSigningSecret()];
    const target = await receiver({ secrets: [current, previous] });
    const body = bundle();
    expect(await post(target, body, signed(previous, 'msg_old', body))).toBe(200);
    expect(await post(target, body, signed(current, 'msg_new', body))).toBe(200);
    // And what the portal sends during a rotation (both signatures) verifies at a receiver that knows only one.
    const onlyOld = await receiver({ secrets: [previous] });
    const sent = await signAndSend(
      { url: onlyOld.url, secret: current, previousSecret: previous },
      { id: 'msg_both', timestamp: new Date(), body },
    );
    expect(sent.status).toBe(200);
    expect(target.received.map((e) => e.id)).toEqual(['msg_old', 'msg_new']);
    expect(onlyOld.received.map((e) => e.id)).toEqual(['msg_both']);
  });

  it('refuses the first attempts of each event on purpose when asked, for tests of retrying', async () => {
    const secret = newSigningSecret();
    const target = await receiver({ secrets: [secret], failFirst: 2 });
    const body = bundle();
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(await post(target, body, signed(secret, 'msg_retry', body)));
    expect(statuses).toEqual([503, 503, 200]);
    expect(await post(target, body, signed(secret, 'msg_next', body))).toBe(503);
    expect(target.received.map((e) => e.id)).toEqual(['msg_retry']);
  });

  it('shows what arrived with every value escaped', async () => {
    const secret = newSigningSecret();
    const target = await receiver({ secrets: [secret] });
    const body = bundle('<script>alert("x")</script> & <img src=x onerror=alert(1)>');
    expect(await post(target, body, signed(secret, 'msg_<b>bold</b>', body))).toBe(200);
    const response = await fetch(`${target.url}/`);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'");
    const html = await response.text();
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>bold');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('msg_&lt;b&gt;bold&lt;/b&gt;');
  });

  it('keeps what arrived in a file, so a restarted receiver still drops repeats', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'imw-receiver-')), 'received.json');
    const secret = newSigningSecret();
    const body = bundle();
    const first = await receiver({ secrets: [secret], file });
    expect(await post(first, body, signed(secret, 'msg_kept', body))).toBe(200);
    await first.close();
    const second = await receiver({ secrets: [secret], file });
    expect(await post(second, body, signed(secret, 'msg_kept', body))).toBe(200);
    expect(second.received).toHaveLength(1);
    expect(second.attempts.map((a) => a.outcome)).toEqual(['duplicate']);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('answers 400 to a genuine message that is not JSON', async () => {
    const secret = newSigningSecret();
    const target = await receiver({ secrets: [secret] });
    expect(await post(target, 'not json', signed(secret, 'msg_text', 'not json'))).toBe(400);
    expect(target.received).toEqual([]);
  });
});
