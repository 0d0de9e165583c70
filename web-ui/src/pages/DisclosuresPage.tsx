// 年度披露: each year's authorizations, products, fees and revenue, disclosed by 31 March of the next year. Anyone reads
// the published years (PDF, web page, JSON, and both SHA-256 digests to check them); the bureau admin prepares a year's
// draft (编制), reads its figures, and publishes it (发布) once the server offers that — after the year is over.
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Row, Select, Space, Statistic, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { Badge } from '../components/Tags';
import {
  disclosureUrl,
  fetchDisclosureDocument,
  getDisclosure,
  listDisclosures,
  prepareDisclosure,
  publishDisclosure,
  type DisclosureFormat,
} from '../api/endpoints';
import type { DisclosureView, ProductFees } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../i18n/I18nContext';
import { disclosureOffers, disclosureYears } from '../lib/disclosure';
import { saveBlob } from '../lib/download';
import { formatDate, formatDateTime, formatFen, formatNumber } from '../lib/format';
import { DataTable } from '../components/DataTable';
import { Page } from '../components/Page';
import { EmptyState, QueryView } from '../components/QueryView';
import { ProblemAlert } from '../components/ProblemAlert';

const FORMATS: DisclosureFormat[] = ['pdf', 'html', 'json'];
const EXTENSION: Record<DisclosureFormat, string> = { pdf: 'pdf', html: 'html', json: 'json' };

