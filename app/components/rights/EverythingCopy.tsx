import { useTranslation } from 'react-i18next';
import { AnswerSummary } from '~/components/statement/AnswerSummary';
import type { Answers } from '~/domain/statement/answers';
import { questionOrder } from '~/domain/statement/definition';

/** The readable copy of everything held about the person, with dates already in their language. */
export interface CopyView {
  account: {
    username: string;
    language: string;
    created: string;
    passwordSet: boolean;
    passkeys: { created: string; used: string | null }[];
    sessions: { device: string; created: string; used: string }[];
  };
  draft: Answers;
  versions: { number: number; date: string; answers: Answers }[];
  shares: {
    reference: string;
    worker: { name: string; jobTitle: string; team: string; organisation: string };
    sections: string[];
    includeTeam: boolean;
    includeNewVersions: boolean;
    until: string | null;
    status: string;
    started: string;
    ended: string | null;
    versionsShared: number[];
    access: { action: string; who: string; date: string; version: number | null }[];
    replies: { from: string; date: string; body: string; read: boolean }[];
    consent: { action: string; date: string; sections: string[] }[];
  }[];
}

/** Every answer, question by question, as on the check page (own words exactly as written). */
function AnswerList({ answers }: { answers: Answers }) {
  const { t } = useTranslation('statement');
  return (
    <dl className="summary-list">
      {questionOrder.map(({ section, question }) => (
        <div className="summary-list__row" key={question.id}>
          <dt className="summary-list__key">
            {t(question.kind === 'sort' ? `questions.${question.id}.resultTitle` : `questions.${question.id}.title`)}
          </dt>
          <dd className="summary-list__value">
            <AnswerSummary question={question} answer={answers[question.id]} sectionId={section.id} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt className="summary-list__key">{label}</dt>
      <dd className="summary-list__value">{children}</dd>
    </div>
  );
}

export function AccountCopy({ account }: { account: CopyView['account'] }) {
  const { t } = useTranslation('rights');
  return (
    <section aria-labelledby="copy-account">
      <h2 id="copy-account">{t('copy.accountHeading')}</h2>
      <dl className="summary-list">
        <Row label={t('copy.username')}>{account.username}</Row>
        <Row label={t('copy.language')}>{account.language}</Row>
        <Row label={t('copy.created')}>{account.created}</Row>
        <Row label={t('copy.password')}>{account.passwordSet ? t('copy.passwordYes') : t('copy.passwordNo')}</Row>
        <Row label={t('copy.passkeys')}>
          {account.passkeys.length === 0 ? (
            t('copy.noPasskeys')
          ) : (
            <ul>
              {account.passkeys.map((p, i) => (
                <li key={i}>
                  {p.used ? t('copy.passkeyUsed', { date: p.created, used: p.used }) : t('copy.passkey', { date: p.created })}
                </li>
              ))}
            </ul>
          )}
        </Row>
        <Row label={t('copy.sessions')}>
          <ul>
            {account.sessions.map((s, i) => (
              <li key={i}>{t('copy.session', { device: s.device || t('copy.unknownDevice'), date: s.created, used: s.used })}</li>
            ))}
          </ul>
        </Row>
      </dl>
    </section>
  );
}

export function StatementCopy({ draft, versions }: Pick<CopyView, 'draft' | 'versions'>) {
  const { t } = useTranslation('rights');
  return (
    <>
      <section aria-labelledby="copy-draft">
        <h2 id="copy-draft">{t('copy.draftHeading')}</h2>
        {Object.keys(draft).length === 0 ? (
          <p>{t('copy.noAnswers')}</p>
        ) : (
          <>
            <p>{t('copy.draftIntro')}</p>
            <AnswerList answers={draft} />
          </>
        )}
      </section>
      <section aria-labelledby="copy-versions">
        <h2 id="copy-versions">{t('copy.versionsHeading')}</h2>
        {versions.length === 0 ? <p>{t('copy.noVersions')}</p> : null}
        {versions.map((v) => (
          <section key={v.number} className="version-section" aria-labelledby={`copy-version-${v.number}`}>
            <h3 id={`copy-version-${v.number}`}>{t('statement:version.heading', { number: v.number })}</h3>
            <p>{t('statement:version.date', { date: v.date })}</p>
            <AnswerList answers={v.answers} />
          </section>
        ))}
      </section>
    </>
  );
}

function SectionNames({ sections }: { sections: string[] }) {
  const { t } = useTranslation('statement');
  return (
    <ul>
      {sections.map((id) => (
        <li key={id}>{t(`sections.${id}.title`)}</li>
      ))}
    </ul>
  );
}

export function SharesCopy({ shares }: { shares: CopyView['shares'] }) {
  const { t } = useTranslation('rights');
  const status = (s: CopyView['shares'][number]) =>
    s.status === 'withdrawn'
      ? t('copy.statusWithdrawn', { date: s.ended ?? '' })
      : s.status === 'expired'
        ? t('copy.statusExpired', { date: s.ended ?? '' })
        : t('copy.statusActive', { date: s.started });
  return (
    <section aria-labelledby="copy-shares">
      <h2 id="copy-shares">{t('copy.sharesHeading')}</h2>
      <p>{t('copy.sharesIntro')}</p>
      {shares.length === 0 ? <p>{t('copy.noShares')}</p> : null}
      {shares.map((s) => (
        <section key={s.reference} className="version-section" aria-labelledby={`copy-share-${s.reference}`}>
          <h3 id={`copy-share-${s.reference}`}>
            {t('copy.shareHeading', { name: s.worker.name || t('copy.unknownWorker'), organisation: s.worker.organisation })}
          </h3>
          <dl className="summary-list">
            <Row label={t('copy.status')}>{status(s)}</Row>
            <Row label={t('copy.reference')}>{s.reference}</Row>
            {s.worker.jobTitle ? <Row label={t('copy.jobTitle')}>{s.worker.jobTitle}</Row> : null}
            {s.worker.team ? <Row label={t('copy.team')}>{s.worker.team}</Row> : null}
            <Row label={t('copy.sections')}>
              <SectionNames sections={s.sections} />
            </Row>
            <Row label={t('copy.audience')}>{s.includeTeam ? t('copy.audienceTeam') : t('copy.audienceWorker')}</Row>
            <Row label={t('copy.newVersions')}>{s.includeNewVersions ? t('copy.newVersionsYes') : t('copy.newVersionsNo')}</Row>
            <Row label={t('copy.period')}>{s.until ? t('copy.untilDay', { date: s.until }) : t('copy.untilStopped')}</Row>
            <Row label={t('copy.versionsShared')}>{s.versionsShared.join(', ')}</Row>
          </dl>
          <h4>{t('copy.accessHeading')}</h4>
          {s.access.length === 0 ? <p>{t('copy.noAccess')}</p> : null}
          <ul>
            {s.access.map((a, i) => (
              <li key={i}>{t(`copy.access.${a.action}`, { who: a.who || t('copy.someone'), date: a.date, version: a.version ?? '' })}</li>
            ))}
          </ul>
          <h4>{t('copy.repliesHeading')}</h4>
          {s.replies.length === 0 ? <p>{t('copy.noReplies')}</p> : null}
          {s.replies.map((r, i) => (
            <div key={i} className="answer">
              <p>{t('copy.reply', { from: r.from || t('copy.someone'), date: r.date })}</p>
              <blockquote className="answer__words">{r.body}</blockquote>
              <p>{r.read ? t('copy.replyRead') : t('copy.replyUnread')}</p>
            </div>
          ))}
          <h4>{t('copy.consentHeading')}</h4>
          <p>{t('copy.consentIntro')}</p>
          <ul>
            {s.consent.map((c, i) => (
              <li key={i}>
                {t(`copy.consent.${c.action}`, { date: c.date })}
                {c.action === 'given' || c.action === 'changed' ? <SectionNames sections={c.sections} /> : null}
              </li>
            ))}
          </ul>
          <p>{t('copy.purpose')}</p>
        </section>
      ))}
    </section>
  );
}
