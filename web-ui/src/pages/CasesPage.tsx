// 好差评工单: the cases poor ratings and complaints opened, newest first, with their due day (working days) and an
// overdue badge; the bureau answers one in writing, after a confirmation, where the case's actions offer `answer`.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Input, Modal, Popconfirm, Radio, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { answerCase, listCases } from '../api/endpoints';
import type { CaseStatus, CaseView } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../i18n/I18nContext';
import { can } from '../lib/actions';
import { formatDate, formatDateTime, shortHash } from '../lib/format';
import { problemOf, type Problem } from '../lib/problem';
import { DataTable } from '../components/DataTable';
import { Page } from '../components/Page';
import { EmptyState, Loading } from '../components/QueryView';
import { ProblemAlert } from '../components/ProblemAlert';
import { RequireRole } from '../components/RequireRole';
import { Badge } from '../components/Tags';

const PAGE_SIZE = 20;
const MAX_ANSWER = 2000;

export default function CasesPage() {
  return (
    <RequireRole roles={['bureau-reviewer', 'bureau-admin']}>
      <Cases />
    </RequireRole>
  );
}

function Cases() {
  const auth = useAuth();
  const { t, te, locale } = useI18n();
  const [status, setStatus] = useState<CaseStatus | 'ALL'>('ALL');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [page, setPage] = useState(0);
  const cases = useQuery({
    queryKey: ['cases', status, overdueOnly, page, auth.username],
    queryFn: () =>
      listCases({ page, size: PAGE_SIZE, ...(status === 'ALL' ? {} : { status }), ...(overdueOnly ? { overdue: true } : {}) }),
    placeholderData: keepPreviousData,
  });
  const eventLink = (c: CaseView) =>
    c.eventKind === 'LICENSE_DECISION' ? (
      <Link to={`/licenses/${c.eventId ?? ''}`}>{shortHash(c.eventId, 8)}</Link>
    ) : c.eventKind === 'RESULT_RELEASE' ? (
      <Link to={`/review/jobs/${c.eventId ?? ''}`}>{shortHash(c.eventId, 8)}</Link>
    ) : (
      <Link to={`/datasets/${c.eventId ?? ''}`}>{shortHash(c.eventId, 8)}</Link>
    );
  const columns: ColumnsType<CaseView> = [
    {
      title: t('colEvent'),
      key: 'event',
      render: (_, c) => (
        <span className="pdx-nowrap">
          {te('eventKind_', c.eventKind)} <code>{eventLink(c)}</code>
        </span>
      ),
    },
    {
      title: t('colLevel'),
      key: 'level',
      render: (_, c) =>
        c.level ? <Badge tone="red">{te('satisfaction_', c.level)}</Badge> : <Badge tone="purple">{te('caseOrigin_', c.origin)}</Badge>,
    },
    { title: t('colText'), key: 'text', render: (_, c) => <span className="pdx-detail">{c.text ?? '—'}</span> },
    { title: t('colOpened'), key: 'opened', render: (_, c) => <span className="pdx-nowrap">{formatDateTime(locale, c.openedAt)}</span> },
    {
      title: t('colDue'),
      key: 'due',
      render: (_, c) => (
        <Space size={4} className="pdx-nowrap">
          <span>{formatDate(c.answerDue)}</span>
          {c.overdue && (
            <span data-testid="case-overdue">
              <Badge tone="red">{t('overdue')}</Badge>
            </span>
          )}
        </Space>
      ),
    },
    {
      title: t('colCaseStatus'),
      key: 'status',
      render: (_, c) => (
        <Badge tone={c.status === 'ANSWERED' ? 'green' : 'orange'} {...(c.answer ? { title: c.answer } : {})}>
          {te('caseStatus_', c.status)}
        </Badge>
      ),
    },
    { title: '', key: 'actions', render: (_, c) => (can(c, 'answer') ? <AnswerCase item={c} /> : null) },
  ];
  return (
    <Page title={t('casesTitle')} intro={t('casesIntro')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Radio.Group
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as CaseStatus | 'ALL');
            setPage(0);
          }}
          optionType="button"
          options={[
            { value: 'ALL', label: t('all') },
            { value: 'OPEN', label: te('caseStatus_', 'OPEN') },
            { value: 'ANSWERED', label: te('caseStatus_', 'ANSWERED') },
          ]}
        />
        <Checkbox
          checked={overdueOnly}
          onChange={(e) => {
            setOverdueOnly(e.target.checked);
            setPage(0);
          }}
          data-testid="cases-overdue-only"
        >
          {t('casesOverdueOnly')}
        </Checkbox>
      </Space>
      {cases.isPending ? (
        <Loading />
      ) : cases.isError ? (
        <ProblemAlert error={cases.error} onRetry={() => void cases.refetch()} />
      ) : (
        <DataTable<CaseView>
          rowKey={(c) => c.id ?? ''}
          columns={columns}
          dataSource={cases.data.items ?? []}
          pagination={{
            current: page + 1,
            pageSize: PAGE_SIZE,
            total: cases.data.total ?? 0,
            showSizeChanger: false,
            onChange: (p) => setPage(p - 1),
          }}
          locale={{ emptyText: <EmptyState title={t('casesEmpty')} /> }}
          data-testid="cases-table"
        />
      )}
    </Page>
  );
}

/** The bureau's written answer to one case, confirmed before it is sent (it cannot be changed afterwards). */
function AnswerCase({ item }: { item: CaseView }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [answer, setAnswer] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const send = useMutation({
    mutationFn: () => answerCase(item.id ?? '', answer.trim()),
    onSuccess: () => {
      setOpen(false);
      setAnswer('');
      setProblem(null);
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
    onError: (e) => setProblem(problemOf(e)),
  });
  return (
    <>
      <Button size="small" type="primary" onClick={() => setOpen(true)} data-testid="case-answer">
        {t('caseAnswer')}
      </Button>
      <Modal
        open={open}
        title={t('caseAnswerTitle')}
        onCancel={() => setOpen(false)}
        footer={[
          <Button key="cancel" onClick={() => setOpen(false)}>
            {t('cancel')}
          </Button>,
          <Popconfirm key="send" title={t('caseAnswerConfirm')} okText={t('confirm')} cancelText={t('cancel')} onConfirm={() => send.mutate()}>
            <Button type="primary" disabled={answer.trim() === ''} loading={send.isPending} data-testid="case-answer-send">
              {t('caseAnswer')}
            </Button>
          </Popconfirm>,
        ]}
      >
        {item.text && <blockquote className="pdx-detail">{item.text}</blockquote>}
        <label htmlFor={`case-answer-${item.id}`}>{t('caseAnswerText')}</label>
        <Input.TextArea
          id={`case-answer-${item.id}`}
          rows={4}
          maxLength={MAX_ANSWER}
          value={answer}
          onChange={(e) => setAnswer(e.target.value)}
          data-testid="case-answer-text"
        />
        {problem && <ProblemAlert problem={problem} />}
      </Modal>
    </>
  );
}
