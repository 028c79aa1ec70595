import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrations } from './index';

describe('the migration list', () => {
  it('names every migration file in the folder, in date order', () => {
    const files = fs
      .readdirSync(import.meta.dirname)
      .filter((f) => /^\d{4}_\d{2}_\d{2}_\d{4}_.+\.ts$/.test(f) && !f.endsWith('.test.ts'))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(Object.keys(migrations)).toEqual(files);
  });
});
