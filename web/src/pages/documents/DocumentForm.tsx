import { useEffect, useRef, useState } from "preact/hooks";
import { DOCUMENT_LIMITS } from "../../../../src/domain/documents.ts";
import { LANGUAGES, type Language } from "../../../../src/domain/languages.ts";
import { errorText, FormError, FormStatus, fieldError, focusField } from "../../components/Form.tsx";
import { type DocumentText, useDocumentText } from "../../i18n/documents/index.ts";
import { ApiError, apiUrl, getJson, send } from "../../lib/api.ts";
import { intlLocale } from "../../lib/dates.ts";
import { useSession } from "../../lib/session.tsx";
import {
  defaultPolicy,
  draftCategories,
  emptyDraft,
  fieldOfProblem,
  formatSize,
  type LabelDraft,
  type LabelField,
  labelMessage,
  labelOf,
  parseCodes,
  policyOf,
  suggestedCodes,
} from "./logic.ts";
import { languageName, Marking, tagNameIn } from "./shared.tsx";
import {
  type DocumentResponse,
  type DominantResponse,
  type LibraryResponse,
  type MarkingResponse,
  type PolicyCategory,
  type SecurityPolicy,
  SUBJECT_KINDS,
  type SubjectKind,
} from "./types.ts";

/** The media types a library accepts, for the file picker (the server checks again). */
const ACCEPT = [
  ".pdf",
  ".txt",
  ".csv",
  ".png",
  ".jpg",
  ".jpeg",
  ".gif",
  ".webp",
  ".doc",
  ".docx",
  ".xls",
  ".xlsx",
  ".ppt",
  ".pptx",
  ".odt",
  ".ods",
  ".odp",
].join(",");

/** A word as the first of an option: "proposal" → "Proposal". */
const capitalized = (text: string, lang: Language) => text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);

/** A tag name as an element id's part: "Releasable To" → "releasable-to". */
const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || "category";

type Errors = Record<string, string>;

/**
 * A document's file, titles and descriptions in the four languages, and its confidentiality label
 * (built from a policy, or pasted as STANAG 4774 XML) with a live preview of the display marking
 * and of the policy's problems under the fields they concern; for a document that belongs to a
 * compilation, the dominant label of it with the parts the reader may see. Used to add a document
 * (`documentId` absent: it also asks what the document belongs to) and to add a version.
 * A refusal of the API is shown under the field it names.
 */
