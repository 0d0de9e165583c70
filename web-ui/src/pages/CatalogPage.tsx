// 数据目录: keyword search, facets with counts (category tree, grade, provider, openness), grade badges
// with a legend. The search lives in the URL, so it can be shared and Back works.
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Collapse, Grid, Input, Row, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { listDatasets } from '../api/endpoints';
import type { DatasetSummary } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../i18n/I18nContext';
import { categoryTree, nextSearch, readSearch, sortedFacet, type CategoryNode, type SearchState } from '../lib/facets';
import { formatNumber } from '../lib/format';
import { categoryLabel, categoryPath } from '../lib/reference';
import { useReference } from '../hooks';
import { DataTable } from '../components/DataTable';
import { Page } from '../components/Page';
import { EmptyState, Loading } from '../components/QueryView';
import { ProblemAlert } from '../components/ProblemAlert';
import { GradeLegend, GradeTag } from '../components/Tags';

const PAGE_SIZE = 20;

export function CatalogPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const search = readSearch(params);
  const auth = useAuth();
  const { t, te, locale } = useI18n();
  const screens = Grid.useBreakpoint();
  const page = Math.max(0, Number(search.page ?? '0') || 0);
  const [draft, setDraft] = useState<string | null>(null);
  const { reference } = useReference();

  const query = useQuery({
    queryKey: ['datasets', search, auth.username],
    queryFn: ({ signal }) =>
      listDatasets(
        { q: search.q, category: search.category, grade: search.grade, provider: search.provider, openness: search.openness, page, size: PAGE_SIZE },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

  const go = (change: SearchState) => {
    const next = nextSearch(search, change).toString();
    navigate({ pathname: '/', search: next ? `?${next}` : '' });
  };

  const providerNames = useMemo(() => {
    const names: Record<string, string> = {};
    for (const d of query.data?.items ?? []) if (d.provider) names[d.provider] = d.providerName ?? d.provider;
    return names;
  }, [query.data]);

  const columns: ColumnsType<DatasetSummary> = [
    {
      title: t('colName'),
      key: 'name',
      render: (_, d) => (
        <div className="pdx-name-cell">
          <Link to={`/datasets/${d.id}`} className="pdx-dataset-link">
            {locale === 'zh' ? d.nameZh : d.nameEn || d.nameZh}
          </Link>
          <div className="pdx-subtle" lang={locale === 'zh' ? 'en' : 'zh-CN'}>
            {locale === 'zh' ? d.nameEn : d.nameZh}
          </div>
        </div>
      ),
    },
    { title: t('colGrade'), key: 'grade', render: (_, d) => <GradeTag grade={d.grade} /> },
    { title: t('colCategory'), dataIndex: 'category', key: 'category', render: (c: string) => <span className="pdx-nowrap">{categoryPath(c, locale, reference.taxonomy)}</span> },
    { title: t('colProvider'), key: 'provider', render: (_, d) => <span className="pdx-nowrap">{d.providerName ?? d.provider}</span> },
    { title: t('colRows'), key: 'rows', align: 'right', render: (_, d) => formatNumber(locale, d.rowCount) },
    { title: t('colOpenness'), key: 'openness', render: (_, d) => <span className="pdx-nowrap">{te('openness_', d.openness)}</span> },
  ];

  const facets = query.data?.facets ?? {};
  const anyFilter = Boolean(search.category || search.grade || search.provider || search.openness || search.q);

  const facetPanel = (
    <div className="pdx-facets" data-testid="facets">
      <FacetSection title={t('facetCategory')}>
        <CategoryList nodes={categoryTree(facets['category'] ?? {})} selected={search.category} onPick={(c) => go({ category: c })} />
      </FacetSection>
      <FacetSection title={t('facetGrade')}>
        <FacetList
          entries={sortedFacet(facets['grade'])}
          selected={search.grade}
          label={(v) => <GradeTag grade={v} withHelp={false} />}
          onPick={(v) => go({ grade: v })}
          testId="facet-grade"
        />
      </FacetSection>
      <FacetSection title={t('facetProvider')}>
        <FacetList entries={sortedFacet(facets['provider'])} selected={search.provider} label={(v) => providerNames[v] ?? v} onPick={(v) => go({ provider: v })} />
      </FacetSection>
      <FacetSection title={t('facetOpenness')}>
        <FacetList entries={sortedFacet(facets['openness'])} selected={search.openness} label={(v) => te('openness_', v)} onPick={(v) => go({ openness: v })} />
      </FacetSection>
      {anyFilter && (
        <Button onClick={() => navigate('/')} block>
          {t('clearFilters')}
        </Button>
      )}
    </div>
  );

  return (
    <Page title={t('catalogTitle')} intro={t('catalogIntro')}>
      <form
        role="search"
        className="pdx-search"
        // Input.Search answers Enter and its button (onSearch); the form is the search landmark only.
        onSubmit={(e) => e.preventDefault()}
      >
        <label htmlFor="catalog-q" className="pdx-sr-only">
          {t('searchLabel')}
        </label>
        <Input.Search
          id="catalog-q"
          name="q"
          size="large"
          allowClear
          value={draft ?? search.q ?? ''}
          onChange={(e) => setDraft(e.target.value)}
          onSearch={(v) => {
            go({ q: v.trim() });
            setDraft(null);
          }}
          placeholder={t('searchPlaceholder')}
          enterButton={t('searchButton')}
          aria-label={t('searchLabel')}
          data-testid="catalog-search"
        />
      </form>
      {!auth.user && <Alert type="info" showIcon title={t('anonymousCatalogNote')} style={{ margin: '12px 0' }} />}
      <Row gutter={[16, 16]} style={{ marginTop: 12 }}>
        <Col xs={24} lg={6}>
          {screens.lg ? (
            <Card size="small" title={<h2 className="pdx-card-title">{t('facets')}</h2>}>
              {facetPanel}
            </Card>
          ) : (
            <Collapse items={[{ key: 'f', label: t('facets'), children: facetPanel }]} />
          )}
        </Col>
        <Col xs={24} lg={18}>
          {query.isPending ? (
            <Loading />
          ) : query.isError ? (
            <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
          ) : (
            <>
              <Typography.Paragraph aria-live="polite" data-testid="results-summary">
                {t('resultsSummary', { total: formatNumber(locale, query.data.total) })}
              </Typography.Paragraph>
              <DataTable<DatasetSummary>
                rowKey={(d) => d.id ?? ''}
                columns={columns}
                dataSource={query.data.items}
                loading={query.isFetching && query.isPlaceholderData}
                scroll={{ x: 'max-content' }}
                size="middle"
                data-testid="catalog-table"
                locale={{ emptyText: <EmptyState title={t('noResults')} hint={t('noResultsHint')} /> }}
                pagination={{
                  current: page + 1,
                  pageSize: PAGE_SIZE,
                  total: query.data.total,
                  showSizeChanger: false,
                  onChange: (p) => go({ page: String(p - 1) }),
                }}
              />
            </>
          )}
          <div style={{ marginTop: 16 }}>
            <GradeLegend />
          </div>
        </Col>
      </Row>
    </Page>
  );
}

function FacetSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="pdx-facet">
      <h3 className="pdx-facet-title">{title}</h3>
      {children}
    </section>
  );
}

