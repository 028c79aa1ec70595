import { describe, expect, it } from 'vitest';
import { defaultPreferences, parsePreferences, preferencesFormSchema } from './preferences';

describe('preferences', () => {
  it('falls back to the default for anything missing or unknown in the cookie', () => {
    expect(parsePreferences(null)).toEqual(defaultPreferences);
    expect(parsePreferences({ theme: 'purple', textSize: 'large' })).toEqual({ ...defaultPreferences, textSize: 'large' });
  });

  it('treats an unknown value posted by the form as an error with a translatable message', () => {
    const result = preferencesFormSchema.safeParse({ ...defaultPreferences, theme: 'purple' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('preferences:errors.theme');
  });
});
