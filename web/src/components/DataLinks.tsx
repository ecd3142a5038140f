import { useI18n } from "../i18n/index.ts";
import { apiUrl } from "../lib/api.ts";
import "./DataLinks.css";

type Params = Record<string, string | null | undefined>;

/** The same API address asking for another format. */
function withFormat(url: string, format: "csv"): string {
  const [path, query = ""] = url.split("?", 2);
  const search = new URLSearchParams(query);
  search.set("format", format);
  return `${path}?${search.toString()}`;
}

/**
 * "Download CSV" and "Data as JSON" for what a page shows: the API's own answer, asked with the
 * page's filters and date, so the file holds the rows on screen. Either `path` and `params` (the
 * reader's language is added), or the `url` the page itself asks the API. The server names the
 * file after the organisation or state and the date.
 */
export function DataLinks(props: { what: string } & ({ path: string; params: Params } | { url: string })) {
  const { t, lang } = useI18n();
  const json = "url" in props ? props.url : apiUrl(props.path, { ...props.params, lang });
  const csv = withFormat(json, "csv");
  const { what } = props;
  return (
    <ul class="data-links" aria-label={t.dataLinksLabel(what)}>
      <li>
        <a href={csv} download type="text/csv" aria-label={t.downloadCsvOf(what)} data-testid="csv-link">
          <span aria-hidden="true">⤓ </span>
          {t.downloadCsv}
        </a>
      </li>
      <li>
        <a href={json} type="application/json" aria-label={t.dataAsJsonOf(what)} data-testid="json-link">
          <span aria-hidden="true">{"{ } "}</span>
          {t.dataAsJson}
        </a>
      </li>
    </ul>
  );
}