export function DocumentForm({
  policies,
  idPrefix,
  documentId,
  fixedSubject,
  initial,
  onDone,
}: {
  policies: readonly SecurityPolicy[];
  idPrefix: string;
  documentId?: number;
  /** A version's document belongs where the document does. */
  fixedSubject?: { kind: SubjectKind; id: string } | null;
  /** A new version starts from the current one's titles and descriptions. */
  initial?: { titles: Partial<Record<Language, string>>; descriptions: Partial<Record<Language, string>> };
  onDone: (document: DocumentResponse) => void;
}) {
  const { t, lang } = useDocumentText();
  const id = (name: string) => `${idPrefix}-${name}`;
  const [file, setFile] = useState<File | null>(null);
  const [titles, setTitles] = useState<Partial<Record<Language, string>>>(initial?.titles ?? {});
  const [descriptions, setDescriptions] = useState<Partial<Record<Language, string>>>(initial?.descriptions ?? {});
  const { session } = useSession();
  const [draft, setDraft] = useState<LabelDraft>(() =>
    emptyDraft(defaultPolicy(policies, session?.account?.organization)),
  );
  const [subjectKind, setSubjectKind] = useState<SubjectKind | "">(fixedSubject?.kind ?? "");
  const [subjectId, setSubjectId] = useState(fixedSubject?.id ?? "");
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  // Under the page's h1 (a new document) or under "Add a version"'s h2.
  const heading = documentId ? "h3" : "h2";

  const policy = policyOf(policies, draft.policy);
  const label = labelOf(draft, policy);
  const draftKey = JSON.stringify(draft);
  const preview = useMarkingPreview(label, draftKey, t);
  const categories = policy && draft.mode === "build" ? draftCategories(draft, policy) : [];
  const problems: Partial<Record<LabelField, string[]>> = {};
  for (const problem of preview.answer?.problems ?? []) {
    const field = fieldOfProblem(problem.path, draft, categories);
    problems[field] = [
      ...(problems[field] ?? []),
      labelMessage(lang, problem, (name) => tagNameIn(t, name)) ?? problem.key,
    ];
  }
  const subject =
    fixedSubject ?? (subjectKind && subjectId.trim() ? { kind: subjectKind, id: subjectId.trim() } : null);
  const dominant = useDominant(subject, label, draftKey, documentId, t);

  const change = (next: Partial<LabelDraft>) => {
    setDraft((previous) => ({ ...previous, ...next }));
    setErrors(({ label: _label, ...rest }) => rest);
  };

  const otherLanguages = LANGUAGES.filter((other) => other !== lang);
  const othersOpen = otherLanguages.some(
    (other) => titles[other] || descriptions[other] || errors[`title.${other}`] || errors[`description.${other}`],
  );

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: Errors = {};
    if (!file) found.file = t.fileRequired;
    if (!LANGUAGES.some((other) => (titles[other] ?? "").trim() !== "")) found.title = t.titleRequired;
    if (label === null)
      found[draft.mode === "xml" ? "xml" : "classification"] =
        draft.mode === "xml" ? t.previewWaitingXml : t.previewWaiting;
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) {
      setFormError(t.fixFields);
      focusField(fieldId(Object.keys(found)[0] ?? "", id, lang, draft));
      return;
    }
    const form = new FormData();
    form.set("file", file as File);
    for (const other of LANGUAGES) {
      const title = (titles[other] ?? "").trim();
      if (title) form.set(`title.${other}`, title);
      const description = (descriptions[other] ?? "").trim();
      if (description) form.set(`description.${other}`, description);
    }
    form.set("label", typeof label === "string" ? label : JSON.stringify(label));
    if (!documentId && subject) {
      form.set("subjectKind", subject.kind);
      form.set("subjectId", subject.id);
    }
    setPending(true);
    try {
      const answer = await send<DocumentResponse>(
        "POST",
        documentId ? `/documents/${documentId}/versions` : "/documents",
        form,
      );
      setPending(false);
      if (documentId) {
        setFile(null);
        if (fileInput.current) fileInput.current.value = "";
      }
      onDone(answer);
    } catch (failure) {
      setPending(false);
      const { field, text } = fieldError(failure);
      const known = field !== null && field !== "body";
      if (known) {
        const at = field === "label" ? (draft.mode === "xml" ? "xml" : "label") : field;
        setErrors({ [at]: text });
        setFormError(t.fixFields);
        focusField(fieldId(at, id, lang, draft));
      } else
        setFormError(
          failure instanceof ApiError && failure.status === 0 ? t.networkError : errorText(failure, t.networkError),
        );
    }
  };

  const titleField = (other: Language) => (
    <div class="dc-language" key={other}>
      <div class="field">
        <label for={id(`title-${other}`)}>{t.titleIn(languageName(other, lang))}</label>
        <input
          id={id(`title-${other}`)}
          lang={other}
          class="input"
          value={titles[other] ?? ""}
          maxLength={DOCUMENT_LIMITS.title}
          aria-invalid={errors[`title.${other}`] || (other === lang && errors.title) ? true : undefined}
          aria-describedby={
            [
              other === lang ? id("titles-hint") : "",
              errors[`title.${other}`] || (other === lang && errors.title) ? id(`title-${other}-error`) : "",
            ]
              .filter(Boolean)
              .join(" ") || undefined
          }
          onInput={(event) => {
            const value = event.currentTarget.value;
            setTitles((previous) => ({ ...previous, [other]: value }));
            setErrors(({ title: _title, [`title.${other}`]: _this, ...rest }) => rest);
          }}
        />
        {other === lang && (
          <p id={id("titles-hint")} class="hint field-hint">
            {t.titlesHint}
          </p>
        )}
        <FieldError
          id={id(`title-${other}-error`)}
          text={errors[`title.${other}`] ?? (other === lang ? errors.title : undefined)}
        />
      </div>
      <div class="field">
        <label for={id(`description-${other}`)}>
          {t.descriptionIn(languageName(other, lang))}
          <span class="optional"> {t.optional}</span>
        </label>
        <textarea
          id={id(`description-${other}`)}
          lang={other}
          class="input dc-textarea"
          rows={3}
          value={descriptions[other] ?? ""}
          maxLength={DOCUMENT_LIMITS.description}
          aria-invalid={errors[`description.${other}`] ? true : undefined}
          aria-describedby={errors[`description.${other}`] ? id(`description-${other}-error`) : undefined}
          onInput={(event) => {
            const value = event.currentTarget.value;
            setDescriptions((previous) => ({ ...previous, [other]: value }));
          }}
        />
        <FieldError id={id(`description-${other}-error`)} text={errors[`description.${other}`]} />
      </div>
    </div>
  );

  return (
    <form class="dc-form" onSubmit={submit} noValidate data-testid={`${idPrefix}-form`}>
      <FormError message={formError} />
      <p class="visually-hidden" role="alert">
        {Object.values(errors).join(" ")}
      </p>

      <div class="card dc-fieldset">
        <div class="field">
          <span id={id("file-label")} class="dc-big-label">
            {t.fileField}
          </span>
          {/* The browser's own picker speaks the browser's language: a button in the reader's stands for it. */}
          <div class="dc-file-picker">
            <input
              id={id("file")}
              ref={fileInput}
              type="file"
              class="dc-file-input"
              accept={ACCEPT}
              aria-labelledby={`${id("file-label")} ${id("file-name")}`}
              aria-invalid={errors.file ? true : undefined}
              aria-describedby={[id("file-hint"), errors.file ? id("file-error") : ""].filter(Boolean).join(" ")}
              onChange={(event) => {
                setFile(event.currentTarget.files?.[0] ?? null);
                setErrors(({ file: _file, ...rest }) => rest);
              }}
            />
            <label for={id("file")} class="button dc-file-button">
              {t.chooseFile}
            </label>
            <span id={id("file-name")} class="dc-file-chosen" data-testid={`${idPrefix}-file-name`}>
              {file ? `${file.name} (${formatSize(file.size, intlLocale(lang))})` : t.noFileChosen}
            </span>
          </div>
          <p id={id("file-hint")} class="hint field-hint">
            {t.fileHint(Math.round(DOCUMENT_LIMITS.bytes / (1024 * 1024)))}
          </p>
          <FieldError id={id("file-error")} text={errors.file} />
        </div>
      </div>

      <fieldset class="card dc-fieldset">
        <legend>{t.titlesHeading}</legend>
        {titleField(lang)}
        <details class="dc-other-languages" open={othersOpen}>
          <summary>{t.otherLanguagesSummary}</summary>
          {otherLanguages.map(titleField)}
        </details>
      </fieldset>

      <fieldset class="card dc-fieldset" aria-describedby={errors.label ? id("label-error") : undefined}>
        <legend>{t.labelHeading}</legend>
        <LabelFields
          draft={draft}
          policies={policies}
          change={change}
          id={id}
          errors={errors}
          problems={problems}
          onPolicy={(next) => {
            setDraft({ ...emptyDraft(policyOf(policies, next)), mode: draft.mode, xml: draft.xml });
            setErrors(({ label: _label, ...rest }) => rest);
          }}
        />
        <FieldError id={id("label-error")} text={errors.label} />
        <Preview
          preview={preview}
          policies={policies}
          problems={problems.label ?? []}
          idPrefix={idPrefix}
          xml={draft.mode === "xml"}
          heading={heading}
        />
      </fieldset>

      {!fixedSubject && !documentId && (
        <fieldset class="card dc-fieldset">
          <legend>
            {t.subjectLegend}
            <span class="optional"> {t.optional}</span>
          </legend>
          <p class="hint">{t.subjectHint}</p>
          <div class="form-grid form-grid-two">
            <div class="field">
              <label for={id("subject-kind")}>{t.subjectKindField}</label>
              <select
                id={id("subject-kind")}
                value={subjectKind}
                aria-invalid={errors.subjectKind ? true : undefined}
                aria-describedby={errors.subjectKind ? id("subject-kind-error") : undefined}
                onChange={(event) => {
                  setSubjectKind(event.currentTarget.value as SubjectKind | "");
                  setErrors(({ subjectKind: _kind, subjectId: _id, ...rest }) => rest);
                }}
              >
                <option value="">{t.subjectNone}</option>
                {SUBJECT_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {capitalized(t.subjectKinds[kind], lang)}
                  </option>
                ))}
              </select>
              <FieldError id={id("subject-kind-error")} text={errors.subjectKind} />
            </div>
            {subjectKind && (
              <div class="field">
                <label for={id("subject-id")}>{t.subjectIdField}</label>
                <input
                  id={id("subject-id")}
                  class="input dc-codes"
                  value={subjectId}
                  maxLength={100}
                  spellcheck={false}
                  aria-invalid={errors.subjectId ? true : undefined}
                  aria-describedby={errors.subjectId ? id("subject-id-error") : undefined}
                  onInput={(event) => {
                    setSubjectId(event.currentTarget.value);
                    setErrors(({ subjectId: _id, ...rest }) => rest);
                  }}
                />
                <FieldError id={id("subject-id-error")} text={errors.subjectId} />
              </div>
            )}
          </div>
        </fieldset>
      )}
      {subject && <DominantPreview dominant={dominant} policies={policies} idPrefix={idPrefix} heading={heading} />}

      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={pending}>
          {pending ? (documentId ? t.addingVersion : t.uploading) : documentId ? t.addVersionButton : t.uploadButton}
        </button>
      </div>
      <FormStatus message={pending ? (documentId ? t.addingVersion : t.uploading) : null} tone="info" />
    </form>
  );
}

