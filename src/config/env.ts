import path from "node:path";
import { z } from "zod";

/**
 * Concord's configuration, read once from the environment and validated at start-up.
 * An empty string counts as missing, so `PORT=` falls back to the default instead of failing late.
 */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  CONCORD_DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  CONCORD_LOG: z.enum(["silent", "info", "debug"]).default("info"),
  CONCORD_AUDIT_KEY_FILE: z.string().optional(),
  CONCORD_DOCUMENT_KEY_FILE: z.string().optional(),
  CONCORD_AUDIT_HEAD_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  CONCORD_REMINDER_HOURS: z
    .string()
    .regex(
      /^\s*(\d+(\.\d+)?\s*(,\s*\d+(\.\d+)?\s*)*)?$/,
      "must be hours before a deadline, separated by commas, e.g. 48,2",
    )
    .default("48,2"),
  CONCORD_JOBS: z.enum(["on", "off"]).default("on"),
  CONCORD_WEBHOOK_ALLOW_PRIVATE: z.enum(["true", "false"], { error: "must be true or false" }).default("false"),
  CONCORD_WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
  CONCORD_WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(8),
  CONCORD_WEBHOOK_PER_ORGANIZATION: z.coerce.number().int().min(1).max(100).default(2),
  CONCORD_REFUSAL_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
});

export type Env = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  log: "silent" | "info" | "debug";
  /** The audit log's Ed25519 signing key, kept outside the database (default: in the data folder). */
  auditKeyFile: string;
  /** The ECDSA P-256 key that signs documents' STANAG 4778 bindings, kept outside the database (default: in the data folder). */
  documentKeyFile: string;
  /** How often the server publishes a signed head of the audit log. */
  auditHeadSeconds: number;
  /** Reminders to delegations without a position, this many hours before each deadline. */
  reminderHours: number[];
  /** Whether this server runs the job queue's workers (deadlines, reminders, notices) and the webhook deliverers. */
  jobs: boolean;
  webhooks: {
    /** Send to loopback, private and link-local addresses too (tests, an intranet). */
    allowPrivate: boolean;
    /** How long a receiver has to answer. */
    timeoutSeconds: number;
    /** Deliveries POSTed side by side by this instance. */
    concurrency: number;
    /** Deliveries of one organisation in flight at once, on all instances together. */
    perOrganization: number;
  };
  /** Refusals (failed sign-ins, denied requests) beyond a few per window are counted and summarised in the audit log once per window. */
  refusalWindowSeconds: number;
};

export class ConfigError extends Error {}

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
  }
  const env = parsed.data;
  const dataDir = path.resolve(env.CONCORD_DATA_DIR);
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir,
    databaseUrl: env.DATABASE_URL,
    log: env.CONCORD_LOG,
    auditKeyFile: path.resolve(env.CONCORD_AUDIT_KEY_FILE ?? path.join(dataDir, "audit-signing-key.pem")),
    documentKeyFile: path.resolve(env.CONCORD_DOCUMENT_KEY_FILE ?? path.join(dataDir, "document-binding-key.pem")),
    auditHeadSeconds: env.CONCORD_AUDIT_HEAD_SECONDS,
    reminderHours: env.CONCORD_REMINDER_HOURS.split(",")
      .map((hours) => hours.trim())
      .filter(Boolean)
      .map(Number),
    jobs: env.CONCORD_JOBS === "on",
    webhooks: {
      allowPrivate: env.CONCORD_WEBHOOK_ALLOW_PRIVATE === "true",
      timeoutSeconds: env.CONCORD_WEBHOOK_TIMEOUT_SECONDS,
      concurrency: env.CONCORD_WEBHOOK_CONCURRENCY,
      perOrganization: env.CONCORD_WEBHOOK_PER_ORGANIZATION,
    },
    refusalWindowSeconds: env.CONCORD_REFUSAL_WINDOW_SECONDS,
  };
}
