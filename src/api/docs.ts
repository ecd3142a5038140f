/**
 * A readable API reference rendered from the OpenAPI document itself, so it cannot drift from
 * the routes and needs no script or stylesheet from anywhere else.
 */
type Parameter = {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: { type?: string; enum?: string[]; example?: unknown };
};
type Operation = {
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  responses?: Record<string, { description?: string }>;
};
export type ApiDocument = {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);

/** The docs page's styles, served at /api/docs.css. */
export const DOCS_STYLESHEET = `  body { font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
  h1 { margin-bottom: 0.25rem; } h2 { font-size: 1.15rem; border-top: 1px solid #ccc; padding-top: 1.25rem; }
  .method { background: #0b5394; color: #fff; padding: 0.1rem 0.45rem; border-radius: 4px; font-size: 0.85rem; }
  table { border-collapse: collapse; width: 100%; font-size: 0.92rem; } th, td { border: 1px solid #ccc; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
  code { font-family: ui-monospace, monospace; } a { color: #0b5394; }
`;

export function renderDocs(document: ApiDocument): string {
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
  );
  const sections = operations
    .map(({ path, method, operation }) => {
      const parameters = (operation.parameters ?? [])
        .map((parameter) => {
          const type = parameter.schema?.enum
            ? parameter.schema.enum.join(" | ")
            : (parameter.schema?.type ?? "string");
          return `<tr><td><code>${escapeHtml(parameter.name)}</code></td><td>${escapeHtml(parameter.in)}</td><td><code>${escapeHtml(type)}</code></td>
            <td>${parameter.required ? "yes" : "no"}</td><td>${escapeHtml(parameter.description ?? "")}</td></tr>`;
        })
        .join("");
      const responses = Object.entries(operation.responses ?? {})
        .map(
          ([status, response]) =>
            `<li><strong>${escapeHtml(status)}</strong> ${escapeHtml(response.description ?? "")}</li>`,
        )
        .join("");
      const example = path.replace("{code}", "NATO").replace("{id}", "1");
      return `<section id="${escapeHtml(method + path)}">
        <h2><span class="method">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code></h2>
        <p>${escapeHtml(operation.summary ?? "")}</p>
        ${operation.description ? `<p>${escapeHtml(operation.description)}</p>` : ""}
        ${parameters ? `<table><thead><tr><th scope="col">Parameter</th><th scope="col">In</th><th scope="col">Type</th><th scope="col">Required</th><th scope="col">Meaning</th></tr></thead><tbody>${parameters}</tbody></table>` : ""}
        <h3>Responses</h3><ul>${responses}</ul>
        ${method === "get" ? `<p>Try: <a href="${escapeHtml(example)}">${escapeHtml(example)}</a></p>` : ""}
      </section>`;
    })
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.info.title)} — API</title>
<link rel="stylesheet" href="/api/docs.css"></head><body>
<h1>${escapeHtml(document.info.title)}</h1>
<p>Version ${escapeHtml(document.info.version)}. ${escapeHtml(document.info.description ?? "")}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Errors always have the shape
<code>{"error":{"id":"…","message":"…"}}</code>: match on <code>id</code>, show <code>message</code>.</p>
${sections}
</body></html>`;
}
