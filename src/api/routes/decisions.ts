/**
 * Decisions over HTTP: bodies, proposals and their positions, the chair's actions, a state's
 * requests, designations and notices, the delegation's inbox, and the live event stream
 * (src/api/live-updates.ts). Each handler reads its validated input (src/api/decision-schemas.ts), calls a service
 * and presents the answer; changes are safe to retry with an Idempotency-Key.
 */
import type { DocumentsService } from "../../services/documents/documents.ts";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Transaction } from "../../db/client.ts";
import { isLanguage, type Language } from "../../domain/languages.ts";
import type { DecisionsService } from "../../services/decisions/decisions.ts";
import type { StatusNoticesService } from "../../services/decisions/status-notices.ts";
import type { EventHub } from "../../services/events.ts";
import type { IdempotencyService } from "../../services/idempotency.ts";
import type { RegistryService } from "../../services/registry.ts";
import { attachmentHeaders } from "../attachments.ts";
import { type AuthVariables, principalOf } from "../auth.ts";
import {
  presentBody,
  presentDelegationNotice,
  presentPendingNotice,
  presentProposal,
  presentProposalSummary,
  presentStatusNotice,
} from "../decision-presenters.ts";
import {
  AttachmentParams,
  Close,
  Designate,
  Extend,
  FileNotice,
  FileRequest,
  IdParam,
  LangOnly,
  ListQuery,
  NewAttachment,
  OpenProposal,
  Recirculate,
  TakePosition,
  WithdrawNotice,
} from "../decision-schemas.ts";
import { errorResponse, jsonResponse as json, renamingFields } from "../errors.ts";
import { IdempotencyHeader, idempotentChange } from "../idempotent-change.ts";
import { liveUpdates } from "../live-updates.ts";
import {
  Body,
  CodeParam,
  DelegationNotice,
  PendingNotice,
  Proposal,
  ProposalSummary,
  StatusNotice,
} from "../schemas.ts";
import { validationHook } from "../validation.ts";
import { type CsvColumn, csvFileName, csvResponse, FormatField, jsonOrCsv, toCsv, wantsCsv } from "../csv.ts";

type Env = { Variables: AuthVariables };

const errors = {
  400: errorResponse("The request is invalid; the message names the field."),
  401: errorResponse("Nobody is signed in."),
  403: errorResponse("The reader's role may not do this."),
  404: errorResponse("No such proposal, or not one this reader may see."),
  409: errorResponse("The proposal is closed, the deadline has passed, or the registry already holds it."),
};

const proposalBody = z.object({ proposal: Proposal });

/** The columns of the proposals CSV: the list's fields, the procedure by its kind. */
const PROPOSAL_COLUMNS: CsvColumn<z.infer<typeof ProposalSummary>>[] = [
  { header: "id", value: (row) => row.id },
  { header: "body", value: (row) => row.body.id },
  { header: "bodyName", value: (row) => row.body.name },
  { header: "organization", value: (row) => row.body.actor },
  { header: "title", value: (row) => row.title },
  { header: "procedure", value: (row) => row.procedure.kind },
  { header: "purpose", value: (row) => row.purpose },
  { header: "concerns", value: (row) => row.concerns },
  { header: "status", value: (row) => row.status },
  { header: "round", value: (row) => row.round },
  { header: "deadline", value: (row) => row.deadline },
  { header: "openedAt", value: (row) => row.openedAt },
  { header: "decidedAt", value: (row) => row.decidedAt },
  { header: "decidedOn", value: (row) => row.decidedOn },
  { header: "members", value: (row) => row.members },
  { header: "positionsTaken", value: (row) => row.positionsTaken },
  { header: "needsPosition", value: (row) => row.needsPosition },
  { header: "reconstructed", value: (row) => row.reconstructed },
];

type Presented = z.infer<typeof Proposal>;
/** The columns of a proposal's positions CSV: one row per member state, as the grid shows it. */
const POSITION_COLUMNS: CsvColumn<{ proposal: Presented; row: Presented["grid"][number] }>[] = [
  { header: "proposal", value: ({ proposal }) => proposal.id },
  { header: "round", value: ({ proposal }) => proposal.round },
  { header: "state", value: ({ row }) => row.state },
  { header: "name", value: ({ row }) => row.name },
  { header: "position", value: ({ row }) => row.position },
  { header: "statement", value: ({ row }) => row.statement },
  { header: "castAt", value: ({ row }) => row.castAt },
  { header: "brokeSilence", value: ({ row }) => row.brokeSilence },
];

export type DecisionServices = {
  decisions: DecisionsService;
  documents: DocumentsService;
  statusNotices: StatusNoticesService;
  events?: EventHub;
  idempotency: IdempotencyService;
  registry: RegistryService;
};

