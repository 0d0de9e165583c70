// A dataset: overview, schema with its column tags explained, the product description (产品说明书),
// price rule, DCAT link, synthetic sample rows, and the way to apply.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import { DownloadOutlined, FileTextOutlined, LinkOutlined } from '@ant-design/icons';
import { dcatUrl, getDataset, listProducts, openDataUrl } from '../api/endpoints';
import type { ProductView } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../i18n/I18nContext';
import { can } from '../lib/actions';
import { canChangePrice } from '../lib/fees';
import { formatDate, formatDateTime, formatNumber } from '../lib/format';
import { pickLanguage } from '../lib/problem';
import { categoryPath } from '../lib/reference';
import { useReference } from '../hooks';
import { DataTable } from '../components/DataTable';
import { DivisionText, TextCell } from '../components/DivisionText';
import { Page } from '../components/Page';
import { EmptyState, Loading } from '../components/QueryView';
import { ProblemAlert } from '../components/ProblemAlert';
import { GradeTag, RegistrationTag, TagLegend } from '../components/Tags';
import { SchemaTable } from '../components/SchemaTable';
import { PriceRuleText } from '../components/PriceRuleText';
import { PriceChangeModal, PriceChangedAlert, type PricedProduct } from '../components/PriceChangeModal';

export function DatasetPage() {
  const { id = '' } = useParams();
  const auth = useAuth();
  const { t, te, locale } = useI18n();
  const { reference } = useReference();
  const dataset = useQuery({ queryKey: ['dataset', id, auth.username], queryFn: () => getDataset(id) });
  const products = useQuery({
    queryKey: ['products', id, auth.username],
    queryFn: () => listProducts({ datasetId: id }),
    enabled: dataset.isSuccess,
  });

  if (dataset.isPending) return <Loading />;
  if (dataset.isError)
    return (
      <Page title={t('datasetTitle')}>
        <ProblemAlert error={dataset.error} onRetry={() => void dataset.refetch()} />
      </Page>
    );
  const d = dataset.data;
  const name = locale === 'zh' ? d.nameZh : d.nameEn || d.nameZh;

  return (
    <Page
      title={name ?? t('datasetTitle')}
      intro={
        <Space wrap>
          <GradeTag grade={d.grade} />
          <span lang={locale === 'zh' ? 'en' : 'zh-CN'}>{locale === 'zh' ? d.nameEn : d.nameZh}</span>
          {auth.isBureau && <RegistrationTag status={d.status} />}
        </Space>
      }
      extra={
        <Space wrap>
          <a href={dcatUrl(id)} target="_blank" rel="noreferrer" data-testid="dcat-link">
            <LinkOutlined aria-hidden /> {t('dcatLink')}
          </a>
          {d.openness === 'OPEN' && d.grade === 'GENERAL' && d.status === 'REGISTERED' && (
            <span data-testid="open-data-links">
              <DownloadOutlined aria-hidden /> {t('openDataDownload')}:{' '}
              {(['csv', 'parquet', 'arrow'] as const).map((format, i) => (
                <span key={format}>
                  {i > 0 && ' · '}
                  <a href={openDataUrl(id, format)} download>
                    {format.toUpperCase()}
                  </a>
                </span>
              ))}
            </span>
          )}
          {(can(d, 'accept') || can(d, 'register') || can(d, 'return')) && <Link to={`/review/registrations/${id}`}>{t('review')}</Link>}
        </Space>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={<h2 className="pdx-card-title">{t('datasetOverview')}</h2>}>
            <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('colCategory')}>{categoryPath(d.category, locale, reference.taxonomy)}</Descriptions.Item>
              <Descriptions.Item label={t('colProvider')}>{d.providerName ?? d.provider}</Descriptions.Item>
              <Descriptions.Item label={t('colRows')}>{formatNumber(locale, d.rowCount)}</Descriptions.Item>
              <Descriptions.Item label={t('updateFrequency')}>{te('freq_', d.updateFrequency)}</Descriptions.Item>
              <Descriptions.Item label={t('timeCoverage')}>
                {formatDate(d.timeCoverageStart)} – {formatDate(d.timeCoverageEnd)}
              </Descriptions.Item>
              <Descriptions.Item label={t('spatialCoverage')}>{d.spatialCoverage ? <DivisionText code={d.spatialCoverage} /> : t('unknown')}</Descriptions.Item>
              <Descriptions.Item label={t('sharingType')}>{te('sharing_', d.sharingType)}</Descriptions.Item>
              <Descriptions.Item label={t('colOpenness')}>{te('openness_', d.openness)}</Descriptions.Item>
              {d.sharingCondition && <Descriptions.Item label={t('sharingCondition')}>{pickLanguage(d.sharingCondition, locale)}</Descriptions.Item>}
              {d.certificateNo && (
                <Descriptions.Item label={t('certificateNo')}>
                  <Link to={`/verify?code=${encodeURIComponent(d.certificateNo)}`} data-testid="certificate-no">
                    {d.certificateNo}
                  </Link>
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('version')}>{d.datasetVersion ?? 1}</Descriptions.Item>
            </Descriptions>
            {d.description && <Typography.Paragraph style={{ marginTop: 12 }}>{pickLanguage(d.description, locale)}</Typography.Paragraph>}
          </Card>
          <Card title={<h2 className="pdx-card-title">{t('schemaTitle')}</h2>} style={{ marginTop: 16 }}>
            <SchemaTable columns={d.columns ?? []} />
            <div style={{ marginTop: 12 }}>
              <TagLegend />
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          {products.isPending ? (
            <Loading />
          ) : products.isError ? (
            <ProblemAlert error={products.error} onRetry={() => void products.refetch()} />
          ) : products.data.length === 0 ? (
            <Card title={<h2 className="pdx-card-title">{t('productTitle')}</h2>}>
              <EmptyState title={t('noProduct')} />
            </Card>
          ) : (
            products.data.map((p) => <ProductCard key={p.id} product={p} />)
          )}
        </Col>
      </Row>
    </Page>
  );
}

function ProductCard({ product: p }: { product: ProductView }) {
  const { t, te, locale } = useI18n();
  const auth = useAuth();
  const navigate = useNavigate();
  const sample = p.description?.syntheticSample ?? [];
  const sampleColumns = Object.keys(sample[0] ?? {}).map((k) => ({
    title: <code>{k}</code>,
    dataIndex: k,
    key: k,
    render: (v: unknown) => <TextCell column={k} value={v} />,
  }));
  const withdrawn = p.status === 'WITHDRAWN';
  const canApply = auth.hasRole('operator') && p.grade !== 'CORE' && !withdrawn;
  const [pricing, setPricing] = useState<PricedProduct | null>(null);
  const [changed, setChanged] = useState<ProductView | null>(null);
  return (
    <Card
      title={
        <h2 className="pdx-card-title">
          <FileTextOutlined aria-hidden /> {t('productTitle')}
        </h2>
      }
      style={{ marginBottom: 16 }}
      data-testid="product-card"
      data-product-id={p.id ?? ''}
    >
      {changed && <PriceChangedAlert product={changed} onClose={() => setChanged(null)} />}
      <PriceChangeModal
        product={pricing}
        onClose={() => setPricing(null)}
        onChanged={(view) => {
          setPricing(null);
          setChanged(view);
        }}
      />
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('productName')}>{locale === 'zh' ? p.nameZh : p.nameEn || p.nameZh}</Descriptions.Item>
        <Descriptions.Item label={t('productModes')}>
          <Space orientation="vertical" size={2}>
            {(p.modes ?? []).map((m) => (
              <span key={m}>
                <strong>{te('mode_', m)}</strong> — {te('modeHelp_', m)}
              </span>
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('productPrice')}>
          <Space wrap size={8}>
            <span data-testid="product-price">
              <PriceRuleText rule={p.priceRule} />
            </span>
            <Link to={`/fees?product=${encodeURIComponent(p.id ?? '')}`} data-testid="product-fee-notice">
              {t('productFeeNotice')}
            </Link>
            {canChangePrice(p, auth.roles) && (
              <Button
                size="small"
                onClick={() => {
                  setChanged(null);
                  setPricing({ id: p.id ?? '', nameZh: p.nameZh ?? null, nameEn: p.nameEn ?? null, priceRule: p.priceRule ?? null });
                }}
                data-testid="change-price"
              >
                {t('priceChange')}
              </Button>
            )}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('updateFrequency')}>{te('freq_', p.description?.updateFrequency)}</Descriptions.Item>
        <Descriptions.Item label={t('scenarios')}>
          {(p.description?.scenarios ?? []).length > 0 ? (
            <ul className="pdx-plain-list">
              {(p.description?.scenarios ?? []).map((s) => (
                <li key={s}>{pickLanguage(s, locale)}</li>
              ))}
            </ul>
          ) : (
            t('unknown')
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('qualityNotes')}>{pickLanguage(p.description?.qualityNotes ?? '', locale) || t('unknown')}</Descriptions.Item>
      </Descriptions>
      <h3 className="pdx-h3">{t('sampleRows')}</h3>
      {sample.length === 0 ? (
        <EmptyState title={t('noSample')} />
      ) : (
        <DataTable
          rowKey="__row"
          columns={sampleColumns}
          dataSource={(sample as Record<string, unknown>[]).map((r, i) => ({ ...r, __row: i }))}
          pagination={false}
          size="small"
          scroll={{ x: 'max-content' }}
          data-testid="sample-table"
        />
      )}
      <div style={{ marginTop: 16 }}>
        {withdrawn ? (
          <Alert type="warning" showIcon title={t('productNotListed', { at: formatDateTime(locale, p.withdrawnAt), reason: p.withdrawalReason ?? '' })} data-testid="product-withdrawn" />
        ) : canApply ? (
          <Button type="primary" onClick={() => navigate(`/apply/${p.id}`)} data-testid="apply-button">
            {t('applyForLicense')}
          </Button>
        ) : !auth.user || !auth.isBureau ? (
          <Alert type="info" showIcon title={t('applyNeedsOperator')} />
        ) : null}
      </div>
    </Card>
  );
}
