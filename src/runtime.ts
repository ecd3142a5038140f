/**
 * Everything a Concord process needs before it can answer: a database (embedded or external),
 * the schema migrated, the starter data loaded, the services built. Shared by the server and
 * the CLI so both work on exactly the same footing.
 */
import type pg from "pg";
import { ConfigError, type Env } from "./config/env.ts";
import { createDatabase, createPool, type Database, describeConnectionFailure } from "./db/client.ts";
import { openEmbeddedDatabase, type DatabaseHandle } from "./db/embedded.ts";
import { migrate } from "./db/migrate.ts";
import type { Services } from "./api/app.ts";
import { readOidcConfig } from "./config/oidc.ts";
import { OidcService } from "./services/accounts/oidc.ts";
import { AccountsService } from "./services/accounts/accounts.ts";
import { AdministrationService } from "./services/accounts/administration.ts";
import { OwnAccountService } from "./services/accounts/own-account.ts";
import { AuditService } from "./services/audit/audit-service.ts";
import { ACCOUNTS_CHANNEL, SessionsService } from "./services/accounts/sessions.ts";
import { SignInLimits } from "./services/accounts/sign-in-limits.ts";
import { SignInService } from "./services/accounts/sign-in.ts";
import { RefusalLog } from "./services/audit/refusals.ts";
import { IdempotencyService } from "./services/idempotency.ts";
import { RegistryService } from "./services/registry.ts";
import { RegistryWriter } from "./services/registry-writes.ts";
import { RegistryCache } from "./services/registry-cache.ts";
import { ProgrammeCache } from "./services/cooperation/programme-cache.ts";
import { NotifiedCache } from "./services/notified-cache.ts";
import { DisputesService } from "./services/disputes/disputes.ts";
import { loadBindingKey } from "./services/documents/binding-key.ts";
import { DocumentsService } from "./services/documents/documents.ts";
import { ExchangesService } from "./services/exchanges/exchanges.ts";
import { startHeadPublisher } from "./services/audit/log.ts";
import { loadSigningKey } from "./services/audit/signing-key.ts";
import { RegistryRepository } from "./db/repositories/registry.ts";
import { loadEveryStarterPart } from "./services/starter/all.ts";
import { DecisionsService } from "./services/decisions/decisions.ts";
import { StatusNoticesService } from "./services/decisions/status-notices.ts";
import { EventHub } from "./services/events.ts";
import { JobWorker, type JobHandlers } from "./services/jobs/queue.ts";
import { WebhooksService } from "./services/webhooks.ts";
import { WebhookDeliverer } from "./services/webhook-deliveries.ts";
import { ImportsService } from "./services/imports/imports-service.ts";
import { SearchService } from "./services/search.ts";
import { ProgrammesService } from "./services/cooperation/programmes.ts";
import { MenuService } from "./services/cooperation/menu.ts";
import { EventsService } from "./services/cooperation/events.ts";
import { CalendarService } from "./services/cooperation/calendar.ts";
import { ResultsService } from "./services/cooperation/results.ts";
import { DashboardService } from "./services/cooperation/dashboard.ts";
import os from "node:os";
import { randomBytes } from "node:crypto";

/** A second Concord on the same data folder: the command line says so instead of failing. */
export { DataFolderLockedError, NoDatabaseError } from "./db/embedded.ts";

export type Runtime = {
  db: Database;
  pool: pg.Pool;
  database: DatabaseHandle;
  services: Services;
  /** This process's name in the outcomes it records: host, pid and a random tag. */
  instance: string;
  /** What each kind of job does (a CLI or test can run due jobs itself with a JobWorker). */
  jobHandlers: JobHandlers;
  /**
   * Says the process is stopping (a signal arrived): from now on the background parts' news of
   * lost database connections is expected, not worth a warning. Ctrl-C in a terminal reaches the
   * whole process group, so the embedded PostgreSQL starts its own shutdown at the same moment
   * and ends every connection "due to administrator command".
   */
  stopping(): void;
  close(): Promise<void>;
};

