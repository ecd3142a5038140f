/**
 * Decisions over HTTP: bodies, proposals and their positions, the chair's actions, a state's
 * requests, designations and notices, the delegation's inbox, webhooks, and the live event
 * stream. Changes are safe to retry with an Idempotency-Key.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type { Transaction } from "../../db/client.ts";
import { listBodies } from "../../db/repositories/decisions.ts";
import { POSITION_KINDS } from "../../domain/procedures.ts";
import type { DecisionsService } from "../../services/decisions/decisions.ts";
import type { StatusNoticesService } from "../../services/decisions/status-notices.ts";
import type { EventHub } from "../../services/events.ts";
import type { IdempotencyService } from "../../services/idempotency.ts";
import type { RegistryService } from "../../services/registry.ts";
import { procedureSchema } from "../../services/starter/format.ts";
import { WEBHOOK_EVENTS, type WebhooksService } from "../../services/webhooks.ts";
import { type AuthVariables, principalOf } from "../auth.ts";
import { decisionPolicy, organizationBody } from "../../services/policies.ts";
import {
  presentBody,
  presentDelegationNotice,
  presentProposal,
  presentProposalSummary,
  presentStatusNotice,
  presentWebhook,
} from "../decision-presenters.ts";
import { IdempotencyHeader, idempotentChange } from "../idempotent-change.ts";
import {
  Body,
  CodeParam,
  DelegationNotice,
  ErrorBody,
  LANGUAGES,
  type Language,
  Proposal,
  ProposalSummary,
  StatusNotice,
  Webhook,
} from "../schemas.ts";
import { validationHook } from "../validation.ts";

type Env = { Variables: AuthVariables };

/** Documents served with their own media type; anything else is served as application/octet-stream. */
export const SAFE_ATTACHMENT_TYPES: ReadonlySet<string> = new Set([
  "application/pdf",
  "text/plain",
  "text/csv",
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-powerpoint",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/vnd.oasis.opendocument.text",
  "application/vnd.oasis.opendocument.spreadsheet",
  "application/vnd.oasis.opendocument.presentation",
]);

/** `attachment` with the name in UTF-8 (RFC 6266), and a plain ASCII one for old clients; any text gives a valid header. */
function contentDisposition(name: string): string {
  const wellFormed = name.toWellFormed();
  const ascii = wellFormed.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(wellFormed)}`;
}

const plain = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`)
    .refine(
      (text) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text),
      "must not contain control characters",
    );
const instant = z.iso.datetime({
  offset: true,
  error: "must be an ISO 8601 date-time with a time zone, e.g. 2026-12-01T12:00:00Z",
});
const code = z.string().regex(/^[A-Z][A-Z0-9]{1,15}$/, "must be an upper-case code such as COL or NATO");
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and hyphens");

const IdParam = z.object({
  id: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, "must be a positive whole number")
    .openapi({ param: { name: "id", in: "path" }, example: "1" }),
});

const ListQuery = z.object({
  status: z.enum(["open", "closed"]).optional(),
  needs: z
    .literal("position")
    .optional()
    .openapi({ description: "Only proposals on which the reader's delegation has not yet taken a position." }),
  body: slug.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce
    .number()
    .int()
    .positive()
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .openapi({ description: "Proposals older than this id: the next page." }),
  lang: z.enum(LANGUAGES).optional(),
});
const LangOnly = z.object({ lang: z.enum(LANGUAGES).optional() });

