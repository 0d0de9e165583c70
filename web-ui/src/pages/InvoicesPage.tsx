// 我的账单: the organization's invoice lines (the bureau sees all).
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Card, Statistic } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { listInvoices } from '../api/endpoints';
import type { InvoiceLine } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../i18n/I18nContext';
import { formatDateTime, formatFen, formatNumber } from '../lib/format';
import { useProductNames } from '../hooks';
import { DataTable } from '../components/DataTable';
import { Page } from '../components/Page';
import { EmptyState, QueryView } from '../components/QueryView';
import { RequireRole } from '../components/RequireRole';
import { OrganizationName } from '../components/OrganizationName';

export default function InvoicesPage() {
  return (
    <RequireRole roles={['operator', 'bureau-admin', 'bureau-reviewer']}>
      <InvoicesContent />
    </RequireRole>
  );
}

function InvoicesContent() {
  const auth = useAuth();
  const { t, te, locale } = useI18n();
  const products = useProductNames();
  const query = useQuery({ queryKey: ['invoices', auth.username], queryFn: listInvoices });
  const columns: ColumnsType<InvoiceLine> = [
    { title: t('createdAt'), key: 'at', render: (_, i) => <span className="pdx-nowrap">{formatDateTime(locale, i.createdAt)}</span> },
    {
      title: t('colProduct'),
      key: 'product',
      render: (_, i) => {
        const p = products[i.productId ?? ''];
        return <span className="pdx-nowrap">{p ? (locale === 'zh' ? p.nameZh : p.nameEn || p.nameZh) : i.productId?.slice(0, 8)}</span>;
      },
    },
    { title: t('colLicense'), key: 'license', render: (_, i) => <Link to={`/licenses/${i.licenseId}`}>{i.licenseId?.slice(0, 8)}</Link> },
    ...(auth.isBureau ? [{ title: t('organization'), key: 'org', render: (_: unknown, i: InvoiceLine) => <OrganizationName code={i.organization} /> }] : []),
    { title: t('colUnit'), key: 'unit', render: (_, i) => <span className="pdx-nowrap">{te('unit_', i.unit)}</span> },
    { title: t('colQuantity'), key: 'q', align: 'right', render: (_, i) => formatNumber(locale, i.quantity) },
    { title: t('colUnitPrice'), key: 'p', align: 'right', render: (_, i) => formatFen(locale, i.unitPriceFen) },
    { title: t('colAmount'), key: 'a', align: 'right', render: (_, i) => <strong>{formatFen(locale, i.amountFen)}</strong> },
    { title: t('colReversed'), key: 'r', render: (_, i) => (i.reversedBy ? t('yes') : t('no')) },
  ];
  return (
    <Page title={auth.isBureau ? t('invoicesTitle') : t('navInvoices')}>
      <QueryView query={query}>
        {(data) => (
          <>
            <Card style={{ marginBottom: 16 }}>
              <Statistic
                title={t('total')}
                value={formatFen(locale, data.items.filter((i) => !i.reversedBy).reduce((s, i) => s + (i.amountFen ?? 0), 0))}
              />
            </Card>
            <DataTable<InvoiceLine>
              rowKey={(i) => i.id ?? ''}
              columns={columns}
              dataSource={data.items}
              scroll={{ x: 'max-content' }}
              pagination={{ pageSize: 20, showSizeChanger: false }}
              locale={{ emptyText: <EmptyState title={t('noInvoices')} /> }}
              data-testid="invoices-table"
            />
          </>
        )}
      </QueryView>
    </Page>
  );
}
