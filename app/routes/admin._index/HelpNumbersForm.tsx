import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Button } from '~/components/button/Button';
import { Fieldset } from '~/components/fieldset/Fieldset';
import { TextInput } from '~/components/text-input/TextInput';
import { maxHelpNumbers, type HelpNumber } from '~/domain/help-numbers';

interface HelpNumbersFormProps {
  numbers: HelpNumber[];
  errors: Record<string, string>;
  /** What the admin typed, when the form comes back to be put right; null shows the saved numbers. */
  values: Partial<Record<string, string>> | null;
}

/** Up to 5 places to phone for help, each a name and a number, shown to a person who is not safe now. */
export function HelpNumbersForm({ numbers, errors, values }: HelpNumbersFormProps) {
  const { t } = useTranslation('staff');
  const error = (field: string) => (errors[field] ? t(errors[field]) : undefined);
  const rows = Array.from({ length: maxHelpNumbers }, (_, i) => i + 1);
  return (
    <>
      <h2 id="help-heading">{t('admin.helpHeading')}</h2>
      <p>{t('admin.helpIntro')}</p>
      <Form method="post" noValidate aria-labelledby="help-heading">
        <input type="hidden" name="intent" value="help-numbers" />
        {rows.map((row) => (
          <Fieldset key={row} legend={t('admin.helpRow', { number: row })}>
            <TextInput
              id={`helpName-${row}`}
              name={`helpName-${row}`}
              label={t('admin.helpName')}
              error={error(`helpName-${row}`)}
              defaultValue={values ? values[`helpName-${row}`] : numbers[row - 1]?.name}
              autoComplete="off"
            />
            <TextInput
              id={`helpNumber-${row}`}
              name={`helpNumber-${row}`}
              type="tel"
              label={t('admin.helpNumber')}
              error={error(`helpNumber-${row}`)}
              defaultValue={values ? values[`helpNumber-${row}`] : numbers[row - 1]?.number}
              autoComplete="off"
              dir="ltr"
            />
          </Fieldset>
        ))}
        <Button>{t('admin.helpSubmit')}</Button>
      </Form>
    </>
  );
}