const OpenProposal = z.strictObject({
  body: slug,
  title: plain(300),
  text: plain(100_000).openapi({ description: "Markdown." }),
  procedure: procedureSchema.optional().openapi({ description: "Defaults to the body's procedure." }),
  deadline: instant.optional().openapi({ description: "Required for silence and majority." }),
  chair: plain(200).optional(),
});
const TakePosition = z.strictObject({
  state: code.optional().openapi({ description: "Defaults to the reader's delegation." }),
  position: z.enum(POSITION_KINDS),
  statement: plain(20_000)
    .optional()
    .openapi({ description: "Required to object, to propose an amendment and to record a reservation." }),
});
const Extend = z.strictObject({ deadline: instant });
const Recirculate = z.strictObject({ text: plain(100_000), deadline: instant.nullable() });
const Close = z.strictObject({ as: z.enum(["not-adopted", "withdrawn"]), reason: plain(5_000) });
const FileRequest = z.strictObject({
  organization: code,
  status: z.enum(["member", "partner", "observer", "associate"]),
  framework: slug.optional(),
  text: plain(100_000),
  deadline: instant
    .optional()
    .openapi({
      description: "Required where the deciding body votes by majority or silence (e.g. the OAS General Assembly).",
    }),
});
const Designate = z.strictObject({
  body: slug,
  designee: code,
  designation: slug,
  revoke: z.boolean().default(false),
  text: plain(100_000),
});
const FileNotice = z.strictObject({
  kind: z.enum(["suspension", "withdrawal"]),
  organization: code,
  statement: plain(20_000).optional(),
});
const WithdrawNotice = z.strictObject({
  statement: plain(20_000)
    .optional()
    .openapi({ description: "Why the state takes its notice back; kept with the notice." }),
});
const NewWebhook = z.strictObject({
  url: z
    .url({ protocol: /^https?$/i, error: "must be an http:// or https:// URL" })
    .max(2000, "must be at most 2000 characters")
    .openapi({
      description:
        "Where to POST each event: a public address (loopback, private and link-local ones are refused unless the operator allows them).",
    }),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).default(["*"]),
});
const NewAttachment = z.strictObject({
  name: plain(200),
  mediaType: z
    .string()
    .max(100, "must be at most 100 characters")
    .regex(/^[a-z]+\/[a-z0-9.+-]+$/i, "must be a media type such as application/pdf"),
  content: z.base64("must be base64").max(7_000_000, "must be at most 5 MiB (about 7 million base64 characters)"),
});
const AttachmentParams = IdParam.extend({
  attachment: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, "must be a positive whole number")
    .openapi({ param: { name: "attachment", in: "path" } }),
});
const WebhookParams = CodeParam.extend({
  id: z
    .string()
    .uuid("must be a webhook id")
    .openapi({ param: { name: "id", in: "path" } }),
});

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});
const errors = {
  400: json(ErrorBody, "The request is invalid; the message names the field."),
  401: json(ErrorBody, "Nobody is signed in."),
  403: json(ErrorBody, "The reader's role may not do this."),
  404: json(ErrorBody, "No such proposal, or not one this reader may see."),
  409: json(ErrorBody, "The proposal is closed, the deadline has passed, or the registry already holds it."),
};
const proposalBody = z.object({ proposal: Proposal });

export type DecisionServices = {
  decisions: DecisionsService;
  statusNotices: StatusNoticesService;
  webhooks: WebhooksService;
  events?: EventHub;
  idempotency: IdempotencyService;
  registry: RegistryService;
  db: Parameters<typeof listBodies>[0];
};

