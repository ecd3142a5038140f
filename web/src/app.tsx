import { useEffect, useMemo, useState } from 'preact/hooks';
import { Layout } from './components/Layout.tsx';
import { catalogues, I18nContext, initialLang, storeLang, type I18n, type Lang } from './i18n/index.ts';
import { matchRoute, useLocation } from './lib/router.ts';
import { ActorPage } from './pages/ActorPage.tsx';
import { MapPage } from './pages/MapPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OrganizationPage } from './pages/OrganizationPage.tsx';
import { RelationPage } from './pages/RelationPage.tsx';

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const location = useLocation();
  const route = matchRoute(location.path);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const i18n = useMemo<I18n>(
    () => ({
      lang,
      t: catalogues[lang],
      setLang: (next) => {
        storeLang(next);
        setLang(next);
      },
    }),
    [lang],
  );

  useEffect(() => {
    const t = catalogues[lang];
    const page =
      route.name === 'map' ? t.mapTitle : route.name === 'organization' || route.name === 'actor' ? route.code : route.name === 'relation' ? `${t.relation} ${route.id}` : t.notFoundTitle;
    document.title = `${page} · ${t.appName}`;
  }, [lang, location.path]);

  return (
    <I18nContext.Provider value={i18n}>
      <Layout path={location.path}>
        {route.name === 'map' ? (
          <MapPage location={location} />
        ) : route.name === 'organization' ? (
          <OrganizationPage key={route.code} code={route.code} location={location} />
        ) : route.name === 'actor' ? (
          <ActorPage key={route.code} code={route.code} location={location} />
        ) : route.name === 'relation' ? (
          <RelationPage key={route.id} id={route.id} />
        ) : (
          <NotFoundPage />
        )}
      </Layout>
    </I18nContext.Provider>
  );
}
