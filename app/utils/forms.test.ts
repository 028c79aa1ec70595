import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cleanText, parseForm } from './forms';

describe('parseForm', () => {
  const schema = z.object({ name: z.string().min(1, 'errors.name') });

  it('returns the data when the form is right', () => {
    const form = new FormData();
    form.set('name', 'Jo');
    expect(parseForm(form, schema)).toEqual({ ok: true, data: { name: 'Jo' } });
  });

  it('returns an i18n key per field and everything the person typed', () => {
    const form = new FormData();
    form.set('name', '');
    form.set('other', 'kept');
    expect(parseForm(form, schema)).toEqual({ ok: false, errors: { name: 'errors.name' }, values: { name: '', other: 'kept' } });
  });
});

describe('cleanText', () => {
  it('removes control characters but keeps line breaks, tabs and every script', () => {
    expect(cleanText('a\u0000b\u0007c\nd\te ۔ আমি')).toBe('abc\nd\te ۔ আমি');
  });
});
