// 审核队列: applications IN_REVIEW, registrations SUBMITTED and in PUBLICITY (with the window's end), organizations UNVERIFIED and results
// AWAITING_RELEASE, each with its SLA timer from the policy's review SLA. An organization's buttons
// (verify, suspend, reinstate) are the ones its view's actions offer.
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { ListPage } from '../lib/list';
import { Alert, Button, Descriptions, Input, Space, Tabs } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { getOrganization, listDatasets, listJobs, listLicenses, listOrganizations, organizationAction } from '../api/endpoints';
import type { DatasetSummary, JobView, LicenseView, OrganizationAction, OrganizationView } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../i18n/I18nContext';
import { can } from '../lib/actions';
import { formatDateTime, formatNumber } from '../lib/format';
import { checkUscc } from '../lib/uscc';
import { useProductNames, useReviewSlaHours } from '../hooks';
import { DataTable } from '../components/DataTable';
import { Page } from '../components/Page';
import { EmptyState, QueryView } from '../components/QueryView';
import { ProblemAlert } from '../components/ProblemAlert';
import { GradeTag, OrgStatusTag, RegistrationTag } from '../components/Tags';
import { PublicityTimeLeft } from '../components/PublicityWindow';
import { SlaTimer } from '../components/SlaTimer';
import { RequireRole } from '../components/RequireRole';
import { OrganizationName } from '../components/OrganizationName';

const TABS = ['applications', 'registrations', 'organizations', 'results'] as const;
type Tab = (typeof TABS)[number];

export default function ReviewQueuePage() {
  return (
    <RequireRole roles={['bureau-reviewer', 'bureau-admin']}>
      <ReviewQueue />
    </RequireRole>
  );
}

function ReviewQueue() {
  const auth = useAuth();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'applications';
  const sla = useReviewSlaHours();
  const licenses = useQuery({ queryKey: ['licenses', 'IN_REVIEW', auth.username], queryFn: () => listLicenses('IN_REVIEW'), refetchInterval: 15_000 });
  const registrations = useQuery({
    queryKey: ['datasets', 'SUBMITTED', auth.username],
    queryFn: () => listDatasets({ status: 'SUBMITTED', size: 100 }),
    refetchInterval: 15_000,
  });
  const publicity = useQuery({
    queryKey: ['datasets', 'PUBLICITY', auth.username],
    queryFn: () => listDatasets({ status: 'PUBLICITY', size: 100 }),
    refetchInterval: 15_000,
  });
  const organizations = useQuery({ queryKey: ['organizations', 'UNVERIFIED'], queryFn: () => listOrganizations('UNVERIFIED'), refetchInterval: 15_000 });
  const jobs = useQuery({ queryKey: ['jobs', 'AWAITING_RELEASE', auth.username], queryFn: () => listJobs('AWAITING_RELEASE'), refetchInterval: 10_000 });

  const inReview = (licenses.data?.items ?? []).filter((l) => l.state === 'IN_REVIEW');
  const count = (n: number | undefined) => (n === undefined ? '' : ` (${n})`);

  return (
    <Page title={t('reviewTitle')} intro={t('slaHours', { hours: sla })}>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        items={[
          {
            key: 'applications',
            label: `${t('queueApplications')}${count(licenses.data ? inReview.length : undefined)}`,
            children: <ApplicationsTab query={licenses} items={inReview} sla={sla} />,
          },
          {
            key: 'registrations',
            label: `${t('queueRegistrations')}${count(registrations.data && publicity.data ? registrations.data.items.length + publicity.data.items.length : undefined)}`,
            children: (
              <QueryView query={registrations}>
                {(submitted) => (
                  <QueryView query={publicity}>
                    {(inPublicity) => <RegistrationsTab items={[...submitted.items, ...sortByWindowEnd(inPublicity.items)]} sla={sla} />}
                  </QueryView>
                )}
              </QueryView>
            ),
          },
          {
            key: 'organizations',
            label: `${t('queueOrganizations')}${count(organizations.data?.length)}`,
            children: <QueryView query={organizations}>{(d) => <OrganizationsTab items={d} sla={sla} />}</QueryView>,
          },
          {
            key: 'results',
            label: `${t('queueResults')}${count(jobs.data?.items.length)}`,
            children: <QueryView query={jobs}>{(d) => <ResultsTab items={d.items} sla={sla} />}</QueryView>,
          },
        ]}
      />
    </Page>
  );
}

