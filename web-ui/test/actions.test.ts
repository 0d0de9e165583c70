import { describe, expect, it } from 'vitest';
import type { DatasetSummary, JobView, LicenseView, ObjectionView, OrganizationView } from '../src/api/types';
import { can } from '../src/lib/actions';

describe('can: the server says which actions a caller may take', () => {
  it('is true exactly for the actions the view names', () => {
    const license: LicenseView = { state: 'IN_REVIEW', actions: ['approve', 'reject'] };
    expect(can(license, 'approve')).toBe(true);
    expect(can(license, 'reject')).toBe(true);
    expect(can(license, 'accept')).toBe(false);
    expect(can(license, 'revoke')).toBe(false);
  });

  it('does not look at states or roles: an empty list offers nothing, whatever the state', () => {
    const job: JobView = { state: 'AWAITING_RELEASE', actions: [], joinedLicenseIds: [], tableIds: [] };
    expect(can(job, 'release')).toBe(false);
    const queued: JobView = { state: 'QUEUED', actions: ['cancel'], joinedLicenseIds: [], tableIds: [] };
    expect(can(queued, 'cancel')).toBe(true);
    const dataset: DatasetSummary = { status: 'REGISTERED', registrationType: 'INITIAL', actions: ['return'] };
    expect(can(dataset, 'return')).toBe(true);
    expect(can(dataset, 'register')).toBe(false);
  });

  it('offers nothing when there is no resource or no actions (an older answer)', () => {
    expect(can(undefined as OrganizationView | undefined, 'verify')).toBe(false);
    expect(can(null as OrganizationView | null, 'verify')).toBe(false);
    expect(can({ status: 'UNVERIFIED' } as unknown as OrganizationView, 'verify')).toBe(false);
    expect(can({ actions: null }, 'verify')).toBe(false);
  });

  it("takes only the resource's own action names (checked by tsc)", () => {
    const org: OrganizationView = { status: 'VERIFIED', actions: ['suspend'] };
    expect(can(org, 'suspend')).toBe(true);
    // @ts-expect-error an organization has no 'approve'
    expect(can(org, 'approve')).toBe(false);
    const job: JobView = { actions: ['cancel'], joinedLicenseIds: [], tableIds: [] };
    // @ts-expect-error a job is released, not registered
    expect(can(job, 'register')).toBe(false);
    const license: LicenseView = { actions: [] };
    // @ts-expect-error a license is not cancelled
    expect(can(license, 'cancel')).toBe(false);
    const dataset: DatasetSummary = { registrationType: 'INITIAL', actions: ['submit'] };
    // @ts-expect-error a dataset is not verified
    expect(can(dataset, 'verify')).toBe(false);
    const objection: ObjectionView = { status: 'OPEN', actions: ['uphold', 'dismiss'] };
    expect(can(objection, 'dismiss')).toBe(true);
    expect(can(objection, 'confirm')).toBe(false);
    // @ts-expect-error an objection is answered, not registered
    expect(can(objection, 'register')).toBe(false);
    const publicity: DatasetSummary = { status: 'PUBLICITY', registrationType: 'INITIAL', actions: ['register'] };
    expect(can(publicity, 'register')).toBe(true);
    expect(can(publicity, 'accept')).toBe(false);
    // @ts-expect-error not an action at all
    expect(can({ actions: ['approve'] }, 'x')).toBe(false);
  });
});
