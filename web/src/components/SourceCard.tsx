import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { citation, stableLink } from "../../../src/domain/citations.ts";
import { useI18n } from "../i18n/index.ts";
import { formatDate } from "../lib/dates.ts";
import type { Source, SourceRef } from "../lib/types.ts";
import { DateText } from "./Badges.tsx";
import "./SourceCard.css";

/** One thing a source supports on this page: a claim, a member, a relation. */
export type SourceClaim = {
  key: string | number;
  /** What is supported, in words or links ("Since: 29 March 2004", "Bulgaria"). */
  what: ComponentChildren;
  locator?: string | null;
  quote?: string | null;
  note?: string | null;
  /** The claim's date differs from the one recorded (drawn as a warning). */
  conflict?: boolean;
};

/** Groups things by the source they cite, each source once, in the order first met. */
export function bySource<T>(items: T[], sourcesOf: (item: T) => SourceRef[]): Array<{ source: SourceRef; items: T[] }> {
  const groups = new Map<string, { source: SourceRef; items: T[] }>();
  for (const item of items)
    for (const source of sourcesOf(item)) {
      const group = groups.get(source.id) ?? { source, items: [] };
      if (!group.items.includes(item)) group.items.push(item);
      groups.set(source.id, group);
    }
  return [...groups.values()];
}

let counter = 0;
const useId = (prefix: string) => {
  const ref = useRef<string | null>(null);
  if (ref.current === null) ref.current = `${prefix}-${++counter}`;
  return ref.current;
};

/**
 * One source, once: its publisher, title (linked to its URL), date and archive reference, then
 * everything on this page it supports, each with where in the source and the quote; and "Cite
 * this", with a stable link to the page as of `at` and the citation in APA and Chicago.
 */
export function SourceCard({
  source,
  claims,
  at,
  label = "",
}: {
  source: SourceRef & Partial<Pick<Source, "perspective" | "citation">>;
  claims: SourceClaim[];
  /** The date the page shows (its `?at=`): the stable link's date. */
  at: string;
  /** A short heading over the list of what it supports ("Supports"); none for claims. */
  label?: string;
}) {
  const { t } = useI18n();
  const titleId = useId("source");
  const locators = [...new Set(claims.map((claim) => claim.locator).filter((l): l is string => !!l))];
  const conflict = claims.some((claim) => claim.conflict);
  return (
    <li
      class={`source-card claim-card${conflict ? " is-conflict" : ""}`}
      aria-labelledby={titleId}
      data-source={source.id}
    >
      <div class="claim-head">
        <span class="claim-publisher">{source.publisher}</span>
        {source.perspective && (
          <span class="chip" title={t.perspective}>
            {source.perspective}
          </span>
        )}
      </div>
      <h3 id={titleId} class="claim-title">
        {source.url ? (
          <a href={source.url} target="_blank" rel="noopener noreferrer">
            {source.title}
            <span class="visually-hidden"> {t.opensInNewTab}</span>
            <span aria-hidden="true"> ↗</span>
          </a>
        ) : (
          source.title
        )}
      </h3>
      {(source.published || source.archive) && (
        <dl class="claim-facts">
          {source.published && (
            <div>
              <dt>{t.published}</dt>
              <dd>
                <DateText date={source.published} precision={source.publishedPrecision} />
              </dd>
            </div>
          )}
          {source.archive && (
            <div>
              <dt>{t.archiveReference}</dt>
              <dd>{source.archive}</dd>
            </div>
          )}
        </dl>
      )}
      {label && <p class="source-supports-label">{label}</p>}
      <ul class={`source-claims${label ? " is-compact" : ""}`}>
        {claims.map((claim) => (
          <li key={claim.key} class={`source-claim${claim.conflict ? " is-conflict" : ""}`}>
            <div class="source-claim-what">{claim.what}</div>
            {claim.locator && (
              <p class="source-locator">
                <span class="muted">{t.locator}:</span> {claim.locator}
              </p>
            )}
            {claim.quote && (
              <blockquote class="claim-quote">
                <p>{claim.quote}</p>
              </blockquote>
            )}
            {claim.note && (
              <p class="claim-note">
                <strong>{t.note}:</strong> {claim.note}
              </p>
            )}
          </li>
        ))}
      </ul>
      {source.citation && <p class="claim-citation">{source.citation}</p>}
      <CiteThis source={source} at={at} locator={locators.length === 1 ? locators[0] : null} />
    </li>
  );
}

/** "Cite this": a button opening a dialog with the stable link and the two citations, each to copy. */
function CiteThis({ source, at, locator }: { source: SourceRef; at: string; locator: string | null | undefined }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const id = useId("cite");

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      if (typeof element.showModal === "function") element.showModal();
      else element.setAttribute("open", "");
    } else if (!open && element.open) {
      element.close();
      opener.current?.focus();
    }
  }, [open]);

  const link = open ? stableLink(window.location.href, at) : "";
  const entries = [
    { key: "link", label: t.stableLinkLabel(formatDate(at, "day", lang)), text: link },
    { key: "apa", label: t.citeApa, text: citation("apa", source, locator) },
    { key: "chicago", label: t.citeChicago, text: citation("chicago", source, locator) },
  ];
  return (
    <div class="cite-this">
      <button
        ref={opener}
        type="button"
        class="button button-small"
        aria-haspopup="dialog"
        aria-label={t.citeThisSource(source.title)}
        onClick={() => setOpen(true)}
      >
        {t.citeThis}
      </button>
      <dialog
        ref={dialog}
        class="cite-dialog"
        aria-labelledby={`${id}-title`}
        onCancel={(event) => {
          event.preventDefault();
          setOpen(false);
        }}
      >
        {open && (
          <>
            <h2 id={`${id}-title`}>{t.citeTitle}</h2>
            <p class="cite-source">{source.title}</p>
            {entries.map((entry) => (
              <CopyField key={entry.key} id={`${id}-${entry.key}`} label={entry.label} text={entry.text} />
            ))}
            <p class="muted cite-note">{t.citeNote}</p>
            <div class="cite-actions">
              <button type="button" class="button" onClick={() => setOpen(false)}>
                {t.citeClose}
              </button>
            </div>
          </>
        )}
      </dialog>
    </div>
  );
}

function CopyField({ id, label, text }: { id: string; label: string; text: string }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<"" | "copied" | "failed">("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus("copied");
    } catch {
      setStatus("failed");
    }
  };
  return (
    <div class="cite-field" data-style={id.split("-").pop()}>
      <label for={id}>{label}</label>
      <div class="cite-row">
        <textarea
          id={id}
          readOnly
          rows={text.length > 90 ? 3 : 1}
          value={text}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" class="button button-small" aria-label={t.citeCopyWhat(label)} onClick={copy}>
          {t.citeCopy}
        </button>
      </div>
      <p class="cite-status" role="status">
        {status === "copied" ? t.citeCopied : status === "failed" ? t.citeCopyFailed : ""}
      </p>
    </div>
  );
}