function ApplicationsTab({ query, items, sla }: { query: UseQueryResult<ListPage<LicenseView>>; items: LicenseView[]; sla: number }) {
  const { t, locale } = useI18n();
  const products = useProductNames();
  const columns: ColumnsType<LicenseView> = [
    {
      title: t('colProduct'),
      key: 'p',
      render: (_, l) => {
        const p = products[l.productId ?? ''];
        return (
          <Link to={`/licenses/${l.id}`} className="pdx-nowrap" data-testid="queue-application">
            {p ? (locale === 'zh' ? p.nameZh : p.nameEn || p.nameZh) : l.productId?.slice(0, 8)}
          </Link>
        );
      },
    },
    { title: t('colGrade'), key: 'g', render: (_, l) => <GradeTag grade={products[l.productId ?? '']?.grade} /> },
    { title: t('organization'), key: 'o', render: (_, l) => <OrganizationName code={l.organization} /> },
    {
      title: t('reviewState'),
      key: 'r',
      render: (_, l) => (
        <span className="pdx-nowrap">
          {(l.approvedBy ?? []).length}/{l.reviewersRequired ?? 1}
        </span>
      ),
    },
    { title: t('submittedAt'), key: 's', render: (_, l) => <span className="pdx-nowrap">{formatDateTime(locale, l.createdAt)}</span> },
    { title: t('slaTitle'), key: 'sla', render: (_, l) => <SlaTimer since={l.createdAt} slaHours={sla} /> },
    { title: t('actions'), key: 'a', render: (_, l) => <Link to={`/licenses/${l.id}`}>{t('review')}</Link> },
  ];
  if (query.isPending || query.isError) return <QueryView query={query}>{() => null}</QueryView>;
  return (
    <DataTable<LicenseView>
      rowKey={(l) => l.id ?? ''}
      columns={columns}
      dataSource={[...items].sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? ''))}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 20, showSizeChanger: false }}
      locale={{ emptyText: <EmptyState title={t('queueEmpty')} /> }}
      data-testid="queue-applications"
    />
  );
}

function sortByWindowEnd(items: DatasetSummary[]): DatasetSummary[] {
  return [...items].sort((a, b) => (a.publicityEndsAt ?? '').localeCompare(b.publicityEndsAt ?? ''));
}

function RegistrationsTab({ items, sla }: { items: DatasetSummary[]; sla: number }) {
  const { t, te, locale } = useI18n();
  const columns: ColumnsType<DatasetSummary> = [
    {
      title: t('colName'),
      key: 'n',
      render: (_, d) => (
        <Link to={`/review/registrations/${d.id}`} className="pdx-nowrap" data-testid="queue-registration">
          {locale === 'zh' ? d.nameZh : d.nameEn || d.nameZh}
        </Link>
      ),
    },
    { title: t('colGrade'), key: 'g', render: (_, d) => <GradeTag grade={d.grade} /> },
    { title: t('status'), key: 'st', render: (_, d) => <RegistrationTag status={d.status} /> },
    { title: t('registrationType'), key: 'ty', render: (_, d) => <span className="pdx-nowrap">{te('regType_', d.registrationType)}</span> },
    { title: t('colProvider'), key: 'p', render: (_, d) => <span className="pdx-nowrap">{d.providerName ?? d.provider}</span> },
    { title: t('colRows'), key: 'r', align: 'right', render: (_, d) => formatNumber(locale, d.rowCount) },
    { title: t('submittedAt'), key: 's', render: (_, d) => <span className="pdx-nowrap">{formatDateTime(locale, d.updatedAt)}</span> },
    {
      title: `${t('slaTitle')} / ${t('colWindowEnd')}`,
      key: 'sla',
      render: (_, d) =>
        d.status === 'PUBLICITY' ? (
          <Space orientation="vertical" size={2}>
            <span className="pdx-nowrap">{formatDateTime(locale, d.publicityEndsAt)}</span>
            <PublicityTimeLeft startedAt={d.publicityStartedAt} endsAt={d.publicityEndsAt} />
          </Space>
        ) : (
          <SlaTimer since={d.updatedAt} slaHours={sla} />
        ),
    },
    { title: t('actions'), key: 'a', render: (_, d) => <Link to={`/review/registrations/${d.id}`}>{t('review')}</Link> },
  ];
  return (
    <DataTable<DatasetSummary>
      rowKey={(d) => d.id ?? ''}
      columns={columns}
      dataSource={items}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 20, showSizeChanger: false }}
      locale={{ emptyText: <EmptyState title={t('queueEmpty')} /> }}
      data-testid="queue-registrations"
    />
  );
}

function OrganizationsTab({ items, sla }: { items: OrganizationView[] | null; sla: number }) {
  const { t, locale } = useI18n();
  if (items === null) return <OrganizationLookup />;
  const columns: ColumnsType<OrganizationView> = [
    { title: t('orgName'), dataIndex: 'name', key: 'n', render: (v: string) => <span className="pdx-nowrap">{v}</span> },
    { title: t('orgUscc'), key: 'u', render: (_, o) => <code>{o.id}</code> },
    { title: t('status'), key: 's', render: (_, o) => <OrgStatusTag status={o.status} /> },
    { title: t('submittedAt'), key: 'c', render: (_, o) => <span className="pdx-nowrap">{formatDateTime(locale, o.createdAt)}</span> },
    { title: t('slaTitle'), key: 'sla', render: (_, o) => <SlaTimer since={o.createdAt} slaHours={sla} /> },
    { title: t('actions'), key: 'a', render: (_, o) => <OrganizationActions org={o} offer={['verify']} /> },
  ];
  return (
    <DataTable<OrganizationView>
      rowKey={(o) => o.id ?? ''}
      columns={columns}
      dataSource={items}
      scroll={{ x: 'max-content' }}
      pagination={false}
      locale={{ emptyText: <EmptyState title={t('queueEmpty')} /> }}
    />
  );
}