/** The element that says a field's error, to move focus to. */
function fieldId(field: string, id: (name: string) => string, lang: Language, draft: LabelDraft): string {
  if (field === "title") return id(`title-${lang}`);
  const language = /^(title|description)\.(\w+)$/.exec(field);
  if (language) return id(`${language[1]}-${language[2]}`);
  if (field === "subjectKind") return id("subject-kind");
  if (field === "subjectId") return id("subject-id");
  if (field === "label") return draft.mode === "xml" ? id("xml") : id("classification");
  if (field === "xml") return id("xml");
  if (field === "classification") return id("classification");
  return id(field);
}

function FieldError({ id, text }: { id: string; text: string | undefined | null }) {
  if (!text) return null;
  return (
    <p id={id} class="field-error">
      <span aria-hidden="true">⚠ </span>
      {text}
    </p>
  );
}

/** Problems of the label under the field they concern (from the live preview). */
function Problems({ id, problems }: { id: string; problems: string[] | undefined }) {
  if (!problems || problems.length === 0) return null;
  return (
    <ul id={id} class="field-error dc-problems" data-testid="label-problems">
      {problems.map((problem) => (
        <li key={problem}>
          <span aria-hidden="true">⚠ </span>
          {problem}
        </li>
      ))}
    </ul>
  );
}

