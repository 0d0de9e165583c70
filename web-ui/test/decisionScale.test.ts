import { describe, expect, it } from 'vitest';
import { decisionScale } from '../src/lib/efficiency';

describe('the time-to-decision chart', () => {
  it('reads seconds in seconds, and leaves out an SLA of 120 hours that would flatten them', () => {
    const scale = decisionScale(0.4, 3.3, 120);
    expect(scale.unit).toBe('s');
    expect([scale.p50, scale.p90]).toEqual([0.4, 3.3]);
    expect(scale.slaShown).toBe(false);
    expect(scale.axisMax).toBeLessThan(10);
  });

  it('reads days of review in hours, with the SLA line beside them', () => {
    const scale = decisionScale(20 * 3600, 130 * 3600, 120);
    expect(scale.unit).toBe('h');
    expect([scale.p50, scale.p90, scale.sla]).toEqual([20, 130, 120]);
    expect(scale.slaShown).toBe(true);
    expect(scale.axisMax).toBeGreaterThan(130);
  });

  it('reads minutes in minutes', () => {
    expect(decisionScale(300, 1800, 120).unit).toBe('min');
  });
});
