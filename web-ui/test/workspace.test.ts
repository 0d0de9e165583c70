import { describe, expect, it } from 'vitest';
import { fromApiWorkspace } from '../src/api/endpoints';
import { pickLanguage } from '../src/lib/problem';

describe('the workspace as the API serves it', () => {
  it('becomes the page model: alias, columns with tags and uses, ε range, templates', () => {
    const w = fromApiWorkspace(
      {
        licenseId: 'l1',
        datasetId: 'd1',
        datasetNameZh: '医保结算明细',
        datasetNameEn: 'Medical insurance settlements',
        grade: 'IMPORTANT',
        alias: 'medical_insurance_claims',
        columns: [
          { name: 'age', type: 'INTEGER', tag: 'QUASI_IDENTIFIER', uses: ['AGGREGATE', 'GROUP_BY', 'WHERE'], lower: 0, upper: 120 },
          { name: 'odd', tag: 'SOMETHING_NEW' },
        ],
        k: 50,
        privacy: { epsilonMin: 0.1, epsilonMax: 1, epsilonDefault: 0.5 },
        templates: [{ id: 'tpl-claims-by-district-age', titleZh: '统计', sql: 'SELECT 1' }, { titleZh: 'no id' }],
      },
      'l1',
    );
    expect(w.grade).toBe('IMPORTANT');
    expect(w.epsilonMin).toBe(0.1);
    expect(w.epsilonMax).toBe(1);
    expect(w.k).toBe(50);
    expect(w.templates.map((t) => t.id)).toEqual(['tpl-claims-by-district-age']);
    expect(w.datasets[0]?.alias).toBe('medical_insurance_claims');
    expect(w.datasets[0]?.columns[0]).toMatchObject({ name: 'age', tag: 'QUASI_IDENTIFIER', uses: ['AGGREGATE', 'GROUP_BY', 'WHERE'] });
    expect(w.datasets[0]?.columns[1]?.tag).toBeUndefined();
    expect(w.derived).toBeUndefined();
  });

  it('reads column descriptions written as "中文（注）/ English"', () => {
    expect(pickLanguage('实付票价（分）/ fare paid, fen', 'en')).toBe('fare paid, fen');
    expect(pickLanguage('实付票价（分）/ fare paid, fen', 'zh')).toBe('实付票价（分）');
    expect(pickLanguage('PM2.5 (μg/m³)', 'zh')).toBe('PM2.5 (μg/m³)');
  });
});
