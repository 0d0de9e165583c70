import { describe, expect, it } from 'vitest';
import { problemTitle } from '../src/components/ProblemAlert';
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
