// 主体登记: an operator registers its enterprise; the 统一社会信用代码 is checked as it is typed.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input } from 'antd';
import { getOrganization, registerOrganization } from '../api/endpoints';
import type { OrganizationRequest } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages';
import { EMAIL, PHONE, problemToFields } from '../lib/forms';
import { formatDateTime } from '../lib/format';
import { isApiError, problemOf, type Problem } from '../lib/problem';
import { checkUscc, type UsccCheck } from '../lib/uscc';
import { Page } from '../components/Page';
import { Loading } from '../components/QueryView';
import { ProblemAlert } from '../components/ProblemAlert';
import { OrgStatusTag } from '../components/Tags';
import { RequireRole } from '../components/RequireRole';

const FIELDS = ['name', 'uscc', 'legalRepresentative', 'contactName', 'contactPhone', 'contactEmail'];

export function usccMessage(check: UsccCheck, t: (k: MessageKey, p?: Record<string, string | number>) => string): string {
  switch (check.state) {
    case 'empty':
      return t('usccEmpty');
    case 'incomplete':
      return t('usccIncomplete', { length: check.length });
    case 'too-long':
      return t('usccTooLong', { length: check.length });
    case 'bad-symbol':
      return t('usccBadSymbol', { position: check.position, symbol: check.symbol });
    case 'bad-check':
      return t('usccBadCheck', { expected: check.expected, actual: check.actual });
    case 'valid':
      return t('usccValid');
  }
}

export default function OrganizationPage() {
  return (
    <RequireRole roles={['operator', 'bureau-admin']}>
      <OrganizationContent />
    </RequireRole>
  );
}

function OrganizationContent() {
  const auth = useAuth();
  const { t, locale } = useI18n();
  const org = auth.organization;
  const current = useQuery({
    queryKey: ['organization', org],
    queryFn: () => getOrganization(org ?? ''),
    enabled: Boolean(org),
    retry: false,
  });
  const notFound = current.isError && isApiError(current.error) && current.error.problem.status === 404;

  return (
    <Page title={t('orgTitle')} intro={t('orgIntro')}>
      {org && current.isPending && <Loading />}
      {current.isSuccess && (
        <Card title={<h2 className="pdx-card-title">{t('orgCurrent')}</h2>} data-testid="org-current">
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('orgName')}>{current.data.name}</Descriptions.Item>
            <Descriptions.Item label={t('orgUscc')}>
              <code>{current.data.id}</code>
            </Descriptions.Item>
            <Descriptions.Item label={t('status')}>
              <OrgStatusTag status={current.data.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('orgLegalRep')}>{current.data.legalRepresentative}</Descriptions.Item>
            <Descriptions.Item label={t('orgContactName')}>{current.data.contactName}</Descriptions.Item>
            <Descriptions.Item label={t('orgContactPhone')}>{current.data.contactPhone}</Descriptions.Item>
            <Descriptions.Item label={t('orgContactEmail')}>{current.data.contactEmail}</Descriptions.Item>
            <Descriptions.Item label={t('createdAt')}>{formatDateTime(locale, current.data.createdAt)}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {current.isError && !notFound && <ProblemAlert error={current.error} onRetry={() => void current.refetch()} />}
      {(!org || notFound) && <RegisterForm defaultUscc={org ?? ''} />}
    </Page>
  );
}

function RegisterForm({ defaultUscc }: { defaultUscc: string }) {
  const { t } = useI18n();
  const [form] = Form.useForm<OrganizationRequest>();
  const uscc = Form.useWatch('uscc', form) ?? defaultUscc;
  const check = checkUscc(uscc);
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<Problem | null>(null);

  const mutation = useMutation({
    mutationFn: (values: OrganizationRequest) => registerOrganization({ ...values, uscc: (values.uscc ?? '').trim().toUpperCase() }),
    onSuccess: () => {
      setProblem(null);
      void queryClient.invalidateQueries({ queryKey: ['organization'] });
    },
    onError: (e) => {
      const p = problemOf(e);
      setProblem(p);
      const { fields } = problemToFields(p, FIELDS);
      form.setFields(fields as Parameters<typeof form.setFields>[0]);
    },
  });

  const usccStatus = check.state === 'valid' ? 'success' : check.state === 'empty' || check.state === 'incomplete' ? 'validating' : 'error';

  return (
    <Card title={<h2 className="pdx-card-title">{t('orgRegister')}</h2>} style={{ marginTop: 16 }}>
      {mutation.isSuccess && <Alert type="success" showIcon title={t('orgRegistered')} style={{ marginBottom: 16 }} />}
      {problem && (
        <div style={{ marginBottom: 16 }}>
          <ProblemAlert problem={problem} compact />
        </div>
      )}
      {defaultUscc && <Alert type="info" showIcon title={t('orgTokenHint', { org: defaultUscc })} style={{ marginBottom: 16 }} />}
      <Form<OrganizationRequest>
        form={form}
        layout="vertical"
        initialValues={{ uscc: defaultUscc }}
        onFinish={(v) => mutation.mutate(v)}
        requiredMark
        style={{ maxWidth: 640 }}
        data-testid="org-form"
      >
        <Form.Item name="name" label={t('orgName')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 200 }]}>
          <Input autoComplete="organization" />
        </Form.Item>
        <Form.Item
          name="uscc"
          label={t('orgUscc')}
          normalize={(v: string | undefined) => (v ?? '').toUpperCase()}
          validateStatus={usccStatus === 'validating' ? '' : usccStatus}
          help={<span data-testid="uscc-help" aria-live="polite">{usccMessage(check, t)}</span>}
          rules={[
            {
              validator: async (_, value: string | undefined) => {
                const c = checkUscc(value ?? '');
                if (c.state !== 'valid') throw new Error(usccMessage(c, t));
              },
            },
          ]}
        >
          <Input
            maxLength={20}
            autoComplete="off"
            spellCheck={false}
            style={{ fontFamily: 'monospace' }}
          />
        </Form.Item>
        <Form.Item name="legalRepresentative" label={t('orgLegalRep')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="contactName" label={t('orgContactName')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('orgContactPhone')}
          rules={[{ required: true, message: t('required') }, { pattern: PHONE, message: t('invalidPhone') }]}
        >
          <Input autoComplete="tel" inputMode="tel" />
        </Form.Item>
        <Form.Item
          name="contactEmail"
          label={t('orgContactEmail')}
          rules={[{ required: true, message: t('required') }, { pattern: EMAIL, message: t('invalidEmail') }]}
        >
          <Input autoComplete="email" inputMode="email" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="org-submit">
          {t('orgRegister')}
        </Button>
      </Form>
    </Card>
  );
}
