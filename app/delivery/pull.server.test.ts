// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../db/schema';
import type * as SharesModule from '~/domain/sharing/shares.server';
import { emptyAnswer } from '~/domain/statement/answers';
import type * as StoreModule from '~/domain/statement/store.server';
import type * as PullModule from './pull.server';
import { temporaryIntegrationDatabase } from './integration-test-database';

const database = temporaryIntegrationDatabase('pull');
let pull: typeof PullModule;
let shares: typeof SharesModule;
let store: typeof StoreModule;

beforeAll(async () => {
  pull = await import('./pull.server');
  shares = await import('~/domain/sharing/shares.server');
  store = await import('~/domain/statement/store.server');
});

// Words only the adult wrote, in the one section each share covers.
const words = 'Pull-test words: my cat Marmalade';

/** An adult with one confirmed version, shared with the worker through a fresh code. */
async function shareFrom(worker: Account, until: string | null = null): Promise<{ adultId: string; shareId: string }> {
  const adult = await database.makeAccount('adult', null);
  const at = new Date().toISOString();
  await store.saveAnswer(adult.id, 'anythingElse', emptyAnswer({ language: 'en', by: 'self', now: at }, { text: words }));
  if ((await store.confirmVersion(adult.id, 'en')) === null) throw new Error('nothing confirmed');
  const { code } = await shares.createConnectionCode(worker);
  const outcome = await shares.shareWithWorker(adult.id, code, {
    sections: ['anything-else'],
    includeTeam: false,
    includeNewVersions: true,
    until,
  });
  if (!outcome.ok) throw new Error(`share failed: ${outcome.reason}`);
  return { adultId: adult.id, shareId: outcome.shareId };
}

async function organisationWithWorker() {
  const organisationId = await database.makeOrganisation();
  return { organisationId, worker: await database.makeAccount('worker', organisationId) };
}

const resourceTypes = (bundle: { entry?: { resource?: { resourceType: string } }[] } | null) =>
  (bundle?.entry ?? []).map((e) => e.resource?.resourceType);

describe('the list of shares', () => {
  it('pages through only the organisation’s shares, oldest first, with a cursor', async () => {
    const { organisationId, worker } = await organisationWithWorker();
    const made: string[] = [];
    for (let i = 0; i < 3; i++) made.push((await shareFrom(worker)).shareId);
    const other = await organisationWithWorker();
    const otherShare = (await shareFrom(other.worker)).shareId;

    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 5; page++) {
      const result = await pull.listSharesForSystem(organisationId, { cursor, limit: '2' });
      if (!result.ok) throw new Error(result.problem);
      expect(result.items.length).toBeLessThanOrEqual(2);
      seen.push(...result.items.map((item) => item.id));
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    // Shares made within one millisecond sort by id: the order is the stored one, each share once.
    const stored = await database
      .getDb()
      .selectFrom('share')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    expect(seen).toEqual(stored.map((row) => row.id));
    expect([...seen].sort()).toEqual([...made].sort());
    expect(seen).not.toContain(otherShare);

    const all = await pull.listSharesForSystem(organisationId, { cursor: null, limit: null });
    if (!all.ok) throw new Error(all.problem);
    expect(all.nextCursor).toBeNull();
    expect(all.items.find((item) => item.id === made[0])).toMatchObject({ status: 'active', version: 1, endedAt: null, until: null });
    expect(JSON.stringify(all)).not.toContain(words);
  });

  it('refuses a cursor it did not make and a page size outside 1 to 100', async () => {
    const { organisationId } = await organisationWithWorker();
    expect(await pull.listSharesForSystem(organisationId, { cursor: 'not-a-cursor', limit: null })).toEqual({
      ok: false,
      problem: 'cursor',
    });
    for (const limit of ['0', '101', 'ten', '-1', '1.5']) {
      expect(await pull.listSharesForSystem(organisationId, { cursor: null, limit })).toEqual({ ok: false, problem: 'limit' });
    }
    expect((await pull.listSharesForSystem(organisationId, { cursor: null, limit: '100' })).ok).toBe(true);
  });

  it('says when a share was withdrawn, without its version', async () => {
    const { organisationId, worker } = await organisationWithWorker();
    const { adultId, shareId } = await shareFrom(worker);
    await shares.withdrawShare(adultId, shareId);
    const result = await pull.listSharesForSystem(organisationId, { cursor: null, limit: null });
    if (!result.ok) throw new Error(result.problem);
    const [item] = result.items;
    expect(item).toMatchObject({ id: shareId, status: 'withdrawn', version: null });
    expect(item?.endedAt).toBeTruthy();
    expect(item!.updatedAt >= item!.endedAt!).toBe(true);
  });
});

