/**
 * `CONCORD_DATA_DIR` naming a folder without a database (a typo, an empty folder): the commands
 * that only use a database say so plainly and leave the folder as they found it, instead of
 * creating a second database beside the real one. `concord start` (and `concord admin create`,
 * the first administrator) create it: see src/db/lifecycle.test.ts.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDataDir, runConcord } from "../../test/support/process.ts";

let parent: string;
beforeAll(async () => {
  parent = await makeDataDir();
});
afterAll(async () => {
  await fs.rm(parent, { recursive: true, force: true });
});

const refusal = (folder: string) => `There is no Concord database in ${folder} yet.`;

describe("a data folder without a database", { timeout: 120_000 }, () => {
  it("is refused by reading commands when the folder does not exist, and is not created", async () => {
    const folder = path.join(parent, "no-such-folder");
    for (const args of [
      ["members", "NATO"],
      ["relations", "COL", "--at", "2019-01-01"],
      ["proposals"],
      ["audit", "verify"],
    ]) {
      const { code, stdout, stderr } = await runConcord(args, { CONCORD_DATA_DIR: folder });
      expect(code, stderr).toBe(1);
      expect(stderr).toContain(refusal(folder));
      expect(stderr).toContain(`CONCORD_DATA_DIR=${folder} concord start`);
      expect(stderr).not.toMatch(/^\s+at /m);
      expect(stdout).toBe("");
    }
    await expect(fs.access(folder)).rejects.toThrow();
  });

  it("is refused when the folder is empty, and the folder stays empty", async () => {
    const folder = path.join(parent, "empty");
    await fs.mkdir(folder);
    const { code, stderr } = await runConcord(["members", "NATO", "--at", "2004-03-29"], { CONCORD_DATA_DIR: folder });
    expect(code, stderr).toBe(1);
    expect(stderr).toContain(refusal(folder));
    expect(await fs.readdir(folder)).toEqual([]);
  });

  it("is refused by a change too (an import names no folder to create)", async () => {
    const folder = path.join(parent, "import-target");
    const csv = path.resolve(import.meta.dirname, "../../data/cow/cow-states-2016.csv");
    const { code, stderr } = await runConcord(["import", "cow-states", csv], { CONCORD_DATA_DIR: folder });
    expect(code, stderr).toBe(1);
    expect(stderr).toContain(refusal(folder));
  });
});
