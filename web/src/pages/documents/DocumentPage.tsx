import { useState } from "preact/hooks";
import { CATEGORY_TYPES } from "../../../../src/domain/labels/model.ts";
import type { Language } from "../../../../src/domain/languages.ts";
import { errorText, FormError, FormStatus, fieldError } from "../../components/Form.tsx";
import { Link } from "../../components/Link.tsx";
import { AccessErrorBox, Loading } from "../../components/Status.tsx";
import { DOCUMENT_NAV } from "../../i18n/documents/nav.ts";
import { useDocumentText } from "../../i18n/documents/index.ts";
import { ApiError, apiUrl, getJson, useApi } from "../../lib/api.ts";
import { formatInstant, intlLocale } from "../../lib/dates.ts";
import { type Location, navigate } from "../../lib/router.ts";
import { useSession } from "../../lib/session.tsx";
import type { AdminAccountsResponse } from "../../lib/types.ts";
import { DocumentForm } from "./DocumentForm.tsx";
import {
  chosenVersion,
  documentHref,
  downloadHrefs,
  formatSize,
  otherLanguages,
  policyOf,
  reasonMessage,
  subjectHref,
  textIn,
} from "./logic.ts";
import {
  Breadcrumbs,
  CodeName,
  dayIn,
  Fact,
  languageName,
  Localized,
  Marking,
  tagNameIn,
  useCodeNames,
  usePolicies,
} from "./shared.tsx";
import type {
  ConfidentialityLabel,
  DocumentResponse,
  DocumentVersion,
  ExplainedReason,
  ExplainResponse,
  SecurityPolicy,
} from "./types.ts";

/**
 * `/documents/:id`: one document as the reader may see it. The version shown (the current one,
 * or `?version=N`) carries its display marking as a banner at the top and at the bottom of the
 * page; its facts and metadata in the reader's language (the others a click away), its downloads
 * (the content and its detached STANAG 4778 binding), its label in detail and in XML, and the
 * versions the reader may see, each with its own marking. Whoever speaks for the originator may
 * ask why a reader cannot see it, and add a version.
 */
