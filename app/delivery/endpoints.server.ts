import crypto from 'node:crypto';
import { z } from 'zod';
import {
  deleteEndpoint,
  findEndpoint,
  insertEndpoint,
  listEndpoints,
  setEndpointStatus,
  updateEndpointSecrets,
} from '../../db/repositories/integrations';
import { seal, unseal } from '~/domain/sealed.server';
import { getDb } from '~/utils/db.server';
import { assertSafeEndpoint, newSigningSecret, signAndSend } from './sender.server';

/**
 * The webhook endpoints an organisation's admin connects: where new shares, versions and
 * withdrawals are pushed. Every function takes the admin's organisation first and touches only
 * its endpoints.
 */

/** After a rotation the old secret keeps working this long, so the receiver can switch without losing a message. */
export const previousSecretHours = 24;

/** How long "Send a test" waits for an answer: long enough for a slow system, short enough to wait for on a page. */
const testTimeoutMs = 10_000;

/** The form that adds an endpoint; each message is an i18n key. */
export const newEndpointSchema = z.object({
  url: z.string().trim().min(1, 'integration:errors.urlEmpty').max(2000, 'integration:errors.urlLong'),
});

const localHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

// Read at run time through `env`: `remix build` replaces `process.env.NODE_ENV` with the build's
// mode ("production" for every build), so a built server run for tests would count as production.
const { env } = process;

/**
 * Why an address cannot be used (an i18n key), or null when it can. The plain rules come first
 * so the admin is told exactly what to change; `assertSafeEndpoint` then has the last word
 * (it also refuses addresses that lead into private networks).
 */
export async function endpointUrlProblem(url: string): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'integration:errors.urlInvalid';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'integration:errors.urlInvalid';
  // Plain http carries the signed statement unencrypted: only a receiver on this machine, while developing.
  if (parsed.protocol === 'http:' && (env.NODE_ENV === 'production' || !localHosts.has(parsed.hostname)))
    return 'integration:errors.urlHttps';
  try {
    await assertSafeEndpoint(parsed.href);
  } catch {
    return 'integration:errors.urlUnsafe';
  }
  return null;
}

export type AddEndpointResult = { ok: true; id: string; url: string; secret: string } | { ok: false; errors: Record<string, string> };

/** Connects an endpoint; its signing secret is returned once (only an encrypted copy is kept). */
export async function addEndpoint(organisationId: string, url: string, now = new Date()): Promise<AddEndpointResult> {
  const problem = await endpointUrlProblem(url);
  if (problem) return { ok: false, errors: { url: problem } };
  const href = new URL(url).href;
  const db = getDb();
  if ((await listEndpoints(db, organisationId)).some((e) => e.url === href))
    return { ok: false, errors: { url: 'integration:errors.urlTaken' } };
  const id = crypto.randomUUID();
  const secret = newSigningSecret();
  await insertEndpoint(db, {
    id,
    organisation_id: organisationId,
    url: href,
    secret: seal(secret, id),
    previous_secret: null,
    previous_secret_expires_at: null,
    status: 'active',
    disabled_reason: null,
    created_at: now.toISOString(),
  });
  return { ok: true, id, url: href, secret };
}

/** The organisation's endpoints as the admin page shows them: never a secret. */
export async function endpointsOf(organisationId: string, now = new Date()) {
  return (await listEndpoints(getDb(), organisationId)).map((e) => ({
    id: e.id,
    url: e.url,
    status: e.status,
    disabledReason: e.disabled_reason,
    createdAt: e.created_at,
    previousSecretUntil:
      e.previous_secret && e.previous_secret_expires_at && e.previous_secret_expires_at > now.toISOString()
        ? e.previous_secret_expires_at
        : null,
  }));
}

/**
 * Gives an endpoint a new secret, returned once. The old one stays valid for
 * `previousSecretHours` (messages are signed with both meanwhile); null when it is not theirs.
 */
export async function rotateSecret(
  organisationId: string,
  endpointId: string,
  now = new Date(),
): Promise<{ url: string; secret: string } | null> {
  const db = getDb();
  const endpoint = await findEndpoint(db, organisationId, endpointId);
  if (!endpoint) return null;
  const secret = newSigningSecret();
  // Both are sealed with the endpoint id as associated data, so the current value moves across as it is.
  const changed = await updateEndpointSecrets(db, organisationId, endpointId, {
    secret: seal(secret, endpointId),
    previous_secret: endpoint.secret,
    previous_secret_expires_at: new Date(now.getTime() + previousSecretHours * 3_600_000).toISOString(),
  });
  return changed ? { url: endpoint.url, secret } : null;
}

export interface TestResult {
  url: string;
  /** The HTTP status the receiver answered with, or null when there was no answer. */
  status: number | null;
  /** Why there was no answer (a network error or a timeout), as the sender reported it. */
  error: string | null;
  ok: boolean;
}

/**
 * Sends a signed test message (it holds nobody's information) and reports the answer; null when
 * the endpoint is not the organisation's.
 */
export async function sendTest(organisationId: string, endpointId: string, now = new Date()): Promise<TestResult | null> {
  const endpoint = await findEndpoint(getDb(), organisationId, endpointId);
  if (!endpoint) return null;
  const message = {
    id: `msg_test_${crypto.randomBytes(12).toString('base64url')}`,
    timestamp: now,
    body: JSON.stringify({ type: 'test', timestamp: now.toISOString(), data: {} }),
  };
  // Signed as every delivery is: with the old secret too while it is still valid, so the test
  // says whether real messages would be accepted now.
  const previousValid =
    endpoint.previous_secret && endpoint.previous_secret_expires_at && endpoint.previous_secret_expires_at > now.toISOString();
  const answer = await signAndSend(
    {
      url: endpoint.url,
      secret: unseal(endpoint.secret, endpoint.id),
      previousSecret: previousValid ? unseal(endpoint.previous_secret!, endpoint.id) : null,
    },
    message,
    { timeoutMs: testTimeoutMs },
  );
  return {
    url: endpoint.url,
    status: answer.status,
    error: answer.error,
    ok: answer.status !== null && answer.status >= 200 && answer.status < 300,
  };
}

/** Turns a disabled endpoint on again (after the receiver was put right); false when it is not theirs. */
export async function enableEndpoint(organisationId: string, endpointId: string): Promise<boolean> {
  return setEndpointStatus(getDb(), organisationId, endpointId, 'active', null);
}

/** Disconnects an endpoint; false when it is not theirs. */
export async function removeEndpoint(organisationId: string, endpointId: string): Promise<boolean> {
  return deleteEndpoint(getDb(), organisationId, endpointId);
}
