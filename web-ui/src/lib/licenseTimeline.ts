// A license's status timeline, derived from its view (and, for the bureau, its audit events), and the
// four-eyes review state: whether this reviewer may decide is the server's answer (the view's actions);
// the explanation of a refusal is read from the view.
import { can } from './actions';

export interface LicenseLike {
  state?: string | null;
  applicant?: string | null;
  decisionOutcome?: string | null;
  reviewersRequired?: number | null;
  approvedBy?: string[] | null;
  rejectedBy?: string | null;
  rejectReason?: string | null;
  contractSha256?: string | null;
  acceptedBy?: string | null;
  createdAt?: string | null;
  updatedAt?: string | null;
  /** What this caller may do now (the server's answer). */
  actions?: readonly string[] | null;
}

export type StepStatus = 'finish' | 'process' | 'wait' | 'error';

export interface TimelineStep {
  key:
    | 'applied'
    | 'decided'
    | 'review'
    | 'approved'
    | 'accepted'
    | 'suspended'
    | 'revoked'
    | 'expired'
    | 'denied'
    | 'rejected';
  status: StepStatus;
  actor?: string;
  at?: string;
  /** Values for the step's words. */
  params?: Record<string, string | number>;
}

const AFTER_APPROVAL = ['APPROVED', 'ACTIVE', 'SUSPENDED', 'REVOKED', 'EXPIRED'];
const AFTER_ACCEPT = ['ACTIVE', 'SUSPENDED', 'REVOKED', 'EXPIRED'];

export function licenseTimeline(l: LicenseLike, events: { action?: string | null; at?: string | null; actor?: string | null }[] = []): TimelineStep[] {
  const state = l.state ?? 'APPLIED';
  const at = (needle: string): string | undefined => events.find((e) => (e.action ?? '').toUpperCase().includes(needle))?.at ?? undefined;
  const steps: TimelineStep[] = [];
  steps.push({ key: 'applied', status: 'finish', ...opt('actor', l.applicant), ...opt('at', l.createdAt) });
  const outcome = l.decisionOutcome ?? '';
  steps.push({
    key: 'decided',
    status: outcome === 'DENY' ? 'error' : outcome ? 'finish' : 'process',
    params: { outcome },
    ...opt('at', l.createdAt),
  });
  if (state === 'DENIED') {
    steps.push({ key: 'denied', status: 'error', ...opt('at', l.updatedAt) });
    return steps;
  }
  const reviewed = outcome === 'REVIEW' || state === 'IN_REVIEW' || (l.approvedBy ?? []).length > 0 || Boolean(l.rejectedBy);
  if (reviewed) {
    const done = (l.approvedBy ?? []).length;
    const required = Math.max(1, l.reviewersRequired ?? 1);
    steps.push({
      key: 'review',
      status: state === 'REJECTED' ? 'error' : state === 'IN_REVIEW' || state === 'APPLIED' ? 'process' : 'finish',
      params: { done, required },
      ...opt('actor', (l.approvedBy ?? []).join(', ') || undefined),
      ...opt('at', at('APPROVE')),
    });
  }
  if (state === 'REJECTED') {
    steps.push({
      key: 'rejected',
      status: 'error',
      params: { who: l.rejectedBy ?? '—', reason: l.rejectReason ?? '' },
      ...opt('actor', l.rejectedBy),
      ...opt('at', at('REJECT') ?? l.updatedAt),
    });
    return steps;
  }
  steps.push({ key: 'approved', status: AFTER_APPROVAL.includes(state) ? 'finish' : 'wait' });
  steps.push({
    key: 'accepted',
    status: AFTER_ACCEPT.includes(state) ? 'finish' : state === 'APPROVED' ? 'process' : 'wait',
    ...opt('actor', l.acceptedBy),
    ...opt('at', at('ACCEPT')),
  });
  if (state === 'SUSPENDED') steps.push({ key: 'suspended', status: 'error', ...opt('at', at('SUSPEND') ?? l.updatedAt) });
  if (state === 'REVOKED') steps.push({ key: 'revoked', status: 'error', ...opt('at', at('REVOKE') ?? l.updatedAt) });
  if (state === 'EXPIRED') steps.push({ key: 'expired', status: 'finish', ...opt('at', at('EXPIR') ?? l.updatedAt) });
  return steps;
}

function opt<K extends string>(key: K, v: string | null | undefined): Partial<Record<K, string>> {
  return v ? ({ [key]: v } as Record<K, string>) : {};
}

export interface ReviewerState {
  required: number;
  approvedBy: string[];
  stillNeeded: number;
  /** Whether the server lets this caller approve or reject now (its actions). */
  mayDecide: boolean;
  /**
   * 'may' when the server offers approve or reject; otherwise why not, where the view tells
   * (not a reviewer, not in review, own application, approved already), else 'not-offered'.
   */
  reason: 'may' | 'already-approved' | 'own-application' | 'not-in-review' | 'not-reviewer' | 'not-offered';
}

export function reviewerState(l: LicenseLike, user: string | null, isReviewer: boolean): ReviewerState {
  const approvedBy = l.approvedBy ?? [];
  const required = Math.max(1, l.reviewersRequired ?? 1);
  const stillNeeded = Math.max(0, required - approvedBy.length);
  const base = { required, approvedBy, stillNeeded };
  if (can(l, 'approve') || can(l, 'reject')) return { ...base, mayDecide: true, reason: 'may' };
  const no = (reason: ReviewerState['reason']): ReviewerState => ({ ...base, mayDecide: false, reason });
  if (!isReviewer || !user) return no('not-reviewer');
  if (l.state !== 'IN_REVIEW') return no('not-in-review');
  if (l.applicant === user) return no('own-application');
  if (approvedBy.includes(user)) return no('already-approved');
  return no('not-offered');
}
