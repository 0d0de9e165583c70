// 证书核验: anyone enters a registration certificate's code (or opens /verify?code=…) and reads its status
// now (valid, superseded with what replaced it, cancelled, unknown), the signed facts, the key id and the
// signature, with the PDF, the platform's public key and the OpenSSL command to check it offline.
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Row, Space, Typography } from 'antd';
import { DownloadOutlined, KeyOutlined } from '@ant-design/icons';
import { certificatePdfUrl, certificatePublicKeyUrl, verifyCertificate } from '../api/endpoints';
import type { CertificateVerification, RegistrationCertificate } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages';
import { formatDateTime } from '../lib/format';
import { normalizeCertificateCode, offlineVerifyCommands, verificationOutcome } from '../lib/registration';
import { pickLanguage } from '../lib/problem';
import { CodeBlock } from '../components/CodeBlock';
import { Page } from '../components/Page';
import { Loading } from '../components/QueryView';
import { ProblemAlert } from '../components/ProblemAlert';
import { CertificateStatusTag, GradeTag } from '../components/Tags';

const FACTS: (keyof RegistrationCertificate)[] = [
  'code',
  'registrationType',
  'amendsCode',
  'nameZh',
  'nameEn',
  'version',
  'holderName',
  'holderCreditCode',
  'grade',
  'category',
  'spatialCoverage',
  'updateFrequency',
  'publicityStartedAt',
  'publicityEndedAt',
  'registeredAt',
  'issuer',
];

export default function VerifyPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const code = normalizeCertificateCode(params.get('code'));
  const [typed, setTyped] = useState(code);
  useEffect(() => setTyped(code), [code]);
  const verification = useQuery({
    queryKey: ['certificate', code],
    queryFn: () => verifyCertificate(code),
    enabled: code !== '',
    retry: false,
  });
  const outcome = verificationOutcome(verification.data, verification.error ?? undefined);
  const submit = () => {
    const c = normalizeCertificateCode(typed);
    setParams(c ? { code: c } : {});
  };

  return (
    <Page title={t('verifyTitle')} intro={t('verifyIntro')}>
      <Form layout="vertical" onFinish={submit} style={{ maxWidth: 560 }}>
        <Form.Item label={t('certificateCode')} htmlFor="certificate-code">
          <Space.Compact style={{ width: '100%' }}>
            <Input
              id="certificate-code"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              placeholder="PDX-350100-2026-000001"
              autoComplete="off"
              spellCheck={false}
              data-testid="certificate-code"
            />
            <Button type="primary" htmlType="submit" data-testid="verify-certificate">
              {t('verifyButton')}
            </Button>
          </Space.Compact>
        </Form.Item>
      </Form>
      {code !== '' && verification.isPending && <Loading />}
      {verification.isError && outcome === null && <ProblemAlert error={verification.error} onRetry={() => void verification.refetch()} />}
      {outcome === 'UNKNOWN' && (
        <Alert
          type="warning"
          showIcon
          role="status"
          title={
            <Space wrap>
              <CertificateStatusTag status="UNKNOWN" />
              <span>{t('certHelp_UNKNOWN', { code })}</span>
            </Space>
          }
          data-testid="certificate-unknown"
        />
      )}
      {verification.data && outcome && outcome !== 'UNKNOWN' && <Verification v={verification.data} code={code} />}
    </Page>
  );
}

function Verification({ v, code }: { v: CertificateVerification; code: string }) {
  const { t, te, locale } = useI18n();
  const c = v.certificate;
  const origin = typeof window === 'undefined' ? 'http://127.0.0.1:8080' : window.location.origin;
  const fact = (k: keyof RegistrationCertificate) => {
    const value = c[k];
    if (value === null || value === undefined || value === '') return null;
    switch (k) {
      case 'grade':
        return <GradeTag grade={value} />;
      case 'registrationType':
        return te('regType_', value);
      case 'updateFrequency':
        return te('freq_', value);
      case 'publicityStartedAt':
      case 'publicityEndedAt':
      case 'registeredAt':
        return formatDateTime(locale, value);
      case 'issuer':
        return pickLanguage(value, locale);
      case 'amendsCode':
        return <Link to={`/verify?code=${encodeURIComponent(value)}`}>{value}</Link>;
      case 'code':
      case 'holderCreditCode':
        return <code>{value}</code>;
      default:
        return value;
    }
  };
  return (
    <div className="pdx-stack" data-testid="certificate-verification">
      <Alert
        type={v.status === 'VALID' ? 'success' : v.status === 'SUPERSEDED' ? 'warning' : 'error'}
        showIcon
        role="status"
        title={
          <Space wrap>
            <CertificateStatusTag status={v.status} />
            <code>{v.code ?? code}</code>
          </Space>
        }
        description={
          <Space orientation="vertical" size={4}>
            <span>{t(`certHelp_${v.status}` as MessageKey)}</span>
            {v.replacedBy && (
              <span>
                {t('replacedBy')}:{' '}
                <Link to={`/verify?code=${encodeURIComponent(v.replacedBy)}`} data-testid="replaced-by">
                  {v.replacedBy}
                </Link>
              </span>
            )}
          </Space>
        }
      />
      <Space wrap>
        <Button icon={<DownloadOutlined />} href={certificatePdfUrl(v.code ?? code)} target="_blank" rel="noopener" data-testid="certificate-pdf">
          {t('downloadPdf')}
        </Button>
        <Button icon={<KeyOutlined />} href={certificatePublicKeyUrl} target="_blank" rel="noopener" data-testid="certificate-public-key">
          {t('publicKey')}
        </Button>
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={<h2 className="pdx-card-title">{t('certificateFacts')}</h2>}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="certificate-facts">
              {FACTS.filter((k) => fact(k) !== null).map((k) => (
                <Descriptions.Item key={k} label={te('certField_', k)}>
                  <span className="pdx-break-word">{fact(k)}</span>
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={<h2 className="pdx-card-title">{t('signatureTitle')}</h2>}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('algorithm')}>{v.algorithm}</Descriptions.Item>
              <Descriptions.Item label={t('keyId')}>
                <code data-testid="certificate-key-id">{v.keyId}</code>
              </Descriptions.Item>
              <Descriptions.Item label={t('signatureValue')}>
                <code className="pdx-break-word" data-testid="certificate-signature">
                  {v.signature}
                </code>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>
      <Card title={<h2 className="pdx-card-title">{t('canonicalJson')}</h2>}>
        <CodeBlock code={v.canonical} label={t('canonicalJson')} />
      </Card>
      <Card title={<h2 className="pdx-card-title">{t('verifyOffline')}</h2>}>
        <Typography.Paragraph>{t('verifyOfflineHint')}</Typography.Paragraph>
        <CodeBlock code={offlineVerifyCommands(origin, v.code ?? code)} label={t('verifyOffline')} />
      </Card>
    </div>
  );
}
