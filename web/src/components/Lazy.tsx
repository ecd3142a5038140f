import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ErrorBox, Loading } from "./Status.tsx";

/**
 * A page whose code is fetched the first time it is shown (Vite makes a chunk of each dynamic
 * import), so that visitors who never sign in never download the administration pages.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  return function LazyPage(props: P) {
    const [, setReady] = useState(0);
    const [error, setError] = useState<Error | undefined>(undefined);
    const [attempt, setAttempt] = useState(0);
    const shown = loaded !== undefined;
    useEffect(() => {
      // The code may have arrived between this render and this effect: then render again.
      if (shown) return;
      let live = true;
      loading ??= load().then((component) => (loaded = component));
      loading.then(
        () => live && setReady((n) => n + 1),
        (failure: unknown) => {
          loading = undefined;
          if (live) setError(failure instanceof Error ? failure : new Error(String(failure)));
        },
      );
      return () => {
        live = false;
      };
    }, [attempt]);
    if (loaded) {
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
