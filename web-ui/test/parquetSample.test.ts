import { describe, expect, it } from 'vitest';
import { cellText } from '../src/lib/parquetSample';

describe('cellText', () => {
  it('writes Parquet values as a CSV cell would hold them, for the same inference', () => {
    expect(cellText(new Date('2026-07-19T00:00:00.000Z'))).toBe('2026-07-19');
    expect(cellText(new Date('2026-07-19T08:30:05.000Z'))).toBe('2026-07-19 08:30:05');
    expect(cellText(12345678901234567890n)).toBe('12345678901234567890');
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText(1544.97)).toBe('1544.97');
    expect(cellText('闽A12345')).toBe('闽A12345');
  });
});
