// 资源登记审核: register a submitted dataset (a certificate number is issued) or return it with reasons,
// as the dataset's actions offer.
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Space } from 'antd';
import { getDataset, registerDataset, returnDataset } from '../api/endpoints';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../i18n/I18nContext';
import { can } from '../lib/actions';
import { formatDateTime, formatNumber } from '../lib/format';
import { pickLanguage } from '../lib/problem';
import { useReviewSlaHours } from '../hooks';
import { Page } from '../components/Page';
import { Loading } from '../components/QueryView';
import { ProblemAlert } from '../components/ProblemAlert';
import { GradeTag, RegistrationTag, TagLegend } from '../components/Tags';
import { SchemaTable } from '../components/SchemaTable';
import { SlaTimer } from '../components/SlaTimer';
import { RequireRole } from '../components/RequireRole';

export default function RegistrationReviewPage() {
  return (
    <RequireRole roles={['bureau-reviewer', 'bureau-admin']}>
      <RegistrationReview />
    </RequireRole>
  );
}

function RegistrationReview() {
  const { id = '' } = useParams();
  const auth = useAuth();
  const { t, te, locale } = useI18n();
  const sla = useReviewSlaHours();
  const queryClient = useQueryClient();
  const key = ['dataset', id, auth.username];
  const dataset = useQuery({ queryKey: key, queryFn: () => getDataset(id) });
  const [returning, setReturning] = useState(false);
  const [form] = Form.useForm<{ reasons: string }>();
  const done = (d: Awaited<ReturnType<typeof getDataset>>) => {
    queryClient.setQueryData(key, d);
    void queryClient.invalidateQueries({ queryKey: ['datasets'] });
    setReturning(false);
  };
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
  return (
    <Page
      title={`${t('registrationTitle')} · ${locale === 'zh' ? d.nameZh : d.nameEn || d.nameZh}`}
      intro={
        <Space wrap>
          <GradeTag grade={d.grade} />
          <RegistrationTag status={d.status} />
          {d.status === 'SUBMITTED' && <SlaTimer since={d.updatedAt} slaHours={sla} />}
        </Space>
      }
    >
      {d.status === 'REGISTERED' && d.certificateNo && (
        <Alert type="success" showIcon title={t('registeredWithCertificate', { no: d.certificateNo })} style={{ marginBottom: 16 }} />
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
      <Card title={<h2 className="pdx-card-title">{t('datasetOverview')}</h2>}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('colCategory')}>{d.category}</Descriptions.Item>
          <Descriptions.Item label={t('colProvider')}>{d.providerName ?? d.provider}</Descriptions.Item>
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
      {(can(d, 'register') || can(d, 'return')) && (
        <Card title={<h2 className="pdx-card-title">{t('actions')}</h2>} style={{ marginTop: 16 }}>
          {(register.isError || giveBack.isError) && <ProblemAlert error={register.error ?? giveBack.error} />}
          <Space wrap style={{ marginTop: 8 }}>
            {can(d, 'register') && (
              <Button type="primary" loading={register.isPending} onClick={() => register.mutate()} data-testid="register-dataset">
                {t('registerDataset')}
              </Button>
            )}
            {can(d, 'return') && (
              <Button danger onClick={() => setReturning(true)} data-testid="return-dataset">
                {t('returnDataset')}
              </Button>
            )}
          </Space>
        </Card>
      )}
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
