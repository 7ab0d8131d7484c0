/**
 * The session: who is logged in (GET /api/session on start), login, logout and password change. The CSRF token
 * from the session is handed to the API client.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiRequestError, onUnauthenticated, setCsrfToken } from '../api/client.js';
import type { SessionInfo } from '../api/types.js';

export type SessionStatus = 'loading' | 'anonymous' | 'authenticated' | 'expired';

export interface SessionContextValue {
  status: SessionStatus;
  session: SessionInfo | null;
  /** a startup failure other than "not logged in" (server unreachable …) */
  error: string | null;
  login(username: string, password: string): Promise<SessionInfo>;
  logout(): Promise<void>;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  refresh(): Promise<void>;
  /** does the user's role hold this action (src/server/authz.ts)? */
  can(action: string): boolean;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [error, setError] = useState<string | null>(null);

  const adopt = useCallback((s: SessionInfo | null, next: SessionStatus) => {
    setCsrfToken(s?.csrfToken ?? null);
    setSession(s);
    setStatus(next);
  }, []);

  const refresh = useCallback(async () => {
    // no CSRF cookie, no session: skip the request (and the 401 it would log in the console)
    if (
      typeof document !== 'undefined' &&
      !document.cookie.split(';').some((c) => c.trim().startsWith('jixiao_csrf='))
    ) {
      adopt(null, 'anonymous');
      setError(null);
      return;
    }
    try {
      const s = await api.get<SessionInfo>('/api/session', { quiet401: true });
      adopt(s, 'authenticated');
      setError(null);
    } catch (e) {
      if (e instanceof ApiRequestError && e.status === 401) {
        adopt(null, 'anonymous');
        setError(null);
      } else {
        adopt(null, 'anonymous');
        setError(e instanceof Error ? e.message : '无法连接服务器');
      }
    }
  }, [adopt]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(
    () =>
      onUnauthenticated(() => {
        setCsrfToken(null);
        setStatus((s) => (s === 'authenticated' ? 'expired' : s));
      }),
    [],
  );

  const login = useCallback(
    async (username: string, password: string) => {
      const s = await api.post<SessionInfo>('/api/auth/login', { username, password }, { quiet401: true });
      adopt(s, 'authenticated');
      setError(null);
      return s;
    },
    [adopt],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', undefined, { quiet401: true });
    } finally {
      adopt(null, 'anonymous');
    }
  }, [adopt]);

  const changePassword = useCallback(async (currentPassword: string, newPassword: string) => {
    await api.post('/api/auth/password', { currentPassword, newPassword });
  }, []);

  const value = useMemo<SessionContextValue>(
    () => ({
      status,
      session,
      error,
      login,
      logout,
      changePassword,
      refresh,
      can: (action) => !!session?.permissions.includes(action),
    }),
    [status, session, error, login, logout, changePassword, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession 须在 SessionProvider 内使用');
  return v;
}

/** The logged-in session (for pages that are only rendered when logged in). */
export function useRequiredSession(): SessionInfo {
  const { session } = useSession();
  if (!session) throw new Error('未登录');
  return session;
}
