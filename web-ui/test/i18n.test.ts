import { describe, expect, it } from 'vitest';
import { formatCount, gradeLabel, isLocale, otherLocale, t } from '../src/i18n';

describe('i18n', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('zh', 'summary', { total: 3, page: 1, pages: 2 })).toBe('共 3 个数据集，第 1 / 2 页');
    expect(t('en', 'summary', { total: 3 })).toBe('3 datasets, page {page} of {pages}');
  });

  it('names the three grades of GB/T 43697 in both languages', () => {
    expect(['GENERAL', 'IMPORTANT', 'CORE'].map((g) => gradeLabel('zh', g as 'GENERAL'))).toEqual(['一般数据', '重要数据', '核心数据']);
    expect(gradeLabel('en', 'IMPORTANT')).toBe('Important data');
  });

  it('formats counts with grouping and switches locales', () => {
    expect(formatCount('zh', 1234567)).toBe('1,234,567');
    expect(otherLocale('zh')).toBe('en');
    expect(otherLocale('en')).toBe('zh');
    expect(isLocale('en')).toBe(true);
    expect(isLocale('fr')).toBe(false);
  });
});