export function decisionRoutes(services: DecisionServices) {
  const app = new OpenAPIHono<Env>({ defaultHook: validationHook });
  const lang = (c: Context<Env>): Language => {
    const asked = c.req.query("lang");
    return (LANGUAGES as readonly string[]).includes(asked ?? "") ? (asked as Language) : "en";
  };
  const change = <B extends object, S extends 200 | 201>(
    c: Context<Env>,
    status: S,
    request: unknown,
    work: (tx: Transaction) => Promise<B>,
  ) => idempotentChange(services, c, status, request, work);

  app.openapi(
    createRoute({
      method: "get",
      path: "/bodies",
      tags: ["Decisions"],
      summary: "The deciding bodies the reader can see",
      request: { query: LangOnly },
      responses: { 200: json(z.object({ bodies: z.array(Body) }), "Bodies.") },
    }),
    async (c) =>
      c.json(
        { bodies: (await services.decisions.bodies(principalOf(c))).map((body) => presentBody(body, lang(c))) },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/proposals",
      tags: ["Decisions"],
      summary: "Proposals, newest first: open, closed with outcomes, or needing the reader's position",
      request: { query: ListQuery },
      responses: {
        200: json(
          z.object({
            proposals: z.array(ProposalSummary),
            now: z
              .string()
              .openapi({
                description:
                  "The server's clock (ISO 8601), which keeps the deadlines: count time left from it, not from the reader's.",
              }),
          }),
          "Proposals.",
        ),
        400: errors[400],
        401: errors[401],
        404: errors[404],
      },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const principal = principalOf(c);
      const rows = await services.decisions.list(principal, {
        status: query.status,
        needsPosition: query.needs === "position",
        body: query.body,
        limit: query.limit,
        beforeId: query.before,
      });
      const bodies = new Map((await listBodies(services.db)).map((body) => [body.id, body]));
      const now = await services.decisions.now();
      return c.json(
        { proposals: rows.map((row) => presentProposalSummary(row, bodies, lang(c))), now: now.toISOString() },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/proposals/{id}",
      tags: ["Decisions"],
      summary: "One proposal: its procedure, rounds, the grid of positions, every change, and the outcome",
      request: { params: IdParam, query: LangOnly },
      responses: { 200: json(proposalBody, "The proposal."), 401: errors[401], 404: errors[404] },
    }),
    async (c) =>
      c.json(
        {
          proposal: presentProposal(
            await services.decisions.get(principalOf(c), Number(c.req.valid("param").id)),
            lang(c),
          ),
        },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/proposals",
      tags: ["Decisions"],
      summary: "Open a proposal in a body (its secretariat); the members are fixed from the registry now",
      request: {
        headers: IdempotencyHeader,
        body: { content: { "application/json": { schema: OpenProposal } }, required: true },
      },
      responses: { 201: json(proposalBody, "Opened."), ...errors },
    }),
    async (c) => {
      const input = c.req.valid("json");
      return change(c, 201, input, async (tx) => ({
        proposal: presentProposal(
          await services.decisions.open(
            principalOf(c),
            { ...input, deadline: input.deadline ? new Date(input.deadline) : null },
            tx,
          ),
          lang(c),
        ),
      }));
    },
  );

  const action = <T extends z.ZodType>(
    path: string,
    summary: string,
    schema: T,
    run: (
      c: Context<Env>,
      id: number,
      input: z.infer<T>,
      tx: Transaction,
    ) => Promise<Parameters<typeof presentProposal>[0]>,
  ) =>
    app.openapi(
      createRoute({
        method: "post",
        path,
        tags: ["Decisions"],
        summary,
        request: {
          params: IdParam,
          headers: IdempotencyHeader,
          body: { content: { "application/json": { schema } }, required: true },
        },
        responses: { 200: json(proposalBody, "Done; the proposal as it is now."), ...errors },
      }),
      async (c) => {
        // Validated by the route's schemas above; the generic helper cannot name their types.
        const id = Number(c.req.param("id"));
        const input = c.req.valid("json" as never) as z.infer<T>;
        return change(c, 200, input, async (tx) => ({
          proposal: presentProposal(await run(c, id, input, tx), lang(c)),
        }));
      },
    );

  action(
    "/proposals/{id}/positions",
    "Take a position for a member state (its delegation head): concur, object, amend, concur with a reservation, abstain",
    TakePosition,
    (c, id, input, tx) => services.decisions.castPosition(principalOf(c), id, input, tx),
  );
  action("/proposals/{id}/extend", "Extend the current round's deadline (the chair)", Extend, (c, id, input, tx) =>
    services.decisions.extend(principalOf(c), id, { deadline: new Date(input.deadline) }, tx),
  );
  action(
    "/proposals/{id}/recirculate",
    "Recirculate an amended text: a new round with a new deadline (the chair)",
    Recirculate,
    (c, id, input, tx) =>
      services.decisions.recirculate(
        principalOf(c),
        id,
        { text: input.text, deadline: input.deadline === null ? null : new Date(input.deadline) },
        tx,
      ),
  );
  action(
    "/proposals/{id}/close",
    "Close without adoption (the chair, consensus only) or withdraw (the chair, or the requesting state)",
    Close,
    (c, id, input, tx) => services.decisions.close(principalOf(c), id, input, tx),
  );

  action(
    "/proposals/{id}/attachments",
    "Attach a document to an open proposal (the chair); content in base64",
    NewAttachment,
    (c, id, input, tx) =>
      services.decisions.attach(
        principalOf(c),
        id,
        { name: input.name, mediaType: input.mediaType, content: Buffer.from(input.content, "base64") },
        tx,
      ),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/proposals/{id}/attachments/{attachment}",
      tags: ["Decisions"],
      summary: "Download an attachment",
      request: { params: AttachmentParams },
      responses: { 200: { description: "The document, with its media type." }, 401: errors[401], 404: errors[404] },
    }),
    async (c) => {
      const { id, attachment } = c.req.valid("param");
      const found = await services.decisions.attachment(principalOf(c), Number(id), Number(attachment));
      // A type a browser could run (HTML, SVG, scripts…) is served as bytes to save; any type, in a sandbox, to download.
      c.header(
        "Content-Type",
        SAFE_ATTACHMENT_TYPES.has(found.mediaType.toLowerCase()) ? found.mediaType : "application/octet-stream",
      );
      c.header("Content-Disposition", contentDisposition(found.name));
      c.header("Content-Security-Policy", "sandbox; default-src 'none'");
      c.header("X-Content-Type-Options", "nosniff");
      return c.body(new Uint8Array(found.content), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/requests",
      tags: ["Decisions"],
      summary:
        "A state's request for a status in an organisation, filed by its delegation head; opens the proposal the organisation's rules require",
      request: {
        headers: IdempotencyHeader,
        body: { content: { "application/json": { schema: FileRequest } }, required: true },
      },
      responses: { 201: json(proposalBody, "Filed; the proposal it opened."), ...errors },
    }),
    async (c) => {
      const input = c.req.valid("json");
      return change(c, 201, input, async (tx) => ({
        proposal: presentProposal(
          await services.decisions.fileRequest(
            principalOf(c),
            { ...input, deadline: input.deadline ? new Date(input.deadline) : null },
            tx,
          ),
          lang(c),
        ),
      }));
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/designations",
      tags: ["Decisions"],
      summary:
        "A designation by one state (e.g. Major Non-NATO Ally), or its revocation: a unilateral proposal in that state's body",
      request: {
        headers: IdempotencyHeader,
        body: { content: { "application/json": { schema: Designate } }, required: true },
      },
      responses: { 201: json(proposalBody, "Opened."), ...errors },
    }),
    async (c) => {
      const input = c.req.valid("json");
      return change(c, 201, input, async (tx) => ({
        proposal: presentProposal(await services.decisions.proposeDesignation(principalOf(c), input, tx), lang(c)),
      }));
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/status-notices",
      tags: ["Decisions"],
      summary:
        "A state's notice of suspension or withdrawal; the change is scheduled for the end of the organisation's notice period",
      request: {
        headers: IdempotencyHeader,
        body: { content: { "application/json": { schema: FileNotice } }, required: true },
      },
      responses: { 201: json(z.object({ notice: StatusNotice }), "Filed."), ...errors },
    }),
    async (c) => {
      const input = c.req.valid("json");
      return change(c, 201, input, async (tx) => ({
        notice: presentStatusNotice(await services.statusNotices.file(principalOf(c), input, tx)),
      }));
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/status-notices/{id}/withdraw",
      tags: ["Decisions"],
      summary:
        "Withdraw a notice before it takes effect (the delegation head of the state that gave it); nothing changes in the registry",
      request: {
        params: IdParam,
        headers: IdempotencyHeader,
        body: { content: { "application/json": { schema: WithdrawNotice } }, required: true },
      },
      responses: { 200: json(z.object({ notice: StatusNotice }), "Withdrawn; the notice as it is now."), ...errors },
    }),
    async (c) => {
      const id = Number(c.req.valid("param").id);
      const input = c.req.valid("json");
      return change(c, 200, input, async (tx) => ({
        notice: presentStatusNotice(await services.statusNotices.withdraw(principalOf(c), id, input, tx)),
      }));
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/organizations/{code}/status-notices",
      tags: ["Decisions"],
      summary: "Suspension and withdrawal notices filed with an organisation, pending and applied",
      request: { params: CodeParam },
      responses: {
        200: json(z.object({ notices: z.array(StatusNotice) }), "Notices."),
        401: errors[401],
        403: errors[403],
      },
    }),
    async (c) =>
      c.json(
        {
          notices: (await services.statusNotices.list(principalOf(c), c.req.valid("param").code)).map(
            presentStatusNotice,
          ),
        },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/notices",
      tags: ["Decisions"],
      summary: "Outcome notices and reminders sent to the reader's delegation, newest first",
      responses: {
        200: json(z.object({ notices: z.array(DelegationNotice) }), "Notices."),
        400: errors[400],
        401: errors[401],
      },
    }),
    async (c) =>
      c.json({ notices: (await services.decisions.notices(principalOf(c))).map(presentDelegationNotice) }, 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/organizations/{code}/webhooks",
      tags: ["Webhooks"],
      summary: "The organisation's webhooks (its secretariat administrators)",
      request: { params: CodeParam },
      responses: {
        200: json(z.object({ webhooks: z.array(Webhook) }), "Webhooks."),
        401: errors[401],
        403: errors[403],
      },
    }),
    async (c) =>
      c.json(
        { webhooks: (await services.webhooks.list(principalOf(c), c.req.valid("param").code)).map(presentWebhook) },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/organizations/{code}/webhooks",
      tags: ["Webhooks"],
      summary: "Subscribe a URL to the organisation's events; the signing secret is shown once",
      request: {
        params: CodeParam,
        headers: IdempotencyHeader,
        body: { content: { "application/json": { schema: NewWebhook } }, required: true },
      },
      responses: { 201: json(z.object({ webhook: Webhook, secret: z.string() }), "Subscribed."), ...errors },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const organization = c.req.valid("param").code;
      return change(c, 201, input, async (tx) => {
        const { webhook, secret } = await services.webhooks.create(principalOf(c), { organization, ...input }, tx);
        return { webhook: presentWebhook(webhook), secret };
      });
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/organizations/{code}/webhooks/{id}",
      tags: ["Webhooks"],
      summary: "Stop a webhook",
      request: { params: WebhookParams },
      responses: { 204: { description: "Stopped." }, 401: errors[401], 403: errors[403], 404: errors[404] },
    }),
    async (c) => {
      const { code: organization, id } = c.req.valid("param");
      await services.idempotency.run(undefined, async (tx) => {
        await services.webhooks.disable(principalOf(c), organization, id, tx);
        return { status: 204, body: null };
      });
      return c.body(null, 204);
    },
  );

  /** How stale the check that a stream's reader is still signed in may be when events are sent. */
  const RECHECK_EVERY_MS = 5_000;

  // Server-sent events: what any instance commits reaches every open browser at once.
  app.get("/events", (c) => {
    const principal = principalOf(c);
    if (principal.kind !== "account")
      return c.json({ error: { id: "unauthenticated", message: "Sign in first: live updates need an account." } }, 401);
    const hub = services.events;
    if (!hub) return c.json({ error: { id: "unavailable", message: "Live updates run in the server only." } }, 503);
    const organization = principal.account.organizationCode;
    const state = principal.account.delegationState;
    const recheck = c.get("recheck");
    let checkedAt = Date.now();
    /**
     * The stream was opened by a session or token that may since have ended, or for an account
     * moved to another organisation or delegation: then it must stop, not go on telling. Asked
     * before sending (at most every few seconds) and at every keep-alive.
     */
    const endedBecause = async (): Promise<string | undefined> => {
      checkedAt = Date.now();
      const account = await recheck();
      if (!account) return "signed-out";
      if (account.organizationCode !== organization || account.delegationState !== state) return "account-changed";
      return undefined;
    };
    return streamSSE(c, async (stream) => {
      const queue: string[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = hub.subscribe((event) => {
        // Only what this reader may read, by the rule every read of a proposal or notice follows.
        const body = event.body
          ? { ...event.body, organization: event.organization }
          : organizationBody(event.organization);
        if (!decisionPolicy.read(principal, body, event.concerns ?? null)) return;
        queue.push(JSON.stringify(event));
        wake?.();
      });
      stream.onAbort(() => {
        unsubscribe();
        wake?.();
      });
      await stream.writeSSE({ event: "ready", data: "{}" });
      let idle = false;
      while (!stream.aborted) {
        if (idle || (queue.length > 0 && Date.now() - checkedAt >= RECHECK_EVERY_MS)) {
          const reason = await endedBecause();
          // A browser reconnects after the end, and learns there (401, or the new account's events) where it stands.
          if (reason) {
            await stream.writeSSE({ event: "end", data: JSON.stringify({ reason }) });
            break;
          }
        }
        if (queue.length > 0) {
          while (queue.length > 0) await stream.writeSSE({ event: "change", data: queue.shift()! });
        } else if (idle) {
          // A comment every 25 s keeps proxies from closing an idle stream.
          await stream.write(": keep-alive\n\n");
        }
        // (An event may have come while writing: then no waiting.)
        idle =
          queue.length > 0
            ? false
            : await new Promise<boolean>((resolve) => {
                const timer = setTimeout(() => resolve(true), 25_000);
                wake = () => {
                  clearTimeout(timer);
                  resolve(false);
                };
              });
        wake = undefined;
      }
      unsubscribe();
    });
  });

  return app;
}
