import { describe, expect, it } from 'vitest';
import { visibleNav } from '../src/components/AppShell';

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
});
