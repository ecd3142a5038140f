import { createContext, type ComponentChildren } from "preact";
import { useCallback, useContext, useEffect, useMemo, useState } from "preact/hooks";
import { ApiError, apiUrl, clearCache, getJson, onUnauthenticated, send, setCsrfToken } from "./api.ts";
import type { Abilities, SessionResponse } from "./types.ts";

/**
 * Who is signed in and what they may do, as the server says (GET /api/v1/session). The UI shows
 * menus and pages from `abilities` and never decides them itself. The CSRF token stays in memory.
 */
export interface SessionValue {
  /** undefined until the first answer. */
  session: SessionResponse | undefined;
  /** Asks the server again (after a sign-in or a password change, or when an answer was 401). */
  refresh: () => Promise<SessionResponse>;
  signIn: (email: string, password: string) => Promise<SessionResponse>;
  signOut: () => Promise<void>;
  /** A password change starts a fresh session: its CSRF token replaces the old one. */
  adoptCsrfToken: (token: string) => Promise<void>;
}

const NOBODY: Abilities = {
  registry: { write: false },
  administration: { manage: false },
  audit: { read: false, all: false },
  account: { manage: false, passwordChangeRequired: false },
  decisions: { read: false, chair: false, speakFor: null },
  documents: { read: false, upload: false, manageClearances: false },
};

export const ANONYMOUS_SESSION: SessionResponse = { account: null, abilities: NOBODY, csrfToken: null };

const SessionContext = createContext<SessionValue>({
  session: undefined,
  refresh: async () => ANONYMOUS_SESSION,
  signIn: async () => ANONYMOUS_SESSION,
  signOut: async () => {},
  adoptCsrfToken: async () => {},
});

export function useSession(): SessionValue {
  return useContext(SessionContext);
}

/** Thrown when the sign-in succeeded but the browser did not keep the session cookie. */
export class CookieRefusedError extends Error {
  constructor() {
    super("cookie_refused");
    this.name = "CookieRefusedError";
  }
}

export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [session, setSession] = useState<SessionResponse | undefined>(undefined);

  const refresh = useCallback(async () => {
    const next = await getJson<SessionResponse>(apiUrl("/session"), undefined, { cache: false });
    setCsrfToken(next.csrfToken);
    setSession((previous) => {
      // Answers about the registry may depend on who asks: forget them when that changes.
      if (previous && previous.account?.id !== next.account?.id) clearCache();
      return next;
    });
    return next;
  }, []);

  useEffect(() => {
    refresh().catch(() => setSession(ANONYMOUS_SESSION));
    return onUnauthenticated(() => void refresh().catch(() => {}));
  }, []);

  const value = useMemo<SessionValue>(
    () => ({
      session,
      refresh,
      signIn: async (email, password) => {
        const answer = await send<SessionResponse>("POST", "/session", { email, password });
        setCsrfToken(answer.csrfToken);
        // Ask again through the cookie: this also proves that the browser kept it.
        const confirmed = await refresh();
        if (!confirmed.account) throw new CookieRefusedError();
        return confirmed;
      },
      signOut: async () => {
        try {
          await send<void>("DELETE", "/session");
        } catch (error) {
          // Already signed out (the session ended elsewhere) is still signed out.
          if (!(error instanceof ApiError) || error.status !== 401) throw error;
        }
        setCsrfToken(null);
        clearCache();
        setSession(ANONYMOUS_SESSION);
      },
      adoptCsrfToken: async (token) => {
        setCsrfToken(token);
        await refresh();
      },
    }),
    [session, refresh],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
