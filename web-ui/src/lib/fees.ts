// The yuan people type as whole fen (分), exactly (BigInt, never a float; fen as yuan is formatFen); the periods of a
// fee notice; who may change a product's price.
import { translate, type Locale } from '../i18n/messages';
import type { Role } from './jwt';
import { formatDateTime, formatFen } from './format';

export type YuanError = 'empty' | 'format' | 'decimals' | 'tooLarge';

/**
 * What someone typed as yuan, in whole fen: "12", "0.1" (10 fen), "1,234.50", "¥3.05"; refused: more than two decimals
 * ("12.345": never rounded), a sign, letters, commas out of their thousands places ("1,23"), more than a safe integer.
 */
export function parseYuan(text: string): { ok: true; fen: number } | { ok: false; error: YuanError } {
  const s = text.trim().replace(/^[¥￥]\s*/, '');
  if (s === '') return { ok: false, error: 'empty' };
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return { ok: false, error: 'format' };
  const cents = m[2] ?? '';
  if (cents.length > 2) return { ok: false, error: 'decimals' };
  const fen = BigInt((m[1] ?? '0').replace(/,/g, '')) * 100n + BigInt(cents.padEnd(2, '0'));
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, error: 'tooLarge' };
  return { ok: true, fen: Number(fen) };
}

export type NewPriceError = YuanError | 'zero' | 'aboveCap';

/** A new unit price as typed, checked as the server does: at least 1 fen, never above the cap. */
export function checkNewPrice(text: string, capFen: number | null | undefined): { ok: true; fen: number } | { ok: false; error: NewPriceError } {
  const parsed = parseYuan(text);
  if (!parsed.ok) return parsed;
  if (parsed.fen < 1) return { ok: false, error: 'zero' };
  if (capFen !== null && capFen !== undefined && parsed.fen > capFen) return { ok: false, error: 'aboveCap' };
  return parsed;
}

/** The words of a price check's refusal (the cap in yuan where it is the reason). */
export function newPriceErrorText(locale: Locale, error: NewPriceError, capFen?: number | null): string {
  const key = {
    empty: 'priceChangeEmpty',
    format: 'priceChangeFormat',
    decimals: 'priceChangeDecimals',
    tooLarge: 'priceChangeTooLarge',
    zero: 'priceChangeZero',
    aboveCap: 'priceChangeAboveCap',
  } as const;
  return translate(locale, key[error], { cap: formatFen(locale, capFen) });
}

/** The span of one price of a fee notice: "from – until", or "from – 至今 / in force" while it is the price in force. */
export function feePeriodLabel(locale: Locale, from: string | null | undefined, until: string | null | undefined): string {
  return `${formatDateTime(locale, from)} – ${until ? formatDateTime(locale, until) : translate(locale, 'feeInForce')}`;
}

export interface Priced {
  status?: string | null;
  priceRule?: { kind?: string | null } | null;
}

/** Whether the console offers 调价: the bureau admin, on a listed product that has a price (FREE has none). */
export function canChangePrice(product: Priced | null | undefined, roles: readonly Role[]): boolean {
  return roles.includes('bureau-admin') && product?.status === 'LISTED' && !!product.priceRule?.kind && product.priceRule.kind !== 'FREE';
}