describe('one share', () => {
  it('is the FHIR Bundle with the statement while consent covers it, and the person sees it was taken', async () => {
    const { organisationId, worker } = await organisationWithWorker();
    const { adultId, shareId } = await shareFrom(worker);
    const bundle = await pull.shareBundleForSystem(organisationId, shareId);
    expect(bundle?.resourceType).toBe('Bundle');
    expect(resourceTypes(bundle)).toContain('QuestionnaireResponse');
    expect(JSON.stringify(bundle)).toContain(words);
    const [seen] = await shares.sharesOfAdult(adultId);
    expect(seen!.access).toEqual([expect.objectContaining({ action: 'pulled', version: 1 })]);
  });

  it('is only the withdrawal once the adult withdraws: never the statement', async () => {
    const { organisationId, worker } = await organisationWithWorker();
    const { adultId, shareId } = await shareFrom(worker);
    expect(await shares.withdrawShare(adultId, shareId)).toBe(true);
    const bundle = await pull.shareBundleForSystem(organisationId, shareId);
    expect(resourceTypes(bundle)).not.toContain('QuestionnaireResponse');
    expect(resourceTypes(bundle)).not.toContain('DocumentReference');
    expect(resourceTypes(bundle)).toContain('Consent');
    expect(JSON.stringify(bundle)).not.toContain(words);
    expect(JSON.stringify(bundle?.meta)).toContain('consent.withdrawn');
    // Nothing of the statement was taken, so nothing is logged as taken.
    expect((await shares.sharesOfAdult(adultId))[0]!.access.map((a) => a.action)).not.toContain('pulled');
  });

  it('is only the expiry once its last day has passed, and the share is ended with a consent record', async () => {
    const { organisationId, worker } = await organisationWithWorker();
    const { shareId } = await shareFrom(worker, '2099-12-31');
    await database.getDb().updateTable('share').set({ until: '2020-01-01' }).where('id', '=', shareId).execute();

    const listed = await pull.listSharesForSystem(organisationId, { cursor: null, limit: null });
    expect(listed.ok && listed.items[0]).toMatchObject({ id: shareId, status: 'expired', version: null });

    const bundle = await pull.shareBundleForSystem(organisationId, shareId);
    expect(JSON.stringify(bundle)).not.toContain(words);
    expect(JSON.stringify(bundle?.meta)).toContain('consent.expired');
    const row = await database.getDb().selectFrom('share').selectAll().where('id', '=', shareId).executeTakeFirstOrThrow();
    expect(row.status).toBe('expired');
    const actions = await database.getDb().selectFrom('consent_record').select('action').where('share_id', '=', shareId).execute();
    expect(actions.map((a) => a.action)).toContain('expired');
  });

  it('is not found for another organisation, or for no share at all', async () => {
    const { worker } = await organisationWithWorker();
    const { shareId } = await shareFrom(worker);
    const other = await organisationWithWorker();
    expect(await pull.shareBundleForSystem(other.organisationId, shareId)).toBeNull();
    expect(await pull.shareBundleForSystem(other.organisationId, 'no-such-share')).toBeNull();
  });
});

describe('answers to a system', () => {
  it('say how to authenticate when the token is missing or wrong', async () => {
    const missing = pull.unauthorised(new Request('http://localhost/api/v1/shares'));
    expect(missing.status).toBe(401);
    expect(missing.headers.get('WWW-Authenticate')).toBe('Bearer realm="in-my-words"');
    const wrong = pull.unauthorised(new Request('http://localhost/api/v1/shares', { headers: { Authorization: 'Bearer imw_x' } }));
    expect(wrong.headers.get('WWW-Authenticate')).toContain('error="invalid_token"');
    expect(await wrong.json()).toEqual({ error: 'invalid_token' });
    expect(wrong.headers.get('Cache-Control')).toBe('no-store');
  });
});
