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
});
