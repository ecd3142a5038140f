import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ENDONYMS, isLanguage, LANGUAGES } from "../../../src/domain/languages.ts";
import { DISPUTE_NAV } from "../i18n/disputes/nav.ts";
import { DOCUMENT_NAV } from "../i18n/documents/nav.ts";
import { EXCHANGE_NAV } from "../i18n/exchanges/nav.ts";
import { useI18n } from "../i18n/index.ts";
import { isPrivateRoute, matchRoute, navigate, signInHref } from "../lib/router.ts";
import { useSession } from "../lib/session.tsx";
import { Link } from "./Link.tsx";
import { Search } from "./Search.tsx";

/** Up to two initials for the round badge beside the name ("Ana María Ruiz" → "AR"). */
function initials(name: string): string {
  const words = name
    .replace(/@.*$/, "")
    .split(/[\s._-]+/)
    .filter(Boolean);
  const letters = words.length > 1 ? [words[0], words.at(-1)] : words.slice(0, 1);
  return letters.map((word) => [...(word ?? "")][0]?.toUpperCase() ?? "").join("") || "?";
}

export function Layout({ children, path }: { children: ComponentChildren; path: string }) {
  const { t, lang, setLang } = useI18n();
  const { session, signOut } = useSession();
  const account = session?.account ?? null;
  const abilities = session?.abilities;
  // A message that outlives the click that caused it (signing out), shown on the page it leads to.
  const [flash, setFlash] = useState<{ path: string; text: "signedOut" | "signOutFailed" } | null>(null);
  useEffect(() => {
    if (flash && flash.path !== path) setFlash(null);
  }, [path]);
  const section = path.startsWith("/admin")
    ? "admin"
    : path === "/audit"
      ? "audit"
      : path === "/account"
        ? "account"
        : path === "/proposals" || path.startsWith("/proposals/")
          ? "decisions"
          : ["/programmes", "/our-programme", "/events"].some((start) => path === start || path.startsWith(`${start}/`))
            ? "cooperation"
            : path === "/menu"
              ? "menu"
              : ["/disputes", "/cases"].some((start) => path === start || path.startsWith(`${start}/`))
                ? "disputes"
                : path === "/exchanges" || path.startsWith("/exchanges/")
                  ? "exchanges"
                  : path === "/documents" || path.startsWith("/documents/")
                    ? "documents"
                    : path === "/"
                      ? "map"
                      : null;

  const onSignOut = async () => {
    let failed = false;
    try {
      await signOut();
    } catch {
      failed = true;
    }
    const leaving = !failed && isPrivateRoute(matchRoute(window.location.pathname));
    const target = leaving ? "/" : window.location.pathname;
    if (leaving) navigate("/");
    setFlash({ path: target, text: failed ? "signOutFailed" : "signedOut" });
  };

  return (
    <>
      <a class="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header class="site-header">
        <div class="container header-inner">
          <Link href="/" class="brand">
            <svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <circle cx="16" cy="16" r="11" fill="none" stroke="currentColor" stroke-width="2.5" />
              <circle cx="16" cy="16" r="4" fill="currentColor" />
            </svg>
            <span class="brand-text">
              <span class="brand-name">{t.appName}</span>
              <span class="brand-tagline">{t.tagline}</span>
            </span>
          </Link>
          <nav class="site-nav" aria-label={t.mainNavigation}>
            <ul>
              <li>
                <Link href="/" aria-current={section === "map" ? "page" : undefined}>
                  {t.navMap}
                </Link>
              </li>
              {abilities?.decisions.read && (
                <li>
                  <Link href="/proposals" aria-current={section === "decisions" ? "page" : undefined}>
                    {t.navDecisions}
                  </Link>
                </li>
              )}
              {abilities?.decisions.read && (
                <li>
                  <Link href="/programmes" aria-current={section === "cooperation" ? "page" : undefined}>
                    {t.navCooperation}
                  </Link>
                </li>
              )}
              <li>
                <Link href="/menu" aria-current={section === "menu" ? "page" : undefined}>
                  {t.navMenu}
                </Link>
              </li>
              <li>
                <Link href="/disputes" aria-current={section === "disputes" ? "page" : undefined}>
                  {DISPUTE_NAV[lang].navDisputes}
                </Link>
              </li>
              <li>
                <Link href="/exchanges" aria-current={section === "exchanges" ? "page" : undefined}>
                  {EXCHANGE_NAV[lang].navExchanges}
                </Link>
              </li>
              {abilities?.documents.read && (
                <li>
                  <Link href="/documents" aria-current={section === "documents" ? "page" : undefined}>
                    {DOCUMENT_NAV[lang].navDocuments}
                  </Link>
                </li>
              )}
              {abilities?.administration.manage && (
                <li>
                  <Link href="/admin/accounts" aria-current={section === "admin" ? "page" : undefined}>
                    {t.navAdministration}
                  </Link>
                </li>
              )}
              {abilities?.audit.read && (
                <li>
                  <Link href="/audit" aria-current={section === "audit" ? "page" : undefined}>
                    {t.navAudit}
                  </Link>
                </li>
              )}
            </ul>
          </nav>
          <Search />
          <div class="header-account" aria-busy={session === undefined}>
            {session === undefined ? null : account ? (
              <>
                <Link href="/account" class="account-link" aria-current={section === "account" ? "page" : undefined}>
                  <span class="avatar" aria-hidden="true">
                    {initials(account.displayName)}
                  </span>
                  <span class="account-text">
                    <span class="account-caption">{t.signedInAs}</span>
                    <span class="account-name" data-testid="signed-in-name">
                      {account.displayName}
                    </span>
                  </span>
                </Link>
                <button type="button" class="header-button" onClick={onSignOut}>
                  {t.signOut}
                </button>
              </>
            ) : path !== "/sign-in" ? (
              <Link href={signInHref(path + window.location.search)} class="header-button">
                {t.signIn}
              </Link>
            ) : null}
          </div>
          <div class="lang-switch">
            <label for="lang-select">{t.language}</label>
            <select
              id="lang-select"
              value={lang}
              onChange={(event) => {
                const value = event.currentTarget.value;
                if (isLanguage(value)) setLang(value);
              }}
            >
              {LANGUAGES.map((code) => (
                <option value={code} lang={code}>
                  {ENDONYMS[code]}
                </option>
              ))}
            </select>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} class="container">
        <div role="status" aria-live="polite" class="flash-region">
          {flash && flash.path === path && (
            <p class={`flash${flash.text === "signOutFailed" ? " is-error" : ""}`}>
              <span aria-hidden="true">{flash.text === "signedOut" ? "✓ " : "⚠ "}</span>
              {flash.text === "signedOut" ? t.signedOut : t.signOutFailed}
              <button type="button" class="flash-close" aria-label={t.dismiss} onClick={() => setFlash(null)}>
                ×
              </button>
            </p>
          )}
        </div>
        {children}
      </main>
      <footer class="site-footer">
        <div class="container">
          <p>{t.footer}</p>
          <p>
            <a href="/api/v1/organizations">{t.apiLink}</a>
          </p>
        </div>
      </footer>
    </>
  );
}
