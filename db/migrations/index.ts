import type { Migration } from 'kysely';
import * as m20261127_0900 from './2026_11_27_0900_organisations_and_accounts';
import * as m20261127_1000 from './2026_11_27_1000_sessions_passkeys_statements';
import * as m20261127_1400 from './2026_11_27_1400_sharing';
import * as m20261127_1600 from './2026_11_27_1600_delivery';
import * as m20261203_1300 from './2026_12_03_1300_audit_log';

/**
 * Every migration, by name, in order. Listed rather than discovered from the folder, so the same
 * list works under tsx, Vitest and a bundled build; a test fails if a file is missing here.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_27_0900_organisations_and_accounts': m20261127_0900,
  '2026_11_27_1000_sessions_passkeys_statements': m20261127_1000,
  '2026_11_27_1400_sharing': m20261127_1400,
  '2026_11_27_1600_delivery': m20261127_1600,
  '2026_12_03_1300_audit_log': m20261203_1300,
};
