// Badges with their meaning: grades, column tags, states. Colours chosen for 4.5:1 contrast.
import type { ReactNode } from 'react';
import { Tooltip } from 'antd';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages';
import { termStatus } from '../lib/licenseTerm';

export type Tone = 'blue' | 'green' | 'orange' | 'red' | 'gray' | 'purple' | 'cyan';

const TONES: Record<Tone, { color: string; background: string; border: string }> = {
  blue: { color: '#003a8c', background: '#e6f4ff', border: '#91caff' },
  green: { color: '#135200', background: '#f6ffed', border: '#b7eb8f' },
  orange: { color: '#873800', background: '#fff7e6', border: '#ffd591' },
  red: { color: '#820014', background: '#fff1f0', border: '#ffa39e' },
  gray: { color: '#262626', background: '#f5f5f5', border: '#d9d9d9' },
  purple: { color: '#22075e', background: '#f9f0ff', border: '#d3adf7' },
  cyan: { color: '#00474f', background: '#e6fffb', border: '#87e8de' },
};

export function Badge({ tone, children, title }: { tone: Tone; children: ReactNode; title?: string }) {
  const c = TONES[tone];
  const badge = (
    <span
      className="pdx-badge"
      style={{ color: c.color, background: c.background, borderColor: c.border }}
      {...(title ? { tabIndex: 0, 'aria-label': `${String(children)}: ${title}` } : {})}
    >
      {children}
    </span>
  );
  return title ? <Tooltip title={title}>{badge}</Tooltip> : badge;
}

const GRADE_TONE: Record<string, Tone> = { GENERAL: 'green', IMPORTANT: 'orange', CORE: 'red' };

export function GradeTag({ grade, withHelp = true }: { grade: string | undefined | null; withHelp?: boolean }) {
  const { t, te } = useI18n();
  if (!grade) return <span>{t('unknown')}</span>;
  const help = withHelp ? te('gradeHelp_', grade) : undefined;
  return (
    <Badge tone={GRADE_TONE[grade] ?? 'gray'} {...(help && help !== grade ? { title: help } : {})}>
      {te('grade_', grade)}
    </Badge>
  );
}

