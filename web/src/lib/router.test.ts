import { h, render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  href,
  isPrivateRoute,
  type Location,
  matchRoute,
  navigate,
  onLinkClick,
  type Route,
  safeReturnTo,
  setQuery,
  signInHref,
  useLocation,
} from "./router.ts";

/**
 * Just enough of a browser window for the router: an address, a history that records what was
 * pushed and replaced, events, scrolling, and the page's heading to take focus.
 */
function fakeWindow(start: string) {
  let url = new URL(start);
  const events = new EventTarget();
  const heading = { tabIndex: 0, focus: vi.fn() };
  const calls: Array<[kind: "push" | "replace", href: string]> = [];
  const move = (kind: "push" | "replace") => (_state: unknown, _unused: string, target?: string | URL | null) => {
    url = new URL(String(target), url);
    calls.push([kind, url.href]);
  };
  const window = {
    get location() {
      return { href: url.href, origin: url.origin, pathname: url.pathname, search: url.search, hash: url.hash };
    },
    history: { pushState: move("push"), replaceState: move("replace") },
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
    dispatchEvent: events.dispatchEvent.bind(events),
    scrollTo: vi.fn(),
  };
  const document = { querySelector: vi.fn((selector: string) => (selector === "main h1" ? heading : null)) };
  return { window, document, heading, calls };
}

let fake: ReturnType<typeof fakeWindow>;
/** The `concord:navigate` events the router sent, each with the address at that moment. */
let announced: string[];

