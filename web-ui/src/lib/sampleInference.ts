// A draft's columns from a CSV sample, read in the browser only: the header and the first rows give each column a
// name the API accepts, a SQL type, and a suggested tag with the rule that suggested it (the provider confirms or
// changes each one). METRIC columns get proposed bounds: the sample's min and max rounded outward.

export type SqlType = 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'DATE' | 'TIMESTAMP' | 'BOOLEAN' | 'VARCHAR';
export type Tag = 'IDENTIFIER' | 'QUASI_IDENTIFIER' | 'SENSITIVE' | 'ATTRIBUTE' | 'METRIC';

/** Why a tag was suggested: a rule's code (reason_<code> in the messages) and what it saw. */
export interface Reason {
  code: string;
  params?: Record<string, string | number>;
}

export interface InferredColumn {
  /** The header as written in the file. */
  header: string;
  /** A name of ^[a-z_][a-z0-9_]{0,62}$. */
  name: string;
  type: SqlType;
  tag: Tag;
  reason: Reason;
  /** For METRIC: proposed bounds and their granularity (a power of ten). */
  lower?: number;
  upper?: number;
  granularity?: number;
}

/** Parses CSV text (RFC 4180 quoting, CRLF or LF): the header and up to maxRows rows. */
export function parseCsv(text: string, maxRows = 200): { header: string[]; rows: string[][] } {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      record.push(field);
      field = '';
      if (record.length > 1 || record[0] !== '') records.push(record);
      record = [];
      if (records.length > maxRows) break;
    } else field += c;
  }
  if (records.length <= maxRows && (field !== '' || record.length > 0)) {
    record.push(field);
    records.push(record);
  }
  const [header = [], ...rows] = records;
  return { header: header.map((h) => h.trim()), rows: rows.slice(0, maxRows) };
}

/** A header as a column name the API accepts; col_<n> where nothing of it is left (a Chinese header). */
export function columnName(header: string, index: number): string {
  let n = header
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!n || !/[a-z0-9]/.test(n)) return `col_${index + 1}`;
  if (/^[0-9]/.test(n)) n = `_${n}`;
  return n.slice(0, 63);
}

const PATTERNS = {
  idCard: /^[1-9]\d{5}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx]$/,
  uscc: /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/,
  mobile: /^(\+?86)?1[3-9]\d{9}$/,
  plate: /^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警]?$/,
  icd10: /^[A-TV-Z]\d{2}(\.\d{1,4})?$/,
  district: /^[1-8]\d{5}$/,
};

const NAMES: { re: RegExp; tag: Tag; code: string }[] = [
  { re: /(id_?card|id_?no|id_?number|identity|citizen|sfz|身份证)/i, tag: 'IDENTIFIER', code: 'nameIdCard' },
  { re: /(mobile|phone|tel(ephone)?$|^tel|手机|电话)/i, tag: 'IDENTIFIER', code: 'namePhone' },
  { re: /(plate|车牌|号牌)/i, tag: 'IDENTIFIER', code: 'namePlate' },
  { re: /(uscc|credit_?code|信用代码)/i, tag: 'IDENTIFIER', code: 'nameUscc' },
  { re: /(diagnos|icd|disease|诊断|疾病)/i, tag: 'SENSITIVE', code: 'nameDiagnosis' },
  { re: /(^age$|_age$|^age_|年龄)/i, tag: 'QUASI_IDENTIFIER', code: 'nameAge' },
  { re: /(district|county|adcode|region_code|区县|区划)/i, tag: 'QUASI_IDENTIFIER', code: 'nameDistrict' },
  { re: /(amount|amt|fee|fare|price|cost|total|count|cnt|num_|_num$|qty|quantity|金额|费用|数量|次数|人数)/i, tag: 'METRIC', code: 'nameAmount' },
];

/** Every reason a suggestion may give (each has its words, reason_<code>, in the messages). */
export const REASON_CODES: readonly string[] = [...Object.keys(PATTERNS).map((k) => `value_${k}`), ...NAMES.map((n) => n.code), 'typeDate', 'none'];

const share = (values: string[], re: RegExp) => (values.length === 0 ? 0 : values.filter((v) => re.test(v)).length / values.length);
/** A pattern holds for a column when it holds for at least this share of its non-empty sample values. */
export const PATTERN_SHARE = 0.8;

