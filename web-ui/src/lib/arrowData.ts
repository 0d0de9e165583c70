// Arrow IPC streams (a released sandbox result) into what the result table and the chart show.
import { DataType, tableFromIPC, util, type Table } from 'apache-arrow';
import { divisionName, isDivisionColumn } from './divisions';
import { noiseOf, type NoiseInfo } from './noiseInterval';
import type { Locale } from '../i18n/messages';

export type CellValue = string | number | boolean | null;

export type ColumnKind = 'number' | 'temporal' | 'boolean' | 'text';

export interface ResultColumn {
  name: string;
  /** Arrow's name of the type, e.g. Int64, Float64, Utf8, Timestamp<MICROSECOND>. */
  arrowType: string;
  kind: ColumnKind;
  /** How the column was noised (differential privacy), from its field metadata; null for exact values. */
  noise: NoiseInfo | null;
}

export interface ResultData {
  columns: ResultColumn[];
  rows: Record<string, CellValue>[];
  /** Rows in the stream (rows may hold fewer when a limit was given). */
  totalRows: number;
}

function kindOf(type: DataType): ColumnKind {
  if (DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type)) return 'number';
  if (DataType.isTimestamp(type) || DataType.isDate(type)) return 'temporal';
  if (DataType.isBool(type)) return 'boolean';
  return 'text';
}

/** One Arrow value as a plain value the table and chart can use. */
export function toCell(value: unknown, type: DataType): CellValue {
  if (value === null || value === undefined) return null;
  if (DataType.isDecimal(type)) {
    return util.bigNumToNumber(value as Parameters<typeof util.bigNumToNumber>[0], type.scale);
  }
  if (typeof value === 'bigint') {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : value.toString();
  }
  if (DataType.isTimestamp(type) || DataType.isDate(type)) {
    const ms = value instanceof Date ? value.getTime() : Number(value);
    if (!Number.isFinite(ms)) return String(value);
    const iso = new Date(ms).toISOString();
    return DataType.isDate(type) ? iso.slice(0, 10) : iso.replace('T', ' ').replace(/\.000Z$/, 'Z');
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

export function tableToResult(table: Table, limit = Number.POSITIVE_INFINITY): ResultData {
  const fields = table.schema.fields;
  const columns: ResultColumn[] = fields.map((f) => ({
    name: f.name,
    arrowType: String(f.type),
    kind: kindOf(f.type),
    noise: noiseOf(f.metadata),
  }));
  const vectors = fields.map((f) => table.getChild(f.name));
  const count = Math.min(table.numRows, limit);
  const rows: Record<string, CellValue>[] = [];
  for (let i = 0; i < count; i++) {
    const row: Record<string, CellValue> = {};
    fields.forEach((f, c) => {
      row[f.name] = toCell(vectors[c]?.get(i), f.type);
    });
    rows.push(row);
  }
  return { columns, rows, totalRows: table.numRows };
}

/** Reads an Arrow IPC stream (or file) into rows. */
export function arrowToResult(bytes: Uint8Array | ArrayBuffer, limit?: number): ResultData {
  const table = tableFromIPC(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes);
  return tableToResult(table, limit);
}

// ---- chart -------------------------------------------------------------------------------------

export interface ChartChoice {
  x: string | null;
  y: string[];
}

/** A first chart: the first non-numeric column along x, up to three numeric columns as series. */
export function defaultChartChoice(columns: ResultColumn[]): ChartChoice {
  const numeric = columns.filter((c) => c.kind === 'number');
  const categorical = columns.find((c) => c.kind !== 'number');
  const x = categorical?.name ?? columns[0]?.name ?? null;
  return { x, y: numeric.filter((c) => c.name !== x).slice(0, 3).map((c) => c.name) };
}

export interface ChartData {
  categories: string[];
  series: { name: string; data: (number | null)[] }[];
}

/** The chart's categories and series; given a language, a district column's codes are named along the axis. */
export function chartData(result: ResultData, choice: ChartChoice, locale?: Locale): ChartData {
  const x = choice.x;
  const named = x !== null && locale !== undefined && isDivisionColumn(x);
  const categories = result.rows.map((r, i) =>
    x === null ? String(i + 1) : formatCategory(named ? divisionName(r[x] ?? null, locale) : (r[x] ?? null)),
  );
  const series = choice.y.map((name) => ({
    name,
    data: result.rows.map((r) => {
      const v = r[name];
      if (typeof v === 'number') return Number.isFinite(v) ? v : null;
      if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
      return null;
    }),
  }));
  return { categories, series };
}

function formatCategory(v: CellValue): string {
  if (v === null) return '∅';
  return String(v);
}

/** The JSON preview (?format=json) into the same shape, when Arrow cannot be read. */
export function jsonRowsToResult(rows: Record<string, unknown>[]): ResultData {
  const names = rows.length > 0 ? Object.keys(rows[0] ?? {}) : [];
  const columns: ResultColumn[] = names.map((name) => {
    const sample = rows.find((r) => r[name] !== null && r[name] !== undefined)?.[name];
    const kind: ColumnKind = typeof sample === 'number' ? 'number' : typeof sample === 'boolean' ? 'boolean' : 'text';
    return { name, arrowType: typeof sample, kind, noise: null };
  });
  return {
    columns,
    rows: rows.map((r) => Object.fromEntries(names.map((n) => [n, (r[n] ?? null) as CellValue]))),
    totalRows: rows.length,
  };
}
