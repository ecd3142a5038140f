import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { Layout } from "./components/Layout.tsx";
import { lazyPage } from "./components/Lazy.tsx";
import { Loading } from "./components/Status.tsx";
import { DISPUTE_NAV } from "./i18n/disputes/nav.ts";
import { DOCUMENT_NAV } from "./i18n/documents/nav.ts";
import { EXCHANGE_NAV } from "./i18n/exchanges/nav.ts";
import {
  I18nContext,
  loadTextInUse,
  startingText,
  storeLang,
  useI18n,
  type I18n,
  type Lang,
  type Messages,
} from "./i18n/index.ts";
import { landingPath, mayLandElsewhere } from "./lib/landing.ts";
import { isPrivateRoute, matchRoute, navigate, useLocation, type Route } from "./lib/router.ts";
import { SessionProvider, useSession } from "./lib/session.tsx";
import { MapPage } from "./pages/MapPage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";

// Pages for signed-in people are fetched when first shown: the public registry stays light.
// Pages other than the map (where most visitors land) come in chunks of their own, so that a
// proposal's page, say, does not download the registry's pages first.
const ActorPage = lazyPage(() => import("./pages/ActorPage.tsx").then((m) => m.ActorPage));
const OrganizationPage = lazyPage(() => import("./pages/OrganizationPage.tsx").then((m) => m.OrganizationPage));
const RelationPage = lazyPage(() => import("./pages/RelationPage.tsx").then((m) => m.RelationPage));
const SignInPage = lazyPage(() => import("./pages/SignInPage.tsx").then((m) => m.SignInPage));
// A page's own part of the text (its second argument) comes in the reader's language alongside.
const AccountPage = lazyPage(() => import("./pages/AccountPage.tsx").then((m) => m.default), "accounts");
const AccountsPage = lazyPage(() => import("./pages/admin/AccountsPage.tsx").then((m) => m.default), "accounts");
const DelegationsPage = lazyPage(() => import("./pages/admin/DelegationsPage.tsx").then((m) => m.default), "accounts");
const AuditPage = lazyPage(() => import("./pages/AuditPage.tsx").then((m) => m.default), "accounts");
const PasswordRequiredPage = lazyPage(
  () => import("./pages/PasswordRequiredPage.tsx").then((m) => m.default),
  "accounts",
);
const ProposalsPage = lazyPage(() => import("./pages/decisions/ProposalsPage.tsx").then((m) => m.default), "decisions");
const ProposalPage = lazyPage(() => import("./pages/decisions/ProposalPage.tsx").then((m) => m.default), "decisions");
const ProgrammesPage = lazyPage(
  () => import("./pages/programmes/ProgrammesPage.tsx").then((m) => m.default),
  "programmes",
);
const ProgrammePage = lazyPage(
  () => import("./pages/programmes/ProgrammePage.tsx").then((m) => m.default),
  "programmes",
);
const ComparePage = lazyPage(() => import("./pages/programmes/ComparePage.tsx").then((m) => m.default), "programmes");
const OurProgrammePage = lazyPage(
  () => import("./pages/programmes/OurProgrammePage.tsx").then((m) => m.default),
  "programmes",
);
const MenuPage = lazyPage(() => import("./pages/cooperation/MenuPage.tsx").then((m) => m.default), "cooperation");
const EventsPage = lazyPage(() => import("./pages/cooperation/EventsPage.tsx").then((m) => m.default), "cooperation");
const EventPage = lazyPage(() => import("./pages/cooperation/EventPage.tsx").then((m) => m.default), "cooperation");
const SearchPage = lazyPage(() => import("./pages/SearchPage.tsx").then((m) => m.default));
const DisputesPage = lazyPage(() => import("./pages/disputes/DisputesPage.tsx").then((m) => m.default), "disputes");
const DisputePage = lazyPage(() => import("./pages/disputes/DisputePage.tsx").then((m) => m.default), "disputes");
const CasesPage = lazyPage(() => import("./pages/disputes/CasesPage.tsx").then((m) => m.default), "disputes");
const CasePage = lazyPage(() => import("./pages/disputes/CasePage.tsx").then((m) => m.default), "disputes");
const ExchangesPage = lazyPage(() => import("./pages/exchanges/ExchangesPage.tsx").then((m) => m.default), "exchanges");
const RegimePage = lazyPage(() => import("./pages/exchanges/RegimePage.tsx").then((m) => m.default), "exchanges");
const ReturnPage = lazyPage(() => import("./pages/exchanges/ReturnPage.tsx").then((m) => m.default), "exchanges");
const LibraryPage = lazyPage(() => import("./pages/documents/LibraryPage.tsx").then((m) => m.default), "documents");
const DocumentPage = lazyPage(() => import("./pages/documents/DocumentPage.tsx").then((m) => m.default), "documents");
const UploadPage = lazyPage(() => import("./pages/documents/UploadPage.tsx").then((m) => m.default), "documents");
const ClearancesPage = lazyPage(
  () => import("./pages/documents/ClearancesPage.tsx").then((m) => m.default),
  "documents",
);

