import { useEffect, useRef, useState } from "preact/hooks";
import { Link } from "../../components/Link.tsx";
import { AccessErrorBox, Loading } from "../../components/Status.tsx";
import { DOCUMENT_NAV } from "../../i18n/documents/nav.ts";
import { useDocumentText } from "../../i18n/documents/index.ts";
import { ApiError, apiUrl, getJson } from "../../lib/api.ts";
import { intlLocale } from "../../lib/dates.ts";
import { type Location, navigate } from "../../lib/router.ts";
import { useSession } from "../../lib/session.tsx";
import {
  documentHref,
  filtersFrom,
  formatSize,
  hasFilters,
  type LibraryFilters,
  libraryHref,
  libraryParams,
  NO_FILTERS,
  policyOf,
  textIn,
} from "./logic.ts";
import { dayIn, Localized, Marking, usePolicies } from "./shared.tsx";
import type { DocumentSummary, LibraryResponse, SecurityPolicy } from "./types.ts";

const PAGE = 25;

type Pages = {
  key: string;
  documents: DocumentSummary[];
  next: string | null;
  count: number | undefined;
  error: ApiError | undefined;
  loading: boolean;
};

/**
 * `/documents`: the reader's library, the documents their clearance, authorisations and nation
 * allow today (the server decides; lists never show more), newest change first, each with its
 * marking as a chip, its title in the reader's language (or another, said so), its version, size
 * and date. Words and filters (policy, classification at most, a value in the label) are in the
 * address; "more" fetches the next page. An empty library says why a reader may see nothing.
 */