export default function DocumentPage({ id, location }: { id: string; location: Location }) {
  const { t, lang } = useDocumentText();
  const answer = useApi<DocumentResponse>(/^\d{1,15}$/.test(id) ? apiUrl(`/documents/${id}`) : null, { cache: false });
  const policies = usePolicies();
  // The news of a version added, for the current version's page it leads to (not for an earlier one looked at next).
  const [added, setAdded] = useState<{ text: string; at: string | null } | null>(null);
  const asked = location.query.get("version");
  const policyList = policies.data?.policies ?? [];

  if (!/^\d{1,15}$/.test(id))
    return (
      <div class="page page-document">
        <h1>{DOCUMENT_NAV[lang].documentPageTitle(id)}</h1>
        <AccessErrorBox error={new ApiError(t.notFoundTitle, 404, "not_found")} />
      </div>
    );
  if (answer.error && !answer.data)
    return (
      <div class="page page-document">
        <Breadcrumbs
          trail={[{ href: "/documents", label: t.libraryCrumb }]}
          current={DOCUMENT_NAV[lang].documentPageTitle(id)}
        />
        <h1>{DOCUMENT_NAV[lang].documentPageTitle(id)}</h1>
        <AccessErrorBox error={answer.error} onRetry={answer.retry} />
      </div>
    );
  if (!answer.data || !policies.data)
    return (
      <div class="page page-document">
        <h1 class="visually-hidden">{DOCUMENT_NAV[lang].documentPageTitle(id)}</h1>
        <Loading />
      </div>
    );

  const doc = answer.data;
  const shown = chosenVersion(doc.versions, location.query.get("version"), doc.currentVersion);
  if (!shown)
    return (
      <div class="page page-document">
        <h1>{DOCUMENT_NAV[lang].documentPageTitle(id)}</h1>
        <AccessErrorBox error={new ApiError(t.notFoundTitle, 404, "not_found")} />
      </div>
    );
  const titleIn = textIn(shown.titles, lang);
  const title = titleIn?.text ?? shown.fileName;
  const description = textIn(shown.descriptions, lang);
  const others = [
    ...new Set([
      ...otherLanguages(shown.titles, titleIn?.lang),
      ...otherLanguages(shown.descriptions, description?.lang),
    ]),
  ];
  const downloads = downloadHrefs(doc.id, shown.version);

  return (
    <div class="page page-document" data-document={doc.id} data-version={shown.version}>
      <Marking
        marking={shown.marking}
        label={shown.labelInForce}
        policies={policyList}
        position="top"
        testId="marking-top"
      />
      <Breadcrumbs trail={[{ href: "/documents", label: t.libraryCrumb }]} current={title} />
      <div class="page-heading">
        <h1>
          <span lang={titleIn && titleIn.lang !== lang ? titleIn.lang : undefined}>{title}</span>
        </h1>
        {titleIn && titleIn.lang !== lang && (
          <p class="dc-fallback-note" data-testid="title-fallback">
            {t.fallbackNote(languageName(titleIn.lang, lang))}
          </p>
        )}
        {description && (
          <p class="lede dc-description" lang={description.lang === lang ? undefined : description.lang}>
            {description.text}
          </p>
        )}
      </div>
      {shown.version !== doc.currentVersion && (
        <p class="dc-note" data-testid="earlier-version">
          {t.earlierVersion(doc.currentVersion)} <Link href={documentHref(doc.id)}>{t.seeCurrent}</Link>
        </p>
      )}
      <FormStatus message={added && added.at === asked ? added.text : null} />

      <div class="dc-layout">
        <div class="dc-main">
          <section class="card dc-section" aria-labelledby="document-facts">
            <h2 id="document-facts">{t.factsHeading}</h2>
            <Facts doc={doc} shown={shown} />
            {others.length > 0 && <OtherLanguages version={shown} languages={others} />}
          </section>

          <section class="card dc-section" aria-labelledby="document-downloads">
            <h2 id="document-downloads">{t.downloadsHeading}</h2>
            <ul class="plain-list dc-downloads" data-testid="downloads">
              <li>
                <a href={downloads.content} download={shown.fileName} data-testid="download-content">
                  {t.downloadContent(shown.fileName)}
                </a>{" "}
                <span class="muted">({formatSize(shown.size, intlLocale(lang))})</span>
              </li>
              <li>
                <a href={downloads.binding} download={`${shown.fileName}.binding.xml`} data-testid="download-binding">
                  {t.downloadBinding}
                </a>
              </li>
            </ul>
            <p class="hint">{t.downloadHint}</p>
          </section>

          <section class="card dc-section" aria-labelledby="document-label" data-testid="label-details">
            <h2 id="document-label">{t.labelHeading}</h2>
            <LabelDetails version={shown} policies={policyList} />
            <details class="dc-xml">
              <summary>{t.labelXmlSummary}</summary>
              <pre data-testid="label-xml">
                <code>{shown.labelXml}</code>
              </pre>
            </details>
          </section>
        </div>

        <div class="dc-side">
          <section class="card dc-section" aria-labelledby="document-versions">
            <h2 id="document-versions">{t.versionsHeading}</h2>
            <p class="hint">{t.versionsIntro}</p>
            <ol class="plain-list dc-versions" data-testid="versions" reversed>
              {[...doc.versions]
                .sort((a, b) => b.version - a.version)
                .map((version) => (
                  <li
                    key={version.version}
                    data-version={version.version}
                    class={version.version === shown.version ? "is-shown" : undefined}
                  >
                    <div class="dc-version-head">
                      <Link
                        href={documentHref(doc.id, version.version === doc.currentVersion ? null : version.version)}
                        aria-label={t.openVersion(version.version)}
                        aria-current={version.version === shown.version ? "page" : undefined}
                      >
                        {t.versionN(version.version)}
                      </Link>
                      {version.version === doc.currentVersion && <span class="dc-tag">{t.currentTag}</span>}
                      {version.version === shown.version && <span class="dc-tag dc-tag-shown">{t.shownTag}</span>}
                    </div>
                    <Marking
                      marking={version.marking}
                      label={version.labelInForce}
                      policies={policyList}
                      position="chip"
                    />
                    <p class="dc-version-meta">
                      <Localized texts={version.titles} fallback={version.fileName} /> ·{" "}
                      <time dateTime={version.createdAt}>{dayIn(version.createdAt, lang)}</time> ·{" "}
                      {formatSize(version.size, intlLocale(lang))}
                    </p>
                  </li>
                ))}
            </ol>
          </section>
          {doc.abilities.explain && <Explain doc={doc} />}
        </div>
      </div>

      {doc.abilities.addVersion && (
        <section class="card dc-section dc-add-version" aria-labelledby="add-version-heading">
          <h2 id="add-version-heading">{t.addVersionHeading}</h2>
          <p class="hint">{t.addVersionIntro}</p>
          <details class="dc-add-version-details">
            <summary>{t.addVersionOpen}</summary>
            <DocumentForm
              policies={policyList}
              idPrefix="version"
              documentId={doc.id}
              fixedSubject={doc.subject}
              initial={doc.versions.find((version) => version.version === doc.currentVersion)}
              onDone={(updated) => {
                setAdded({ text: t.versionAdded(updated.currentVersion), at: null });
                navigate(documentHref(doc.id), { replace: true });
                answer.retry();
              }}
            />
          </details>
        </section>
      )}

      <Marking
        marking={shown.marking}
        label={shown.labelInForce}
        policies={policyList}
        position="bottom"
        testId="marking-bottom"
      />
    </div>
  );
}

