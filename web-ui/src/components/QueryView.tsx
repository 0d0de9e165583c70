// Loading, error and empty states in words, around whatever a query returns.
import type { ReactNode } from 'react';
import { Empty, Spin } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { useI18n } from '../i18n/I18nContext';
import { ProblemAlert } from './ProblemAlert';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div role="status" aria-live="polite" style={{ padding: 24, textAlign: 'center' }}>
      <Spin />
      <div style={{ marginTop: 8 }}>{label ?? t('loading')}</div>
    </div>
  );
}

export function EmptyState({ title, hint }: { title?: string; hint?: string }) {
  const { t } = useI18n();
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <span>
          <strong>{title ?? t('emptyDefault')}</strong>
          {hint && (
            <>
              <br />
              {hint}
            </>
          )}
        </span>
      }
    />
  );
}

export function QueryView<T>({
  query,
  children,
  isEmpty,
  empty,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty && isEmpty(query.data)) return <>{empty ?? <EmptyState />}</>;
  return <>{children(query.data)}</>;
}
