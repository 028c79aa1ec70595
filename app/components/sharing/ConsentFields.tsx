import { useTranslation } from 'react-i18next';
import { Checkboxes } from '../checkboxes/Checkboxes';
import { Radios } from '../radios/Radios';
import { TextInput } from '../text-input/TextInput';
import { statement } from '~/domain/statement/definition';

export interface ConsentValues {
  sections: string[];
  audience: string;
  period: string;
  until: string;
  newVersions: string;
}

/**
 * The choices of a share, in easy read: what, with whom, for how long, and whether new versions
 * go too. Nothing is chosen for the person; when they change a share, their choices are shown.
 */
export function ConsentFields({
  values,
  errors,
  workerName,
  team,
}: {
  values: ConsentValues;
  errors: Record<string, string>;
  workerName: string;
  team: string;
}) {
  const { t } = useTranslation(['sharing', 'statement']);
  const error = (field: string) => (errors[field] ? t(errors[field]!) : undefined);
  return (
    <>
      <Checkboxes
        id="sections"
        name="sections"
        legend={t('sharing:consent.sectionsLegend')}
        hint={t('sharing:consent.sectionsHint')}
        error={error('sections')}
        values={values.sections}
        options={statement.map((s) => ({
          value: s.id,
          label: t(`statement:sections.${s.id}.title`),
          hint: s.id === 'contact' ? t('sharing:consent.contactHint') : undefined,
        }))}
      />
      {team ? (
        <Radios
          id="audience"
          name="audience"
          legend={t('sharing:consent.audienceLegend')}
          error={error('audience')}
          value={values.audience}
          options={[
            { value: 'worker', label: t('sharing:consent.audienceWorker', { name: workerName }) },
            {
              value: 'team',
              label: t('sharing:consent.audienceTeam', { name: workerName, team }),
              hint: t('sharing:consent.audienceTeamHint', { name: workerName }),
            },
          ]}
        />
      ) : (
        <input type="hidden" name="audience" value="worker" />
      )}
      <Radios
        id="period"
        name="period"
        legend={t('sharing:consent.periodLegend')}
        error={error('period')}
        value={values.period}
        options={[
          { value: 'stopped', label: t('sharing:consent.periodStopped') },
          { value: 'date', label: t('sharing:consent.periodDate') },
        ]}
      />
      <TextInput
        id="until"
        name="until"
        type="date"
        label={t('sharing:consent.untilLabel')}
        hint={t('sharing:consent.untilHint')}
        error={error('until')}
        defaultValue={values.until}
      />
      <Radios
        id="newVersions"
        name="newVersions"
        legend={t('sharing:consent.newVersionsLegend')}
        hint={t('sharing:consent.newVersionsHint')}
        error={error('newVersions')}
        value={values.newVersions}
        options={[
          { value: 'yes', label: t('sharing:consent.newVersionsYes') },
          { value: 'no', label: t('sharing:consent.newVersionsNo') },
        ]}
      />
    </>
  );
}

/** The worker an adult is about to share with, as they will recognise them. */
export function WorkerCard({ name, jobTitle, team, organisation }: { name: string; jobTitle: string; team: string; organisation: string }) {
  const { t } = useTranslation('sharing');
  return (
    <dl className="summary-list worker-card">
      <div className="summary-list__row">
        <dt className="summary-list__key">{t('worker.name')}</dt>
        <dd className="summary-list__value">{name}</dd>
      </div>
      {jobTitle ? (
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('worker.jobTitle')}</dt>
          <dd className="summary-list__value">{jobTitle}</dd>
        </div>
      ) : null}
      {team ? (
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('worker.team')}</dt>
          <dd className="summary-list__value">{team}</dd>
        </div>
      ) : null}
      <div className="summary-list__row">
        <dt className="summary-list__key">{t('worker.organisation')}</dt>
        <dd className="summary-list__value">{organisation}</dd>
      </div>
    </dl>
  );
}
