/**
 * Labelled documents over HTTP: thin over DocumentsService (documentsPolicy). Uploads are
 * multipart (`file`, `title` or `title.<lang>`, `description.<lang>`, `label` as STANAG 4774 XML
 * or its JSON form); a download carries its STANAG 4778 binding, linked from the response and
 * served detached at `/documents/{id}/binding`.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { LANGUAGES } from "../../domain/languages.ts";
import { msg } from "../../domain/messages/index.ts";
import type { DocumentsService, NewDocument, Texts } from "../../services/documents/documents.ts";
import { InvalidRequestError } from "../../services/errors.ts";
import { attachmentHeaders, contentDisposition } from "../attachments.ts";
import { type AuthVariables, principalOf } from "../auth.ts";
import { errorResponse, jsonResponse as json } from "../errors.ts";
import { readerLanguage } from "../language.ts";
import { validationHook } from "../validation.ts";

type Env = { Variables: AuthVariables };

const Document = z.object({}).passthrough().openapi("Document");
const DocumentSummary = z.object({}).passthrough().openapi("DocumentSummary");
const idParam = z.object({ id: z.string().regex(/^\d{1,15}$/, "must be a document number") });
const versionQuery = z.object({
  version: z
    .string()
    .regex(/^\d{1,6}$/, "must be a version number")
    .optional(),
});
const errors = {
  400: errorResponse("Something sent is invalid; the message names it."),
  401: errorResponse("Nobody is signed in."),
  403: errorResponse("The reader's role does not allow it."),
  404: errorResponse("No such document in the reader's library, or not one the reader may see."),
};
const MULTIPART = {
  content: {
    "multipart/form-data": {
      schema: z.object({
        file: z.any().openapi({ type: "string", format: "binary" }),
        title: z
          .string()
          .optional()
          .openapi({ description: "The title in the reader's language; or title.en, title.es, title.pt, title.fr." }),
        label: z.string().optional().openapi({
          description: "A STANAG 4774 label as XML, or its JSON form; none: the organisation's default label.",
        }),
        subjectKind: z.enum(["proposal", "programme", "exchange-return"]).optional(),
        subjectId: z.string().max(100).optional(),
      }),
    },
  },
};

export function documentRoutes(services: { documents: DocumentsService }) {
  const app = new OpenAPIHono<Env>({ defaultHook: validationHook });
  const documents = services.documents;

  app.openapi(
    createRoute({
      method: "get",
      path: "/documents",
      tags: ["Documents"],
      summary: "The reader's library: the documents their clearance and nation allow today, newest change first",
      request: {
        query: z.object({
          q: z
            .string()
            .max(200)
            .optional()
            .openapi({ description: "Words in the titles, descriptions or text, in any language." }),
          policy: z.string().max(200).optional(),
          maxRank: z
            .string()
            .regex(/^\d{1,3}$/)
            .optional()
            .openapi({ description: "Only classifications at this rank or lower." }),
          value: z
            .string()
            .max(100)
            .optional()
            .openapi({ description: "Only labels carrying this category value (e.g. COL)." }),
          subjectKind: z.enum(["proposal", "programme", "exchange-return"]).optional(),
          subjectId: z.string().max(100).optional(),
          after: z.string().max(200).optional().openapi({ description: "The previous page's `next`." }),
          limit: z
            .string()
            .regex(/^\d{1,3}$/)
            .optional(),
          count: z
            .enum(["true", "false"])
            .optional()
            .openapi({ description: "Also count every document the reader may see." }),
        }),
      },
      responses: {
        200: json(
          z.object({ documents: z.array(DocumentSummary), next: z.string().nullable(), count: z.number().optional() }),
          "A page of documents.",
        ),
        400: errors[400],
        401: errors[401],
        403: errors[403],
      },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const principal = principalOf(c);
      const subject =
        query.subjectKind && query.subjectId ? { kind: query.subjectKind, id: query.subjectId } : undefined;
      const page = await documents.list(principal, {
        query: query.q,
        policy: query.policy,
        maxRank: query.maxRank === undefined ? undefined : Number(query.maxRank),
        categoryValue: query.value,
        subject,
        after: query.after,
        limit: query.limit === undefined ? undefined : Number(query.limit),
      });
      const count = query.count === "true" ? await documents.count(principal) : undefined;
      return c.json({ ...page, ...(count === undefined ? {} : { count }) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/documents",
      tags: ["Documents"],
      summary: "Add a document to the reader's library, labelled, bound and signed",
      request: { body: MULTIPART },
      responses: { 201: json(Document, "The document."), ...errors },
    }),
    async (c) => c.json(await documents.upload(principalOf(c), await readUpload(c, { fileRequired: true })), 201),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/documents/verify",
      tags: ["Documents"],
      summary: "Check a file against its STANAG 4778 binding: content, label and Concord's signature",
      request: {
        body: {
          content: {
            "multipart/form-data": {
              schema: z.object({
                file: z.any().openapi({ type: "string", format: "binary" }),
                binding: z.any().openapi({ type: "string", format: "binary" }),
              }),
            },
          },
        },
      },
      responses: {
        200: json(
          z.object({ valid: z.boolean() }).passthrough(),
          "Whether the binding holds, and if not what changed.",
        ),
        400: errors[400],
        401: errors[401],
      },
    }),
    async (c) => {
      const form = await readForm(c);
      const file = form.get("file");
      const binding = form.get("binding");
      if (!(file instanceof File)) throw new InvalidRequestError(msg("documents.file_required"), { field: "file" });
      if (binding === null) throw new InvalidRequestError(msg("documents.binding_required"), { field: "binding" });
      const bindingXml = binding instanceof File ? await binding.text() : binding;
      return c.json(await documents.verify(principalOf(c), new Uint8Array(await file.arrayBuffer()), bindingXml), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/documents/{id}",
      tags: ["Documents"],
      summary: "A document: the versions the reader may see, each with its label and marking",
      request: { params: idParam },
      responses: { 200: json(Document, "The document."), 401: errors[401], 404: errors[404] },
    }),
    async (c) => c.json(await documents.get(principalOf(c), Number(c.req.valid("param").id)), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/documents/{id}/versions",
      tags: ["Documents"],
      summary: "Add a version (the document's originator), with its own label",
      request: { params: idParam, body: MULTIPART },
      responses: { 201: json(Document, "The document."), ...errors },
    }),
    async (c) =>
      c.json(
        await documents.addVersion(
          principalOf(c),
          Number(c.req.valid("param").id),
          await readUpload(c, { fileRequired: true }),
        ),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/documents/{id}/content",
      tags: ["Documents"],
      summary: "A version's content (the current one by default); its binding is linked",
      request: { params: idParam, query: versionQuery },
      responses: {
        200: { description: "The document, with its media type." },
        400: errors[400],
        401: errors[401],
        404: errors[404],
      },
    }),
    async (c) => {
      const id = Number(c.req.valid("param").id);
      const asked = c.req.valid("query").version;
      const found = await documents.content(principalOf(c), id, asked === undefined ? undefined : Number(asked));
      return c.body(new Uint8Array(found.content), 200, {
        ...attachmentHeaders({ name: found.fileName, mediaType: found.mediaType }),
        Link: `</api/v1/documents/${id}/binding?version=${found.version}>; rel="describedby"; type="application/xml"`,
        "Cache-Control": "private, no-store",
      });
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/documents/{id}/binding",
      tags: ["Documents"],
      summary: "A version's detached STANAG 4778 binding: its label bound to the content's SHA-384 and signed",
      request: { params: idParam, query: versionQuery },
      responses: { 200: { description: "The binding, as XML." }, 400: errors[400], 401: errors[401], 404: errors[404] },
    }),
    async (c) => {
      const asked = c.req.valid("query").version;
      const found = await documents.binding(
        principalOf(c),
        Number(c.req.valid("param").id),
        asked === undefined ? undefined : Number(asked),
      );
      return c.body(found.bindingXml, 200, {
        "Content-Type": "application/xml; charset=utf-8",
        "Content-Disposition": contentDisposition(`${found.fileName}.binding.xml`),
        "Cache-Control": "private, no-store",
      });
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/documents/{id}/access",
      tags: ["Documents"],
      summary: "Why a reader cannot see the document (or that they can): for whoever speaks for its originator",
      request: {
        params: idParam,
        query: z.object({
          reader: z.string().max(254).openapi({ description: "The reader's account id or e-mail address." }),
        }),
      },
      responses: { 200: json(z.object({}).passthrough(), "The decision and its reasons."), ...errors },
    }),
    async (c) =>
      c.json(
        await documents.explain(principalOf(c), Number(c.req.valid("param").id), c.req.valid("query").reader),
        200,
      ),
  );

  const LabelGiven = z.union([z.string().max(65536), z.record(z.string(), z.unknown())]);

  app.openapi(
    createRoute({
      method: "post",
      path: "/labels/marking",
      tags: ["Documents"],
      summary: "A label's display marking, and what its policy refuses in it (changes nothing)",
      request: { body: { content: { "application/json": { schema: z.object({ label: LabelGiven }) } } } },
      responses: {
        200: json(z.object({}).passthrough(), "The marking and any problems."),
        400: errors[400],
        401: errors[401],
      },
    }),
    async (c) => c.json(await documents.marking(principalOf(c), c.req.valid("json").label), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/labels/dominant",
      tags: ["Documents"],
      summary: "The dominant label of a compilation of labelled parts (changes nothing)",
      request: {
        body: {
          content: { "application/json": { schema: z.object({ labels: z.array(LabelGiven).min(1).max(100) }) } },
        },
      },
      responses: {
        200: json(z.object({}).passthrough(), "The dominant label, its marking and XML."),
        400: errors[400],
        401: errors[401],
      },
    }),
    async (c) => c.json(await documents.dominant(principalOf(c), c.req.valid("json").labels), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/security-policies",
      tags: ["Documents"],
      summary: "The security policies labels are read against: classifications in order, categories, groups",
      responses: {
        200: json(z.object({ policies: z.array(z.object({}).passthrough()) }), "The policies."),
        401: errors[401],
      },
    }),
    async (c) => c.json({ policies: await documents.listPolicies(principalOf(c)) }, 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/clearances",
      tags: ["Documents"],
      summary: "The personnel security clearances of the organisation's accounts (its administrators)",
      responses: {
        200: json(z.object({ clearances: z.array(z.object({}).passthrough()) }), "The clearances."),
        401: errors[401],
        403: errors[403],
      },
    }),
    async (c) => c.json({ clearances: await documents.clearances(principalOf(c)) }, 200),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/clearances",
      tags: ["Documents"],
      summary: "Grant or change an account's clearance in a policy; it holds from the account's next request",
      request: {
        body: {
          content: {
            "application/json": {
              schema: z.object({
                account: z.string().max(100),
                policy: z.string().max(200),
                classification: z.string().max(100),
                authorisations: z.array(z.string().max(100)).max(50).optional(),
                expiresOn: z.string().max(20).openapi({ description: "The last day it holds, YYYY-MM-DD." }),
              }),
            },
          },
        },
      },
      responses: {
        200: json(z.object({ clearances: z.array(z.object({}).passthrough()) }), "The account's clearances."),
        ...errors,
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const clearances = await documents.grantClearance(principalOf(c), { ...body, accountId: body.account });
      return c.json({ clearances }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/clearances",
      tags: ["Documents"],
      summary: "Withdraw an account's clearance in a policy",
      request: { query: z.object({ account: z.string().max(100), policy: z.string().max(200) }) },
      responses: { 204: { description: "Withdrawn." }, ...errors },
    }),
    async (c) => {
      const query = c.req.valid("query");
      await documents.withdrawClearance(principalOf(c), query.account, query.policy);
      return c.body(null, 204);
    },
  );

  return app;
}

async function readForm(c: Context): Promise<FormData> {
  if (!(c.req.header("content-type") ?? "").toLowerCase().startsWith("multipart/form-data"))
    throw new InvalidRequestError(msg("documents.multipart"), { field: "body" });
  try {
    return await c.req.formData();
  } catch {
    throw new InvalidRequestError(msg("documents.multipart"), { field: "body" });
  }
}

/** The multipart form of an upload, as the service takes it; each problem named by its field. */
async function readUpload(c: Context, options: { fileRequired: boolean }): Promise<NewDocument> {
  const form = await readForm(c);
  const file = form.get("file");
  if (!(file instanceof File)) {
    if (options.fileRequired) throw new InvalidRequestError(msg("documents.file_required"), { field: "file" });
  }
  const text = (name: string): string | undefined => {
    const value = form.get(name);
    if (value === null) return undefined;
    if (typeof value !== "string")
      throw new InvalidRequestError(msg("documents.field_text", { field: name }), { field: name });
    return value;
  };
  const titles: Texts = {};
  const descriptions: Texts = {};
  for (const lang of LANGUAGES) {
    const title = text(`title.${lang}`);
    if (title !== undefined) titles[lang] = title;
    const description = text(`description.${lang}`);
    if (description !== undefined) descriptions[lang] = description;
  }
  const plainTitle = text("title");
  if (plainTitle !== undefined && Object.keys(titles).length === 0) titles[readerLanguage(c)] = plainTitle;
  const label = text("label")?.trim();
  const subjectKind = text("subjectKind");
  const subjectId = text("subjectId");
  if ((subjectKind === undefined) !== (subjectId === undefined))
    throw new InvalidRequestError(msg("documents.subject"), { field: "subjectId" });
  if (subjectKind !== undefined && !["proposal", "programme", "exchange-return"].includes(subjectKind))
    throw new InvalidRequestError(msg("documents.subject"), { field: "subjectKind" });
  const upload = file as File;
  return {
    file: {
      name: upload.name,
      mediaType: upload.type || "application/octet-stream",
      bytes: new Uint8Array(await upload.arrayBuffer()),
    },
    titles,
    descriptions,
    label: label === undefined || label === "" ? undefined : label.startsWith("<") ? label : parseJsonLabel(label),
    subject:
      subjectKind && subjectId
        ? { kind: subjectKind as NonNullable<NewDocument["subject"]>["kind"], id: subjectId.slice(0, 100) }
        : undefined,
  };
}

function parseJsonLabel(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new InvalidRequestError(msg("documents.label_format"), { field: "label" });
}
