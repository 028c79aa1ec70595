import { describe, expect, it } from 'vitest';
import { parseConsent, parseDay, stillLasts } from './consent';

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

describe('the consent form', () => {
  it('asks for every choice when nothing is chosen, and keeps nothing ticked for the person', () => {
    const result = parseConsent(form([]), '2026-11-27', true);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['audience', 'newVersions', 'period', 'sections']);
    expect(result.values.sections).toEqual([]);
  });

  it('reads a share of two sections with the team, until a date, with new versions', () => {
    const result = parseConsent(
      form([
        ['sections', 'contact'],
        ['sections', 'outcomes'],
        ['audience', 'team'],
        ['period', 'date'],
        ['until', '2027-03-31'],
        ['newVersions', 'yes'],
      ]),
      '2026-11-27',
      true,
    );
    expect(result).toEqual({
      ok: true,
      terms: { sections: ['outcomes', 'contact'], includeTeam: true, includeNewVersions: true, until: '2027-03-31' },
    });
  });

  it('refuses a section that does not exist, a team the worker does not have, and a day already gone', () => {
    const result = parseConsent(
      form([
        ['sections', 'outcomes'],
        ['sections', 'passwords'],
        ['audience', 'team'],
        ['period', 'date'],
        ['until', '27/11/2026'],
        ['newVersions', 'no'],
      ]),
      '2026-11-27',
      false,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      sections: 'sharing:errors.sections',
      audience: 'sharing:errors.audience',
      until: 'sharing:errors.untilPast',
    });
    expect(result.values.until).toBe('27/11/2026');
  });

  it('reads dates as a date field or a person types them, and refuses days that do not exist', () => {
    expect(parseDay('2027-2-3')).toBe('2027-02-03');
    expect(parseDay('3/2/2027')).toBe('2027-02-03');
    expect(parseDay('31 4 2027')).toBeNull();
    expect(parseDay('next week')).toBeNull();
  });

  it('lasts until the end of the chosen day, or until stopped', () => {
    expect(stillLasts('2027-03-31', '2027-03-31')).toBe(true);
    expect(stillLasts('2027-03-31', '2027-04-01')).toBe(false);
    expect(stillLasts(null, '2099-01-01')).toBe(true);
  });
});
