import { data, redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { versionPdf } from '~/delivery/printable-copy.server';
import { versionOf } from '~/domain/statement/store.server';
import { languageOf } from '~/i18n/i18next.server';
import { requirePermission } from '~/utils/session.server';

/** The printable easy-read copy of one of the person's own versions, as a PDF. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { account } = await requirePermission(request, 'read:statement:own');
  const version = await versionOf(account.id, Number(params.number));
  if (!version) throw data(null, { status: 404 });
  const lng = await languageOf(request);
  const date = new Intl.DateTimeFormat(lng, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' }).format(
    new Date(version.createdAt),
  );
  const pdf = await versionPdf(lng, { number: version.number, date, answers: version.answers });
  if (!pdf) return redirect(`/statement/versions/${version.number}?pdf=unavailable`);
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      // A plain file name: nothing about safeguarding in a downloads list on a shared device.
      'Content-Disposition': `attachment; filename="document-${version.number}.pdf"`,
      'Cache-Control': 'no-store',
    },
  });
}
