/**
 * `npm run org -- <command>`: organisations, workers and admins from the command line, for the
 * first admin of a new organisation (before anyone can use the admin page) and for operators.
 * It calls the same domain functions as the admin page.
 *
 *   npm run org -- create-organisation --name "Borough Council"
 *   npm run org -- create-staff --organisation <id or exact name> --role worker|admin --email a@b.org --name "Full Name" [--title "…"] [--team "…"]
 *   npm run org -- list
 *
 * Exit codes: 0 done, 1 something failed, 2 the command was not right (nothing was changed).
 */
import { z } from 'zod';
import {
  createOrganisation,
  createStaffAccount,
  findOrganisationByIdOrName,
  listOrganisationsWithStaff,
  newStaffSchema,
  organisationNameSchema,
  publicOrigin,
  setUpDays,
  setUpLink,
} from '../domain/staff.server';
import { getDb } from '../utils/db.server';
import { migrateToLatest } from '../utils/migrate.server';

const usage = `Usage:
  npm run org -- create-organisation --name "Organisation name"
  npm run org -- create-staff --organisation <id or exact name> --role worker|admin --email <address> --name "Full name" [--title "Job title"] [--team "Team"]
  npm run org -- list`;

/** A mistake in the command: reported with the usage, exit code 2. */
class UsageError extends Error {}

/** Reads `--key value` and `--key=value` pairs; refuses anything else. */
function options(args: string[], allowed: string[]): Record<string, string> {
  const found: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!match) throw new UsageError(`Unexpected argument: ${arg}`);
    const [, key = '', inline] = match;
    if (!allowed.includes(key)) throw new UsageError(`Unknown option: --${key}`);
    const value = inline ?? args[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`--${key} needs a value`);
    found[key] = value;
  }
  return found;
}

function required(found: Record<string, string>, key: string): string {
  const value = found[key]?.trim();
  if (!value) throw new UsageError(`--${key} is required`);
  return value;
}

// Error messages from the shared schemas are i18n keys for the pages; the command says them in words.
const problems: Record<string, string> = {
  'staff:errors.staffEmailEmpty': '--email is required',
  'staff:errors.emailInvalid': '--email is not an email address',
  'staff:errors.emailTaken': 'an account with this email address exists already',
  'staff:errors.nameEmpty': '--name is required',
  'staff:errors.nameLong': '--name must have 100 characters or fewer',
  'staff:errors.jobTitleLong': '--title must have 100 characters or fewer',
  'staff:errors.teamLong': '--team must have 100 characters or fewer',
  'staff:errors.roleMissing': '--role must be worker or admin',
  'staff:errors.organisationMissing': 'the organisation does not exist',
};

async function createOrganisationCommand(args: string[]): Promise<void> {
  const name = organisationNameSchema.safeParse(required(options(args, ['name']), 'name'));
  if (!name.success) throw new UsageError('--name must have 1 to 200 characters');
  const organisation = await createOrganisation(name.data);
  console.log(`Created organisation "${organisation.name}" with id ${organisation.id}`);
}

async function createStaffCommand(args: string[]): Promise<void> {
  const found = options(args, ['organisation', 'role', 'email', 'name', 'title', 'team']);
  const lookup = await findOrganisationByIdOrName(required(found, 'organisation'));
  if (!lookup.ok) {
    throw new UsageError(
      lookup.reason === 'none'
        ? `No organisation has the id or name "${found.organisation}". See: npm run org -- list`
        : `More than one organisation is called "${found.organisation}": give its id instead. See: npm run org -- list`,
    );
  }
  const input = newStaffSchema.safeParse({
    name: found.name ?? '',
    email: found.email ?? '',
    jobTitle: found.title,
    team: found.team,
    role: found.role,
  });
  if (!input.success) throw new UsageError(input.error.issues.map((issue) => problems[issue.message] ?? issue.message).join('\n'));
  const created = await createStaffAccount({ ...input.data, organisationId: lookup.organisation.id });
  if (!created.ok)
    throw new UsageError(
      Object.values(created.errors)
        .map((key) => problems[key] ?? key)
        .join('\n'),
    );
  console.log(`Created ${created.account.role} ${created.account.email} in "${lookup.organisation.name}".`);
  console.log(`Send them this set-up link (it works once, for ${setUpDays} days):`);
  console.log(`  ${setUpLink(publicOrigin(), created.setUpToken)}`);
}

async function listCommand(args: string[]): Promise<void> {
  options(args, []);
  const all = await listOrganisationsWithStaff();
  if (all.length === 0) console.log('No organisations yet. Make one: npm run org -- create-organisation --name "…"');
  for (const { organisation, staff } of all) {
    console.log(`${organisation.name}  (id ${organisation.id})`);
    if (staff.length === 0) console.log('  no workers or admins yet');
    for (const person of staff) {
      const details = [person.jobTitle, person.team].filter(Boolean).join(', ');
      const state = person.setUpFinished ? 'set up' : 'not set up yet';
      console.log(`  ${person.role.padEnd(6)} ${person.email}  ${person.name}${details ? ` (${details})` : ''}  – ${state}`);
    }
  }
}

const commands: Record<string, (args: string[]) => Promise<void>> = {
  'create-organisation': createOrganisationCommand,
  'create-staff': createStaffCommand,
  list: listCommand,
};

async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.error(name ? `Unknown command: ${name}\n\n${usage}` : usage);
    return 2;
  }
  const db = getDb();
  try {
    await migrateToLatest(db);
    await command(args);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof z.ZodError) {
      console.error(`${error.message}\n\n${usage}`);
      return 2;
    }
    console.error(`The command failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await db.destroy();
  }
}

process.exitCode = await main();
