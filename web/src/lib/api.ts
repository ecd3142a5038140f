import { useEffect, useRef, useState } from "preact/hooks";
import { isLanguage } from "../../../src/domain/languages.ts";

/** An error the API reported (`{"error":{"id","message"}}`) or a network failure. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly id: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

type Params = Record<string, string | null | undefined>;

export function apiUrl(path: string, params: Params = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") search.set(key, value);
  }
  const query = search.toString();
  return `/api/v1${path}${query ? `?${query}` : ""}`;
}

// Registry answers change rarely while a page is open: keep recent answers so that moving the
// date slider back and forth, or switching language back, does not ask the server again.
const cache = new Map<string, unknown>();
const CACHE_LIMIT = 300;

function remember(url: string, value: unknown): void {
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(url, value);
}

/** Reads an answer: its JSON body, or the API's error (`{"error":{"id","message"}}`) as an ApiError. */
async function readAnswer<T>(response: Response): Promise<T> {
  let body: unknown = null;
  const text = await response.text();
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const error = (body as { error?: { id?: string; message?: string } } | null)?.error;
    throw new ApiError(
      error?.message ?? `${response.status} ${response.statusText}`.trim(),
      response.status,
      error?.id ?? "http_error",
    );
  }
  if (response.status === 204) return undefined as T;
  if (body === null) throw new ApiError("The server sent an answer that is not JSON.", response.status, "bad_response");
  return body as T;
}

function networkError(error: unknown): unknown {
  if (error instanceof DOMException && error.name === "AbortError") return error;
  return new ApiError(error instanceof Error ? error.message : String(error), 0, "network");
}

export interface FetchOptions {
  /**
   * Keep and reuse the answer (the default, for the public registry). Answers about people
   * (sessions, accounts, tokens, the audit log) pass false: they are asked afresh every time.
   */
  cache?: boolean;
}

export async function getJson<T>(url: string, signal?: AbortSignal, options: FetchOptions = {}): Promise<T> {
  const cached = options.cache !== false;
  if (cached && cache.has(url)) return cache.get(url) as T;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: "application/json" },
      signal: signal ?? null,
      cache: cached ? "default" : "no-store",
    });
  } catch (error) {
    throw networkError(error);
  }
  if (response.status === 401) notifyUnauthenticated();
  const body = await readAnswer<T>(response);
  if (cached) remember(url, body);
  return body;
}

/** Forgets every kept answer (after signing in or out, what the server says may differ). */
export function clearCache(): void {
  cache.clear();
}

// The session's CSRF token, kept in memory only: every change made with the session cookie
// must carry it (X-CSRF-Token). Set from GET /api/v1/session, sign-in and password change.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

// Told when the server answers 401 (the session ended elsewhere or expired), so the header can
// stop showing someone as signed in.
const unauthenticatedListeners = new Set<() => void>();

export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

function notifyUnauthenticated(): void {
  for (const listener of unauthenticatedListeners) listener();
}

/** Fetches the session's CSRF token afresh (the page may have been open across a sign-in elsewhere). */
async function refreshCsrfToken(): Promise<void> {
  const session = await getJson<{ csrfToken: string | null }>(apiUrl("/session"), undefined, { cache: false });
  csrfToken = session.csrfToken;
}

export interface SendOptions {
  /** Makes the change safe to send again (a retry after a lost answer is not applied twice). */
  idempotencyKey?: string;
}

/**
 * A change: JSON in (or a FormData, sent as multipart) and out, with the session's CSRF token. A refused CSRF token (the session
 * was renewed in another tab) is fetched again and the change tried once more.
 */
/**
 * The page's language (app.tsx sets it on <html lang>) as Accept-Language, so that a refusal
 * comes back in the language the reader chose, not the browser's.
 */
function pageLanguage(): Record<string, string> {
  const lang = typeof document === "undefined" ? undefined : document.documentElement?.lang;
  return isLanguage(lang) ? { "Accept-Language": lang } : {};
}

export async function send<T>(
  method: "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  body?: unknown,
  options: SendOptions = {},
  retried = false,
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", ...pageLanguage() };
  if (options.idempotencyKey) headers["Idempotency-Key"] = options.idempotencyKey;
  // A form (a file upload) sets its own multipart content type, with its boundary.
  const form = typeof FormData !== "undefined" && body instanceof FormData;
  if (body !== undefined && !form) headers["content-type"] = "application/json";
  if (csrfToken) headers["X-CSRF-Token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? null : form ? (body as FormData) : JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch (error) {
    throw networkError(error);
  }
  if (response.status === 403 && !retried) {
    const copy = response.clone();
    const answer = (await copy.json().catch(() => null)) as { error?: { id?: string } } | null;
    if (answer?.error?.id === "csrf_failed") {
      await refreshCsrfToken();
      return send<T>(method, path, body, options, true);
    }
  }
  if (response.status === 401 && path !== "/session") notifyUnauthenticated();
  return readAnswer<T>(response);
}

export interface ApiState<T> {
  /** The latest answer; kept while a newer request is on its way, so views do not flash. */
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** True when `data` answers the current request (not an earlier one). */
  fresh: boolean;
  retry: () => void;
}

/** Fetches `url` (null: nothing) and follows it as it changes, dropping stale answers. */
export function useApi<T>(url: string | null, options: FetchOptions = {}): ApiState<T> {
  const cached = options.cache !== false;
  const [state, setState] = useState<{
    url: string | null;
    data: T | undefined;
    error: ApiError | undefined;
    loading: boolean;
  }>(() => ({
    url: null,
    data: cached && url && cache.has(url) ? (cache.get(url) as T) : undefined,
    error: undefined,
    loading: url !== null && !(cached && cache.has(url)),
  }));
  const [attempt, setAttempt] = useState(0);
  const latest = useRef<string | null>(url);
  latest.current = url;

  useEffect(() => {
    if (url === null) {
      setState({ url: null, data: undefined, error: undefined, loading: false });
      return;
    }
    if (cached && cache.has(url)) {
      setState({ url, data: cache.get(url) as T, error: undefined, loading: false });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, error: undefined, loading: true }));
    getJson<T>(url, controller.signal, options).then(
      (data) => {
        if (latest.current === url) setState({ url, data, error: undefined, loading: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = error instanceof ApiError ? error : new ApiError(String(error), 0, "unknown");
        if (latest.current === url) setState((previous) => ({ ...previous, url, error: apiError, loading: false }));
      },
    );
    return () => controller.abort();
  }, [url, attempt]);

  return {
    data: state.data,
    error: state.error,
    loading: state.loading || (url !== null && state.url !== url && !state.error),
    fresh: state.url === url && !state.loading,
    retry: () => {
      if (url) cache.delete(url);
      setAttempt((n) => n + 1);
    },
  };
}

/** Random enough to make each submitted form its own change: retried, it is not applied twice. */
export function idempotencyKey(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
