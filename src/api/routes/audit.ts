/** The audit log over HTTP: search and verification for administrators; the signed head for anyone. */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AuditService } from "../../services/audit/audit-service.ts";
import { type AuthVariables, principalOf } from "../auth.ts";
import { AuditEntry, AuditVerdict, SignedHead } from "../schemas.ts";
import { errorResponse } from "../errors.ts";
import { type CsvColumn, csvFileName, csvResponse, FormatField, jsonOrCsv, toCsv, wantsCsv } from "../csv.ts";
import { validationHook } from "../validation.ts";

const instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: "must be a date (YYYY-MM-DD) or an ISO 8601 date-time",
});

const AuditQuery = z.object({
  actor: z.string().max(254).optional().openapi({ description: "An account id or e-mail address, or cli / system." }),
  action: z.string().max(64).optional(),
  objectType: z.string().max(64).optional(),
  objectId: z.string().max(128).optional(),
  from: instant.optional(),
  to: instant.optional(),
  beforeId: z.coerce
    .number()
    .int()
    .positive()
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .openapi({ description: "Entries older than this one: the next page." }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  reads: z
    .enum(["true", "false"], { error: "must be true or false" })
    .default("false")
    .transform((value) => value === "true")
    .openapi({
      description:
        "Also the entries that only record a read (accounts listed, the audit log searched) and refusals of reads (GET, HEAD); left out unless asked for, or named by `action`.",
    }),
  ...FormatField,
});

type Entry = z.infer<typeof AuditEntry>;
const jsonText = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
/** The columns of the audit CSV: the entry's fields, before, after and details as JSON text. */
const AUDIT_COLUMNS: CsvColumn<Entry>[] = [
  { header: "id", value: (entry) => entry.id },
  { header: "at", value: (entry) => entry.at },
  { header: "actor", value: (entry) => entry.actor },
  { header: "actorEmail", value: (entry) => entry.actorEmail },
  { header: "onBehalfOf", value: (entry) => entry.onBehalfOf },
  { header: "action", value: (entry) => entry.action },
  { header: "objectType", value: (entry) => entry.objectType },
  { header: "objectId", value: (entry) => entry.objectId },
  { header: "organization", value: (entry) => entry.organization },
  { header: "before", value: (entry) => jsonText(entry.before) },
  { header: "after", value: (entry) => jsonText(entry.after) },
  { header: "details", value: (entry) => jsonText(entry.details) },
  { header: "hash", value: (entry) => entry.hash },
];

const errors = {
  400: errorResponse("A parameter is invalid; the message names it."),
  401: errorResponse("Nobody is signed in."),
  403: errorResponse("Only administrators read the audit log."),
};

export function auditRoutes(services: { audit: AuditService }) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: "get",
      path: "/audit",
      tags: ["Audit"],
      summary: "Search the audit log, newest first (this read is itself audited)",
      request: { query: AuditQuery },
      responses: {
        200: jsonOrCsv(z.object({ entries: z.array(AuditEntry) }), "The entries."),
        ...errors,
      },
    }),
    async (c) => {
      const { format, ...query } = c.req.valid("query");
      const entries = await services.audit.search(principalOf(c), query);
      if (wantsCsv(format, c.req.header("accept")))
        return csvResponse(
          c,
          csvFileName("audit", query.from, query.to, new Date().toISOString().slice(0, 10)),
          toCsv(AUDIT_COLUMNS, entries),
        );
      return c.json({ entries }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/audit/verify",
      tags: ["Audit"],
      summary: "Whether the whole chain verifies, or the first entry that fails",
      responses: {
        200: {
          content: {
            "application/json": {
              schema: AuditVerdict,
            },
          },
          description: "The verdict.",
        },
        ...errors,
      },
    }),
    async (c) => {
      const result = await services.audit.verify(principalOf(c));
      return c.json(
        result.ok
          ? { ok: true as const, count: result.count, head: { entryId: result.head.entryId, hash: result.head.hash } }
          : { ok: false as const, entryId: result.entryId, reason: result.reason },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/audit/head",
      tags: ["Audit"],
      summary: "The latest signed head of the audit log, for anyone to keep and check later",
      responses: {
        200: {
          content: { "application/json": { schema: z.object({ head: SignedHead.nullable() }) } },
          description: "The head (null before the first is published).",
        },
      },
    }),
    async (c) => {
      const head = await services.audit.latestHead();
      return c.json(
        {
          head: head
            ? {
                entryId: head.entryId,
                hash: head.hash,
                signedAt: head.signedAt,
                publicKey: head.publicKey,
                signature: head.signature,
              }
            : null,
        },
        200,
      );
    },
  );

  return app;
}
