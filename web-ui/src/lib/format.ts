// Numbers, money and dates in the chosen language.
import type { Locale } from '../i18n/messages';

const NUMBER_LOCALE: Record<Locale, string> = { zh: 'zh-CN', en: 'en-US' };

export function formatNumber(locale: Locale, n: number | null | undefined, digits?: number): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  const options: Intl.NumberFormatOptions = digits === undefined ? {} : { maximumFractionDigits: digits };
  return new Intl.NumberFormat(NUMBER_LOCALE[locale], options).format(n);
}

/** Whole fen as yuan with two decimals, no grouping, exactly (BigInt): 123450 → "1234.50", -5 → "-0.05"; null when not whole fen. */
export function fenToYuan(fen: number | bigint | null | undefined): string | null {
  if (fen === null || fen === undefined) return null;
  if (typeof fen === 'number' && !Number.isInteger(fen)) return null;
  const value = BigInt(fen);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  return `${negative ? '-' : ''}${(abs / 100n).toString()}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/**
 * Fen (分) as yuan, exactly from the whole fen (no division in floating point): ¥1,234.50 in Chinese, CN¥1,234.50 in
 * English (what Intl's CNY currency format writes for these locales).
 */
export function formatFen(locale: Locale, fen: number | bigint | null | undefined): string {
  const yuan = fenToYuan(fen);
  if (yuan === null) return '—';
  const negative = yuan.startsWith('-');
  const [whole = '0', cents = '00'] = (negative ? yuan.slice(1) : yuan).split('.');
  return `${negative ? '-' : ''}${locale === 'en' ? 'CN¥' : '¥'}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

export function formatPercent(locale: Locale, share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return new Intl.NumberFormat(NUMBER_LOCALE[locale], { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** An instant in the bureau's time zone (Asia/Shanghai). */
export function formatDateTime(locale: Locale, instant: string | null | undefined): string {
  if (!instant) return '—';
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  return new Intl.DateTimeFormat(NUMBER_LOCALE[locale], {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(d);
}

export function formatDate(instantOrDate: string | null | undefined): string {
  if (!instantOrDate) return '—';
  return instantOrDate.slice(0, 10);
}

export function formatBytes(locale: Locale, bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '—';
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${formatNumber(locale, v, u === 0 ? 0 : 1)} ${units[u]}`;
}

export function shortHash(hash: string | null | undefined, n = 12): string {
  if (!hash) return '—';
  return hash.length > n ? `${hash.slice(0, n)}…` : hash;
}
