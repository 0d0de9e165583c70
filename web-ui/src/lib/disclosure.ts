// 年度披露: the years a disclosure may be prepared for, and what the console offers on a year's disclosure to whom.
import type { Role } from './jwt';

/** The first year a disclosure is prepared for (the API's AnnualDisclosures.FIRST_YEAR). */
export const FIRST_DISCLOSURE_YEAR = 2000;

/** The year now in the bureau's time zone (UTC+8): a year's disclosure may be drawn from its first day there. */
export function bureauYear(now: Date): number {
  return new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
}

/** The years offered for preparing, newest first: the current year (bureau time) back to 2000. */
export function disclosureYears(now: Date): number[] {
  const years: number[] = [];
  for (let y = bureauYear(now); y >= FIRST_DISCLOSURE_YEAR; y--) years.push(y);
  return years;
}

export interface DisclosureLike {
  status?: string | null;
  actions?: readonly string[] | null;
}

export interface DisclosureOffers {
  /** 编制: draw the draft (again); the bureau admin, while the year's disclosure is not published. */
  prepare: boolean;
  /** 发布: only when the server names it in the view's actions (the year is over, the caller may). */
  publish: boolean;
  /** A draft's documents are the bureau's only: fetched with its token, never a plain link. */
  withToken: boolean;
}

/** What the console offers on a year's disclosure (null: none drawn yet) to a user of these roles. */
export function disclosureOffers(view: DisclosureLike | null | undefined, roles: readonly Role[]): DisclosureOffers {
  const admin = roles.includes('bureau-admin');
  const published = view?.status === 'PUBLISHED';
  return {
    prepare: admin && !published,
    publish: view?.actions?.includes('publish') ?? false,
    withToken: !!view && !published,
  };
}
