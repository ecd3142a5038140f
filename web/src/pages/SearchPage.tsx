import { Link } from "../components/Link.tsx";
import { ErrorBox, Loading } from "../components/Status.tsx";
import { useI18n } from "../i18n/index.ts";
import { useApi } from "../lib/api.ts";
import type { Location } from "../lib/router.ts";
import { groupByKind, type SearchAnswer, searchText, searchUrl } from "../lib/search.ts";

/** The most results of each kind the page shows (the API's limit). */
const PAGE_LIMIT = 50;

/** `/search?q=…`: everything the search box finds for a text, by kind, in the reader's language. */
export function SearchPage({ location }: { location: Location }) {
  const { t, lang } = useI18n();
  const q = searchText(location.query.get("q") ?? "");
  // What the reader may see depends on who is signed in: asked afresh, never kept.
  const answer = useApi<SearchAnswer>(q ? searchUrl(q, lang, PAGE_LIMIT) : null, { cache: false });
  const current = answer.data && answer.data.q === q && answer.data.lang === lang ? answer.data : undefined;
  const groups = current ? groupByKind(current.results) : [];

  return (
    <div class="page page-search">
      <h1>{q ? t.search.resultsFor(q) : t.search.pageTitle}</h1>
      <p class="lede">{t.search.pageIntro}</p>
      {!q ? null : answer.error ? (
        <ErrorBox error={answer.error} onRetry={answer.retry} />
      ) : !current ? (
        <Loading label={t.search.searching} />
      ) : (
        <>
          <p role="status">{groups.length === 0 ? t.search.nothingFor(q) : t.search.count(current.results.length)}</p>
          {groups.map((group) => (
            <section class="search-results" key={group.kind} aria-labelledby={`search-results-${group.kind}`}>
              <h2 id={`search-results-${group.kind}`}>{t.search.kinds[group.kind]}</h2>
              <ul class="search-results-list">
                {group.results.map((result) => (
                  <li key={`${result.kind}:${result.id}`}>
                    <Link href={result.url}>{result.name}</Link>
                    <span class="search-option-detail">{result.detail}</span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </div>
  );
}

export default SearchPage;
