// 我的账单: the organization's invoice lines (the bureau sees all) with where each stands (payable by its date,
// overdue, paid with its receipt, reversed); the bureau admin records a payment (收款确认) or reverses a charge (冲销)
// with its reason, after a confirmation — exactly where the server offers it (the line's `actions`).
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Space, Statistic, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { listInvoices, payInvoiceLine, reverseInvoiceLine } from '../api/endpoints';
import type { InvoiceLine } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../i18n/I18nContext';
import { formatDate, formatDateTime, formatFen, formatNumber } from '../lib/format';
import { INVOICE_STATUS_TONE, outstandingFen } from '../lib/ledger';
import { Badge } from '../components/Tags';
import { can } from '../lib/actions';
import { useProductNames } from '../hooks';
import { DataTable } from '../components/DataTable';
import { Page } from '../components/Page';
import { EmptyState, QueryView } from '../components/QueryView';
import { ProblemAlert } from '../components/ProblemAlert';
import { RequireRole } from '../components/RequireRole';
import { OrganizationName } from '../components/OrganizationName';

export default function InvoicesPage() {
  return (
    <RequireRole roles={['operator', 'bureau-admin', 'bureau-reviewer', 'regulator']}>
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
  const [paying, setPaying] = useState<InvoiceLine | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const [payForm] = Form.useForm<{ reference: string }>();
  const pay = useMutation({
    mutationFn: (v: { id: string; reference: string }) => payInvoiceLine(v.id, v.reference),
    onSuccess: () => {
      setPaying(null);
      void queryClient.invalidateQueries({ queryKey: ['invoices'] });
      void queryClient.invalidateQueries({ queryKey: ['ledger'] });
    },
  });
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
  const confirmPay = (line: InvoiceLine, reference: string) =>
    modal.confirm({
      title: t('payConfirmTitle'),
      content: t('payConfirmText', { amount: formatFen(locale, line.amountFen), product: lineName(line), reference }),
      okText: t('pay'),
      cancelText: t('cancel'),
      onOk: () => pay.mutateAsync({ id: line.id ?? '', reference }).catch(() => undefined),
    });
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
    ...(auth.oversees ? [{ title: t('organization'), key: 'org', render: (_: unknown, i: InvoiceLine) => <OrganizationName code={i.organization} /> }] : []),
    { title: t('colUnit'), key: 'unit', render: (_, i) => <span className="pdx-nowrap">{te('unit_', i.unit)}</span> },
    { title: t('colQuantity'), key: 'q', align: 'right', render: (_, i) => formatNumber(locale, i.quantity) },
    { title: t('colUnitPrice'), key: 'p', align: 'right', render: (_, i) => formatFen(locale, i.unitPriceFen) },
    { title: t('colAmount'), key: 'a', align: 'right', render: (_, i) => <strong>{formatFen(locale, i.amountFen)}</strong> },
    {
      title: t('colInvoiceStatus'),
      key: 'status',
      render: (_, i) => (
        <span className="pdx-nowrap">
          <span data-testid={`invoice-status-${i.status ?? ''}`}>
            <Badge tone={INVOICE_STATUS_TONE[i.status ?? ''] ?? 'gray'}>{te('invoiceStatus_', i.status)}</Badge>
          </span>
          {(i.status === 'ISSUED' || i.status === 'OVERDUE') && i.dueOn && (
            <Typography.Text type={i.status === 'OVERDUE' ? 'danger' : 'secondary'}>
              {t('invoiceDueOn', { date: formatDate(i.dueOn) })}
            </Typography.Text>
          )}
          {i.status === 'PAID' && i.receiptNo && (
            <Typography.Text type="secondary" copyable={{ text: i.receiptNo }} data-testid="invoice-receipt">
              {t('invoiceReceipt', { receipt: i.receiptNo })}
            </Typography.Text>
          )}
        </span>
      ),
    },
    ...(data_hasActions(query.data?.items)
      ? [
          {
            title: t('actions'),
            key: 'actions',
            render: (_: unknown, i: InvoiceLine) => (
              <Space size="small">
                {can(i, 'pay') && (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => {
                      pay.reset();
                      setPaying(i);
                    }}
                    data-testid="pay-line"
                  >
                    {t('pay')}
                  </Button>
                )}
                {can(i, 'reverse') && (
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
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <Page title={auth.oversees ? t('invoicesTitle') : t('navInvoices')}>
      {reverse.isError && reversing === null && (
        <div style={{ marginBottom: 16 }}>
          <ProblemAlert error={reverse.error} />
        </div>
      )}
      {pay.isError && paying === null && (
        <div style={{ marginBottom: 16 }}>
          <ProblemAlert error={pay.error} />
        </div>
      )}
      <QueryView query={query}>
        {(data) => (
          <>
            <Card style={{ marginBottom: 16 }}>
              <Space size="large" wrap>
                <Statistic
                  title={t('total')}
                  value={formatFen(
                    locale,
                    data.items.filter((i) => i.status !== 'REVERSED').reduce((s, i) => s + (i.amountFen ?? 0), 0),
                  )}
                />
                <Statistic title={t('outstanding')} value={formatFen(locale, outstandingFen(data.items))} />
              </Space>
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
      <Modal
        open={paying !== null}
        title={t('payTitle', { amount: formatFen(locale, paying?.amountFen), product: lineName(paying) })}
        okText={t('pay')}
        cancelText={t('cancel')}
        onCancel={() => {
          setPaying(null);
          pay.reset();
        }}
        onOk={() =>
          void payForm.validateFields().then((v) => {
            const line = paying;
            if (!line) return;
            setPaying(null);
            confirmPay(line, v.reference.trim());
          }, () => undefined)
        }
        destroyOnHidden
      >
        <p>{t('payHelp')}</p>
        <Form form={payForm} layout="vertical" preserve={false}>
          <Form.Item name="reference" label={t('payReference')} rules={[{ required: true, whitespace: true, message: t('payReferenceRequired') }]}>
            <Input maxLength={100} data-testid="pay-reference" />
          </Form.Item>
        </Form>
      </Modal>
    </Page>
  );
}

/** Whether any line offers this caller a step: then the table has an actions column. */
function data_hasActions(items: readonly InvoiceLine[] | undefined): boolean {
  return (items ?? []).some((i) => (i.actions ?? []).length > 0);
}
