import { useEffect, useRef, useState } from 'preact/hooks';

/** An error the API reported (`{"error":{"id","message"}}`) or a network failure. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly id: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Params = Record<string, string | null | undefined>;

export function apiUrl(path: string, params: Params = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(key, value);
  }
  const query = search.toString();
  return `/api/v1${path}${query ? `?${query}` : ''}`;
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

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  if (cache.has(url)) return cache.get(url) as T;
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal: signal ?? null });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(error instanceof Error ? error.message : String(error), 0, 'network');
  }
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
      error?.id ?? 'http_error',
    );
  }
  if (body === null) throw new ApiError('The server sent an answer that is not JSON.', response.status, 'bad_response');
  remember(url, body);
  return body as T;
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
export function useApi<T>(url: string | null): ApiState<T> {
  const [state, setState] = useState<{ url: string | null; data: T | undefined; error: ApiError | undefined; loading: boolean }>(() => ({
    url: null,
    data: url && cache.has(url) ? (cache.get(url) as T) : undefined,
    error: undefined,
    loading: url !== null && !cache.has(url),
  }));
  const [attempt, setAttempt] = useState(0);
  const latest = useRef<string | null>(url);
  latest.current = url;

  useEffect(() => {
    if (url === null) {
      setState({ url: null, data: undefined, error: undefined, loading: false });
      return;
    }
    if (cache.has(url)) {
      setState({ url, data: cache.get(url) as T, error: undefined, loading: false });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, error: undefined, loading: true }));
    getJson<T>(url, controller.signal).then(
      (data) => {
        if (latest.current === url) setState({ url, data, error: undefined, loading: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = error instanceof ApiError ? error : new ApiError(String(error), 0, 'unknown');
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
