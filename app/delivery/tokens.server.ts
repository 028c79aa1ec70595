import crypto from 'node:crypto';
import { z } from 'zod';
import { findWorkingApiToken, insertApiToken, listApiTokens, revokeApiToken, touchApiToken } from '../../db/repositories/integrations';
import { getDb } from '~/utils/db.server';

/**
 * Tokens a case-management system pulls with. The token is shown once, when it is made; only its
 * sha-256 is kept, so a copy of the database gives nobody a working token. The prefix lets secret
 * scanners (and people) recognise one pasted where it should not be.
 */
export const tokenPrefix = 'imw_';

/** The form that names a new token, so the admin can tell their tokens apart. */
export const newTokenSchema = z.object({
  label: z.string().trim().min(1, 'integration:errors.labelEmpty').max(80, 'integration:errors.labelLong'),
});

function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** Makes a token for the organisation; the token itself is returned once and never stored. */
export async function createApiToken(organisationId: string, label: string, now = new Date()): Promise<{ id: string; token: string }> {
  const token = tokenPrefix + crypto.randomBytes(32).toString('base64url');
  const id = crypto.randomUUID();
  await insertApiToken(getDb(), {
    id,
    organisation_id: organisationId,
    token_hash: hashToken(token),
    label,
    created_at: now.toISOString(),
    last_used_at: null,
    revoked_at: null,
  });
  return { id, token };
}

/** The organisation's tokens that still work: label and dates, never the token. */
export async function apiTokensOf(organisationId: string) {
  return (await listApiTokens(getDb(), organisationId)).map((t) => ({
    id: t.id,
    label: t.label,
    createdAt: t.created_at,
    lastUsedAt: t.last_used_at,
  }));
}

/** Stops one of the organisation's tokens working at once; false when it is not theirs (or already stopped). */
export async function revokeOrganisationToken(organisationId: string, tokenId: string, now = new Date()): Promise<boolean> {
  return revokeApiToken(getDb(), organisationId, tokenId, now.toISOString());
}

/**
 * The organisation a request's `Authorization: Bearer` token belongs to, or null for a missing,
 * unknown or revoked token. Records when the token was used, so an admin can see which still are.
 */
export async function organisationForBearer(request: Request, now = new Date()): Promise<string | null> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('Authorization') ?? '');
  const token = match?.[1];
  if (!token?.startsWith(tokenPrefix) || token.length > 200) return null;
  const found = await findWorkingApiToken(getDb(), hashToken(token));
  if (!found) return null;
  await touchApiToken(getDb(), found.id, now.toISOString());
  return found.organisation_id;
}
