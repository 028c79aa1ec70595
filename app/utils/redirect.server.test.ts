import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './redirect.server';

describe('safeReturnPath', () => {
  it('keeps a path on this site', () => {
    expect(safeReturnPath('/staying-safe?x=1')).toBe('/staying-safe?x=1');
  });
  it.each(['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '', null, 42])(
    'sends %s home instead',
    (value) => {
      expect(safeReturnPath(value)).toBe('/');
    },
  );
});
