/**
 * What the decisions API accepts: its path parameters, queries and request bodies, validated at
 * the boundary (a failure names the field, through src/api/validation.ts). What it returns is
 * in src/api/schemas.ts.
 */
import { z } from "@hono/zod-openapi";
import { CLOSE_STATUSES, NOTICE_KINDS, NOTICE_STATEMENT_MAX, REQUESTABLE_KINDS } from "../domain/decisions.ts";
import { LANGUAGES } from "../domain/languages.ts";
import { POSITION_KINDS } from "../domain/procedures.ts";
import { procedureSchema } from "../services/starter/format.ts";
import { WEBHOOK_EVENTS } from "../services/webhooks.ts";
import { CodeParam } from "./schemas.ts";

/** Whether a text has no control characters but tabs and line breaks: what a request's free text may hold (the CLI's too). */
export function isPlainText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if ((unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) || unit === 0x7f) return false;
  }
  return true;
}

const plain = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`)
    .refine(isPlainText, "must not contain control characters");
const instant = z.iso.datetime({
  offset: true,
  error: "must be an ISO 8601 date-time with a time zone, e.g. 2026-12-01T12:00:00Z",
});
const code = z.string().regex(/^[A-Z][A-Z0-9]{1,15}$/, "must be an upper-case code such as COL or NATO");
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and hyphens");

export const IdParam = z.object({
  id: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, "must be a positive whole number")
    .openapi({ param: { name: "id", in: "path" }, example: "1" }),
});

export const ListQuery = z.object({
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
export const LangOnly = z.object({ lang: z.enum(LANGUAGES).optional() });

export const OpenProposal = z.strictObject({
  body: slug,
  title: plain(300),
  text: plain(100_000).openapi({ description: "Markdown." }),
  procedure: procedureSchema.optional().openapi({ description: "Defaults to the body's procedure." }),
  deadline: instant.optional().openapi({ description: "Required for silence and majority." }),
  chair: plain(200).optional(),
});
export const TakePosition = z.strictObject({
  state: code.optional().openapi({ description: "Defaults to the reader's delegation." }),
  position: z.enum(POSITION_KINDS),
  statement: plain(20_000)
    .optional()
    .openapi({ description: "Required to object, to propose an amendment and to record a reservation." }),
});
export const Extend = z.strictObject({ deadline: instant });
export const Recirculate = z.strictObject({ text: plain(100_000), deadline: instant.nullable() });
export const Close = z.strictObject({ as: z.enum(CLOSE_STATUSES), reason: plain(5_000) });
export const FileRequest = z.strictObject({
  organization: code,
  status: z.enum(REQUESTABLE_KINDS),
  framework: slug.optional(),
  text: plain(100_000),
  deadline: instant.optional().openapi({
    description: "Required where the deciding body votes by majority or silence (e.g. the OAS General Assembly).",
  }),
});
export const Designate = z.strictObject({
  body: slug,
  designee: code,
  designation: slug,
  revoke: z.boolean().default(false),
  text: plain(100_000),
});
export const FileNotice = z.strictObject({
  kind: z.enum(NOTICE_KINDS),
  organization: code,
  statement: plain(NOTICE_STATEMENT_MAX).openapi({
    description: "What the state gives notice of, and why: a notice is given in writing (required).",
  }),
});
export const WithdrawNotice = z.strictObject({
  statement: plain(20_000)
    .optional()
    .openapi({ description: "Why the state takes its notice back; kept with the notice." }),
});
export const NewWebhook = z.strictObject({
  url: z
    .url({ protocol: /^https?$/i, error: "must be an http:// or https:// URL" })
    .max(2000, "must be at most 2000 characters")
    .openapi({
      description:
        "Where to POST each event: a public address (loopback, private and link-local ones are refused unless the operator allows them).",
    }),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).default(["*"]),
});
export const NewAttachment = z.strictObject({
  name: plain(200),
  mediaType: z
    .string()
    .max(100, "must be at most 100 characters")
    .regex(/^[a-z]+\/[a-z0-9.+-]+$/i, "must be a media type such as application/pdf"),
  content: z.base64("must be base64").max(7_000_000, "must be at most 5 MiB (about 7 million base64 characters)"),
});
export const AttachmentParams = IdParam.extend({
  attachment: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, "must be a positive whole number")
    .openapi({ param: { name: "attachment", in: "path" } }),
});
export const WebhookParams = CodeParam.extend({
  id: z
    .string()
    .uuid("must be a webhook id")
    .openapi({ param: { name: "id", in: "path" } }),
});
