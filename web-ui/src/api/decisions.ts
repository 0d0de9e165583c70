// 按时办结 / Deadlines: decisions against their deadlines per kind, month and department, and their export.
//
// The wire types are the generated ones (schema.d.ts from the OpenAPI document).
import type { components } from './schema';
import { apiFetch } from './http';

const API = '/api/v1';

type Schemas = components['schemas'];
export type DecisionKind = Schemas['DecisionKind'];
export type DeadlineUnit = Schemas['DecisionDeadline']['unit'];
/** A kind's deadline as the policy data holds it (pdx.config.efficiency.deadlines). */
export type DecisionDeadline = Schemas['DecisionDeadline'];
/** One kind, month and department; no department: the total of all departments. */
export type DecisionFiguresRow = Schemas['DecisionFiguresRow'];
export type DecisionFigures = Schemas['DecisionFigures'];

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
