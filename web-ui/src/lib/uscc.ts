// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-symbol alphabet (no I, O, S, V, Z);
// the 18th is a check character over the first 17 with fixed weights.

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
export const USCC_LENGTH = 18;

/** The check character for the first 17 characters, or null when one of them is not a valid symbol. */
export function usccCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) return null;
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  const r = 31 - (sum % 31);
  return USCC_ALPHABET.charAt(r === 31 ? 0 : r);
}

export type UsccCheck =
  | { state: 'empty' }
  | { state: 'incomplete'; length: number }
  | { state: 'too-long'; length: number }
  | { state: 'bad-symbol'; position: number; symbol: string }
  | { state: 'bad-check'; expected: string; actual: string }
  | { state: 'valid' };

/** Checks a code as it is being typed: what is wrong so far, or that it is complete and valid. */
export function checkUscc(raw: string): UsccCheck {
  const code = raw.trim().toUpperCase();
  if (code.length === 0) return { state: 'empty' };
  for (let i = 0; i < code.length; i++) {
    const symbol = code.charAt(i);
    if (!USCC_ALPHABET.includes(symbol)) return { state: 'bad-symbol', position: i + 1, symbol };
  }
  if (code.length < USCC_LENGTH) return { state: 'incomplete', length: code.length };
  if (code.length > USCC_LENGTH) return { state: 'too-long', length: code.length };
  const expected = usccCheckCharacter(code.slice(0, 17));
  const actual = code.charAt(17);
  if (expected !== actual) return { state: 'bad-check', expected: expected ?? '?', actual };
  return { state: 'valid' };
}

export function isValidUscc(code: string): boolean {
  return checkUscc(code).state === 'valid';
}

/** A valid code built from 17 characters (the check character appended). */
export function withCheckCharacter(first17: string): string {
  const check = usccCheckCharacter(first17);
  if (check === null) throw new Error('not 17 valid symbols');
  return first17 + check;
}
