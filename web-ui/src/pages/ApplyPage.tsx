// 申请授权: purpose, columns, mode and term; the API's field errors beside the fields, the policy's
// reasons in words, and the decision (秒批, review or denial).
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, InputNumber, Radio, Result, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { applyForLicense, getOrganization, getProduct } from '../api/endpoints';
import type { LicenseApplication, LicenseView } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../i18n/I18nContext';
import { monthsBetween, problemToFields } from '../lib/forms';
import { problemOf, type Problem } from '../lib/problem';
import { useReference } from '../hooks';
import { Page } from '../components/Page';
import { Loading } from '../components/QueryView';
import { ProblemAlert } from '../components/ProblemAlert';
import { ReasonList } from '../components/Reasons';
import { Badge, ColumnTagBadge, GradeTag, LicenseStateTag } from '../components/Tags';
import { PriceRuleText } from '../components/PriceRuleText';
import { RequireRole } from '../components/RequireRole';

interface ApplyForm {
  purposeCategory: NonNullable<LicenseApplication['purposeCategory']>;
  purposeText: string;
  columns: string[];
  mode: NonNullable<LicenseApplication['mode']>;
  term: [Dayjs, Dayjs];
  expectedVolume?: number;
}

const FIELDS = ['purposeCategory', 'purposeText', 'columns', 'mode', 'termStart', 'termEnd', 'expectedVolume', 'productId'];

export default function ApplyPage() {
  return (
    <RequireRole roles={['operator']}>
      <ApplyContent />
    </RequireRole>
  );
}

