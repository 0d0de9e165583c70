// 我的授权 (operators and developers: their organization's) or 授权管理 (the bureau: all), with states.
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Select, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { listLicenses } from '../api/endpoints';
import type { LicenseView } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../i18n/I18nContext';
import { formatDate, formatDateTime } from '../lib/format';
import { useProductNames, useReference } from '../hooks';
import { DataTable } from '../components/DataTable';
import { Page } from '../components/Page';
import { EmptyState, QueryView } from '../components/QueryView';
import { LicenseStateTag } from '../components/Tags';
import { RequireRole } from '../components/RequireRole';
import { OrganizationName } from '../components/OrganizationName';

const STATES = ['APPLIED', 'IN_REVIEW', 'APPROVED', 'ACTIVE', 'SUSPENDED', 'REVOKED', 'EXPIRED', 'DENIED', 'REJECTED'];

export default function LicensesPage() {
  return (
    <RequireRole roles={['operator', 'developer', 'bureau-reviewer', 'bureau-admin', 'regulator']}>
      <LicensesContent />
    </RequireRole>
  );
}

function LicensesContent() {
  const auth = useAuth();
  const { t, te, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? '';
  const products = useProductNames();
  const { reference } = useReference();
  const query = useQuery({ queryKey: ['licenses', state, auth.username], queryFn: () => listLicenses(state || undefined) });
  const purposeLabel = (code: string | null | undefined) => {
    const p = reference.purposes.find((x) => x.code === code);
    return p ? (locale === 'zh' ? p.zh : p.en) : code ?? t('unknown');
  };

  const columns: ColumnsType<LicenseView> = [
    {
      title: t('colProduct'),
      key: 'product',
      render: (_, l) => {
        const p = products[l.productId ?? ''];
        const name = p ? (locale === 'zh' ? p.nameZh : p.nameEn || p.nameZh) : l.productId?.slice(0, 8);
        return (
          <Link to={`/licenses/${l.id}`} className="pdx-nowrap" data-testid="license-link">
            {name}
          </Link>
        );
      },
    },
    ...(auth.oversees ? [{ title: t('organization'), key: 'org', render: (_: unknown, l: LicenseView) => <OrganizationName code={l.organization} /> }] : []),
    { title: t('colState'), key: 'state', render: (_, l) => <LicenseStateTag state={l.state} termStart={l.termStart} termEnd={l.termEnd} /> },
    { title: t('colPurpose'), key: 'purpose', render: (_, l) => <span className="pdx-nowrap">{purposeLabel(l.purposeCategory)}</span> },
    { title: t('colMode'), key: 'mode', render: (_, l) => <span className="pdx-nowrap">{te('mode_', l.mode)}</span> },
    {
      title: t('colTerm'),
      key: 'term',
      render: (_, l) => (
        <span className="pdx-nowrap">
          {formatDate(l.termStart)} – {formatDate(l.termEnd)}
        </span>
      ),
    },
    { title: t('colApplicant'), dataIndex: 'applicant', key: 'applicant', render: (v: string) => <span className="pdx-nowrap">{v}</span> },
    { title: t('createdAt'), key: 'created', render: (_, l) => <span className="pdx-nowrap">{formatDateTime(locale, l.createdAt)}</span> },
  ];

  return (
    <Page
      title={auth.oversees ? t('navAllLicenses') : t('navLicenses')}
      extra={
        <Space>
          <label htmlFor="license-state" className="pdx-sr-only">
            {t('colState')}
          </label>
          <Select
            id="license-state"
            value={state}
            style={{ minWidth: 160 }}
            aria-label={t('colState')}
            onChange={(v: string) => setParams(v ? { state: v } : {})}
            options={[{ value: '', label: t('all') }, ...STATES.map((s) => ({ value: s, label: te('state_', s) }))]}
          />
        </Space>
      }
    >
      <QueryView query={query}>
        {(data) => (
          <DataTable<LicenseView>
            rowKey={(l) => l.id ?? ''}
            columns={columns}
            dataSource={data.items.filter((l) => !state || l.state === state)}
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            locale={{ emptyText: <EmptyState title={t('noLicenses')} /> }}
            data-testid="licenses-table"
          />
        )}
      </QueryView>
    </Page>
  );
}
