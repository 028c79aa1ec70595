import { data } from '@remix-run/node';
import { versionOf } from '~/domain/statement/store.server';
import { formatDateTime } from '~/i18n/dates';
import { languageOf } from '~/i18n/i18next.server';
import { requirePermission } from './session.server';

/**
 * One of the signed-in person's own versions, with its date in their language; 404 when they
 * have no version with that number (another person's number is simply not found).
 */
export async function requireOwnVersion(request: Request, number: string | undefined) {
  const { account } = await requirePermission(request, 'read:statement:own');
  const version = await versionOf(account.id, Number(number));
  if (!version) throw data(null, { status: 404 });
  const lng = await languageOf(request);
  return { lng, number: version.number, date: formatDateTime(lng, version.createdAt), answers: version.answers };
}