function Facts({ doc, shown }: { doc: DocumentResponse; shown: DocumentVersion }) {
  const { t, lang } = useDocumentText();
  const name = useCodeNames();
  const subjectLink = doc.subject ? subjectHref(doc.subject) : null;
  return (
    <dl class="kv dc-facts">
      <Fact term={t.factVersion}>
        {shown.version === doc.currentVersion
          ? String(shown.version)
          : t.versionOfTotal(shown.version, doc.currentVersion)}
      </Fact>
      <Fact term={t.factFile}>
        <span class="dc-file-name">{shown.fileName}</span>
      </Fact>
      <Fact term={t.factType}>
        <code>{shown.mediaType}</code>
      </Fact>
      <Fact term={t.factSize}>{formatSize(shown.size, intlLocale(lang))}</Fact>
      <Fact term={t.factAdded}>
        <time dateTime={shown.createdAt}>{formatInstant(shown.createdAt, lang)}</time>
      </Fact>
      <Fact term={t.factAddedBy}>{shown.createdBy}</Fact>
      <Fact term={t.factOriginator}>
        <CodeName code={doc.originator} name={name} />
      </Fact>
      {doc.subject && (
        <Fact term={t.factSubject}>
          {subjectLink ? (
            <Link href={subjectLink}>
              {t.subjectKinds[doc.subject.kind]} {doc.subject.id}
            </Link>
          ) : (
            `${t.subjectKinds[doc.subject.kind]} ${doc.subject.id}`
          )}
        </Fact>
      )}
      <Fact term={t.factDigest}>
        <code class="dc-digest">{shown.sha384}</code>
      </Fact>
    </dl>
  );
}

