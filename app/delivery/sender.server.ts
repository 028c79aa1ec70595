import crypto from 'node:crypto';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { Webhook } from 'standardwebhooks';

/**
 * Sends one signed webhook, and decides which addresses may receive one. Requests go through
 * node:http(s) rather than fetch: it never follows a redirect, and its DNS lookup can be checked
 * on the very connection that is made, so a name that resolves to a public address when it is
 * registered and to a private one when it is used (DNS rebinding) is still refused.
 */

const privateRanges = new net.BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, where cloud metadata services answer
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and broadcast
] as const) {
  privateRanges.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fe80::', 10], // link-local
  ['fc00::', 7], // unique local
  ['ff00::', 8], // multicast
] as const) {
  privateRanges.addSubnet(network, prefix, 'ipv6');
}

/** True for loopback, private, link-local, unique-local, carrier-grade NAT and other non-public addresses (IPv4-mapped IPv6 included). */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return true;
  return privateRanges.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Why the portal will not send to an address, in words an administrator can act on. */
export class UnsafeEndpointError extends Error {
  override name = 'UnsafeEndpointError';
}

// Read at run time through `env`: `remix build` replaces `process.env.NODE_ENV` with the build's
// mode ("production" for every build), which would refuse http://localhost outside production too.
const { env } = process;
const isProduction = () => env.NODE_ENV === 'production';

/** Hosts the operator named in WEBHOOK_ALLOWLIST (comma-separated): on-premises systems on private networks. */
function allowlisted(host: string): boolean {
  const names = (env.WEBHOOK_ALLOWLIST ?? '')
    .split(',')
    .map((name) =>
      name
        .trim()
        .toLowerCase()
        .replace(/^\[|\]$/g, ''),
    )
    .filter(Boolean);
  return names.includes(host.toLowerCase());
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

function privateAddressError(host: string, address: string): Error {
  return new UnsafeEndpointError(
    `The address ${host} leads to a private or internal network (${address}). ` +
      'Use the public address of your system, or ask the portal’s operator to add it to WEBHOOK_ALLOWLIST.',
  );
}

/**
 * Refuses an address the portal must not send to: anything but https (plain http only to this
 * computer, outside production) and, in production, any name or address that reaches a private,
 * loopback, link-local, unique-local or carrier-grade NAT network unless WEBHOOK_ALLOWLIST names
 * the host. The error says why in plain English.
 */
export async function assertSafeEndpoint(url: string): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UnsafeEndpointError('That is not a web address. It should start with https://');
  }
  if (parsed.username || parsed.password) throw new UnsafeEndpointError('The address must not contain a user name or password.');
  const host = hostOf(parsed);
  const thisComputer = ['localhost', '127.0.0.1', '::1'].includes(host.toLowerCase());
  if (parsed.protocol === 'http:') {
    if (isProduction() || !thisComputer) {
      throw new UnsafeEndpointError('The address must start with https:// (plain http:// is only for testing on this computer).');
    }
  } else if (parsed.protocol !== 'https:') {
    throw new UnsafeEndpointError('The address must start with https://');
  }
  if (!isProduction() || allowlisted(host)) return;
  let addresses: string[];
  if (net.isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await dns.promises.lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      throw new UnsafeEndpointError(`The name ${host} could not be found. Check the address.`);
    }
  }
  const refused = addresses.find(isPrivateAddress);
  if (refused) throw privateAddressError(host, refused);
}

/**
 * In production, the lookup every connection makes: it refuses a private address at the moment
 * of connecting, not only when the endpoint was checked.
 */
export function guardedLookup(host: string): net.LookupFunction | undefined {
  if (!isProduction() || allowlisted(host)) return undefined;
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.find((a) => isPrivateAddress(a.address));
      if (refused) return callback(privateAddressError(hostname, refused.address), '', 0);
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      if (!first) return callback(new Error(`The name ${hostname} could not be found.`), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

/** A new Standard Webhooks signing secret: `whsec_` and 32 random bytes in base64. */
export function newSigningSecret(): string {
  return `whsec_${crypto.randomBytes(32).toString('base64')}`;
}

/** Seconds to wait from a Retry-After header (seconds, or an HTTP date); null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text);
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/** The time limit for one request: DELIVERY_TIMEOUT_SECONDS, 15 by default. */
export function deliveryTimeoutMs(): number {
  const seconds = Number(env.DELIVERY_TIMEOUT_SECONDS);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 15_000;
}

export interface SendResult {
  /** The HTTP status, or null when there was no answer. */
  status: number | null;
  retryAfterSeconds: number | null;
  /** Why the attempt failed, in plain English; null on a 2xx. */
  error: string | null;
  durationMs: number;
}

interface RawResponse {
  status: number;
  retryAfter: string | undefined;
  location: string | undefined;
}

function post(url: URL, headers: Record<string, string>, body: string, timeoutMs: number): Promise<RawResponse> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        signal: AbortSignal.timeout(timeoutMs),
        lookup: guardedLookup(hostOf(url)),
      },
      (response) => {
        // The answer's body is not needed, but is read to the end so the connection can be reused.
        response.resume();
        response.on('error', reject);
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            retryAfter: header(response.headers['retry-after']),
            location: header(response.headers.location),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function describeFailure(error: unknown, timeoutMs: number): string {
  const { name, code, message } = error as { name?: string; code?: string; message?: string };
  if (name === 'AbortError' || name === 'TimeoutError' || code === 'ABORT_ERR') return `No answer within ${timeoutMs / 1000} seconds.`;
  if (code === 'ECONNREFUSED') return 'The receiver refused the connection.';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'The receiver’s name could not be found.';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'The receiver closed the connection before answering.';
  return `Could not send: ${message ?? String(error)}`;
}

/**
 * Signs a message with Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature) and
 * POSTs it. While a rotated-out secret is still valid it signs with both, so a receiver that has
 * not yet changed its secret still verifies. A redirect is a failure and is never followed.
 */
export async function signAndSend(
  endpoint: { url: string; secret: string; previousSecret?: string | null },
  message: { id: string; timestamp: Date; body: string },
  options: { timeoutMs?: number } = {},
): Promise<SendResult> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? deliveryTimeoutMs();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    await assertSafeEndpoint(endpoint.url);
    const secrets = [endpoint.secret, ...(endpoint.previousSecret ? [endpoint.previousSecret] : [])];
    const headers = {
      'content-type': 'application/fhir+json; fhirVersion=4.0',
      'user-agent': 'InMyWords-Webhooks/1',
      'webhook-id': message.id,
      'webhook-timestamp': String(Math.floor(message.timestamp.getTime() / 1000)),
      'webhook-signature': secrets.map((secret) => new Webhook(secret).sign(message.id, message.timestamp, message.body)).join(' '),
    };
    const response = await post(new URL(endpoint.url), headers, message.body, timeoutMs);
    const retryAfterSeconds = parseRetryAfter(response.retryAfter);
    if (response.status >= 200 && response.status < 300)
      return { status: response.status, retryAfterSeconds, error: null, durationMs: elapsed() };
    const error =
      response.status >= 300 && response.status < 400
        ? `The receiver answered ${response.status}, a redirect${response.location ? ` to ${response.location.slice(0, 200)}` : ''}; redirects are never followed.`
        : `The receiver answered ${response.status}.`;
    return { status: response.status, retryAfterSeconds, error, durationMs: elapsed() };
  } catch (error) {
    const reason = error instanceof UnsafeEndpointError ? error.message : describeFailure(error, timeoutMs);
    return { status: null, retryAfterSeconds: null, error: reason, durationMs: elapsed() };
  }
}
