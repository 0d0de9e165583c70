import { describe, expect, it } from 'vitest';
import { canChangePrice, checkNewPrice, feePeriodLabel, newPriceErrorText, parseYuan } from '../src/lib/fees';
import { fenToYuan, formatDateTime, formatFen } from '../src/lib/format';

describe('fen as yuan, exactly', () => {
  it('writes whole fen with two decimals, signs and large amounts without a float', () => {
    expect(fenToYuan(0)).toBe('0.00');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(10)).toBe('0.10');
    expect(fenToYuan(123450)).toBe('1234.50');
    expect(fenToYuan(-5)).toBe('-0.05');
    expect(fenToYuan(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
    expect(fenToYuan(123456789012345678901n)).toBe('1234567890123456789.01');
    expect(fenToYuan(1.5)).toBeNull();
    expect(fenToYuan(null)).toBeNull();
  });

  it('formats money as Intl does for CNY in both languages, with no rounding on the way', () => {
    for (const fen of [0, 1, 7, 99, 100, 12345, 100000, 123456789, -250]) {
      expect(formatFen('zh', fen), String(fen)).toBe(new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' }).format(fen / 100));
      expect(formatFen('en', fen), String(fen)).toBe(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'CNY' }).format(fen / 100));
    }
    // 0.29 × 100 is 28.999… in floating point: from whole fen there is nothing to round
    expect(formatFen('zh', 29)).toBe('¥0.29');
    expect(formatFen('zh', 9007199254740991)).toBe('¥90,071,992,547,409.91');
    expect(formatFen('en', null)).toBe('—');
  });
});

describe('yuan as typed, to whole fen', () => {
  it('reads plain amounts, one or two decimals, thousands separators and a ¥ sign', () => {
    expect(parseYuan('12')).toEqual({ ok: true, fen: 1200 });
    expect(parseYuan('0.1')).toEqual({ ok: true, fen: 10 });
    expect(parseYuan('0.29')).toEqual({ ok: true, fen: 29 });
    expect(parseYuan('1,234.50')).toEqual({ ok: true, fen: 123450 });
    expect(parseYuan(' ¥3.05 ')).toEqual({ ok: true, fen: 305 });
    expect(parseYuan('￥1,000,000')).toEqual({ ok: true, fen: 100000000 });
    expect(parseYuan('007.5')).toEqual({ ok: true, fen: 750 });
  });

  it('refuses a third decimal rather than rounding it, and anything that is not an amount', () => {
    expect(parseYuan('12.345')).toEqual({ ok: false, error: 'decimals' });
    expect(parseYuan('0.001')).toEqual({ ok: false, error: 'decimals' });
    expect(parseYuan('')).toEqual({ ok: false, error: 'empty' });
    expect(parseYuan('   ')).toEqual({ ok: false, error: 'empty' });
    for (const text of ['-1', '+1', '1e3', '12.', '.5', '1,23', '12,34.5', '1.234,50', 'abc', '1 000', '0x10', 'NaN', 'Infinity']) {
      expect(parseYuan(text), text).toEqual({ ok: false, error: 'format' });
    }
    expect(parseYuan('90071992547409.92')).toEqual({ ok: false, error: 'tooLarge' });
    expect(parseYuan('90071992547409.91')).toEqual({ ok: true, fen: Number.MAX_SAFE_INTEGER });
  });

  it('checks a new price as the server does: at least one fen, never above the cap', () => {
    expect(checkNewPrice('5.00', 500)).toEqual({ ok: true, fen: 500 });
    expect(checkNewPrice('5.01', 500)).toEqual({ ok: false, error: 'aboveCap' });
    expect(checkNewPrice('0', 500)).toEqual({ ok: false, error: 'zero' });
    expect(checkNewPrice('0.00', 500)).toEqual({ ok: false, error: 'zero' });
    expect(checkNewPrice('0.01', 500)).toEqual({ ok: true, fen: 1 });
    expect(checkNewPrice('12.345', 500)).toEqual({ ok: false, error: 'decimals' });
    expect(newPriceErrorText('zh', 'aboveCap', 500)).toBe('不得高于政府指导价上限 ¥5.00');
    expect(newPriceErrorText('en', 'aboveCap', 500)).toBe('Not above the government-guided cap of CN¥5.00');
  });
});

describe('the periods of a fee notice', () => {
  const from = '2026-12-07T19:50:25.024893Z';
  const until = '2026-12-08T02:00:00Z';

  it('names a closed period by both ends, in bureau time', () => {
    expect(feePeriodLabel('zh', from, until)).toBe(`${formatDateTime('zh', from)} – ${formatDateTime('zh', until)}`);
    expect(feePeriodLabel('zh', from, until)).toContain('2026/12/08 03:50');
  });

  it('names the open period 至今 / in force', () => {
    expect(feePeriodLabel('zh', from, null)).toBe(`${formatDateTime('zh', from)} – 至今`);
    expect(feePeriodLabel('en', from, undefined)).toBe(`${formatDateTime('en', from)} – in force`);
  });
});

describe('调价 is offered', () => {
  const priced = { status: 'LISTED', priceRule: { kind: 'PER_CALL' } };

  it('to the bureau admin on a listed, priced product', () => {
    expect(canChangePrice(priced, ['bureau-admin'])).toBe(true);
    expect(canChangePrice({ ...priced, priceRule: { kind: 'PER_PERIOD' } }, ['bureau-admin'])).toBe(true);
  });

  it('not on a free or withdrawn product, and to nobody else', () => {
    expect(canChangePrice({ ...priced, priceRule: { kind: 'FREE' } }, ['bureau-admin'])).toBe(false);
    expect(canChangePrice({ ...priced, status: 'WITHDRAWN' }, ['bureau-admin'])).toBe(false);
    expect(canChangePrice({ status: 'LISTED', priceRule: null }, ['bureau-admin'])).toBe(false);
    for (const role of ['bureau-reviewer', 'operator', 'provider', 'developer'] as const) {
      expect(canChangePrice(priced, [role]), role).toBe(false);
    }
    expect(canChangePrice(priced, [])).toBe(false);
  });
});
