/**
 * `npm run demo:code`: prints the 6-digit codes an authenticator app would show now for the demo
 * worker and admin, from the secrets in DATA_DIR/demo-accounts.json, so a newcomer can try the
 * staff sign-in without setting up an app. Demo data only: real accounts' secrets are encrypted.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DemoAccounts } from '../domain/demo.server';
import { currentTotpCode } from '../domain/staff.server';
import { dataDir } from '../utils/env.server';

async function main(): Promise<number> {
  const file = path.join(dataDir, 'demo-accounts.json');
  if (!fs.existsSync(file)) {
    console.error(`${file} does not exist. Start the portal once (npm start) to make the demo accounts, or set DATA_DIR.`);
    return 1;
  }
  const demo = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<DemoAccounts>;
  if (!demo.worker?.totpSecret || !demo.admin?.totpSecret) {
    console.error(
      `${file} has no TOTP secrets: it was made by an older version. Delete DATA_DIR's database and start again to remake the demo data.`,
    );
    return 1;
  }
  const secondsLeft = 30 - (Math.floor(Date.now() / 1000) % 30);
  console.log(`Codes for ${demo.organisation ?? 'the demo organisation'} (each works once; new codes come in ${secondsLeft} s):`);
  console.log(`  worker  ${demo.worker.email}  ${await currentTotpCode(demo.worker.totpSecret)}`);
  console.log(`  admin   ${demo.admin.email}  ${await currentTotpCode(demo.admin.totpSecret)}`);
  console.log('Sign in at /staff/sign-in with the email address and the password from demo-accounts.json.');
  return 0;
}

process.exitCode = await main();
