// Whether an ACTIVE license is in force today: its term may begin later (an agreement accepted ahead of its term) or
// have ended before the nightly expiry ran. Read from the license's own fields (state, termStart, termEnd) in the
// bureau's calendar (Asia/Shanghai), as the API decides a job's admission (license_not_started, license_expired).

export type TermStatus = 'NOT_STARTED' | 'IN_FORCE' | 'ENDED';

/** Today in the bureau's calendar, YYYY-MM-DD. */
export function bureauToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** For an ACTIVE license: where today stands in its term; null for any other state (the state says it all). */
export function termStatus(
  license: { state?: string | null; termStart?: string | null; termEnd?: string | null },
  today: string = bureauToday(),
): TermStatus | null {
  if (license.state !== 'ACTIVE') return null;
  const start = (license.termStart ?? '').slice(0, 10);
  const end = (license.termEnd ?? '').slice(0, 10);
  if (start && today < start) return 'NOT_STARTED';
  if (end && today > end) return 'ENDED';
  return 'IN_FORCE';
}