/** The SQL type of a column's sample values (empty values ignored; none at all: VARCHAR). */
export function inferType(values: string[]): SqlType {
  const v = values.map((x) => x.trim()).filter((x) => x !== '');
  if (v.length === 0) return 'VARCHAR';
  const all = (re: RegExp) => v.every((x) => re.test(x));
  // Codes that look like numbers (identity numbers, phones, district and USCC codes, leading zeros) stay text.
  if (Object.entries(PATTERNS).some(([k, re]) => k !== 'icd10' && share(v, re) >= PATTERN_SHARE)) return 'VARCHAR';
  if (v.some((x) => /^0\d/.test(x))) return 'VARCHAR';
  if (all(/^(true|false)$/i)) return 'BOOLEAN';
  if (all(/^-?\d+$/)) return v.every((x) => Math.abs(Number(x)) <= 2147483647) ? 'INTEGER' : 'BIGINT';
  if (all(/^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/)) return 'DOUBLE';
  if (all(/^\d{4}-\d{2}-\d{2}$/)) return 'DATE';
  if (all(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/)) return 'TIMESTAMP';
  return 'VARCHAR';
}

const NUMERIC: SqlType[] = ['INTEGER', 'BIGINT', 'DOUBLE'];

/** The tag a column's name, type and values suggest, with the rule that did. */
export function suggestTag(header: string, type: SqlType, values: string[]): { tag: Tag; reason: Reason } {
  const v = values.map((x) => x.trim()).filter((x) => x !== '');
  const valueRules: [keyof typeof PATTERNS, Tag][] = [
    ['idCard', 'IDENTIFIER'],
    ['uscc', 'IDENTIFIER'],
    ['mobile', 'IDENTIFIER'],
    ['plate', 'IDENTIFIER'],
    ['icd10', 'SENSITIVE'],
    ['district', 'QUASI_IDENTIFIER'],
  ];
  for (const [code, tag] of valueRules) {
    // Six digits are a district code only where the values do not also count something (a METRIC name).
    if (code === 'district' && NAMES.some((n) => n.tag === 'METRIC' && n.re.test(header))) continue;
    const s = share(v, PATTERNS[code]);
    if (s >= PATTERN_SHARE) return { tag, reason: { code: `value_${code}`, params: { share: Math.round(s * 100) } } };
  }
  for (const n of NAMES) {
    if (!n.re.test(header)) continue;
    if (n.tag === 'METRIC' && !NUMERIC.includes(type)) continue;
    if (n.code === 'nameAge' && !NUMERIC.includes(type)) continue;
    return { tag: n.tag, reason: { code: n.code, params: { header } } };
  }
  if (type === 'DATE' || type === 'TIMESTAMP') return { tag: 'QUASI_IDENTIFIER', reason: { code: 'typeDate' } };
  return { tag: 'ATTRIBUTE', reason: { code: 'none' } };
}

/**
 * Bounds for a METRIC column: the sample's min and max rounded outward to the power of ten of the larger magnitude
 * (37.5 → 40, 1234 → 2000), a granularity that the values' decimals need (at most 0.000001), lower below upper.
 */
export function proposeBounds(values: string[], type: SqlType): { lower: number; upper: number; granularity: number } | null {
  const nums = values.map((x) => x.trim()).filter((x) => x !== '').map(Number).filter(Number.isFinite);
  if (nums.length === 0) return null;
  const min = Math.min(...nums);
  const max = Math.max(...nums);
  const decimals = type === 'DOUBLE' ? Math.min(6, Math.max(0, ...values.map((x) => (x.trim().split('.')[1] ?? '').replace(/[eE].*/, '').length))) : 0;
  const granularity = Number((10 ** -decimals).toFixed(decimals));
  const magnitude = Math.max(Math.abs(min), Math.abs(max));
  const step = Math.max(granularity, magnitude === 0 ? 1 : 10 ** Math.floor(Math.log10(magnitude)));
  const round = (x: number) => Number(x.toFixed(decimals));
  const lower = round(Math.floor(min / step) * step);
  let upper = round(Math.ceil(max / step) * step);
  if (upper <= lower) upper = round(lower + step);
  return { lower, upper, granularity };
}

/** Every column of a sample: name, type, suggested tag with its reason, bounds for METRIC columns. */
export function inferColumns(header: string[], rows: string[][]): InferredColumn[] {
  const used = new Set<string>();
  return header.map((h, i) => {
    const values = rows.map((r) => r[i] ?? '');
    const type = inferType(values);
    const { tag, reason } = suggestTag(h, type, values);
    let name = columnName(h, i);
    while (used.has(name)) name = `${name}_${i + 1}`.slice(0, 63);
    used.add(name);
    const bounds = tag === 'METRIC' ? proposeBounds(values, type) : null;
    return { header: h, name, type, tag, reason, ...(bounds ?? {}) };
  });
}

/** The column a draft counts entities by: the first IDENTIFIER, else the first column. */
export function suggestEntityColumn(columns: { name: string; tag: Tag | string }[]): string | undefined {
  return (columns.find((c) => c.tag === 'IDENTIFIER') ?? columns[0])?.name;
}

/** "columns[2].lower" → ['columns', 2, 'lower']: a problem's field as an antd form path. */
export function fieldPath(field: string): (string | number)[] {
  return field
    .split(/[.[\]]/)
    .filter((p) => p !== '')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}
