import { describe, expect, it } from 'vitest';
import type { DecisionFigures, DecisionFiguresRow } from '../src/api/decisions';
import { backlogByKind, kindMonths, lastTwelveMonths, metLateByMonth, metShare, monthsBetween } from '../src/lib/deadlines';

const row = (over: Partial<DecisionFiguresRow>): DecisionFiguresRow => ({
  kind: 'LICENSE',
  month: '2026-10',
  department: null,
  decided: 0,
  decidedAutomatically: 0,
  metDeadline: 0,
  late: 0,
  openNow: 0,
  overdueNow: 0,
  ...over,
});

const deadline = (kind: 'LICENSE' | 'OBJECTION') => ({
  kind,
  labelZh: kind,
  labelEn: kind,
  unit: 'WORKING_DAYS' as const,
  amount: 5,
  source: 'pdx.config.efficiency.deadlines',
  basisZh: '配置',
  basisEn: 'configured',
});

const figures: DecisionFigures = {
  from: '2026-09',
  to: '2026-11',
  asOf: '2026-12-08T00:00:00Z',
  deadlines: [deadline('LICENSE'), deadline('OBJECTION')],
  rows: [
    row({ month: '2026-09', decided: 2, metDeadline: 2 }),
    row({ month: '2026-09', department: 'dept-a', decided: 2, metDeadline: 2 }),
    row({ month: '2026-10', decided: 3, metDeadline: 1, late: 2, openNow: 4, overdueNow: 1 }),
    row({ month: '2026-10', department: 'dept-a', decided: 1, metDeadline: 1, openNow: 1 }),
    row({ month: '2026-10', department: 'dept-b', decided: 2, late: 2, openNow: 3, overdueNow: 1 }),
    row({ kind: 'OBJECTION', month: '2026-10', decided: 1, late: 1, openNow: 2, overdueNow: 2 }),
    row({ kind: 'OBJECTION', month: '2026-10', department: 'dept-b', decided: 1, late: 1, openNow: 2, overdueNow: 2 }),
  ],
};

describe('按时办结 figures for the page', () => {
  it('counts months inclusively, across a year', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-03')).toEqual(['2026-03']);
    expect(monthsBetween('2026-04', '2026-03')).toEqual([]);
    expect(lastTwelveMonths(new Date(2026, 0, 15))).toEqual({ from: '2025-02', to: '2026-01' });
  });

  it('puts departments beneath their month total, per kind', () => {
    const months = kindMonths(figures, 'LICENSE');
    expect(months.map((m) => m.month)).toEqual(['2026-09', '2026-10']);
    expect(months[1]?.children?.map((c) => c.department)).toEqual(['dept-a', 'dept-b']);
    expect(kindMonths(figures, 'OBJECTION')[0]?.children).toHaveLength(1);
  });

  it('sums met and late per month over the kinds from the totals only, every month present', () => {
    expect(metLateByMonth(figures)).toEqual([
      { month: '2026-09', met: 2, late: 0 },
      { month: '2026-10', met: 1, late: 3 },
      { month: '2026-11', met: 0, late: 0 },
    ]);
  });

  it('gives each kind its backlog and overdue now', () => {
    expect(backlogByKind(figures).map((b) => [b.deadline.kind, b.openNow, b.overdueNow])).toEqual([
      ['LICENSE', 4, 1],
      ['OBJECTION', 2, 2],
    ]);
    expect(metShare([{ metDeadline: 1, late: 3 }])).toBe(0.25);
    expect(metShare([])).toBeNull();
  });
});
