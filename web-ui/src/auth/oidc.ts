// OpenID Connect against Keycloak realm pdx: authorization code with PKCE (S256), public client pdx-web.
import { UserManager, WebStorageStateStore, type UserManagerSettings } from 'oidc-client-ts';

export const CALLBACK_PATH = '/auth/callback';

/** The realm's URL: VITE_PDX_OIDC_AUTHORITY at build time, else Keycloak on port 8180 of this host. */
export function authority(): string {
  const configured = import.meta.env['VITE_PDX_OIDC_AUTHORITY'] as string | undefined;
  if (configured) return configured;
  return `${window.location.protocol}//${window.location.hostname}:8180/realms/pdx`;
}

export function oidcSettings(): UserManagerSettings {
  const origin = window.location.origin;
  return {
    authority: authority(),
    client_id: 'pdx-web',
    redirect_uri: `${origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: 'openid profile',
    // Tokens live in this tab's session storage only, never in localStorage.
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: true,
    loadUserInfo: false,
  };
}

let manager: UserManager | null = null;

export function userManager(): UserManager {
  manager ??= new UserManager(oidcSettings());
  return manager;
}

export function tokenEndpoint(): string {
  return `${authority()}/protocol/openid-connect/token`;
}
