// Chinese (default) and English texts of the UI. Dataset names, categories and provider names
// are data and come from the API as they are; only the UI's own words are translated here.
import type { Grade } from './api';

export type Locale = 'zh' | 'en';
export const LOCALES: readonly Locale[] = ['zh', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh';

const zh = {
  appTitle: '公共数据授权运营平台',
  catalogTitle: '开放目录',
  catalogIntro: '可公开浏览的公共数据资源目录。原始数据不出域，经授权后以交付或沙箱计算结果的方式使用。',
  login: '登录',
  loginPlaceholder: '统一身份认证即将开放',
  switchLocale: 'English',
  switchLocaleLabel: '切换到英文',
  searchLabel: '搜索数据集',
  searchPlaceholder: '名称、类别或提供单位',
  searchButton: '搜索',
  loading: '正在加载…',
  colNameZh: '中文名称',
  colNameEn: '英文名称',
  colCategory: '类别',
  colGrade: '分级',
  colProvider: '提供单位',
  colRowCount: '数据量（行）',
  empty: '暂无符合条件的数据集。',
  summary: '共 {total} 个数据集，第 {page} / {pages} 页',
  prevPage: '上一页',
  nextPage: '下一页',
  errorHeading: '出错了',
  retry: '重试',
  networkErrorTitle: '无法连接服务器',
  badResponseTitle: '服务器返回了无法识别的数据',
  unknown: '—',
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  appTitle: 'Public Data Exchange',
  catalogTitle: 'Open catalog',
  catalogIntro:
    'Public data resources anyone may browse. Raw data never leaves the bureau: licensed users receive deliveries or the approved results of sandboxed computations.',
  login: 'Log in',
  loginPlaceholder: 'Single sign-on is coming soon',
  switchLocale: '中文',
  switchLocaleLabel: 'Switch to Chinese',
  searchLabel: 'Search datasets',
  searchPlaceholder: 'Name, category or provider',
  searchButton: 'Search',
  loading: 'Loading…',
  colNameZh: 'Name (Chinese)',
  colNameEn: 'Name (English)',
  colCategory: 'Category',
  colGrade: 'Grade',
  colProvider: 'Provider',
  colRowCount: 'Rows',
  empty: 'No datasets match.',
  summary: '{total} datasets, page {page} of {pages}',
  prevPage: 'Previous',
  nextPage: 'Next',
  errorHeading: 'Something went wrong',
  retry: 'Retry',
  networkErrorTitle: 'Cannot reach the server',
  badResponseTitle: 'The server sent data this page cannot read',
  unknown: '—',
};

const MESSAGES: Record<Locale, Record<MessageKey, string>> = { zh, en };

// GB/T 43697-2024 grade names and their usual English renderings.
const GRADE_LABELS: Record<Locale, Record<Grade, string>> = {
  zh: { GENERAL: '一般数据', IMPORTANT: '重要数据', CORE: '核心数据' },
  en: { GENERAL: 'General data', IMPORTANT: 'Important data', CORE: 'Core data' },
};

const NUMBER_LOCALE: Record<Locale, string> = { zh: 'zh-CN', en: 'en-US' };
const HTML_LANG: Record<Locale, string> = { zh: 'zh-CN', en: 'en' };

/** The message for key, with {name} placeholders filled from params. */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return MESSAGES[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function gradeLabel(locale: Locale, grade: Grade): string {
  return GRADE_LABELS[locale][grade];
}

export function formatCount(locale: Locale, n: number): string {
  return new Intl.NumberFormat(NUMBER_LOCALE[locale]).format(n);
}

export function htmlLang(locale: Locale): string {
  return HTML_LANG[locale];
}

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'zh' ? 'en' : 'zh';
}
