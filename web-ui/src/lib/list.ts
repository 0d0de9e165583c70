// List endpoints answer either a bare array (today) or an envelope {items, total, page, size}
// (the revision under way). Both are read the same way.

export interface ListPage<T> {
  items: T[];
  total: number;
  page: number;
  size: number;
}

export function asListPage<T>(body: unknown): ListPage<T> {
  if (Array.isArray(body)) {
    return { items: body as T[], total: body.length, page: 0, size: body.length };
  }
  if (typeof body === 'object' && body !== null) {
    const o = body as Record<string, unknown>;
    const items = Array.isArray(o['items']) ? (o['items'] as T[]) : Array.isArray(o['entries']) ? (o['entries'] as T[]) : [];
    const num = (k: string, d: number) => (typeof o[k] === 'number' ? (o[k] as number) : d);
    return { items, total: num('total', items.length), page: num('page', 0), size: num('size', items.length) };
  }
  return { items: [], total: 0, page: 0, size: 0 };
}
