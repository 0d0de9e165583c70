import { describe, expect, it } from 'vitest';
import { ApiError, fieldErrors, parseProblem, pickLanguage, problemOf, problemSlug, reasonText } from '../src/lib/problem';
import { monthsBetween, problemToFields } from '../src/lib/forms';

const body = {
  type: 'https://pdx.example/problems/invalid-request',
  title: 'Invalid request / 请求无效',
  status: 400,
  detail: '2 field(s) of the application are invalid.',
  errors: [
    { field: 'purposeText', message: 'is required' },
    { field: 'columns[1]', message: 'no such column' },
    { field: 'termEnd', message: 'must be after termStart' },
  ],
  reasons: [{ code: 'org_unverified', message_zh: '运营机构统一社会信用代码未核验', message_en: 'The operator organization is not verified' }],
};

describe('problem+json', () => {
  it('reads title, detail, field errors and policy reasons', () => {
    const p = parseProblem(body, 400);
    expect(p.title).toBe('Invalid request / 请求无效');
    expect(p.errors).toHaveLength(3);
    expect(p.reasons[0]?.code).toBe('org_unverified');
    expect(problemSlug(p.type)).toBe('invalid-request');
  });

  it('fills a title from the status when the body is not a problem', () => {
    expect(parseProblem('<html>', 502, 'Bad Gateway')).toMatchObject({ title: 'Bad Gateway', status: 502, errors: [], reasons: [] });
    expect(parseProblem(undefined, 500).title).toBe('HTTP 500');
  });

  it('picks the chosen language from "English / 中文" texts', () => {
    expect(pickLanguage('Invalid request / 请求无效', 'zh')).toBe('请求无效');
    expect(pickLanguage('Invalid request / 请求无效', 'en')).toBe('Invalid request');
    expect(pickLanguage('read / write', 'zh')).toBe('read / write');
    expect(pickLanguage('只有中文', 'en')).toBe('只有中文');
  });

  it('says the policy reasons in words, falling back to the other language and the code', () => {
    const r = body.reasons[0]!;
    expect(reasonText(r, 'zh')).toBe('运营机构统一社会信用代码未核验');
    expect(reasonText(r, 'en')).toBe('The operator organization is not verified');
    expect(reasonText({ code: 'x', message_zh: null, message_en: 'only en' }, 'zh')).toBe('only en');
    expect(reasonText({ code: 'x' }, 'zh')).toBe('x');
  });

  it('puts field errors beside their form fields', () => {
    const p = parseProblem(body, 400);
    expect(fieldErrors(p)['purposeText']).toEqual(['is required']);
    const { fields, other } = problemToFields(p, ['purposeText', 'columns']);
    expect(fields).toEqual([
      { name: ['purposeText'], errors: ['is required'] },
      { name: ['columns'], errors: ['no such column'] },
    ]);
    expect(other.map((e) => e.field)).toEqual(['termEnd']);
  });

  it('wraps anything thrown into a problem', () => {
    expect(problemOf(new ApiError(parseProblem(body, 400))).status).toBe(400);
    expect(problemOf(new TypeError('Failed to fetch'))).toMatchObject({ status: 0, detail: 'Failed to fetch' });
  });

  it('counts a term in months', () => {
    expect(monthsBetween('2026-12-01', '2027-11-30')).toBe(12);
    expect(monthsBetween('2026-12-01', '2031-12-01')).toBe(60);
    expect(monthsBetween('2026-12-01', '2031-12-02')).toBe(61);
  });
});
