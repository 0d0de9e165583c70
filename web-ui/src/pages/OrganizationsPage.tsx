// 运营主体: every organization the bureau (and the regulator) sees, with its verification state; each one opens to its
// maximum allowed revenue per year (最高准许收入: cost + profit + tax) and the ledger's revenue against it, the excess
// and its deduction from the next year. The bureau admin sets this year's or next year's allowance, with its basis.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { listAllowances, listOrganizations, setAllowance } from '../api/endpoints';
import type { AllowanceView, OrganizationView } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../i18n/I18nContext';
import { allowanceParts, allowanceYears, type AllowanceForm } from '../lib/allowance';
import { newPriceErrorText } from '../lib/fees';
import { formatDateTime, formatFen } from '../lib/format';
import { DataTable } from '../components/DataTable';
import { Page } from '../components/Page';
import { EmptyState, QueryView } from '../components/QueryView';
import { ProblemAlert } from '../components/ProblemAlert';
import { OrgStatusTag } from '../components/Tags';
import { RequireRole } from '../components/RequireRole';

export default function OrganizationsPage() {
  return (
    <RequireRole roles={['bureau-reviewer', 'bureau-admin', 'regulator']}>
      <OrganizationsContent />
    </RequireRole>
  );
}

function OrganizationsContent() {
  const { t, locale } = useI18n();
  const auth = useAuth();
  const query = useQuery({ queryKey: ['organizations', 'all'], queryFn: () => listOrganizations(undefined, 500) });
  const columns: ColumnsType<OrganizationView> = [
    { title: t('orgName'), key: 'name', render: (_, o) => <strong>{o.name}</strong> },
    { title: t('orgUscc'), key: 'uscc', render: (_, o) => <Typography.Text code>{o.id}</Typography.Text> },
    { title: t('status'), key: 'status', render: (_, o) => <OrgStatusTag status={o.status} /> },
    { title: t('createdAt'), key: 'at', render: (_, o) => <span className="pdx-nowrap">{formatDateTime(locale, o.createdAt)}</span> },
  ];
  return (
    <Page title={t('navOrganizations')} intro={t('organizationsIntro')}>
      <QueryView query={query}>
        {(items) => (
          <DataTable<OrganizationView>
            rowKey={(o) => o.id ?? ''}
            columns={columns}
            dataSource={items ?? []}
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            expandable={{ expandedRowRender: (o) => <Allowances organization={o.id ?? ''} mayset={auth.hasRole('bureau-admin')} /> }}
            locale={{ emptyText: <EmptyState title={t('noOrganizations')} /> }}
            data-testid="organizations-table"
          />
        )}
      </QueryView>
    </Page>
  );
}

function Allowances({ organization, mayset }: { organization: string; mayset: boolean }) {
  const { t, locale } = useI18n();
  const query = useQuery({ queryKey: ['allowances', organization], queryFn: () => listAllowances(organization) });
  const [setting, setSetting] = useState(false);
  const fen = (v: number | null | undefined) => formatFen(locale, v);
  const columns: ColumnsType<AllowanceView> = [
    { title: t('allowanceYear'), key: 'year', render: (_, a) => a.year },
    { title: t('allowanceParts'), key: 'parts', render: (_, a) => t('allowancePartsText', { cost: fen(a.costFen), profit: fen(a.profitFen), tax: fen(a.taxFen) }) },
    { title: t('allowanceTotal'), key: 'total', align: 'right', render: (_, a) => fen(a.allowanceFen) },
    { title: t('allowanceDeduction'), key: 'deduction', align: 'right', render: (_, a) => fen(a.carriedDeductionFen) },
    { title: t('allowanceEffective'), key: 'effective', align: 'right', render: (_, a) => <strong>{fen(a.effectiveAllowanceFen)}</strong> },
    { title: t('allowanceRevenue'), key: 'revenue', align: 'right', render: (_, a) => fen(a.revenueFen) },
    {
      title: t('allowanceExcess'),
      key: 'excess',
      align: 'right',
      render: (_, a) =>
        (a.excessFen ?? 0) > 0 ? (
          <Typography.Text type="danger" data-testid="allowance-excess">
            {fen(a.excessFen)}
          </Typography.Text>
        ) : (
          fen(0)
        ),
    },
    { title: t('allowanceBasis'), key: 'basis', render: (_, a) => a.basis },
  ];
  return (
    <div data-testid={`allowances-${organization}`}>
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Text strong>{t('allowanceTitle')}</Typography.Text>
        {mayset && (
          <Button size="small" onClick={() => setSetting(true)} data-testid="set-allowance">
            {t('allowanceSet')}
          </Button>
        )}
      </Space>
      <QueryView query={query}>
        {(items) => (
          <DataTable<AllowanceView>
            rowKey={(a) => String(a.year)}
            columns={columns}
            dataSource={items}
            size="small"
            scroll={{ x: 'max-content' }}
            pagination={false}
            locale={{ emptyText: <EmptyState title={t('allowanceNone')} /> }}
          />
        )}
      </QueryView>
      {setting && <SetAllowance organization={organization} onClose={() => setSetting(false)} />}
    </div>
  );
}