function FacetList({
  entries,
  selected,
  label,
  onPick,
  testId,
}: {
  entries: [string, number][];
  selected: string | undefined;
  label: (v: string) => ReactNode;
  onPick: (v: string) => void;
  testId?: string;
}) {
  const { t } = useI18n();
  if (entries.length === 0) return <span className="pdx-subtle">{t('unknown')}</span>;
  return (
    <ul className="pdx-facet-list" data-testid={testId}>
      {entries.map(([value, count]) => {
        const active = selected === value;
        return (
          <li key={value}>
            <button
              type="button"
              className={`pdx-facet-item${active ? ' is-active' : ''}`}
              aria-pressed={active}
              onClick={() => onPick(active ? '' : value)}
              data-value={value}
            >
              <span className="pdx-facet-label">{label(value)}</span>
              <span className="pdx-facet-count">{count}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function CategoryList({ nodes, selected, onPick }: { nodes: CategoryNode[]; selected: string | undefined; onPick: (v: string) => void }) {
  const { t } = useI18n();
  if (nodes.length === 0) return <span className="pdx-subtle">{t('unknown')}</span>;
  return (
    <ul className="pdx-facet-list pdx-tree" aria-label={t('facetCategory')}>
      {nodes.map((n) => (
        <CategoryItem key={n.key} node={n} selected={selected} onPick={onPick} level={1} />
      ))}
    </ul>
  );
}

function CategoryItem({ node, selected, onPick, level }: { node: CategoryNode; selected: string | undefined; onPick: (v: string) => void; level: number }) {
  const { locale } = useI18n();
  const { reference } = useReference();
  const active = selected === node.key;
  return (
    <li data-level={level}>
      <button type="button" className={`pdx-facet-item${active ? ' is-active' : ''}`} aria-pressed={active} onClick={() => onPick(active ? '' : node.key)} data-value={node.key}>
        <span className="pdx-facet-label">{categoryLabel(node.key, locale, reference.taxonomy)}</span>
        <span className="pdx-facet-count">{node.count}</span>
      </button>
      {node.children.length > 0 && (
        <ul className="pdx-facet-list">
          {node.children.map((c) => (
            <CategoryItem key={c.key} node={c} selected={selected} onPick={onPick} level={level + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}
