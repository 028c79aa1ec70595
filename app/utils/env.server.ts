import path from 'node:path';

/**
 * Settings from the environment, read in one place. NODE_ENV is read through `env` so it is the
 * value the server runs with: `remix build` replaces the literal `process.env.NODE_ENV` in the
 * server bundle with the build's own mode, which would make every built server "production".
 */
const { env } = process;
export const isProduction = env.NODE_ENV === 'production';

export const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(process.cwd(), 'data'));

/**
 * Where "Exit this page" goes: a neutral, common site that reveals nothing. An organisation can
 * choose its own.
 */
export const exitUrl = process.env.EXIT_URL ?? 'https://www.bbc.co.uk/weather';

export const port = Number(process.env.PORT ?? 3000);

/** Whether to create the demo organisation and accounts in a new database. */
export function shouldSeedDemo(): boolean {
  if (process.env.SEED_DEMO === '1' || process.env.SEED_DEMO === 'true') return true;
  if (process.env.SEED_DEMO === '0' || process.env.SEED_DEMO === 'false') return false;
  return !isProduction;
}
