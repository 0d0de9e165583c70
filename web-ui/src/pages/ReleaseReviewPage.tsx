// 结果发布审核: what the output controls left (row count, suppressed groups), ε charged and the budget
// left, and the SQL — never raw inputs and never the result's values. Release or reject with a reason,
// as the job's actions offer.
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Form, Input, Modal, Row, Space } from 'antd';
import { getJob, rejectJob, releaseJob } from '../api/endpoints';
import type { JobView } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../i18n/I18nContext';
import { can } from '../lib/actions';
import { formatBytes, formatDateTime, formatNumber } from '../lib/format';
import { useReviewSlaHours } from '../hooks';
import { DataTable } from '../components/DataTable';
import { Page } from '../components/Page';
import { Loading } from '../components/QueryView';
import { ProblemAlert } from '../components/ProblemAlert';
import { ReasonList } from '../components/Reasons';
import { ColumnTagBadge, GradeTag, JobStateTag } from '../components/Tags';
import { SqlEditor } from '../components/SqlEditor';
import { SlaTimer } from '../components/SlaTimer';
import { RequireRole } from '../components/RequireRole';
import { OrganizationName } from '../components/OrganizationName';

export default function ReleaseReviewPage() {
  return (
    <RequireRole roles={['bureau-reviewer', 'bureau-admin']}>
      <ReleaseReview />
    </RequireRole>
  );
}

export function BudgetText({ job }: { job: JobView }) {
  const { t, locale } = useI18n();
  const b = job.budget;
  if (!b) return <span>{t('unknown')}</span>;
  return (
    <span>
      {t('budgetOf', {
        left: formatNumber(locale, b.epsilonLeft, 6),
        total: formatNumber(locale, b.epsilonBudget, 6),
        start: (b.periodStart ?? '').slice(0, 10),
        end: (b.periodEnd ?? '').slice(0, 10),
      })}
    </span>
  );
}

