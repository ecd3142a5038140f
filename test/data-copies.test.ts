/**
 * The public data and source documents in `data/` are copies kept byte for byte: each matches the
 * checksum data/README.md gives it, and every copy there is listed.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dataDir } from "./support/data-files.ts";

const listed = new Map(
  [...fs.readFileSync(path.join(dataDir, "README.md"), "utf8").matchAll(/^([0-9a-f]{64}) {2}(\S+)$/gm)].map(
    ([, sha256, file]) => [file as string, sha256 as string],
  ),
);

describe("the copies in data/", () => {
  it("are all listed in data/README.md, and nothing listed is missing", () => {
    const copies = ["cow", "gml-mid", "sources", "iati"].flatMap((folder) =>
      fs
        .readdirSync(path.join(dataDir, folder))
        .filter((file) => file !== "README.md")
        .map((file) => `${folder}/${file}`),
    );
    expect(copies.sort()).toEqual([...listed.keys()].sort());
    expect(copies).toHaveLength(10);
  });

  it("match their checksums", () => {
    for (const [file, sha256] of listed) {
      const actual = createHash("sha256")
        .update(fs.readFileSync(path.join(dataDir, file)))
        .digest("hex");
      expect(actual, file).toBe(sha256);
    }
  });
});
