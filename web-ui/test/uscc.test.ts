import { describe, expect, it } from 'vitest';
import { checkUscc, isValidUscc, usccCheckCharacter, withCheckCharacter } from '../src/lib/uscc';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each(['91350100M000100Y43', '91110000600037341L', '91440300708461136T'])('accepts the valid example %s', (code) => {
    expect(isValidUscc(code)).toBe(true);
    expect(checkUscc(code)).toEqual({ state: 'valid' });
  });

  it('computes the check character: 31 − (Σ mod 31), 31 → 0', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(usccCheckCharacter('91110000600037341')).toBe('L');
    // Find a prefix whose sum is a multiple of 31: its check character is '0', not a 32nd symbol.
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    let found = false;
    for (const c of alphabet) {
      const prefix = `9135010000000000${c}`;
      if (usccCheckCharacter(prefix) === '0') found = true;
    }
    expect(found).toBe(true);
  });

  it('names the expected check character when it is wrong', () => {
    expect(checkUscc('91350100M000100Y44')).toEqual({ state: 'bad-check', expected: '3', actual: '4' });
  });

  it('refuses letters outside the alphabet (I, O, S, V, Z) as they are typed', () => {
    expect(checkUscc('9135O')).toEqual({ state: 'bad-symbol', position: 5, symbol: 'O' });
    expect(checkUscc('91350100M00010SY43')).toMatchObject({ state: 'bad-symbol', symbol: 'S' });
  });

  it('reports progress while typing, and too many characters', () => {
    expect(checkUscc('')).toEqual({ state: 'empty' });
    expect(checkUscc('9135')).toEqual({ state: 'incomplete', length: 4 });
    expect(checkUscc('91350100M000100Y431')).toEqual({ state: 'too-long', length: 19 });
  });

  it('reads lower case and surrounding spaces as typed by people', () => {
    expect(checkUscc(' 91110000600037341l ')).toEqual({ state: 'valid' });
  });

  it('appends the check character', () => {
    expect(withCheckCharacter('91350100M000100Y4')).toBe('91350100M000100Y43');
    expect(() => withCheckCharacter('short')).toThrow();
  });
});
