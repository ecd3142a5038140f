import { useEffect, useMemo, useState } from "preact/hooks";
import { Layout } from "./components/Layout.tsx";
import { lazyPage } from "./components/Lazy.tsx";
import { Loading } from "./components/Status.tsx";
import {
  catalogues,
  I18nContext,
  initialLang,
  storeLang,
  useI18n,
  type I18n,
  type Lang,
  type Messages,
} from "./i18n/index.ts";
import { isPrivateRoute, matchRoute, useLocation, type Route } from "./lib/router.ts";
import { SessionProvider, useSession } from "./lib/session.tsx";
import { ActorPage } from "./pages/ActorPage.tsx";
import { MapPage } from "./pages/MapPage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { OrganizationPage } from "./pages/OrganizationPage.tsx";
import { RelationPage } from "./pages/RelationPage.tsx";
import { SignInPage } from "./pages/SignInPage.tsx";

// Pages for signed-in people are fetched when first shown: the public registry stays light.
const AccountPage = lazyPage(() => import("./pages/AccountPage.tsx").then((m) => m.default));
const AccountsPage = lazyPage(() => import("./pages/admin/AccountsPage.tsx").then((m) => m.default));
const DelegationsPage = lazyPage(() => import("./pages/admin/DelegationsPage.tsx").then((m) => m.default));
const AuditPage = lazyPage(() => import("./pages/AuditPage.tsx").then((m) => m.default));
const ProposalsPage = lazyPage(() => import("./pages/decisions/ProposalsPage.tsx").then((m) => m.default));
const ProposalPage = lazyPage(() => import("./pages/decisions/ProposalPage.tsx").then((m) => m.default));

function pageTitle(route: Route, t: Messages): string {
  switch (route.name) {
    case "map":
      return t.mapTitle;
    case "organization":
    case "actor":
      return route.code;
    case "relation":
      return `${t.relation} ${route.id}`;
    case "signIn":
      return t.signInTitle;
    case "account":
      return t.accountTitle;
    case "adminAccounts":
      return t.accountsTitle;
    case "adminDelegations":
      return t.delegationsTitle;
    case "audit":
      return t.auditTitle;
    case "proposals":
      return t.decisionsTitle;
    case "proposal":
      return t.proposalPageTitle(route.id);
    case "notFound":
      return t.notFoundTitle;
  }
}

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const i18n = useMemo<I18n>(
    () => ({
      lang,
      t: catalogues[lang],
      setLang: (next) => {
        storeLang(next);
        setLang(next);
      },
    }),
    [lang],
  );

  return (
    <I18nContext.Provider value={i18n}>
      <SessionProvider>
        <Pages />
      </SessionProvider>
    </I18nContext.Provider>
  );
}

function Pages() {
  const location = useLocation();
  const route = matchRoute(location.path);
  const { session } = useSession();
  const { t, lang } = useI18n();
  // Pages about people start afresh when someone else signs in.
  const who = session?.account?.id ?? "nobody";

  useEffect(() => {
    document.title = `${pageTitle(route, t)} · ${t.appName}`;
  }, [lang, location.path]);

  return (
    <Layout path={location.path}>
      {isPrivateRoute(route) && session === undefined ? (
        // Who is asking decides what these pages show: wait for the session first.
        <Loading />
      ) : route.name === "map" ? (
        <MapPage location={location} />
      ) : route.name === "organization" ? (
        <OrganizationPage key={route.code} code={route.code} location={location} />
      ) : route.name === "actor" ? (
        <ActorPage key={route.code} code={route.code} location={location} />
      ) : route.name === "relation" ? (
        <RelationPage key={route.id} id={route.id} />
      ) : route.name === "signIn" ? (
        <SignInPage location={location} />
      ) : route.name === "account" ? (
        <AccountPage key={who} />
      ) : route.name === "adminAccounts" ? (
        <AccountsPage key={who} location={location} />
      ) : route.name === "adminDelegations" ? (
        <DelegationsPage key={who} />
      ) : route.name === "audit" ? (
        <AuditPage key={who} location={location} />
      ) : route.name === "proposals" ? (
        <ProposalsPage key={who} location={location} />
      ) : route.name === "proposal" ? (
        <ProposalPage key={`${who}:${route.id}`} id={route.id} />
      ) : (
        <NotFoundPage />
      )}
    </Layout>
  );
}
