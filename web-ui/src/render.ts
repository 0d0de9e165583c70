// DOM rendering of the catalog. Pure functions: data + locale in, elements out. All text goes
// through textContent, never innerHTML, so names coming from the API cannot inject markup.
// Interactive elements carry data-action attributes; the app wires the events.
import { CLIENT_PROBLEM, type Dataset, type DatasetPage, type Problem } from './api';
import { formatCount, gradeLabel, t, type Locale, type MessageKey } from './i18n';

type Attrs = Record<string, string>;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

const COLUMNS: { key: MessageKey; cls: string }[] = [
  { key: 'colNameZh', cls: 'name-zh' },
  { key: 'colNameEn', cls: 'name-en' },
  { key: 'colCategory', cls: 'category' },
  { key: 'colGrade', cls: 'grade' },
  { key: 'colProvider', cls: 'provider' },
  { key: 'colRowCount', cls: 'row-count' },
];

export function renderGrade(dataset: Pick<Dataset, 'grade'>, locale: Locale): HTMLElement {
  return el(
    'span',
    { class: `grade-badge grade-${dataset.grade.toLowerCase()}`, 'data-grade': dataset.grade },
    gradeLabel(locale, dataset.grade),
  );
}

export function renderDatasetRow(dataset: Dataset, locale: Locale): HTMLTableRowElement {
  const unknown = t(locale, 'unknown');
  const cells: (Node | string)[] = [
    dataset.nameZh,
    dataset.nameEn || unknown,
    dataset.category || unknown,
    renderGrade(dataset, locale),
    el('span', { title: dataset.provider }, dataset.providerName),
    dataset.rowCount === null ? unknown : formatCount(locale, dataset.rowCount),
  ];
  const row = el('tr', { 'data-id': dataset.id });
  cells.forEach((content, i) => row.append(el('td', { class: COLUMNS[i]!.cls }, content)));
  return row;
}

export function pageCount(page: Pick<DatasetPage, 'total' | 'size'>): number {
  return page.size > 0 ? Math.max(1, Math.ceil(page.total / page.size)) : 1;
}

/** The catalog table, with a summary line and previous/next buttons. */
export function renderCatalog(page: DatasetPage, locale: Locale): HTMLElement {
  const section = el('section', { class: 'catalog-results' });
  const pages = pageCount(page);
  section.append(
    el(
      'p',
      { class: 'summary', 'aria-live': 'polite' },
      t(locale, 'summary', { total: formatCount(locale, page.total), page: page.page + 1, pages }),
    ),
  );

  if (page.items.length === 0) {
    section.append(el('p', { class: 'empty' }, t(locale, 'empty')));
    return section;
  }

  const headRow = el('tr');
  for (const col of COLUMNS) headRow.append(el('th', { scope: 'col', class: col.cls }, t(locale, col.key)));
  const body = el('tbody');
  for (const dataset of page.items) body.append(renderDatasetRow(dataset, locale));
  section.append(el('table', { class: 'catalog' }, el('thead', {}, headRow), body));

  if (pages > 1) {
    const prev = el('button', { type: 'button', 'data-action': 'prev-page' }, t(locale, 'prevPage'));
    const next = el('button', { type: 'button', 'data-action': 'next-page' }, t(locale, 'nextPage'));
    prev.disabled = page.page <= 0;
    next.disabled = page.page + 1 >= pages;
    section.append(el('nav', { class: 'pager' }, prev, next));
  }
  return section;
}

/** Title shown for a problem: the server's own title, or ours for problems made in the browser. */
export function problemTitle(problem: Problem, locale: Locale): string {
  if (problem.type === CLIENT_PROBLEM.network) return t(locale, 'networkErrorTitle');
  if (problem.type === CLIENT_PROBLEM.badResponse) return t(locale, 'badResponseTitle');
  return problem.title || t(locale, 'errorHeading');
}

export function renderProblem(problem: Problem, locale: Locale): HTMLElement {
  const box = el('div', { class: 'problem', role: 'alert', 'data-problem-type': problem.type });
  const heading = problem.status > 0 ? `${problemTitle(problem, locale)} (${problem.status})` : problemTitle(problem, locale);
  box.append(el('h2', { class: 'problem-title' }, heading));
  if (problem.detail) box.append(el('p', { class: 'problem-detail' }, problem.detail));
  box.append(el('button', { type: 'button', 'data-action': 'retry' }, t(locale, 'retry')));
  return box;
}

export function renderLoading(locale: Locale): HTMLElement {
  return el('p', { class: 'loading', role: 'status' }, t(locale, 'loading'));
}

/** Header (title, locale toggle, login placeholder) and the search form around a results slot. */
export function renderShell(locale: Locale, query: string): { root: HTMLElement; results: HTMLElement } {
  const toggle = el(
    'button',
    { type: 'button', class: 'locale-toggle', 'data-action': 'toggle-locale', 'aria-label': t(locale, 'switchLocaleLabel') },
    t(locale, 'switchLocale'),
  );
  // Placeholder until OIDC login against Keycloak is wired in marketplace-api.
  const login = el('a', { href: '#login', class: 'login', title: t(locale, 'loginPlaceholder'), 'data-action': 'login' }, t(locale, 'login'));
  const header = el('header', { class: 'app-header' }, el('h1', {}, t(locale, 'appTitle')), el('nav', {}, toggle, login));

  const input = el('input', {
    type: 'search',
    name: 'q',
    'aria-label': t(locale, 'searchLabel'),
    placeholder: t(locale, 'searchPlaceholder'),
  });
  input.value = query;
  const form = el('form', { class: 'search', role: 'search', 'data-action': 'search' }, input, el('button', { type: 'submit' }, t(locale, 'searchButton')));

  const results = el('div', { class: 'results' });
  const main = el(
    'main',
    {},
    el('h2', {}, t(locale, 'catalogTitle')),
    el('p', { class: 'intro' }, t(locale, 'catalogIntro')),
    form,
    results,
  );
  return { root: el('div', { class: 'app' }, header, main), results };
}
