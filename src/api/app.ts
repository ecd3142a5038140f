import path from "node:path";
import { OpenAPIHono } from "@hono/zod-openapi";
import { projectRoot } from "../project-root.ts";
import type { ImportsService } from "../services/imports/imports-service.ts";
import type { AccountsService } from "../services/accounts/accounts.ts";
import type { AdministrationService } from "../services/accounts/administration.ts";
import type { OidcService } from "../services/accounts/oidc.ts";
import type { OwnAccountService } from "../services/accounts/own-account.ts";
import type { AuditService } from "../services/audit/audit-service.ts";
import type { SessionsService } from "../services/accounts/sessions.ts";
import type { SignInLimits } from "../services/accounts/sign-in-limits.ts";
import type { SignInService } from "../services/accounts/sign-in.ts";
import type { RefusalLog } from "../services/audit/refusals.ts";
import type { IdempotencyService } from "../services/idempotency.ts";
import type { RegistryService } from "../services/registry.ts";
import type { RegistryWriter } from "../services/registry-writes.ts";
import type { DecisionsService } from "../services/decisions/decisions.ts";
import type { StatusNoticesService } from "../services/decisions/status-notices.ts";
import type { EventHub } from "../services/events.ts";
import { type AuthVariables, identify } from "./auth.ts";
import { type ApiDocument, DOCS_STYLESHEET, renderDocs } from "./docs.ts";
import { errorBody, handleError } from "./errors.ts";
import { readerLanguage } from "./language.ts";
import { t } from "../domain/messages/index.ts";
import { securityHeaders } from "./security-headers.ts";
import { compressAnswers } from "./compression.ts";
import { mountWebUi } from "./web-ui.ts";
import { limitBodies, refuseUnstorableText, requireAccountForChanges } from "./input-guards.ts";
import { registryRoutes } from "./routes/registry.ts";
import { registryWriteRoutes } from "./routes/registry-writes.ts";
import { accountRoutes } from "./routes/account.ts";
import { adminRoutes } from "./routes/admin.ts";
import { auditRoutes } from "./routes/audit.ts";
import { oidcRoutes } from "./routes/oidc.ts";
import { decisionRoutes } from "./routes/decisions.ts";
import type { WebhooksService } from "../services/webhooks.ts";
import { sessionRoutes } from "./routes/session.ts";
import { webhookRoutes } from "./routes/webhooks.ts";
import { searchRoutes } from "./routes/search.ts";
import { programmeRoutes } from "./routes/programmes.ts";
import type { ProgrammesService } from "../services/cooperation/programmes.ts";
import type { SearchService } from "../services/search.ts";
import { menuRoutes } from "./routes/menu.ts";
import type { MenuService } from "../services/cooperation/menu.ts";
import { eventRoutes } from "./routes/events.ts";
import type { EventsService } from "../services/cooperation/events.ts";
import type { CalendarService } from "../services/cooperation/calendar.ts";
import { resultsRoutes } from "./routes/results.ts";
import { dashboardRoutes } from "./routes/dashboard.ts";
import { disputeRoutes } from "./routes/disputes.ts";
import { documentRoutes } from "./routes/documents.ts";
import type { DocumentsService } from "../services/documents/documents.ts";
import { exchangeRoutes } from "./routes/exchanges.ts";
import type { DashboardService } from "../services/cooperation/dashboard.ts";
import type { ProgrammeCache } from "../services/cooperation/programme-cache.ts";
import type { DisputesService } from "../services/disputes/disputes.ts";
import type { ExchangesService } from "../services/exchanges/exchanges.ts";
import type { ResultsService } from "../services/cooperation/results.ts";

export type Services = {
  registry: RegistryService;
  writer: RegistryWriter;
  decisions: DecisionsService;
  statusNotices: StatusNoticesService;
  /** Live events for browsers; only in a long-running server. */
  events?: EventHub;
  webhooks: WebhooksService;
  idempotency: IdempotencyService;
  accounts: AccountsService;
  sessions: SessionsService;
  signInLimits: SignInLimits;
  signIn: SignInService;
  /** Refusals recorded in the audit log, summarised when they come in floods. */
  refusals: RefusalLog;
  ownAccounts: OwnAccountService;
  administration: AdministrationService;
  audit: AuditService;
  /** Single sign-on, when configured (CONCORD_OIDC_*). */
  oidc?: OidcService;
  /** Imports of public data sets: the command line's only. */
  imports: ImportsService;
  /** The search box: the registry and the proposals the reader may read. */
  search: SearchService;
  /** Individual partnership programmes (cooperation programmes). */
  programmes: ProgrammesService;
  /** The partnership menu (cooperation programmes). */
  menu: MenuService;
  /** Cooperation events and nominations (not `events`, the live updates). */
  cooperationEvents: EventsService;
  /** Secret calendar feeds of cooperation events. */
  calendar: CalendarService;
  /** Results of cooperation programmes (indicators, periods, updates, IATI export, digests). */
  results: ResultsService;
  /** A delegation's cooperation dashboard ("our programme"). */
  cooperationDashboard: DashboardService;
  /** A long-running server's copy of what programme pages read; dropped after every change made here. */
  programmeCache?: ProgrammeCache;
  disputes: DisputesService;
  exchanges: ExchangesService;
  documents: DocumentsService;
};