function OtherLanguages({ version, languages }: { version: DocumentVersion; languages: Language[] }) {
  const { t, lang } = useDocumentText();
  return (
    <details class="dc-other-languages" data-testid="other-languages">
      <summary>{t.otherLanguages(languages.length)}</summary>
      <dl class="dc-languages">
        {languages.map((other) => (
          <div key={other}>
            <dt>{languageName(other, lang)}</dt>
            <dd lang={other}>
              {version.titles[other] && <strong class="dc-other-title">{version.titles[other]}</strong>}
              {version.descriptions[other] && <p class="dc-other-description">{version.descriptions[other]}</p>}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** A label in detail: its policy, classification, categories by type, creation, originator, review, downgrades. */
function LabelDetails({ version, policies }: { version: DocumentVersion; policies: readonly SecurityPolicy[] }) {
  const { t, lang } = useDocumentText();
  const name = useCodeNames();
  const label: ConfidentialityLabel = version.label;
  const policy = policyOf(policies, label.policy);
  const downgraded =
    JSON.stringify(version.labelInForce) !== JSON.stringify(label)
      ? [...label.succession]
          .reverse()
          .find((step) => step.label.classification === version.labelInForce.classification)
      : undefined;
  return (
    <>
      {downgraded && (
        <p class="dc-note" data-testid="downgraded">
          {t.labelDowngraded(dayIn(downgraded.from, lang))}
        </p>
      )}
      <dl class="kv dc-label">
        <Fact term={t.labelPolicy}>
          {policy?.name ?? label.policy} <code class="dc-uri">{label.policy}</code>
        </Fact>
        <Fact term={t.labelClassification} testId="label-classification">
          {label.classification}
        </Fact>
        {CATEGORY_TYPES.map((type) => {
          const categories = label.categories.filter(
            (category) =>
              (policy?.categories.find((c) => c.tagName === category.tagName)?.type ?? category.type) === type,
          );
          if (categories.length === 0) return null;
          return (
            <Fact key={type} term={t.categoryTypes[type]} testId={`label-${type}`}>
              <ul class="plain-list dc-categories">
                {categories.map((category) => (
                  <li key={category.tagName}>
                    <span class="dc-category-name">{tagNameIn(t, category.tagName)}</span>{" "}
                    {category.values.map((value) => (
                      <code class="dc-value" key={value}>
                        {value}
                      </code>
                    ))}
                  </li>
                ))}
              </ul>
            </Fact>
          );
        })}
        {label.categories.length === 0 && <Fact term={t.categoryTypes.permissive}>{t.noCategories}</Fact>}
        <Fact term={t.labelCreated}>
          <time dateTime={label.creationTime}>{formatInstant(label.creationTime, lang, { zone: true })}</time>
        </Fact>
        <Fact term={t.labelOriginator}>
          {label.originator ? <CodeName code={label.originator} name={name} /> : t.labelNone}
        </Fact>
        <Fact term={t.labelReview}>{label.reviewDate ? dayIn(label.reviewDate, lang) : t.labelNone}</Fact>
        <Fact term={t.labelSuccession}>
          {label.succession.length === 0 ? (
            t.labelNone
          ) : (
            <ul class="plain-list">
              {label.succession.map((step) => (
                <li key={step.from}>{t.successionStep(dayIn(step.from, lang), step.label.classification)}</li>
              ))}
            </ul>
          )}
        </Fact>
      </dl>
    </>
  );
}

// ---------------------------------------------------------------- why a reader may not see it

/** For whoever speaks for the originator: may this account read the current version today, and if not, why (never shown to the reader). */
function Explain({ doc }: { doc: DocumentResponse }) {
  const { t, lang } = useDocumentText();
  const { session } = useSession();
  const name = useCodeNames();
  const accounts = useApi<AdminAccountsResponse>(
    session?.abilities.administration.manage ? apiUrl("/admin/accounts") : null,
    { cache: false },
  );
  const [reader, setReader] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<ExplainResponse | null>(null);
  const list = accounts.data?.accounts ?? [];

  const ask = async (event: Event) => {
    event.preventDefault();
    setFormError(null);
    const typed = reader.trim();
    const chosen = list.find((account) => account.id === typed || account.email === typed)?.id ?? typed;
    if (!chosen) {
      setError(t.readerRequired);
      document.getElementById("explain-reader")?.focus();
      return;
    }
    setError(null);
    setPending(true);
    try {
      setResult(
        await getJson<ExplainResponse>(apiUrl(`/documents/${doc.id}/access`, { reader: chosen }), undefined, {
          cache: false,
        }),
      );
    } catch (failure) {
      setResult(null);
      if (failure instanceof ApiError && (failure.status === 404 || failure.status === 400)) {
        setError(fieldError(failure).text);
        document.getElementById("explain-reader")?.focus();
      } else setFormError(errorText(failure, t.networkError));
    } finally {
      setPending(false);
    }
  };

  return (
    <section class="card dc-section dc-explain" aria-labelledby="explain-heading" data-testid="explain">
      <h2 id="explain-heading">{t.explainHeading}</h2>
      <p class="hint">{t.explainIntro}</p>
      <form onSubmit={ask} noValidate>
        <FormError message={formError} />
        <div class="field">
          <label for="explain-reader">{t.readerLabel}</label>
          <input
            id="explain-reader"
            class="input dc-codes"
            list={list.length > 0 ? "explain-readers" : undefined}
            value={reader}
            maxLength={254}
            spellcheck={false}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={["explain-reader-hint", error ? "explain-reader-error" : ""].filter(Boolean).join(" ")}
            onInput={(event) => {
              setReader(event.currentTarget.value);
              setError(null);
            }}
          />
          {list.length > 0 && (
            <datalist id="explain-readers">
              {list.map((account) => (
                <option key={account.id} value={account.id}>
                  {account.displayName} · {account.email}
                </option>
              ))}
            </datalist>
          )}
          <p id="explain-reader-hint" class="hint field-hint">
            {list.length > 0 ? t.readerHintList : t.readerHintId}
          </p>
          {error && (
            <p id="explain-reader-error" class="field-error">
              <span aria-hidden="true">⚠ </span>
              {error}
            </p>
          )}
        </div>
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={pending}>
            {pending ? t.explaining : t.explainButton}
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {result && (
          <div
            class={`dc-decision ${result.decision.allowed ? "is-allowed" : "is-refused"}`}
            data-testid="decision"
            data-allowed={String(result.decision.allowed)}
          >
            <p class="dc-decision-head">
              <span aria-hidden="true">{result.decision.allowed ? "✓ " : "✕ "}</span>
              {result.decision.allowed
                ? t.explainAllowed(result.reader.displayName, dayIn(result.day, lang))
                : t.explainRefused(result.reader.displayName, dayIn(result.day, lang))}
            </p>
            {!result.decision.allowed && (
              <ul class="dc-reasons" data-testid="reasons">
                {result.decision.reasons.map((reason, index) => (
                  <li key={index} data-reason={reason.kind}>
                    {reasonText(reason, lang, t)}
                  </li>
                ))}
              </ul>
            )}
            <dl class="kv dc-reader">
              <Fact term={t.explainReaderTerm}>
                {result.reader.displayName} ·{" "}
                {result.reader.nation ? t.explainNation(name(result.reader.nation)) : t.explainNoNation}
              </Fact>
              <Fact term={t.explainWithin}>
                {result.within.length === 0
                  ? t.explainWithinNothing
                  : result.within.map((value) => (
                      <code class="dc-value" key={value}>
                        {value}
                      </code>
                    ))}
              </Fact>
            </dl>
          </div>
        )}
      </div>
    </section>
  );
}

function reasonText(reason: ExplainedReason, lang: Language, t: ReturnType<typeof useDocumentText>["t"]): string {
  const said = reasonMessage(lang, reason, (name) => tagNameIn(t, name));
  if (said !== null) return said;
  switch (reason.kind) {
    case "unknown-policy":
      return t.reasonUnknownPolicy(reason.policy);
    case "other-organisation":
      return t.reasonOtherOrganisation;
    default:
      return t.reasonNoSuchVersion;
  }
}