beforeEach(() => {
  fake = fakeWindow("https://concord.example.org/organizations/NATO?at=2004-03-29");
  vi.stubGlobal("window", fake.window);
  vi.stubGlobal("document", fake.document);
  // The next frame, at once: the focus move can be checked as soon as navigate returns.
  vi.stubGlobal("requestAnimationFrame", (callback: FrameRequestCallback) => {
    callback(0);
    return 0;
  });
  announced = [];
  fake.window.addEventListener("concord:navigate", () => announced.push(fake.window.location.href));
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("matchRoute", () => {
  it("knows every page", () => {
    const cases: Array<[string, Route]> = [
      ["/", { name: "map" }],
      ["", { name: "map" }],
      ["/organizations/NATO", { name: "organization", code: "NATO" }],
      ["/actors/COL", { name: "actor", code: "COL" }],
      ["/relations/42", { name: "relation", id: "42" }],
      ["/sign-in", { name: "signIn" }],
      ["/account", { name: "account" }],
      ["/admin", { name: "adminAccounts" }],
      ["/admin/accounts", { name: "adminAccounts" }],
      ["/admin/delegations", { name: "adminDelegations" }],
      ["/audit", { name: "audit" }],
      ["/proposals", { name: "proposals" }],
      ["/proposals/17", { name: "proposal", id: "17" }],
    ];
    for (const [path, route] of cases) expect(matchRoute(path), path).toEqual(route);
  });

  it("forgives trailing slashes and lower-case codes", () => {
    expect(matchRoute("/organizations/nato/")).toEqual({ name: "organization", code: "NATO" });
    expect(matchRoute("/actors/col//")).toEqual({ name: "actor", code: "COL" });
    expect(matchRoute("/audit/")).toEqual({ name: "audit" });
  });

  it("decodes a segment, and keeps a malformed escape as typed instead of failing", () => {
    expect(matchRoute("/relations/a%20b")).toEqual({ name: "relation", id: "a b" });
    expect(matchRoute("/organizations/%E0%A4%A")).toEqual({ name: "organization", code: "%E0%A4%A" });
  });

  it("answers anything else with the not-found page", () => {
    for (const path of [
      "/organizations",
      "/organizations/NATO/members",
      "/actors/",
      "/proposals/17/positions",
      "/admin/other",
      "/sign-in/x",
      "/nothing",
    ])
      expect(matchRoute(path), path).toEqual({ name: "notFound" });
  });
});

describe("isPrivateRoute", () => {
  it("marks the pages about people, never the registry's", () => {
    const privateNames = ["account", "adminAccounts", "adminDelegations", "audit", "proposals", "proposal"];
    for (const path of ["/account", "/admin", "/admin/delegations", "/audit", "/proposals", "/proposals/3"]) {
      const route = matchRoute(path);
      expect(privateNames).toContain(route.name);
      expect(isPrivateRoute(route), path).toBe(true);
    }
    for (const path of ["/", "/organizations/NATO", "/actors/COL", "/relations/1", "/sign-in", "/nowhere"])
      expect(isPrivateRoute(matchRoute(path)), path).toBe(false);
  });
});

describe("href", () => {
  it("adds the query, leaving out empty values, and encodes it", () => {
    expect(href("/organizations/NATO")).toBe("/organizations/NATO");
    expect(href("/organizations/NATO", { at: "2004-03-29", kind: null, framework: undefined, lang: "" })).toBe(
      "/organizations/NATO?at=2004-03-29",
    );
    expect(href("/sign-in", { returnTo: "/audit?q=a b&x=1" })).toBe("/sign-in?returnTo=%2Faudit%3Fq%3Da+b%26x%3D1");
  });
});

describe("safeReturnTo and signInHref", () => {
  it("come back only to a path on this site", () => {
    expect(safeReturnTo("/proposals/17?tab=grid#position")).toBe("/proposals/17?tab=grid#position");
    for (const unsafe of [
      "//evil.example/x",
      "/\\evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "proposals",
      "",
      null,
      undefined,
    ])
      expect(safeReturnTo(unsafe), String(unsafe)).toBeNull();
  });

  it("send to the sign-in page, coming back where one was, but never to the sign-in page or the front page", () => {
    expect(signInHref("/audit?action=account.update")).toBe("/sign-in?returnTo=%2Faudit%3Faction%3Daccount.update");
    expect(signInHref("/")).toBe("/sign-in");
    expect(signInHref("/sign-in?returnTo=%2Faudit")).toBe("/sign-in");
    expect(signInHref("https://evil.example/")).toBe("/sign-in");
    expect(signInHref()).toBe("/sign-in");
  });
});

describe("navigate", () => {
  it("goes to a new page: a history entry, the news, the top of the page, and focus on its heading", () => {
    navigate("/actors/COL?at=2019-01-01");
    expect(fake.calls).toEqual([["push", "https://concord.example.org/actors/COL?at=2019-01-01"]]);
    expect(announced).toEqual(["https://concord.example.org/actors/COL?at=2019-01-01"]);
    expect(fake.window.scrollTo).toHaveBeenCalledWith(0, 0);
    expect(fake.document.querySelector).toHaveBeenCalledWith("main h1");
    expect(fake.heading.tabIndex).toBe(-1);
    expect(fake.heading.focus).toHaveBeenCalledWith({ preventScroll: true });
  });

  it("replaces the entry when asked (the date slider), staying where the reader is on the page", () => {
    navigate("/actors/COL", { replace: true });
    expect(fake.calls).toEqual([["replace", "https://concord.example.org/actors/COL"]]);
    expect(announced).toHaveLength(1);
    expect(fake.window.scrollTo).not.toHaveBeenCalled();
    expect(fake.heading.focus).not.toHaveBeenCalled();
  });

  it("on the same page (another query), adds an entry but neither scrolls nor moves focus", () => {
    navigate("/organizations/NATO?at=2024-06-01");
    expect(fake.calls).toEqual([["push", "https://concord.example.org/organizations/NATO?at=2024-06-01"]]);
    expect(announced).toHaveLength(1);
    expect(fake.window.scrollTo).not.toHaveBeenCalled();
    expect(fake.heading.focus).not.toHaveBeenCalled();
  });
});

describe("setQuery", () => {
  it("changes some parameters, removes those set to null or empty, and replaces the entry by default", () => {
    setQuery({ at: "2024-06-01", kind: "partner" });
    expect(fake.calls.at(-1)).toEqual([
      "replace",
      "https://concord.example.org/organizations/NATO?at=2024-06-01&kind=partner",
    ]);
    setQuery({ at: null, kind: "" }, { replace: false });
    expect(fake.calls.at(-1)).toEqual(["push", "https://concord.example.org/organizations/NATO"]);
    expect(announced).toHaveLength(2);
  });
});

describe("onLinkClick", () => {
  function click(target: { href: string; target?: string }, event: Partial<MouseEvent> = {}) {
    const preventDefault = vi.fn();
    const anchor = { href: target.href, target: target.target ?? "" };
    onLinkClick({
      defaultPrevented: false,
      button: 0,
      metaKey: false,
      ctrlKey: false,
      shiftKey: false,
      altKey: false,
      currentTarget: anchor,
      preventDefault,
      ...event,
    } as unknown as MouseEvent);
    return preventDefault;
  }

  it("follows a plain click on a link of this site without loading the page", () => {
    const prevented = click({ href: "https://concord.example.org/actors/COL?at=2019-01-01#relations" });
    expect(prevented).toHaveBeenCalled();
    expect(fake.calls).toEqual([["push", "https://concord.example.org/actors/COL?at=2019-01-01#relations"]]);
  });

  it("leaves to the browser a click with a modifier, another button, another target, another site, or one already handled", () => {
    const site = "https://concord.example.org/actors/COL";
    const ignored = [
      click({ href: site }, { metaKey: true }),
      click({ href: site }, { ctrlKey: true }),
      click({ href: site }, { shiftKey: true }),
      click({ href: site }, { altKey: true }),
      click({ href: site }, { button: 1 }),
      click({ href: site }, { defaultPrevented: true }),
      click({ href: site, target: "_blank" }),
      click({ href: "https://elsewhere.example.org/actors/COL" }),
    ];
    for (const prevented of ignored) expect(prevented).not.toHaveBeenCalled();
    expect(fake.calls).toEqual([]);
    // `_self` is this window: followed.
    expect(click({ href: site, target: "_self" })).toHaveBeenCalled();
    expect(fake.calls).toHaveLength(1);
  });
});

describe("useLocation", () => {
  it("follows the address: the router's own moves and the browser's back and forward", async () => {
    const seen: Location[] = [];
    function Probe() {
      seen.push(useLocation());
      return null;
    }
    const root = { nodeType: 1, namespaceURI: null, firstChild: null, childNodes: [] } as unknown as Element;
    await act(() => render(h(Probe, null), root));
    const shown = () => {
      const location = seen.at(-1);
      return location && `${location.path}?${location.query.toString()}`;
    };
    expect(shown()).toBe("/organizations/NATO?at=2004-03-29");

    await act(() => navigate("/actors/COL?at=2019-01-01"));
    expect(shown()).toBe("/actors/COL?at=2019-01-01");
    expect(seen.at(-1)?.query.get("at")).toBe("2019-01-01");

    // The browser went back (its own history, not the router's): popstate.
    await act(() => {
      fake.window.history.replaceState(null, "", "/organizations/NATO?at=2004-03-29");
      fake.window.dispatchEvent(new Event("popstate"));
    });
    expect(shown()).toBe("/organizations/NATO?at=2004-03-29");

    // Once gone, it listens no more.
    const added = vi.spyOn(fake.window, "addEventListener");
    const removed = vi.spyOn(fake.window, "removeEventListener");
    await act(() => render(null, root));
    expect(added).not.toHaveBeenCalled();
    expect(removed.mock.calls.map(([type]) => type).sort()).toEqual(["concord:navigate", "popstate"]);
  });
});
