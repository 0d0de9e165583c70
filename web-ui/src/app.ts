// The catalog page: holds the state (locale, search, page, last result) and wires events.
import { createApiClient, type ApiClient, type DatasetPage, type Result } from './api';
import { DEFAULT_LOCALE, htmlLang, isLocale, otherLocale, type Locale } from './i18n';
import { renderCatalog, renderLoading, renderProblem, renderShell } from './render';

const LOCALE_KEY = 'pdx.locale';
const PAGE_SIZE = 20;

export interface CatalogAppOptions {
  api?: ApiClient;
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  pageSize?: number;
}

export interface CatalogApp {
  load(): Promise<void>;
  setLocale(locale: Locale): void;
  readonly locale: Locale;
}

function storedLocale(storage: CatalogAppOptions['storage']): Locale {
  try {
    const v = storage?.getItem(LOCALE_KEY);
    return isLocale(v) ? v : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function createCatalogApp(mount: HTMLElement, options: CatalogAppOptions = {}): CatalogApp {
  const api = options.api ?? createApiClient();
  const storage = options.storage === undefined ? safeLocalStorage() : options.storage;
  const size = options.pageSize ?? PAGE_SIZE;

  let locale = storedLocale(storage);
  let query = '';
  let page = 0;
  let last: Result<DatasetPage> | null = null;
  let results: HTMLElement;
  let requestSeq = 0;

  function renderResults(): void {
    if (last === null) results.replaceChildren(renderLoading(locale));
    else if (last.ok) results.replaceChildren(renderCatalog(last.value, locale));
    else results.replaceChildren(renderProblem(last.problem, locale));
  }

  function renderAll(): void {
    document.documentElement.lang = htmlLang(locale);
    const shell = renderShell(locale, query);
    results = shell.results;
    mount.replaceChildren(shell.root);
    renderResults();
  }

  async function load(): Promise<void> {
    const seq = ++requestSeq;
    last = null;
    renderResults();
    const result = await api.listDatasets({ q: query, page, size });
    if (seq !== requestSeq) return; // a newer request superseded this one
    last = result;
    renderResults();
  }

  function setLocale(next: Locale): void {
    locale = next;
    try {
      storage?.setItem(LOCALE_KEY, next);
    } catch {
      /* storage may be unavailable (private mode); the choice then lasts for this page only */
    }
    renderAll();
  }

  mount.addEventListener('click', (event) => {
    const target = (event.target as Element | null)?.closest<HTMLElement>('[data-action]');
    switch (target?.dataset['action']) {
      case 'toggle-locale':
        setLocale(otherLocale(locale));
        break;
      case 'retry':
        void load();
        break;
      case 'prev-page':
        page = Math.max(0, page - 1);
        void load();
        break;
      case 'next-page':
        page += 1;
        void load();
        break;
      case 'login':
        event.preventDefault();
        break;
    }
  });

  mount.addEventListener('submit', (event) => {
    const form = event.target as HTMLFormElement;
    if (form.dataset['action'] !== 'search') return;
    event.preventDefault();
    const input = form.elements.namedItem('q');
    query = input instanceof HTMLInputElement ? input.value.trim() : '';
    page = 0;
    void load();
  });

  renderAll();
  return {
    load,
    setLocale,
    get locale() {
      return locale;
    },
  };
}

function safeLocalStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
