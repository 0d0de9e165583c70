import { describe, expect, it } from 'vitest';
import { discreteLaplaceHalfWidth, noiseOf } from '../src/lib/noiseInterval';

/** P(|Z| ≤ c) for discrete Laplace of scale b, summed term by term (independent of the closed form under test). */
function coverage(scale: number, c: number): number {
  const q = Math.exp(-1 / scale);
  const norm = (1 - q) / (1 + q);
  let p = norm; // z = 0
  for (let z = 1; z <= c; z++) p += 2 * norm * q ** z;
  return p;
}

describe('the 95 % interval of discrete Laplace noise', () => {
  it.each([0.5, 1, 3, 9, 30, 73.3, 600])('is the smallest c covering 95 %% at scale %s', (scale) => {
    const c = discreteLaplaceHalfWidth(scale);
    expect(coverage(scale, c)).toBeGreaterThanOrEqual(0.95);
    if (c > 0) expect(coverage(scale, c - 1)).toBeLessThan(0.95);
  });

  it('grows like b·ln 20 for large scales', () => {
    expect(discreteLaplaceHalfWidth(1000) / 1000).toBeCloseTo(Math.log(20), 2);
  });
});

describe('a released column', () => {
  it('is not noised without pdx.noised', () => {
    expect(noiseOf(new Map([['pdx.noised', 'false']]))).toBeNull();
    expect(noiseOf(undefined)).toBeNull();
  });

  it('a noised count: sensitivity over its share of ε', () => {
    const info = noiseOf(new Map([['pdx.noised', 'true'], ['pdx.epsilon', '0.25'], ['pdx.count_sensitivity', '10']]));
    expect(info?.halfWidth).toBe(discreteLaplaceHalfWidth(40));
  });

  it('a noised sum: drawn in units of its grid, shown in the column units', () => {
    const info = noiseOf(new Map([['pdx.noised', 'true'], ['pdx.epsilon', '0.5'], ['pdx.sum_sensitivity', '60000'],
      ['pdx.granularity', '0.01']]));
    expect(info?.halfWidth).toBeCloseTo(discreteLaplaceHalfWidth(12_000_000) * 0.01, 6);
  });

  it('an average has no interval of its own (a ratio of two noised values)', () => {
    const info = noiseOf(new Map([['pdx.noised', 'true'], ['pdx.epsilon', '0.4'], ['pdx.count_sensitivity', '10'],
      ['pdx.sum_sensitivity', '60000']]));
    expect(info).toEqual({ halfWidth: null, epsilon: 0.4 });
  });
});