export function decisionRoutes(services: DecisionServices) {
  const app = new OpenAPIHono<Env>({ defaultHook: validationHook });
  const lang = (c: Context<Env>): Language => {
    const asked = c.req.query("lang");
    return isLanguage(asked) ? asked : "en";
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
      request: { query: ListQuery.extend(FormatField) },
      responses: {
        200: jsonOrCsv(
          z.object({
            proposals: z.array(ProposalSummary),
            now: z.string().openapi({
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
      const rows = await renamingFields({ needsPosition: "needs" }, () =>
        services.decisions.list(principalOf(c), {
          status: query.status,
          needsPosition: query.needs === "position",
          body: query.body,
          limit: query.limit,
          beforeId: query.before,
        }),
      );
      const bodies = await services.decisions.bodiesOf(rows);
      const now = await services.decisions.now();
      if (wantsCsv(query.format, c.req.header("accept")))
        return csvResponse(
          c,
          csvFileName("proposals", query.body, query.status, query.needs, now.toISOString().slice(0, 10)),
          toCsv(
            PROPOSAL_COLUMNS,
            rows.map((row) => presentProposalSummary(row, bodies, lang(c))),
          ),
        );
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
      request: { params: IdParam, query: LangOnly.extend(FormatField) },
      responses: {
        200: jsonOrCsv(proposalBody, "The proposal (as CSV: its positions, one row per member state)."),
        401: errors[401],
        404: errors[404],
      },
    }),
    async (c) => {
      const proposal = presentProposal(
        await services.decisions.get(principalOf(c), Number(c.req.valid("param").id)),
        lang(c),
      );
      if (wantsCsv(c.req.valid("query").format, c.req.header("accept")))
        return csvResponse(
          c,
          csvFileName("proposal", proposal.id, proposal.body.actor, "positions", proposal.now.slice(0, 10)),
          toCsv(
            POSITION_COLUMNS,
            proposal.grid.map((row) => ({ proposal, row })),
          ),
        );
      return c.json({ proposal }, 200);
    },
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
      // Once kept as a labelled document, its label decides too (404 to whom it does not release it).
      if (found.documentId !== null) {
        const labelled = await services.documents.content(principalOf(c), found.documentId);
        return c.body(new Uint8Array(labelled.content), 200, attachmentHeaders(found));
      }
      return c.body(new Uint8Array(found.content), 200, attachmentHeaders(found));
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
      method: "post",
      path: "/status-notices/{id}/acknowledgement",
      tags: ["Decisions"],
      summary:
        "The organisation's secretariat (its depositary) acknowledges a notice; it takes effect on its effective date either way",
      request: { params: IdParam, headers: IdempotencyHeader },
      responses: {
        200: json(z.object({ notice: StatusNotice }), "Acknowledged; the notice as it is now."),
        ...errors,
      },
    }),
    async (c) => {
      const id = Number(c.req.valid("param").id);
      return change(c, 200, { id }, async (tx) => ({
        notice: presentStatusNotice(await services.statusNotices.acknowledge(principalOf(c), id, tx)),
      }));
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/organizations/{code}/status-notices",
      tags: ["Decisions"],
      summary:
        "Suspension and withdrawal notices filed with an organisation, with what the reader may do with each, the organisation's periods of notice and today's date",
      request: { params: CodeParam },
      responses: {
        200: json(
          z.object({
            notices: z.array(StatusNotice),
            periods: z.object({ withdrawalNoticeMonths: z.number(), suspensionNoticeMonths: z.number() }).openapi({
              description:
                "The months of notice the organisation's rules set: a notice filed today takes effect that much later.",
            }),
            today: z.string().openapi({ description: "The server's date: a notice filed now is filed on it." }),
          }),
          "Notices.",
        ),
        401: errors[401],
        403: errors[403],
      },
    }),
    async (c) => {
      const answer = await services.statusNotices.list(principalOf(c), c.req.valid("param").code);
      return c.json({ ...answer, notices: answer.notices.map(presentStatusNotice) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/actors/{code}/pending-notices",
      tags: ["Decisions"],
      summary:
        "Notices given by a state (or to an organisation) that have not taken effect: when each was given and when it takes effect, sourced to the notice",
      request: { params: CodeParam },
      responses: { 200: json(z.object({ notices: z.array(PendingNotice) }), "Pending notices, soonest first.") },
    }),
    async (c) =>
      c.json(
        {
          notices: (await services.statusNotices.pendingOf(principalOf(c), c.req.valid("param").code)).map(
            presentPendingNotice,
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

  // Server-sent events: what any instance commits reaches every open browser at once.
  app.get("/events", (c) => liveUpdates(c, services.events));

  return app;
}
