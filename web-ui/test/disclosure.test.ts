import { describe, expect, it } from 'vitest';
import { bureauYear, disclosureOffers, disclosureYears } from '../src/lib/disclosure';
import { lastMonth, outstandingFen } from '../src/lib/ledger';
import { can } from '../src/lib/actions';

describe('the years a disclosure is prepared for', () => {
  it('runs from this year in bureau time back to 2000', () => {
    const years = disclosureYears(new Date('2026-12-08T04:00:00Z'));
    expect(years[0]).toBe(2026);
    expect(years.at(-1)).toBe(2000);
    expect(years).toHaveLength(27);
  });

  it('turns over at midnight in Beijing, not in UTC', () => {
    expect(bureauYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(bureauYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
    expect(disclosureYears(new Date('2026-12-31T16:00:00Z'))[0]).toBe(2027);
  });
});

describe('what the disclosure page offers', () => {
  const draft = { status: 'DRAFT', actions: [] };
  const publishable = { status: 'DRAFT', actions: ['publish'] };
  const published = { status: 'PUBLISHED', actions: [] };

  it('lets the bureau admin prepare a year with no disclosure or a draft, never a published one', () => {
    expect(disclosureOffers(null, ['bureau-admin']).prepare).toBe(true);
    expect(disclosureOffers(draft, ['bureau-admin']).prepare).toBe(true);
    expect(disclosureOffers(published, ['bureau-admin']).prepare).toBe(false);
    expect(disclosureOffers(draft, ['bureau-reviewer']).prepare).toBe(false);
    expect(disclosureOffers(null, []).prepare).toBe(false);
  });

  it('offers publish only when the server names it (the current year\u2019s draft: not)', () => {
    expect(disclosureOffers(draft, ['bureau-admin']).publish).toBe(false);
    expect(disclosureOffers(publishable, ['bureau-admin']).publish).toBe(true);
    expect(disclosureOffers(published, ['bureau-admin']).publish).toBe(false);
  });

  it('fetches a draft\u2019s documents with the token and links a published one\u2019s', () => {
    expect(disclosureOffers(draft, ['bureau-admin']).withToken).toBe(true);
    expect(disclosureOffers(published, []).withToken).toBe(false);
  });
});

describe('an invoice line', () => {
  it('offers 冲销 and 收款确认 exactly where the server lists them', () => {
    const issued = { id: 'l1', status: 'ISSUED', receiptNo: null, actions: ['pay', 'reverse'] };
    const paid = { id: 'l2', status: 'PAID', receiptNo: 'FS2026-00000001', actions: [] };
    expect(can(issued, 'pay')).toBe(true);
    expect(can(issued, 'reverse')).toBe(true);
    expect(can(paid, 'reverse')).toBe(false);
    expect(can({ ...issued, actions: null }, 'pay')).toBe(false);
  });

  it('owes what is issued or overdue, not what is paid, reversed or free', () => {
    expect(
      outstandingFen([
        { status: 'ISSUED', amountFen: 12345 },
        { status: 'OVERDUE', amountFen: 100 },
        { status: 'PAID', amountFen: 999 },
        { status: 'REVERSED', amountFen: 777 },
        { status: 'NO_CHARGE', amountFen: 0 },
      ]),
    ).toBe(12445);
    expect(outstandingFen([])).toBe(0);
  });
});

describe('the month the bureau may close', () => {
  it('is last month in bureau time, across a year', () => {
    expect(lastMonth(new Date('2026-12-08T04:00:00Z'))).toBe('2026-11');
    expect(lastMonth(new Date('2027-01-01T00:00:00Z'))).toBe('2026-12'); // 08:00 on 1 January in UTC+8
    expect(lastMonth(new Date('2026-12-31T16:30:00Z'))).toBe('2026-12'); // already 1 January in UTC+8
  });
});
