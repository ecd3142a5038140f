import { describe, expect, it } from "vitest";
import { progressBar } from "./progress.ts";
import { formatTable } from "./table.ts";

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream, written };
}

describe("progressBar", () => {
  it("draws on a terminal, redrawing only when the percentage moves", () => {
    const { stream, written } = fakeStream(true);
    const bar = progressBar(stream, "Importing");
    for (let done = 1; done <= 200; done++) bar.update(done, 200);
    bar.finish();
    expect(written).toHaveLength(102); // 0% to 100%, then the line end
    expect(written[100]).toBe(`\rImporting [${"#".repeat(25)}] 200/200`);
    expect(written.at(-1)).toBe("\n");
  });

  it("stays silent when output is not a terminal", () => {
    const { stream, written } = fakeStream(false);
    const bar = progressBar(stream, "Importing");
    bar.update(1, 2);
    bar.finish();
    expect(written).toEqual([]);
  });
});

describe("formatTable", () => {
  it("lines columns up, counting accented letters as one character", () => {
    const table = formatTable(
      ["Code", "Name"],
      [
        ["STP", "São Tomé and Príncipe"],
        ["TUR", "Türkiye"],
      ],
    );
    const lines = table.split("\n");
    expect(lines[0]).toBe("Code  Name");
    expect(lines[2]).toBe("STP   São Tomé and Príncipe");
    expect(lines[3]).toBe("TUR   Türkiye");
  });
});
