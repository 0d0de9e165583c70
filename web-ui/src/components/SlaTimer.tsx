// A live countdown to a review's deadline (the policy's review SLA), in words and colour.
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { formatDateTime } from '../lib/format';
import { formatDuration, slaStatus } from '../lib/sla';
import { Badge } from './Tags';

export function useNow(everyMs = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), everyMs);
    return () => window.clearInterval(id);
  }, [everyMs]);
  return now;
}

export function SlaTimer({ since, slaHours }: { since: string | undefined | null; slaHours: number }) {
  const { t, locale } = useI18n();
  const now = useNow(1000);
  if (!since) return <span>{t('unknown')}</span>;
  const s = slaStatus(since, slaHours, now);
  const time = formatDuration(Math.abs(s.remainingMs), t('days'));
  const tone = s.level === 'overdue' ? 'red' : s.level === 'warning' ? 'orange' : 'green';
  const text = s.level === 'overdue' ? t('slaOverdue', { time }) : t('slaRemaining', { time });
  return (
    <span className="pdx-sla" title={t('slaDue', { at: formatDateTime(locale, s.dueAt.toISOString()) })}>
      <Badge tone={tone}>
        <span className="pdx-nowrap">{text}</span>
      </Badge>
    </span>
  );
}
