import { useEffect, useState } from "preact/hooks";

/**
 * A small history-API router: real paths (`/organizations/NATO?at=2004-03-29`) so that links
 * can be shared and the server's index.html fallback serves every page.
 */

export interface Location {
  path: string;
  query: URLSearchParams;
}

const CHANGE = "concord:navigate";

function current(): Location {
  return { path: window.location.pathname, query: new URLSearchParams(window.location.search) };
}

export function useLocation(): Location {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    const update = () => setLocation(current());
    window.addEventListener("popstate", update);
    window.addEventListener(CHANGE, update);
    return () => {
      window.removeEventListener("popstate", update);
      window.removeEventListener(CHANGE, update);
    };
  }, []);
  return location;
}

/** Goes to `href`. `replace` keeps the history short (the date slider moves often). */
export function navigate(href: string, options: { replace?: boolean } = {}): void {
  const target = new URL(href, window.location.href);
  const same = target.pathname === window.location.pathname;
  if (options.replace) window.history.replaceState(null, "", target);
  else window.history.pushState(null, "", target);
  window.dispatchEvent(new Event(CHANGE));
  if (!same && !options.replace) {
    window.scrollTo(0, 0);
    // Move focus to the new page's heading so that screen readers announce it.
    requestAnimationFrame(() => {
      const heading = document.querySelector<HTMLElement>("main h1");
      if (heading) {
        heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
      }
    });
  }
}

/** Replaces some query parameters of the current address (null removes one). */
export function setQuery(
  changes: Record<string, string | null>,
  options: { replace?: boolean } = { replace: true },
): void {
  const query = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === "") query.delete(key);
    else query.set(key, value);
  }
  const search = query.toString();
  navigate(`${window.location.pathname}${search ? `?${search}` : ""}`, options);
}

/** Builds an in-app address with a query string, leaving out empty values. */
export function href(path: string, query: Record<string, string | null | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** Click handler for in-app links: plain left clicks navigate without a page load. */
export function onLinkClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  const anchor = event.currentTarget as HTMLAnchorElement;
  if (anchor.target && anchor.target !== "_self") return;
  const url = new URL(anchor.href);
  if (url.origin !== window.location.origin) return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}

export type Route =
  | { name: "map" }
  | { name: "organization"; code: string }
  | { name: "actor"; code: string }
  | { name: "relation"; id: string }
  | { name: "signIn" }
  | { name: "account" }
  | { name: "adminAccounts" }
  | { name: "adminDelegations" }
  | { name: "audit" }
  | { name: "proposals" }
  | { name: "proposal"; id: string }
  | { name: "search" }
  | { name: "programmes" }
  | { name: "programme"; id: string }
  | { name: "programmeCompare"; id: string }
  | { name: "ourProgramme" }
  | { name: "menu" }
  | { name: "events" }
  | { name: "event"; id: string }
  | { name: "disputes" }
  | { name: "dispute"; id: string }
  | { name: "cases" }
  | { name: "case"; id: string }
  | { name: "exchanges" }
  | { name: "exchangeRegime"; regime: string }
  | { name: "exchangeReturn"; regime: string; state: string; year: string }
  | { name: "documents" }
  | { name: "document"; id: string }
  | { name: "documentUpload" }
  | { name: "clearances" }
  | { name: "notFound" };

/** Pages about people rather than the registry: only for someone signed in, never cached. */
export function isPrivateRoute(route: Route): boolean {
  return (
    route.name === "account" ||
    route.name === "adminAccounts" ||
    route.name === "adminDelegations" ||
    route.name === "audit" ||
    route.name === "proposals" ||
    route.name === "proposal" ||
    route.name === "programmes" ||
    route.name === "programme" ||
    route.name === "programmeCompare" ||
    route.name === "ourProgramme" ||
    route.name === "events" ||
    route.name === "event" ||
    route.name === "documents" ||
    route.name === "document" ||
    route.name === "documentUpload" ||
    route.name === "clearances"
  );
}

