// 审计追踪: the append-only, hash-chained events, and a verification that recomputes the chain.
import { useState } from 'react';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { Alert, Button, Input, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { listAuditEvents, verifyAudit } from '../api/endpoints';
import type { AuditEvent } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { formatDateTime, shortHash } from '../lib/format';
import { DataTable } from '../components/DataTable';
import { Page } from '../components/Page';
import { EmptyState, Loading } from '../components/QueryView';
import { ProblemAlert } from '../components/ProblemAlert';
import { RequireRole } from '../components/RequireRole';
import { OrganizationName } from '../components/OrganizationName';

const PAGE = 100;

export default function AuditPage() {
  return (
    <RequireRole roles={['bureau-admin', 'regulator']}>
      <Audit />
    </RequireRole>
  );
}

function Audit() {
  const { t, locale } = useI18n();
  const [resource, setResource] = useState('');
  const [filter, setFilter] = useState('');
  const events = useInfiniteQuery({
    queryKey: ['audit', filter],
    initialPageParam: 0,
    queryFn: ({ pageParam }) => listAuditEvents({ afterSeq: pageParam, size: PAGE, ...(filter ? { resourceId: filter } : {}) }),
    getNextPageParam: (last) => (last.length < PAGE ? undefined : last[last.length - 1]?.seq ?? undefined),
  });
  const verify = useMutation({ mutationFn: verifyAudit });
  const columns: ColumnsType<AuditEvent> = [
    { title: t('colSeq'), dataIndex: 'seq', key: 's' },
    { title: t('colAt'), key: 'at', render: (_, e) => <span className="pdx-nowrap">{formatDateTime(locale, e.at)}</span> },
    { title: t('colActor'), dataIndex: 'actor', key: 'a', render: (v: string) => <span className="pdx-nowrap">{v}</span> },
    { title: t('colAction'), dataIndex: 'action', key: 'ac', render: (v: string) => <code className="pdx-nowrap">{v}</code> },
    {
      title: t('colResource'),
      key: 'r',
      render: (_, e) => (
        <span className="pdx-nowrap">
          {e.resourceType} <code>{shortHash(e.resourceId, 8)}</code>
        </span>
      ),
    },
    { title: t('organization'), key: 'o', render: (_, e) => (e.organization ? <OrganizationName code={e.organization} /> : t('unknown')) },
    { title: t('colDecision'), key: 'd', render: (_, e) => <code>{shortHash(e.decisionId, 8)}</code> },
    { title: t('colHash'), key: 'h', render: (_, e) => <code title={e.hash ?? undefined}>{shortHash(e.hash, 10)}</code> },
    { title: t('colDetail'), dataIndex: 'detail', key: 'de', render: (v: string) => <span className="pdx-detail">{v}</span> },
  ];
  const rows = events.data?.pages.flat() ?? [];
  return (
    <Page
      title={t('auditTitle')}
      intro={t('auditIntro')}
      extra={
        <Button type="primary" loading={verify.isPending} onClick={() => verify.mutate()} data-testid="verify-chain">
          {t('verifyChain')}
        </Button>
      }
    >
      {verify.isError && <ProblemAlert error={verify.error} />}
      {verify.isSuccess && (
        <Alert
          type={verify.data.valid ? 'success' : 'error'}
          showIcon
          data-testid="verify-result"
          style={{ marginBottom: 16 }}
          title={
            verify.data.valid
              ? t('chainValid', { events: verify.data.events ?? 0 })
              : t('chainBroken', { seq: verify.data.firstBrokenSeq ?? '?', events: verify.data.events ?? 0 })
          }
        />
      )}
      <Space.Compact style={{ maxWidth: 480, width: '100%', marginBottom: 16 }}>
        <Input
          aria-label={t('resourceFilter')}
          placeholder={t('resourceFilter')}
          value={resource}
          onChange={(e) => setResource(e.target.value)}
          onPressEnter={() => setFilter(resource.trim())}
          allowClear
        />
        <Button onClick={() => setFilter(resource.trim())}>{t('searchButton')}</Button>
      </Space.Compact>
      {events.isPending ? (
        <Loading />
      ) : events.isError ? (
        <ProblemAlert error={events.error} onRetry={() => void events.refetch()} />
      ) : (
        <>
          <DataTable<AuditEvent>
            rowKey={(e) => String(e.seq)}
            columns={columns}
            dataSource={rows}
            scroll={{ x: 'max-content' }}
            pagination={false}
            size="small"
            locale={{ emptyText: <EmptyState title={t('noEvents')} /> }}
            data-testid="audit-table"
          />
          {events.hasNextPage && (
            <Button style={{ marginTop: 12 }} loading={events.isFetchingNextPage} onClick={() => void events.fetchNextPage()}>
              {t('loadMore')}
            </Button>
          )}
        </>
      )}
    </Page>
  );
}
