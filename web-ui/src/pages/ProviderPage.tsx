// 我的数据 / My data: the holding department's datasets in every registration state, a draft from a sample file,
// edit and submit (answering a return), products listed with the department's consent, and the registered data
// brought into the domain with its quality report (aggregates only).
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, Modal, Progress, Radio, Select, Space, Upload } from 'antd';
import { CloudUploadOutlined, EditOutlined, PlusOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { amendDataset, consentToProduct, createProduct, getDataset, getDatasetUsage, getQuality, listDepartmentDatasets, listProducts, submitDataset, uploadDatasetData, withdrawProduct } from '../api/endpoints';
import type { AmendmentRequest, DatasetSummary, DatasetUsage, ProductRequest, ProductView, QualityReport } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../i18n/I18nContext';
import { useReference } from '../hooks';
import { can } from '../lib/actions';
import { formatBytes, formatDateTime, formatFen, formatNumber } from '../lib/format';
import { isApiError, pickLanguage, problemOf, type Problem } from '../lib/problem';
import { fieldPath } from '../lib/sampleInference';
import { isValidUscc } from '../lib/uscc';
import { DataTable } from '../components/DataTable';
import { DraftForm } from '../components/DraftForm';
import { Page } from '../components/Page';
import { PriceRuleText } from '../components/PriceRuleText';
import { ProblemAlert } from '../components/ProblemAlert';
import { EmptyState, Loading, QueryView } from '../components/QueryView';
import { Badge, ColumnTagBadge, GradeTag, RegistrationTag } from '../components/Tags';
import { RequireRole } from '../components/RequireRole';

export default function ProviderPage() {
  return (
    <RequireRole roles={['provider']}>
      <ProviderContent />
    </RequireRole>
  );
}

function ProviderContent() {
  const auth = useAuth();
  const { t, te, locale } = useI18n();
  const department = typeof auth.claims?.department === 'string' ? auth.claims.department : null;
  const [editing, setEditing] = useState<DatasetSummary | 'new' | null>(null);
  const [expanded, setExpanded] = useState<string[]>([]);
  const datasets = useQuery({
    queryKey: ['provider-datasets', department],
    queryFn: () => listDepartmentDatasets(department ?? ''),
    enabled: Boolean(department),
  });
  const own = (datasets.data?.items ?? []).filter((d) => d.provider === department);
  const defaults = { ...(own[0]?.providerName ? { providerName: own[0].providerName } : {}), ...(own[0]?.spatialCoverage ? { spatialCoverage: own[0].spatialCoverage } : {}) };

  const toggle = (id: string) => setExpanded((e) => (e.includes(id) ? e.filter((x) => x !== id) : [...e, id]));
  return (
    <Page
      title={t('navProvider')}
      intro={<span className="pdx-subtle-dark">{t('providerIntro', { department: department ?? t('unknown') })}</span>}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} disabled={!department} data-testid="provider-new-draft">
          {t('draftNew')}
        </Button>
      }
    >
      {!department && <Alert type="warning" showIcon title={t('providerNoDepartment')} style={{ marginBottom: 16 }} />}
      {editing && (
        <div style={{ marginBottom: 16 }}>
          <DraftForm
            key={editing === 'new' ? 'new' : editing.id ?? ''}
            dataset={editing === 'new' ? null : editing}
            defaults={defaults}
            onCancel={() => setEditing(null)}
            onSaved={(saved) => {
              setEditing(null);
              if (saved.id) setExpanded((e) => [...new Set([...e, saved.id ?? ''])]);
            }}
          />
        </div>
      )}
      <Card title={<h2 className="pdx-card-title">{t('providerDatasets')}</h2>}>
        <QueryView query={datasets}>
          {() =>
            own.length === 0 ? (
              <EmptyState title={t('providerEmpty')} hint={t('providerEmptyHint')} />
            ) : (
              <ul className="pdx-provider-list" data-testid="provider-datasets">
                {own.map((d) => {
                  const open = expanded.includes(d.id ?? '');
                  return (
                    <li key={d.id} className="pdx-provider-item" data-testid="provider-dataset" data-status={d.status ?? ''}>
                      <div className="pdx-provider-summary">
                        <div style={{ minWidth: 0 }}>
                          <h3 className="pdx-h3 pdx-provider-name" data-testid="provider-dataset-name">
                            {locale === 'zh' ? d.nameZh : d.nameEn || d.nameZh}
                          </h3>
                          <Space wrap size={[12, 4]} className="pdx-provider-facts">
                            <span data-testid="provider-dataset-status" data-status={d.status ?? ''}>
                              <RegistrationTag status={d.status} />
                            </span>
                            <GradeTag grade={d.grade} />
                            <span>
                              {t('providerVersion')} v{d.datasetVersion ?? 1} · {te('regType_', d.registrationType)}
                            </span>
                            {d.publicityEndsAt && (
                              <span className="pdx-nowrap">
                                {t('publicityEnds')} {formatDateTime(locale, d.publicityEndsAt)}
                              </span>
                            )}
                            {d.certificateNo && (
                              <span>
                                {t('certificateNo')} <Link to={`/verify?code=${encodeURIComponent(d.certificateNo)}`}>{d.certificateNo}</Link>
                              </span>
                            )}
                          </Space>
                        </div>
                        <Button
                          size="small"
                          onClick={() => toggle(d.id ?? '')}
                          aria-expanded={open}
                          aria-controls={`provider-detail-${d.id}`}
                          data-testid="provider-toggle"
                        >
                          {open ? t('providerCollapse') : t('details')}
                        </Button>
                      </div>
                      {open && (
                        <div id={`provider-detail-${d.id}`}>
                          <DatasetDetail id={d.id ?? ''} onEdit={(x) => setEditing(x)} />
                        </div>
                      )}
                    </li>
                  );
                })}
              </ul>
            )
          }
        </QueryView>
      </Card>
    </Page>
  );
}

