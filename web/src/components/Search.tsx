import { useEffect, useRef, useState } from "preact/hooks";
import { useI18n } from "../i18n/index.ts";
import { getJson } from "../lib/api.ts";
import { navigate } from "../lib/router.ts";
import {
  groupByKind,
  SEARCH_MAX_LENGTH,
  SEARCH_MIN_TYPED,
  type SearchAnswer,
  searchPageHref,
  searchText,
  searchUrl,
} from "../lib/search.ts";

/** How long typing must pause before the box asks the server. */
const DEBOUNCE_MS = 200;
const ID = "site-search";

/**
 * The search box in every page's header: a combobox after the WAI-ARIA pattern (an input with
 * role=combobox controlling a listbox of options grouped by kind). Typing asks the server after
 * a pause; the arrow keys move through the options, Enter opens the one chosen (or, with none,
 * the results page), Escape closes the list (and, closed, clears the text).
 */
export function Search() {
  const { t, lang } = useI18n();
  const [text, setText] = useState("");
  const [expanded, setExpanded] = useState(false);
  const [answer, setAnswer] = useState<SearchAnswer | null>(null);
  const [failed, setFailed] = useState(false);
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);

  const q = searchText(text);
  const asking = q.length >= SEARCH_MIN_TYPED;
  useEffect(() => {
    setFailed(false);
    if (!asking) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getJson<SearchAnswer>(searchUrl(q, lang), controller.signal, { cache: false })
        .then((next) => {
          setAnswer(next);
          setActive(-1);
        })
        .catch((error: unknown) => {
          if (!(error instanceof DOMException && error.name === "AbortError")) setFailed(true);
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, lang]);

  // Only the answer to what is in the box now, in the language shown now.
  const current = answer && answer.q === q && answer.lang === lang ? answer : null;
  const groups = current ? groupByKind(current.results) : [];
  const options = groups.flatMap((group) => group.results);
  const open = expanded && asking;
  const optionId = (index: number) => `${ID}-option-${index}`;

  const close = () => {
    setExpanded(false);
    setActive(-1);
  };
  const go = (href: string) => {
    close();
    setText("");
    input.current?.blur();
    navigate(href);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp": {
        event.preventDefault();
        if (!open) {
          setExpanded(true);
          return;
        }
        if (options.length === 0) return;
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActive((index) =>
          index < 0 && step < 0 ? options.length - 1 : (index + step + options.length) % options.length,
        );
        return;
      }
      case "Enter": {
        event.preventDefault();
        const chosen = open && active >= 0 ? options[active] : undefined;
        if (chosen) go(chosen.url);
        else if (q.length > 0) go(searchPageHref(q));
        return;
      }
      case "Escape":
        event.preventDefault();
        if (open) close();
        else setText("");
        return;
      case "Tab":
        close();
        return;
    }
  };

  // Keep the chosen option in view as the arrow keys move through a long list.
  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: "nearest" });
  }, [active]);

  let index = -1;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a form with the search landmark's role is read the same by every browser
    <form
      role="search"
      class="site-search"
      onSubmit={(event) => {
        event.preventDefault();
        if (q.length > 0) go(searchPageHref(q));
      }}
    >
      <label for={`${ID}-input`} class="visually-hidden">
        {t.search.label}
      </label>
      <input
        ref={input}
        id={`${ID}-input`}
        class="site-search-input"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={`${ID}-listbox`}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        aria-describedby={`${ID}-help`}
        autocomplete="off"
        spellcheck={false}
        enterKeyHint="search"
        maxLength={SEARCH_MAX_LENGTH}
        placeholder={t.search.placeholder}
        value={text}
        onInput={(event) => {
          setText(event.currentTarget.value);
          setExpanded(true);
          setActive(-1);
        }}
        onFocus={() => setExpanded(true)}
        onBlur={close}
        onKeyDown={onKeyDown}
      />
      <button type="submit" class="site-search-button" aria-label={t.search.button}>
        <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" stroke-width="2" />
          <path d="M12.7 12.7 17 17" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
        </svg>
      </button>
      <span id={`${ID}-help`} class="visually-hidden">
        {t.search.help}
      </span>
      <div class="visually-hidden" role="status" aria-live="polite">
        {open ? (failed ? t.networkError : current ? t.search.count(options.length) : t.search.searching) : ""}
      </div>
      {/* Pressing on the list must not take the focus from the input (which would close it). */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: only keeps the focus in the input; the input handles the keys */}
      <div class="search-popup" hidden={!open} onMouseDown={(event) => event.preventDefault()}>
        <div role="listbox" id={`${ID}-listbox`} aria-label={t.search.label} class="search-listbox">
          {groups.map((group) => (
            // biome-ignore lint/a11y/useSemanticElements: the WAI-ARIA listbox pattern's group of options, not a form's fieldset
            <div role="group" key={group.kind} aria-labelledby={`${ID}-group-${group.kind}`} class="search-group">
              <div role="presentation" id={`${ID}-group-${group.kind}`} class="search-group-label">
                {t.search.kinds[group.kind]}
              </div>
              {group.results.map((result) => {
                index += 1;
                const mine = index;
                return (
                  // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox's input handles the keys (aria-activedescendant)
                  <div
                    role="option"
                    tabIndex={-1}
                    key={`${result.kind}:${result.id}`}
                    id={optionId(mine)}
                    aria-selected={mine === active}
                    class={`search-option${mine === active ? " is-active" : ""}`}
                    onClick={() => go(result.url)}
                  >
                    <span class="search-option-name">{result.name}</span>
                    <span class="search-option-detail">{result.detail}</span>
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        {open && (
          <p class="search-popup-note">
            {failed ? (
              t.networkError
            ) : !current ? (
              t.search.searching
            ) : options.length === 0 ? (
              t.search.nothingFor(q)
            ) : (
              <a
                href={searchPageHref(q)}
                onClick={(event) => {
                  event.preventDefault();
                  go(searchPageHref(q));
                }}
              >
                {t.search.allResults(q)}
              </a>
            )}
          </p>
        )}
      </div>
    </form>
  );
}