function ReleaseReview() {
  const { id = '' } = useParams();
  const auth = useAuth();
  const { t, te, locale } = useI18n();
  const sla = useReviewSlaHours();
  const queryClient = useQueryClient();
  const key = ['job', id, auth.username];
  const job = useQuery({ queryKey: key, queryFn: () => getJob(id) });
  const [rejecting, setRejecting] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const done = (j: JobView) => {
    // The answer of a transition may leave out the budget (single-job views carry it): keep what was read.
    queryClient.setQueryData<JobView>(key, (old) => ({ ...old, ...j, budget: j.budget ?? old?.budget }));
    void queryClient.invalidateQueries({ queryKey: key });
    void queryClient.invalidateQueries({ queryKey: ['jobs'] });
    setRejecting(false);
  };
  const release = useMutation({ mutationFn: () => releaseJob(id), onSuccess: done });
  const reject = useMutation({ mutationFn: (reason: string) => rejectJob(id, reason), onSuccess: done });

  if (job.isPending) return <Loading />;
  if (job.isError)
    return (
      <Page title={t('releaseReviewTitle')}>
        <ProblemAlert error={job.error} onRetry={() => void job.refetch()} />
      </Page>
    );
  const j = job.data;
  const r = j.result;
  return (
    <Page
      title={t('releaseReviewTitle')}
      intro={
        <Space wrap>
          <span data-testid="job-state">
            <JobStateTag state={j.state} />
          </span>
          <GradeTag grade={j.grade} />
          <code>{j.id}</code>
          {j.state === 'AWAITING_RELEASE' && <SlaTimer since={j.finishedAt ?? j.createdAt} slaHours={sla} />}
        </Space>
      }
    >
      <p>{t('releaseReviewIntro')}</p>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={<h2 className="pdx-card-title">{t('controlsApplied')}</h2>} data-testid="release-summary">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('organization')}>
                <OrganizationName code={j.organization} />
              </Descriptions.Item>
              <Descriptions.Item label={t('submittedBy')}>{j.submittedBy}</Descriptions.Item>
              <Descriptions.Item label={t('rowCount')}>
                <span data-testid="release-rows">{formatNumber(locale, r?.rowCount)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('suppressedGroups')}>
                <span data-testid="release-suppressed">{formatNumber(locale, r?.suppressedGroups)}</span>
                {r?.differencingSuppressed ? (
                  <span className="pdx-subtle-dark" data-testid="release-differencing">
                    {' '}
                    {t('differencingSuppressed', { n: formatNumber(locale, r.differencingSuppressed) })}
                  </span>
                ) : null}
              </Descriptions.Item>
              <Descriptions.Item label={t('kThreshold')}>{formatNumber(locale, r?.k)}</Descriptions.Item>
              <Descriptions.Item label={t('noise')}>{r?.noise ? te('noise_', r.noise) : t('noiseNone')}</Descriptions.Item>
              <Descriptions.Item label={t('epsilonCharged')}>
                <span data-testid="release-epsilon">{formatNumber(locale, j.epsilon, 6)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('deltaCharged')}>{j.delta ?? t('unknown')}</Descriptions.Item>
              <Descriptions.Item label={t('budgetLeft')}>
                <span data-testid="release-budget">
                  <BudgetText job={j} />
                </span>
              </Descriptions.Item>
              {r?.rowsCapped && <Descriptions.Item label={t('rowCount')}>{t('rowsCapped')}</Descriptions.Item>}
              {r?.rowsSuppressed && <Descriptions.Item label={t('rowCount')}>{t('rowsSuppressed')}</Descriptions.Item>}
              <Descriptions.Item label={t('resultBytes')}>{formatBytes(locale, r?.bytes)}</Descriptions.Item>
              <Descriptions.Item label={t('createdAt')}>{formatDateTime(locale, j.createdAt)}</Descriptions.Item>
              {j.reviewedBy && <Descriptions.Item label={t('reviewedBy')}>{j.reviewedBy}</Descriptions.Item>}
              {j.reviewNote && <Descriptions.Item label={t('reviewNote')}>{j.reviewNote}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Card title={<h2 className="pdx-card-title">{t('releaseReasons')}</h2>} style={{ marginTop: 16 }}>
            <ReasonList reasons={j.releaseReasons} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={<h2 className="pdx-card-title">{t('sql')}</h2>}>
            <SqlEditor value={j.sql ?? ''} readOnly label={t('sql')} minHeight={80} />
            <p className="pdx-subtle-dark" style={{ marginTop: 8 }}>
              {t('sqlSha')}: <code className="pdx-break">{j.sqlSha256}</code>
            </p>
          </Card>
          <Card title={<h2 className="pdx-card-title">{t('resultColumns')}</h2>} style={{ marginTop: 16 }}>
            <DataTable
              rowKey={(c) => c.name ?? ''}
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={r?.columns ?? []}
              columns={[
                { title: t('colColumn'), dataIndex: 'name', key: 'n', render: (v: string) => <code>{v}</code> },
                { title: t('colTag'), key: 't', render: (_, c) => <ColumnTagBadge tag={c.tag} /> },
                { title: t('colUse'), key: 'u', render: (_, c) => te('use_', c.use) },
                { title: t('colAggregate'), key: 'a', render: (_, c) => c.aggregate ?? t('unknown') },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {(can(j, 'release') || can(j, 'reject')) && (
        <Card title={<h2 className="pdx-card-title">{t('actions')}</h2>} style={{ marginTop: 16 }}>
          {(release.isError || reject.isError) && <ProblemAlert error={release.error ?? reject.error} />}
          <Space wrap style={{ marginTop: 8 }}>
            {can(j, 'release') && (
              <Button type="primary" loading={release.isPending} onClick={() => release.mutate()} data-testid="release-job">
                {t('release')}
              </Button>
            )}
            {can(j, 'reject') && (
              <Button danger onClick={() => setRejecting(true)} data-testid="reject-job">
                {t('rejectResult')}
              </Button>
            )}
          </Space>
        </Card>
      )}
      <Modal
        open={rejecting}
        title={t('rejectResult')}
        okText={t('rejectResult')}
        cancelText={t('cancel')}
        okButtonProps={{ danger: true, loading: reject.isPending }}
        onCancel={() => setRejecting(false)}
        onOk={() => void form.validateFields().then((v) => reject.mutate(v.reason))}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={t('rejectReason')} rules={[{ required: true, whitespace: true, message: t('rejectReasonRequired') }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Page>
  );
}
