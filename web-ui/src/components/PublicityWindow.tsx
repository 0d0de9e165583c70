// The publicity window (公示期) of a registration: its start and end, and the time left, live.
import { useI18n } from '../i18n/I18nContext';
import { formatDateTime } from '../lib/format';
import { publicityWindow } from '../lib/registration';
import { formatDuration } from '../lib/sla';
import { useNow } from './SlaTimer';
import { Badge } from './Tags';

/** Time left in the window as a badge: orange in its last fifth, gray once it has ended. */
export function PublicityTimeLeft({ startedAt, endsAt }: { startedAt?: string | null | undefined; endsAt: string | null | undefined }) {
  const { t } = useI18n();
  const now = useNow(1000);
  const w = publicityWindow(startedAt, endsAt, now);
  if (!w) return <span>{t('unknown')}</span>;
  if (w.ended)
    return (
      <Badge tone="gray">
        <span className="pdx-nowrap">{t('publicityEnded')}</span>
      </Badge>
    );
  return (
    <Badge tone={w.used >= 0.8 ? 'orange' : 'purple'}>
      <span className="pdx-nowrap" data-testid="publicity-time-left">
        {t('publicityLeft', { time: formatDuration(w.remainingMs, t('days')) })}
      </span>
    </Badge>
  );
}

/** Start, end and time left, for a description list or a card. */
export function PublicityWindowSummary({ startedAt, endsAt }: { startedAt: string | null | undefined; endsAt: string | null | undefined }) {
  const { t, locale } = useI18n();
  return (
    <dl className="pdx-window" data-testid="publicity-window">
      <div>
        <dt>{t('publicityStart')}</dt>
        <dd>{formatDateTime(locale, startedAt)}</dd>
      </div>
      <div>
        <dt>{t('publicityEnd')}</dt>
        <dd>{formatDateTime(locale, endsAt)}</dd>
      </div>
      <div>
        <dt>{t('timeLeft')}</dt>
        <dd>
          <PublicityTimeLeft startedAt={startedAt} endsAt={endsAt} />
        </dd>
      </div>
    </dl>
  );
}
