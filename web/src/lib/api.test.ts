import { h, render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  ApiError,
  type ApiState,
  apiUrl,
  clearCache,
  getJson,
  onUnauthenticated,
  send,
  setCsrfToken,
  useApi,
} from "./api.ts";

/** One request as the client made it. */
type Sent = { url: string; method: string; headers: Record<string, string>; body: unknown; init: RequestInit };

/**
 * A stand-in for the server: `fetch` answers from a queue of answers the test gives (a Response,
 * or an error to throw as a failed network would), recording every request.
 */
function fakeServer() {
  const sent: Sent[] = [];
  const answers: Array<Response | Error> = [];
  const fetch = vi.fn(async (url: string, init: RequestInit = {}) => {
    sent.push({
      url,
      method: init.method ?? "GET",
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === "string" ? JSON.parse(init.body) : init.body,
      init,
    });
    const answer = answers.shift();
    if (answer === undefined) throw new Error(`the test gave no answer for ${init.method ?? "GET"} ${url}`);
    if (answer instanceof Error) throw answer;
    return answer;
  });
  return { fetch, sent, answer: (...next: Array<Response | Error>) => answers.push(...next) };
}

const json = (status: number, body: unknown, statusText = "") =>
  new Response(JSON.stringify(body), { status, statusText, headers: { "content-type": "application/json" } });
const refusal = (status: number, id: string, message: string) => json(status, { error: { id, message } });

let server: ReturnType<typeof fakeServer>;
beforeEach(() => {
  server = fakeServer();
  vi.stubGlobal("fetch", server.fetch);
  clearCache();
  setCsrfToken(null);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("apiUrl", () => {
  it("puts the path under /api/v1 and leaves empty parameters out", () => {
    expect(apiUrl("/organizations")).toBe("/api/v1/organizations");
    expect(
      apiUrl("/organizations/NATO/members", { at: "2004-03-29", kind: null, framework: undefined, lang: "" }),
    ).toBe("/api/v1/organizations/NATO/members?at=2004-03-29");
    expect(apiUrl("/audit", { q: "a b&c" })).toBe("/api/v1/audit?q=a+b%26c");
  });
});

describe("getJson", () => {
  it("asks for JSON and returns the answer", async () => {
    server.answer(json(200, { organizations: [{ code: "NATO" }] }));
    expect(await getJson("/api/v1/organizations")).toEqual({ organizations: [{ code: "NATO" }] });
    expect(server.sent).toHaveLength(1);
    expect(server.sent[0]).toMatchObject({
      url: "/api/v1/organizations",
      method: "GET",
      headers: { accept: "application/json" },
    });
    expect(server.sent[0]!.init.cache).toBe("default");
  });

  it("keeps registry answers, until the cache is cleared", async () => {
    server.answer(json(200, { n: 1 }), json(200, { n: 2 }));
    expect(await getJson("/api/v1/organizations")).toEqual({ n: 1 });
    expect(await getJson("/api/v1/organizations")).toEqual({ n: 1 });
    expect(server.sent).toHaveLength(1);
    clearCache();
    expect(await getJson("/api/v1/organizations")).toEqual({ n: 2 });
    expect(server.sent).toHaveLength(2);
  });

  it("asks afresh every time for answers about people, and keeps none of them", async () => {
    server.answer(json(200, { n: 1 }), json(200, { n: 2 }), json(200, { n: 3 }));
    expect(await getJson("/api/v1/session", undefined, { cache: false })).toEqual({ n: 1 });
    expect(await getJson("/api/v1/session", undefined, { cache: false })).toEqual({ n: 2 });
    expect(server.sent.map((request) => request.init.cache)).toEqual(["no-store", "no-store"]);
    // Not kept for a cached read either.
    expect(await getJson("/api/v1/session")).toEqual({ n: 3 });
  });

  it("turns the API's refusal into an ApiError with its status, id and message", async () => {
    server.answer(refusal(404, "not_found", "No organisation XXX."));
    const error = await getJson("/api/v1/organizations/XXX").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ name: "ApiError", status: 404, id: "not_found", message: "No organisation XXX." });
  });

  it("names the HTTP status when a refusal is not the API's JSON", async () => {
    server.answer(new Response("<html>Bad gateway</html>", { status: 502, statusText: "Bad Gateway" }));
    await expect(getJson("/api/v1/organizations")).rejects.toMatchObject({
      status: 502,
      id: "http_error",
      message: "502 Bad Gateway",
    });
    server.answer(new Response("", { status: 500 }));
    await expect(getJson("/api/v1/actors")).rejects.toMatchObject({ status: 500, id: "http_error", message: "500" });
  });

  it("refuses a success that is not JSON, and keeps nothing of it", async () => {
    server.answer(new Response("<html>a proxy's page</html>", { status: 200 }), json(200, { ok: true }));
    await expect(getJson("/api/v1/organizations")).rejects.toMatchObject({ status: 200, id: "bad_response" });
    expect(await getJson("/api/v1/organizations")).toEqual({ ok: true });
  });

  it("reports a network failure as status 0, and lets an abort through as it is", async () => {
    server.answer(new TypeError("Failed to fetch"));
    await expect(getJson("/api/v1/organizations")).rejects.toMatchObject({
      name: "ApiError",
      status: 0,
      id: "network",
      message: "Failed to fetch",
    });
    const abort = new DOMException("The operation was aborted.", "AbortError");
    server.answer(abort);
    const controller = new AbortController();
    await expect(getJson("/api/v1/actors", controller.signal)).rejects.toBe(abort);
    expect(server.sent[1]!.init.signal).toBe(controller.signal);
  });

  it("tells whoever listens when the server answers 401, until they stop listening", async () => {
    const told = vi.fn();
    const stop = onUnauthenticated(told);
    server.answer(refusal(401, "unauthenticated", "Sign in first."));
    await expect(getJson("/api/v1/account", undefined, { cache: false })).rejects.toMatchObject({ status: 401 });
    expect(told).toHaveBeenCalledTimes(1);
    server.answer(refusal(403, "forbidden", "Not yours."));
    await expect(getJson("/api/v1/audit", undefined, { cache: false })).rejects.toMatchObject({ status: 403 });
    expect(told).toHaveBeenCalledTimes(1);
    stop();
    server.answer(refusal(401, "unauthenticated", "Sign in first."));
    await expect(getJson("/api/v1/account", undefined, { cache: false })).rejects.toMatchObject({ status: 401 });
    expect(told).toHaveBeenCalledTimes(1);
  });
});

