import { statement } from '../statement/definition';

/**
 * What the person agrees to when they share, read from the consent form. Nothing is assumed:
 * no section is pre-chosen, and every choice must be made before anything is shared.
 */
export interface ShareTerms {
  sections: string[];
  includeTeam: boolean;
  includeNewVersions: boolean;
  /** The last day (YYYY-MM-DD) the share lasts, or null for "until I stop it". */
  until: string | null;
}

/** The one purpose a share is for, said in words wherever the share is shown. */
export const sharePurpose = 'safeguarding-support';

export const sectionIds = statement.map((s) => s.id);

export type ConsentResult =
  | { ok: true; terms: ShareTerms }
  | {
      ok: false;
      errors: Record<string, string>;
      values: { sections: string[]; audience: string; period: string; until: string; newVersions: string };
    };

/** Reads a date typed as 2027-03-31 (what a date field sends) or 31/3/2027 (a browser without one). */
export function parseDay(text: string): string | null {
  const trimmed = text.trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  let [year, month, day] = match ? [match[1], match[2], match[3]] : [undefined, undefined, undefined];
  if (!match) {
    match = /^(\d{1,2})[\s/.-]+(\d{1,2})[\s/.-]+(\d{4})$/.exec(trimmed);
    if (match) [day, month, year] = [match[1], match[2], match[3]];
  }
  if (!match) return null;
  const iso = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** Checks the consent form; `today` is YYYY-MM-DD; `teamOffered` is false when the worker has no team. */
export function parseConsent(form: FormData, today: string, teamOffered: boolean): ConsentResult {
  const chosen = form.getAll('sections').map(String);
  const sections = sectionIds.filter((id) => chosen.includes(id));
  const audience = String(form.get('audience') ?? (teamOffered ? '' : 'worker'));
  const period = String(form.get('period') ?? '');
  const untilText = String(form.get('until') ?? '');
  const newVersions = String(form.get('newVersions') ?? '');
  const errors: Record<string, string> = {};
  if (sections.length === 0 || sections.length !== chosen.length) errors.sections = 'sharing:errors.sections';
  if (audience !== 'worker' && !(teamOffered && audience === 'team')) errors.audience = 'sharing:errors.audience';
  let until: string | null = null;
  if (period === 'date') {
    until = parseDay(untilText);
    if (!untilText.trim()) errors.until = 'sharing:errors.untilEmpty';
    else if (!until) errors.until = 'sharing:errors.untilInvalid';
    else if (until <= today) errors.until = 'sharing:errors.untilPast';
  } else if (period !== 'stopped') errors.period = 'sharing:errors.period';
  if (newVersions !== 'yes' && newVersions !== 'no') errors.newVersions = 'sharing:errors.newVersions';
  if (Object.keys(errors).length > 0)
    return { ok: false, errors, values: { sections: chosen, audience, period, until: untilText, newVersions } };
  return { ok: true, terms: { sections, includeTeam: audience === 'team', includeNewVersions: newVersions === 'yes', until } };
}

/** True while a share with this end day still lasts on `today` (the end day itself included). */
export function stillLasts(until: string | null, today: string): boolean {
  return until === null || until >= today;
}
