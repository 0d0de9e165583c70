// The one fetch wrapper: bearer token, problem+json errors thrown as ApiError, network failures too.
import { ApiError, CLIENT_PROBLEM, parseProblem } from '../lib/problem';

let tokenGetter: () => string | null = () => null;
let onUnauthorized: (() => void) | null = null;

export function setAccessTokenGetter(getter: () => string | null): void {
  tokenGetter = getter;
}

export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export function accessToken(): string | null {
  return tokenGetter();
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  accept?: string;
  signal?: AbortSignal;
  /** What to read from a successful answer. */
  as?: 'json' | 'text' | 'arrayBuffer' | 'blob' | 'none';
}

function isJson(contentType: string | null): boolean {
  if (!contentType) return false;
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

export async function apiFetch<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: options.accept ?? 'application/json, application/problem+json',
  };
  const token = tokenGetter();
  if (token) headers['Authorization'] = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    const init: RequestInit = { method: options.method ?? 'GET', headers, credentials: 'same-origin' };
    if (body !== undefined) init.body = body;
    if (options.signal) init.signal = options.signal;
    response = await fetch(path, init);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({
      type: CLIENT_PROBLEM.network,
      title: 'Cannot reach the server / 无法连接服务器',
      status: 0,
      detail: e instanceof Error ? e.message : String(e),
      errors: [],
      reasons: [],
    });
  }
  if (!response.ok) {
    let problemBody: unknown = undefined;
    try {
      problemBody = isJson(response.headers.get('content-type')) ? await response.json() : await response.text();
    } catch {
      problemBody = undefined;
    }
    if (response.status === 401 && token && onUnauthorized) onUnauthorized();
    const problem = parseProblem(problemBody, response.status, response.statusText);
    if (!problem.detail && typeof problemBody === 'string' && problemBody.length < 500) problem.detail = problemBody;
    throw new ApiError(problem);
  }
  const as = options.as ?? 'json';
  if (as === 'none' || response.status === 204) return undefined as T;
  if (as === 'text') return (await response.text()) as T;
  if (as === 'arrayBuffer') return (await response.arrayBuffer()) as T;
  if (as === 'blob') return (await response.blob()) as T;
  const contentType = response.headers.get('content-type');
  if (!isJson(contentType)) {
    throw new ApiError({
      type: CLIENT_PROBLEM.badResponse,
      title: 'Unexpected response / 服务器返回了无法识别的数据',
      status: response.status,
      detail: `content type ${contentType ?? '(none)'}`,
      errors: [],
      reasons: [],
    });
  }
  return (await response.json()) as T;
}