const ORGANIZATION_ACTIONS: OrganizationAction[] = ['verify', 'suspend', 'reinstate'];

/** A button for each of `offer` that the organization's actions name; its status when there is none. */
function OrganizationActions({ org, offer = ORGANIZATION_ACTIONS }: { org: OrganizationView; offer?: OrganizationAction[] }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const act = useMutation({
    mutationFn: (action: OrganizationAction) => organizationAction(org.id ?? '', action),
    onSuccess: (o) => {
      queryClient.setQueryData(['organization', org.id], o);
      void queryClient.invalidateQueries({ queryKey: ['organizations'] });
    },
  });
  // After an action, its answer (with the actions that follow) until the organization is read again.
  const { reset } = act;
  useEffect(() => reset(), [org, reset]);
  const current = act.data ?? org;
  const offered = offer.filter((a) => can(current, a));
  return (
    <Space orientation="vertical">
      {act.isError && <ProblemAlert error={act.error} compact />}
      {offered.length === 0 ? (
        <OrgStatusTag status={current.status} />
      ) : (
        <Space wrap>
          {offered.map((a) => (
            <Button
              key={a}
              type={a === 'suspend' ? 'default' : 'primary'}
              danger={a === 'suspend'}
              size="small"
              loading={act.isPending && act.variables === a}
              disabled={act.isPending}
              onClick={() => act.mutate(a)}
              data-testid={`organization-${a}`}
            >
              {t(a)}
            </Button>
          ))}
        </Space>
      )}
    </Space>
  );
}

function OrganizationLookup() {
  const { t, locale } = useI18n();
  const [code, setCode] = useState('');
  const [lookup, setLookup] = useState<string | null>(null);
  const org = useQuery({ queryKey: ['organization', lookup], queryFn: () => getOrganization(lookup ?? ''), enabled: Boolean(lookup), retry: false });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('orgListUnavailable')} />
      <Space.Compact style={{ maxWidth: 420, width: '100%' }}>
        <Input
          value={code}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
          aria-label={t('orgUscc')}
          placeholder={t('orgUscc')}
          onPressEnter={() => checkUscc(code).state === 'valid' && setLookup(code)}
        />
        <Button disabled={checkUscc(code).state !== 'valid'} onClick={() => setLookup(code)}>
          {t('lookUp')}
        </Button>
      </Space.Compact>
      {lookup && org.isPending && <span>{t('loading')}</span>}
      {org.isError && <ProblemAlert error={org.error} />}
      {org.isSuccess && (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('orgName')}>{org.data.name}</Descriptions.Item>
          <Descriptions.Item label={t('status')}>
            <OrgStatusTag status={org.data.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('createdAt')}>{formatDateTime(locale, org.data.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('actions')}>
            <OrganizationActions key={org.data.id} org={org.data} />
          </Descriptions.Item>
        </Descriptions>
      )}
    </Space>
  );
}

function ResultsTab({ items, sla }: { items: JobView[]; sla: number }) {
  const { t, locale } = useI18n();
  const columns: ColumnsType<JobView> = [
    {
      title: t('colJob'),
      key: 'j',
      render: (_, j) => (
        <Link to={`/review/jobs/${j.id}`} data-testid="queue-result">
          <code>{j.id?.slice(0, 8)}</code>
        </Link>
      ),
    },
    { title: t('colGrade'), key: 'g', render: (_, j) => <GradeTag grade={j.grade} /> },
    { title: t('organization'), key: 'o', render: (_, j) => <OrganizationName code={j.organization} /> },
    { title: t('rowCount'), key: 'r', align: 'right', render: (_, j) => formatNumber(locale, j.result?.rowCount) },
    { title: t('epsilonCharged'), key: 'e', align: 'right', render: (_, j) => formatNumber(locale, j.epsilon, 6) },
    { title: t('submittedAt'), key: 's', render: (_, j) => <span className="pdx-nowrap">{formatDateTime(locale, j.createdAt)}</span> },
    { title: t('slaTitle'), key: 'sla', render: (_, j) => <SlaTimer since={j.finishedAt ?? j.createdAt} slaHours={sla} /> },
    { title: t('actions'), key: 'a', render: (_, j) => <Link to={`/review/jobs/${j.id}`}>{t('review')}</Link> },
  ];
  return (
    <DataTable<JobView>
      rowKey={(j) => j.id ?? ''}
      columns={columns}
      dataSource={items}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 20, showSizeChanger: false }}
      locale={{ emptyText: <EmptyState title={t('queueEmpty')} /> }}
      data-testid="queue-results"
    />
  );
}
