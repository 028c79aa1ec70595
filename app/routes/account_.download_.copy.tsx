import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AccountCopy, SharesCopy, StatementCopy, type CopyView } from '~/components/rights/EverythingCopy';
import { PrintButton } from '~/components/statement/PrintButton';
import { everythingAbout, type Everything } from '~/domain/rights.server';
import { formatDateTime } from '~/i18n/dates';
import { languageOf } from '~/i18n/i18next.server';
import { languages } from '~/i18n/languages';
import type { RouteHandle } from '~/utils/page-state';
import { requirePermission } from '~/utils/session.server';

export const handle: RouteHandle = { titleKey: 'rights:copy.title', i18n: ['rights', 'statement'] };

/** A share's last day (YYYY-MM-DD) as a date in the person's language, with no time. */
function formatDay(lng: string, day: string): string {
  return new Intl.DateTimeFormat(lng, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** Dates in the person's language, made on the server so the page reads the same with or without a script. */
function viewOf(everything: Everything, lng: string): CopyView {
  const date = (iso: string) => formatDateTime(lng, iso);
  const { account } = everything;
  return {
    account: {
      username: account.username,
      language: languages.find((l) => l.code === account.language)?.nativeName ?? account.language,
      created: date(account.createdAt),
      passwordSet: account.passwordSet,
      passkeys: account.passkeys.map((p) => ({ created: date(p.createdAt), used: p.lastUsedAt ? date(p.lastUsedAt) : null })),
      sessions: account.sessions.map((s) => ({ device: s.device, created: date(s.createdAt), used: date(s.lastSeenAt) })),
    },
    draft: everything.draft.answers,
    versions: everything.versions.map((v) => ({ number: v.number, date: date(v.createdAt), answers: v.answers })),
    shares: everything.shares.map((s) => ({
      reference: s.reference,
      worker: s.worker,
      sections: s.sections,
      includeTeam: s.includeTeam,
      includeNewVersions: s.includeNewVersions,
      until: s.until ? formatDay(lng, s.until) : null,
      status: s.status,
      started: date(s.createdAt),
      ended: s.endedAt ? date(s.endedAt) : null,
      versionsShared: s.versionsShared,
      access: s.access.map((a) => ({ action: a.action, who: a.who, date: date(a.at), version: a.version })),
      replies: s.replies.map((r) => ({ from: r.from, date: date(r.at), body: r.body, read: r.read })),
      consent: s.consentRecords.map((c) => ({ action: c.action, date: date(c.at), sections: c.sections })),
    })),
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { account } = await requirePermission(request, 'read:account:own');
  const everything = await everythingAbout(account.id);
  if (!everything) throw data(null, { status: 404 });
  const lng = await languageOf(request);
  return { madeOn: formatDateTime(lng, everything.exportedAt), view: viewOf(everything, lng) };
}

export default function CopyPage() {
  const { t } = useTranslation('rights');
  const { madeOn, view } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t('copy.title')}</h1>
      <p className="lead">{t('copy.intro', { date: madeOn })}</p>
      <div className="button-group no-print">
        <PrintButton />
      </div>
      <AccountCopy account={view.account} />
      <StatementCopy draft={view.draft} versions={view.versions} />
      <SharesCopy shares={view.shares} />
      <p className="no-print">
        <Link to="/account/download">{t('copy.back')}</Link>
      </p>
    </>
  );
}
