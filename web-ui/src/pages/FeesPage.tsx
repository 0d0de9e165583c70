// 收费公示: every listed or withdrawn product's price, its cap (政府指导价上限) and the basis of its price, with each price
// it had and when, for everyone (anonymous too), a page at a time from the server. ?product=<id> shows one product's
// notice above the list; the bureau admin changes a price from here too (调价).
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Badge } from '../components/Tags';
import { getFeeNotice, listFeeNotices } from '../api/endpoints';
import type { FeeNotice, FeePeriod, ProductView } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../i18n/I18nContext';
import { canChangePrice, feePeriodLabel } from '../lib/fees';
import { formatDateTime, formatFen } from '../lib/format';
import { pickLanguage } from '../lib/problem';
import { DataTable } from '../components/DataTable';
import { Page } from '../components/Page';
import { EmptyState, QueryView } from '../components/QueryView';
import { PriceChangeModal, PriceChangedAlert, type PricedProduct } from '../components/PriceChangeModal';

const PAGE_SIZE = 20;

export default function FeesPage() {
  const auth = useAuth();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const page = Math.max(0, Number.parseInt(params.get('page') ?? '1', 10) - 1 || 0);
  const productId = params.get('product');
  const notices = useQuery({ queryKey: ['fee-notices', 'page', page], queryFn: () => listFeeNotices(page, PAGE_SIZE) });
  const [pricing, setPricing] = useState<PricedProduct | null>(null);
  const [changed, setChanged] = useState<ProductView | null>(null);
  const columns = useNoticeColumns((n) => {
    setChanged(null);
    setPricing({ id: n.productId ?? '', nameZh: n.nameZh ?? null, nameEn: n.nameEn ?? null, priceRule: n.priceRule ?? null });
  });
  const setPage = (p: number) => {
    const next = new URLSearchParams(params);
    if (p > 1) next.set('page', String(p));
    else next.delete('page');
    setParams(next);
  };

  return (
    <Page title={t('feesTitle')} intro={t('feesIntro')}>
      {changed && <PriceChangedAlert product={changed} onClose={() => setChanged(null)} />}
      {productId && <OneNotice productId={productId} />}
      <QueryView query={notices}>
        {(data) => (
          <DataTable<FeeNotice>
            rowKey={(n) => n.productId ?? ''}
            columns={auth.hasRole('bureau-admin') ? columns : columns.filter((c) => c.key !== 'actions')}
            dataSource={data.items}
            expandable={{
              expandedRowRender: (n) => <FeeHistory notice={n} />,
              rowExpandable: (n) => (n.history ?? []).length > 0,
            }}
            pagination={{ current: page + 1, pageSize: PAGE_SIZE, total: data.total, showSizeChanger: false, onChange: setPage, hideOnSinglePage: true }}
            locale={{ emptyText: <EmptyState title={t('feesEmpty')} hint={t('feesEmptyHint')} /> }}
            data-testid="fees-table"
          />
        )}
      </QueryView>
      <PriceChangeModal
        product={pricing}
        onClose={() => setPricing(null)}
        onChanged={(view) => {
          setPricing(null);
          setChanged(view);
        }}
      />
    </Page>
  );
}