export type RuntimeOptions = {
  env: Env;
  role: string;
  /** A server owns its data folder; a CLI command may share the running server's database. */
  mode: "exclusive" | "share";
  log: (line: string) => void;
  /** Folder with countries.json and starter/ (tests point this at fixtures). */
  starterDataDir?: string;
  /**
   * A long-running server: keep an in-process copy of the hot registry reads, publish signed
   * audit heads, run the job queue (unless CONCORD_JOBS=off) and pass live events to browsers.
   */
  longRunning?: boolean;
  /**
   * Create the embedded database when the data folder has none. By default only a server does
   * (`exclusive`); a command that only uses a database refuses a folder without one.
   */
  initialise?: boolean;
};

/**
 * Loads (on first start: makes) the audit log's signing key, kept outside the database, and
 * publishes a signed head of the log every CONCORD_AUDIT_HEAD_SECONDS for others to keep.
 */
async function publishAuditHeads(db: Database, env: Env, log: (line: string) => void): Promise<() => void> {
  const key = await loadSigningKey(env.auditKeyFile);
  log(`Audit log heads are signed with the Ed25519 key ${key.fingerprint} (${env.auditKeyFile})`);
  return startHeadPublisher(db, key.privateKey, { everyMs: env.auditHeadSeconds * 1000, log });
}

