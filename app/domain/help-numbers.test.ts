import { describe, expect, it } from 'vitest';
import { helpNumbersFromForm, readHelpNumbers } from './help-numbers';

function form(entries: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.set(key, value);
  return data;
}

describe('help numbers', () => {
  it('keeps filled rows in order, leaves out empty ones, and tidies spaces', () => {
    const result = helpNumbersFromForm(
      form({
        'helpName-1': ' Duty team ',
        'helpNumber-1': '0300  123 4567',
        'helpName-3': 'Out of hours',
        'helpNumber-3': '+44 (0)300 111-2222',
      }),
    );
    expect(result).toEqual({
      ok: true,
      numbers: [
        { name: 'Duty team', number: '0300 123 4567' },
        { name: 'Out of hours', number: '+44 (0)300 111-2222' },
      ],
    });
  });

  it('names the missing half of a row, and a number that is not a phone number, keeping what was typed', () => {
    const result = helpNumbersFromForm(
      form({ 'helpName-1': 'Duty team', 'helpNumber-2': '0300 123 4567', 'helpName-4': 'X', 'helpNumber-4': 'call us' }),
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        'helpNumber-1': 'staff:errors.helpNumberMissing',
        'helpName-2': 'staff:errors.helpNameMissing',
        'helpNumber-4': 'staff:errors.helpNumberInvalid',
      },
      values: expect.objectContaining({ 'helpName-1': 'Duty team', 'helpNumber-4': 'call us' }),
    });
  });

  it('accepts no numbers at all', () => {
    expect(helpNumbersFromForm(form({}))).toEqual({ ok: true, numbers: [] });
  });

  it('reads stored JSON, and treats anything unreadable as none', () => {
    expect(readHelpNumbers('[{"name":"Duty team","number":"0300 123 4567","extra":1}]')).toEqual([
      { name: 'Duty team', number: '0300 123 4567' },
    ]);
    expect(readHelpNumbers('not json')).toEqual([]);
    expect(readHelpNumbers('{"name":"x"}')).toEqual([]);
    expect(readHelpNumbers('[null, {"name": 1}]')).toEqual([]);
  });
});
