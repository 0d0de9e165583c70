// The console's menu by role, and how much of the header it may take: pure, so that each role's line can be tested.
import type { MessageKey } from '../i18n/messages';
import type { Role } from './jwt';

/** A sub-menu of the header: the bureau's pages besides its review queue, so that its menu stays one line. */
export type NavGroup = 'oversight';

export interface NavItem {
  path: string;
  label: MessageKey;
  roles?: Role[];
  group?: NavGroup;
  /** Stands in the header only while the line has room (MAX_LINE entries); the footer links it on every page anyway. */
  spare?: boolean;
}

export const GROUP_LABEL: Record<NavGroup, MessageKey> = { oversight: 'navOversight' };

const BUREAU: Role[] = ['bureau-reviewer', 'bureau-admin'];
/** The bureau and the regulator (监管), who reads across organizations and changes nothing. */
const OVERSIGHT: Role[] = [...BUREAU, 'regulator'];

const NAV: NavItem[] = [
  { path: '/', label: 'navCatalog' },
  { path: '/publicity', label: 'navPublicity' },
  { path: '/verify', label: 'navVerify' },
  { path: '/fees', label: 'navFees', spare: true },
  { path: '/provider', label: 'navProvider', roles: ['provider'] },
  { path: '/organization', label: 'navOrganization', roles: ['operator'] },
  { path: '/licenses', label: 'navLicenses', roles: ['operator', 'developer'] },
  { path: '/invoices', label: 'navInvoices', roles: ['operator'] },
  { path: '/workspace', label: 'navWorkspace', roles: ['developer'] },
  { path: '/tables', label: 'navTables', roles: ['developer', 'operator'] },
  { path: '/review', label: 'navReview', roles: BUREAU },
  { path: '/licenses', label: 'navAllLicenses', roles: OVERSIGHT, group: 'oversight' },
  { path: '/organizations', label: 'navOrganizations', roles: OVERSIGHT, group: 'oversight' },
  { path: '/efficiency', label: 'navEfficiency', roles: OVERSIGHT, group: 'oversight' },
  { path: '/cases', label: 'navCases', roles: BUREAU, group: 'oversight' },
  { path: '/disclosures', label: 'navDisclosures', roles: OVERSIGHT, group: 'oversight' },
  { path: '/invoices', label: 'navAllInvoices', roles: ['bureau-admin', 'regulator'], group: 'oversight' },
  { path: '/ledger', label: 'navLedger', roles: ['bureau-admin', 'regulator'], group: 'oversight' },
  { path: '/audit', label: 'navAudit', roles: ['bureau-admin', 'regulator'], group: 'oversight' },
];

/** The public notices (收费公示, 年度披露): in the footer of every page, for everyone, anonymous included. */
export const FOOTER_NAV: NavItem[] = [
  { path: '/fees', label: 'navFees' },
  { path: '/disclosures', label: 'navDisclosures' },
];

/** The most entries the header's line holds at 1280 px (see headerLayout); past it, spare pages stay in the footer. */
export const MAX_LINE = 7;

/**
 * Every page a user of these roles may open from the menu, each path once (the first entry naming it wins); the spare
 * ones only where the line has room for them.
 */
export function visibleNav(roles: Role[]): NavItem[] {
  const seen = new Set<string>();
  const items = NAV.filter((n) => !n.roles || n.roles.some((r) => roles.includes(r))).filter((n) => {
    if (seen.has(n.path)) return false;
    seen.add(n.path);
    return true;
  });
  return navEntries(items).length > MAX_LINE ? items.filter((n) => !n.spare) : items;
}

/** One entry of the header's line: a page, or a group of pages (where it holds more than one) in its first page's place. */
export type NavEntry = { kind: 'item'; item: NavItem } | { kind: 'group'; group: NavGroup; items: NavItem[] };

export function navEntries(items: NavItem[]): NavEntry[] {
  const entries: NavEntry[] = [];
  for (const item of items) {
    const group = item.group;
    if (!group) {
      entries.push({ kind: 'item', item });
      continue;
    }
    const existing = entries.find((e): e is Extract<NavEntry, { kind: 'group' }> => e.kind === 'group' && e.group === group);
    if (existing) existing.items.push(item);
    else entries.push({ kind: 'group', group, items: [item] });
  }
  return entries.map((e) => (e.kind === 'group' && e.items.length === 1 && e.items[0] ? { kind: 'item', item: e.items[0] } : e));
}

/** Ant's breakpoints that are reached (sm 576, lg 992, xl 1200, xxl 1600 px). */
export interface Screens {
  sm?: boolean;
  lg?: boolean;
  xl?: boolean;
  xxl?: boolean;
}

/**
 * The header at this width with this many entries: a drawer (compact) or a one-line menu, and whether the console's
 * name stands beside the PDX mark. Widths measured in English, the wider language, with the right side (language,
 * user, log out) at about 300 px: five entries take about 500 px, seven about 760 px, the name about 150 px.
 */
export function headerLayout(screens: Screens, entries: number): { compact: boolean; brandName: boolean } {
  const compact = !screens.lg || (!screens.xl && entries > 5);
  if (compact) return { compact, brandName: !!screens.sm };
  return { compact, brandName: !!screens.xxl || (!!screens.xl && entries <= 6) || entries <= 4 };
}
