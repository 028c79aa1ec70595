import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Button } from '~/components/button/Button';
import { Radios } from '~/components/radios/Radios';
import { TextInput } from '~/components/text-input/TextInput';

interface AddStaffFormProps {
  errors: Record<string, string>;
  /** What the admin typed, when the form comes back to be put right. */
  values: Partial<Record<string, string>>;
}

/** Adds a worker or admin to the admin's own organisation; the page then shows their set-up link once. */
export function AddStaffForm({ errors, values }: AddStaffFormProps) {
  const { t } = useTranslation('staff');
  const error = (field: string) => (errors[field] ? t(errors[field]) : undefined);
  return (
    <>
      <h2 id="add-heading">{t('admin.addHeading')}</h2>
      <p>{t('admin.addIntro')}</p>
      <Form method="post" noValidate aria-labelledby="add-heading">
        <input type="hidden" name="intent" value="add-staff" />
        <TextInput id="name" name="name" label={t('fields.name')} error={error('name')} defaultValue={values.name} autoComplete="off" />
        <TextInput
          id="email"
          name="email"
          type="email"
          label={t('fields.email')}
          error={error('email')}
          defaultValue={values.email}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          dir="ltr"
        />
        <TextInput
          id="jobTitle"
          name="jobTitle"
          label={t('fields.jobTitle')}
          error={error('jobTitle')}
          defaultValue={values.jobTitle}
          autoComplete="off"
        />
        <TextInput id="team" name="team" label={t('fields.team')} error={error('team')} defaultValue={values.team} autoComplete="off" />
        <Radios
          id="role"
          name="role"
          legend={t('fields.role')}
          error={error('role')}
          value={values.role ?? 'worker'}
          options={[
            { value: 'worker', label: t('roles.worker'), hint: t('roles.workerHint') },
            { value: 'admin', label: t('roles.admin'), hint: t('roles.adminHint') },
          ]}
        />
        <Button>{t('admin.addSubmit')}</Button>
      </Form>
    </>
  );
}
