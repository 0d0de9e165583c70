// 开发工作台: a workspace per license — the aliases and columns it may query with their tags and uses,
// templates, a SQL editor with completion, jobs with live state, the released result as a table and a
// chart, the controls applied, downloads (Arrow, Parquet), and the same call in curl and Python.
import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useMutation, useQueries, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { ListPage } from '../lib/list';
import { Alert, Button, Card, Col, Descriptions, Form, Input, InputNumber, Radio, Row, Select, Space, Tabs } from 'antd';
import { DownloadOutlined, PlayCircleOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { cancelJob, fetchResultArrow, fetchResultBlob, getJob, getJoinedWorkspace, getLicense, getWorkspace, listJobs, listLicenses, listTables, submitJob } from '../api/endpoints';
import type { JobView, LicenseView, Workspace, WorkspaceColumn, WorkspaceDataset, WorkspaceTemplate } from '../api/types';
import { tokenEndpoint } from '../auth/oidc';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../i18n/I18nContext';
import { arrowToResult, chartData, defaultChartChoice, type ChartChoice, type ResultData } from '../lib/arrowData';
import { formatDateTime, formatNumber } from '../lib/format';
import { can } from '../lib/actions';
import { isFinalJobState, jobPollInterval, jobsPollInterval } from '../lib/jobs';
import { problemOf, type Problem } from '../lib/problem';
import { curlSnippet, pythonSnippet } from '../lib/snippets';
import { useProductNames, useReference } from '../hooks';
import { DataTable } from '../components/DataTable';
import { TextCell } from '../components/DivisionText';
import { Page } from '../components/Page';
import { EmptyState, Loading, QueryView } from '../components/QueryView';
import { ProblemAlert } from '../components/ProblemAlert';
import { ReasonList } from '../components/Reasons';
import { ColumnTagBadge, GradeTag, JobStateTag, LicenseStateTag, UseBadges } from '../components/Tags';
import { termStatus } from '../lib/licenseTerm';
import { SqlEditor, type SqlSchema } from '../components/SqlEditor';
import { EChart, type EChartsOption } from '../components/EChart';
import { CodeBlock } from '../components/CodeBlock';
import { RequireRole } from '../components/RequireRole';
import { RateService } from '../components/RateService';
import { BudgetText } from './ReleaseReviewPage';
import { saveBlob } from '../lib/download';

export default function WorkspacePage() {
  return (
    <RequireRole roles={['developer', 'operator']}>
      <WorkspaceRouter />
    </RequireRole>
  );
}

function WorkspaceRouter() {
  const { licenseId } = useParams();
  const auth = useAuth();
  const { t } = useI18n();
  const licenses = useQuery({ queryKey: ['licenses', 'ACTIVE', auth.username], queryFn: () => listLicenses('ACTIVE'), enabled: !licenseId });
  const license = useQuery({ queryKey: ['license', licenseId, auth.username], queryFn: () => getLicense(licenseId ?? ''), enabled: Boolean(licenseId) });
  if (!licenseId) return <LicensePicker query={licenses} />;
  if (license.isPending) return <Loading />;
  if (license.isError)
    return (
      <Page title={t('workspaceTitle')}>
        <ProblemAlert error={license.error} onRetry={() => void license.refetch()} />
      </Page>
    );
  return <WorkspaceView license={license.data} />;
}

function LicensePicker({ query }: { query: UseQueryResult<ListPage<LicenseView>> }) {
  const { t, te, locale } = useI18n();
  const products = useProductNames();
  return (
    <Page title={t('workspaceTitle')} intro={t('workspaceIntro')}>
      <QueryView
        query={query}
        isEmpty={(d) => d.items.filter((l) => l.mode === 'SANDBOX' && l.state === 'ACTIVE').length === 0}
        empty={<EmptyState title={t('noSandboxLicenses')} />}
      >
        {(d) => (
          <Card title={<h2 className="pdx-card-title">{t('workspacePick')}</h2>}>
            <ul className="pdx-plain-list pdx-license-list">
              {d.items
                .filter((l) => l.mode === 'SANDBOX' && l.state === 'ACTIVE')
                .map((l) => {
                  const p = products[l.productId ?? ''];
                  const name = p ? (locale === 'zh' ? p.nameZh : p.nameEn || p.nameZh) : l.productId;
                  const term = termStatus(l);
                  return (
                    <li key={l.id}>
                      <Space wrap>
                        {term === 'IN_FORCE' ? (
                          <Link to={`/workspace/${l.id}`} data-testid="workspace-license">
                            {name}
                          </Link>
                        ) : (
                          // not pickable: a job under it would be refused (license_not_started / license_expired)
                          <span className="pdx-subtle-dark" title={t('licenseNotStartedHint')} data-testid="workspace-license-not-in-force">
                            {name}
                          </span>
                        )}
                        {term !== 'IN_FORCE' && <LicenseStateTag state={l.state} termStart={l.termStart} termEnd={l.termEnd} />}
                        <GradeTag grade={p?.grade} />
                        <span className="pdx-subtle-dark">
                          {te('mode_', l.mode)} · {(l.termStart ?? '').slice(0, 10)} – {(l.termEnd ?? '').slice(0, 10)} · <code>{l.id?.slice(0, 8)}</code>
                        </span>
                      </Space>
                    </li>
                  );
                })}
            </ul>
          </Card>
        )}
      </QueryView>
    </Page>
  );
}

function WorkspaceView({ license }: { license: LicenseView }) {
  const auth = useAuth();
  const { t, locale } = useI18n();
  const { reference } = useReference();
  const products = useProductNames();
  const [params, setParams] = useSearchParams();
  const selectedJob = params.get('job');
  const workspace = useQuery({
    queryKey: ['workspace', license.id, auth.username, reference.served],
    queryFn: () => getWorkspace(license, reference),
  });
  // a clean room: the licenses whose datasets the next job joins, and their tables once read
  const [joined, setJoined] = useState<string[]>([]);
  const joinedWorkspaces = useQueries({
    queries: joined.map((id) => ({ queryKey: ['workspace', id, auth.username, 'joined'], queryFn: () => getJoinedWorkspace(id) })),
  });
  const joinedDatasets: WorkspaceDataset[] = joinedWorkspaces.flatMap((q) => q.data?.datasets ?? []);
  const p = products[license.productId ?? ''];
  return (
    <Page
      title={p ? `${t('workspaceTitle')} · ${locale === 'zh' ? p.nameZh : p.nameEn || p.nameZh}` : t('workspaceTitle')}
      intro={
        <Space wrap>
          <GradeTag grade={workspace.data?.grade ?? p?.grade} />
          <Link to={`/licenses/${license.id}`}>
            {t('licenseTitle')} <code>{license.id?.slice(0, 8)}</code>
          </Link>
        </Space>
      }
    >
      <QueryView query={workspace}>
        {(ws) => (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={9}>
              <AliasesCard workspace={ws} joinedDatasets={joinedDatasets} />
            </Col>
            <Col xs={24} xl={15}>
              <EditorCard
                workspace={ws}
                license={license}
                joined={joined}
                onJoinedChange={setJoined}
                joinedDatasets={joinedDatasets}
                onSubmitted={(id) => setParams({ job: id })}
              />
              <JobsCard licenseId={license.id ?? ''} selected={selectedJob} onSelect={(id) => setParams({ job: id })} />
              {selectedJob ? <JobPanel jobId={selectedJob} licenseId={license.id ?? ''} /> : <Card style={{ marginTop: 16 }}>{t('selectJob')}</Card>}
            </Col>
          </Row>
        )}
      </QueryView>
    </Page>
  );
}

function AliasesCard({ workspace, joinedDatasets }: { workspace: Workspace; joinedDatasets: WorkspaceDataset[] }) {
  const { t, locale } = useI18n();
  const columns: ColumnsType<WorkspaceColumn> = [
    { title: t('colColumn'), dataIndex: 'name', key: 'n', render: (v: string) => <code className="pdx-nowrap">{v}</code> },
    { title: t('colTag'), key: 't', render: (_, c) => <ColumnTagBadge tag={c.tag} /> },
    { title: t('allowedUses'), key: 'u', render: (_, c) => <UseBadges uses={c.uses} /> },
    { title: t('colType'), dataIndex: 'type', key: 'ty', render: (v: string) => <span className="pdx-nowrap">{v}</span> },
  ];
  return (
    <Card title={<h2 className="pdx-card-title">{t('aliases')}</h2>} data-testid="workspace-aliases">
      {workspace.derived && <Alert type="info" showIcon title={t('workspaceDerived')} style={{ marginBottom: 12 }} />}
      {[...workspace.datasets, ...joinedDatasets].map((d) => (
        <section key={d.alias} style={{ marginBottom: 16 }}>
          <h3 className="pdx-h3">
            <code data-testid="workspace-alias">{d.alias}</code>{' '}
            <span className="pdx-subtle-dark">{locale === 'zh' ? d.nameZh : d.nameEn || d.nameZh}</span>
          </h3>
          <DataTable<WorkspaceColumn>
            rowKey={(c) => c.name}
            columns={columns}
            dataSource={d.columns}
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
        </section>
      ))}
    </Card>
  );
}

function EditorCard({
  workspace,
  license,
  joined,
  onJoinedChange,
  joinedDatasets,
  onSubmitted,
}: {
  workspace: Workspace;
  license: LicenseView;
  joined: string[];
  onJoinedChange: (licenseIds: string[]) => void;
  joinedDatasets: WorkspaceDataset[];
  onSubmitted: (jobId: string) => void;
}) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const first = workspace.datasets[0];
  // the first query offered runs as it stands: a column the policy lets it group by, grouped by name (the guard refuses
  // GROUP BY <position>), a count; without such a column, a count of the whole dataset
  const groupColumn = first
    ? (first.columns.find((c) => c.tag === 'ATTRIBUTE' && c.uses?.includes('GROUP_BY')) ??
        first.columns.find((c) => c.uses?.includes('GROUP_BY') && c.tag !== 'IDENTIFIER'))?.name
    : undefined;
  const example = !first
    ? 'SELECT 1'
    : groupColumn
      ? `SELECT ${groupColumn}, count(*) AS n\nFROM ${first.alias}\nGROUP BY ${groupColumn}`
      : `SELECT count(*) AS n\nFROM ${first.alias}`;
  const [sqlText, setSqlText] = useState(example);
  const [epsilon, setEpsilon] = useState<number | null>(null);
  const [template, setTemplate] = useState<WorkspaceTemplate | null>(null);
  const [templateParams, setTemplateParams] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const schema: SqlSchema = useMemo(
    () => Object.fromEntries([...workspace.datasets, ...joinedDatasets].map((d) => [d.alias, d.columns.map((c) => c.name)])),
    [workspace, joinedDatasets],
  );
  const combinable = workspace.combinable ?? [];
  const templateMissing = (template?.joins ?? []).filter((alias) => !combinable.some((c) => c.alias === alias));
  // a clean room with the organization's own tables (CONFIRMED ones)
  const ownTables = useQuery({ queryKey: ['tables', 'confirmed'], queryFn: listTables });
  const confirmedTables = (ownTables.data ?? []).filter((x) => x.state === 'CONFIRMED');
  const [tableIds, setTableIds] = useState<string[]>([]);
  const fullSchema: SqlSchema = useMemo(
    () => ({
      ...schema,
      ...Object.fromEntries(
        confirmedTables.filter((x) => tableIds.includes(x.id ?? '')).map((x) => [x.alias ?? '', (x.columns ?? []).map((c) => c.name ?? '')]),
      ),
    }),
    [schema, confirmedTables, tableIds],
  );
  const noised = workspace.epsilonMin !== null && workspace.epsilonMin !== undefined;

  const submit = useMutation({
    mutationFn: () =>
      submitJob({
        licenseId: license.id ?? '',
        ...(template ? { templateId: template.id, params: templateParams } : { sql: sqlText }),
        ...(epsilon !== null ? { epsilon } : {}),
        ...(joined.length > 0 ? { joinLicenseIds: joined } : {}),
        ...(tableIds.length > 0 ? { tableIds } : {}),
      }),
    onSuccess: (job) => {
      setProblem(null);
      void queryClient.invalidateQueries({ queryKey: ['jobs'] });
      if (job.id) onSubmitted(job.id);
    },
    onError: (e) => setProblem(problemOf(e)),
  });
  const run = () => {
    if (!submit.isPending) submit.mutate();
  };

  return (
    <Card title={<h2 className="pdx-card-title">{t('sqlEditor')}</h2>} data-testid="editor-card">
      {workspace.templates.length > 0 && (
        <div style={{ marginBottom: 12 }}>
          <h3 className="pdx-h3">{t('templates')}</h3>
          <Space wrap>
            {workspace.templates.map((tp) => (
              <Button
                key={tp.id}
                size="small"
                onClick={() => {
                  setTemplate(tp);
                  setTemplateParams({});
                  if (tp.sql) setSqlText(tp.sql);
                  // a clean-room template: select the organization's licenses of the datasets it joins
                  const needed = (tp.joins ?? [])
                    .map((alias) => combinable.find((c) => c.alias === alias)?.licenseId)
                    .filter((id): id is string => Boolean(id));
                  if (needed.length > 0) onJoinedChange(Array.from(new Set([...joined, ...needed])).slice(0, 3));
                }}
              >
                {locale === 'zh' ? tp.titleZh ?? tp.id : tp.titleEn ?? tp.id}
              </Button>
            ))}
          </Space>
        </div>
      )}
      {template && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${t('template')}: ${locale === 'zh' ? template.titleZh ?? template.id : template.titleEn ?? template.id}`}
          description={
            <>
            {(template.joins ?? []).length > 0 && (
              <p style={{ margin: '0 0 8px' }} data-testid="template-joins">
                {templateMissing.length > 0
                  ? t('templateNeedsLicense', { datasets: templateMissing.join(', ') })
                  : t('templateJoins', { datasets: (template.joins ?? []).join(', ') })}
              </p>
            )}
            <Form layout="inline">
              {Object.entries(template.params ?? {}).map(([name, spec]) => (
                <Form.Item key={name} label={locale === 'zh' ? spec.descriptionZh ?? name : spec.descriptionEn ?? name}>
                  {spec.values ? (
                    <Select
                      style={{ minWidth: 120 }}
                      value={templateParams[name]}
                      options={spec.values.map((v) => ({ value: v, label: v }))}
                      onChange={(v: string) => setTemplateParams({ ...templateParams, [name]: v })}
                      aria-label={name}
                    />
                  ) : (
                    <Input value={templateParams[name] ?? ''} onChange={(e) => setTemplateParams({ ...templateParams, [name]: e.target.value })} aria-label={name} />
                  )}
                </Form.Item>
              ))}
              <Button size="small" onClick={() => setTemplate(null)}>
                {t('cancel')}
              </Button>
            </Form>
            </>
          }
        />
      )}
      {combinable.length > 0 && (
        <label className="pdx-inline-field" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
          <span>{t('joinDatasets')}</span>
          <Select
            mode="multiple"
            allowClear
            style={{ minWidth: 280, flex: 1 }}
            value={joined}
            onChange={(ids: string[]) => onJoinedChange(ids.slice(0, 3))}
            placeholder={t('joinDatasetsPlaceholder')}
            data-testid="join-datasets"
            aria-label={t('joinDatasets')}
            options={combinable.map((c) => ({
              value: c.licenseId,
              label: `${c.alias} · ${(locale === 'zh' ? c.nameZh : c.nameEn || c.nameZh) ?? ''} — ${t('joinOn')} ${c.joinKeys.map((k) => k.column).join(', ')}`,
            }))}
          />
          <span className="pdx-subtle-dark" style={{ flexBasis: '100%' }}>
            {t('joinDatasetsHelp')}
          </span>
        </label>
      )}
      {confirmedTables.length > 0 && (
        <label className="pdx-inline-field" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
          <span>{t('ownTables')}</span>
          <Select
            mode="multiple"
            allowClear
            style={{ minWidth: 280, flex: 1 }}
            value={tableIds}
            onChange={(ids: string[]) => setTableIds(ids.slice(0, 3))}
            data-testid="join-tables"
            aria-label={t('ownTables')}
            options={confirmedTables.map((x) => ({
              value: x.id ?? '',
              label: `${x.alias} — ${t('joinOn')} ${(x.columns ?? []).filter((c) => c.joinKey).map((c) => c.name).join(', ')}`,
            }))}
          />
        </label>
      )}
      <SqlEditor value={sqlText} onChange={(v) => { setSqlText(v); if (template) setTemplate(null); }} onRun={run} schema={fullSchema} label={t('sqlEditor')} />
      <p className="pdx-subtle-dark" style={{ margin: '6px 0 12px' }}>
        {t('sqlEditorHelp')}
      </p>
      <Space wrap align="end">
        {noised && (
          <label className="pdx-inline-field">
            <span>{t('epsilon')}</span>
            <InputNumber
              min={workspace.epsilonMin ?? 0.1}
              max={workspace.epsilonMax ?? 1}
              step={0.1}
              value={epsilon}
              onChange={(v) => setEpsilon(typeof v === 'number' ? v : null)}
              aria-describedby="epsilon-help"
              data-testid="epsilon"
            />
            <span id="epsilon-help" className="pdx-subtle-dark">
              {t('epsilonHelp', { min: workspace.epsilonMin ?? 0.1, max: workspace.epsilonMax ?? 1 })}
            </span>
          </label>
        )}
        <Button type="primary" icon={<PlayCircleOutlined />} loading={submit.isPending} onClick={run} data-testid="submit-job">
          {t('submitJob')}
        </Button>
      </Space>
      {problem && (
        <div style={{ marginTop: 12 }} data-testid="job-problem">
          <ProblemAlert problem={problem} />
        </div>
      )}
    </Card>
  );
}

function JobsCard({ licenseId, selected, onSelect }: { licenseId: string; selected: string | null; onSelect: (id: string) => void }) {
  const auth = useAuth();
  const { t, locale } = useI18n();
  const jobs = useQuery({
    queryKey: ['jobs', 'all', auth.username],
    queryFn: () => listJobs(),
    refetchInterval: (q) => jobsPollInterval((q.state.data?.items ?? []).filter((j) => j.licenseId === licenseId).map((j) => j.state)) || 15_000,
  });
  const columns: ColumnsType<JobView> = [
    {
      title: t('colJob'),
      key: 'id',
      render: (_, j) => (
        <Button type="link" size="small" onClick={() => onSelect(j.id ?? '')} aria-pressed={selected === j.id} data-testid="job-link">
          <code>{j.id?.slice(0, 8)}</code>
        </Button>
      ),
    },
    { title: t('colState'), key: 's', render: (_, j) => <JobStateTag state={j.state} /> },
    { title: t('colSubmitted'), key: 'c', render: (_, j) => <span className="pdx-nowrap">{formatDateTime(locale, j.createdAt)}</span> },
    { title: t('epsilonCharged'), key: 'e', align: 'right', render: (_, j) => formatNumber(locale, j.epsilon, 6) },
    { title: t('sql'), key: 'q', render: (_, j) => <code className="pdx-sql-preview">{j.sql ?? j.templateId}</code> },
  ];
  return (
    <Card title={<h2 className="pdx-card-title">{t('jobs')}</h2>} style={{ marginTop: 16 }}>
      <QueryView query={jobs}>
        {(d) => (
          <DataTable<JobView>
            rowKey={(j) => j.id ?? ''}
            columns={columns}
            dataSource={d.items.filter((j) => j.licenseId === licenseId)}
            size="small"
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 5, showSizeChanger: false }}
            rowClassName={(j) => (j.id === selected ? 'pdx-row-selected' : '')}
            locale={{ emptyText: <EmptyState title={t('noJobs')} /> }}
            data-testid="jobs-table"
          />
        )}
      </QueryView>
    </Card>
  );
}

function JobPanel({ jobId, licenseId }: { jobId: string; licenseId: string }) {
  const auth = useAuth();
  const { t, te, locale } = useI18n();
  const queryClient = useQueryClient();
  const job = useQuery({
    queryKey: ['job', jobId, auth.username],
    // A long poll: the server answers when the job stops moving or after 10 s.
    queryFn: ({ signal }) => getJob(jobId, 'PT10S', signal),
    refetchInterval: (q) => jobPollInterval(q.state.data?.state),
  });
  const cancel = useMutation({
    mutationFn: () => cancelJob(jobId),
    onSuccess: (j) => {
      queryClient.setQueryData(['job', jobId, auth.username], j);
      void queryClient.invalidateQueries({ queryKey: ['jobs'] });
    },
  });
  return (
    <Card title={<h2 className="pdx-card-title">{t('jobTitle')} <code>{jobId.slice(0, 8)}</code></h2>} style={{ marginTop: 16 }} data-testid="job-panel">
      <QueryView query={job}>
        {(j) => (
          <Space orientation="vertical" style={{ width: '100%' }} size="middle">
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('colState')}>
                <span data-testid="job-state" data-state={j.state}>
                  <JobStateTag state={j.state} />
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('submittedBy')}>{j.submittedBy}</Descriptions.Item>
              <Descriptions.Item label={t('epsilonCharged')}>{formatNumber(locale, j.epsilon, 6)}</Descriptions.Item>
              <Descriptions.Item label={t('deltaCharged')}>{j.delta ?? t('unknown')}</Descriptions.Item>
              {j.budget && (
                <Descriptions.Item label={t('budgetLeft')}>
                  <BudgetText job={j} />
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('createdAt')}>{formatDateTime(locale, j.createdAt)}</Descriptions.Item>
            </Descriptions>
            {j.reusedFrom && (
              <Alert type="info" showIcon title={<span>{t('reusedFrom')}<code>{j.reusedFrom.slice(0, 8)}</code></span>} />
            )}
            {j.failure && (
              <ProblemAlert
                problem={{
                  type: j.failure.type ?? 'about:blank',
                  title: j.failure.title ?? t('failure'),
                  status: j.failure.status ?? 0,
                  detail: j.failure.detail ?? '',
                  errors: [],
                  reasons: (j.failure.reasons ?? []).map((r) => ({ code: r.code ?? '', message_zh: r.message_zh ?? null, message_en: r.message_en ?? null })),
                }}
              />
            )}
            {(j.releaseReasons ?? []).length > 0 && (
              <div>
                <strong>{t('releaseReasons')}</strong>
                <ReasonList reasons={j.releaseReasons} />
              </div>
            )}
            {j.state === 'AWAITING_RELEASE' && <Alert type="warning" showIcon title={t('waitingRelease')} data-testid="waiting-release" />}
            {!isFinalJobState(j.state) && j.state !== 'AWAITING_RELEASE' && j.visibleAt && (
              <Alert type="info" showIcon data-testid="visible-at"
                title={t('visibleAtNote', { time: new Date(j.visibleAt).toLocaleTimeString(locale === 'zh' ? 'zh-CN' : 'en-GB') })} />
            )}
            {((!isFinalJobState(j.state) && j.state !== 'AWAITING_RELEASE') || can(j, 'cancel')) && (
              <Space>
                {!isFinalJobState(j.state) && j.state !== 'AWAITING_RELEASE' && <Loading label={te('jobState_', j.state)} />}
                {can(j, 'cancel') && (
                  <Button onClick={() => cancel.mutate()} loading={cancel.isPending} data-testid="cancel-job">
                    {t('cancelJob')}
                  </Button>
                )}
              </Space>
            )}
            {j.state === 'RELEASED' && <ReleasedResult job={j} />}
            <SameCall job={j} licenseId={licenseId} />
          </Space>
        )}
      </QueryView>
    </Card>
  );
}

function ReleasedResult({ job }: { job: JobView }) {
  const auth = useAuth();
  const { t, te, locale } = useI18n();
  const arrow = useQuery({
    queryKey: ['result', job.id, auth.username],
    queryFn: async () => {
      const bytes = await fetchResultArrow(job.id ?? '');
      return { bytes, data: arrowToResult(bytes) };
    },
    staleTime: Infinity,
  });
  const r = job.result;
  return (
    <div data-testid="released-result">
      <RateService eventKind="RESULT_RELEASE" eventId={job.id ?? ''} />
      <h3 className="pdx-h3">{t('controlsApplied')}</h3>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered data-testid="controls-applied">
        <Descriptions.Item label={t('kThreshold')}>{formatNumber(locale, r?.k)}</Descriptions.Item>
        <Descriptions.Item label={t('noise')}>{r?.noise ? te('noise_', r.noise) : t('noiseNone')}</Descriptions.Item>
        <Descriptions.Item label={t('epsilonCharged')}>{formatNumber(locale, job.epsilon, 6)}</Descriptions.Item>
        <Descriptions.Item label={t('suppressedGroups')}>{formatNumber(locale, r?.suppressedGroups)}</Descriptions.Item>
        <Descriptions.Item label={t('rowCount')}>{formatNumber(locale, r?.rowCount)}</Descriptions.Item>
        <Descriptions.Item label={t('expiresAt')}>{formatDateTime(locale, r?.expiresAt ?? job.expiresAt)}</Descriptions.Item>
        {r?.rowsCapped && <Descriptions.Item label={t('rowCount')}>{t('rowsCapped')}</Descriptions.Item>}
        {r?.rowsSuppressed && <Descriptions.Item label={t('rowCount')}>{t('rowsSuppressed')}</Descriptions.Item>}
      </Descriptions>
      {arrow.isPending ? (
        <Loading />
      ) : arrow.isError ? (
        <ProblemAlert error={arrow.error} onRetry={() => void arrow.refetch()} />
      ) : (
        <>
          <Downloads jobId={job.id ?? ''} bytes={arrow.data.bytes} />
          <Tabs
            items={[
              { key: 'table', label: t('resultTable'), children: <ResultTable data={arrow.data.data} /> },
              { key: 'chart', label: t('resultChart'), children: <ResultChart data={arrow.data.data} /> },
            ]}
          />
        </>
      )}
    </div>
  );
}

function Downloads({ jobId, bytes }: { jobId: string; bytes: ArrayBuffer }) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const save = saveBlob;
  const parquet = async () => {
    setBusy(true);
    setProblem(null);
    try {
      save(await fetchResultBlob(jobId, 'parquet'), `pdx-job-${jobId}.parquet`);
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%', margin: '12px 0' }}>
      <Space wrap>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => save(new Blob([bytes], { type: 'application/vnd.apache.arrow.stream' }), `pdx-job-${jobId}.arrows`)}
          data-testid="download-arrow"
        >
          {t('downloadArrow')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => void parquet()} loading={busy} data-testid="download-parquet">
          {t('downloadParquet')}
        </Button>
      </Space>
      {problem && <ProblemAlert problem={{ ...problem, title: `${t('parquetUnavailable')} — ${problem.title}` }} compact />}
    </Space>
  );
}

const TABLE_ROWS = 200;

function ResultTable({ data }: { data: ResultData }) {
  const { t, locale } = useI18n();
  const columns = data.columns.map((c) => ({
    title: c.noise ? (
      <span title={t('noisedColumnHint', { epsilon: formatNumber(locale, c.noise.epsilon, 4) })}>
        <code>{c.name}</code> <span className="pdx-subtle-dark">{c.noise.halfWidth !== null ? '± 95%' : '≈'}</span>
      </span>
    ) : (
      <code>{c.name}</code>
    ),
    dataIndex: c.name,
    key: c.name,
    align: (c.kind === 'number' ? 'right' : 'left') as 'right' | 'left',
    render: (v: unknown) =>
      v === null || v === undefined ? (
        <span className="pdx-subtle-dark">∅</span>
      ) : typeof v === 'number' ? (
        c.noise && c.noise.halfWidth !== null ? (
          <span className="pdx-nowrap" data-testid="noised-value">
            {formatNumber(locale, v, 4)} <span className="pdx-subtle-dark">± {formatNumber(locale, c.noise.halfWidth, 4)}</span>
          </span>
        ) : (
          formatNumber(locale, v, 4)
        )
      ) : (
        <TextCell column={c.name} value={v} />
      ),
  }));
  const noised = data.columns.some((c) => c.noise);
  return (
    <>
      <p className="pdx-subtle-dark">{t('resultRowsShown', { shown: Math.min(TABLE_ROWS, data.rows.length), total: data.totalRows })}</p>
      {noised && (
        <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t('noisedResultNote')} data-testid="noised-note" />
      )}
      <DataTable
        rowKey="__row"
        columns={columns}
        dataSource={data.rows.slice(0, TABLE_ROWS).map((r, i) => ({ ...r, __row: i }))}
        size="small"
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        data-testid="result-table"
      />
    </>
  );
}

function ResultChart({ data }: { data: ResultData }) {
  const { t, locale } = useI18n();
  const [choice, setChoice] = useState<ChartChoice>(() => defaultChartChoice(data.columns));
  const [kind, setKind] = useState<'bar' | 'line'>('bar');
  const numeric = data.columns.filter((c) => c.kind === 'number');
  const cd = useMemo(() => chartData(data, choice, locale), [data, choice, locale]);
  const option: EChartsOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 64, right: 24, top: 24, bottom: 64 },
      xAxis: { type: 'category', data: cd.categories, axisLabel: { rotate: cd.categories.length > 8 ? 30 : 0 } },
      yAxis: { type: 'value' },
      series: cd.series.map((s) => ({ type: kind, name: s.name, data: s.data })),
    }),
    [cd, kind],
  );
  if (numeric.length === 0) return <EmptyState title={t('noNumeric')} />;
  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <label className="pdx-inline-field">
          <span>{t('chartX')}</span>
          <Select
            style={{ minWidth: 140 }}
            value={choice.x ?? undefined}
            onChange={(x: string) => setChoice({ ...choice, x })}
            options={data.columns.map((c) => ({ value: c.name, label: c.name }))}
            aria-label={t('chartX')}
            data-testid="chart-x"
          />
        </label>
        <label className="pdx-inline-field">
          <span>{t('chartY')}</span>
          <Select
            mode="multiple"
            style={{ minWidth: 200 }}
            value={choice.y}
            onChange={(y: string[]) => setChoice({ ...choice, y })}
            options={numeric.map((c) => ({ value: c.name, label: c.name }))}
            aria-label={t('chartY')}
            data-testid="chart-y"
          />
        </label>
        <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as 'bar' | 'line')} optionType="button" aria-label={t('chartType')}>
          <Radio.Button value="bar">{t('chartBar')}</Radio.Button>
          <Radio.Button value="line">{t('chartLine')}</Radio.Button>
        </Radio.Group>
      </Space>
      <EChart option={option} label={`${t('resultChart')}: ${choice.y.join(', ')} / ${choice.x ?? ''}`} testId="result-chart" height={340} />
    </div>
  );
}

function SameCall({ job, licenseId }: { job: JobView; licenseId: string }) {
  const { t } = useI18n();
  const input = {
    origin: window.location.origin,
    jobId: job.id ?? '',
    licenseId,
    sql: job.sql ?? '',
    epsilon: job.epsilon && job.grade === 'IMPORTANT' ? Number(job.epsilon) : null,
    tokenUrl: tokenEndpoint(),
  };
  return (
    <div>
      <h3 className="pdx-h3">{t('sameCall')}</h3>
      <Tabs
        items={[
          { key: 'curl', label: t('curl'), children: <CodeBlock code={curlSnippet(input)} label="curl" /> },
          { key: 'python', label: t('python'), children: <CodeBlock code={pythonSnippet(input)} label="Python" /> },
        ]}
      />
    </div>
  );
}
