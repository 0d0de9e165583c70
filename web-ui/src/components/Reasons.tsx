// The policy's reasons, in words of the chosen language.
import { useI18n } from '../i18n/I18nContext';
import { reasonText } from '../lib/problem';

export interface LooseReason {
  code?: string | null;
  message_zh?: string | null;
  message_en?: string | null;
}

export function ReasonList({ reasons, emptyText }: { reasons: LooseReason[] | undefined | null; emptyText?: string }) {
  const { locale, t } = useI18n();
  const list = (reasons ?? []).map((r) => ({ code: r.code ?? '', message_zh: r.message_zh ?? null, message_en: r.message_en ?? null }));
  if (list.length === 0) return <span>{emptyText ?? t('noReasons')}</span>;
  return (
    <ul className="pdx-reasons">
      {list.map((r, i) => (
        <li key={`${r.code}-${i}`}>
          {reasonText(r, locale)} <code className="pdx-reason-code">{r.code}</code>
        </li>
      ))}
    </ul>
  );
}
