// The efficiency dashboard's series: months of applications (from licenses), calls and revenue.
import { countByMonth } from './ledger';
import { secondsToHours } from './sla';

export interface MonthFigures {
  month: string;
  applications: number;
  calls: number;
  revenueYuan: number;
}

export function monthlySeries(
  months: { month: string; calls: number; revenueFen: number; applications?: number }[],
  applicationInstants: (string | null | undefined)[],
): MonthFigures[] {
  const apps = countByMonth(applicationInstants);
  const all = new Set<string>([...months.map((m) => m.month), ...Object.keys(apps)]);
  return [...all]
    .filter((m) => m !== '—')
    .sort()
    .map((month) => {
      const m = months.find((x) => x.month === month);
      return {
        month,
        applications: m?.applications ?? apps[month] ?? 0,
        calls: m?.calls ?? 0,
        revenueYuan: (m?.revenueFen ?? 0) / 100,
      };
    });
}

export function decisionHours(medianSeconds: number, p90Seconds: number): { p50: number; p90: number } {
  return { p50: secondsToHours(medianSeconds), p90: secondsToHours(p90Seconds) };
}
