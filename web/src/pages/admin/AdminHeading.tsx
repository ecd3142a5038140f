import { Link } from "../../components/Link.tsx";
import { useText } from "../../i18n/accounts/index.ts";
import { useSession } from "../../lib/session.tsx";

/** The administration pages' heading and the tabs between them. */
export function AdminHeading({
  current,
  title,
  intro,
}: {
  current: "accounts" | "delegations";
  title: string;
  intro: string;
}) {
  const { t } = useText();
  const { session } = useSession();
  const organization = session?.account?.organization;
  return (
    <>
      <div class="page-heading">
        <p class="eyebrow">
          {t.navAdministration}
          {organization && ` · ${organization}`}
        </p>
        <h1>{title}</h1>
        <p class="lede">{intro}</p>
      </div>
      <nav class="tabs" aria-label={t.navAdministration}>
        <ul>
          <li>
            <Link href="/admin/accounts" aria-current={current === "accounts" ? "page" : undefined}>
              {t.accountsTitle}
            </Link>
          </li>
          <li>
            <Link href="/admin/delegations" aria-current={current === "delegations" ? "page" : undefined}>
              {t.delegationsTitle}
            </Link>
          </li>
        </ul>
      </nav>
    </>
  );
}
