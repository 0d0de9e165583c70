import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../src/api';
import { createCatalogApp } from '../src/app';
import { jsonResponse, pageBody, unavailableProblem } from './fixtures';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('catalog page', () => {
  let mount: HTMLElement;

  beforeEach(() => {
    mount = document.createElement('div');
    document.body.append(mount);
  });
  afterEach(() => mount.remove());

  it('loads the catalog in Chinese by default and switches to English without refetching', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(jsonResponse(pageBody));
    const storage = memoryStorage();
    const app = createCatalogApp(mount, { api: createApiClient({ fetch: fetchMock }), storage });

    expect(mount.querySelector('.loading')?.textContent).toBe('正在加载…');
    await app.load();

    expect(document.documentElement.lang).toBe('zh-CN');
    expect(mount.querySelector('h2')?.textContent).toBe('开放目录');
    expect([...mount.querySelectorAll('td.grade')].map((td) => td.textContent)).toEqual(['一般数据', '重要数据', '核心数据']);
    expect(mount.querySelector('a.login')?.textContent).toBe('登录');

    mount.querySelector<HTMLButtonElement>('[data-action="toggle-locale"]')!.click();

    expect(app.locale).toBe('en');
    expect(storage.data.get('pdx.locale')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(mount.querySelector('h2')?.textContent).toBe('Open catalog');
    expect([...mount.querySelectorAll('td.grade')].map((td) => td.textContent)).toEqual(['General data', 'Important data', 'Core data']);
    expect(fetchMock).toHaveBeenCalledOnce();
  });

  it('starts in the stored locale', () => {
    createCatalogApp(mount, { api: createApiClient({ fetch: vi.fn<typeof fetch>() }), storage: memoryStorage({ 'pdx.locale': 'en' }) });

    expect(mount.querySelector('.loading')?.textContent).toBe('Loading…');
  });

  it('shows a 503 problem and loads again on retry', async () => {
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(jsonResponse(unavailableProblem, 503, 'application/problem+json'))
      .mockResolvedValueOnce(jsonResponse(pageBody));
    const app = createCatalogApp(mount, { api: createApiClient({ fetch: fetchMock }), storage: null });

    await app.load();
    expect(mount.querySelector('[role="alert"] .problem-title')?.textContent).toBe('目录服务暂不可用 (503)');
    expect(mount.querySelector('[role="alert"] .problem-detail')?.textContent).toBe('数据库连接池已满，请稍后再试。');
    expect(mount.querySelector('table')).toBeNull();

    mount.querySelector<HTMLButtonElement>('[data-action="retry"]')!.click();
    await vi.waitFor(() => expect(mount.querySelectorAll('tbody tr')).toHaveLength(3));
    expect(mount.querySelector('[role="alert"]')).toBeNull();
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('sends the search text and resets to the first page', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockImplementation(async () => jsonResponse(pageBody));
    const app = createCatalogApp(mount, { api: createApiClient({ fetch: fetchMock }), storage: null });
    await app.load();

    mount.querySelector<HTMLInputElement>('input[name="q"]')!.value = ' 公交 ';
    mount.querySelector<HTMLFormElement>('form.search')!.requestSubmit();

    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    expect(fetchMock.mock.calls[1]![0]).toBe('/api/v1/datasets?q=%E5%85%AC%E4%BA%A4&page=0&size=20');
  });
});
