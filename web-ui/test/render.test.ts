import { describe, expect, it } from 'vitest';
import { CLIENT_PROBLEM, parseDatasetPage } from '../src/api';
import { renderCatalog, renderProblem } from '../src/render';
import { pageBody, unavailableProblem } from './fixtures';

const page = parseDatasetPage(pageBody);

function cellTexts(root: HTMLElement, cls: string): string[] {
  return [...root.querySelectorAll(`tbody td.${cls}`)].map((td) => td.textContent ?? '');
}

describe('renderCatalog', () => {
  it('renders one row per dataset with both names, category, provider and row count', () => {
    const root = renderCatalog(page, 'zh');

    expect(root.querySelectorAll('tbody tr')).toHaveLength(3);
    expect(cellTexts(root, 'name-zh')).toEqual(['公交刷卡记录', '企业登记信息', '人口基础信息']);
    expect(cellTexts(root, 'name-en')).toEqual(['Bus card transactions', 'Enterprise registrations', 'Population register']);
    expect(cellTexts(root, 'category')[0]).toBe('交通/公共交通');
    expect(cellTexts(root, 'provider')).toEqual(['交通运输局', '市场监管局', '公安局']);
    expect(root.querySelector('tbody td.provider span')?.getAttribute('title')).toBe('dept-transport');
    expect(cellTexts(root, 'row-count')).toEqual(['100,000', '2,500,000', '9,000,000']);
    expect(root.querySelector('tbody tr')?.getAttribute('data-id')).toBe(pageBody.items[0]!.id);
  });

  it('labels grades in Chinese', () => {
    const root = renderCatalog(page, 'zh');

    expect(cellTexts(root, 'grade')).toEqual(['一般数据', '重要数据', '核心数据']);
    const headers = [...root.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(headers).toEqual(['中文名称', '英文名称', '类别', '分级', '提供单位', '数据量（行）']);
    expect(root.querySelector('.summary')?.textContent).toBe('共 3 个数据集，第 1 / 1 页');
  });

  it('labels grades in English', () => {
    const root = renderCatalog(page, 'en');

    expect(cellTexts(root, 'grade')).toEqual(['General data', 'Important data', 'Core data']);
    const badges = [...root.querySelectorAll('.grade-badge')];
    expect(badges.map((b) => b.getAttribute('data-grade'))).toEqual(['GENERAL', 'IMPORTANT', 'CORE']);
    expect(badges[2]!.classList.contains('grade-core')).toBe(true);
    expect(root.querySelector('thead th.grade')?.textContent).toBe('Grade');
    expect(root.querySelector('.summary')?.textContent).toBe('3 datasets, page 1 of 1');
  });

  it('shows names from the API as text, never as markup', () => {
    const hostile = parseDatasetPage({
      ...pageBody,
      items: [{ ...pageBody.items[0], nameZh: '<img src=x onerror=alert(1)>' }],
    });

    const root = renderCatalog(hostile, 'zh');

    expect(root.querySelector('img')).toBeNull();
    expect(cellTexts(root, 'name-zh')).toEqual(['<img src=x onerror=alert(1)>']);
  });

  it('says so when the page is empty, without a table', () => {
    const root = renderCatalog({ items: [], total: 0, page: 0, size: 20 }, 'en');

    expect(root.querySelector('table')).toBeNull();
    expect(root.querySelector('.empty')?.textContent).toBe('No datasets match.');
  });

  it('offers paging only when there is more than one page, disabled at the ends', () => {
    const first = renderCatalog({ ...page, total: 45, page: 0, size: 20 }, 'zh');
    const prev = first.querySelector<HTMLButtonElement>('[data-action="prev-page"]')!;
    const next = first.querySelector<HTMLButtonElement>('[data-action="next-page"]')!;
    expect(prev.disabled).toBe(true);
    expect(next.disabled).toBe(false);
    expect(first.querySelector('.summary')?.textContent).toBe('共 45 个数据集，第 1 / 3 页');

    const last = renderCatalog({ ...page, total: 45, page: 2, size: 20 }, 'zh');
    expect(last.querySelector<HTMLButtonElement>('[data-action="next-page"]')!.disabled).toBe(true);
    expect(renderCatalog(page, 'zh').querySelector('.pager')).toBeNull();
  });
});

describe('renderProblem', () => {
  it('shows the title with status, and the detail, of a problem+json error', () => {
    const box = renderProblem(unavailableProblem, 'zh');

    expect(box.getAttribute('role')).toBe('alert');
    expect(box.querySelector('.problem-title')?.textContent).toBe('目录服务暂不可用 (503)');
    expect(box.querySelector('.problem-detail')?.textContent).toBe('数据库连接池已满，请稍后再试。');
    expect(box.querySelector('[data-action="retry"]')?.textContent).toBe('重试');
  });

  it('keeps the server title in English mode but translates our own words', () => {
    const box = renderProblem(unavailableProblem, 'en');

    expect(box.querySelector('.problem-title')?.textContent).toBe('目录服务暂不可用 (503)');
    expect(box.querySelector('[data-action="retry"]')?.textContent).toBe('Retry');
  });

  it('uses a translated title for a network failure made in the browser', () => {
    const problem = { type: CLIENT_PROBLEM.network, title: 'Network error', status: 0, detail: 'Failed to fetch' };

    expect(renderProblem(problem, 'zh').querySelector('.problem-title')?.textContent).toBe('无法连接服务器');
    expect(renderProblem(problem, 'en').querySelector('.problem-title')?.textContent).toBe('Cannot reach the server');
    expect(renderProblem(problem, 'en').querySelector('.problem-detail')?.textContent).toBe('Failed to fetch');
  });

  it('leaves out the detail paragraph when the problem has none', () => {
    const box = renderProblem({ type: 'about:blank', title: 'Bad Gateway', status: 502, detail: '' }, 'en');

    expect(box.querySelector('.problem-detail')).toBeNull();
    expect(box.querySelector('.problem-title')?.textContent).toBe('Bad Gateway (502)');
  });
});
