import { describe, expect, it } from 'vitest';
import { seedDemo } from '../app/domain/demo.server';
import { createDb } from '../app/utils/db.server';
import { migrateToLatest, migrateToNothing } from '../app/utils/migrate.server';
import { findAccountByEmail, findAccountByUsername } from './repositories/accounts';
import { countOrganisations } from './repositories/organisations';
import {
  claimCodeStep,
  deletePendingSecondFactor,
  findPendingSecondFactor,
  insertPendingSecondFactor,
  listOrganisationStaff,
} from './repositories/staff';
import { findDraft, insertVersion, latestVersionNumber, listVersions, upsertDraft } from './repositories/statements';

/**
 * The same migrations and repositories on PostgreSQL. `.ci/run` starts a throw-away server and
 * sets TEST_DATABASE_URL; without it (a laptop with no PostgreSQL) these are skipped, and say so.
 */
const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('PostgreSQL', () => {
  it('migrates up, runs the repositories, and migrates down', async () => {
    const db = createDb({ databaseUrl: url });
    try {
      await migrateToNothing(db);
      expect(await migrateToLatest(db)).not.toEqual([]);
      const demo = await seedDemo(db);
      expect(await countOrganisations(db)).toBe(1);
      const adult = await findAccountByUsername(db, demo!.adult.username);
      expect(adult?.role).toBe('adult');

      await upsertDraft(db, adult!.id, 'v1.cipher', '2026-11-27T10:00:00.000Z');
      await upsertDraft(db, adult!.id, 'v1.cipher2', '2026-11-27T10:01:00.000Z');
      expect((await findDraft(db, adult!.id))?.answers).toBe('v1.cipher2');
      expect(await latestVersionNumber(db, adult!.id)).toBe(0);
      await insertVersion(db, {
        id: 'v-1',
        account_id: adult!.id,
        number: 1,
        snapshot: 'v1.x',
        language: 'en',
        created_at: '2026-11-27T10:02:00.000Z',
      });
      expect(await latestVersionNumber(db, adult!.id)).toBe(1);
      await expect(
        insertVersion(db, {
          id: 'v-2',
          account_id: adult!.id,
          number: 1,
          snapshot: 'v1.y',
          language: 'en',
          created_at: '2026-11-27T10:03:00.000Z',
        }),
      ).rejects.toThrow();
      expect((await listVersions(db, adult!.id)).map((v) => v.number)).toEqual([1]);

      // Staff: a code is used once (the insert that finds its row taken reports it), and a right
      // password waits for its code until it is taken, once.
      const worker = (await findAccountByEmail(db, demo!.worker.email))!;
      const staff = await listOrganisationStaff(db, worker.organisation_id!);
      expect(staff.map((a) => a.role).sort()).toEqual(['admin', 'worker']);
      expect(await claimCodeStep(db, `used-code:${worker.id}:1`, worker.id, '2999-01-01T00:00:00.000Z')).toBe(true);
      expect(await claimCodeStep(db, `used-code:${worker.id}:1`, worker.id, '2999-01-01T00:00:00.000Z')).toBe(false);
      await insertPendingSecondFactor(db, 'pending-1', worker.id, '2999-01-01T00:00:00.000Z');
      expect((await findPendingSecondFactor(db, 'pending-1', '2026-11-27T10:00:00.000Z'))?.id).toBe(worker.id);
      expect(await deletePendingSecondFactor(db, 'pending-1')).toBe(true);
      expect(await deletePendingSecondFactor(db, 'pending-1')).toBe(false);
      await migrateToNothing(db);
    } finally {
      await db.destroy();
    }
  });
});