function SetAllowance({ organization, onClose }: { organization: string; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AllowanceForm & { year: number; basis: string }>();
  const years = allowanceYears();
  const save = useMutation({
    mutationFn: (v: { year: number; costFen: number; profitFen: number; taxFen: number; basis: string }) =>
      setAllowance(organization, v.year, { costFen: v.costFen, profitFen: v.profitFen, taxFen: v.taxFen, basis: v.basis }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['allowances', organization] });
      onClose();
    },
  });
  const submit = () =>
    void form.validateFields().then((v) => {
      const parts = allowanceParts(v);
      if (!parts.ok) {
        form.setFields([{ name: parts.field, errors: [newPriceErrorText(locale, parts.error)] }]);
        return;
      }
      const total = parts.costFen + parts.profitFen + parts.taxFen;
      modal.confirm({
        title: t('allowanceConfirmTitle', { year: v.year }),
        content: t('allowanceConfirmText', { total: formatFen(locale, total), basis: v.basis.trim() }),
        okText: t('allowanceSet'),
        cancelText: t('cancel'),
        onOk: () => save.mutateAsync({ year: v.year, ...parts, basis: v.basis.trim() }).catch(() => undefined),
      });
    }, () => undefined);
  return (
    <Modal open title={t('allowanceSetTitle')} okText={t('allowanceSet')} cancelText={t('cancel')} onCancel={onClose} onOk={submit} destroyOnHidden>
      <Alert type="info" showIcon message={t('allowanceHelp')} style={{ marginBottom: 12 }} />
      {save.isError && <ProblemAlert error={save.error} />}
      <Form form={form} layout="vertical" initialValues={{ year: years[0] }} preserve={false}>
        <Form.Item name="year" label={t('allowanceYear')} rules={[{ required: true }]}>
          <Select options={years.map((y) => ({ value: y, label: String(y) }))} data-testid="allowance-year" />
        </Form.Item>
        <Form.Item name="cost" label={t('allowanceCost')} rules={[{ required: true, message: t('allowanceAmountRequired') }]}>
          <Input prefix="¥" inputMode="decimal" data-testid="allowance-cost" />
        </Form.Item>
        <Form.Item name="profit" label={t('allowanceProfit')} rules={[{ required: true, message: t('allowanceAmountRequired') }]}>
          <Input prefix="¥" inputMode="decimal" data-testid="allowance-profit" />
        </Form.Item>
        <Form.Item name="tax" label={t('allowanceTax')} rules={[{ required: true, message: t('allowanceAmountRequired') }]}>
          <Input prefix="¥" inputMode="decimal" data-testid="allowance-tax" />
        </Form.Item>
        <Form.Item name="basis" label={t('allowanceBasis')} rules={[{ required: true, whitespace: true, message: t('allowanceBasisRequired') }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="allowance-basis" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
