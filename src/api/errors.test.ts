import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { InvalidRequestError } from "../services/errors.ts";
import { describeZodError, handleError, renamingFields, unexpectedErrorLine } from "./errors.ts";
import { partialDate } from "../services/starter/format.ts";

describe("the log line of an unexpected error", () => {
  it("quotes what a client can shape, so a path or message cannot forge a line of its own", () => {
    const error = new Error('bad value "x"\n2026-12-05 [info] Concord: all good');
    const line = unexpectedErrorLine("POST", "/api/v1/x%0Afake\nline", error);
    const lines = line.split("\n");
    expect(lines[0]).toBe(
      'Unexpected error on "POST" "/api/v1/x%0Afake\\nline": "bad value \\"x\\"\\n2026-12-05 [info] Concord: all good"',
    );
    // Every other line is a frame of the stack, nothing a client wrote.
    expect(lines.slice(1).every((frame) => /^\s+at /.test(frame))).toBe(true);
    expect(lines.length).toBeGreaterThan(1);
  });
});

describe("a validation failure in words", () => {
  it("says each thing wrong once, even when a pattern and a calendar check both refuse it", () => {
    const schema = z.object({ since: partialDate, until: partialDate });
    const input = { since: "29 March 2004", until: "2023-02-30" };
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    expect(describeZodError(result.error!, "body", input)).toBe(
      'body.since: must be a real date written YYYY-MM-DD, YYYY-MM or YYYY (got "29 March 2004"); body.until: must be a real date written YYYY-MM-DD, YYYY-MM or YYYY (got "2023-02-30")',
    );
  });
});

describe("a service's field, in the API's words", () => {
  const app = new Hono();
  app.onError((error, c) => handleError(error, c, () => {}));
  const refuse = (field?: string) => {
    throw new InvalidRequestError("must come after since (2004), got 2003", { field });
  };
  app.get("/read", () => refuse("since"));
  app.post("/change", () => refuse("since"));
  app.post("/whole", () => refuse(""));
  app.post("/none", () => refuse());
  app.get("/renamed", async () => renamingFields({ needsPosition: "needs" }, async () => refuse("needsPosition")));
  const message = async (method: string, path: string) =>
    ((await (await app.request(path, { method })).json()) as { error: { message: string } }).error.message;

  it("is a read's query parameter, a change's body field, the body as a whole, or no field at all", async () => {
    expect(await message("GET", "/read")).toBe("query.since: must come after since (2004), got 2003");
    expect(await message("POST", "/change")).toBe("body.since: must come after since (2004), got 2003");
    expect(await message("POST", "/whole")).toBe("body: must come after since (2004), got 2003");
    expect(await message("POST", "/none")).toBe("must come after since (2004), got 2003");
    expect(await message("GET", "/renamed")).toBe("query.needs: must come after since (2004), got 2003");
  });

  it("is the domain's own in the message a service throws", () => {
    const error = new InvalidRequestError("must come after since (2004), got 2003", { field: "until" });
    expect(error.message).toBe("until: must come after since (2004), got 2003");
    expect(error.renamed("end").message).toBe("end: must come after since (2004), got 2003");
  });
});
