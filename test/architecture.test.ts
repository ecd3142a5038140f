/**
 * Where things live, checked: every SQL statement in src/db/repositories; routes, the command
 * line and the web app never reach the database; the web app takes the domain's vocabulary from
 * src/domain and nothing else of the server's. (Type imports are allowed: they vanish at runtime.)
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

function sourceFiles(folder: string): string[] {
  return fs
    .readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => path.join(folder, file));
}

/** The modules a file imports at runtime (not `import type …`), resolved to paths from the root. */
function valueImports(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  const found: string[] = [];
  for (const match of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gms)) {
    const specifier = match[1] ?? "";
    if (specifier.startsWith(".")) found.push(path.relative(root, path.resolve(root, path.dirname(file), specifier)));
  }
  return found;
}

describe("where things live", () => {
  it("keeps SQL in the repositories: no service, route or command builds a statement", () => {
    const offenders = [...sourceFiles("src/services"), ...sourceFiles("src/api"), ...sourceFiles("src/cli")].filter(
      (file) =>
        /\bsql`|\b(?:db|tx|executor|client|pool)\.(?:execute|query)\(/.test(
          fs.readFileSync(path.join(root, file), "utf8"),
        ),
    );
    expect(offenders).toEqual([]);
  });

  it("keeps routes and the command line away from the database: they call services", () => {
    const offenders = [...sourceFiles("src/api"), ...sourceFiles("src/cli")].flatMap((file) =>
      valueImports(file)
        .filter((target) => target.startsWith("src/db/"))
        .map((target) => `${file} → ${target}`),
    );
    expect(offenders).toEqual([]);
  });

  it("gives the web app the server's domain and nothing else of it", () => {
    const offenders = sourceFiles("web/src").flatMap((file) =>
      valueImports(file)
        .filter((target) => target.startsWith("src/") && !target.startsWith("src/domain/"))
        .map((target) => `${file} → ${target}`),
    );
    expect(offenders).toEqual([]);
  });

  it("keeps the domain pure: no database, services or HTTP", () => {
    const offenders = sourceFiles("src/domain").flatMap((file) =>
      valueImports(file)
        .filter((target) => !target.startsWith("src/domain/"))
        .map((target) => `${file} → ${target}`),
    );
    expect(offenders).toEqual([]);
  });
});
