// 登记公示: registrations in their publicity window, for everyone (anonymous too), with the holder and its
// 统一社会信用代码; anyone signed in may lodge one objection (异议) to each before the window ends.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { listPublicity, lodgeObjection } from '../api/endpoints';
import type { PublicityEntry } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../i18n/I18nContext';
import { formatDateTime, formatNumber } from '../lib/format';
import { objectionWindowOpen } from '../lib/registration';
import { DataTable } from '../components/DataTable';
import { Page } from '../components/Page';
import { EmptyState, QueryView } from '../components/QueryView';
import { ProblemAlert } from '../components/ProblemAlert';
import { PublicityTimeLeft } from '../components/PublicityWindow';
import { GradeTag } from '../components/Tags';

export default function PublicityPage() {
  const auth = useAuth();
  const { t, te, locale } = useI18n();
  const queryClient = useQueryClient();
  const publicity = useQuery({ queryKey: ['publicity', auth.username], queryFn: () => listPublicity(), refetchInterval: 30_000 });
  const [objecting, setObjecting] = useState<PublicityEntry | null>(null);
  const [lodged, setLodged] = useState<string | null>(null);
  const [form] = Form.useForm<{ reasons: string }>();
  const object = useMutation({
    mutationFn: (v: { datasetId: string; reasons: string }) => lodgeObjection(v.datasetId, v.reasons),
    onSuccess: () => {
      setLodged(name(objecting));
      setObjecting(null);
      void queryClient.invalidateQueries({ queryKey: ['publicity'] });
    },
  });
  const name = (e: PublicityEntry | null) => (e ? (locale === 'zh' ? e.nameZh : e.nameEn || e.nameZh) ?? '' : '');
  const close = () => {
    setObjecting(null);
    object.reset();
  };

  const columns: ColumnsType<PublicityEntry> = [
    { title: t('colName'), key: 'n', render: (_, e) => <span className="pdx-nowrap">{name(e)}</span> },
    { title: t('registrationType'), key: 'ty', render: (_, e) => <span className="pdx-nowrap">{te('regType_', e.registrationType)}</span> },
    {
      title: t('holder'),
      key: 'h',
      render: (_, e) => (
        <Space orientation="vertical" size={0}>
          <span className="pdx-nowrap">{e.holderName ?? e.holder}</span>
          <code aria-label={t('holderCreditCode')} title={t('holderCreditCode')}>
            {e.holderCreditCode ?? t('unknown')}
          </code>
        </Space>
      ),
    },
    { title: t('colGrade'), key: 'g', render: (_, e) => <GradeTag grade={e.grade} /> },
    { title: t('colCategory'), key: 'c', render: (_, e) => <span className="pdx-nowrap">{e.category}</span> },
    {
      title: t('colWindowEnd'),
      key: 'w',
      render: (_, e) => (
        <Space orientation="vertical" size={2}>
          <span className="pdx-nowrap">{formatDateTime(locale, e.publicityEndsAt)}</span>
          <PublicityTimeLeft startedAt={e.publicityStartedAt} endsAt={e.publicityEndsAt} />
        </Space>
      ),
    },
    { title: t('pendingObjections'), key: 'o', align: 'right', render: (_, e) => formatNumber(locale, e.objectionsPending ?? 0) },
    {
      title: t('actions'),
      key: 'a',
      render: (_, e) =>
        !objectionWindowOpen(e.publicityEndsAt) ? (
          <span className="pdx-nowrap">{t('publicityEnded')}</span>
        ) : auth.user ? (
          <Button
            size="small"
            onClick={() => {
              setLodged(null);
              setObjecting(e);
            }}
            data-testid="lodge-objection"
            data-dataset-id={e.datasetId ?? ''}
          >
            {t('lodgeObjection')}
          </Button>
        ) : (
          <Button size="small" type="link" onClick={() => void auth.login()} data-testid="login-to-object">
            {t('loginToObject')}
          </Button>
        ),
    },
  ];

  return (
    <Page title={t('publicityTitle')} intro={t('publicityIntro')}>
      {lodged !== null && (
        <Alert type="success" showIcon closable title={t('objectionLodged', { name: lodged })} style={{ marginBottom: 16 }} data-testid="objection-lodged" />
      )}
      <QueryView query={publicity}>
        {(page) => (
          <DataTable<PublicityEntry>
            rowKey={(e) => e.datasetId ?? ''}
            columns={columns}
            dataSource={[...page.items].sort((a, b) => (a.publicityEndsAt ?? '').localeCompare(b.publicityEndsAt ?? ''))}
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            locale={{ emptyText: <EmptyState title={t('publicityEmpty')} /> }}
            data-testid="publicity-table"
          />
        )}
      </QueryView>
      <Modal
        open={objecting !== null}
        title={t('lodgeObjectionTitle', { name: name(objecting) })}
        okText={t('lodgeObjection')}
        cancelText={t('cancel')}
        okButtonProps={{ loading: object.isPending }}
        onCancel={close}
        onOk={() =>
          void form.validateFields().then((v) => objecting?.datasetId && object.mutate({ datasetId: objecting.datasetId, reasons: v.reasons.trim() }))
        }
        destroyOnHidden
      >
        {object.isError && (
          <div style={{ marginBottom: 12 }}>
            <ProblemAlert error={object.error} compact />
          </div>
        )}
        <p>{t('objectionReasonsHelp')}</p>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reasons" label={t('objectionReasons')} rules={[{ required: true, whitespace: true, message: t('objectionReasonsRequired') }]}>
            <Input.TextArea rows={5} maxLength={4000} data-testid="objection-reasons" />
          </Form.Item>
        </Form>
      </Modal>
    </Page>
  );
}