function pageTitle(route: Route, t: Messages, lang: Lang): string {
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
    case "search":
      return t.search.pageTitle;
    case "programmes":
      return t.programmesTitle;
    case "programme":
      return t.programmePageTitle(route.id);
    case "programmeCompare":
      return t.compareTitle;
    case "ourProgramme":
      return t.ourProgrammeTitle;
    case "menu":
      return t.menuTitle;
    case "events":
      return t.eventsTitle;
    case "event":
      return t.eventPageTitle(route.id);
    case "disputes":
      return DISPUTE_NAV[lang].disputesTitle;
    case "dispute":
      return DISPUTE_NAV[lang].disputePageTitle(route.id);
    case "cases":
      return DISPUTE_NAV[lang].casesTitle;
    case "case":
      return DISPUTE_NAV[lang].casePageTitle(route.id);
    case "exchanges":
      return EXCHANGE_NAV[lang].exchangesTitle;
    case "exchangeRegime":
      return EXCHANGE_NAV[lang].regimePageTitle(route.regime);
    case "exchangeReturn":
      return EXCHANGE_NAV[lang].returnPageTitle(route.state, route.year);
    case "documents":
      return DOCUMENT_NAV[lang].libraryTitle;
    case "document":
      return DOCUMENT_NAV[lang].documentPageTitle(route.id);
    case "documentUpload":
      return DOCUMENT_NAV[lang].uploadTitle;
    case "clearances":
      return DOCUMENT_NAV[lang].clearancesTitle;
    case "notFound":
      return t.notFoundTitle;
  }
}

/**
 * The whole app. main.tsx renders it once the reader's text has arrived (loadText), so a Spanish
 * reader never sees English first; should that text not arrive, English shows.
 */
export function App() {
  const [shown, setShown] = useState<{ lang: Lang; t: Messages }>(startingText);
  const { lang } = shown;
  // The language last chosen: a slower one chosen before does not replace it when it arrives.
  const chosen = useRef<Lang>(lang);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const i18n = useMemo<I18n>(
    () => ({
      lang,
      t: shown.t,
      setLang: (next) => {
        chosen.current = next;
        // This language's text, and that of the pages shown so far, before any of it changes.
        loadTextInUse(next).then(
          (t) => {
            if (chosen.current !== next) return;
            storeLang(next);
            setShown({ lang: next, t });
          },
          () => {
            // Not arrived (offline?): the page stays as it was, and so does the language menu.
            if (chosen.current === next) setShown((current) => ({ ...current }));
          },
        );
      },
    }),
    [shown],
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
  // A delegation head arriving at "/" (opening the app, or just signed in) lands on what waits for
  // its position; the map stays one click away in the header.
  const arrival = useRef({ path: location.path, cameFrom: null as string | null });
  if (arrival.current.path !== location.path) arrival.current = { path: location.path, cameFrom: arrival.current.path };
  const at = { path: location.path, search: window.location.search, cameFrom: arrival.current.cameFrom };
  const landing = landingPath({ ...at, speakFor: session?.abilities.decisions.speakFor });
  const awaitingLanding = landing !== null || (session === undefined && mayLandElsewhere(at));
  useLayoutEffect(() => {
    // Only if the reader is still where the decision was made (not already gone elsewhere).
    if (landing && window.location.pathname === "/" && !window.location.search) navigate(landing, { replace: true });
  }, [landing]);

  useEffect(() => {
    document.title = `${pageTitle(route, t, lang)} · ${t.appName}`;
  }, [lang, location.path]);

  return (
    <Layout path={location.path}>
      {(isPrivateRoute(route) && session === undefined) || awaitingLanding ? (
        // Who is asking decides what these pages show: wait for the session first.
        <Loading />
      ) : session?.abilities.account.passwordChangeRequired ? (
        // Signed in with a password an administrator set: nothing else until it is changed.
        <PasswordRequiredPage />
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
      ) : route.name === "search" ? (
        // What a search finds depends on who is signed in: start afresh when that changes.
        <SearchPage key={who} location={location} />
      ) : route.name === "proposal" ? (
        <ProposalPage key={`${who}:${route.id}`} id={route.id} />
      ) : route.name === "programmes" ? (
        <ProgrammesPage key={who} location={location} />
      ) : route.name === "programme" ? (
        <ProgrammePage key={`${who}:${route.id}`} id={route.id} />
      ) : route.name === "programmeCompare" ? (
        <ComparePage key={`${who}:${route.id}`} id={route.id} />
      ) : route.name === "ourProgramme" ? (
        <OurProgrammePage key={who} location={location} />
      ) : route.name === "menu" ? (
        <MenuPage key={who} location={location} />
      ) : route.name === "events" ? (
        <EventsPage key={who} location={location} />
      ) : route.name === "event" ? (
        <EventPage key={`${who}:${route.id}`} id={route.id} />
      ) : route.name === "disputes" ? (
        <DisputesPage location={location} />
      ) : route.name === "dispute" ? (
        <DisputePage key={route.id} id={route.id} location={location} />
      ) : route.name === "cases" ? (
        <CasesPage location={location} />
      ) : route.name === "case" ? (
        <CasePage key={route.id} id={route.id} />
      ) : route.name === "exchanges" ? (
        // Who reported to a restricted exchange depends on who is signed in: start afresh when that changes.
        <ExchangesPage key={who} location={location} />
      ) : route.name === "exchangeRegime" ? (
        <RegimePage key={`${who}:${route.regime}`} code={route.regime} location={location} />
      ) : route.name === "exchangeReturn" ? (
        <ReturnPage
          key={`${who}:${route.regime}:${route.state}:${route.year}`}
          code={route.regime}
          state={route.state}
          year={Number(route.year)}
        />
      ) : route.name === "documents" ? (
        // What the library shows depends on who reads it, and on the day: start afresh when that changes.
        <LibraryPage key={who} location={location} />
      ) : route.name === "document" ? (
        <DocumentPage key={`${who}:${route.id}`} id={route.id} location={location} />
      ) : route.name === "documentUpload" ? (
        <UploadPage key={who} />
      ) : route.name === "clearances" ? (
        <ClearancesPage key={who} />
      ) : (
        <NotFoundPage />
      )}
    </Layout>
  );
}
