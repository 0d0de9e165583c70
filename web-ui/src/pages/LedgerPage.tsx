// 收益台账: the double-entry ledger, its balance, and the sums by organization and month.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Row, Space, Statistic, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { closeLedgerPeriod, getLedger, listLedgerPeriods } from '../api/endpoints';
import type { LedgerEntry, LedgerPeriod } from '../api/types';
import { ProblemAlert } from '../components/ProblemAlert';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../i18n/I18nContext';
import { formatDateTime, formatFen } from '../lib/format';
import { groupLedger, isBalanced, lastMonth, type LedgerGroup } from '../lib/ledger';
import { DataTable } from '../components/DataTable';
import { Page } from '../components/Page';
import { EmptyState, QueryView } from '../components/QueryView';
import { RequireRole } from '../components/RequireRole';
import { OrganizationName } from '../components/OrganizationName';

export default function LedgerPage() {
  return (
    <RequireRole roles={['bureau-admin', 'regulator']}>
      <Ledger />
    </RequireRole>
  );
}

function Ledger() {
  const auth = useAuth();
  const { t, locale } = useI18n();
  const query = useQuery({ queryKey: ['ledger', auth.username], queryFn: getLedger });
  const groupColumns: ColumnsType<LedgerGroup> = [
    { title: t('colMonth'), dataIndex: 'month', key: 'm' },
    { title: t('organization'), key: 'o', render: (_, g) => <OrganizationName code={g.organization} /> },
    { title: t('colDebit'), key: 'd', align: 'right', render: (_, g) => formatFen(locale, g.debitFen) },
    { title: t('colCredit'), key: 'c', align: 'right', render: (_, g) => formatFen(locale, g.creditFen) },
    { title: t('colEntries'), dataIndex: 'entries', key: 'n', align: 'right' },
    {
      title: t('status'),
      key: 'b',
      render: (_, g) => (g.debitFen === g.creditFen ? t('ledgerBalanced') : t('ledgerUnbalanced')),
    },
  ];
  const entryColumns: ColumnsType<LedgerEntry> = [
    { title: t('colSeq'), dataIndex: 'seq', key: 's' },
    { title: t('colAt'), key: 'at', render: (_, e) => <span className="pdx-nowrap">{formatDateTime(locale, e.createdAt)}</span> },
    { title: t('colAccount'), key: 'a', render: (_, e) => <code className="pdx-nowrap">{e.account}</code> },
    { title: t('organization'), key: 'o', render: (_, e) => <OrganizationName code={e.organization} /> },
    { title: t('colDebit'), key: 'd', align: 'right', render: (_, e) => (e.debitFen ? formatFen(locale, e.debitFen) : '') },
    { title: t('colCredit'), key: 'c', align: 'right', render: (_, e) => (e.creditFen ? formatFen(locale, e.creditFen) : '') },
    { title: t('colMemo'), dataIndex: 'memo', key: 'memo' },
  ];
  return (
    <Page title={t('ledgerTitle')} intro={t('ledgerIntro')}>
      <QueryView query={query}>
        {(data) => {
          const groups = groupLedger(data.entries);
          return (
            <>
              <Alert
                type={data.balanced && isBalanced(groups) ? 'success' : 'error'}
                showIcon
                title={data.balanced ? t('ledgerBalanced') : t('ledgerUnbalanced')}
                style={{ marginBottom: 16 }}
                data-testid="ledger-balance"
              />
              <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
                <Col xs={24} sm={12}>
                  <Card>
                    <Statistic title={t('totalDebit')} value={formatFen(locale, data.totalDebitFen)} />
                  </Card>
                </Col>
                <Col xs={24} sm={12}>
                  <Card>
                    <Statistic title={t('totalCredit')} value={formatFen(locale, data.totalCreditFen)} />
                  </Card>
                </Col>
              </Row>
              <Tabs
                items={[
                  {
                    key: 'groups',
                    label: t('byOrgMonth'),
                    children: (
                      <DataTable<LedgerGroup>
                        rowKey={(g) => `${g.organization}-${g.month}`}
                        columns={groupColumns}
                        dataSource={groups}
                        scroll={{ x: 'max-content' }}
                        pagination={false}
                        locale={{ emptyText: <EmptyState title={t('noLedger')} /> }}
                        data-testid="ledger-groups"
                      />
                    ),
                  },
                  {
                    key: 'periods',
                    label: t('ledgerPeriods'),
                    children: <ClosedPeriods />,
                  },
                  {
                    key: 'entries',
                    label: t('entries'),
                    children: (
                      <DataTable<LedgerEntry>
                        rowKey={(e) => String(e.seq)}
                        columns={entryColumns}
                        dataSource={data.entries}
                        scroll={{ x: 'max-content' }}
                        pagination={{ pageSize: 50, showSizeChanger: false }}
                        locale={{ emptyText: <EmptyState title={t('noLedger')} /> }}
                      />
                    ),
                  },
                ]}
              />
            </>
          );
        }}
      </QueryView>
    </Page>
  );
}

/** 结账: the closed months with their frozen figures; the bureau admin closes last month after a confirmation. */
function ClosedPeriods() {
  const auth = useAuth();
  const { t, locale } = useI18n();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const periods = useQuery({ queryKey: ['ledger-periods'], queryFn: listLedgerPeriods });
  const month = lastMonth();
  const close = useMutation({
    mutationFn: () => closeLedgerPeriod(month),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['ledger-periods'] }),
  });
  const closed = (periods.data ?? []).some((p) => p.period === month);
  const columns: ColumnsType<LedgerPeriod> = [
    { title: t('colMonth'), dataIndex: 'period', key: 'p' },
    { title: t('colEntries'), dataIndex: 'entries', key: 'n', align: 'right' },
    { title: t('colDebit'), key: 'd', align: 'right', render: (_, p) => formatFen(locale, p.debitFen) },
    { title: t('colCredit'), key: 'c', align: 'right', render: (_, p) => formatFen(locale, p.creditFen) },
    { title: t('ledgerPeriodRevenue'), key: 'r', align: 'right', render: (_, p) => formatFen(locale, p.revenueFen) },
    { title: t('ledgerPeriodClosedAt'), key: 'at', render: (_, p) => <span className="pdx-nowrap">{formatDateTime(locale, p.closedAt)}</span> },
    { title: t('ledgerPeriodDigest'), key: 'h', render: (_, p) => <Typography.Text code copyable={{ text: p.digest ?? '' }}>{(p.digest ?? '').slice(0, 12)}</Typography.Text> },
  ];
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text type="secondary">{t('ledgerPeriodsHelp')}</Typography.Text>
        {auth.hasRole('bureau-admin') && !closed && (
          <Button
            data-testid="close-period"
            onClick={() =>
              modal.confirm({
                title: t('ledgerCloseConfirmTitle', { month }),
                content: t('ledgerCloseConfirmText', { month }),
                okText: t('ledgerClose'),
                cancelText: t('cancel'),
                onOk: () => close.mutateAsync().catch(() => undefined),
              })
            }
          >
            {t('ledgerCloseMonth', { month })}
          </Button>
        )}
      </Space>
      {close.isError && <ProblemAlert error={close.error} />}
      <QueryView query={periods}>
        {(items) => (
          <DataTable<LedgerPeriod>
            rowKey={(p) => p.period ?? ''}
            columns={columns}
            dataSource={items}
            scroll={{ x: 'max-content' }}
            pagination={false}
            locale={{ emptyText: <EmptyState title={t('ledgerNoPeriods')} /> }}
            data-testid="ledger-periods"
          />
        )}
      </QueryView>
    </>
  );
}
