import { describe, expect, it } from 'vitest';
import { DEFAULT_REFERENCE, categoryLabel, categoryPath, guessAlias, mergeReference } from '../src/lib/reference';
import { jobPollInterval, jobsPollInterval, isFinalJobState } from '../src/lib/jobs';
import { decodeClaims, rolesOf } from '../src/lib/jwt';
import { curlSnippet, pythonSnippet } from '../src/lib/snippets';

describe('reference data', () => {
  it('keeps the policy defaults when nothing is served', () => {
    expect(mergeReference(undefined)).toBe(DEFAULT_REFERENCE);
    expect(DEFAULT_REFERENCE.reviewSlaHours).toBe(120);
    expect(DEFAULT_REFERENCE.served).toBe(false);
  });

  it('reads purposes (zh/en, free or paid), modes and the review SLA as served', () => {
    const r = mergeReference({
      purposes: [
        { code: 'PUBLIC_GOVERNANCE', labelZh: '公共治理', labelEn: 'Public governance', pricing: 'FREE' },
        { code: 'INDUSTRY_DEVELOPMENT', zh: '产业发展', en: 'Industry', free: false },
      ],
      licenseModes: [{ code: 'SANDBOX' }],
      reviewSla: { hours: 96 },
    });
    expect(r.served).toBe(true);
    expect(r.purposes).toEqual([
      { code: 'PUBLIC_GOVERNANCE', zh: '公共治理', en: 'Public governance', free: true, lowRisk: true },
      { code: 'INDUSTRY_DEVELOPMENT', zh: '产业发展', en: 'Industry', free: false, lowRisk: false },
    ]);
    expect(r.licenseModes).toEqual(['SANDBOX']);
    expect(r.reviewSlaHours).toBe(96);
    expect(mergeReference({ reviewSlaHours: 72 }).reviewSlaHours).toBe(72);
  });

  it('reads the license modes each grade allows, keeping the defaults for grades it does not name', () => {
    const r = mergeReference({ grades: [{ code: 'GENERAL', licenseModes: ['SANDBOX'] }, { code: 'CORE', licenseModes: [] }] });
    expect(r.gradeModes['GENERAL']).toEqual(['SANDBOX']);
    expect(r.gradeModes['CORE']).toEqual([]);
    expect(r.gradeModes['IMPORTANT']).toEqual(['SANDBOX']);
  });

  it('guesses a dataset alias until the workspace endpoint serves it', () => {
    expect(guessAlias('公交刷卡记录', 'Bus card swipes')).toBe('bus_card_swipes');
    expect(guessAlias('医保结算明细', 'Medical insurance settlements')).toBe('medical_insurance_claims');
    expect(guessAlias('新数据', 'Parking Lots (2026)')).toBe('parking_lots_2026');
  });
});

describe('job polling', () => {
  it('stops at final states and slows down while a reviewer decides', () => {
    expect(isFinalJobState('RELEASED')).toBe(true);
    expect(jobPollInterval('RELEASED')).toBe(false);
    expect(jobPollInterval('RUNNING')).toBe(750);
    expect(jobPollInterval('AWAITING_RELEASE')).toBe(5000);
    expect(jobsPollInterval(['RELEASED', 'AWAITING_RELEASE', 'QUEUED'])).toBe(750);
    expect(jobsPollInterval(['FAILED'])).toBe(false);
  });
});

describe('tokens and snippets', () => {
  it('reads roles and the organization from an access token', () => {
    const payload = { preferred_username: '运营员', org_id: '91350100M000100Y43', realm_access: { roles: ['operator', 'offline_access'] } };
    const b64 = Buffer.from(JSON.stringify(payload)).toString('base64url');
    const claims = decodeClaims(`x.${b64}.y`);
    expect(claims?.preferred_username).toBe('运营员');
    expect(claims?.org_id).toBe('91350100M000100Y43');
    expect(rolesOf(claims)).toEqual(['operator']);
    expect(decodeClaims('garbage')).toBeNull();
  });

  it('quotes the SQL safely for the shell and Python', () => {
    const input = { origin: 'http://127.0.0.1:8080', jobId: 'j1', licenseId: 'l1', sql: "SELECT 'a' AS x", tokenUrl: 'http://kc/token' };
    const curl = curlSnippet(input);
    expect(curl).toContain(`-d '{"licenseId":"l1","sql":"SELECT '\\''a'\\'' AS x"}'`);
    expect(curl).toContain('/api/v1/sandbox/jobs/j1/result -o result.arrows');
    const py = pythonSnippet(input);
    expect(py).toContain('"sql": "SELECT \'a\' AS x"');
    expect(py).toContain('pa.ipc.open_stream');
  });
});

describe('category names from the taxonomy', () => {
  const taxonomy = mergeReference({
    taxonomy: [
      { code: '交通/公共交通', nameZh: '交通 · 公共交通', nameEn: 'Transport · Public transit', parent: '交通' },
      { code: '生态', nameZh: '生态', nameEn: 'Ecology' },
    ],
  }).taxonomy;
  it('names each level of a path in the chosen language', () => {
    expect(categoryLabel('交通/公共交通', 'en', taxonomy)).toBe('Public transit');
    expect(categoryLabel('交通', 'en', taxonomy)).toBe('Transport');
    expect(categoryLabel('交通', 'zh', taxonomy)).toBe('交通');
    expect(categoryLabel('生态', 'en', taxonomy)).toBe('Ecology');
    expect(categoryLabel('城建/规划', 'en', taxonomy)).toBe('规划');
  });
});

describe('category paths', () => {
  it('names every level', () => {
    const taxonomy = mergeReference({ taxonomy: [{ code: '交通/公共交通', nameZh: '交通 · 公共交通', nameEn: 'Transport · Public transit' }] }).taxonomy;
    expect(categoryPath('交通/公共交通', 'en', taxonomy)).toBe('Transport / Public transit');
    expect(categoryPath('交通/公共交通', 'zh', taxonomy)).toBe('交通 / 公共交通');
    expect(categoryPath(undefined, 'en', taxonomy)).toBe('—');
  });
});
