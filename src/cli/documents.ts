/**
 * `concord documents`, `concord documents verify <file> <binding>` and `concord label show
 * <label.xml>`: labelled documents from a terminal, through DocumentsService. The CLI acts as
 * the system principal (Concord's operator on its own server), so `documents` lists a whole
 * library, without the label rule; a reader's view is the API's and the web app's.
 */
import fs from "node:fs/promises";
import { render, t } from "../domain/messages/index.ts";
import type { Runtime } from "../runtime.ts";
import { CLI } from "../services/policies.ts";
import { CliUsageError } from "./admin.ts";
import { printJson, readLang } from "./language.ts";
import { formatTable } from "./table.ts";

export type DocumentValues = { lang?: string; json?: boolean; organization?: string };
type Work = (runtime: Runtime) => Promise<number>;

/** `concord documents [verify <FILE> <BINDING>]`. */
export function documentsCommand(rest: string[], values: DocumentValues): Work {
  const lang = readLang(values);
  if (rest[0] === "verify") {
    const [file, binding] = [rest[1], rest[2]];
    if (file === undefined || binding === undefined)
      throw new CliUsageError(t(lang, "cli.usage.missing_argument", { what: "<FILE> <BINDING>" }));
    return async (runtime) => {
      const [content, bindingXml] = await Promise.all([fs.readFile(file), fs.readFile(binding, "utf8")]);
      const result = await runtime.services.documents.verify(CLI, new Uint8Array(content), bindingXml);
      if (values.json) {
        printJson(result);
        return result.valid ? 0 : 1;
      }
      if (result.valid) {
        console.log(t(lang, "documents.cli.verified", { marking: result.marking, fingerprint: result.fingerprint }));
        return 0;
      }
      console.error(t(lang, `documents.cli.problem.${result.problem}`, { detail: result.detail }));
      return 1;
    };
  }
  if (rest.length > 0)
    throw new CliUsageError(t(lang, "cli.usage.unknown_command", { command: `documents ${rest.join(" ")}` }));
  return async (runtime) => {
    const principal = values.organization ? { ...CLI, organization: values.organization } : CLI;
    const documents = [];
    let after: string | undefined;
    do {
      const page = await runtime.services.documents.list(principal, { after, limit: 200 });
      documents.push(...page.documents);
      after = page.next ?? undefined;
    } while (after !== undefined);
    if (values.json) return printJson({ documents });
    console.log(
      formatTable(
        [
          t(lang, "cli.column.id"),
          t(lang, "cli.column.title"),
          t(lang, "documents.cli.column.marking"),
          t(lang, "documents.cli.column.version"),
        ],
        documents.map((document) => [
          String(document.id),
          document.titles[lang] ?? document.titles.en ?? Object.values(document.titles)[0] ?? "",
          document.marking,
          String(document.version),
        ]),
      ),
    );
    return 0;
  };
}

/** `concord label show <LABEL.XML>`: the display marking, or what the label's policy refuses. */
export function labelCommand(rest: string[], values: DocumentValues): Work {
  const lang = readLang(values);
  if (rest[0] !== "show")
    throw new CliUsageError(t(lang, "cli.usage.unknown_command", { command: `label ${rest.join(" ")}` }));
  const file = rest[1];
  if (file === undefined) throw new CliUsageError(t(lang, "cli.usage.missing_argument", { what: "<LABEL.XML>" }));
  return async (runtime) => {
    const answer = await runtime.services.documents.marking(CLI, await fs.readFile(file, "utf8"));
    if (values.json) {
      printJson(answer);
      return answer.problems.length === 0 ? 0 : 1;
    }
    console.log(answer.marking);
    for (const problem of answer.problems) console.error(`${problem.path}: ${render(lang, problem)}`);
    return answer.problems.length === 0 ? 0 : 1;
  };
}
