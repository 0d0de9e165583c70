import { describe, expect, it } from 'vitest';
import { allowanceParts, allowanceYears } from '../src/lib/allowance';

describe('最高准许收入 in the console', () => {
  it('is set for this year and the next, in bureau time', () => {
    expect(allowanceYears(new Date('2026-12-31T15:59:00Z'))).toEqual([2026, 2027]);
    expect(allowanceYears(new Date('2026-12-31T16:00:00Z'))).toEqual([2027, 2028]); // midnight in UTC+8
  });

  it('turns the yuan typed into whole fen exactly, or names the part that is not an amount', () => {
    expect(allowanceParts({ cost: '1,234.50', profit: '0.1', tax: '12' })).toEqual({ ok: true, costFen: 123450, profitFen: 10, taxFen: 1200 });
    expect(allowanceParts({ cost: '1', profit: '12.345', tax: '1' })).toEqual({ ok: false, field: 'profit', error: 'decimals' });
    expect(allowanceParts({ cost: '1', profit: '1', tax: '-3' })).toEqual({ ok: false, field: 'tax', error: 'format' });
  });
});
