import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, clearCache, getJson, send, setCsrfToken } from "./api.ts";
import { ANONYMOUS_SESSION, CookieRefusedError, SessionProvider, type SessionValue, useSession } from "./session.tsx";
import type { SessionResponse } from "./types.ts";

type Answer = Response | Error | Promise<Response>;
type Sent = { method: string; url: string; csrf: string | undefined; body: unknown };

/** `fetch` answering from a queue the test fills, recording every request (no server, no database). */
function fakeServer() {
  const sent: Sent[] = [];
  const answers: Answer[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit = {}) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    sent.push({
      method: init.method ?? "GET",
      url,
      csrf: headers["X-CSRF-Token"],
      body: typeof init.body === "string" ? JSON.parse(init.body) : null,
    });
    const answer = answers.shift();
    if (answer === undefined) throw new Error(`the test gave no answer for ${init.method ?? "GET"} ${url}`);
    if (answer instanceof Error) throw answer;
    return answer;
  });
  return { fetch, sent, answer: (...next: Answer[]) => answers.push(...next) };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const refusal = (status: number, id: string) => json(status, { error: { id, message: id } });
const noContent = () => new Response(null, { status: 204 });

function signedIn(id: string, csrfToken: string): SessionResponse {
  return {
    ...ANONYMOUS_SESSION,
    account: { id, email: `${id}@example.org`, displayName: id } as SessionResponse["account"],
    abilities: { ...ANONYMOUS_SESSION.abilities, account: { manage: true, passwordChangeRequired: false } },
    csrfToken,
  };
}

let server: ReturnType<typeof fakeServer>;
/** What `useSession()` gave the last time the page rendered. */
let current: SessionValue | undefined;
let root: Element | undefined;

function Probe() {
  current = useSession();
  return null;
}

/** Renders the provider (into a stand-in element: it adds no DOM of its own) and runs its first effects. */
async function mount() {
  root = { nodeType: 1, namespaceURI: null, firstChild: null, childNodes: [] } as unknown as Element;
  const into = root;
  await act(() => {
    render(
      <SessionProvider>
        <Probe />
      </SessionProvider>,
      into,
    );
  });
}

/** The session the page shows, once it shows `expected` (a state, not a time). */
async function shows(expected: SessionResponse | undefined) {
  await expect.poll(() => current?.session, { timeout: 10_000 }).toEqual(expected);
}

/** Resolves when the request numbered `count` has been sent. */
async function sentCount(count: number) {
  await expect.poll(() => server.sent.length, { timeout: 10_000 }).toBe(count);
}

function session(): SessionValue {
  if (!current) throw new Error("the provider has not rendered");
  return current;
}

beforeEach(() => {
  server = fakeServer();
  vi.stubGlobal("fetch", server.fetch);
  clearCache();
  setCsrfToken(null);
  current = undefined;
});
afterEach(async () => {
  const mounted = root;
  if (mounted) await act(() => render(null, mounted));
  root = undefined;
  vi.unstubAllGlobals();
});

