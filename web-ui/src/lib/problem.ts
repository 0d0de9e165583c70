// RFC 9457 problems as marketplace-api renders them: title, detail, errors[] naming fields,
// reasons[] with Chinese and English messages (the policy's or the sandbox's).

export interface FieldError {
  field: string;
  message: string;
}

export interface Reason {
  code: string;
  message_zh?: string | null;
  message_en?: string | null;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors: FieldError[];
  reasons: Reason[];
}

/** Problem types made in the browser, when no problem document came from the server. */
export const CLIENT_PROBLEM = {
  network: 'urn:pdx:web-ui:network-error',
  badResponse: 'urn:pdx:web-ui:bad-response',
} as const;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads a problem document; anything missing is filled from the HTTP status so the user always gets a title. */
export function parseProblem(body: unknown, status: number, statusText = ''): Problem {
  const o = isObject(body) ? body : {};
  const text = (k: string): string => (typeof o[k] === 'string' ? (o[k] as string) : '');
  const declared = o['status'];
  const errors = Array.isArray(o['errors'])
    ? (o['errors'] as unknown[]).filter(isObject).map((e) => ({
        field: typeof e['field'] === 'string' ? e['field'] : '',
        message: typeof e['message'] === 'string' ? e['message'] : '',
      }))
    : [];
  const reasons = Array.isArray(o['reasons'])
    ? (o['reasons'] as unknown[]).filter(isObject).map((r) => ({
        code: typeof r['code'] === 'string' ? r['code'] : '',
        message_zh: typeof r['message_zh'] === 'string' ? r['message_zh'] : null,
        message_en: typeof r['message_en'] === 'string' ? r['message_en'] : null,
      }))
    : [];
  const problem: Problem = {
    type: text('type') || 'about:blank',
    title: text('title') || statusText || `HTTP ${status}`,
    status: typeof declared === 'number' && Number.isInteger(declared) ? declared : status,
    detail: text('detail'),
    errors,
    reasons,
  };
  const instance = text('instance');
  if (instance) problem.instance = instance;
  return problem;
}

/** An API failure carrying its problem; thrown so that TanStack Query sees an error. */
export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(`${problem.status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ''}`);
    this.name = 'ApiError';
    this.problem = problem;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

export function problemOf(e: unknown): Problem {
  if (e instanceof ApiError) return e.problem;
  return {
    type: CLIENT_PROBLEM.network,
    title: 'Network error / 网络错误',
    status: 0,
    detail: e instanceof Error ? e.message : String(e),
    errors: [],
    reasons: [],
  };
}

const CJK = /[\u3400-\u9fff]/;

/**
 * The server writes some titles and details in both languages, "English / 中文". Picks the part
 * in the chosen language; text in one language only is returned as it is.
 */
export function pickLanguage(text: string, locale: 'zh' | 'en'): string {
  const separator = /\s*\/\s+|\s+\/\s*/;
  if (!separator.test(text)) return text;
  const parts = text.split(separator).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return text;
  const zh = parts.filter((p) => CJK.test(p));
  const en = parts.filter((p) => !CJK.test(p));
  if (zh.length === 0 || en.length === 0) return text;
  return (locale === 'zh' ? zh : en).join(' / ');
}

export function reasonText(reason: Reason, locale: 'zh' | 'en'): string {
  const primary = locale === 'zh' ? reason.message_zh : reason.message_en;
  const secondary = locale === 'zh' ? reason.message_en : reason.message_zh;
  return primary || secondary || reason.code;
}

/** The slug of a problem type URI: https://pdx.example/problems/sandbox/not-admitted -> sandbox/not-admitted. */
export function problemSlug(type: string): string {
  const marker = '/problems/';
  const i = type.indexOf(marker);
  return i >= 0 ? type.slice(i + marker.length) : type;
}

/** Field errors by the name of the form field; nested names ("params.district") are kept whole. */
export function fieldErrors(problem: Problem): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of problem.errors) {
    const key = e.field || '_';
    (out[key] ??= []).push(e.message);
  }
  return out;
}

/** Whether a text is written in the chosen language (Chinese: it has CJK characters; English: it has none). */
export function inLanguage(text: string, locale: 'zh' | 'en'): boolean {
  return CJK.test(text) === (locale === 'zh');
}
