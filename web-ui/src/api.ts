// Client for marketplace-api (/api/v1). Every call returns a Result: either the parsed value
// or an RFC 9457 problem. Failures are values, never thrown, so callers must handle both.

export const GRADES = ['GENERAL', 'IMPORTANT', 'CORE'] as const;
export type Grade = (typeof GRADES)[number];

export interface DatasetColumn {
  name: string;
  type: string;
  tag: string;
  description: string;
}

export interface Dataset {
  id: string;
  nameZh: string;
  nameEn: string;
  category: string;
  grade: Grade;
  provider: string;
  providerName: string;
  rowCount: number | null;
  columns: DatasetColumn[];
}

export interface DatasetPage {
  items: Dataset[];
  total: number;
  page: number;
  size: number;
}

/** RFC 9457 problem details, as marketplace-api renders them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/** Problem types made in the browser, when no problem document came from the server. */
export const CLIENT_PROBLEM = {
  network: 'urn:pdx:web-ui:network-error',
  badResponse: 'urn:pdx:web-ui:bad-response',
} as const;

export interface DatasetQuery {
  q?: string;
  category?: string;
  grade?: Grade;
  provider?: string;
  page?: number;
  size?: number;
}

export interface ApiClientOptions {
  /** Base of the API; same origin by default. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

export class ParseError extends Error {}

// ---- parsing -------------------------------------------------------------------------------

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(o: Json, key: string, path: string): string {
  const v = o[key];
  if (typeof v !== 'string') throw new ParseError(`${path}.${key}: expected a string`);
  return v;
}

function optStr(o: Json, key: string, path: string): string {
  const v = o[key];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw new ParseError(`${path}.${key}: expected a string`);
  return v;
}

function int(o: Json, key: string, path: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    throw new ParseError(`${path}.${key}: expected a non-negative integer`);
  }
  return v;
}

function parseGrade(o: Json, path: string): Grade {
  const v = o['grade'];
  if (typeof v !== 'string' || !(GRADES as readonly string[]).includes(v)) {
    throw new ParseError(`${path}.grade: expected one of ${GRADES.join(', ')}`);
  }
  return v as Grade;
}

function parseColumn(v: unknown, path: string): DatasetColumn {
  if (!isObject(v)) throw new ParseError(`${path}: expected an object`);
  return {
    name: str(v, 'name', path),
    type: str(v, 'type', path),
    tag: str(v, 'tag', path),
    description: optStr(v, 'description', path),
  };
}

export function parseDataset(v: unknown, path = 'dataset'): Dataset {
  if (!isObject(v)) throw new ParseError(`${path}: expected an object`);
  // Fields are checked in the order of the wire contract, so the first bad one is named.
  const id = str(v, 'id', path);
  const nameZh = str(v, 'nameZh', path);
  const nameEn = optStr(v, 'nameEn', path);
  const category = optStr(v, 'category', path);
  const grade = parseGrade(v, path);
  const provider = str(v, 'provider', path);
  const providerName = optStr(v, 'providerName', path) || provider;
  const rowCount = v['rowCount'] === null || v['rowCount'] === undefined ? null : int(v, 'rowCount', path);
  const columns = v['columns'] ?? [];
  if (!Array.isArray(columns)) throw new ParseError(`${path}.columns: expected an array`);
  return {
    id,
    nameZh,
    nameEn,
    category,
    grade,
    provider,
    providerName,
    rowCount,
    columns: columns.map((c, i) => parseColumn(c, `${path}.columns[${i}]`)),
  };
}

/** Parses the body of GET /api/v1/datasets; throws ParseError naming the first bad field. */
export function parseDatasetPage(body: unknown): DatasetPage {
  if (!isObject(body)) throw new ParseError('page: expected an object');
  const items = body['items'];
  if (!Array.isArray(items)) throw new ParseError('page.items: expected an array');
  return {
    items: items.map((item, i) => parseDataset(item, `items[${i}]`)),
    total: int(body, 'total', 'page'),
    page: int(body, 'page', 'page'),
    size: int(body, 'size', 'page'),
  };
}

/**
 * Reads a problem document; anything missing is filled from the HTTP status so the user always
 * gets a title. Never trusts a non-string field.
 */
export function parseProblem(body: unknown, status: number, statusText = ''): Problem {
  const o = isObject(body) ? body : {};
  const text = (k: string): string => (typeof o[k] === 'string' ? (o[k] as string) : '');
  const declared = o['status'];
  return {
    type: text('type') || 'about:blank',
    title: text('title') || statusText || `HTTP ${status}`,
    status: typeof declared === 'number' && Number.isInteger(declared) ? declared : status,
    detail: text('detail'),
  };
}

// ---- HTTP ----------------------------------------------------------------------------------

function isJson(contentType: string | null): boolean {
  if (!contentType) return false;
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

export function datasetsUrl(query: DatasetQuery = {}, baseUrl = ''): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${baseUrl}/api/v1/datasets${qs ? `?${qs}` : ''}`;
}

export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = options.baseUrl ?? '';
  // Bound late so tests can stub globalThis.fetch after the client is made.
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function getJson<T>(url: string, parse: (body: unknown) => T): Promise<Result<T>> {
    let response: Response;
    try {
      response = await doFetch(url, {
        headers: { Accept: 'application/json, application/problem+json' },
        credentials: 'same-origin',
      });
    } catch (e) {
      return {
        ok: false,
        problem: {
          type: CLIENT_PROBLEM.network,
          title: 'Network error',
          status: 0,
          detail: e instanceof Error ? e.message : String(e),
        },
      };
    }

    let body: unknown = undefined;
    const jsonBody = isJson(response.headers.get('content-type'));
    if (jsonBody) {
      try {
        body = await response.json();
      } catch {
        body = undefined;
        if (response.ok) return badResponse(response.status, 'the response body is not valid JSON');
      }
    }

    if (!response.ok) {
      return { ok: false, problem: parseProblem(body, response.status, response.statusText) };
    }
    if (!jsonBody) {
      return badResponse(response.status, `unexpected content type ${response.headers.get('content-type') ?? '(none)'}`);
    }
    try {
      return { ok: true, value: parse(body) };
    } catch (e) {
      if (e instanceof ParseError) return badResponse(response.status, e.message);
      throw e;
    }
  }

  function badResponse(status: number, detail: string): Result<never> {
    return {
      ok: false,
      problem: { type: CLIENT_PROBLEM.badResponse, title: 'Unexpected response', status, detail },
    };
  }

  return {
    listDatasets(query: DatasetQuery = {}): Promise<Result<DatasetPage>> {
      return getJson(datasetsUrl(query, baseUrl), parseDatasetPage);
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
