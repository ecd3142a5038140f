import { Link } from "../components/Link.tsx";
import { useI18n } from "../i18n/index.ts";

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <div class="page page-not-found">
      <h1>{t.notFoundTitle}</h1>
      <p>{t.notFoundText}</p>
      <p>
        <Link href="/">{t.backToMap}</Link>
      </p>
    </div>
  );
}