export default function LibraryPage({ location }: { location: Location }) {
  const { t, lang } = useDocumentText();
  const { session } = useSession();
  const abilities = session?.abilities.documents;
  const filters = filtersFrom(location.query);
  const key = libraryHref(filters);
  const policies = usePolicies();
  const [typed, setTyped] = useState<LibraryFilters>(filters);
  const [pages, setPages] = useState<Pages>({
    key: "",
    documents: [],
    next: null,
    count: undefined,
    error: undefined,
    loading: true,
  });
  const [attempt, setAttempt] = useState(0);
  const firstNew = useRef<number | null>(null);

  // The address changed (a search, the back button): the form says what is shown.
  useEffect(() => setTyped(filters), [key]);

  useEffect(() => {
    const controller = new AbortController();
    setPages((previous) => ({ ...previous, key, loading: true, error: undefined }));
    getJson<LibraryResponse>(
      apiUrl("/documents", { ...libraryParams(filters, null, PAGE), count: "true" }),
      controller.signal,
      { cache: false },
    ).then(
      (answer) =>
        setPages({
          key,
          documents: answer.documents,
          next: answer.next,
          count: answer.count,
          error: undefined,
          loading: false,
        }),
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        const error = failure instanceof ApiError ? failure : new ApiError(String(failure), 0, "unknown");
        setPages({ key, documents: [], next: null, count: undefined, error, loading: false });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const more = async () => {
    if (!pages.next) return;
    setPages((previous) => ({ ...previous, loading: true, error: undefined }));
    try {
      const answer = await getJson<LibraryResponse>(
        apiUrl("/documents", libraryParams(filters, pages.next, PAGE)),
        undefined,
        {
          cache: false,
        },
      );
      firstNew.current = answer.documents[0]?.id ?? null;
      setPages((previous) =>
        previous.key !== key
          ? previous
          : { ...previous, documents: [...previous.documents, ...answer.documents], next: answer.next, loading: false },
      );
    } catch (failure) {
      const error = failure instanceof ApiError ? failure : new ApiError(String(failure), 0, "unknown");
      setPages((previous) => ({ ...previous, error, loading: false }));
    }
  };

  // After "more", focus moves to the first document it brought.
  useEffect(() => {
    if (firstNew.current === null) return;
    const link = document.querySelector<HTMLElement>(`[data-document="${firstNew.current}"] h3 a`);
    firstNew.current = null;
    link?.focus();
  }, [pages.documents.length]);

  const policyList = policies.data?.policies ?? [];
  const chosenPolicy = typed.policy ? policyOf(policyList, typed.policy) : undefined;
  const current = pages.key === key;
  const filtered = hasFilters(filters);

  return (
    <div class="page page-documents">
      <div class="page-heading">
        <h1>{DOCUMENT_NAV[lang].libraryTitle}</h1>
        <p class="lede">{t.libraryIntro}</p>
        {(abilities?.upload || abilities?.manageClearances) && (
          <p class="dc-page-actions">
            {abilities?.upload && (
              <Link href="/documents/new" class="button button-primary">
                {t.uploadLink}
              </Link>
            )}
            {abilities?.manageClearances && (
              <Link href="/documents/clearances" class="button">
                {t.clearancesLink}
              </Link>
            )}
          </p>
        )}
      </div>

      <search>
        <form
          class="card dc-filters"
          aria-label={t.filtersLabel}
          onSubmit={(event) => {
            event.preventDefault();
            navigate(libraryHref(typed));
          }}
        >
          <div class="field dc-filter-q">
            <label for="library-q">{t.searchLabel}</label>
            <input
              id="library-q"
              type="search"
              class="input"
              value={typed.q}
              maxLength={200}
              onInput={(event) => setTyped({ ...typed, q: event.currentTarget.value })}
            />
          </div>
          <details class="dc-label-filters" open={Boolean(filters.policy || filters.maxRank || filters.value)}>
            <summary>{t.filterByLabel}</summary>
            <div class="dc-label-filter-grid">
              <div class="field">
                <label for="library-policy">{t.policyFilter}</label>
                <select
                  id="library-policy"
                  value={typed.policy}
                  onChange={(event) => setTyped({ ...typed, policy: event.currentTarget.value, maxRank: "" })}
                >
                  <option value="">{t.anyPolicy}</option>
                  {policyList.map((policy) => (
                    <option key={policy.id} value={policy.id}>
                      {policy.name}
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for="library-rank">{t.maxRankFilter}</label>
                <select
                  id="library-rank"
                  value={typed.maxRank}
                  disabled={!chosenPolicy}
                  aria-describedby={chosenPolicy ? undefined : "library-rank-hint"}
                  onChange={(event) => setTyped({ ...typed, maxRank: event.currentTarget.value })}
                >
                  <option value="">{t.anyClassification}</option>
                  {chosenPolicy?.classifications.map((classification) => (
                    <option key={classification.name} value={String(classification.rank)}>
                      {classification.name}
                    </option>
                  ))}
                </select>
                {!chosenPolicy && (
                  <p id="library-rank-hint" class="hint field-hint">
                    {t.maxRankHint}
                  </p>
                )}
              </div>
              <div class="field">
                <label for="library-value">{t.valueFilter}</label>
                <input
                  id="library-value"
                  class="input dc-codes"
                  value={typed.value}
                  maxLength={100}
                  autoCapitalize="characters"
                  spellcheck={false}
                  aria-describedby="library-value-hint"
                  onInput={(event) => setTyped({ ...typed, value: event.currentTarget.value })}
                />
                <p id="library-value-hint" class="hint field-hint">
                  {t.valueHint}
                </p>
              </div>
            </div>
          </details>
          <div class="form-actions dc-filter-actions">
            <button type="submit" class="button button-primary">
              {t.applyFilters}
            </button>
            {filtered && (
              <Link href={libraryHref(NO_FILTERS)} class="button button-quiet">
                {t.clearFilters}
              </Link>
            )}
          </div>
        </form>
      </search>

      <section class="dc-section" aria-labelledby="library-results" aria-busy={pages.loading}>
        <h2 id="library-results">{t.resultsHeading}</h2>
        {current && pages.count !== undefined && (
          <p class="dc-count" data-testid="library-count" role="status">
            {t.countAll(pages.count)}
          </p>
        )}
        {current && pages.error && pages.documents.length === 0 ? (
          <AccessErrorBox error={pages.error} onRetry={() => setAttempt((n) => n + 1)} />
        ) : !current ? (
          <Loading />
        ) : pages.documents.length === 0 && !pages.loading ? (
          <Empty filtered={filtered} />
        ) : (
          <>
            <ul class="plain-list dc-list" data-testid="library">
              {pages.documents.map((entry) => (
                <LibraryItem key={entry.id} entry={entry} policies={policyList} />
              ))}
            </ul>
            {pages.error && <AccessErrorBox error={pages.error} onRetry={more} />}
            {pages.next && (
              <p class="dc-more">
                <button type="button" class="button" onClick={more} disabled={pages.loading} data-testid="more">
                  {pages.loading ? t.loadingMore : t.more}
                </button>
              </p>
            )}
          </>
        )}
      </section>
      <p class="visually-hidden" role="status">
        {current && !pages.loading ? t.resultsShown(pages.documents.length) : ""}
      </p>
    </div>
  );
}

function LibraryItem({ entry, policies }: { entry: DocumentSummary; policies: readonly SecurityPolicy[] }) {
  const { t, lang } = useDocumentText();
  const description = textIn(entry.descriptions, lang);
  return (
    <li class="card dc-item" data-document={entry.id}>
      <Marking marking={entry.marking} label={entry.labelInForce} policies={policies} position="chip" testId="chip" />
      <h3 class="dc-item-title">
        <Link href={documentHref(entry.id)}>
          <Localized texts={entry.titles} fallback={entry.fileName} />
        </Link>
      </h3>
      {description && (
        <p class="dc-item-description" lang={description.lang === lang ? undefined : description.lang}>
          {description.text}
        </p>
      )}
      <dl class="dc-item-meta">
        <div>
          <dt>{t.factVersion}</dt>
          <dd>{entry.version}</dd>
        </div>
        <div>
          <dt>{t.sizeLabel}</dt>
          <dd>{formatSize(entry.size, intlLocale(lang))}</dd>
        </div>
        <div>
          <dt>{t.updatedLabel}</dt>
          <dd>
            <time dateTime={entry.updatedAt}>{dayIn(entry.updatedAt, lang)}</time>
          </dd>
        </div>
        {entry.subject && (
          <div>
            <dt>{t.factSubject}</dt>
            <dd>
              {t.subjectKinds[entry.subject.kind]} <code>{entry.subject.id}</code>
            </dd>
          </div>
        )}
      </dl>
    </li>
  );
}

/** Nothing to show: why a reader may see nothing at all, said plainly. */
function Empty({ filtered }: { filtered: boolean }) {
  const { t } = useDocumentText();
  return (
    <div class="card dc-empty" data-testid="library-empty">
      <h3>{t.emptyHeading}</h3>
      <p>{filtered ? t.emptyFiltered : t.emptyLibrary}</p>
      <p>{t.emptyWhy}</p>
      <ul>
        <li>{t.whyClearance}</li>
        <li>{t.whySensitivity}</li>
        <li>{t.whyNation}</li>
      </ul>
      <p>{t.whyAsk}</p>
    </div>
  );
}
