// Review SLA timers: a request submitted at `since` is due `slaHours` later.

export type SlaLevel = 'ok' | 'warning' | 'overdue';

export interface SlaStatus {
  dueAt: Date;
  /** Milliseconds until due; negative once overdue. */
  remainingMs: number;
  /** Share of the SLA already used, 0..1 (capped at 1 when overdue). */
  used: number;
  level: SlaLevel;
}

/** Warning once three quarters of the SLA are used. */
export const SLA_WARNING_SHARE = 0.75;

export function slaStatus(since: string | Date, slaHours: number, now: Date = new Date()): SlaStatus {
  const start = typeof since === 'string' ? new Date(since) : since;
  const totalMs = Math.max(0, slaHours) * 3_600_000;
  const dueAt = new Date(start.getTime() + totalMs);
  const remainingMs = dueAt.getTime() - now.getTime();
  const elapsed = now.getTime() - start.getTime();
  const used = totalMs === 0 ? 1 : Math.min(1, Math.max(0, elapsed / totalMs));
  const level: SlaLevel = remainingMs < 0 ? 'overdue' : used >= SLA_WARNING_SHARE ? 'warning' : 'ok';
  return { dueAt, remainingMs, used, level };
}

export interface DurationParts {
  negative: boolean;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export function durationParts(ms: number): DurationParts {
  const negative = ms < 0;
  let s = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(s / 86_400);
  s -= days * 86_400;
  const hours = Math.floor(s / 3600);
  s -= hours * 3600;
  const minutes = Math.floor(s / 60);
  return { negative, days, hours, minutes, seconds: s - minutes * 60 };
}

/** A compact duration: "2d 03:14:05" or "03:14:05"; the unit of days is the caller's word. */
export function formatDuration(ms: number, dayUnit = 'd'): string {
  const p = durationParts(ms);
  const hms = [p.hours, p.minutes, p.seconds].map((n) => String(n).padStart(2, '0')).join(':');
  return p.days > 0 ? `${p.days}${dayUnit} ${hms}` : hms;
}

/** Seconds to hours with one decimal, as the efficiency figures are shown. */
export function secondsToHours(seconds: number): number {
  return Math.round((seconds / 3600) * 10) / 10;
}

/** A time to decision in the largest fitting unit: seconds, minutes or hours (one decimal). */
export function decisionTime(seconds: number): { value: number; unit: 'seconds' | 'minutes' | 'hours' } {
  const s = Math.max(0, seconds);
  if (s < 60) return { value: Math.round(s * 10) / 10, unit: 'seconds' };
  if (s < 3600) return { value: Math.round((s / 60) * 10) / 10, unit: 'minutes' };
  return { value: Math.round((s / 3600) * 10) / 10, unit: 'hours' };
}
