import { describe, expect, it } from 'vitest';
import { MESSAGES, translate, translateEnum } from '../src/i18n/messages';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('every label in both languages', () => {
  it('has the same keys in Chinese and English, none empty', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.zh).sort());
    for (const [key, text] of [...Object.entries(MESSAGES.zh), ...Object.entries(MESSAGES.en)]) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('uses the same placeholders in both', () => {
    for (const key of Object.keys(MESSAGES.zh) as (keyof typeof MESSAGES.zh)[]) {
      expect(placeholders(MESSAGES.en[key]), key).toEqual(placeholders(MESSAGES.zh[key]));
    }
  });

  it('fills placeholders and names enum values', () => {
    expect(translate('zh', 'resultsSummary', { total: 3 })).toBe('共 3 个数据集');
    expect(translate('en', 'resultsSummary', { total: 3 })).toBe('3 datasets');
    expect(translateEnum('zh', 'grade_', 'IMPORTANT')).toBe('重要数据');
    expect(translateEnum('en', 'state_', 'ACTIVE')).toBe('Active');
    expect(translateEnum('en', 'state_', 'NEW_STATE')).toBe('NEW_STATE');
  });
});
