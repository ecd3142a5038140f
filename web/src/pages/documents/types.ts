/**
 * The documents API's answers as the pages read them (src/api/routes/documents.ts over
 * src/services/documents/documents.ts): documents, versions and clearances are passthroughs in the
 * OpenAPI document, so their shapes are written out here, over the label model of
 * src/domain/labels/model.ts (type-only: nothing of the server reaches the bundle).
 */
import type { AccessReason } from "../../../../src/domain/labels/access.ts";
import type {
  CategoryType,
  ConfidentialityLabel,
  LabelCategory,
  PolicyCategory,
  PolicyClassification,
  SecurityPolicy,
} from "../../../../src/domain/labels/model.ts";
import type { Language } from "../../../../src/domain/languages.ts";

export type {
  AccessReason,
  CategoryType,
  ConfidentialityLabel,
  LabelCategory,
  PolicyCategory,
  PolicyClassification,
  SecurityPolicy,
};

/** Texts in the languages given (a title, a description): at least one language for a title. */
export type Texts = Partial<Record<Language, string>>;

export type SubjectKind = "proposal" | "programme" | "exchange-return";
export const SUBJECT_KINDS: readonly SubjectKind[] = ["proposal", "programme", "exchange-return"];

/** One version of a document, as the reader may see it, with its own label and marking. */
export interface DocumentVersion {
  version: number;
  titles: Texts;
  descriptions: Texts;
  fileName: string;
  mediaType: string;
  /** Bytes. */
  size: number;
  /** The content's SHA-384, in hexadecimal. */
  sha384: string;
  /** The label as given when the version was added. */
  label: ConfidentialityLabel;
  /** The label in force today (a downgrade by date may have replaced the label). */
  labelInForce: ConfidentialityLabel;
  /** The display marking of the label in force (STANAG 4774), in the policy's words. */
  marking: string;
  /** The label in the STANAG 4774 XML syntax, exactly as bound. */
  labelXml: string;
  createdAt: string;
  createdBy: string;
}

/** A line of the library: the document's current version, with where it belongs. */
export interface DocumentSummary extends DocumentVersion {
  id: number;
  organization: string;
  originator: string;
  subject: { kind: SubjectKind; id: string } | null;
  updatedAt: string;
}

export interface LibraryResponse {
  documents: DocumentSummary[];
  /** The next page's marker (`after`), or null on the last page. */
  next: string | null;
  /** Every document the reader may see, when asked (`count=true`). */
  count?: number;
}

export interface DocumentResponse {
  id: number;
  organization: string;
  originator: string;
  subject: { kind: SubjectKind; id: string } | null;
  createdAt: string;
  createdBy: string;
  currentVersion: number;
  /** The versions the reader may see, oldest first as the server lists them. */
  versions: DocumentVersion[];
  abilities: { addVersion: boolean; explain: boolean };
}

/**
 * Why a reader may not see a document: the domain's reasons (src/domain/labels/access.ts), and
 * the few the service adds of its own (an unknown policy, another organisation, no such version).
 */
export type ExplainedReason =
  | AccessReason
  | { kind: "unknown-policy"; policy: string }
  | { kind: "other-organisation" }
  | { kind: "no-such-version" };

export interface ExplainResponse {
  reader: { id: string; displayName: string; nation: string | null };
  version: number;
  marking: string;
  /** The day of reading (YYYY-MM-DD). */
  day: string;
  /** What the reader is inside on that day: their nation, its memberships and partnerships, groups. */
  within: string[];
  decision: { allowed: true } | { allowed: false; reasons: ExplainedReason[] };
}

export interface PoliciesResponse {
  policies: SecurityPolicy[];
}

/** A problem of a label, as src/domain/labels/policies.ts's checkLabel gives it: where and what (a message of the catalogue). */
export interface LabelProblem {
  path: string;
  key: string;
  params?: Record<string, unknown>;
}

export interface MarkingResponse {
  label: ConfidentialityLabel;
  marking: string;
  problems: LabelProblem[];
}

export interface DominantResponse {
  label: ConfidentialityLabel;
  marking: string;
  xml: string;
}

export interface Clearance {
  accountId: string;
  policyId: string;
  classification: string;
  classificationRank: number;
  authorisations: string[];
  /** The last day it holds (YYYY-MM-DD). */
  expiresOn: string;
  grantedBy: string;
  grantedAt: string;
  email: string;
  displayName: string;
}

export interface ClearancesResponse {
  clearances: Clearance[];
}