export function GradeLegend() {
  const { t, te } = useI18n();
  return (
    <section aria-labelledby="grade-legend" className="pdx-legend">
      <h2 id="grade-legend" className="pdx-legend-title">
        {t('gradeLegend')}
      </h2>
      <dl>
        {['GENERAL', 'IMPORTANT', 'CORE'].map((g) => (
          <div key={g} className="pdx-legend-row">
            <dt>
              <GradeTag grade={g} withHelp={false} />
            </dt>
            <dd>{te('gradeHelp_', g)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

const TAG_TONE: Record<string, Tone> = {
  IDENTIFIER: 'red',
  QUASI_IDENTIFIER: 'orange',
  SENSITIVE: 'purple',
  ATTRIBUTE: 'blue',
  METRIC: 'cyan',
};

export function ColumnTagBadge({ tag }: { tag: string | undefined | null }) {
  const { t, te } = useI18n();
  if (!tag) return <span>{t('unknown')}</span>;
  return (
    <Badge tone={TAG_TONE[tag] ?? 'gray'} title={te('tagHelp_', tag)}>
      {te('tag_', tag)}
    </Badge>
  );
}

export function TagLegend() {
  const { t, te } = useI18n();
  return (
    <section aria-labelledby="tag-legend" className="pdx-legend">
      <h3 id="tag-legend" className="pdx-legend-title">
        {t('tagLegend')}
      </h3>
      <dl>
        {Object.keys(TAG_TONE).map((tag) => (
          <div key={tag} className="pdx-legend-row">
            <dt>
              <Badge tone={TAG_TONE[tag] ?? 'gray'}>{te('tag_', tag)}</Badge>
            </dt>
            <dd>{te('tagHelp_', tag)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

const LICENSE_TONE: Record<string, Tone> = {
  APPLIED: 'gray',
  IN_REVIEW: 'blue',
  APPROVED: 'cyan',
  ACTIVE: 'green',
  DENIED: 'red',
  REJECTED: 'red',
  SUSPENDED: 'orange',
  REVOKED: 'red',
  EXPIRED: 'gray',
};

/**
 * A license's state; with its term given, an ACTIVE license whose term has not begun reads 未生效 with its first day
 * (and one whose term has ended, before the nightly expiry, 已到期).
 */
export function LicenseStateTag({ state, termStart, termEnd }: { state: string | undefined | null; termStart?: string | null; termEnd?: string | null }) {
  const { t, te } = useI18n();
  const term = termStart !== undefined ? termStatus({ state, termStart, termEnd }) : null;
  if (term === 'NOT_STARTED') {
    return (
      <span data-testid="license-not-started">
        <Badge tone="blue">{t('licenseNotStarted', { date: (termStart ?? '').slice(0, 10) })}</Badge>
      </span>
    );
  }
  if (term === 'ENDED') return <Badge tone="gray">{te('state_', 'EXPIRED')}</Badge>;
  return <Badge tone={LICENSE_TONE[state ?? ''] ?? 'gray'}>{te('state_', state)}</Badge>;
}

const JOB_TONE: Record<string, Tone> = {
  QUEUED: 'gray',
  ADMITTED: 'blue',
  RUNNING: 'blue',
  SUCCEEDED: 'cyan',
  AWAITING_RELEASE: 'orange',
  RELEASED: 'green',
  REJECTED: 'red',
  FAILED: 'red',
  CANCELLED: 'gray',
};

export function JobStateTag({ state }: { state: string | undefined | null }) {
  const { te } = useI18n();
  return <Badge tone={JOB_TONE[state ?? ''] ?? 'gray'}>{te('jobState_', state)}</Badge>;
}

const ORG_TONE: Record<string, Tone> = { UNVERIFIED: 'orange', VERIFIED: 'green', SUSPENDED: 'red' };

export function OrgStatusTag({ status }: { status: string | undefined | null }) {
  const { te } = useI18n();
  return <Badge tone={ORG_TONE[status ?? ''] ?? 'gray'}>{te('orgStatus_', status)}</Badge>;
}

const REG_TONE: Record<string, Tone> = {
  DRAFT: 'gray',
  SUBMITTED: 'blue',
  RETURNED: 'orange',
  PUBLICITY: 'purple',
  REGISTERED: 'green',
  SUPERSEDED: 'gray',
  CANCELLED: 'red',
};

export function RegistrationTag({ status }: { status: string | undefined | null }) {
  const { te } = useI18n();
  return <Badge tone={REG_TONE[status ?? ''] ?? 'gray'}>{te('regStatus_', status)}</Badge>;
}

const OBJECTION_TONE: Record<string, Tone> = { OPEN: 'orange', UPHOLD_PROPOSED: 'purple', UPHELD: 'red', DISMISSED: 'gray' };

export function ObjectionStatusTag({ status }: { status: string | undefined | null }) {
  const { te } = useI18n();
  return <Badge tone={OBJECTION_TONE[status ?? ''] ?? 'gray'}>{te('objectionStatus_', status)}</Badge>;
}

const CERTIFICATE_TONE: Record<string, Tone> = { VALID: 'green', SUPERSEDED: 'orange', CANCELLED: 'red', UNKNOWN: 'gray' };

export function CertificateStatusTag({ status }: { status: string | undefined | null }) {
  const { te } = useI18n();
  return (
    <span data-testid="certificate-status" data-status={status ?? ''}>
      <Badge tone={CERTIFICATE_TONE[status ?? ''] ?? 'gray'}>{te('certStatus_', status)}</Badge>
    </span>
  );
}

export function UseBadges({ uses }: { uses: string[] | null | undefined }) {
  const { te } = useI18n();
  return (
    <span className="pdx-badges">
      {(uses ?? []).map((u) => (
        <Badge key={u} tone="gray">
          {te('use_', u)}
        </Badge>
      ))}
    </span>
  );
}

export type { MessageKey };