export default function DisclosuresPage() {
  const auth = useAuth();
  const { t, te, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const chosen = Number.parseInt(params.get('year') ?? '', 10);
  const year = Number.isInteger(chosen) ? chosen : null;
  const list = useQuery({ queryKey: ['disclosures', auth.username], queryFn: listDisclosures });
  const show = (y: number | null) => {
    const next = new URLSearchParams(params);
    if (y === null) next.delete('year');
    else next.set('year', String(y));
    setParams(next);
  };

  const columns: ColumnsType<DisclosureView> = [
    {
      title: t('disclosureYear'),
      key: 'year',
      render: (_, d) => (
        <Button type="link" onClick={() => show(d.year ?? null)} aria-pressed={year === d.year} data-testid="disclosure-open">
          {t('disclosureOfYear', { year: d.year ?? '' })}
        </Button>
      ),
    },
    {
      title: t('colState'),
      key: 'status',
      render: (_, d) => (
        <Space size={4} wrap>
          <Badge tone={d.status === 'PUBLISHED' ? 'green' : 'orange'}>{te('disclosureStatus_', d.status)}</Badge>
          {d.late && <Badge tone="red">{t('disclosureLate')}</Badge>}
        </Space>
      ),
    },
    {
      title: t('disclosurePublishedAt'),
      key: 'published',
      render: (_, d) => (
        <Space orientation="vertical" size={0}>
          <span className="pdx-nowrap">{d.publishedAt ? formatDateTime(locale, d.publishedAt) : t('disclosureNotPublished')}</span>
          <span className="pdx-subtle">{t('disclosureDue', { due: formatDate(d.due) })}</span>
        </Space>
      ),
    },
    { title: t('disclosureDocuments'), key: 'docs', render: (_, d) => <Documents view={d} /> },
    { title: t('disclosureDigests'), key: 'digests', render: (_, d) => <Digests view={d} /> },
  ];

  return (
    <Page title={t('disclosuresTitle')} intro={t('disclosuresIntro')}>
      {auth.hasRole('bureau-admin') && <PrepareCard list={list.data?.items ?? []} onPrepared={(y) => show(y)} />}
      {year !== null && <DisclosureDetail year={year} onClose={() => show(null)} />}
      <QueryView query={list}>
        {(data) => (
          <DataTable<DisclosureView>
            rowKey={(d) => String(d.year ?? '')}
            columns={columns}
            dataSource={[...data.items].sort((a, b) => (b.year ?? 0) - (a.year ?? 0))}
            pagination={false}
            locale={{ emptyText: <EmptyState title={t('disclosuresEmpty')} hint={t('disclosuresEmptyHint')} /> }}
            data-testid="disclosures-table"
          />
        )}
      </QueryView>
    </Page>
  );
}

/** A published year's documents are plain links; a draft's are fetched with the bureau's token. */
function Documents({ view }: { view: DisclosureView }) {
  const auth = useAuth();
  const { t } = useI18n();
  const [problem, setProblem] = useState<unknown>(null);
  const year = view.year ?? 0;
  const offers = disclosureOffers(view, auth.roles);
  const label = (f: DisclosureFormat) => t(`disclosureFormat_${f}` as const);
  const fetchOne = async (f: DisclosureFormat) => {
    setProblem(null);
    try {
      saveBlob(await fetchDisclosureDocument(year, f), `pdx-disclosure-${year}-draft.${EXTENSION[f]}`);
    } catch (e) {
      setProblem(e);
    }
  };
  return (
    <Space orientation="vertical" size={4}>
      <Space size={8} wrap>
        {FORMATS.map((f) =>
          offers.withToken ? (
            <Button key={f} size="small" icon={<DownloadOutlined />} onClick={() => void fetchOne(f)} data-testid={`disclosure-${f}`}>
              {label(f)}
            </Button>
          ) : (
            <a key={f} href={disclosureUrl(year, f)} target={f === 'pdf' ? undefined : '_blank'} rel="noreferrer" data-testid={`disclosure-${f}`}>
              {label(f)}
            </a>
          ),
        )}
      </Space>
      {problem !== null && <ProblemAlert error={problem} compact />}
    </Space>
  );
}

/** Both SHA-256 digests in full, monospace and copyable (the copy button is a keyboard stop of its own). */
function Digests({ view }: { view: DisclosureView }) {
  const { t } = useI18n();
  const digest = (label: string, value: string | null | undefined, testId: string) => (
    <div>
      <span className="pdx-subtle">{label}</span>
      <br />
      {value ? (
        <span data-testid={testId}>
          <Typography.Text className="pdx-digest" copyable={{ text: value, tooltips: [t('copy'), t('copied')] }}>
            {value}
          </Typography.Text>
        </span>
      ) : (
        t('unknown')
      )}
    </div>
  );
  return (
    <div style={{ minWidth: '16em', maxWidth: '36em' }}>
      {digest(t('disclosureContentSha'), view.contentSha256, 'disclosure-content-sha')}
      {digest(t('disclosurePdfSha'), view.pdfSha256, 'disclosure-pdf-sha')}
    </div>
  );
}

/** 编制: the bureau admin picks a year (2000 to this year) and draws its draft, after a summary to confirm. */
function PrepareCard({ list, onPrepared }: { list: DisclosureView[]; onPrepared: (year: number) => void }) {
  const { t, te } = useI18n();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const years = disclosureYears(new Date());
  const [year, setYear] = useState<number>(years[0] ?? new Date().getFullYear());
  const existing = list.find((d) => d.year === year);
  const published = existing?.status === 'PUBLISHED';
  const prepare = useMutation({
    mutationFn: (y: number) => prepareDisclosure(y),
    onSuccess: (view, y) => {
      queryClient.setQueryData(['disclosure', y], view);
      void queryClient.invalidateQueries({ queryKey: ['disclosures'] });
      onPrepared(y);
    },
  });
  const confirm = () =>
    modal.confirm({
      title: t('disclosurePrepareTitle', { year }),
      content: existing ? t('disclosurePrepareAgain', { year, state: te('disclosureStatus_', existing.status) }) : t('disclosurePrepareFirst', { year }),
      okText: t('disclosurePrepare'),
      cancelText: t('cancel'),
      onOk: () => prepare.mutateAsync(year).catch(() => undefined),
    });
  return (
    <Card size="small" style={{ marginBottom: 16 }} title={<h2 className="pdx-card-title">{t('disclosurePrepareHeading')}</h2>} data-testid="disclosure-prepare-card">
      <p className="pdx-subtle-dark">{t('disclosurePrepareHelp')}</p>
      <Space wrap>
        <label htmlFor="disclosure-year">{t('disclosureYear')}</label>
        <span data-testid="disclosure-year">
          <Select<number>
            id="disclosure-year"
            value={year}
            onChange={(y) => {
              prepare.reset();
              setYear(y);
            }}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            style={{ width: 120 }}
          />
        </span>
        <Button type="primary" onClick={confirm} disabled={published} loading={prepare.isPending} data-testid="disclosure-prepare">
          {t('disclosurePrepare')}
        </Button>
        {published && <span className="pdx-subtle-dark">{t('disclosureFinal')}</span>}
      </Space>
      {prepare.isError && (
        <div style={{ marginTop: 12 }}>
          <ProblemAlert error={prepare.error} />
        </div>
      )}
    </Card>
  );
}

/** One year's disclosure with its figures; 发布 where the server offers it, after a summary saying it is final. */
function DisclosureDetail({ year, onClose }: { year: number; onClose: () => void }) {
  const auth = useAuth();
  const { t, te, locale } = useI18n();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const view = useQuery({ queryKey: ['disclosure', year], queryFn: () => getDisclosure(year) });
  const publish = useMutation({
    mutationFn: () => publishDisclosure(year),
    onSuccess: (published) => {
      queryClient.setQueryData(['disclosure', year], published);
      void queryClient.invalidateQueries({ queryKey: ['disclosures'] });
    },
  });
  const productColumns: ColumnsType<ProductFees> = [
    { title: t('colProduct'), key: 'name', render: (_, p) => <span className="pdx-nowrap">{(locale === 'zh' ? p.nameZh : p.nameEn || p.nameZh) ?? p.productId}</span> },
    { title: t('colProvider'), key: 'provider', render: (_, p) => <span className="pdx-nowrap">{p.provider ?? t('unknown')}</span> },
    { title: t('feesKind'), key: 'kind', render: (_, p) => <span className="pdx-nowrap">{te('price_', p.priceKind)}</span> },
    { title: t('feesUnitPrice'), key: 'price', align: 'right', render: (_, p) => <span className="pdx-nowrap">{formatFen(locale, p.unitPriceFen)}</span> },
    { title: t('feesCap'), key: 'cap', align: 'right', render: (_, p) => <span className="pdx-nowrap">{p.priceKind === 'FREE' ? t('unknown') : formatFen(locale, p.capFen)}</span> },
    { title: t('disclosurePriceChanges'), key: 'changes', align: 'right', render: (_, p) => formatNumber(locale, p.priceChanges ?? 0) },
    { title: t('disclosureRevenue'), key: 'revenue', align: 'right', render: (_, p) => <strong className="pdx-nowrap">{formatFen(locale, p.revenueFen)}</strong> },
  ];
  return (
    <Card
      style={{ marginBottom: 16 }}
      title={<h2 className="pdx-card-title">{t('disclosureOfYear', { year })}</h2>}
      extra={<Button size="small" onClick={onClose}>{t('close')}</Button>}
      data-testid="disclosure-detail"
    >
      <QueryView query={view}>
        {(d) => {
          const offers = disclosureOffers(d, auth.roles);
          const c = d.content;
          const total = formatFen(locale, c?.revenueFen ?? 0);
          const confirmPublish = () =>
            modal.confirm({
              title: t('disclosurePublishTitle', { year }),
              content: t('disclosurePublishText', {
                year,
                total,
                authorizations: c?.authorizations?.length ?? 0,
                products: c?.products?.length ?? 0,
              }),
              okText: t('disclosurePublish'),
              cancelText: t('cancel'),
              onOk: () => publish.mutateAsync().catch(() => undefined),
            });
          return (
            <>
              <Space wrap size={8} style={{ marginBottom: 12 }}>
                <span data-testid="disclosure-status" data-status={d.status ?? ''}>
                  <Badge tone={d.status === 'PUBLISHED' ? 'green' : 'orange'}>{te('disclosureStatus_', d.status)}</Badge>
                </span>
                {d.late && <Badge tone="red">{t('disclosureLate')}</Badge>}
                <span>{t('disclosureDue', { due: formatDate(d.due) })}</span>
                <span className="pdx-subtle-dark">{t('disclosurePreparedAt', { at: formatDateTime(locale, d.preparedAt) })}</span>
              </Space>
              <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="disclosure-figures">
                <Col xs={12} md={6}>
                  <div data-testid="disclosure-authorizations">
                    <Statistic title={t('disclosureAuthorizations')} value={c?.authorizations?.length ?? 0} />
                  </div>
                </Col>
                <Col xs={12} md={6}>
                  <div data-testid="disclosure-products">
                    <Statistic title={t('disclosureProducts')} value={c?.products?.length ?? 0} />
                  </div>
                </Col>
                <Col xs={12} md={6}>
                  <div data-testid="disclosure-revenue">
                    <Statistic title={t('disclosureRevenue')} value={total} />
                  </div>
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title={t('disclosureChargesReversals')} value={`${formatNumber(locale, c?.charges ?? 0)} / ${formatNumber(locale, c?.reversals ?? 0)}`} />
                </Col>
              </Row>
              <h3 className="pdx-h3">{t('disclosureProductsHeading')}</h3>
              <DataTable<ProductFees>
                rowKey={(p) => p.productId ?? ''}
                columns={productColumns}
                dataSource={c?.products ?? []}
                pagination={false}
                size="small"
                locale={{ emptyText: <EmptyState title={t('disclosureNoProducts')} /> }}
                data-testid="disclosure-products-table"
              />
              <Space orientation="vertical" size={8} style={{ marginTop: 16, width: '100%' }}>
                <Documents view={d} />
                <Digests view={d} />
                {offers.publish ? (
                  <Button type="primary" danger onClick={confirmPublish} loading={publish.isPending} data-testid="disclosure-publish">
                    {t('disclosurePublish')}
                  </Button>
                ) : (
                  d.status === 'DRAFT' &&
                  auth.hasRole('bureau-admin') && (
                    <span className="pdx-subtle-dark" data-testid="publish-not-offered">
                      {t('disclosurePublishLater', { year })}
                    </span>
                  )
                )}
                {publish.isError && <ProblemAlert error={publish.error} />}
              </Space>
            </>
          );
        }}
      </QueryView>
    </Card>
  );
}
