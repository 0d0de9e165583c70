import { describe, expect, it } from 'vitest';
import type { CertificateVerification } from '../src/api/types';
import { ApiError, parseProblem } from '../src/lib/problem';
import {
  isPendingObjection,
  normalizeCertificateCode,
  objectionWindowOpen,
  offlineVerifyCommands,
  publicityWindow,
  registerBlocker,
  verificationOutcome,
} from '../src/lib/registration';

const start = '2026-12-01T00:00:00Z';
const end = '2026-12-11T00:00:00Z';
const at = (iso: string) => new Date(iso);

describe('the publicity window (公示期)', () => {
  it('gives the time left and the share used while open', () => {
    const w = publicityWindow(start, end, at('2026-12-06T00:00:00Z'))!;
    expect(w.ended).toBe(false);
    expect(w.remainingMs).toBe(5 * 86_400_000);
    expect(w.used).toBeCloseTo(0.5);
    expect(w.endsAt.toISOString()).toBe('2026-12-11T00:00:00.000Z');
  });

  it('has ended at its end exactly and after it, with nothing left (never negative)', () => {
    expect(publicityWindow(start, end, at(end))!.ended).toBe(true);
    const after = publicityWindow(start, end, at('2026-12-20T00:00:00Z'))!;
    expect(after.ended).toBe(true);
    expect(after.remainingMs).toBe(0);
    expect(after.used).toBe(1);
  });

  it('is null without a readable end', () => {
    expect(publicityWindow(start, null)).toBeNull();
    expect(publicityWindow(start, 'not a date')).toBeNull();
  });
});

describe('why register is not possible yet', () => {
  const inPublicity = { status: 'PUBLICITY', publicityEndsAt: end };

  it('is the open window first, even with objections pending (the API checks in this order)', () => {
    expect(registerBlocker(inPublicity, [{ status: 'OPEN' }], at('2026-12-05T00:00:00Z'))).toBe('publicity-open');
    expect(registerBlocker(inPublicity, [], at('2026-12-10T23:59:59Z'))).toBe('publicity-open');
  });

  it('is a pending objection (open or proposed for upholding) after the window', () => {
    const later = at('2026-12-12T00:00:00Z');
    expect(registerBlocker(inPublicity, [{ status: 'DISMISSED' }, { status: 'OPEN' }], later)).toBe('objections-pending');
    expect(registerBlocker(inPublicity, [{ status: 'UPHOLD_PROPOSED' }], later)).toBe('objections-pending');
  });

  it('is nothing once the window has ended and every objection is answered', () => {
    expect(registerBlocker(inPublicity, [{ status: 'DISMISSED' }], at('2026-12-12T00:00:00Z'))).toBeNull();
    expect(registerBlocker(inPublicity, [], at(end))).toBeNull();
  });

  it('names a registration that is not in publicity, and an unknown end as still open', () => {
    expect(registerBlocker({ status: 'SUBMITTED' }, [])).toBe('not-in-publicity');
    expect(registerBlocker({ status: 'PUBLICITY', publicityEndsAt: null }, [])).toBe('publicity-open');
  });

  it('counts only OPEN and UPHOLD_PROPOSED as pending', () => {
    expect(['OPEN', 'UPHOLD_PROPOSED', 'UPHELD', 'DISMISSED'].map((status) => isPendingObjection({ status: status as never }))).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(isPendingObjection({})).toBe(false);
  });

  it('lets objections in only before the end', () => {
    expect(objectionWindowOpen(end, at('2026-12-10T00:00:00Z'))).toBe(true);
    expect(objectionWindowOpen(end, at(end))).toBe(false);
    expect(objectionWindowOpen(null)).toBe(false);
  });
});

describe('certificate verification', () => {
  const answer = (status: CertificateVerification['status']): CertificateVerification => ({
    status,
    certificate: {},
    canonical: '{}',
    signature: '',
    algorithm: 'Ed25519',
    keyId: '0123456789abcdef',
  });
  const notFound = new ApiError(
    parseProblem({ type: 'https://pdx.example/problems/certificate-not-found', title: 'Unknown certificate / 证书不存在', status: 404 }, 404),
  );

  it('reads the status of a known certificate', () => {
    expect(verificationOutcome(answer('VALID'))).toBe('VALID');
    expect(verificationOutcome(answer('SUPERSEDED'))).toBe('SUPERSEDED');
    expect(verificationOutcome(answer('CANCELLED'))).toBe('CANCELLED');
  });

  it('calls a 404 unknown, but not a network failure or a 500', () => {
    expect(verificationOutcome(undefined, notFound)).toBe('UNKNOWN');
    expect(verificationOutcome(undefined, new Error('offline'))).toBeNull();
    expect(verificationOutcome(undefined, new ApiError(parseProblem({ status: 500 }, 500)))).toBeNull();
    expect(verificationOutcome(undefined)).toBeNull();
  });

  it('normalizes a typed code', () => {
    expect(normalizeCertificateCode('  pdx-350100-2026-000001 ')).toBe('PDX-350100-2026-000001');
    expect(normalizeCertificateCode('PDX-350100 -2026-000001')).toBe('PDX-350100-2026-000001');
    expect(normalizeCertificateCode(null)).toBe('');
  });

  it('writes the documented OpenSSL check for the code', () => {
    const c = offlineVerifyCommands('https://pdx.example', 'PDX-350100-2026-000001');
    expect(c).toContain('API=https://pdx.example\nCODE=PDX-350100-2026-000001');
    expect(c).toContain('openssl pkeyutl -verify -pubin -inkey pdx-certificates.pem -rawin -in certificate.json -sigfile certificate.sig');
  });
});