function DatasetDetail({ id, onEdit }: { id: string; onEdit: (d: DatasetSummary) => void }) {
  const { t, locale } = useI18n();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  // The list's entries carry no actions; the dataset itself does.
  const dataset = useQuery({ queryKey: ['dataset', id], queryFn: () => getDataset(id) });
  const [problem, setProblem] = useState<Problem | null>(null);
  const submit = useMutation({
    mutationFn: () => submitDataset(id),
    onSuccess: () => {
      setProblem(null);
      void queryClient.invalidateQueries({ queryKey: ['dataset', id] });
      void queryClient.invalidateQueries({ queryKey: ['provider-datasets'] });
    },
    onError: (e) => setProblem(problemOf(e)),
  });
  if (dataset.isPending) return <Loading />;
  if (dataset.isError) return <ProblemAlert error={dataset.error} onRetry={() => void dataset.refetch()} />;
  const d = dataset.data;
  const editable = d.status === 'DRAFT' || d.status === 'RETURNED';
  return (
    <div className="pdx-provider-detail" data-testid="provider-detail">
      {d.status === 'RETURNED' && (d.returnReasons ?? []).length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('providerReturned')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="return-reasons">
              {(d.returnReasons ?? []).map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          }
        />
      )}
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('createdAt')}>{formatDateTime(locale, d.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('updatedAt')}>{formatDateTime(locale, d.updatedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('draftColumns')}>
          <span className="pdx-badges">
            {(d.columns ?? []).map((c) => (
              <span key={c.name} className="pdx-nowrap">
                <code>{c.name}</code> <ColumnTagBadge tag={c.tag} />
              </span>
            ))}
          </span>
        </Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginBottom: 12 }}>
        {editable && (
          <Button icon={<EditOutlined />} onClick={() => onEdit(d)} data-testid="provider-edit">
            {t('draftEdit')}
          </Button>
        )}
        {can(d, 'submit') && (
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={submit.isPending}
            data-testid="provider-submit"
            onClick={() =>
              modal.confirm({
                title: t('submitConfirmTitle'),
                content: t('submitConfirmDetail', { name: d.nameZh ?? '' }),
                okText: t('submit'),
                cancelText: t('cancel'),
                onOk: () => submit.mutateAsync().catch(() => undefined),
              })
            }
          >
            {t('providerSubmit')}
          </Button>
        )}
        {editable && !can(d, 'submit') && <span className="pdx-subtle-dark">{t('providerSubmitNotOffered')}</span>}
        {d.status === 'REGISTERED' && <AmendRegistration dataset={d} onDraft={onEdit} />}
      </Space>
      {problem && <ProblemAlert problem={problem} />}
      <Products dataset={d} />
      {d.status === 'REGISTERED' && <DataIntoDomain dataset={d} />}
      {d.status === 'REGISTERED' && <UsageView dataset={d} />}
    </div>
  );
}

