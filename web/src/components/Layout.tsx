import type { ComponentChildren } from 'preact';
import { ENDONYMS, isLang, LANGS, useI18n } from '../i18n/index.ts';
import { Link } from './Link.tsx';

export function Layout({ children, path }: { children: ComponentChildren; path: string }) {
  const { t, lang, setLang } = useI18n();
  return (
    <>
      <a class="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header class="site-header">
        <div class="container header-inner">
          <Link href="/" class="brand">
            <svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <circle cx="16" cy="16" r="11" fill="none" stroke="currentColor" stroke-width="2.5" />
              <circle cx="16" cy="16" r="4" fill="currentColor" />
            </svg>
            <span class="brand-text">
              <span class="brand-name">{t.appName}</span>
              <span class="brand-tagline">{t.tagline}</span>
            </span>
          </Link>
          <nav class="site-nav" aria-label={t.mainNavigation}>
            <ul>
              <li>
                <Link href="/" aria-current={path === '/' ? 'page' : undefined}>
                  {t.navMap}
                </Link>
              </li>
            </ul>
          </nav>
          <div class="lang-switch">
            <label for="lang-select">{t.language}</label>
            <select
              id="lang-select"
              value={lang}
              onChange={(event) => {
                const value = event.currentTarget.value;
                if (isLang(value)) setLang(value);
              }}
            >
              {LANGS.map((code) => (
                <option value={code} lang={code}>
                  {ENDONYMS[code]}
                </option>
              ))}
            </select>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} class="container">
        {children}
      </main>
      <footer class="site-footer">
        <div class="container">
          <p>{t.footer}</p>
          <p>
            <a href="/api/v1/organizations">{t.apiLink}</a>
          </p>
        </div>
      </footer>
    </>
  );
}
