import { describe, expect, it } from 'vitest';
import { codeAlphabet, codeLength, formatCode, hashCode, looksLikeCode, newCode, normaliseCode } from './codes';

describe('connection codes', () => {
  it('never use characters that look or sound alike', () => {
    for (const c of '0OQ1IL2Z5S6G8BUV') expect(codeAlphabet).not.toContain(c);
    const codes = Array.from({ length: 200 }, newCode);
    for (const code of codes) {
      expect(code).toHaveLength(codeLength);
      expect(looksLikeCode(code)).toBe(true);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('are shown in two groups of four and accepted however the person types them', () => {
    expect(formatCode('ACDE3479')).toBe('ACDE-3479');
    expect(normaliseCode(' acde - 3479 ')).toBe('ACDE3479');
    expect(normaliseCode('acde–3479')).toBe('ACDE3479');
    expect(hashCode(normaliseCode('acde 3479'))).toBe(hashCode('ACDE3479'));
  });

  it('recognise a mistyped code as not a code at all', () => {
    expect(looksLikeCode('ACDE347')).toBe(false);
    expect(looksLikeCode('ACDE347O')).toBe(false);
  });
});