describe("send", () => {
  it("sends a change as JSON with the session's CSRF token and an idempotency key", async () => {
    setCsrfToken("csrf-1");
    server.answer(json(201, { relation: { id: 7 } }));
    const answer = await send("POST", "/relations", { subject: "COL" }, { idempotencyKey: "key-1" });
    expect(answer).toEqual({ relation: { id: 7 } });
    expect(server.sent).toEqual([
      expect.objectContaining({
        url: "/api/v1/relations",
        method: "POST",
        body: { subject: "COL" },
        headers: {
          accept: "application/json",
          "content-type": "application/json",
          "X-CSRF-Token": "csrf-1",
          "Idempotency-Key": "key-1",
        },
      }),
    ]);
    expect(server.sent[0]!.init).toMatchObject({ credentials: "same-origin", cache: "no-store" });
  });

  it("sends no body, no content type and no token when there are none, and reads 204 as nothing", async () => {
    server.answer(new Response(null, { status: 204 }));
    expect(await send("DELETE", "/session")).toBeUndefined();
    expect(server.sent[0]).toMatchObject({ method: "DELETE", body: null, headers: { accept: "application/json" } });
  });

  it("fetches the CSRF token again once when the server refuses it, and tries the change once more", async () => {
    setCsrfToken("stale");
    server.answer(
      refusal(403, "csrf_failed", "The CSRF token is missing or wrong."),
      json(200, { account: { id: "a1" }, csrfToken: "fresh" }),
      json(200, { ok: true }),
    );
    expect(await send("PATCH", "/account", { displayName: "Ana" })).toEqual({ ok: true });
    expect(server.sent.map((request) => [request.method, request.url, request.headers["X-CSRF-Token"]])).toEqual([
      ["PATCH", "/api/v1/account", "stale"],
      ["GET", "/api/v1/session", undefined],
      ["PATCH", "/api/v1/account", "fresh"],
    ]);
    expect(server.sent[1]!.init.cache).toBe("no-store");
    expect(server.sent[2]!.body).toEqual({ displayName: "Ana" });
  });

  it("tries only once more: a second refusal is the caller's", async () => {
    setCsrfToken("stale");
    server.answer(
      refusal(403, "csrf_failed", "The CSRF token is missing or wrong."),
      json(200, { account: null, csrfToken: null }),
      refusal(403, "csrf_failed", "The CSRF token is missing or wrong."),
    );
    await expect(send("POST", "/relations", {})).rejects.toMatchObject({ status: 403, id: "csrf_failed" });
    expect(server.sent).toHaveLength(3);
  });

  it("does not try again when 403 is a refusal of the change itself", async () => {
    server.answer(refusal(403, "forbidden", "Only the secretariat may."));
    await expect(send("POST", "/proposals", {})).rejects.toMatchObject({
      status: 403,
      id: "forbidden",
      message: "Only the secretariat may.",
    });
    expect(server.sent).toHaveLength(1);
  });

  it("tells the listeners of a 401, except when signing in or out (the session itself)", async () => {
    const told = vi.fn();
    const stop = onUnauthenticated(told);
    try {
      server.answer(refusal(401, "invalid_credentials", "Wrong e-mail or password."));
      await expect(send("POST", "/session", { email: "a@example.org", password: "x" })).rejects.toMatchObject({
        status: 401,
      });
      expect(told).not.toHaveBeenCalled();
      server.answer(refusal(401, "unauthenticated", "Sign in first."));
      await expect(send("POST", "/account/tokens", {})).rejects.toMatchObject({ status: 401 });
      expect(told).toHaveBeenCalledTimes(1);
    } finally {
      stop();
    }
  });

  it("reports a network failure as status 0", async () => {
    server.answer(new TypeError("Failed to fetch"));
    await expect(send("POST", "/relations", {})).rejects.toMatchObject({ status: 0, id: "network" });
  });
});

