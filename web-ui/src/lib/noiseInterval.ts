// The uncertainty of a value released with discrete Laplace noise, read from the metadata the sandbox puts on each
// released column (pdx.noised, pdx.epsilon — this statistic's share of ε — and its sensitivity). The console shows a
// noised count or sum as "value ± h": h is the half-width of its 95 % interval, the noise alone (the contribution bounds
// may also have dropped rows: that is a bias the interval does not cover, and the console says so beside the table).

/** How a released column was noised, as the console shows it. */
export interface NoiseInfo {
  /** Half-width of the 95 % interval in the column's units, or null where none is shown (an average: a ratio of two noised values). */
  halfWidth: number | null;
  /** ε spent on this statistic. */
  epsilon: number;
}

/**
 * The smallest integer c with P(|Z| ≤ c) ≥ level for discrete Laplace noise Z of scale b (P(Z = z) ∝ e^(−|z|/b)):
 * P(|Z| > c) = 2·e^(−(c+1)/b) / (1 + e^(−1/b)).
 */
export function discreteLaplaceHalfWidth(scale: number, level = 0.95): number {
  if (!(scale > 0) || !(level > 0 && level < 1)) throw new Error('a positive scale and a level in (0, 1)');
  const c = Math.ceil(scale * Math.log(2 / ((1 - level) * (1 + Math.exp(-1 / scale))))) - 1;
  return Math.max(0, c);
}

function num(metadata: Map<string, string>, key: string): number | null {
  const raw = metadata.get(key);
  if (raw === undefined) return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : null;
}

/** The noise of one released column from its Arrow field metadata; null when the column is not noised. */
export function noiseOf(metadata: Map<string, string> | undefined): NoiseInfo | null {
  if (!metadata || metadata.get('pdx.noised') !== 'true') return null;
  const epsilon = num(metadata, 'pdx.epsilon');
  if (epsilon === null || epsilon <= 0) return null;
  const countSensitivity = num(metadata, 'pdx.count_sensitivity');
  const sumSensitivity = num(metadata, 'pdx.sum_sensitivity');
  if (countSensitivity !== null && sumSensitivity !== null) return { halfWidth: null, epsilon }; // AVG = noisy sum / noisy count
  if (countSensitivity !== null) return { halfWidth: discreteLaplaceHalfWidth(countSensitivity / epsilon), epsilon };
  if (sumSensitivity !== null) {
    const granularity = num(metadata, 'pdx.granularity') ?? 1;
    // the noise is drawn in whole units of the grid: scale in units, half-width back in the column's units
    const units = discreteLaplaceHalfWidth(sumSensitivity / granularity / epsilon);
    return { halfWidth: units * granularity, epsilon };
  }
  return { halfWidth: null, epsilon };
}