export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { env } = options;
  let stopping = false;
  // Background parts (listeners, workers) speak through this: quiet once the process is stopping.
  const log = (line: string) => {
    if (!stopping) options.log(line);
  };
  // Read before anything starts, so a bad single-sign-on setting stops start-up at once.
  const oidcConfig = readOidcConfig(process.env);
  const database: DatabaseHandle = env.databaseUrl
    ? { url: env.databaseUrl, ownership: "external", stop: async () => {} }
    : await openEmbeddedDatabase({
        dataDir: env.dataDir,
        role: options.role,
        mode: options.mode,
        initialise: options.initialise ?? options.mode === "exclusive",
        log,
        debug: (line) => env.log === "debug" && log(`[postgres] ${line}`),
      });

  const pool = createPool(database.url);
  try {
    const applied = await migrate(pool).catch((error: unknown) => {
      const unreachable = database.ownership === "external" && describeConnectionFailure(error, database.url);
      throw unreachable ? new ConfigError(unreachable) : error;
    });
    if (applied.length > 0) log(`Applied migrations: ${applied.join(", ")}`);
    const db = createDatabase(pool);
    for (const { part, counts } of await loadEveryStarterPart(db, options.starterDataDir))
      log(
        `Loaded the starter ${part}: ${Object.entries(counts)
          .map(([k, v]) => `${v} ${k}`)
          .join(", ")}`,
      );
    const menu = new MenuService(db);
    // Identifying a signed-in request costs no query while the session is in this copy (bench/programmes.ts).
    const sessionCache = options.longRunning
      ? new NotifiedCache({ databaseUrl: database.url, channels: [ACCOUNTS_CHANNEL], name: "Session cache", log })
      : undefined;
    await sessionCache?.start();
    const sessions = new SessionsService(db, sessionCache);
    const refusals = new RefusalLog(db, { windowMs: env.refusalWindowSeconds * 1000, log });
    if (options.longRunning) refusals.start();
    const accounts = new AccountsService(db);
    const signInLimits = new SignInLimits(db);
    const oidc = oidcConfig ? new OidcService(db, sessions, oidcConfig) : undefined;
    await oidc?.checkOrganization();
    const cache = options.longRunning ? new RegistryCache(new RegistryRepository(db), database.url, log) : undefined;
    await cache?.start();
    const programmeCache = options.longRunning ? new ProgrammeCache(database.url, log) : undefined;
    await programmeCache?.start();
    const stopPublishingHeads = options.longRunning ? await publishAuditHeads(db, env, log) : () => {};
    const instance = `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
    const writer = new RegistryWriter();
    // The bindings' key is read when a document is first bound or verified, not at every start.
    let bindingKey: ReturnType<typeof loadBindingKey> | undefined;
    const documents = new DocumentsService(db, () => {
      bindingKey ??= loadBindingKey(env.documentKeyFile);
      bindingKey.catch(() => {
        bindingKey = undefined; // a key file fixed later is read again
      });
      return bindingKey;
    });
    const results = new ResultsService(db, { cache: programmeCache });
    // Programmes are agreed through decisions, and propose through them: each reaches the other once both exist.
    const decisions = new DecisionsService(db, writer, {
      instance,
      reminderHours: env.reminderHours,
      labelling: (tx) => documents.labelExisting(tx),
      programmes: {
        agreed: (tx, agreement) => programmes.agreed(tx, agreement),
        notAgreed: (tx, agreement) => programmes.notAgreed(tx, agreement),
      },
    });
    const programmes = new ProgrammesService(db, decisions, { progress: () => results, cache: programmeCache });
    const statusNotices = new StatusNoticesService(db, writer);
    const cooperationEvents = new EventsService(db);
    const exchanges = new ExchangesService(db, { labelling: (tx) => documents.labelExisting(tx) });
    const jobHandlers = {
      ...decisions.jobHandlers(),
      ...statusNotices.jobHandlers(),
      ...cooperationEvents.jobHandlers(),
      ...results.jobHandlers(),
      ...exchanges.jobHandlers(),
      ...documents.jobHandlers(),
    };
    const events = options.longRunning ? new EventHub(database.url, log) : undefined;
    await events?.start();
    const worker =
      options.longRunning && env.jobs
        ? new JobWorker({ db, databaseUrl: database.url, handlers: jobHandlers, instance, log })
        : undefined;
    await worker?.start();
    // Webhooks have workers of their own: a receiver that never answers must not hold a deadline's.
    const deliverer =
      options.longRunning && env.jobs
        ? new WebhookDeliverer({
            db,
            databaseUrl: database.url,
            instance,
            concurrency: env.webhooks.concurrency,
            perOrganization: env.webhooks.perOrganization,
            timeoutMs: env.webhooks.timeoutSeconds * 1000,
            allowPrivate: env.webhooks.allowPrivate,
            log,
          })
        : undefined;
    await deliverer?.start();
    return {
      db,
      pool,
      database,
      services: {
        oidc,
        ownAccounts: new OwnAccountService(db, sessions, signInLimits, refusals),
        administration: new AdministrationService(db, { singleSignOn: oidcConfig }),
        audit: new AuditService(db),
        registry: new RegistryService(db, cache),
        writer,
        decisions,
        statusNotices,
        events,
        webhooks: new WebhooksService(db, { allowPrivate: env.webhooks.allowPrivate }),
        idempotency: new IdempotencyService(db),
        accounts,
        imports: new ImportsService(db),
        search: new SearchService(db),
        programmes,
        menu,
        cooperationEvents,
        calendar: new CalendarService(db, cooperationEvents),
        results,
        cooperationDashboard: new DashboardService(db, { programmes, results, events: cooperationEvents }),
        programmeCache,
        disputes: new DisputesService(db),
        exchanges,
        documents,
        sessions,
        signInLimits,
        signIn: new SignInService(db, accounts, sessions, signInLimits, refusals),
        refusals,
      },
      instance,
      jobHandlers,
      stopping: () => {
        stopping = true;
      },
      close: async () => {
        stopping = true;
        await worker?.stop();
        await deliverer?.stop();
        await events?.stop();
        await refusals.stop();
        stopPublishingHeads();
        await cache?.stop();
        await programmeCache?.stop();
        await sessionCache?.stop();
        await pool.end();
        await database.stop();
      },
    };
  } catch (error) {
    await pool.end().catch(() => {});
    await database.stop().catch(() => {});
    throw error;
  }
}
