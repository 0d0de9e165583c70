import { describe, expect, it } from 'vitest';
import { bureauMonth, countByMonth, groupLedger, isBalanced } from '../src/lib/ledger';
import { decisionHours, monthlySeries } from '../src/lib/efficiency';
import { asListPage } from '../src/lib/list';

describe('ledger by organization and month', () => {
  it('takes the month in the bureau time zone (UTC+8)', () => {
    expect(bureauMonth('2026-10-31T17:00:00Z')).toBe('2026-11');
    expect(bureauMonth('2026-10-31T15:59:59Z')).toBe('2026-10');
  });

  it('sums debits and credits per organization and month, newest month first', () => {
    const groups = groupLedger([
      { organization: 'A', createdAt: '2026-10-05T00:00:00Z', debitFen: 500, creditFen: 0 },
      { organization: 'A', createdAt: '2026-10-05T00:00:00Z', debitFen: 0, creditFen: 500 },
      { organization: 'B', createdAt: '2026-11-05T00:00:00Z', debitFen: 200, creditFen: 0 },
      { organization: 'B', createdAt: '2026-11-05T00:00:00Z', debitFen: 0, creditFen: 200 },
    ]);
    expect(groups).toEqual([
      { organization: 'B', month: '2026-11', debitFen: 200, creditFen: 200, entries: 2 },
      { organization: 'A', month: '2026-10', debitFen: 500, creditFen: 500, entries: 2 },
    ]);
    expect(isBalanced(groups)).toBe(true);
    expect(isBalanced([{ debitFen: 1, creditFen: 0 }])).toBe(false);
  });

  it('counts applications per month', () => {
    expect(countByMonth(['2026-10-01T00:00:00Z', '2026-10-02T00:00:00Z', null, '2026-11-01T00:00:00Z'])).toEqual({ '2026-10': 2, '2026-11': 1 });
  });

  it('joins the months of calls and revenue with the months of applications', () => {
    const series = monthlySeries([{ month: '2026-11', calls: 7, revenueFen: 1234 }], ['2026-10-02T00:00:00Z', '2026-11-02T00:00:00Z']);
    expect(series).toEqual([
      { month: '2026-10', applications: 1, calls: 0, revenueYuan: 0 },
      { month: '2026-11', applications: 1, calls: 7, revenueYuan: 12.34 },
    ]);
    expect(decisionHours(1800, 7200)).toEqual({ p50: 0.5, p90: 2 });
  });
});

describe('list answers, bare or in the envelope', () => {
  it('reads a bare array', () => {
    expect(asListPage([1, 2])).toEqual({ items: [1, 2], total: 2, page: 0, size: 2 });
  });
  it('reads the envelope {items, total, page, size}', () => {
    expect(asListPage({ items: [1], total: 10, page: 3, size: 1 })).toEqual({ items: [1], total: 10, page: 3, size: 1 });
  });
  it('reads the ledger shape (entries) and anything else as empty', () => {
    expect(asListPage({ entries: [1, 2, 3] }).items).toHaveLength(3);
    expect(asListPage(null)).toEqual({ items: [], total: 0, page: 0, size: 0 });
  });
});