export type AppOptions = {
  services: Services;
  /** The built web UI (web/dist); without it the UI paths explain how to build it. */
  webDir?: string;
  log?: (line: string) => void;
};

export const defaultWebDir = path.join(projectRoot, "web/dist");

const openApiInfo = {
  openapi: "3.1.0",
  info: {
    title: "Concord API",
    version: "1",
    description:
      "The registry of states, organisations and their relations over time, with sources. " +
      "Ask any question as of any date; conflicting sources are returned side by side.",
  },
};

export function createApp({ services, webDir = defaultWebDir, log = console.error }: AppOptions) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>();
  app.use("*", securityHeaders);
  // Inside the security headers, which are set on the compressed answer.
  app.use("*", compressAnswers);
  const api = new OpenAPIHono<{ Variables: AuthVariables }>();
  api.route("/", registryRoutes(services.registry));
  api.route("/", registryWriteRoutes(services));
  api.route("/", sessionRoutes(services));
  api.route("/", oidcRoutes(services));
  api.route("/", accountRoutes(services));
  api.route("/", adminRoutes(services));
  api.route("/", auditRoutes(services));
  // Before the decisions': GET /events passes live-update streams on to them.
  api.route("/", eventRoutes(services));
  api.route("/", decisionRoutes(services));
  api.route("/", webhookRoutes(services));
  api.route("/", searchRoutes(services));
  api.route("/", programmeRoutes(services));
  api.route("/", menuRoutes(services));
  api.route("/", resultsRoutes(services));
  api.route("/", dashboardRoutes(services));
  api.route("/", disputeRoutes(services));
  api.route("/", exchangeRoutes(services));
  api.route("/", documentRoutes(services));

  app.get("/api/v1/health", (c) => c.json({ status: "ok" }));
  app.use("/api/v1/*", identify(services.sessions, services.ownAccounts, services.refusals));
  app.use("/api/v1/*", requireAccountForChanges);
  app.use("/api/v1/*", limitBodies);
  app.use("/api/v1/*", refuseUnstorableText);
  // A change answered here is not answered before the copies of programmes and sessions are
  // dropped: the next request reads them afresh (other instances, the CLI and the job queue are
  // heard through NOTIFY).
  app.use("/api/v1/*", async (c, next) => {
    await next();
    if (c.req.method !== "GET" && c.req.method !== "HEAD") {
      services.programmeCache?.invalidate();
      services.sessions.forgetCopies();
    }
  });
  app.route("/api/v1", api);

  const document = api.getOpenAPI31Document(openApiInfo);
  document.paths = Object.fromEntries(
    Object.entries(document.paths ?? {}).map(([route, item]) => [`/api/v1${route}`, item]),
  );
  document.paths["/api/v1/health"] = {
    get: {
      summary: '200 {"status":"ok"} once migrations and starter data are in',
      responses: { 200: { description: "Ready." } },
    },
  };
  app.get("/api/openapi.json", (c) => c.json(document));
  // The generator's types are wider than what the docs page reads; the shape is the same.
  const docsPage = renderDocs(document as unknown as ApiDocument);
  app.get("/api/docs", (c) => c.html(docsPage));
  // The docs' styles, from this origin: the page's Content-Security-Policy allows no inline style.
  app.get("/api/docs.css", (c) =>
    c.body(DOCS_STYLESHEET, 200, {
      "Content-Type": "text/css; charset=utf-8",
      "Cache-Control": "public, max-age=3600",
    }),
  );

  app.all("/api/*", (c) =>
    c.json(
      errorBody(
        "not_found",
        t(readerLanguage(c), "request.no_endpoint", { method: c.req.method, path: c.req.path }),
        "request.no_endpoint",
      ),
      404,
    ),
  );

  mountWebUi(app, webDir);

  app.onError((error, c) => handleError(error, c, log, services.refusals));
  return app;
}
