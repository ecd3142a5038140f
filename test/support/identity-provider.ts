/**
 * A real OpenID Connect provider (the `oidc-provider` package) on a random loopback port, and
 * a minimal browser that follows redirects and carries cookies by hand, so tests can sign in
 * through single sign-on without a real browser. The people the provider knows, and what it
 * says about them, are set per test.
 *
 * Version 8, not 9: version 9 warns "Unsupported runtime" on every Node release before 22 LTS,
 * and Concord supports Node 20; version 8 warns only before Node 18.
 */
import { generateKeyPairSync } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/** What the provider says about a person (the claims besides sub). */
export type Person = Record<string, unknown>;

export type TestIdentityProvider = {
  issuer: string;
  /** The people who can sign in, by subject: change an entry to change the claims. */
  people: Map<string, Person>;
  stop(): Promise<void>;
};

/**
 * By default the provider follows OpenID Connect to the letter: the ID token carries the subject
 * and scope-requested claims come from UserInfo. `idTokenOnly` puts every claim in the ID token
 * and turns UserInfo off, as some providers are set up.
 */
export async function startIdentityProvider(
  client: { clientId: string; clientSecret: string; redirectUris: string[] },
  options: { idTokenOnly?: boolean } = {},
): Promise<TestIdentityProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const people = new Map<string, Person>();
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });

  const configuration = {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: client.redirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
    // Like most providers, it releases custom claims under a scope of their own.
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], concord: ["delegation", "role"] },
    cookies: { keys: ["a key for the test provider's own cookies"] },
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "test", alg: "RS256", use: "sig" }] },
    features: { devInteractions: { enabled: true }, userinfo: { enabled: !options.idTokenOnly } },
    conformIdTokenClaims: !options.idTokenOnly,
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
    findAccount: async (_ctx: unknown, sub: string) => {
      const person = people.get(sub);
      return person && { accountId: sub, claims: async () => ({ ...person, sub }) };
    },
  };
  // It warns, rightly, that its development login pages are on: that is what the tests use.
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes("oidc-provider WARNING")) warn(...args);
  };
  let provider: Provider;
  try {
    provider = new Provider(issuer, configuration);
  } finally {
    console.warn = warn;
  }
  server.on("request", provider.callback());

  return {
    issuer,
    people,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

type Cookie = { name: string; value: string; path: string };

export type Answer = {
  status: number;
  location: string | null;
  setCookies: string[];
  text: string;
  json: any;
  url: string;
};

/**
 * Cookies per origin (with their paths), requests with redirect: "manual". `route` lets a test
 * send one origin's requests to an in-process app instead of the network (another instance).
 */
export class Browser {
  private readonly jars = new Map<string, Cookie[]>();
  route: ((request: Request) => Promise<Response> | Response) | undefined;

  async get(
    url: string,
    headers: Record<string, string> = {},
    via?: (request: Request) => Promise<Response> | Response,
  ): Promise<Answer> {
    return this.send(new URL(url), { method: "GET", headers }, via);
  }

  async post(url: string, form: Record<string, string>): Promise<Answer> {
    return this.send(new URL(url), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString(),
    });
  }

  cookie(origin: string, name: string): string | undefined {
    return this.jars.get(new URL(origin).origin)?.find((cookie) => cookie.name === name)?.value;
  }

  setCookie(origin: string, name: string, value: string, path = "/"): void {
    const jar = this.jars.get(new URL(origin).origin) ?? [];
    this.jars.set(new URL(origin).origin, [
      ...jar.filter((c) => !(c.name === name && c.path === path)),
      { name, value, path },
    ]);
  }

  private async send(
    url: URL,
    init: { method: string; headers: Record<string, string>; body?: string },
    via?: (request: Request) => Promise<Response> | Response,
  ): Promise<Answer> {
    const jar = this.jars.get(url.origin) ?? [];
    const cookies = jar.filter(
      (cookie) =>
        url.pathname === cookie.path ||
        url.pathname.startsWith(cookie.path.endsWith("/") ? cookie.path : `${cookie.path}/`),
    );
    const headers = { ...init.headers };
    if (cookies.length > 0) headers.Cookie = cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
    const request = new Request(url, { ...init, headers, redirect: "manual" });
    const response = await (via ? via(request) : fetch(request));
    const setCookies = response.headers.getSetCookie();
    for (const line of setCookies) this.store(url, line);
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const location = response.headers.get("location");
    return {
      status: response.status,
      location: location && new URL(location, url).href,
      setCookies,
      text,
      json,
      url: url.href,
    };
  }

  private store(url: URL, line: string): void {
    const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
    const at = pair.indexOf("=");
    const name = pair.slice(0, at);
    const value = pair.slice(at + 1);
    const attribute = (key: string) =>
      attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
    const path = attribute("path") ?? "/";
    const expired =
      attribute("max-age") === "0" ||
      (attribute("expires") !== undefined && Date.parse(attribute("expires")!) < Date.now()) ||
      value === "";
    const jar = (this.jars.get(url.origin) ?? []).filter((cookie) => !(cookie.name === name && cookie.path === path));
    if (!expired) jar.push({ name, value, path });
    this.jars.set(url.origin, jar);
  }
}

/**
 * Goes through the provider's pages as `sub` (login, then consent) from a start URL, and returns
 * the provider's final redirect back to the application, without following it. `abort` cancels
 * at the login page instead, as a person pressing "Cancel" would.
 */
export async function throughProvider(
  browser: Browser,
  startUrl: string,
  sub: string,
  options: { abort?: boolean; startHeaders?: Record<string, string> } = {},
): Promise<{ start: Answer; callbackUrl: string }> {
  const start = await browser.get(startUrl, options.startHeaders);
  if (start.status !== 302 || !start.location) throw new Error(`start answered ${start.status}: ${start.text}`);
  const providerOrigin = new URL(start.location).origin;
  let next = start.location;
  for (let step = 0; step < 12; step++) {
    if (new URL(next).origin !== providerOrigin) return { start, callbackUrl: next };
    const interaction = /\/interaction\/([^/?#]+)$/.exec(new URL(next).pathname);
    let answer: Answer;
    if (interaction) {
      const page = await browser.get(next);
      const prompt = /name="prompt" value="(\w+)"/.exec(page.text)?.[1];
      if (options.abort) answer = await browser.get(`${next}/abort`);
      else if (prompt === "login") answer = await browser.post(next, { prompt: "login", login: sub, password: "any" });
      else if (prompt === "consent") answer = await browser.post(next, { prompt: "consent" });
      else throw new Error(`Unexpected interaction page at ${next}: ${page.status} ${page.text.slice(0, 300)}`);
    } else {
      answer = await browser.get(next);
    }
    if (!answer.location)
      throw new Error(`The provider stopped at ${answer.url} with ${answer.status}: ${answer.text.slice(0, 500)}`);
    next = answer.location;
  }
  throw new Error("Too many redirects at the provider");
}