// ---------------------------------------------------------------- the label's fields

function LabelFields({
  draft,
  policies,
  change,
  onPolicy,
  id,
  errors,
  problems,
}: {
  draft: LabelDraft;
  policies: readonly SecurityPolicy[];
  change: (next: Partial<LabelDraft>) => void;
  onPolicy: (policy: string) => void;
  id: (name: string) => string;
  errors: Errors;
  problems: Partial<Record<LabelField, string[]>>;
}) {
  const { t } = useDocumentText();
  const policy = policyOf(policies, draft.policy);
  const described = (name: string, hint: string | null, has: boolean) =>
    [hint ?? "", has ? id(`${name}-problems`) : ""].filter(Boolean).join(" ") || undefined;
  const rank = policy?.classifications.find((c) => c.name === draft.classification)?.rank ?? 0;
  const lower = policy?.classifications.filter((c) => c.rank < rank) ?? [];
  const classificationProblems = [
    ...(problems.classification ?? []),
    ...(errors.classification ? [errors.classification] : []),
  ];

  return (
    <>
      <fieldset class="dc-mode">
        <legend class="dc-sublegend">{t.labelModeLegend}</legend>
        <div class="dc-radios">
          <label class="check-inline">
            <input
              type="radio"
              name={id("label-mode")}
              value="build"
              checked={draft.mode === "build"}
              onChange={() => change({ mode: "build" })}
            />{" "}
            {t.labelModeBuild}
          </label>
          <label class="check-inline">
            <input
              type="radio"
              name={id("label-mode")}
              value="xml"
              checked={draft.mode === "xml"}
              onChange={() => change({ mode: "xml" })}
            />{" "}
            {t.labelModeXml}
          </label>
        </div>
      </fieldset>

      {draft.mode === "xml" ? (
        <div class="field">
          <label for={id("xml")}>{t.xmlField}</label>
          <textarea
            id={id("xml")}
            class="input dc-xml-input"
            rows={10}
            spellcheck={false}
            value={draft.xml}
            aria-invalid={problems.xml || errors.xml ? true : undefined}
            aria-describedby={described("xml", id("xml-hint"), Boolean(problems.xml || errors.xml))}
            onInput={(event) => change({ xml: event.currentTarget.value })}
          />
          <p id={id("xml-hint")} class="hint field-hint">
            {t.xmlHint}
          </p>
          <Problems id={id("xml-problems")} problems={[...(problems.xml ?? []), ...(errors.xml ? [errors.xml] : [])]} />
        </div>
      ) : (
        <>
          <div class="form-grid form-grid-two">
            <div class="field">
              <label for={id("policy")}>{t.policyField}</label>
              <select
                id={id("policy")}
                value={draft.policy}
                aria-invalid={problems.policy ? true : undefined}
                aria-describedby={described("policy", null, Boolean(problems.policy))}
                onChange={(event) => onPolicy(event.currentTarget.value)}
              >
                {policies.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.name}
                  </option>
                ))}
              </select>
              <Problems id={id("policy-problems")} problems={problems.policy} />
            </div>
            <div class="field">
              <label for={id("classification")}>{t.classificationField}</label>
              <select
                id={id("classification")}
                value={draft.classification}
                aria-invalid={classificationProblems.length > 0 ? true : undefined}
                aria-describedby={described(
                  "classification",
                  id("classification-hint"),
                  classificationProblems.length > 0,
                )}
                onChange={(event) => {
                  const classification = event.currentTarget.value;
                  const newRank = policy?.classifications.find((c) => c.name === classification)?.rank ?? 0;
                  const successor = policy?.classifications.find((c) => c.name === draft.successionClassification);
                  change({
                    classification,
                    ...(successor && successor.rank >= newRank ? { successionClassification: "" } : {}),
                  });
                }}
              >
                {policy?.classifications.map((classification) => (
                  <option key={classification.name} value={classification.name}>
                    {classification.name}
                  </option>
                ))}
              </select>
              <p id={id("classification-hint")} class="hint field-hint">
                {t.classificationHint}
              </p>
              <Problems id={id("classification-problems")} problems={classificationProblems} />
            </div>
          </div>

          {policy?.categories.map((category) => (
            <CategoryField
              key={`${policy.id}:${category.tagName}`}
              policy={policy}
              category={category}
              draft={draft}
              change={change}
              id={id(`category-${slug(category.tagName)}`)}
              problems={problems[`category:${category.tagName}`]}
            />
          ))}

          <details
            class="dc-optional"
            open={Boolean(
              draft.reviewDate ||
                draft.successionFrom ||
                draft.successionClassification ||
                problems.reviewDate ||
                problems.successionFrom ||
                problems.successionClassification,
            )}
          >
            <summary>{t.optionalDetails}</summary>
            <div class="field">
              <label for={id("review")}>
                {t.reviewField}
                <span class="optional"> {t.optional}</span>
              </label>
              <input
                id={id("review")}
                type="date"
                class="input dc-date"
                value={draft.reviewDate}
                aria-invalid={problems.reviewDate ? true : undefined}
                aria-describedby={described("review", id("review-hint"), Boolean(problems.reviewDate))}
                onInput={(event) => change({ reviewDate: event.currentTarget.value })}
              />
              <p id={id("review-hint")} class="hint field-hint">
                {t.reviewHint}
              </p>
              <Problems id={id("review-problems")} problems={problems.reviewDate} />
            </div>
            <fieldset class="dc-succession" aria-describedby={id("succession-hint")}>
              <legend class="dc-sublegend">
                {t.successionLegend}
                <span class="optional"> {t.optional}</span>
              </legend>
              <p id={id("succession-hint")} class="hint">
                {t.successionHint}
              </p>
              <div class="form-grid form-grid-two">
                <div class="field">
                  <label for={id("succession-from")}>{t.successionFrom}</label>
                  <input
                    id={id("succession-from")}
                    type="date"
                    class="input dc-date"
                    value={draft.successionFrom}
                    aria-invalid={problems.successionFrom ? true : undefined}
                    aria-describedby={described("succession-from", null, Boolean(problems.successionFrom))}
                    onInput={(event) => change({ successionFrom: event.currentTarget.value })}
                  />
                  <Problems id={id("succession-from-problems")} problems={problems.successionFrom} />
                </div>
                <div class="field">
                  <label for={id("succession-classification")}>{t.successionClassification}</label>
                  <select
                    id={id("succession-classification")}
                    value={draft.successionClassification}
                    disabled={lower.length === 0}
                    aria-invalid={problems.successionClassification ? true : undefined}
                    aria-describedby={described(
                      "succession-classification",
                      null,
                      Boolean(problems.successionClassification),
                    )}
                    onChange={(event) => change({ successionClassification: event.currentTarget.value })}
                  >
                    <option value="">{t.successionNone}</option>
                    {lower.map((classification) => (
                      <option key={classification.name} value={classification.name}>
                        {classification.name}
                      </option>
                    ))}
                  </select>
                  <Problems
                    id={id("succession-classification-problems")}
                    problems={problems.successionClassification}
                  />
                </div>
              </div>
            </fieldset>
          </details>
        </>
      )}
    </>
  );
}

