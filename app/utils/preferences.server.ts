import { parsePreferences, type Preferences } from '~/domain/preferences';
import { preferencesCookie } from './cookies.server';

/** The person's display preferences from their cookie. */
export async function preferencesOf(request: Request): Promise<Preferences> {
  return parsePreferences(await preferencesCookie.parse(request.headers.get('Cookie')));
}
