// One license: its status timeline, the policy's reasons, the four-eyes review (who approved, who
// may still), the contract with its SHA-256 and the accept button, and the bureau's suspend/resume/revoke.
// Which actions are offered is the server's answer (the license's actions), not read from roles here.
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Modal, Popconfirm, Row, Space, Steps, Typography } from 'antd';
import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { getContract, getLicense, licenseAction, listAuditEvents, type LicenseAction } from '../api/endpoints';
import type { LicenseView } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages';
import { can } from '../lib/actions';
import { formatDate, formatDateTime, formatNumber } from '../lib/format';
import { licenseTimeline, reviewerState } from '../lib/licenseTimeline';
import { sha256Hex } from '../lib/sha256';
import { useProductNames, useReference } from '../hooks';
import { Page } from '../components/Page';
import { Loading } from '../components/QueryView';
import { ProblemAlert } from '../components/ProblemAlert';
import { ReasonList } from '../components/Reasons';
import { Badge, LicenseStateTag } from '../components/Tags';
import { SlaTimer } from '../components/SlaTimer';
import { RequireRole } from '../components/RequireRole';
import { RateService } from '../components/RateService';
import { OrganizationName } from '../components/OrganizationName';

export default function LicensePage() {
  return (
    <RequireRole roles={['operator', 'developer', 'bureau-reviewer', 'bureau-admin', 'regulator']}>
      <LicenseContent />
    </RequireRole>
  );
}