/** One category of the policy: codes typed (with suggestions) for an open permissive one, boxes to tick for a listed one. */
function CategoryField({
  policy,
  category,
  draft,
  change,
  id,
  problems,
}: {
  policy: SecurityPolicy;
  category: PolicyCategory;
  draft: LabelDraft;
  change: (next: Partial<LabelDraft>) => void;
  id: string;
  problems: string[] | undefined;
}) {
  const { t } = useDocumentText();
  const name = tagNameIn(t, category.tagName);
  const hint =
    category.values === null
      ? t.codesHint
      : category.type === "restrictive"
        ? t.restrictiveHint
        : category.type === "informative"
          ? t.informativeHint
          : t.permissiveListedHint;
  const described = [`${id}-hint`, problems?.length ? `${id}-problems` : ""].filter(Boolean).join(" ");
  if (category.values === null) {
    const text = draft.typed[category.tagName] ?? "";
    const codes = parseCodes(text);
    const suggestions = suggestedCodes(policy).filter((code) => !codes.includes(code));
    return (
      <div class="field dc-category" data-category={category.tagName}>
        <label for={id}>
          {name}
          <span class="optional"> {t.optional}</span>
        </label>
        <input
          id={id}
          class="input dc-codes"
          value={text}
          spellcheck={false}
          autoCapitalize="characters"
          aria-invalid={problems?.length ? true : undefined}
          aria-describedby={described}
          onInput={(event) => change({ typed: { ...draft.typed, [category.tagName]: event.currentTarget.value } })}
          onBlur={(event) => {
            const tidy = parseCodes(event.currentTarget.value).join(", ");
            if (tidy !== event.currentTarget.value) change({ typed: { ...draft.typed, [category.tagName]: tidy } });
          }}
        />
        <p id={`${id}-hint`} class="hint field-hint">
          {hint}
        </p>
        {suggestions.length > 0 && (
          <p class="dc-suggestions">
            <span class="dc-suggestions-label">{t.suggestions}:</span>
            {suggestions.map((code) => (
              <button
                type="button"
                key={code}
                class="button button-small dc-suggestion"
                aria-label={t.addCode(code)}
                onClick={() => change({ typed: { ...draft.typed, [category.tagName]: [...codes, code].join(", ") } })}
              >
                <span aria-hidden="true">+ </span>
                <code>{code}</code>
              </button>
            ))}
          </p>
        )}
        <Problems id={`${id}-problems`} problems={problems} />
      </div>
    );
  }
  const chosen = draft.chosen[category.tagName] ?? [];
  return (
    <fieldset class="dc-category dc-checks" data-category={category.tagName} aria-describedby={described}>
      <legend class="dc-sublegend">
        {name}
        <span class="optional"> {t.optional}</span>
      </legend>
      <p id={`${id}-hint`} class="hint">
        {hint}
      </p>
      <div class="dc-check-grid">
        {category.values.map((value, index) => (
          <label class="check-inline" key={value}>
            <input
              type="checkbox"
              id={index === 0 ? id : undefined}
              checked={chosen.includes(value)}
              onChange={(event) => {
                const next = event.currentTarget.checked ? [...chosen, value] : chosen.filter((v) => v !== value);
                change({ chosen: { ...draft.chosen, [category.tagName]: next } });
              }}
            />{" "}
            <code>{value}</code>
          </label>
        ))}
      </div>
      <Problems id={`${id}-problems`} problems={problems} />
    </fieldset>
  );
}

