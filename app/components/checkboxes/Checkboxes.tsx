import { ChoiceList, type ChoiceGroupProps } from '../radios/Radios';

/** Choose any: a checkbox group in a fieldset whose legend can be the page's heading. */
export function Checkboxes({ values = [], ...props }: ChoiceGroupProps & { values?: string[] }) {
  return <ChoiceList {...props} type="checkbox" isChecked={(v) => values.includes(v)} />;
}