function LicenseContent() {
  const { id = '' } = useParams();
  const auth = useAuth();
  const { t, te, locale } = useI18n();
  const products = useProductNames();
  const { reference } = useReference();
  const license = useQuery({ queryKey: ['license', id, auth.username], queryFn: () => getLicense(id) });
  const events = useQuery({
    queryKey: ['audit', 'license', id],
    queryFn: () => listAuditEvents({ resourceId: id, size: 100 }),
    enabled: auth.hasRole('bureau-admin'),
    retry: false,
  });

  if (license.isPending) return <Loading />;
  if (license.isError)
    return (
      <Page title={t('licenseTitle')}>
        <ProblemAlert error={license.error} onRetry={() => void license.refetch()} />
      </Page>
    );
  const l = license.data;
  const product = products[l.productId ?? ''];
  const productName = product ? (locale === 'zh' ? product.nameZh : product.nameEn || product.nameZh) : l.productId;
  const purpose = reference.purposes.find((p) => p.code === l.purposeCategory);
  const steps = licenseTimeline(l, events.data ?? []);

  return (
    <Page
      title={productName ? `${t('licenseTitle')} · ${productName}` : t('licenseTitle')}
      intro={
        <Space wrap>
          <span data-testid="license-state">
            <LicenseStateTag state={l.state} termStart={l.termStart} termEnd={l.termEnd} />
          </span>
          <OrganizationName code={l.organization} />
          {l.datasetId && <Link to={`/datasets/${l.datasetId}`}>{t('datasetTitle')}</Link>}
          {l.state !== 'APPLIED' && l.state !== 'IN_REVIEW' && <RateService eventKind="LICENSE_DECISION" eventId={l.id ?? ''} />}
        </Space>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={<h2 className="pdx-card-title">{t('details')}</h2>}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('colPurpose')}>{purpose ? (locale === 'zh' ? purpose.zh : purpose.en) : l.purposeCategory}</Descriptions.Item>
              <Descriptions.Item label={t('purposeText')}>{l.purposeText}</Descriptions.Item>
              <Descriptions.Item label={t('colMode')}>{te('mode_', l.mode)}</Descriptions.Item>
              <Descriptions.Item label={t('colTerm')}>
                {formatDate(l.termStart)} – {formatDate(l.termEnd)}
              </Descriptions.Item>
              <Descriptions.Item label={t('licenseColumns')}>
                <span className="pdx-badges">
                  {(l.columns ?? []).map((c) => (
                    <code key={c}>{c}</code>
                  ))}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('expectedVolumeShort')}>{formatNumber(locale, l.expectedVolume)}</Descriptions.Item>
              <Descriptions.Item label={t('colApplicant')}>{l.applicant}</Descriptions.Item>
              <Descriptions.Item label={t('createdAt')}>{formatDateTime(locale, l.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={t('decisionId')}>
                <code className="pdx-break">{l.decisionId ?? t('unknown')}</code>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={<h2 className="pdx-card-title">{t('policyReasons')}</h2>} style={{ marginTop: 16 }}>
            <p>
              <Badge tone={l.decisionOutcome === 'AUTO_APPROVE' ? 'green' : l.decisionOutcome === 'DENY' ? 'red' : 'blue'}>
                {te('outcome_', l.decisionOutcome)}
              </Badge>
            </p>
            <div data-testid="policy-reasons">
              <ReasonList reasons={l.decisionReasons} />
            </div>
          </Card>
          <ContractCard license={l} />
        </Col>
        <Col xs={24} xl={10}>
          <Card title={<h2 className="pdx-card-title">{t('timeline')}</h2>}>
            <Steps
              orientation="vertical"
              size="small"
              data-testid="license-timeline"
              items={steps.map((s) => ({
                status: s.status,
                title: t(`tl_${s.key}` as MessageKey, {
                  ...(s.params ?? {}),
                  outcome: te('outcome_', String(s.params?.['outcome'] ?? '')),
                }),
                content: (
                  <span className="pdx-subtle-dark">
                    {s.actor && <span>{s.actor} </span>}
                    {s.at && <span>{formatDateTime(locale, s.at)}</span>}
                  </span>
                ),
              }))}
            />
          </Card>
          {(l.state === 'IN_REVIEW' || (l.reviewersRequired ?? 1) > 1 || (l.approvedBy ?? []).length > 0 || can(l, 'approve') || can(l, 'reject')) && (
            <ReviewCard license={l} slaHours={reference.reviewSlaHours} />
          )}
          {(can(l, 'suspend') || can(l, 'resume') || can(l, 'revoke')) && <AdminActions license={l} />}
        </Col>
      </Row>
    </Page>
  );
}

function ReviewCard({ license: l, slaHours }: { license: LicenseView; slaHours: number }) {
  const auth = useAuth();
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const rs = reviewerState(l, auth.username, auth.isBureau);
  const act = useMutation({
    mutationFn: ({ action, reason }: { action: LicenseAction; reason?: string }) => licenseAction(l.id ?? '', action, reason),
    onSuccess: (updated, v) => {
      queryClient.setQueryData(['license', l.id, auth.username], updated);
      void queryClient.invalidateQueries({ queryKey: ['licenses'] });
      void message.success(v.action === 'approve' ? t('approved') : t('rejected'));
      setRejecting(false);
    },
  });
  return (
    <Card title={<h2 className="pdx-card-title">{t('reviewState')}</h2>} style={{ marginTop: 16 }} data-testid="review-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <span>{t('reviewersRequired', { n: rs.required })}</span>
        <span data-testid="approved-by">{rs.approvedBy.length > 0 ? t('approvedByList', { who: rs.approvedBy.join(', ') }) : t('noApprovals')}</span>
        {l.state === 'IN_REVIEW' && (
          <>
            <span data-testid="still-needed">{t('stillNeeded', { n: rs.stillNeeded })}</span>
            <span>
              {t('slaTitle')}: <SlaTimer since={l.createdAt} slaHours={slaHours} />
            </span>
          </>
        )}
        {((auth.isBureau && l.state === 'IN_REVIEW') || rs.mayDecide) && (
          <Alert
            type={rs.mayDecide ? 'info' : 'warning'}
            showIcon
            title={
              rs.reason === 'may'
                ? t('youMayApprove')
                : rs.reason === 'already-approved'
                  ? t('youApprovedAlready')
                  : rs.reason === 'own-application'
                    ? t('youAreApplicant')
                    : rs.reason === 'not-offered'
                      ? t('youMayNotDecide')
                      : ''
            }
          />
        )}
        {act.isError && <ProblemAlert error={act.error} />}
        {rs.mayDecide && (
          <Space wrap>
            {can(l, 'approve') && (
              <Button type="primary" loading={act.isPending} onClick={() => act.mutate({ action: 'approve' })} data-testid="approve">
                {t('approve')}
              </Button>
            )}
            {can(l, 'reject') && (
              <Button danger onClick={() => setRejecting(true)} data-testid="reject">
                {t('reject')}
              </Button>
            )}
          </Space>
        )}
      </Space>
      <Modal
        open={rejecting}
        title={t('reject')}
        okText={t('reject')}
        cancelText={t('cancel')}
        okButtonProps={{ danger: true, loading: act.isPending }}
        onCancel={() => setRejecting(false)}
        onOk={() => void form.validateFields().then((v) => act.mutate({ action: 'reject', reason: v.reason }))}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={t('rejectReason')} rules={[{ required: true, whitespace: true, message: t('rejectReasonRequired') }]}>
            <Input.TextArea rows={3} data-testid="reject-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

function AdminActions({ license: l }: { license: LicenseView }) {
  const auth = useAuth();
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const act = useMutation({
    mutationFn: (action: LicenseAction) => licenseAction(l.id ?? '', action),
    onSuccess: (updated) => {
      queryClient.setQueryData(['license', l.id, auth.username], updated);
      void queryClient.invalidateQueries({ queryKey: ['licenses'] });
    },
  });
  const button = (action: LicenseAction, label: MessageKey, danger = false) => (
    <Popconfirm
      title={t('confirmAction', { action: t(label) })}
      okText={t('confirm')}
      cancelText={t('cancel')}
      onConfirm={() => act.mutate(action)}
    >
      <Button danger={danger} loading={act.isPending && act.variables === action} data-testid={`license-${action}`}>
        {t(label)}
      </Button>
    </Popconfirm>
  );
  return (
    <Card title={<h2 className="pdx-card-title">{t('actions')}</h2>} style={{ marginTop: 16 }}>
      {act.isError && <ProblemAlert error={act.error} />}
      <Space wrap>
        {can(l, 'suspend') && button('suspend', 'suspend')}
        {can(l, 'resume') && button('resume', 'resume')}
        {can(l, 'revoke') && button('revoke', 'revoke', true)}
      </Space>
    </Card>
  );
}

function ContractCard({ license: l }: { license: LicenseView }) {
  const auth = useAuth();
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const has = Boolean(l.contractSha256);
  const contract = useQuery({ queryKey: ['contract', l.id, auth.username], queryFn: () => getContract(l.id ?? ''), enabled: has });
  const [computed, setComputed] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    if (contract.data === undefined) return;
    let live = true;
    void sha256Hex(contract.data).then((h) => live && setComputed(h));
    return () => {
      live = false;
    };
  }, [contract.data]);
  const accept = useMutation({
    mutationFn: () => licenseAction(l.id ?? '', 'accept'),
    onSuccess: (updated) => {
      queryClient.setQueryData(['license', l.id, auth.username], updated);
      void queryClient.invalidateQueries({ queryKey: ['licenses'] });
      void message.success(t('accepted'));
    },
  });
  const canAccept = can(l, 'accept');

  return (
    <Card title={<h2 className="pdx-card-title">{t('contract')}</h2>} style={{ marginTop: 16 }} data-testid="contract-card">
      {!has ? (
        <Typography.Paragraph>{t('contractNotYet')}</Typography.Paragraph>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <div>
            <strong>{t('contractSha')}</strong>: <code className="pdx-break" data-testid="contract-sha">{l.contractSha256}</code>
          </div>
          {computed === null && <Alert type="info" showIcon title={t('contractShaUnavailable')} />}
          {computed && computed === l.contractSha256 && (
            <Alert type="success" showIcon icon={<CheckCircleOutlined />} title={t('contractShaOk')} data-testid="contract-sha-ok" />
          )}
          {computed && computed !== l.contractSha256 && <Alert type="error" showIcon icon={<WarningOutlined />} title={t('contractShaMismatch')} />}
          {contract.isPending ? (
            <Loading />
          ) : contract.isError ? (
            <ProblemAlert error={contract.error} onRetry={() => void contract.refetch()} />
          ) : (
            <pre className="pdx-contract" tabIndex={0} aria-label={t('contract')} data-testid="contract-text">
              {contract.data}
            </pre>
          )}
          {l.acceptedBy && (
            <span>
              {t('acceptedBy')}: {l.acceptedBy}
            </span>
          )}
          {accept.isError && <ProblemAlert error={accept.error} />}
          {canAccept && (
            <Button
              type="primary"
              loading={accept.isPending}
              data-testid="accept-contract"
              onClick={() =>
                modal.confirm({
                  title: t('acceptContract'),
                  content: t('acceptConfirm'),
                  okText: t('acceptContract'),
                  cancelText: t('cancel'),
                  onOk: () => accept.mutateAsync().catch(() => undefined),
                })
              }
            >
              {t('acceptContract')}
            </Button>
          )}
        </Space>
      )}
    </Card>
  );
}
