// 资源登记审核 per 公共数据资源登记管理暂行办法: a submitted registration is accepted into publicity (公示)
// or returned; in publicity the window, the objections (异议) with the reviewer's answers, and register once
// the window has ended with no objection pending; a registered one links to its certificate. Every button
// is one the server's actions offer; the words say why register cannot be taken yet.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, List, Modal, Space, Typography } from 'antd';
import { acceptDataset, getDataset, listObjections, objectionAction, registerDataset, returnDataset } from '../api/endpoints';
import type { DatasetSummary, ObjectionAction, ObjectionView } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../i18n/I18nContext';
import { can } from '../lib/actions';
import { formatDateTime, formatNumber } from '../lib/format';
import { pickLanguage } from '../lib/problem';
import { isPendingObjection, registerBlocker } from '../lib/registration';
import { useReviewSlaHours } from '../hooks';
import { Page } from '../components/Page';
import { EmptyState, Loading, QueryView } from '../components/QueryView';
import { ProblemAlert } from '../components/ProblemAlert';
import { GradeTag, ObjectionStatusTag, RegistrationTag, TagLegend } from '../components/Tags';
import { SchemaTable } from '../components/SchemaTable';
import { SlaTimer, useNow } from '../components/SlaTimer';
import { PublicityWindowSummary } from '../components/PublicityWindow';
import { RequireRole } from '../components/RequireRole';

export default function RegistrationReviewPage() {
  return (
    <RequireRole roles={['bureau-reviewer', 'bureau-admin']}>
      <RegistrationReview />
    </RequireRole>
  );
}

const OBJECTION_ACTIONS: ObjectionAction[] = ['uphold', 'confirm', 'dismiss'];

