import { useI18n } from '../i18n/I18nContext';
import { formatFen } from '../lib/format';
import type { PriceRule } from '../api/types';

export function usePriceText(): (rule: PriceRule | undefined | null) => string {
  const { t, te, locale } = useI18n();
  return (rule) => {
    if (!rule?.kind) return t('unknown');
    if (rule.kind === 'FREE') return te('price_', 'FREE');
    const params = { kind: te('price_', rule.kind), price: formatFen(locale, rule.unitPriceFen), cap: formatFen(locale, rule.capFen) };
    return rule.kind === 'PER_PERIOD' && rule.period
      ? t('priceRulePeriodText', { ...params, period: te('period_', rule.period) })
      : t('priceRuleText', params);
  };
}

export function PriceRuleText({ rule }: { rule: PriceRule | undefined | null }) {
  const text = usePriceText();
  return <span>{text(rule)}</span>;
}
