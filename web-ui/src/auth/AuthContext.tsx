// Who is signed in: the OIDC user, their realm roles and organization, and login/logout.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { User } from 'oidc-client-ts';
import { setAccessTokenGetter, setUnauthorizedHandler } from '../api/http';
import { decodeClaims, rolesOf, type Claims, type Role } from '../lib/jwt';
import { userManager } from './oidc';

export interface Auth {
  ready: boolean;
  user: User | null;
  claims: Claims | null;
  roles: Role[];
  username: string | null;
  organization: string | null;
  hasRole: (...roles: Role[]) => boolean;
  isBureau: boolean;
  /** The bureau, or the regulator (监管): reads every organization's records (the regulator changes nothing). */
  oversees: boolean;
  login: (returnTo?: string) => Promise<void>;
  logout: () => Promise<void>;
  /** Set after an API call answered 401 to a token: the session has ended. */
  expired: boolean;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [ready, setReady] = useState(false);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    const um = userManager();
    let live = true;
    um.getUser()
      .then((u) => {
        if (live) setUser(u && !u.expired ? u : null);
      })
      .catch(() => undefined)
      .finally(() => live && setReady(true));
    const loaded = (u: User) => {
      setUser(u);
      setExpired(false);
    };
    const unloaded = () => setUser(null);
    um.events.addUserLoaded(loaded);
    um.events.addUserUnloaded(unloaded);
    um.events.addAccessTokenExpired(unloaded);
    return () => {
      live = false;
      um.events.removeUserLoaded(loaded);
      um.events.removeUserUnloaded(unloaded);
      um.events.removeAccessTokenExpired(unloaded);
    };
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => setExpired(true));
    return () => setUnauthorizedHandler(null);
  }, []);

  const login = useCallback(async (returnTo?: string) => {
    const target = returnTo ?? `${window.location.pathname}${window.location.search}`;
    await userManager().signinRedirect({ state: { returnTo: target } });
  }, []);

  const logout = useCallback(async () => {
    const um = userManager();
    const idToken = user?.id_token;
    await um.removeUser();
    setUser(null);
    try {
      await um.signoutRedirect(idToken ? { id_token_hint: idToken } : {});
    } catch {
      window.location.assign('/');
    }
  }, [user]);

  const value = useMemo<Auth>(() => {
    // Set while rendering, so that the first queries of a signed-in page already carry the token.
    setAccessTokenGetter(() => (user && !user.expired ? user.access_token : null));
    const claims = decodeClaims(user?.access_token);
    const roles = rolesOf(claims);
    return {
      ready,
      user,
      claims,
      roles,
      username: claims?.preferred_username ?? null,
      organization: typeof claims?.org_id === 'string' ? claims.org_id : null,
      hasRole: (...wanted: Role[]) => wanted.some((r) => roles.includes(r)),
      isBureau: roles.includes('bureau-admin') || roles.includes('bureau-reviewer'),
      oversees: roles.includes('bureau-admin') || roles.includes('bureau-reviewer') || roles.includes('regulator'),
      login,
      logout,
      expired,
    };
  }, [ready, user, login, logout, expired]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