function RegistrationReview() {
  const { id = '' } = useParams();
  const auth = useAuth();
  const { t, te, locale } = useI18n();
  const sla = useReviewSlaHours();
  const queryClient = useQueryClient();
  const now = useNow(30_000);
  const key = ['dataset', id, auth.username];
  const dataset = useQuery({ queryKey: key, queryFn: () => getDataset(id) });
  const inPublicity = dataset.data?.status === 'PUBLICITY';
  const objections = useQuery({
    queryKey: ['objections', id, auth.username],
    queryFn: () => listObjections(id),
    enabled: inPublicity,
    refetchInterval: inPublicity ? 15_000 : false,
  });
  const [returning, setReturning] = useState(false);
  const [confirming, setConfirming] = useState<'accept' | 'register' | null>(null);
  const [form] = Form.useForm<{ reasons: string }>();
  const done = (d: DatasetSummary) => {
    queryClient.setQueryData(key, d);
    void queryClient.invalidateQueries({ queryKey: ['datasets'] });
    void queryClient.invalidateQueries({ queryKey: ['publicity'] });
    setReturning(false);
    setConfirming(null);
  };
  const accept = useMutation({ mutationFn: () => acceptDataset(id), onSuccess: done });
  const register = useMutation({ mutationFn: () => registerDataset(id), onSuccess: done });
  const giveBack = useMutation({ mutationFn: (reasons: string[]) => returnDataset(id, reasons), onSuccess: done });

  if (dataset.isPending) return <Loading />;
  if (dataset.isError)
    return (
      <Page title={t('registrationTitle')}>
        <ProblemAlert error={dataset.error} onRetry={() => void dataset.refetch()} />
      </Page>
    );
  const d = dataset.data;
  const list = objections.data?.items ?? [];
  const pending = list.filter(isPendingObjection).length;
  const blocker = inPublicity && objections.isSuccess ? registerBlocker(d, list, now) : inPublicity ? registerBlocker(d, [], now) : null;
  const blockedWhy =
    blocker === 'publicity-open'
      ? t('registerBlockedOpen', { end: formatDateTime(locale, d.publicityEndsAt) })
      : blocker === 'objections-pending'
        ? t('registerBlockedObjections', { n: pending })
        : null;
  const offered = can(d, 'accept') || can(d, 'register') || can(d, 'return');
  const finished = d.status === 'REGISTERED' || d.status === 'SUPERSEDED' || d.status === 'CANCELLED';

  return (
    <Page
      title={`${t('registrationTitle')} · ${locale === 'zh' ? d.nameZh : d.nameEn || d.nameZh}`}
      intro={
        <Space wrap>
          <GradeTag grade={d.grade} />
          <RegistrationTag status={d.status} />
          <span>{te('regType_', d.registrationType)}</span>
          {d.status === 'SUBMITTED' && <SlaTimer since={d.updatedAt} slaHours={sla} />}
        </Space>
      }
    >
      {finished && d.certificateNo && (
        <Alert
          type={d.status === 'REGISTERED' ? 'success' : 'info'}
          showIcon
          title={t('registeredWithCertificate', { no: d.certificateNo })}
          action={
            <Link to={`/verify?code=${encodeURIComponent(d.certificateNo)}`} data-testid="certificate-link">
              {t('certificateLink')}
            </Link>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {d.status === 'RETURNED' && (
        <Alert
          type="warning"
          showIcon
          title={t('returned')}
          description={
            <ul className="pdx-plain-list">
              {(d.returnReasons ?? []).map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {inPublicity && (
        <Card title={<h2 className="pdx-card-title">{t('publicityWindow')}</h2>} style={{ marginBottom: 16 }}>
          <PublicityWindowSummary startedAt={d.publicityStartedAt} endsAt={d.publicityEndsAt} />
        </Card>
      )}
      {offered && (
        <Card title={<h2 className="pdx-card-title">{t('actions')}</h2>} style={{ marginBottom: 16 }}>
          {giveBack.isError && <ProblemAlert error={giveBack.error} />}
          <Space wrap style={{ marginTop: 8 }}>
            {can(d, 'accept') && (
              <Button type="primary" onClick={() => setConfirming('accept')} data-testid="accept-dataset">
                {t('acceptDataset')}
              </Button>
            )}
            {can(d, 'register') && (
              <Button
                type="primary"
                disabled={blocker !== null}
                onClick={() => setConfirming('register')}
                data-testid="register-dataset"
                {...(blockedWhy ? { 'aria-describedby': 'register-blocked' } : {})}
              >
                {t('registerDataset')}
              </Button>
            )}
            {can(d, 'return') && (
              <Button danger onClick={() => setReturning(true)} data-testid="return-dataset">
                {t('returnDataset')}
              </Button>
            )}
          </Space>
          {can(d, 'register') && blockedWhy && (
            <Typography.Paragraph id="register-blocked" type="secondary" style={{ marginTop: 8, marginBottom: 0 }} data-testid="register-blocked">
              {blockedWhy}
            </Typography.Paragraph>
          )}
        </Card>
      )}
      {inPublicity && (
        <Card title={<h2 className="pdx-card-title">{`${t('objectionsTitle')} (${list.length})`}</h2>} style={{ marginBottom: 16 }}>
          <QueryView query={objections}>
            {(page) =>
              page.items.length === 0 ? (
                <EmptyState title={t('noObjections')} />
              ) : (
                <List
                  dataSource={page.items}
                  rowKey={(o) => o.id ?? ''}
                  renderItem={(o) => <ObjectionItem objection={o} datasetKey={key} />}
                  data-testid="objections"
                />
              )
            }
          </QueryView>
        </Card>
      )}
      <Card title={<h2 className="pdx-card-title">{t('datasetOverview')}</h2>}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('colCategory')}>{d.category}</Descriptions.Item>
          <Descriptions.Item label={t('colProvider')}>{d.providerName ?? d.provider}</Descriptions.Item>
          <Descriptions.Item label={t('registrationType')}>{te('regType_', d.registrationType)}</Descriptions.Item>
          <Descriptions.Item label={t('colRows')}>{formatNumber(locale, d.rowCount)}</Descriptions.Item>
          <Descriptions.Item label={t('updateFrequency')}>{te('freq_', d.updateFrequency)}</Descriptions.Item>
          <Descriptions.Item label={t('sharingType')}>{te('sharing_', d.sharingType)}</Descriptions.Item>
          <Descriptions.Item label={t('colOpenness')}>{te('openness_', d.openness)}</Descriptions.Item>
          <Descriptions.Item label={t('submittedAt')}>{formatDateTime(locale, d.updatedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('version')}>{d.datasetVersion ?? 1}</Descriptions.Item>
        </Descriptions>
        {d.description && <p>{pickLanguage(d.description, locale)}</p>}
      </Card>
      <Card title={<h2 className="pdx-card-title">{t('schemaTitle')}</h2>} style={{ marginTop: 16 }}>
        <SchemaTable columns={d.columns ?? []} />
        <div style={{ marginTop: 12 }}>
          <TagLegend />
        </div>
      </Card>
      <Modal
        open={confirming !== null}
        title={confirming === 'register' ? t('registerConfirmTitle') : t('acceptConfirmTitle')}
        okText={confirming === 'register' ? t('registerDataset') : t('acceptDataset')}
        cancelText={t('cancel')}
        okButtonProps={{ loading: accept.isPending || register.isPending }}
        onCancel={() => {
          setConfirming(null);
          accept.reset();
          register.reset();
        }}
        onOk={() => (confirming === 'register' ? register.mutate() : accept.mutate())}
        destroyOnHidden
      >
        {(accept.isError || register.isError) && <ProblemAlert error={accept.error ?? register.error} compact />}
        <p>{confirming === 'register' ? t('registerConfirmBody') : t('acceptConfirmBody')}</p>
      </Modal>
      <Modal
        open={returning}
        title={t('returnDataset')}
        okText={t('returnDataset')}
        cancelText={t('cancel')}
        okButtonProps={{ danger: true, loading: giveBack.isPending }}
        onCancel={() => setReturning(false)}
        onOk={() =>
          void form.validateFields().then((v) =>
            giveBack.mutate(
              v.reasons
                .split('\n')
                .map((r) => r.trim())
                .filter(Boolean),
            ),
          )
        }
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="reasons" label={t('returnReasons')} rules={[{ required: true, whitespace: true, message: t('returnReasonsRequired') }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </Form>
      </Modal>
    </Page>
  );
}

/** One objection: its reasons and state, the answer once given, and the answers its actions offer this reviewer. */
function ObjectionItem({ objection, datasetKey }: { objection: ObjectionView; datasetKey: unknown[] }) {
  const { t, te, locale } = useI18n();
  const queryClient = useQueryClient();
  const [answering, setAnswering] = useState<ObjectionAction | null>(null);
  const [form] = Form.useForm<{ answer: string }>();
  const answer = useMutation({
    mutationFn: (v: { action: ObjectionAction; answer: string }) => objectionAction(objection.id ?? '', v.action, v.answer),
    onSuccess: () => {
      setAnswering(null);
      void queryClient.invalidateQueries({ queryKey: ['objections'] });
      // A confirmed uphold sends the registration back to review: read it again.
      void queryClient.invalidateQueries({ queryKey: datasetKey });
      void queryClient.invalidateQueries({ queryKey: ['publicity'] });
    },
  });
  const offered = OBJECTION_ACTIONS.filter((a) => can(objection, a));
  return (
    <List.Item data-testid="objection" data-objection-id={objection.id ?? ''}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <ObjectionStatusTag status={objection.status} />
          <span>
            {t('lodgedBy')}: <code>{objection.lodgedBy}</code>
          </span>
          <span className="pdx-nowrap">
            {t('lodgedAt')}: {formatDateTime(locale, objection.lodgedAt)}
          </span>
        </Space>
        <div>
          <strong>{t('objectionReasons')}</strong>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} className="pdx-break-word">
            {objection.reasons}
          </Typography.Paragraph>
        </div>
        {objection.answer && (
          <div>
            <strong>{t('objectionAnswer')}</strong> <span className="pdx-nowrap">({formatDateTime(locale, objection.answeredAt)})</span>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{objection.answer}</Typography.Paragraph>
          </div>
        )}
        {offered.length > 0 && (
          <Space wrap>
            {offered.map((a) => (
              <Button key={a} size="small" danger={a === 'dismiss'} type={a === 'dismiss' ? 'default' : 'primary'} onClick={() => setAnswering(a)} data-testid={`objection-${a}`}>
                {te('objectionAction_', a)}
              </Button>
            ))}
          </Space>
        )}
      </Space>
      <Modal
        open={answering !== null}
        title={answering ? te('objectionAction_', answering) : ''}
        okText={answering ? te('objectionAction_', answering) : t('confirm')}
        cancelText={t('cancel')}
        okButtonProps={{ loading: answer.isPending, danger: answering === 'dismiss' }}
        onCancel={() => {
          setAnswering(null);
          answer.reset();
        }}
        onOk={() => void form.validateFields().then((v) => answering && answer.mutate({ action: answering, answer: v.answer.trim() }))}
        destroyOnHidden
      >
        {answer.isError && <ProblemAlert error={answer.error} compact />}
        <p>{answering ? te('objectionActionHelp_', answering) : null}</p>
        <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
          {objection.reasons}
        </Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="answer" label={t('objectionAnswer')} rules={[{ required: true, whitespace: true, message: t('answerRequired') }]}>
            <Input.TextArea rows={4} data-testid="objection-answer" />
          </Form.Item>
        </Form>
      </Modal>
    </List.Item>
  );
}