/** The columns of a notice; `onChangePrice` for the bureau admin's 调价 (the page drops the column for anyone else). */
function useNoticeColumns(onChangePrice: (n: FeeNotice) => void): ColumnsType<FeeNotice> {
  const auth = useAuth();
  const { t, te, locale } = useI18n();
  return [
    {
      title: t('colProduct'),
      key: 'name',
      render: (_, n) => (
        <Space orientation="vertical" size={0} className="pdx-name-cell">
          <Link to={`/fees?product=${encodeURIComponent(n.productId ?? '')}`}>{(locale === 'zh' ? n.nameZh : n.nameEn || n.nameZh) ?? n.productId}</Link>
          <span className="pdx-subtle" lang={locale === 'zh' ? 'en' : 'zh-CN'}>
            {locale === 'zh' ? n.nameEn : n.nameZh}
          </span>
        </Space>
      ),
    },
    { title: t('colProvider'), key: 'provider', render: (_, n) => <span className="pdx-nowrap">{n.provider ?? t('unknown')}</span> },
    {
      title: t('feesKind'),
      key: 'kind',
      render: (_, n) => (
        <span className="pdx-nowrap">
          {te('price_', n.priceRule?.kind)}
          {n.priceRule?.kind === 'PER_PERIOD' && n.priceRule.period ? ` · ${te('period_', n.priceRule.period)}` : ''}
        </span>
      ),
    },
    { title: t('feesUnitPrice'), key: 'price', align: 'right', render: (_, n) => <strong className="pdx-nowrap">{formatFen(locale, n.priceRule?.unitPriceFen)}</strong> },
    { title: t('feesCap'), key: 'cap', align: 'right', render: (_, n) => <span className="pdx-nowrap">{n.priceRule?.kind === 'FREE' ? t('unknown') : formatFen(locale, n.priceRule?.capFen)}</span> },
    { title: t('feesBasis'), key: 'basis', render: (_, n) => <span className="pdx-desc">{pickLanguage(n.basis ?? '', locale) || t('unknown')}</span> },
    {
      title: t('feesListedAt'),
      key: 'dates',
      render: (_, n) => (
        <Space orientation="vertical" size={2}>
          <span className="pdx-nowrap">{formatDateTime(locale, n.listedAt)}</span>
          {n.status === 'WITHDRAWN' && (
            <span className="pdx-nowrap">
              <Badge tone="gray">{t('feesWithdrawnAt', { at: formatDateTime(locale, n.withdrawnAt) })}</Badge>
            </span>
          )}
        </Space>
      ),
    },
    {
      title: t('actions'),
      key: 'actions',
      render: (_, n) =>
        canChangePrice(n, auth.roles) ? (
          <Button size="small" onClick={() => onChangePrice(n)} data-testid="change-price">
            {t('priceChange')}
          </Button>
        ) : null,
    },
  ];
}

/** Every price of a product, oldest first, each with its span; the open one is in force. */
export function FeeHistory({ notice }: { notice: FeeNotice }) {
  const { t, locale } = useI18n();
  const columns: ColumnsType<FeePeriod> = [
    {
      title: t('feesPeriod'),
      key: 'period',
      render: (_, p) => (
        <Space size={4} className="pdx-nowrap">
          <span>{feePeriodLabel(locale, p.effectiveFrom, p.effectiveUntil)}</span>
          {!p.effectiveUntil && <Badge tone="green">{t('feeCurrent')}</Badge>}
        </Space>
      ),
    },
    { title: t('feesUnitPrice'), key: 'price', align: 'right', render: (_, p) => <span className="pdx-nowrap">{formatFen(locale, p.unitPriceFen)}</span> },
    { title: t('feesCap'), key: 'cap', align: 'right', render: (_, p) => <span className="pdx-nowrap">{formatFen(locale, p.capFen)}</span> },
    { title: t('feesBasis'), key: 'basis', render: (_, p) => <span className="pdx-desc">{pickLanguage(p.basis ?? '', locale) || t('unknown')}</span> },
  ];
  return (
    <DataTable<FeePeriod>
      rowKey={(p) => `${p.effectiveFrom ?? ''}`}
      columns={columns}
      dataSource={notice.history ?? []}
      pagination={false}
      size="small"
      data-testid="fee-history"
    />
  );
}

/** One product's notice (a link from its product, or after 调价). */
function OneNotice({ productId }: { productId: string }) {
  const { t, te, locale } = useI18n();
  const notice = useQuery({ queryKey: ['fee-notices', 'one', productId], queryFn: () => getFeeNotice(productId) });
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={<h2 className="pdx-card-title">{t('feesOne')}</h2>}
      extra={<Link to="/fees">{t('feesAll')}</Link>}
      data-testid="fee-notice"
    >
      <QueryView query={notice}>
        {(n) => (
          <>
            <p>
              <strong>{(locale === 'zh' ? n.nameZh : n.nameEn || n.nameZh) ?? n.productId}</strong> · {te('price_', n.priceRule?.kind)} ·{' '}
              {t('feesInForceNow', { price: formatFen(locale, n.priceRule?.unitPriceFen), cap: formatFen(locale, n.priceRule?.capFen) })}
              {n.status === 'WITHDRAWN' && <> · {t('feesWithdrawnAt', { at: formatDateTime(locale, n.withdrawnAt) })}</>}
            </p>
            <h3 className="pdx-h3">{t('feesHistory')}</h3>
            <FeeHistory notice={n} />
          </>
        )}
      </QueryView>
    </Card>
  );
}
