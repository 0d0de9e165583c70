// The ledger grouped for the bureau: per organization and month, debits and credits in fen.

export interface LedgerEntryLike {
  organization?: string | null;
  createdAt?: string | null;
  debitFen?: number | null;
  creditFen?: number | null;
  account?: string | null;
}

export interface LedgerGroup {
  organization: string;
  month: string;
  debitFen: number;
  creditFen: number;
  entries: number;
}

/** The month of an instant in the bureau's time zone (UTC+8), as YYYY-MM. */
export function bureauMonth(instant: string): string {
  const t = new Date(instant).getTime();
  if (!Number.isFinite(t)) return '—';
  return new Date(t + 8 * 3_600_000).toISOString().slice(0, 7);
}

export function groupLedger(entries: LedgerEntryLike[]): LedgerGroup[] {
  const groups = new Map<string, LedgerGroup>();
  for (const e of entries) {
    const organization = e.organization ?? '—';
    const month = e.createdAt ? bureauMonth(e.createdAt) : '—';
    const key = `${organization}\u0000${month}`;
    let g = groups.get(key);
    if (!g) {
      g = { organization, month, debitFen: 0, creditFen: 0, entries: 0 };
      groups.set(key, g);
    }
    g.debitFen += e.debitFen ?? 0;
    g.creditFen += e.creditFen ?? 0;
    g.entries += 1;
  }
  return [...groups.values()].sort((a, b) => b.month.localeCompare(a.month) || a.organization.localeCompare(b.organization));
}

export function isBalanced(groups: { debitFen: number; creditFen: number }[]): boolean {
  const d = groups.reduce((s, g) => s + g.debitFen, 0);
  const c = groups.reduce((s, g) => s + g.creditFen, 0);
  return d === c;
}

/** Counts per month (YYYY-MM, bureau time) of instants, e.g. applications. */
export function countByMonth(instants: (string | null | undefined)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of instants) {
    if (!i) continue;
    const m = bureauMonth(i);
    out[m] = (out[m] ?? 0) + 1;
  }
  return out;
}

/** The invoice states the API reports, with the tone each shows in (the badges' colours meet 4.5:1 contrast). */
export const INVOICE_STATUS_TONE: Record<string, 'gray' | 'blue' | 'red' | 'green' | 'orange'> = {
  NO_CHARGE: 'gray',
  ISSUED: 'blue',
  OVERDUE: 'red',
  PAID: 'green',
  REVERSED: 'orange',
};

/** What is still owed on the lines shown: the amounts ISSUED or OVERDUE (a paid, reversed or free line owes nothing). */
export function outstandingFen(lines: readonly { status?: string | null; amountFen?: number | null }[]): number {
  return lines.filter((l) => l.status === 'ISSUED' || l.status === 'OVERDUE').reduce((sum, l) => sum + (l.amountFen ?? 0), 0);
}

/** Last month in bureau time (UTC+8), as the ledger names months: the latest one that may be closed now. */
export function lastMonth(now: Date = new Date()): string {
  const bureau = new Date(now.getTime() + 8 * 3600_000);
  const year = bureau.getUTCFullYear();
  const month = bureau.getUTCMonth(); // 0-based: this month − 1 in 1-based terms
  return month === 0 ? `${year - 1}-12` : `${year}-${String(month).padStart(2, '0')}`;
}
