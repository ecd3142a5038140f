import { AccessErrorBox, Loading } from "../../components/Status.tsx";
import { DOCUMENT_NAV } from "../../i18n/documents/nav.ts";
import { useDocumentText } from "../../i18n/documents/index.ts";
import { ApiError } from "../../lib/api.ts";
import { navigate } from "../../lib/router.ts";
import { useSession } from "../../lib/session.tsx";
import { DocumentForm } from "./DocumentForm.tsx";
import { documentHref } from "./logic.ts";
import { Breadcrumbs, usePolicies } from "./shared.tsx";

/**
 * `/documents/new`: add a document to the library: its file, its title and description in the
 * languages given, its label (chosen from a policy, or pasted as STANAG 4774 XML) with the marking
 * previewed live, and what it belongs to, with the compilation's dominant label. Once added, its
 * page opens.
 */
export default function UploadPage() {
  const { t, lang } = useDocumentText();
  const { session } = useSession();
  const policies = usePolicies();
  const title = DOCUMENT_NAV[lang].uploadTitle;
  const allowed = session?.abilities.documents.upload;

  return (
    <div class="page page-documents page-upload">
      <Breadcrumbs trail={[{ href: "/documents", label: t.libraryCrumb }]} current={title} />
      <div class="page-heading">
        <h1>{title}</h1>
        <p class="lede">{t.uploadIntro}</p>
      </div>
      {!allowed ? (
        <AccessErrorBox error={new ApiError(t.uploadNotAllowed, session?.account ? 403 : 401, "forbidden")} />
      ) : policies.error ? (
        <AccessErrorBox error={policies.error} onRetry={policies.retry} />
      ) : !policies.data ? (
        <Loading />
      ) : (
        <DocumentForm
          policies={policies.data.policies}
          idPrefix="upload"
          onDone={(document) => navigate(documentHref(document.id))}
        />
      )}
    </div>
  );
}
