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

/** How the time-to-decision chart reads: in the unit that fits the bars, with the SLA line only where it fits beside them. */
export interface DecisionScale {
  unit: 's' | 'min' | 'h';
  p50: number;
  p90: number;
  /** The SLA in the same unit. */
  sla: number;
  /** Whether the SLA line is drawn: not when it is more than 5 times the longest bar (the bars would vanish under it). */
  slaShown: boolean;
  axisMax: number;
}

const PER_UNIT = { s: 1, min: 60, h: 3600 } as const;

export function decisionScale(medianSeconds: number, p90Seconds: number, slaHours: number): DecisionScale {
  const longest = Math.max(medianSeconds, p90Seconds, 0);
  const unit: DecisionScale['unit'] = longest < 120 ? 's' : longest < 7200 ? 'min' : 'h';
  const inUnit = (seconds: number) => Math.round((seconds / PER_UNIT[unit]) * 10) / 10;
  const slaSeconds = slaHours * 3600;
  const slaShown = slaSeconds <= 5 * Math.max(longest, 1);
  const p50 = inUnit(medianSeconds);
  const p90 = inUnit(p90Seconds);
  const sla = inUnit(slaSeconds);
  const top = slaShown ? Math.max(p90, p50, sla) : Math.max(p90, p50);
  return { unit, p50, p90, sla, slaShown, axisMax: Math.max(top * 1.15, unit === 's' ? 1 : 0.1) };
}
