import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { versionPdf } from '~/delivery/printable-copy.server';
import { requireOwnVersion } from '~/utils/own-version.server';

/** The printable easy-read copy of one of the person's own versions, as a PDF. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng, ...version } = await requireOwnVersion(request, params.number);
  const pdf = await versionPdf(lng, version);
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
