import { describe, expect, it, vi } from 'vitest';
import {
  CLIENT_PROBLEM,
  ParseError,
  createApiClient,
  datasetsUrl,
  parseDatasetPage,
  parseProblem,
} from '../src/api';
import { jsonResponse, pageBody, unavailableProblem } from './fixtures';

describe('parseDatasetPage', () => {
  it('reads items, paging and columns of a page response', () => {
    const page = parseDatasetPage(pageBody);

    expect(page.total).toBe(3);
    expect(page.page).toBe(0);
    expect(page.size).toBe(20);
    expect(page.items.map((d) => d.grade)).toEqual(['GENERAL', 'IMPORTANT', 'CORE']);
    const bus = page.items[0]!;
    expect(bus.nameZh).toBe('公交刷卡记录');
    expect(bus.nameEn).toBe('Bus card transactions');
    expect(bus.category).toBe('交通/公共交通');
    expect(bus.providerName).toBe('交通运输局');
    expect(bus.rowCount).toBe(100000);
    expect(bus.columns).toEqual([
      { name: 'card_id', type: 'VARCHAR', tag: 'IDENTIFIER', description: '卡号' },
      { name: 'boarding_time', type: 'TIMESTAMP', tag: 'QUASI_IDENTIFIER', description: '上车时间' },
    ]);
  });

  it('falls back to the provider code when providerName is absent, and allows an unknown row count', () => {
    const { providerName: _, ...withoutName } = pageBody.items[0]!;
    const page = parseDatasetPage({ ...pageBody, items: [{ ...withoutName, rowCount: null, columns: undefined }] });

    expect(page.items[0]!.providerName).toBe('dept-transport');
    expect(page.items[0]!.rowCount).toBeNull();
    expect(page.items[0]!.columns).toEqual([]);
  });

  it('rejects an unknown grade, naming the item', () => {
    const body = { ...pageBody, items: [pageBody.items[0], { ...pageBody.items[1], grade: 'SECRET' }] };

    expect(() => parseDatasetPage(body)).toThrow(ParseError);
    expect(() => parseDatasetPage(body)).toThrow('items[1].grade: expected one of GENERAL, IMPORTANT, CORE');
  });

  it('rejects a body without items or with a bad total', () => {
    expect(() => parseDatasetPage({ total: 0, page: 0, size: 20 })).toThrow('page.items: expected an array');
    expect(() => parseDatasetPage({ ...pageBody, total: '3' })).toThrow('page.total: expected a non-negative integer');
    expect(() => parseDatasetPage([])).toThrow('page: expected an object');
  });
});

describe('parseProblem', () => {
  it('keeps the fields of a problem document', () => {
    expect(parseProblem(unavailableProblem, 503)).toEqual(unavailableProblem);
  });

  it('fills a missing title from the status text and ignores non-string fields', () => {
    expect(parseProblem({ detail: 42, status: 'x' }, 502, 'Bad Gateway')).toEqual({
      type: 'about:blank',
      title: 'Bad Gateway',
      status: 502,
      detail: '',
    });
    expect(parseProblem(undefined, 500).title).toBe('HTTP 500');
  });
});

describe('datasetsUrl', () => {
  it('puts only the given filters in the query string', () => {
    expect(datasetsUrl()).toBe('/api/v1/datasets');
    expect(datasetsUrl({ q: '公交', page: 2, size: 20, category: '' })).toBe(
      '/api/v1/datasets?q=%E5%85%AC%E4%BA%A4&page=2&size=20',
    );
  });
});

describe('api client', () => {
  it('returns the parsed page on 200 and asks for JSON or problem+json', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(jsonResponse(pageBody));
    const api = createApiClient({ fetch: fetchMock });

    const result = await api.listDatasets({ page: 0, size: 20 });

    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.items).toHaveLength(3);
    expect(fetchMock).toHaveBeenCalledOnce();
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/datasets?page=0&size=20');
    expect((init?.headers as Record<string, string>)['Accept']).toContain('application/problem+json');
  });

  it('turns a 503 problem+json response into a problem value', async () => {
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockResolvedValue(jsonResponse(unavailableProblem, 503, 'application/problem+json; charset=UTF-8'));
    const api = createApiClient({ fetch: fetchMock });

    const result = await api.listDatasets();

    expect(result).toEqual({ ok: false, problem: unavailableProblem });
  });

  it('uses the global fetch when none is given', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(jsonResponse(unavailableProblem, 503, 'application/problem+json'));
    vi.stubGlobal('fetch', fetchMock);
    try {
      const result = await createApiClient().listDatasets();
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problem.status).toBe(503);
      expect(fetchMock).toHaveBeenCalledWith('/api/v1/datasets', expect.anything());
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('makes a problem from the status when an error has no problem body', async () => {
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockResolvedValue(new Response('<html>upstream down</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/html' } }));

    const result = await createApiClient({ fetch: fetchMock }).listDatasets();

    expect(result).toEqual({ ok: false, problem: { type: 'about:blank', title: 'Bad Gateway', status: 502, detail: '' } });
  });

  it('reports a network failure as a client problem', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockRejectedValue(new TypeError('Failed to fetch'));

    const result = await createApiClient({ fetch: fetchMock }).listDatasets();

    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.type).toBe(CLIENT_PROBLEM.network);
      expect(result.problem.status).toBe(0);
      expect(result.problem.detail).toBe('Failed to fetch');
    }
  });

  it('reports a 200 with a malformed body as a bad response naming the field', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(jsonResponse({ items: [{ id: 1 }], total: 1, page: 0, size: 20 }));

    const result = await createApiClient({ fetch: fetchMock }).listDatasets();

    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.type).toBe(CLIENT_PROBLEM.badResponse);
      expect(result.problem.detail).toBe('items[0].id: expected a string');
    }
  });
});
