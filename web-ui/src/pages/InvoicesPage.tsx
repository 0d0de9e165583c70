// 我的账单: the organization's invoice lines (the bureau sees all); the bureau admin reverses a posted charge (冲销)
// with its reason, after a confirmation.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Statistic, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { listInvoices, reverseInvoiceLine } from '../api/endpoints';
import type { InvoiceLine } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../i18n/I18nContext';
import { formatDateTime, formatFen, formatNumber } from '../lib/format';
import { canReverse } from '../lib/ledger';
import { useProductNames } from '../hooks';
import { DataTable } from '../components/DataTable';
import { Page } from '../components/Page';
import { EmptyState, QueryView } from '../components/QueryView';
import { ProblemAlert } from '../components/ProblemAlert';
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
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const [reversing, setReversing] = useState<InvoiceLine | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const reverse = useMutation({
    mutationFn: (v: { id: string; reason: string }) => reverseInvoiceLine(v.id, v.reason),
    onSuccess: () => {
      setReversing(null);
      void queryClient.invalidateQueries({ queryKey: ['invoices'] });
      void queryClient.invalidateQueries({ queryKey: ['ledger'] });
    },
  });
  const close = () => {
    setReversing(null);
    reverse.reset();
  };
  const lineName = (i: InvoiceLine | null) => {
    const p = products[i?.productId ?? ''];
    return p ? ((locale === 'zh' ? p.nameZh : p.nameEn || p.nameZh) ?? '') : (i?.productId?.slice(0, 8) ?? '');
  };
  const confirmReverse = (line: InvoiceLine, reason: string) =>
    modal.confirm({
      title: t('reverseConfirmTitle'),
      content: t('reverseConfirmText', { amount: formatFen(locale, line.amountFen), product: lineName(line), reason }),
      okText: t('reverse'),
      cancelText: t('cancel'),
      okButtonProps: { danger: true },
      onOk: () => reverse.mutateAsync({ id: line.id ?? '', reason }).catch(() => undefined),
    });
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
    {
      title: t('colReversed'),
      key: 'r',
      render: (_, i) =>
        i.reversedBy ? (
          <Tag color="orange" data-testid="invoice-reversed">
            {t('invoiceReversed')}
          </Tag>
        ) : (
          t('no')
        ),
    },
    ...(auth.hasRole('bureau-admin')
      ? [
          {
            title: t('actions'),
            key: 'actions',
            render: (_: unknown, i: InvoiceLine) =>
              canReverse(i, auth.roles) ? (
                <Button
                  size="small"
                  danger
                  onClick={() => {
                    reverse.reset();
                    setReversing(i);
                  }}
                  data-testid="reverse-line"
                >
                  {t('reverse')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <Page title={auth.isBureau ? t('invoicesTitle') : t('navInvoices')}>
      {reverse.isError && reversing === null && (
        <div style={{ marginBottom: 16 }}>
          <ProblemAlert error={reverse.error} />
        </div>
      )}
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
      <Modal
        open={reversing !== null}
        title={t('reverseTitle', { amount: formatFen(locale, reversing?.amountFen), product: lineName(reversing) })}
        okText={t('reverse')}
        cancelText={t('cancel')}
        okButtonProps={{ danger: true }}
        onCancel={close}
        onOk={() =>
          void form.validateFields().then((v) => {
            const line = reversing;
            if (!line) return;
            setReversing(null);
            confirmReverse(line, v.reason.trim());
          }, () => undefined)
        }
        destroyOnHidden
      >
        <p>{t('reverseHelp')}</p>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t('reverseReason')} rules={[{ required: true, whitespace: true, message: t('reverseReasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} data-testid="reverse-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Page>
  );
}
