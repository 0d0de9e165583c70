import { describe, expect, it } from 'vitest';
import { decisionTime, durationParts, formatDuration, secondsToHours, slaStatus } from '../src/lib/sla';

const since = '2026-11-01T00:00:00Z';
const at = (hours: number) => new Date(Date.parse(since) + hours * 3_600_000);

describe('review SLA timers', () => {
  it('is ok early, a warning past three quarters, overdue after the deadline', () => {
    expect(slaStatus(since, 120, at(10)).level).toBe('ok');
    expect(slaStatus(since, 120, at(90)).level).toBe('warning');
    expect(slaStatus(since, 120, at(121)).level).toBe('overdue');
  });

  it('gives the deadline and the time left (negative once overdue)', () => {
    const s = slaStatus(since, 120, at(100));
    expect(s.dueAt.toISOString()).toBe('2026-11-06T00:00:00.000Z');
    expect(s.remainingMs).toBe(20 * 3_600_000);
    expect(slaStatus(since, 120, at(130)).remainingMs).toBe(-10 * 3_600_000);
    expect(slaStatus(since, 120, at(130)).used).toBe(1);
  });

  it('takes the SLA from the caller (policy data), not a constant', () => {
    expect(slaStatus(since, 48, at(50)).level).toBe('overdue');
    expect(slaStatus(since, 240, at(50)).level).toBe('ok');
  });

  it('formats durations with days', () => {
    expect(formatDuration(3_723_000)).toBe('01:02:03');
    expect(formatDuration(2 * 86_400_000 + 3_600_000, '天')).toBe('2天 01:00:00');
    expect(durationParts(-61_000)).toEqual({ negative: true, days: 0, hours: 0, minutes: 1, seconds: 1 });
  });

  it('turns seconds into hours with one decimal', () => {
    expect(secondsToHours(5400)).toBe(1.5);
    expect(secondsToHours(0)).toBe(0);
  });
});

describe('time to decision in words', () => {
  it('uses seconds, minutes or hours as fits', () => {
    expect(decisionTime(0.42)).toEqual({ value: 0.4, unit: 'seconds' });
    expect(decisionTime(90)).toEqual({ value: 1.5, unit: 'minutes' });
    expect(decisionTime(7200)).toEqual({ value: 2, unit: 'hours' });
  });
});
