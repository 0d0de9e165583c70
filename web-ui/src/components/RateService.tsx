// 好差评: the person served rates a decided service event (评价, five levels and a comment) once, or complains about
// it (投诉). A poor rating or a complaint opens a case the bureau answers within its working days. Shown to the
// roles the policy lets rate (operator, developer, provider); whether this caller was served by this event is the
// server's answer (404 otherwise).
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Modal, Radio, Space } from 'antd';
import { createComplaint, createRating, listRatings } from '../api/endpoints';
import type { SatisfactionLevel, ServiceEventKind } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../i18n/I18nContext';
import { formatDate } from '../lib/format';
import { problemOf, type Problem } from '../lib/problem';
import { ProblemAlert } from './ProblemAlert';
import { Badge } from './Tags';

const LEVELS: readonly SatisfactionLevel[] = ['VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'VERY_DISSATISFIED'];
const POOR: readonly SatisfactionLevel[] = ['DISSATISFIED', 'VERY_DISSATISFIED'];
const MAX_COMMENT = 1000;
const MAX_COMPLAINT = 2000;

export function RateService({ eventKind, eventId }: { eventKind: ServiceEventKind; eventId: string }) {
  const auth = useAuth();
  const { t, te } = useI18n();
  const served = auth.hasRole('operator', 'developer', 'provider');
  const mine = useQuery({
    queryKey: ['ratings', eventKind, eventId, auth.username],
    queryFn: () => listRatings({ eventKind, eventId, size: 50 }),
    enabled: served && eventId !== '',
  });
  if (!served || eventId === '') return null;
  const rating = (mine.data?.items ?? []).find((r) => r.ratedBy === auth.username);
  return (
    <Space wrap data-testid="rate-service">
      {rating ? (
        <span data-testid="my-rating">
          <Badge tone={rating.caseId ? 'orange' : 'green'}>{t('yourRating', { level: te('satisfaction_', rating.level) })}</Badge>
          {rating.caseId && <Badge tone="orange">{t('ratingCaseOpened')}</Badge>}
        </span>
      ) : (
        mine.isSuccess && <RateButton eventKind={eventKind} eventId={eventId} />
      )}
      <ComplainLink eventKind={eventKind} eventId={eventId} />
    </Space>
  );
}

function RateButton({ eventKind, eventId }: { eventKind: ServiceEventKind; eventId: string }) {
  const { t, te } = useI18n();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [level, setLevel] = useState<SatisfactionLevel | null>(null);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const rate = useMutation({
    mutationFn: () => {
      const text = comment.trim();
      return createRating({ eventKind, eventId, level: level ?? 'SATISFIED', ...(text ? { comment: text } : {}) });
    },
    onSuccess: () => {
      setOpen(false);
      setProblem(null);
      void queryClient.invalidateQueries({ queryKey: ['ratings', eventKind, eventId] });
    },
    onError: (e) => setProblem(problemOf(e)),
  });
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="rate-open">
        {t('rate')}
      </Button>
      <Modal
        open={open}
        title={t('rateTitle')}
        okText={t('rateSubmit')}
        okButtonProps={{ disabled: level === null, loading: rate.isPending }}
        cancelText={t('cancel')}
        onOk={() => rate.mutate()}
        onCancel={() => setOpen(false)}
      >
        <fieldset style={{ border: 0, padding: 0, margin: '0 0 12px' }}>
          <legend>{t('rateLevel')}</legend>
          <Radio.Group
            value={level}
            onChange={(e) => setLevel(e.target.value as SatisfactionLevel)}
            options={LEVELS.map((l) => ({ value: l, label: te('satisfaction_', l) }))}
            data-testid="rate-level"
          />
        </fieldset>
        {level && POOR.includes(level) && <p className="pdx-subtle-dark">{t('ratePoorHint')}</p>}
        <label htmlFor={`rate-comment-${eventId}`}>{t('rateComment')}</label>
        <Input.TextArea
          id={`rate-comment-${eventId}`}
          rows={3}
          maxLength={MAX_COMMENT}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          data-testid="rate-comment"
        />
        {problem && <ProblemAlert problem={problem} />}
      </Modal>
    </>
  );
}

function ComplainLink({ eventKind, eventId }: { eventKind: ServiceEventKind; eventId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const complain = useMutation({
    mutationFn: () => createComplaint({ eventKind, eventId, text: text.trim() }),
    onSuccess: (opened) => {
      setOpen(false);
      setText('');
      setProblem(null);
      void message.success(t('complaintOpened', { due: formatDate(opened.answerDue) }));
    },
    onError: (e) => setProblem(problemOf(e)),
  });
  return (
    <>
      <Button type="link" size="small" onClick={() => setOpen(true)} data-testid="complain-open">
        {t('complain')}
      </Button>
      <Modal
        open={open}
        title={t('complainTitle')}
        okText={t('complainSubmit')}
        okButtonProps={{ disabled: text.trim() === '', loading: complain.isPending }}
        cancelText={t('cancel')}
        onOk={() => complain.mutate()}
        onCancel={() => setOpen(false)}
      >
        <label htmlFor={`complaint-${eventId}`}>{t('complainText')}</label>
        <Input.TextArea
          id={`complaint-${eventId}`}
          rows={4}
          maxLength={MAX_COMPLAINT}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="complain-text"
        />
        {problem && <ProblemAlert problem={problem} />}
      </Modal>
    </>
  );
}
