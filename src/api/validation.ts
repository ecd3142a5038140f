import type { Hook } from "@hono/zod-openapi";
import { describeZodError, errorBody } from "./errors.ts";

/** Every route's validation failure becomes a 400 whose message names the parameter. */
export const validationHook: Hook<unknown, any, any, unknown> = (result, c) => {
  if (!result.success) {
    const target = result.target === "param" ? "path" : result.target;
    const input = (result as { data?: unknown }).data;
    return c.json(errorBody("invalid_request", describeZodError(result.error, target, input)), 400);
  }
};
