// 按时办结 / Deadlines: decisions against their deadlines per kind, month and department, and their export.
//
// HAND-WRITTEN wire types: GET /api/v1/efficiency/decisions and /export are newer than schema.d.ts. Once
// `npm run api:types` has regenerated schema.d.ts against an API that serves them, replace these interfaces by
// aliases of components['schemas'] ('DecisionFigures', 'DecisionFiguresRow', 'DecisionDeadline', as types.ts does).
import { apiFetch } from './http';

const API = '/api/v1';

export type DecisionKind = 'LICENSE' | 'REGISTRATION_REVIEW' | 'REGISTRATION' | 'RESULT_RELEASE' | 'SATISFACTION_CASE' | 'OBJECTION';
export type DeadlineUnit = 'HOURS' | 'WORKING_DAYS';

/** A kind's deadline as the policy data holds it (pdx.config.efficiency.deadlines). */
export interface DecisionDeadline {
  kind: DecisionKind;
  labelZh: string;
  labelEn: string;
  unit: DeadlineUnit;
  amount: number;
  /** The policy data key the amount is read from. */
  source: string;
  basisZh: string;
  basisEn: string;
}

/** One kind, month and department; no department: the total of all departments. */
export interface DecisionFiguresRow {
  kind: DecisionKind;
  month: string;
  department?: string | null;
  departmentName?: string | null;
  decided: number;
  decidedAutomatically: number;
  medianSecondsToDecide?: number | null;
  metDeadline: number;
  late: number;
  openNow: number;
  overdueNow: number;
}

export interface DecisionFigures {
  from: string;
  to: string;
  asOf: string;
  deadlines: DecisionDeadline[];
  rows: DecisionFiguresRow[];
}

export type DecisionExportFormat = 'csv' | 'xlsx';

export const EXPORT_MEDIA_TYPES: Record<DecisionExportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const range = (from: string, to: string) => `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

export const getDecisionFigures = (from: string, to: string) =>
  apiFetch<DecisionFigures>(`${API}/efficiency/decisions?${range(from, to)}`);

/** The figures as a file, fetched with the user's token (a plain link would carry none). */
export const fetchDecisionExport = (format: DecisionExportFormat, from: string, to: string) =>
  apiFetch<Blob>(`${API}/efficiency/decisions/export?format=${format}&${range(from, to)}`, {
    as: 'blob',
    accept: `${EXPORT_MEDIA_TYPES[format]}, application/problem+json`,
  });

/** The name the API gives the file (Content-Disposition), which a fetched blob does not carry. */
export const decisionExportName = (format: DecisionExportFormat, from: string, to: string) => `pdx-decisions-${from}_${to}.${format}`;
