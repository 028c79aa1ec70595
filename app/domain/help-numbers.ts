import { cleanText } from '~/utils/forms';

/** A place to phone for help, shown with 999 to a person who is not safe now. */
export interface HelpNumber {
  name: string;
  number: string;
}

/** An organisation gives at most this many, so the list stays short enough to read in a hurry. */
export const maxHelpNumbers = 5;

const nameLimit = 80;
// Digits, spaces, brackets, dashes and a leading +: what UK and international numbers are printed with.
const phonePattern = /^\+?[0-9][0-9 ()-]{1,22}[0-9]$/;

/** An organisation's stored help numbers; anything unreadable counts as none. */
export function readHelpNumbers(json: string): HelpNumber[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value
      .filter((row): row is HelpNumber => typeof row?.name === 'string' && typeof row?.number === 'string')
      .map(({ name, number }) => ({ name, number }))
      .slice(0, maxHelpNumbers);
  } catch {
    return [];
  }
}

export type HelpNumbersResult =
  { ok: true; numbers: HelpNumber[] } | { ok: false; errors: Record<string, string>; values: Record<string, string> };

/**
 * Reads the help-numbers form: rows `helpName-1`/`helpNumber-1` up to 5. An empty row is left
 * out; a row with only one half is an error on the missing half. Errors are i18n keys.
 */
export function helpNumbersFromForm(form: FormData): HelpNumbersResult {
  const numbers: HelpNumber[] = [];
  const errors: Record<string, string> = {};
  const values: Record<string, string> = {};
  for (let row = 1; row <= maxHelpNumbers; row++) {
    const nameField = `helpName-${row}`;
    const numberField = `helpNumber-${row}`;
    const name = cleanText(String(form.get(nameField) ?? '')).trim();
    const number = cleanText(String(form.get(numberField) ?? ''))
      .trim()
      .replace(/\s+/g, ' ');
    values[nameField] = name;
    values[numberField] = number;
    if (!name && !number) continue;
    if (!name) errors[nameField] = 'staff:errors.helpNameMissing';
    else if (name.length > nameLimit) errors[nameField] = 'staff:errors.helpNameLong';
    if (!number) errors[numberField] = 'staff:errors.helpNumberMissing';
    else if (!phonePattern.test(number)) errors[numberField] = 'staff:errors.helpNumberInvalid';
    numbers.push({ name, number });
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors, values } : { ok: true, numbers };
}
