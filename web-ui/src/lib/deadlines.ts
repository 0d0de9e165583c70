// 按时办结: the shapes the efficiency page draws from the decision figures — per kind, the months (totals with their
// departments beneath), met against late per month over every kind, and what is open and overdue now.
import type { DecisionDeadline, DecisionFigures, DecisionFiguresRow, DecisionKind } from '../api/decisions';

/** Every month from `from` to `to` (YYYY-MM), both included. */
export function monthsBetween(from: string, to: string): string[] {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  if (!fy || !fm || !ty || !tm) return [];
  const months: string[] = [];
  for (let y = fy, m = fm; y < ty || (y === ty && m <= tm); m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    if (months.length > 240) break;
  }
  return months;
}

/** The twelve months up to `now`'s month, as the API's default range. */
export function lastTwelveMonths(now: Date = new Date()): { from: string; to: string } {
  const month = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  return { from: month(new Date(now.getFullYear(), now.getMonth() - 11, 1)), to: month(now) };
}

export interface KindMonth extends DecisionFiguresRow {
  key: string;
  children?: KindMonth[];
}

/** One kind's months: the total of each month, its departments beneath it. */
export function kindMonths(figures: DecisionFigures, kind: DecisionKind): KindMonth[] {
  const rows = figures.rows.filter((r) => r.kind === kind);
  return rows
    .filter((r) => !r.department)
    .map((total) => {
      const departments = rows
        .filter((r) => r.department && r.month === total.month)
        .map((r) => ({ ...r, key: `${kind}-${r.month}-${r.department}` }));
      const row: KindMonth = { ...total, key: `${kind}-${total.month}` };
      if (departments.length > 0) row.children = departments;
      return row;
    });
}

export interface MonthMetLate {
  month: string;
  met: number;
  late: number;
}

/** Met against late per month of the range, over every kind (the totals only, so nothing counts twice). */
export function metLateByMonth(figures: DecisionFigures): MonthMetLate[] {
  return monthsBetween(figures.from, figures.to).map((month) => {
    const totals = figures.rows.filter((r) => !r.department && r.month === month);
    return {
      month,
      met: totals.reduce((s, r) => s + r.metDeadline, 0),
      late: totals.reduce((s, r) => s + r.late, 0),
    };
  });
}

export interface Backlog {
  deadline: DecisionDeadline;
  openNow: number;
  overdueNow: number;
}

/** Per kind, what begun in the range is open now and how much of it is overdue. */
export function backlogByKind(figures: DecisionFigures): Backlog[] {
  return figures.deadlines.map((deadline) => {
    const totals = figures.rows.filter((r) => r.kind === deadline.kind && !r.department);
    return {
      deadline,
      openNow: totals.reduce((s, r) => s + r.openNow, 0),
      overdueNow: totals.reduce((s, r) => s + r.overdueNow, 0),
    };
  });
}

/** Share of the decided that met the deadline, or null when nothing was decided. */
export function metShare(rows: Pick<DecisionFiguresRow, 'metDeadline' | 'late'>[]): number | null {
  const met = rows.reduce((s, r) => s + r.metDeadline, 0);
  const all = met + rows.reduce((s, r) => s + r.late, 0);
  return all === 0 ? null : met / all;
}