describe("useApi", () => {
  /** What the hook gave at each render, for the URL the page asked for. */
  let states: Array<ApiState<unknown>>;
  let root: Element;

  function Probe({ url, cache }: { url: string | null; cache?: boolean }) {
    states.push(useApi<unknown>(url, { cache: cache ?? true }));
    return null;
  }
  /** Renders the page asking for `url` (into a stand-in element: the probe adds no DOM), running its effects. */
  const show = (url: string | null, cache?: boolean) => act(() => render(h(Probe, { url, cache }), root));
  const latest = () => {
    const state = states.at(-1);
    if (!state) throw new Error("not rendered");
    return state;
  };
  /** Waits for the state the page shows to match (a state, not a time). */
  const until = (expected: Record<string, unknown>) =>
    expect.poll(() => latest(), { timeout: 10_000 }).toMatchObject(expected);

  /** Answers to give, in turn; each may be a promise the test resolves when it chooses. */
  let pending: Array<Promise<Response>> = [];

  /** An answer the test releases when it chooses. */
  function later() {
    let release: (response: Response) => void = () => {};
    const response = new Promise<Response>((resolve) => (release = resolve));
    return { response, release };
  }

  beforeEach(() => {
    states = [];
    root = { nodeType: 1, namespaceURI: null, firstChild: null, childNodes: [] } as unknown as Element;
    // The fake server's answers may be promises the test resolves later.
    server.fetch.mockImplementation(async (url: string, init: RequestInit = {}) => {
      server.sent.push({ url, method: init.method ?? "GET", headers: {}, body: null, init });
      const next = pending.shift();
      if (!next) throw new Error(`the test gave no answer for ${url}`);
      return next;
    });
  });
  afterEach(async () => {
    await act(() => render(null, root));
  });

  it("loads, then shows the answer; nothing asked for is nothing loading", async () => {
    const first = later();
    pending = [first.response];
    await show("/api/v1/organizations");
    expect(latest()).toMatchObject({ data: undefined, error: undefined, loading: true, fresh: false });
    first.release(json(200, { n: 1 }));
    await until({ data: { n: 1 }, error: undefined, loading: false, fresh: true });

    await show(null);
    expect(latest()).toMatchObject({ data: undefined, loading: false });
  });

  it("keeps the last answer while the next loads, and abandons a request the page no longer needs", async () => {
    const first = later();
    const abandoned = later();
    const wanted = later();
    pending = [first.response, abandoned.response, wanted.response];
    await show("/api/v1/organizations/NATO/members?at=2004-03-29");
    first.release(json(200, { at: "2004-03-29" }));
    await until({ data: { at: "2004-03-29" }, fresh: true });

    await show("/api/v1/organizations/NATO/members?at=2010-01-01");
    expect(latest()).toMatchObject({ data: { at: "2004-03-29" }, loading: true, fresh: false });
    // The slider moves on before the answer comes: that request is aborted, the new one shown.
    await show("/api/v1/organizations/NATO/members?at=2024-06-01");
    expect(server.sent.slice(1).map((request) => request.init.signal?.aborted)).toEqual([true, false]);
    wanted.release(json(200, { at: "2024-06-01" }));
    await until({ data: { at: "2024-06-01" }, error: undefined, loading: false, fresh: true });
  });

  it("shows an answer it keeps at once, without asking", async () => {
    pending = [Promise.resolve(json(200, { n: 1 }))];
    await getJson("/api/v1/organizations");
    await show("/api/v1/organizations");
    expect(latest()).toMatchObject({ data: { n: 1 }, loading: false });
    expect(server.sent).toHaveLength(1);
  });

  it("shows the error, and asks again on retry", async () => {
    pending = [Promise.resolve(refusal(503, "unavailable", "Try again later.")), Promise.resolve(json(200, { n: 2 }))];
    await show("/api/v1/actors", false);
    await until({ loading: false, error: { status: 503, id: "unavailable" } });
    expect(latest().error).toBeInstanceOf(ApiError);
    await act(() => latest().retry());
    await until({ data: { n: 2 }, error: undefined, loading: false });
    expect(server.sent).toHaveLength(2);
  });
});
