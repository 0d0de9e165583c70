import { describe, expect, it } from 'vitest';
import { licenseTimeline, reviewerState } from '../src/lib/licenseTimeline';

describe('license timeline', () => {
  it('秒批: applied, decided, approved, accepted — no review step', () => {
    const steps = licenseTimeline({ state: 'ACTIVE', decisionOutcome: 'AUTO_APPROVE', applicant: 'operator-a', acceptedBy: 'operator-a', createdAt: '2026-11-01T00:00:00Z' });
    expect(steps.map((s) => [s.key, s.status])).toEqual([
      ['applied', 'finish'],
      ['decided', 'finish'],
      ['approved', 'finish'],
      ['accepted', 'finish'],
    ]);
  });

  it('two reviewers: the review step counts approvals and is in progress', () => {
    const steps = licenseTimeline({ state: 'IN_REVIEW', decisionOutcome: 'REVIEW', reviewersRequired: 2, approvedBy: ['reviewer-1'] });
    const review = steps.find((s) => s.key === 'review');
    expect(review).toMatchObject({ status: 'process', params: { done: 1, required: 2 }, actor: 'reviewer-1' });
    expect(steps.find((s) => s.key === 'accepted')?.status).toBe('wait');
  });

  it('a rejection ends the timeline with who and why; a denial right after the decision', () => {
    const rejected = licenseTimeline({ state: 'REJECTED', decisionOutcome: 'REVIEW', rejectedBy: 'reviewer-2', rejectReason: '用途不明' });
    expect(rejected[rejected.length - 1]).toMatchObject({ key: 'rejected', status: 'error', params: { who: 'reviewer-2', reason: '用途不明' } });
    const denied = licenseTimeline({ state: 'DENIED', decisionOutcome: 'DENY' });
    expect(denied.map((s) => s.key)).toEqual(['applied', 'decided', 'denied']);
  });

  it('takes times from audit events when the bureau can read them', () => {
    const steps = licenseTimeline({ state: 'SUSPENDED', decisionOutcome: 'AUTO_APPROVE' }, [
      { action: 'LICENSE_ACCEPT', at: '2026-11-02T00:00:00Z' },
      { action: 'LICENSE_SUSPEND', at: '2026-11-03T00:00:00Z' },
    ]);
    expect(steps.find((s) => s.key === 'accepted')?.at).toBe('2026-11-02T00:00:00Z');
    expect(steps[steps.length - 1]).toMatchObject({ key: 'suspended', at: '2026-11-03T00:00:00Z' });
  });
});

describe('four-eyes reviewer state', () => {
  // As the server answers a reviewer who may not decide (actions empty), and one who may.
  const license = { state: 'IN_REVIEW', applicant: 'operator-a', reviewersRequired: 2, approvedBy: ['reviewer-1'], actions: [] as string[] };
  const offered = { ...license, actions: ['approve', 'reject'] };
  it('lets a reviewer decide when the server offers approve or reject, and says how many are still needed', () => {
    expect(reviewerState(offered, 'reviewer-2', true)).toMatchObject({ mayDecide: true, stillNeeded: 1, reason: 'may' });
    expect(reviewerState({ ...license, actions: ['reject'] }, 'reviewer-2', true)).toMatchObject({ mayDecide: true, reason: 'may' });
  });
  it('explains why not to a reviewer who approved already, and to the applicant', () => {
    expect(reviewerState(license, 'reviewer-1', true)).toMatchObject({ mayDecide: false, reason: 'already-approved' });
    expect(reviewerState(license, 'operator-a', true)).toMatchObject({ mayDecide: false, reason: 'own-application' });
  });
  it('offers nothing outside review or to non-reviewers', () => {
    expect(reviewerState({ ...license, state: 'APPROVED' }, 'reviewer-2', true).reason).toBe('not-in-review');
    expect(reviewerState(license, 'reviewer-2', false).reason).toBe('not-reviewer');
    expect(reviewerState({ state: 'IN_REVIEW' }, 'reviewer-2', true)).toMatchObject({ mayDecide: false });
  });
  it('follows the server, not its own reading of the view', () => {
    // Nothing in the view explains the refusal: the server's word stands, with no hint.
    expect(reviewerState(license, 'reviewer-2', true)).toMatchObject({ mayDecide: false, reason: 'not-offered' });
    // The server allows what the view alone would have refused.
    expect(reviewerState({ ...offered, approvedBy: [] }, 'operator-a', true)).toMatchObject({ mayDecide: true, reason: 'may' });
    expect(reviewerState(offered, 'reviewer-1', false)).toMatchObject({ mayDecide: true, reason: 'may' });
  });
});