/** A path on this site to come back to after signing in (`/x`, never `//host` or `https://…`). */
export function safeReturnTo(value: string | null | undefined): string | null {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  try {
    const url = new URL(value, window.location.origin);
    return url.origin === window.location.origin ? url.pathname + url.search + url.hash : null;
  } catch {
    return null;
  }
}

/** The sign-in page's address, coming back to `returnTo` afterwards. */
export function signInHref(returnTo?: string): string {
  const back = safeReturnTo(returnTo);
  return href("/sign-in", { returnTo: back && back !== "/" && !back.startsWith("/sign-in") ? back : null });
}

/** A path segment as text; a malformed escape (`%E0%A4%A`) is kept as typed rather than crashing the page. */
function segment(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function matchRoute(path: string): Route {
  const clean = path.length > 1 ? path.replace(/\/+$/, "") : path;
  if (clean === "/" || clean === "") return { name: "map" };
  let match = /^\/organizations\/([^/]+)$/.exec(clean);
  if (match?.[1]) return { name: "organization", code: segment(match[1]).toUpperCase() };
  match = /^\/actors\/([^/]+)$/.exec(clean);
  if (match?.[1]) return { name: "actor", code: segment(match[1]).toUpperCase() };
  match = /^\/relations\/([^/]+)$/.exec(clean);
  if (match?.[1]) return { name: "relation", id: segment(match[1]) };
  if (clean === "/sign-in") return { name: "signIn" };
  if (clean === "/account") return { name: "account" };
  if (clean === "/admin" || clean === "/admin/accounts") return { name: "adminAccounts" };
  if (clean === "/admin/delegations") return { name: "adminDelegations" };
  if (clean === "/audit") return { name: "audit" };
  if (clean === "/search") return { name: "search" };
  if (clean === "/proposals") return { name: "proposals" };
  match = /^\/proposals\/([^/]+)$/.exec(clean);
  if (match?.[1]) return { name: "proposal", id: segment(match[1]) };
  if (clean === "/programmes") return { name: "programmes" };
  match = /^\/programmes\/([^/]+)\/compare$/.exec(clean);
  if (match?.[1]) return { name: "programmeCompare", id: segment(match[1]) };
  match = /^\/programmes\/([^/]+)$/.exec(clean);
  if (match?.[1]) return { name: "programme", id: segment(match[1]) };
  if (clean === "/our-programme") return { name: "ourProgramme" };
  if (clean === "/menu") return { name: "menu" };
  if (clean === "/events") return { name: "events" };
  match = /^\/events\/([^/]+)$/.exec(clean);
  if (match?.[1]) return { name: "event", id: segment(match[1]) };
  if (clean === "/disputes") return { name: "disputes" };
  match = /^\/disputes\/([^/]+)$/.exec(clean);
  if (match?.[1]) return { name: "dispute", id: segment(match[1]) };
  if (clean === "/cases") return { name: "cases" };
  match = /^\/cases\/([^/]+)$/.exec(clean);
  if (match?.[1]) return { name: "case", id: segment(match[1]) };
  if (clean === "/documents") return { name: "documents" };
  if (clean === "/documents/new") return { name: "documentUpload" };
  if (clean === "/documents/clearances") return { name: "clearances" };
  match = /^\/documents\/([^/]+)$/.exec(clean);
  if (match?.[1]) return { name: "document", id: segment(match[1]) };
  if (clean === "/exchanges") return { name: "exchanges" };
  match = /^\/exchanges\/([^/]+)$/.exec(clean);
  if (match?.[1]) return { name: "exchangeRegime", regime: segment(match[1]) };
  match = /^\/exchanges\/([^/]+)\/returns\/([^/]+)\/(\d{4})$/.exec(clean);
  if (match?.[1] && match[2] && match[3])
    return {
      name: "exchangeReturn",
      regime: segment(match[1]),
      state: segment(match[2]).toUpperCase(),
      year: match[3],
    };
  return { name: "notFound" };
}