function Products({ dataset }: { dataset: DatasetSummary }) {
  const { t, te, locale } = useI18n();
  const [listing, setListing] = useState(false);
  const products = useQuery({ queryKey: ['products', 'dataset', dataset.id], queryFn: () => listProducts({ datasetId: dataset.id ?? '' }) });
  return (
    <section aria-label={t('providerProducts')} style={{ marginTop: 12 }}>
      <h4 className="pdx-h3">{t('providerProducts')}</h4>
      <QueryView query={products}>
        {(items) =>
          items.length === 0 ? (
            <p className="pdx-subtle-dark">{dataset.status === 'REGISTERED' ? t('providerNoProducts') : t('providerProductsAfterRegistration')}</p>
          ) : (
            <ul className="pdx-provider-list" data-testid="provider-products">
              {items.map((p) => (
                <li key={p.id} className="pdx-product-row" data-testid="provider-product" data-status={p.status}>
                  <Space wrap>
                    <strong>{locale === 'zh' ? p.nameZh : p.nameEn || p.nameZh}</strong>
                    {p.status === 'WITHDRAWN' ? (
                      <Badge tone="gray" title={p.withdrawalReason ?? undefined}>
                        {t('productWithdrawn')}
                      </Badge>
                    ) : (
                      <Badge tone="green">{t('productListed')}</Badge>
                    )}
                    {(p.modes ?? []).map((m) => (
                      <Badge key={m} tone="blue">
                        {te('mode_', m)}
                      </Badge>
                    ))}
                    <PriceRuleText rule={p.priceRule} />
                  </Space>
                  {p.status === 'WITHDRAWN' ? (
                    <p className="pdx-subtle-dark" data-testid="product-withdrawal">
                      {t('productWithdrawnAt', { at: formatDateTime(locale, p.withdrawnAt), reason: p.withdrawalReason ?? '' })}
                    </p>
                  ) : (
                    <ConsentState product={p} />
                  )}
                  {can(p, 'withdraw') && <WithdrawProduct product={p} />}
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
      {dataset.status === 'REGISTERED' &&
        (listing ? (
          <ProductForm dataset={dataset} onDone={() => setListing(false)} />
        ) : (
          <Button icon={<PlusOutlined />} onClick={() => setListing(true)} data-testid="provider-list-product">
            {t('productNew')}
          </Button>
        ))}
    </section>
  );
}

function ConsentState({ product }: { product: ProductView }) {
  const { t, locale } = useI18n();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [orgs, setOrgs] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const codes = orgs
    .split(/[\s,，;；]+/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  const invalid = codes.filter((c) => !isValidUscc(c));
  const consent = useMutation({
    mutationFn: () => consentToProduct(product.id ?? '', codes.length > 0 ? { organizations: codes } : {}),
    onSuccess: () => {
      setProblem(null);
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: ['products'] });
    },
    onError: (e) => setProblem(problemOf(e)),
  });
  const c = product.holderConsent;
  if (c) {
    return (
      <p className="pdx-subtle-dark" data-testid="consent-given">
        <Badge tone="green">{t('consentGiven')}</Badge> {formatDateTime(locale, c.givenAt)} · {c.givenBy}
        {c.document ? ` · ${pickLanguage(c.document, locale)}` : ''}
        {(c.organizations ?? []).length > 0 ? ` · ${t('consentLimitedTo', { orgs: (c.organizations ?? []).join(', ') })}` : ` · ${t('consentEveryOperator')}`}
      </p>
    );
  }
  return (
    <div data-testid="consent-awaiting">
      <p>
        <Badge tone="orange">{t('consentAwaiting')}</Badge> <span className="pdx-subtle-dark">{t('consentAwaitingHelp')}</span>
      </p>
      {open ? (
        <div style={{ maxWidth: 520 }}>
          <label className="pdx-block-label">
            <span>{t('consentOrganizations')}</span>
            <Input.TextArea rows={2} value={orgs} onChange={(e) => setOrgs(e.target.value)} placeholder="91350100M000100Y43" data-testid="consent-orgs" />
          </label>
          <p className="pdx-subtle-dark">{t('consentOrganizationsHelp')}</p>
          {invalid.length > 0 && <Alert type="error" showIcon title={t('consentInvalidUscc', { codes: invalid.join(', ') })} />}
          <Space style={{ marginTop: 8 }}>
            <Button
              type="primary"
              disabled={invalid.length > 0}
              loading={consent.isPending}
              data-testid="consent-give"
              onClick={() =>
                modal.confirm({
                  title: t('consentConfirmTitle'),
                  content: codes.length > 0 ? t('consentLimitedTo', { orgs: codes.join(', ') }) : t('consentEveryOperator'),
                  okText: t('consentGive'),
                  cancelText: t('cancel'),
                  onOk: () => consent.mutateAsync().catch(() => undefined),
                })
              }
            >
              {t('consentGive')}
            </Button>
            <Button onClick={() => setOpen(false)}>{t('cancel')}</Button>
          </Space>
        </div>
      ) : (
        <Button size="small" onClick={() => setOpen(true)} data-testid="consent-open">
          {t('consentGive')}
        </Button>
      )}
      {problem && <ProblemAlert problem={problem} />}
    </div>
  );
}

interface ProductValues {
  nameZh?: string;
  nameEn?: string;
  modes: string[];
  scenarios: string;
  qualityNotes: string;
  kind: ProductRequest['priceRule']['kind'];
  unitPriceYuan?: number;
  capYuan?: number;
  period?: 'MONTH' | 'QUARTER' | 'YEAR';
}

function ProductForm({ dataset, onDone }: { dataset: DatasetSummary; onDone: () => void }) {
  const { t, te, locale } = useI18n();
  const { modal } = App.useApp();
  const { reference } = useReference();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ProductValues>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const kind = Form.useWatch('kind', form);
  const modes = reference.gradeModes[dataset.grade ?? 'GENERAL'] ?? [];
  const fen = (yuan: number | undefined) => Math.round((yuan ?? 0) * 100);
  const create = useMutation({
    mutationFn: (v: ProductValues) =>
      createProduct({
        datasetId: dataset.id ?? '',
        ...(v.nameZh ? { nameZh: v.nameZh } : {}),
        ...(v.nameEn ? { nameEn: v.nameEn } : {}),
        modes: v.modes as ProductRequest['modes'],
        scenarios: v.scenarios.split('\n').map((s) => s.trim()).filter(Boolean),
        qualityNotes: v.qualityNotes,
        priceRule: {
          kind: v.kind,
          unitPriceFen: v.kind === 'FREE' ? 0 : fen(v.unitPriceYuan),
          capFen: v.kind === 'FREE' ? null : fen(v.capYuan),
          period: v.kind === 'PER_PERIOD' ? v.period ?? 'MONTH' : null,
        },
      }),
    onSuccess: () => {
      setProblem(null);
      void queryClient.invalidateQueries({ queryKey: ['products'] });
      onDone();
    },
    onError: (e) => {
      const p = problemOf(e);
      setProblem(p);
      const map: Record<string, string> = { 'priceRule.unitPriceFen': 'unitPriceYuan', 'priceRule.capFen': 'capYuan', 'priceRule.kind': 'kind', 'priceRule.period': 'period' };
      form.setFields(
        p.errors.map((err) => ({ name: (map[err.field] ? [map[err.field]] : fieldPath(err.field).slice(0, 1)) as never, errors: [pickLanguage(err.message, locale)] })),
      );
    },
  });
  if (modes.length === 0) return <Alert type="info" showIcon title={t('productNoModes')} />;
  return (
    <Card size="small" title={<h5 className="pdx-card-title">{t('productNew')}</h5>} data-testid="product-form">
      <p className="pdx-subtle-dark">{t('productConsentByListing')}</p>
      <Form<ProductValues>
        form={form}
        layout="vertical"
        style={{ maxWidth: 720 }}
        initialValues={{ modes, kind: 'FREE', period: 'MONTH', nameZh: dataset.nameZh ?? '', nameEn: dataset.nameEn ?? '', scenarios: '', qualityNotes: '' }}
        onFinish={(v) =>
          modal.confirm({
            title: t('productConfirmTitle'),
            content: t('productConfirmDetail', { name: v.nameZh || dataset.nameZh || '' }),
            okText: t('productList'),
            cancelText: t('cancel'),
            onOk: () => create.mutateAsync(v).catch(() => undefined),
          })
        }
      >
        <div className="pdx-form-grid">
          <Form.Item name="nameZh" label={t('draftNameZh')}>
            <Input />
          </Form.Item>
          <Form.Item name="nameEn" label={t('draftNameEn')}>
            <Input />
          </Form.Item>
        </div>
        <Form.Item name="modes" label={t('mode')} extra={t('productModesHelp', { grade: te('grade_', dataset.grade) })}
          // a validator rather than required: a group may not carry aria-required
          rules={[{ validator: async (_, v: string[] | undefined) => { if (!v || v.length === 0) throw new Error(t('required')); } }]}
        >
          <Checkbox.Group role="group" aria-label={t('mode')} options={modes.map((m) => ({ value: m, label: te('mode_', m) }))} />
        </Form.Item>
        <Form.Item name="scenarios" label={t('productScenarios')} extra={t('productScenariosHelp')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input.TextArea rows={3} data-testid="product-scenarios" />
        </Form.Item>
        <Form.Item name="qualityNotes" label={t('productQualityNotes')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 4000 }]}>
          <Input.TextArea rows={2} data-testid="product-quality" />
        </Form.Item>
        <div className="pdx-form-grid">
          <Form.Item name="kind" label={t('productPriceKind')} rules={[{ required: true, message: t('required') }]}>
            <Select aria-label={t('productPriceKind')} options={['FREE', 'PER_CALL', 'PER_1000_ROWS', 'PER_PERIOD'].map((k) => ({ value: k, label: te('price_', k) }))} />
          </Form.Item>
          {kind && kind !== 'FREE' && (
            <>
              <Form.Item name="unitPriceYuan" label={t('productUnitPrice')} rules={[{ required: true, message: t('required') }]}>
                <InputNumber min={0.01} step={0.01} precision={2} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item
                name="capYuan"
                label={t('productCap')}
                extra={t('productCapHelp')}
                dependencies={['unitPriceYuan']}
                rules={[
                  { required: true, message: t('required') },
                  ({ getFieldValue }) => ({
                    validator: async (_, v: number | undefined) => {
                      const unit = getFieldValue('unitPriceYuan') as number | undefined;
                      if (v !== undefined && unit !== undefined && unit > v) throw new Error(t('productUnderCap'));
                    },
                  }),
                ]}
              >
                <InputNumber min={0.01} step={0.01} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            </>
          )}
          {kind === 'PER_PERIOD' && (
            <Form.Item name="period" label={t('productPeriod')}>
              <Select aria-label={t('productPeriod')} options={['MONTH', 'QUARTER', 'YEAR'].map((p) => ({ value: p, label: te('period_', p) }))} />
            </Form.Item>
          )}
        </div>
        {problem && (
          <div style={{ marginBottom: 12 }}>
            <ProblemAlert problem={problem} />
          </div>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="product-submit">
            {t('productList')}
          </Button>
          <Button onClick={onDone}>{t('cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

function DataIntoDomain({ dataset }: { dataset: DatasetSummary }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const id = dataset.id ?? '';
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const quality = useQuery({
    queryKey: ['quality', id],
    queryFn: async () => {
      try {
        return await getQuality(id);
      } catch (e) {
        if (isApiError(e) && e.problem.status === 404) return null; // the data has not entered the domain yet
        throw e;
      }
    },
  });
  const upload = useMutation({
    mutationFn: () => uploadDatasetData(id, file as File, setSent),
    onSuccess: (report) => {
      setProblem(null);
      setFile(null);
      queryClient.setQueryData(['quality', id], report);
    },
    onError: (e) => setProblem(problemOf(e)),
    onSettled: () => setSent(null),
  });
  return (
    <section aria-label={t('domainTitle')} style={{ marginTop: 16 }}>
      <h4 className="pdx-h3">{t('domainTitle')}</h4>
      <p className="pdx-subtle-dark">{t('domainHelp')}</p>
      <Space wrap>
        <Upload
          accept=".csv,.parquet"
          maxCount={1}
          beforeUpload={(chosen) => {
            setFile(chosen);
            return false;
          }}
          onRemove={() => setFile(null)}
          fileList={file ? [{ uid: file.name, name: file.name, status: 'done' }] : []}
        >
          <Button icon={<UploadOutlined />} data-testid="domain-file">
            {t('tableChooseFile')}
          </Button>
        </Upload>
        <Button type="primary" icon={<CloudUploadOutlined />} disabled={!file} loading={upload.isPending} onClick={() => upload.mutate()} data-testid="domain-upload">
          {t('domainUpload')}
        </Button>
      </Space>
      {sent !== null && <Progress percent={Math.round(sent * 100)} data-testid="domain-progress" />}
      {problem && <ProblemAlert problem={problem} />}
      <QueryView query={quality}>{(report) => (report ? <QualityView report={report} /> : <p className="pdx-subtle-dark">{t('qualityNone')}</p>)}</QueryView>
    </section>
  );
}

function QualityView({ report }: { report: QualityReport }) {
  const { t, te, locale } = useI18n();
  return (
    <div data-testid="quality-report" style={{ marginTop: 12 }}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('qualityRows')}>
          <span data-testid="quality-rows">{formatNumber(locale, report.rows)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('qualityFreshness')}>
          <Badge tone={report.freshness === 'FRESH' ? 'green' : report.freshness === 'STALE' ? 'orange' : 'gray'}>{te('freshness_', report.freshness ?? 'UNKNOWN')}</Badge>
          {report.latest ? ` ${t('qualityLatest', { date: report.latest, days: report.ageDays ?? 0 })}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('qualityImportedAt')}>{formatDateTime(locale, report.importedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('tableBytes')}>{formatBytes(locale, report.bytes)}</Descriptions.Item>
        <Descriptions.Item label="SHA-256">
          <code className="pdx-break">{report.sha256}</code>
        </Descriptions.Item>
        {(report.ignoredColumns ?? []).length > 0 && <Descriptions.Item label={t('qualityIgnored')}>{(report.ignoredColumns ?? []).join(', ')}</Descriptions.Item>}
      </Descriptions>
      <DataTable
        rowKey={(c) => c.name ?? ''}
        size="small"
        pagination={false}
        dataSource={report.columns ?? []}
        columns={[
          { title: t('colColumn'), key: 'n', render: (_, c) => <code>{c.name}</code> },
          { title: t('colType'), key: 'ty', render: (_, c) => c.type },
          { title: t('qualityNulls'), key: 'nu', render: (_, c) => formatNumber(locale, c.nulls) },
          { title: t('qualityDistinct'), key: 'di', render: (_, c) => formatNumber(locale, c.distinct) },
          {
            title: t('qualityOutOfBounds'),
            key: 'ob',
            render: (_, c) =>
              c.outOfBounds === null || c.outOfBounds === undefined ? (
                t('unknown')
              ) : (
                <span>
                  {formatNumber(locale, c.outOfBounds)} <span className="pdx-subtle-dark">[{c.lower}, {c.upper}]</span>
                </span>
              ),
          },
        ]}
      />
    </div>
  );
}

/** 下架: the department (or the bureau) withdraws a listed product with a reason, after a confirmation. */
function WithdrawProduct({ product }: { product: ProductView }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const withdraw = useMutation({
    mutationFn: () => withdrawProduct(product.id ?? '', reason.trim()),
    onSuccess: () => {
      setOpen(false);
      setProblem(null);
      void queryClient.invalidateQueries({ queryKey: ['products'] });
    },
    onError: (e) => setProblem(problemOf(e)),
  });
  const name = locale === 'zh' ? product.nameZh : product.nameEn || product.nameZh;
  return (
    <>
      <Button size="small" danger onClick={() => setOpen(true)} data-testid="product-withdraw">
        {t('productWithdraw')}
      </Button>
      <Modal
        open={open}
        title={t('productWithdrawTitle', { name: name ?? '' })}
        okText={t('productWithdraw')}
        okButtonProps={{ danger: true, disabled: reason.trim() === '', loading: withdraw.isPending }}
        cancelText={t('cancel')}
        onOk={() => withdraw.mutate()}
        onCancel={() => setOpen(false)}
      >
        <p>{t('productWithdrawDetail')}</p>
        <label htmlFor={`withdraw-${product.id}`}>{t('productWithdrawReason')}</label>
        <Input.TextArea
          id={`withdraw-${product.id}`}
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="product-withdraw-reason"
        />
        {problem && <ProblemAlert problem={problem} />}
      </Modal>
    </>
  );
}

/** 使用情况: licenses in force by organization and purpose, calls per month and revenue; aggregates only. */
function UsageView({ dataset }: { dataset: DatasetSummary }) {
  const { t, locale } = useI18n();
  const { reference } = useReference();
  const usage = useQuery({ queryKey: ['dataset-usage', dataset.id], queryFn: () => getDatasetUsage(dataset.id ?? '') });
  const purposeName = (code: string) => {
    const purpose = reference.purposes.find((p) => p.code === code);
    return purpose ? (locale === 'zh' ? purpose.zh : purpose.en) : code;
  };
  return (
    <section aria-label={t('usageTitle')} style={{ marginTop: 16 }} data-testid="dataset-usage">
      <h4 className="pdx-h3">{t('usageTitle')}</h4>
      <p className="pdx-subtle-dark">{t('usageIntro')}</p>
      <QueryView query={usage}>
        {(u: DatasetUsage) => {
          const calls = (u.months ?? []).reduce((sum, m) => sum + (m.calls ?? 0), 0);
          const active = (u.months ?? []).filter((m) => (m.calls ?? 0) > 0 || (m.revenueFen ?? 0) > 0);
          return (
            <>
              <Descriptions size="small" column={{ xs: 1, md: 3 }}>
                <Descriptions.Item label={t('usageLicenses')}>
                  <span data-testid="usage-licenses">{formatNumber(locale, (u.licensesInForce ?? []).reduce((sum, l) => sum + (l.licenses ?? 0), 0))}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('usageCalls')}>
                  <span data-testid="usage-calls">{formatNumber(locale, calls)}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('usageRevenue')}>
                  <span data-testid="usage-revenue">{formatFen(locale, u.revenueFenTotal)}</span>
                </Descriptions.Item>
              </Descriptions>
              {(u.licensesInForce ?? []).length === 0 ? (
                <p className="pdx-subtle-dark" data-testid="usage-none">{t('usageNone')}</p>
              ) : (
                <DataTable
                  size="small"
                  pagination={false}
                  rowKey={(l) => `${l.organization}-${l.purposeCategory}`}
                  dataSource={u.licensesInForce ?? []}
                  data-testid="usage-table"
                  columns={[
                    { title: t('usageOrganization'), key: 'org', render: (_: unknown, l) => l.organizationName || l.organization },
                    { title: t('colPurpose'), key: 'purpose', render: (_: unknown, l) => purposeName(l.purposeCategory ?? '') },
                    { title: t('usageLicenses'), key: 'n', align: 'right', render: (_: unknown, l) => formatNumber(locale, l.licenses) },
                  ]}
                />
              )}
              {active.length === 0 ? (
                <p className="pdx-subtle-dark" data-testid="usage-no-calls">{t('usageNoCalls')}</p>
              ) : (
              <DataTable
                size="small"
                pagination={false}
                style={{ marginTop: 8 }}
                rowKey={(m) => m.month ?? ''}
                dataSource={active}
                data-testid="usage-months"
                columns={[
                  { title: t('usageMonth'), key: 'month', render: (_: unknown, m) => m.month },
                  { title: t('usageCalls'), key: 'calls', align: 'right', render: (_: unknown, m) => formatNumber(locale, m.calls) },
                  { title: t('usageRevenue'), key: 'revenue', align: 'right', render: (_: unknown, m) => formatFen(locale, m.revenueFen) },
                ]}
              />
              )}
            </>
          );
        }}
      </QueryView>
    </section>
  );
}

/**
 * 变更、更正、注销登记: a new registration amending this registered version, with its reason. A change or correction
 * opens its draft for editing; a cancellation is submitted as it stands. Either goes through review and publicity.
 */
function AmendRegistration({ dataset, onDraft }: { dataset: DatasetSummary; onDraft: (d: DatasetSummary) => void }) {
  const { t, te } = useI18n();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [type, setType] = useState<AmendmentRequest['type']>('CHANGE');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const amend = useMutation({
    mutationFn: () => amendDataset(dataset.id ?? '', { type, reason: reason.trim() }),
    onSuccess: (draft) => {
      setOpen(false);
      setProblem(null);
      setReason('');
      void queryClient.invalidateQueries({ queryKey: ['provider-datasets'] });
      if (draft.registrationType !== 'CANCELLATION') onDraft(draft);
    },
    onError: (e) => setProblem(problemOf(e)),
  });
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="provider-amend">
        {t('amendOpen')}
      </Button>
      <Modal
        open={open}
        title={t('amendTitle', { name: dataset.nameZh ?? '' })}
        okText={t('amendCreate')}
        okButtonProps={{ disabled: reason.trim() === '', loading: amend.isPending }}
        cancelText={t('cancel')}
        onOk={() => amend.mutate()}
        onCancel={() => setOpen(false)}
      >
        <Radio.Group value={type} onChange={(e) => setType(e.target.value as AmendmentRequest['type'])} aria-label={t('amendType')} data-testid="amend-type">
          <Space orientation="vertical">
            {(['CHANGE', 'CORRECTION', 'CANCELLATION'] as const).map((kind) => (
              <Radio key={kind} value={kind} data-testid={`amend-type-${kind}`}>
                <strong>{te('regType_', kind)}</strong> — {t(`amendHelp_${kind}`)}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
        <p style={{ marginTop: 12, marginBottom: 4 }}>
          <label htmlFor={`amend-reason-${dataset.id}`}>{t('amendReason')}</label>
        </p>
        <Input.TextArea id={`amend-reason-${dataset.id}`} rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="amend-reason" />
        {problem && <ProblemAlert problem={problem} />}
      </Modal>
    </>
  );
}
