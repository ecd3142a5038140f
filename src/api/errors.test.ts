import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeZodError, unexpectedErrorLine } from "./errors.ts";
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
