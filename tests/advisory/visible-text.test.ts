import { describe, expect, it } from 'vitest';
import { comparable, emptyReason } from '../../src/advisory/visible-text.js';

describe('comparable', () => {
  it('drops every zero-width character of the running Unicode, however its quick test was written', () => {
    const zeroWidth = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
    const missed: string[] = [];
    for (let code = 0x80; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const character = String.fromCodePoint(code);
      if (zeroWidth.test(character) && comparable(`a${character}b`, 'en') !== 'ab') missed.push(`U+${code.toString(16).toUpperCase()}`);
    }
    expect(missed).toEqual([]);
  });

  it('reads texts that differ only in what nobody sees as one', () => {
    for (const text of ['South Governorate', 'south  governorate ', 'South\u00a0Governorate', 'Ｓｏｕｔｈ Governorate', 'South\u200b Governorate', ' South\n\tGovernorate\u2060']) {
      expect(comparable(text, 'en')).toBe('south governorate');
    }
    expect(comparable('IZMIR', 'tr')).toBe('ızmır');
  });
});

describe('emptyReason', () => {
  it('names the invisible characters of a text that shows nothing, and only of such a text', () => {
    expect(emptyReason('\u200b\u2800\u3164')).toBe('it is empty: it holds only invisible characters (U+200B, U+2800, U+3164); delete them and write the text');
    expect(emptyReason('\u{E0020}')).toBe('it is empty: it holds only invisible characters (U+E0020); delete them and write the text');
    expect(emptyReason(' \n')).toBe('it is empty');
    expect(emptyReason('\u200bx')).toBeNull();
  });
});
