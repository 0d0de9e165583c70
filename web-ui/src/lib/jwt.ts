// Reads the claims of a JWT (no verification: the API verifies; the UI only decides what to show).

export interface Claims {
  sub?: string;
  preferred_username?: string;
  name?: string;
  org_id?: string;
  department?: string;
  exp?: number;
  realm_access?: { roles?: string[] };
  [key: string]: unknown;
}

function base64UrlDecode(segment: string): string {
  const b64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = b64 + '='.repeat((4 - (b64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

export function decodeClaims(token: string | undefined | null): Claims | null {
  if (!token) return null;
  const parts = token.split('.');
  if (parts.length < 2 || !parts[1]) return null;
  try {
    const claims: unknown = JSON.parse(base64UrlDecode(parts[1]));
    return typeof claims === 'object' && claims !== null ? (claims as Claims) : null;
  } catch {
    return null;
  }
}

export const ROLES = ['operator', 'developer', 'provider', 'bureau-reviewer', 'bureau-admin', 'regulator'] as const;
export type Role = (typeof ROLES)[number];

export function rolesOf(claims: Claims | null): Role[] {
  const roles = claims?.realm_access?.roles ?? [];
  return ROLES.filter((r) => roles.includes(r));
}
