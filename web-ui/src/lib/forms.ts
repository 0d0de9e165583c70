// Field errors of a problem onto form fields: "columns[0]" and "params.district" go to their field.
import type { Problem } from './problem';

export interface FormFieldError {
  name: (string | number)[];
  errors: string[];
}

/** The problem's field errors as antd Form fields; those naming no known field are returned apart. */
export function problemToFields(problem: Problem, known: string[]): { fields: FormFieldError[]; other: Problem['errors'] } {
  const byField = new Map<string, string[]>();
  const other: Problem['errors'] = [];
  for (const e of problem.errors) {
    const base = e.field.split(/[.[]/)[0] ?? '';
    const target = known.includes(e.field) ? e.field : known.includes(base) ? base : null;
    if (target === null) {
      other.push(e);
      continue;
    }
    const list = byField.get(target) ?? [];
    list.push(e.message);
    byField.set(target, list);
  }
  return { fields: [...byField.entries()].map(([name, errors]) => ({ name: name.split('.'), errors })), other };
}

/** Whole months between two ISO dates (the term of a license), rounded up. */
export function monthsBetween(start: string, end: string): number {
  const a = new Date(`${start}T00:00:00Z`);
  const b = new Date(`${end}T00:00:00Z`);
  const months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  return b.getUTCDate() > a.getUTCDate() ? months + 1 : months;
}

export const EMAIL = /^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$/;
export const PHONE = /^\+?[0-9][0-9 -]{5,28}$/;
