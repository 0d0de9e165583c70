import { describe, expect, it } from 'vitest';
import { categoryTree, nextSearch, readSearch, sortedFacet } from '../src/lib/facets';

describe('catalog facets and the search in the URL', () => {
  it('builds the category tree with summed counts, in pinyin order', () => {
    const tree = categoryTree({ '交通/公共交通': 2, '交通/道路': 1, '经济/市场监管': 1, 交通: 1 });
    expect(tree.map((n) => [n.key, n.count])).toEqual([
      ['交通', 4],
      ['经济', 1],
    ]);
    expect(tree[0]?.children.map((n) => [n.key, n.label, n.count])).toEqual([
      ['交通/道路', '道路', 1],
      ['交通/公共交通', '公共交通', 2],
    ]);
  });

  it('orders facet values by count', () => {
    expect(sortedFacet({ GENERAL: 3, IMPORTANT: 5, '': 1 })).toEqual([
      ['IMPORTANT', 5],
      ['GENERAL', 3],
    ]);
    expect(sortedFacet(undefined)).toEqual([]);
  });

  it('reads the search from the URL and drops empty values', () => {
    expect(readSearch(new URLSearchParams('q=公交&grade=&page=2&other=x'))).toEqual({ q: '公交', page: '2' });
  });

  it('goes back to the first page when a filter changes, keeps the page when paging', () => {
    const current = { q: '公交', page: '3' };
    expect(nextSearch(current, { grade: 'GENERAL' }).toString()).toBe('q=%E5%85%AC%E4%BA%A4&grade=GENERAL');
    expect(nextSearch(current, { page: '4' }).get('page')).toBe('4');
    expect(nextSearch(current, { page: '0' }).has('page')).toBe(false);
    expect(nextSearch({ q: 'x', grade: 'GENERAL' }, { grade: '' }).toString()).toBe('q=x');
  });
});
