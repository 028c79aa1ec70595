import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Button } from '~/components/button/Button';
import { TextInput } from '~/components/text-input/TextInput';

/** Connects a new endpoint; the page then shows its signing secret once. */
export function AddEndpointForm({ error, value }: { error?: string; value?: string }) {
  const { t } = useTranslation('integration');
  return (
    <>
      <h2 id="add-endpoint-heading">{t('add.heading')}</h2>
      <Form method="post" noValidate aria-labelledby="add-endpoint-heading">
        <input type="hidden" name="intent" value="add-endpoint" />
        <TextInput
          id="url"
          name="url"
          type="url"
          label={t('add.label')}
          hint={t('add.hint')}
          error={error ? t(error) : undefined}
          defaultValue={value}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          dir="ltr"
        />
        <Button>{t('add.submit')}</Button>
      </Form>
    </>
  );
}