describe("the session", () => {
  it("is unknown until the server's first answer, then is that answer, its CSRF token going with every change", async () => {
    let answer: (response: Response) => void = () => {};
    server.answer(new Promise<Response>((resolve) => (answer = resolve)));
    await mount();
    expect(server.sent).toEqual([{ method: "GET", url: "/api/v1/session", csrf: undefined, body: null }]);
    expect(session().session).toBeUndefined();

    const ana = signedIn("ana", "csrf-ana");
    answer(json(200, ana));
    await shows(ana);
    server.answer(json(200, {}));
    await send("POST", "/relations", {});
    expect(server.sent[1]).toMatchObject({ method: "POST", csrf: "csrf-ana" });
  });

  it("counts as nobody signed in when the first answer fails", async () => {
    server.answer(new TypeError("Failed to fetch"));
    await mount();
    await shows(ANONYMOUS_SESSION);
  });

  it("signs in: sends the e-mail and password, then asks again through the cookie, and shows the person", async () => {
    server.answer(json(200, ANONYMOUS_SESSION));
    await mount();
    await shows(ANONYMOUS_SESSION);

    const ana = signedIn("ana", "csrf-2");
    server.answer(json(200, signedIn("ana", "csrf-1")), json(200, ana));
    expect(await session().signIn("ana@example.org", "a long passphrase")).toEqual(ana);
    await shows(ana);
    expect(server.sent.slice(1).map(({ method, url, body }) => [method, url, body])).toEqual([
      ["POST", "/api/v1/session", { email: "ana@example.org", password: "a long passphrase" }],
      ["GET", "/api/v1/session", null],
    ]);
    // The token of the session as the server confirmed it.
    server.answer(json(200, {}));
    await send("POST", "/relations", {});
    expect(server.sent.at(-1)?.csrf).toBe("csrf-2");
  });

  it("says so when the sign-in succeeded but the browser did not keep the cookie", async () => {
    server.answer(json(200, ANONYMOUS_SESSION));
    await mount();
    await shows(ANONYMOUS_SESSION);
    server.answer(json(200, signedIn("ana", "csrf-1")), json(200, ANONYMOUS_SESSION));
    await expect(session().signIn("ana@example.org", "a long passphrase")).rejects.toBeInstanceOf(CookieRefusedError);
    await shows(ANONYMOUS_SESSION);
  });

  it("stays signed out when the password is wrong, asking nothing more", async () => {
    server.answer(json(200, ANONYMOUS_SESSION));
    await mount();
    await shows(ANONYMOUS_SESSION);
    server.answer(refusal(401, "invalid_credentials"));
    const error = await session()
      .signIn("ana@example.org", "wrong")
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, id: "invalid_credentials" });
    expect(server.sent).toHaveLength(2);
    expect(session().session).toEqual(ANONYMOUS_SESSION);
  });

  it("signs out: forgets the person, the CSRF token and the registry answers", async () => {
    server.answer(json(200, signedIn("ana", "csrf-ana")));
    await mount();
    await shows(signedIn("ana", "csrf-ana"));
    server.answer(json(200, { organizations: ["as Ana sees them"] }));
    await getJson("/api/v1/organizations");

    server.answer(noContent());
    await session().signOut();
    await shows(ANONYMOUS_SESSION);
    expect(server.sent.at(-1)).toMatchObject({ method: "DELETE", url: "/api/v1/session", csrf: "csrf-ana" });
    server.answer(json(200, { organizations: ["as anyone sees them"] }), json(200, {}));
    expect(await getJson("/api/v1/organizations")).toEqual({ organizations: ["as anyone sees them"] });
    await send("POST", "/relations", {});
    expect(server.sent.at(-1)?.csrf).toBeUndefined();
  });

  it("counts a session already ended elsewhere (401) as signed out, but keeps the person when signing out failed", async () => {
    server.answer(json(200, signedIn("ana", "csrf-ana")));
    await mount();
    await shows(signedIn("ana", "csrf-ana"));

    server.answer(refusal(500, "internal"));
    await expect(session().signOut()).rejects.toMatchObject({ status: 500 });
    expect(session().session).toEqual(signedIn("ana", "csrf-ana"));

    server.answer(refusal(401, "unauthenticated"));
    await session().signOut();
    await shows(ANONYMOUS_SESSION);
  });

  it("keeps registry answers while the same person is signed in, and forgets them when the person changes", async () => {
    server.answer(json(200, signedIn("ana", "csrf-1")));
    await mount();
    await shows(signedIn("ana", "csrf-1"));
    server.answer(json(200, { n: 1 }));
    await getJson("/api/v1/organizations");

    // Ana again (a renewed session): the kept answer still serves.
    server.answer(json(200, signedIn("ana", "csrf-2")));
    await session().refresh();
    await shows(signedIn("ana", "csrf-2"));
    expect(await getJson("/api/v1/organizations")).toEqual({ n: 1 });

    // Someone else (signed in in another tab): asked afresh.
    server.answer(json(200, signedIn("bruno", "csrf-3")), json(200, { n: 2 }));
    await session().refresh();
    await shows(signedIn("bruno", "csrf-3"));
    expect(await getJson("/api/v1/organizations")).toEqual({ n: 2 });
  });

  it("asks again when any answer is 401 (the session ended or expired), and stops listening once gone", async () => {
    server.answer(json(200, signedIn("ana", "csrf-ana")));
    await mount();
    await shows(signedIn("ana", "csrf-ana"));

    server.answer(refusal(401, "unauthenticated"), json(200, ANONYMOUS_SESSION));
    await expect(getJson("/api/v1/account", undefined, { cache: false })).rejects.toMatchObject({ status: 401 });
    await shows(ANONYMOUS_SESSION);
    expect(server.sent.at(-1)).toMatchObject({ method: "GET", url: "/api/v1/session" });

    const mounted = root;
    if (mounted) await act(() => render(null, mounted));
    root = undefined;
    server.answer(refusal(401, "unauthenticated"));
    const before = server.sent.length;
    await expect(getJson("/api/v1/account", undefined, { cache: false })).rejects.toMatchObject({ status: 401 });
    await sentCount(before + 1);
    // The 401 was the last request: nobody asked for the session again.
    expect(server.sent.at(-1)).toMatchObject({ url: "/api/v1/account" });
  });

  it("adopts the token of a password change's new session, then asks the server again", async () => {
    server.answer(json(200, signedIn("ana", "csrf-old")));
    await mount();
    await shows(signedIn("ana", "csrf-old"));
    server.answer(json(200, signedIn("ana", "csrf-new")));
    await session().adoptCsrfToken("csrf-new");
    await shows(signedIn("ana", "csrf-new"));
    expect(server.sent.at(-1)).toMatchObject({ method: "GET", url: "/api/v1/session" });
    server.answer(json(200, {}));
    await send("POST", "/relations", {});
    expect(server.sent.at(-1)?.csrf).toBe("csrf-new");
  });
});
