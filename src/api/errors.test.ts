import { describe, expect, it } from "vitest";
import { unexpectedErrorLine } from "./errors.ts";

describe("the log line of an unexpected error", () => {
  it("quotes what a client can shape, so a path or message cannot forge a line of its own", () => {
    const error = new Error('bad value "x"\n2026-12-05 [info] Concord: all good');
    const line = unexpectedErrorLine("POST", "/api/v1/x%0Afake\nline", error);
    const lines = line.split("\n");
    expect(lines[0]).toBe('Unexpected error on "POST" "/api/v1/x%0Afake\\nline": "bad value \\"x\\"\\n2026-12-05 [info] Concord: all good"');
    // Every other line is a frame of the stack, nothing a client wrote.
    expect(lines.slice(1).every((frame) => /^\s+at /.test(frame))).toBe(true);
    expect(lines.length).toBeGreaterThan(1);
  });
});
