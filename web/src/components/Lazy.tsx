import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { loadText, textOf, useI18n, type TextPart } from "../i18n/index.ts";
import { ErrorBox, Loading } from "./Status.tsx";

/**
 * A page whose code is fetched the first time it is shown (Vite makes a chunk of each dynamic
 * import), so that visitors who never sign in never download the administration pages. `text`
 * names the part of the interface's text the page needs (../i18n/index.ts): fetched in the
 * reader's language alongside the code, and again should the language change before it arrived.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>, text?: TextPart): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  return function LazyPage(props: P) {
    const { lang } = useI18n();
    const [, setReady] = useState(0);
    const [error, setError] = useState<Error | undefined>(undefined);
    const [attempt, setAttempt] = useState(0);
    const shown = loaded !== undefined && (text === undefined || textOf(text, lang) !== undefined);
    useEffect(() => {
      // The code may have arrived between this render and this effect: then render again.
      if (shown) return;
      let live = true;
      loading ??= load().then(
        (component) => (loaded = component),
        (failure: unknown) => {
          loading = undefined;
          throw failure;
        },
      );
      Promise.all([loading, text && loadText(text, lang)]).then(
        () => live && setReady((n) => n + 1),
        (failure: unknown) => {
          if (live) setError(failure instanceof Error ? failure : new Error(String(failure)));
        },
      );
      return () => {
        live = false;
      };
    }, [attempt, lang]);
    if (shown && loaded) {
      const Page = loaded;
      return <Page {...props} />;
    }
    if (error) {
      return (
        <ErrorBox
          error={error}
          onRetry={() => {
            setError(undefined);
            setAttempt((n) => n + 1);
          }}
        />
      );
    }
    return <Loading />;
  };
}
