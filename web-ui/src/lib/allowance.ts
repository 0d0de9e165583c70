// 最高准许收入: an operator's allowed revenue per year (cost + profit + tax), set by the bureau for this year or a year to
// come; what the console offers and how a form's yuan become whole fen.
import { parseYuan, type YuanError } from './fees';

/** The years the bureau may set an allowance for now: this year and the next, in bureau time (UTC+8). */
export function allowanceYears(now: Date = new Date()): number[] {
  const year = new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
  return [year, year + 1];
}

export interface AllowanceForm {
  cost: string;
  profit: string;
  tax: string;
}

/** The three parts in whole fen, or the first part that is not an amount (and why). */
export function allowanceParts(
  form: AllowanceForm,
): { ok: true; costFen: number; profitFen: number; taxFen: number } | { ok: false; field: keyof AllowanceForm; error: YuanError } {
  const parts: (keyof AllowanceForm)[] = ['cost', 'profit', 'tax'];
  const fen: number[] = [];
  for (const field of parts) {
    const parsed = parseYuan(form[field]);
    if (!parsed.ok) return { ok: false, field, error: parsed.error };
    fen.push(parsed.fen);
  }
  return { ok: true, costFen: fen[0] ?? 0, profitFen: fen[1] ?? 0, taxFen: fen[2] ?? 0 };
}
