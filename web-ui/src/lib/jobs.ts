// Sandbox job states: which are final, how often to look again.

export const FINAL_JOB_STATES = ['RELEASED', 'REJECTED', 'FAILED', 'CANCELLED'] as const;

export function isFinalJobState(state: string | undefined | null): boolean {
  return (FINAL_JOB_STATES as readonly string[]).includes(state ?? '');
}

/** Milliseconds until the next look at a job in this state; false when it will not change by itself. */
export function jobPollInterval(state: string | undefined | null): number | false {
  if (!state) return 1000;
  if (isFinalJobState(state)) return false;
  if (state === 'AWAITING_RELEASE') return 5000;
  return 750;
}

/** The list's interval: the shortest of its jobs'. */
export function jobsPollInterval(states: (string | undefined | null)[]): number | false {
  const intervals = states.map(jobPollInterval).filter((i): i is number => i !== false);
  return intervals.length === 0 ? false : Math.min(...intervals);
}
