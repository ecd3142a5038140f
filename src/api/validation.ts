import type { Hook } from "@hono/zod-openapi";
import type { AuthVariables } from "./auth.ts";
import { describeZodError, errorBody } from "./errors.ts";
import { readerLanguage } from "./language.ts";

/**
 * Every route file's validation hook (`new OpenAPIHono({ defaultHook: validationHook })`): a
 * failure becomes a 400 whose message names each parameter as the request carried it
 * (`query.at: …`, `json.title: …`, `path.id: …`), in the reader's language where the catalogue
 * has the words (src/api/errors.ts, `issueMessage`).
 */
export const validationHook: Hook<unknown, { Variables: AuthVariables }, string, unknown> = (result, c) => {
  if (!result.success) {
    const target = result.target === "param" ? "path" : result.target;
    const input = (result as { data?: unknown }).data;
    return c.json(errorBody("invalid_request", describeZodError(result.error, target, input, readerLanguage(c))), 400);
  }
};
