import { describe, expect, it } from 'vitest';
import { bureauToday, termStatus } from '../src/lib/licenseTerm';

describe('an ACTIVE license in its term', () => {
  it('is not in force before its first day, in force through its last, ended after', () => {
    const license = { state: 'ACTIVE', termStart: '2027-01-01', termEnd: '2027-12-31' };
    expect(termStatus(license, '2026-12-31')).toBe('NOT_STARTED');
    expect(termStatus(license, '2027-01-01')).toBe('IN_FORCE');
    expect(termStatus(license, '2027-12-31')).toBe('IN_FORCE');
    expect(termStatus(license, '2028-01-01')).toBe('ENDED');
  });

  it('says nothing of a license in another state', () => {
    expect(termStatus({ state: 'SUSPENDED', termStart: '2030-01-01', termEnd: '2030-12-31' }, '2026-12-08')).toBeNull();
  });

  it("counts days in the bureau's calendar (UTC+8)", () => {
    // 2026-12-31 17:00 UTC is already 2027-01-01 in Beijing
    expect(bureauToday(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(bureauToday(new Date('2026-12-31T15:59:00Z'))).toBe('2026-12-31');
  });
});