function ApplyContent() {
  const { productId = '' } = useParams();
  const auth = useAuth();
  const { t, te, locale } = useI18n();
  const { reference } = useReference();
  const [form] = Form.useForm<ApplyForm>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [result, setResult] = useState<LicenseView | null>(null);
  const product = useQuery({ queryKey: ['product', productId, auth.username], queryFn: () => getProduct(productId) });
  const org = useQuery({
    queryKey: ['organization', auth.organization],
    queryFn: () => getOrganization(auth.organization ?? ''),
    enabled: Boolean(auth.organization),
    retry: false,
  });
  const chosen: string[] = Form.useWatch('columns', form) ?? [];

  const mutation = useMutation({
    mutationFn: (v: ApplyForm) =>
      applyForLicense({
        productId,
        purposeCategory: v.purposeCategory,
        purposeText: v.purposeText,
        columns: v.columns,
        mode: v.mode,
        termStart: v.term[0].format('YYYY-MM-DD'),
        termEnd: v.term[1].format('YYYY-MM-DD'),
        ...(v.expectedVolume !== undefined && v.expectedVolume !== null ? { expectedVolume: v.expectedVolume } : {}),
      }),
    onSuccess: (license) => {
      setProblem(null);
      setResult(license);
    },
    onError: (e) => {
      const p = problemOf(e);
      setProblem(p);
      const { fields } = problemToFields(p, FIELDS);
      const mapped = fields.map((f) => (f.name[0] === 'termStart' || f.name[0] === 'termEnd' ? { ...f, name: ['term'] } : f));
      form.setFields(mapped as Parameters<typeof form.setFields>[0]);
    },
  });

  if (product.isPending) return <Loading />;
  if (product.isError)
    return (
      <Page title={t('applyTitle')}>
        <ProblemAlert error={product.error} onRetry={() => void product.refetch()} />
      </Page>
    );
  const p = product.data;
  const columns = p.description?.columns ?? [];
  const identifierChosen = columns.some((c) => c.tag === 'IDENTIFIER' && chosen.includes(c.name ?? ''));

  if (result) {
    const outcome = result.decisionOutcome ?? '';
    const status = outcome === 'AUTO_APPROVE' ? 'success' : outcome === 'DENY' ? 'error' : 'info';
    return (
      <Page title={t('applyResultTitle')}>
        <Result
          status={status}
          title={<h2 className="pdx-result-title" data-testid="apply-outcome">{te('outcome_', outcome)}</h2>}
          subTitle={
            <Space orientation="vertical">
              <LicenseStateTag state={result.state} />
              <div>
                <strong>{t('policyReasons')}</strong>
                <ReasonList reasons={result.decisionReasons} />
              </div>
            </Space>
          }
          extra={
            <Link to={`/licenses/${result.id}`} data-testid="view-license">
              {t('viewLicense')}
            </Link>
          }
        />
      </Page>
    );
  }

  const today = dayjs().startOf('day');
  return (
    <Page title={t('applyTitle')} intro={<Space wrap><GradeTag grade={p.grade} /> {locale === 'zh' ? p.nameZh : p.nameEn || p.nameZh}</Space>}>
      <Card>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('applyProduct')}>{locale === 'zh' ? p.nameZh : p.nameEn || p.nameZh}</Descriptions.Item>
          <Descriptions.Item label={t('productPrice')}>
            <PriceRuleText rule={p.priceRule} />
          </Descriptions.Item>
        </Descriptions>
        {org.isSuccess && org.data.status !== 'VERIFIED' && (
          <Alert type="warning" showIcon title={t('orgNotVerifiedWarning')} style={{ marginBottom: 16 }} />
        )}
        {!reference.served && <Alert type="info" showIcon title={t('servedByPolicyDefaults')} style={{ marginBottom: 16 }} />}
        {problem && (
          <div style={{ marginBottom: 16 }} data-testid="apply-problem">
            <ProblemAlert problem={problem} />
          </div>
        )}
        <Form<ApplyForm>
          form={form}
          layout="vertical"
          style={{ maxWidth: 760 }}
          initialValues={{
            purposeCategory: reference.purposes[0]?.code,
            mode: (p.modes ?? [])[0],
            columns: [],
            term: [today, today.add(1, 'year').subtract(1, 'day')],
          }}
          onFinish={(v) => mutation.mutate(v)}
          data-testid="apply-form"
        >
          <Form.Item name="purposeCategory" label={t('purposeCategory')} rules={[{ required: true, message: t('required') }]}>
            <Radio.Group>
              <Space orientation="vertical">
                {reference.purposes.map((pp) => (
                  <Radio key={pp.code} value={pp.code} data-testid={`purpose-${pp.code}`}>
                    {locale === 'zh' ? pp.zh : pp.en}{' '}
                    <Badge tone={pp.free ? 'green' : 'orange'}>{pp.free ? t('purposeFree') : t('purposePaid')}</Badge>{' '}
                    {pp.lowRisk && <Badge tone="blue">{t('purposeLowRisk')}</Badge>}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="purposeText" label={t('purposeText')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 500 }]}>
            <Input.TextArea rows={2} placeholder={t('purposeTextPlaceholder')} data-testid="purpose-text" />
          </Form.Item>
          <Form.Item
            name="columns"
            label={t('columns')}
            extra={t('columnsHelp')}
            rules={[
              {
                validator: async (_, v: string[] | undefined) => {
                  if (!v || v.length === 0) throw new Error(t('required'));
                },
              },
            ]}
          >
            <Checkbox.Group style={{ width: '100%' }} role="group" aria-label={t('columns')}>
              <div className="pdx-column-choices">
                {columns.map((c) => (
                  <Checkbox key={c.name} value={c.name} data-testid={`column-${c.name}`}>
                    <code>{c.name}</code> <ColumnTagBadge tag={c.tag} />
                  </Checkbox>
                ))}
              </div>
            </Checkbox.Group>
          </Form.Item>
          {identifierChosen && <Alert type="warning" showIcon title={t('identifierWarning')} style={{ marginBottom: 16 }} />}
          <Form.Item name="mode" label={t('mode')} rules={[{ required: true, message: t('required') }]}>
            <Radio.Group>
              <Space orientation="vertical">
                {(p.modes ?? []).map((m) => (
                  <Radio key={m} value={m} data-testid={`mode-${m}`}>
                    <strong>{te('mode_', m)}</strong> — {te('modeHelp_', m)}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="term"
            label={t('term')}
            rules={[
              { required: true, message: t('required') },
              {
                validator: async (_, v: [Dayjs, Dayjs] | undefined) => {
                  if (!v) return;
                  if (monthsBetween(v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')) > reference.maxTermMonths) {
                    throw new Error(t('termTooLong', { months: reference.maxTermMonths }));
                  }
                },
              },
            ]}
          >
            <DatePicker.RangePicker
              allowClear={false}
              placeholder={[t('termStart'), t('termEnd')]}
              aria-label={t('term')}
              style={{ maxWidth: '100%' }}
            />
          </Form.Item>
          <Form.Item name="expectedVolume" label={t('expectedVolume')}>
            <InputNumber min={0} step={100} style={{ width: 200 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="apply-submit">
            {t('applySubmit')}
          </Button>
        </Form>
      </Card>
    </Page>
  );
}
