import { z } from 'zod';

/**
 * How the person likes pages shown. Kept in a cookie and applied by the server as it renders,
 * so the page never flashes in the wrong size or colours.
 */
export const textSizes = ['standard', 'large', 'largest'] as const;
export const themes = ['default', 'dark', 'contrast'] as const;
export const fonts = ['standard', 'readable'] as const;
export const onOff = ['on', 'off'] as const;

export const preferencesSchema = z.object({
  textSize: z.enum(textSizes).catch('standard'),
  theme: z.enum(themes).catch('default'),
  font: z.enum(fonts).catch('standard'),
  pictures: z.enum(onOff).catch('on'),
  readAloud: z.enum(onOff).catch('on'),
  dataSaver: z.enum(onOff).catch('off'),
});

export type Preferences = z.infer<typeof preferencesSchema>;

export const defaultPreferences: Preferences = preferencesSchema.parse({});

/** Reads stored preferences; anything missing or unknown falls back to the default. */
export function parsePreferences(value: unknown): Preferences {
  return preferencesSchema.parse(typeof value === 'object' && value !== null ? value : {});
}

/** The form's fields, strictly: a value outside the choices is an error, not a silent default. */
export const preferencesFormSchema = z.object({
  textSize: z.enum(textSizes, { message: 'preferences:errors.textSize' }),
  theme: z.enum(themes, { message: 'preferences:errors.theme' }),
  font: z.enum(fonts, { message: 'preferences:errors.font' }),
  pictures: z.enum(onOff, { message: 'preferences:errors.pictures' }),
  readAloud: z.enum(onOff, { message: 'preferences:errors.readAloud' }),
  dataSaver: z.enum(onOff, { message: 'preferences:errors.dataSaver' }),
});
