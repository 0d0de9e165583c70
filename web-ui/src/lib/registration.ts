// Registration per 公共数据资源登记管理暂行办法: the publicity window (公示期), why registering is not
// possible yet, and what a certificate verification says. No React here; the pages put it in words.
import type { CertificateVerification, ObjectionStatus } from '../api/types';
import { isApiError, problemSlug } from './problem';

/** Objections still waiting for an answer: they keep a registration from being registered. */
export const PENDING_OBJECTION: readonly ObjectionStatus[] = ['OPEN', 'UPHOLD_PROPOSED'];

export function isPendingObjection(o: { status?: ObjectionStatus | null }): boolean {
  return o.status != null && PENDING_OBJECTION.includes(o.status);
}

export interface PublicityWindow {
  startsAt: Date | null;
  endsAt: Date;
  /** Milliseconds until the window ends; 0 once it has ended. */
  remainingMs: number;
  ended: boolean;
  /** Share of the window already past, 0..1. */
  used: number;
}

function instant(v: string | Date | null | undefined): Date | null {
  if (!v) return null;
  const d = typeof v === 'string' ? new Date(v) : v;
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The publicity window at `now`; null without a (readable) end. */
export function publicityWindow(
  startedAt: string | Date | null | undefined,
  endsAt: string | Date | null | undefined,
  now: Date = new Date(),
): PublicityWindow | null {
  const end = instant(endsAt);
  if (!end) return null;
  const start = instant(startedAt);
  const left = end.getTime() - now.getTime();
  const total = start ? end.getTime() - start.getTime() : 0;
  const used = total > 0 ? Math.min(1, Math.max(0, (now.getTime() - start!.getTime()) / total)) : left > 0 ? 0 : 1;
  return { startsAt: start, endsAt: end, remainingMs: Math.max(0, left), ended: left <= 0, used };
}

/**
 * Why a registration in publicity cannot be registered yet, in the order the API checks it (409 problem types
 * `publicity-open`, then `objections-pending`); null when nothing stands in the way (or it is not in publicity).
 */
export type RegisterBlocker = 'publicity-open' | 'objections-pending' | 'not-in-publicity';

export function registerBlocker(
  dataset: { status?: string | null; publicityEndsAt?: string | null },
  objections: readonly { status?: ObjectionStatus | null }[],
  now: Date = new Date(),
): RegisterBlocker | null {
  if (dataset.status !== 'PUBLICITY') return 'not-in-publicity';
  const w = publicityWindow(null, dataset.publicityEndsAt, now);
  if (!w || !w.ended) return 'publicity-open';
  if (objections.some(isPendingObjection)) return 'objections-pending';
  return null;
}

/** Whether a signed-in person may still lodge an objection: only in publicity, before the window's end. */
export function objectionWindowOpen(endsAt: string | null | undefined, now: Date = new Date()): boolean {
  const w = publicityWindow(null, endsAt, now);
  return w !== null && !w.ended;
}

/** A code as typed: trimmed, inner spaces dropped, upper case (codes look like PDX-350100-2026-000001). */
export function normalizeCertificateCode(input: string | null | undefined): string {
  return (input ?? '').replace(/\s+/g, '').toUpperCase();
}

export type VerificationOutcome = 'VALID' | 'SUPERSEDED' | 'CANCELLED' | 'UNKNOWN';

/** What a verification answer says; an unknown code (404 certificate-not-found, or any 404) is UNKNOWN; other errors null. */
export function verificationOutcome(answer: CertificateVerification | undefined, error?: unknown): VerificationOutcome | null {
  if (error !== undefined && error !== null) {
    if (isApiError(error) && (error.problem.status === 404 || problemSlug(error.problem.type) === 'certificate-not-found')) return 'UNKNOWN';
    return null;
  }
  if (!answer) return null;
  return ['VALID', 'SUPERSEDED', 'CANCELLED'].includes(answer.status) ? answer.status : null;
}

/** The documented offline check (docs/REGISTRATION.md) for one code against one API origin. */
export function offlineVerifyCommands(origin: string, code: string): string {
  return [
    `API=${origin}`,
    `CODE=${code}`,
    'curl -s $API/api/v1/certificates/public-key > pdx-certificates.pem',
    'curl -s $API/api/v1/certificates/$CODE > verification.json',
    `python3 -c 'import json,sys; v=json.load(open("verification.json")); sys.stdout.write(v["canonical"])' > certificate.json`,
    `python3 -c 'import json,base64,sys; sys.stdout.buffer.write(base64.b64decode(json.load(open("verification.json"))["signature"]))' > certificate.sig`,
    'openssl pkeyutl -verify -pubin -inkey pdx-certificates.pem -rawin -in certificate.json -sigfile certificate.sig',
    '# Signature Verified Successfully',
  ].join('\n');
}