// ---------------------------------------------------------------- previews

type Preview = { answer: MarkingResponse | undefined; error: string | undefined; pending: boolean; waiting: boolean };

/** The label's marking and its policy's problems, asked of the server as the label is typed (changes nothing). */
function useMarkingPreview(label: ReturnType<typeof labelOf>, key: string, t: DocumentText): Preview {
  const [state, setState] = useState<{ key: string; answer?: MarkingResponse; error?: string; pending: boolean }>({
    key: "",
    pending: false,
  });
  useEffect(() => {
    if (label === null) {
      setState({ key, pending: false });
      return;
    }
    let live = true;
    setState((previous) => ({ ...previous, pending: true }));
    const timer = setTimeout(() => {
      send<MarkingResponse>("POST", "/labels/marking", { label }).then(
        (answer) => live && setState({ key, answer, pending: false }),
        (failure: unknown) => live && setState({ key, error: previewError(failure, t), pending: false }),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);
  return {
    answer: state.answer,
    error: state.error,
    pending: state.pending || state.key !== key,
    waiting: label === null,
  };
}

function previewError(failure: unknown, t: DocumentText): string {
  if (failure instanceof ApiError && failure.status === 0) return t.networkError;
  const { text } = fieldError(failure);
  return text;
}

function Preview({
  preview,
  policies,
  problems,
  idPrefix,
  xml,
  heading: Heading,
}: {
  preview: Preview;
  policies: readonly SecurityPolicy[];
  problems: string[];
  idPrefix: string;
  xml: boolean;
  heading: "h2" | "h3";
}) {
  const { t } = useDocumentText();
  const count = preview.answer?.problems.length ?? 0;
  return (
    <section
      class="dc-preview"
      aria-labelledby={`${idPrefix}-preview-heading`}
      data-testid="marking-preview"
      aria-busy={preview.pending}
    >
      <Heading id={`${idPrefix}-preview-heading`} class="dc-preview-heading">
        {t.previewHeading}
      </Heading>
      <p class="hint">{t.previewHint}</p>
      <div role="status" aria-live="polite">
        {preview.waiting ? (
          <p class="dc-preview-waiting">{xml ? t.previewWaitingXml : t.previewWaiting}</p>
        ) : preview.error ? (
          <p class="field-error" data-testid="preview-error">
            <span aria-hidden="true">⚠ </span>
            {t.previewFailed} {preview.error}
          </p>
        ) : preview.answer ? (
          <>
            <Marking
              marking={preview.answer.marking}
              label={preview.answer.label}
              policies={policies}
              position="preview"
              testId="preview-marking"
            />
            {count > 0 && (
              <p class="dc-preview-problems" data-testid="preview-problems">
                <span aria-hidden="true">⚠ </span>
                {t.previewProblems(count)}
              </p>
            )}
            {problems.length > 0 && (
              <ul class="field-error dc-problems">
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            )}
          </>
        ) : (
          <p class="dc-preview-waiting">{t.previewChecking}</p>
        )}
      </div>
    </section>
  );
}

type Dominant = {
  others: number | undefined;
  answer: DominantResponse | undefined;
  error: string | undefined;
  pending: boolean;
};

/**
 * The dominant label of the compilation the document belongs to: the labels in force of its other
 * parts the reader may see (the library's own answer, so never more), with this one's.
 */
function useDominant(
  subject: { kind: SubjectKind; id: string } | null,
  label: ReturnType<typeof labelOf>,
  labelKey: string,
  exclude: number | undefined,
  t: DocumentText,
): Dominant {
  const subjectKey = subject ? `${subject.kind}:${subject.id}` : "";
  const [parts, setParts] = useState<{ key: string; labels?: unknown[]; error?: string }>({ key: "" });
  const [state, setState] = useState<{ key: string; answer?: DominantResponse; error?: string }>({ key: "" });

  useEffect(() => {
    if (!subject) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getJson<LibraryResponse>(
        apiUrl("/documents", { subjectKind: subject.kind, subjectId: subject.id, limit: "100" }),
        controller.signal,
        { cache: false },
      ).then(
        (answer) =>
          setParts({
            key: subjectKey,
            labels: answer.documents.filter((entry) => entry.id !== exclude).map((entry) => entry.labelInForce),
          }),
        (failure: unknown) =>
          !controller.signal.aborted && setParts({ key: subjectKey, error: previewError(failure, t) }),
      );
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [subjectKey]);

  const others = parts.key === subjectKey ? parts.labels : undefined;
  const dominantKey = `${subjectKey}|${labelKey}|${others?.length ?? "-"}`;
  useEffect(() => {
    if (!others || others.length === 0 || label === null) {
      setState({ key: dominantKey });
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      send<DominantResponse>("POST", "/labels/dominant", { labels: [...others, label] }).then(
        (answer) => live && setState({ key: dominantKey, answer }),
        (failure: unknown) => live && setState({ key: dominantKey, error: previewError(failure, t) }),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [dominantKey]);

  const current = state.key === dominantKey;
  return {
    others: others?.length,
    answer: current ? state.answer : undefined,
    error: parts.key === subjectKey && parts.error ? parts.error : current ? state.error : undefined,
    pending: (parts.key !== subjectKey && !parts.error) || (!current && (others?.length ?? 0) > 0),
  };
}

function DominantPreview({
  dominant,
  policies,
  idPrefix,
  heading: Heading,
}: {
  dominant: Dominant;
  policies: readonly SecurityPolicy[];
  idPrefix: string;
  heading: "h2" | "h3";
}) {
  const { t } = useDocumentText();
  return (
    <section
      class="card dc-preview dc-dominant"
      aria-labelledby={`${idPrefix}-dominant-heading`}
      data-testid="dominant-preview"
      aria-busy={dominant.pending}
    >
      <Heading id={`${idPrefix}-dominant-heading`} class="dc-preview-heading">
        {t.dominantHeading}
      </Heading>
      <div role="status" aria-live="polite">
        {dominant.error ? (
          <p class="field-error">
            <span aria-hidden="true">⚠ </span>
            {t.dominantFailed} {dominant.error}
          </p>
        ) : dominant.others === 0 ? (
          <p class="hint">{t.dominantAlone}</p>
        ) : dominant.answer ? (
          <>
            <p class="hint">{t.dominantHint(dominant.others ?? 0)}</p>
            <Marking
              marking={dominant.answer.marking}
              label={dominant.answer.label}
              policies={policies}
              position="preview"
              testId="dominant-marking"
            />
          </>
        ) : (
          <p class="dc-preview-waiting">{t.previewChecking}</p>
        )}
      </div>
    </section>
  );
}
