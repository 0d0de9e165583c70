import { describe, expect, it } from 'vitest';
import { problemDetail, problemTitle } from '../src/components/ProblemAlert';
import { translate, type MessageKey } from '../src/i18n/messages';
import { CLIENT_PROBLEM, parseProblem } from '../src/lib/problem';

describe('a problem titled in the chosen language', () => {
  const zh = (k: MessageKey) => translate('zh', k);
  const en = (k: MessageKey) => translate('en', k);

  it('takes the part of a bilingual title in the chosen language', () => {
    const p = parseProblem({ title: 'License not found / 授权不存在', status: 404 }, 404);
    expect(problemTitle(p, 'zh', zh)).toBe('授权不存在');
    expect(problemTitle(p, 'en', en)).toBe('License not found');
  });

  it('puts the status in words before a title only in the other language', () => {
    const p = parseProblem({ title: 'Conflict', status: 409 }, 409);
    expect(problemTitle(p, 'zh', zh)).toBe('状态不允许此操作 (Conflict)');
    expect(problemTitle(p, 'en', en)).toBe('Conflict');
  });

  it('names network failures in words', () => {
    const p = { ...parseProblem(undefined, 0), type: CLIENT_PROBLEM.network };
    expect(problemTitle(p, 'zh', zh)).toBe('无法连接服务器');
    expect(problemTitle(p, 'en', en)).toBe('Cannot reach the server');
  });
});

describe('a problem detail in the chosen language', () => {
  const exists = parseProblem(
    {
      type: 'https://pdx.example/problems/objection-exists',
      title: 'Already objected / 已提出过异议',
      status: 409,
      detail: 'You have already lodged an objection to this registration; one objection per person.',
    },
    409,
  );

  it('uses the console words for a known problem whose detail is in the other language', () => {
    expect(problemDetail(exists, 'zh')).toBe('您已对该登记提出过异议；每人对每项登记只能提出一次。');
    expect(problemDetail(exists, 'en')).toBe('You have already lodged an objection to this registration; one objection per person.');
  });

  it('keeps the server detail when it is in the chosen language, or when the type is unknown', () => {
    const bilingual = parseProblem({ type: 'https://pdx.example/problems/objection-exists', detail: 'Twice / 重复', status: 409 }, 409);
    expect(problemDetail(bilingual, 'zh')).toBe('重复');
    const other = parseProblem({ type: 'https://pdx.example/problems/something-else', detail: 'English only', status: 409 }, 409);
    expect(problemDetail(other, 'zh')).toBe('English only');
  });
});
