import { describe, expect, it } from 'vitest';
import { FOOTER_NAV, MAX_LINE, headerLayout, navEntries, visibleNav } from '../src/lib/nav';
import type { Role } from '../src/lib/jwt';

const ROLES: Role[][] = [[], ['operator'], ['developer'], ['provider'], ['bureau-reviewer'], ['bureau-admin'], ['regulator']];
const paths = (entries: ReturnType<typeof navEntries>) => entries.flatMap((e) => (e.kind === 'item' ? [e.item.path] : e.items.map((i) => i.path)));

describe('the menu', () => {
  it('shows the publicity list and certificate verification to everyone, anonymous included', () => {
    for (const roles of [[], ['operator'], ['developer'], ['bureau-reviewer'], ['bureau-admin']] as const) {
      const paths = visibleNav([...roles]).map((n) => n.path);
      expect(paths, roles.join()).toContain('/publicity');
      expect(paths, roles.join()).toContain('/verify');
    }
    expect(visibleNav([]).map((n) => n.path)).not.toContain('/review');
  });

  it('gives providers, and only them, 我的数据', () => {
    expect(visibleNav(['provider']).map((n) => n.path)).toContain('/provider');
    for (const roles of [[], ['operator'], ['developer'], ['bureau-reviewer'], ['bureau-admin']] as const) {
      expect(visibleNav([...roles]).map((n) => n.path), roles.join()).not.toContain('/provider');
    }
  });

  it("keeps the bureau admin's line to six entries: its queue on the line, its other pages (年度披露 among them) in one sub-menu", () => {
    const entries = navEntries(visibleNav(['bureau-admin']));
    expect(entries).toHaveLength(6);
    expect(entries.map((e) => (e.kind === 'item' ? e.item.path : e.group))).toEqual(['/', '/publicity', '/verify', '/fees', '/review', 'oversight']);
    const group = entries[5];
    expect(group?.kind === 'group' && group.items.map((i) => i.path)).toEqual(['/licenses', '/organizations', '/efficiency', '/cases', '/disclosures', '/invoices', '/ledger', '/audit']);
  });

  it('shows 收费公示 on the line where it has room, and links both public notices from the footer for everyone', () => {
    for (const roles of [[], ['developer'], ['provider'], ['bureau-reviewer'], ['bureau-admin']] as const) {
      expect(visibleNav([...roles]).map((n) => n.path), roles.join()).toContain('/fees');
    }
    // the operator's line is full (seven pages): 收费公示 stays in the footer
    expect(navEntries(visibleNav(['operator']))).toHaveLength(MAX_LINE);
    expect(visibleNav(['operator']).map((n) => n.path)).not.toContain('/fees');
    expect(FOOTER_NAV.map((n) => n.path)).toEqual(['/fees', '/disclosures']);
    expect(FOOTER_NAV.every((n) => !n.roles)).toBe(true);
  });

  it("gives the regulator (监管) the oversight pages it may read, and no page where it would change anything", () => {
    const entries = navEntries(visibleNav(['regulator']));
    const group = entries.find((e) => e.kind === 'group');
    expect(group?.kind === 'group' && group.items.map((i) => i.path)).toEqual(['/licenses', '/organizations', '/efficiency', '/disclosures', '/invoices', '/ledger', '/audit']);
    const all = visibleNav(['regulator']).map((n) => n.path);
    for (const changes of ['/review', '/provider', '/workspace', '/tables', '/organization', '/cases']) {
      expect(all, changes).not.toContain(changes);
    }
  });

  it('loses no page to the grouping, for any role', () => {
    for (const roles of ROLES) {
      expect(paths(navEntries(visibleNav(roles))), roles.join()).toEqual(visibleNav(roles).map((n) => n.path));
    }
  });

  it('shows a group of one page as that page', () => {
    const [only] = navEntries([{ path: '/audit', label: 'navAudit', group: 'oversight' }]);
    expect(only).toEqual({ kind: 'item', item: { path: '/audit', label: 'navAudit', group: 'oversight' } });
  });
});

describe('the header', () => {
  const PHONE = { sm: false, lg: false, xl: false, xxl: false };
  const LAPTOP = { sm: true, lg: true, xl: false, xxl: false }; // 992–1199 px
  const DESKTOP = { sm: true, lg: true, xl: true, xxl: false }; // 1200–1599 px, 1280 among them
  const WIDE = { sm: true, lg: true, xl: true, xxl: true };

  it('is one line at 1280 px for every role, the longest lines without the console name beside the mark', () => {
    for (const roles of ROLES) {
      const entries = navEntries(visibleNav(roles)).length;
      expect(entries, roles.join()).toBeLessThanOrEqual(MAX_LINE);
      expect(headerLayout(DESKTOP, entries).compact, roles.join()).toBe(false);
    }
    expect(headerLayout(DESKTOP, 5)).toEqual({ compact: false, brandName: true });
    expect(headerLayout(DESKTOP, 7)).toEqual({ compact: false, brandName: false });
    expect(headerLayout(WIDE, 7)).toEqual({ compact: false, brandName: true });
  });

  it('goes to the drawer on a phone, and on a laptop for the long lines', () => {
    expect(headerLayout(PHONE, 3)).toEqual({ compact: true, brandName: false });
    expect(headerLayout(LAPTOP, 5)).toEqual({ compact: false, brandName: false });
    expect(headerLayout(LAPTOP, 4)).toEqual({ compact: false, brandName: true });
    expect(headerLayout(LAPTOP, 6).compact).toBe(true);
  });
});
