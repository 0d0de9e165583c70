// Facets of the catalog search: counts per value; categories are paths ("交通/公共交通") shown as a tree.

export type FacetCounts = Record<string, number>;

export interface CategoryNode {
  /** The full path, used as the filter value (the API matches a path and everything under it). */
  key: string;
  label: string;
  count: number;
  children: CategoryNode[];
}

/** Builds the category tree; a parent's count is the sum of its own entries and its children's. */
export function categoryTree(counts: FacetCounts): CategoryNode[] {
  const roots: CategoryNode[] = [];
  const byKey = new Map<string, CategoryNode>();
  const entries = Object.entries(counts).filter(([k]) => k !== '' && k !== 'null');
  entries.sort(([a], [b]) => a.localeCompare(b, 'zh-CN'));
  for (const [path, count] of entries) {
    const parts = path.split('/').map((p) => p.trim()).filter(Boolean);
    let siblings = roots;
    let key = '';
    for (const part of parts) {
      key = key ? `${key}/${part}` : part;
      let node = byKey.get(key);
      if (!node) {
        node = { key, label: part, count: 0, children: [] };
        byKey.set(key, node);
        siblings.push(node);
      }
      node.count += count;
      siblings = node.children;
    }
  }
  return roots;
}

/** Facet values by count (descending), then by name. */
export function sortedFacet(counts: FacetCounts | undefined): [string, number][] {
  return Object.entries(counts ?? {})
    .filter(([k]) => k !== '' && k !== 'null')
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
}

export const SEARCH_KEYS = ['q', 'category', 'grade', 'provider', 'openness', 'page'] as const;
export type SearchKey = (typeof SEARCH_KEYS)[number];
export type SearchState = Partial<Record<SearchKey, string>>;

export function readSearch(params: URLSearchParams): SearchState {
  const state: SearchState = {};
  for (const key of SEARCH_KEYS) {
    const v = params.get(key);
    if (v !== null && v !== '') state[key] = v;
  }
  return state;
}

/** The next search: a change of any filter goes back to the first page. */
export function nextSearch(current: SearchState, change: SearchState): URLSearchParams {
  const merged: SearchState = { ...current, ...change };
  if (!('page' in change)) delete merged.page;
  const params = new URLSearchParams();
  for (const key of SEARCH_KEYS) {
    const v = merged[key];
    if (v !== undefined && v !== '' && !(key === 'page' && v === '0')) params.set(key, v);
  }
  return params;
}
