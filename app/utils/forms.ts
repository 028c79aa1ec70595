import type { z } from 'zod';

/** What an action sends back when the form needs fixing: an i18n key per field, and what was typed. */
export interface FormFailure<Values = Record<string, string>> {
  errors: Record<string, string>;
  values: Partial<Values>;
}

export type FormResult<T> = { ok: true; data: T } | ({ ok: false } & FormFailure);

/** Removes control characters (other than line breaks and tabs) that no person types on purpose. */
export function cleanText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').normalize('NFC');
}

/**
 * Checks a posted form against a schema. The one way forms are read: every error message is an
 * i18n key (so it reaches the person in their language), and whatever they typed comes back to
 * be put in the fields again.
 */
export function parseForm<S extends z.ZodTypeAny>(formData: FormData, schema: S): FormResult<z.infer<S>> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('_')) values[key] = cleanText(value);
  }
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data as z.infer<S> };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
  }
  return { ok: false, errors, values };
}
