/**
 * The exchanges API's answers as the pages read them (src/api/routes/exchanges.ts): regimes,
 * forms and returns are passthroughs in the OpenAPI document, so their shapes are written out
 * here, over the domain's own types (src/domain/exchanges.ts).
 */
import type {
  ComplianceStatus,
  ExchangeForm,
  ExchangeRegime,
  ExchangeReturnStatus,
  ReturnValues,
} from "../../../../src/domain/exchanges.ts";
import type { Names } from "../../../../src/domain/languages.ts";

export type { ComplianceStatus, ExchangeForm, ExchangeRegime, ExchangeReturnStatus, ReturnValues };

export interface RegimeSummary {
  regime: ExchangeRegime;
  /** The organisation whose secretariat keeps the regime (null: open to every state, the UN report). */
  organization: string | null;
  restricted: boolean;
  forms: ExchangeForm[];
  /** The latest reporting year a return may be given for today, and its deadline. */
  latestYear: number;
  deadline: string;
  /** What the reader may do under the regime (the server's policy): whose return it writes, if any. */
  abilities: RegimeAbilities;
}

export interface RegimeAbilities {
  writeReturnFor: string | null;
}

export interface RegimesResponse {
  regimes: RegimeSummary[];
}

/** A figure of a publication, as the sources give it. */
export interface PublicationFigure {
  /** "region", or a state's code. */
  scope: string;
  from: number;
  to: number;
  /** The form's field the figure is about (`expenditure.total.total`). */
  field: string;
  measure: "amount" | "share-of-gdp" | "per-capita" | "share-of-region" | "share-of-total" | string;
  value: number;
  currency?: string;
  scale?: number;
  /** An average over the years. */
  average?: boolean;
  /** Aggregated over states or years by whoever wrote the figure down, not a state's own return. */
  reconstructed: boolean;
  source: string;
  quote?: string;
  locator?: string;
}

export interface PublicationSubmission {
  state: string;
  from: number;
  to: number;
  /** A date of partial precision: `2012-01` or `2012-05-10`. */
  by: string;
  reconstructed: boolean;
  source: string;
  quote?: string;
}

export interface Publication {
  id: string;
  regime: string;
  form?: string;
  titles: Names;
  publisher?: string;
  published?: string;
  from: number;
  to: number;
  note?: string;
  source?: string;
  quote?: string;
  figures: PublicationFigure[];
  submissions?: PublicationSubmission[];
}

export interface RegimeResponse {
  regime: ExchangeRegime;
  organization: string | null;
  restricted: boolean;
  forms: ExchangeForm[];
  publications: Publication[];
  abilities: RegimeAbilities;
}

export interface StateCompliance {
  state: string;
  status: ComplianceStatus;
  submitted?: string;
}

export interface ComplianceResponse {
  regime: string;
  year: number;
  at: string;
  deadline: string;
  states: StateCompliance[];
  summary: Record<ComplianceStatus, number> & { participants: number };
  others: string[];
}

export interface ComparisonRow {
  state: string;
  year: number;
  currency: string | null;
  scale: number;
  total?: number;
  population?: number;
  gdp?: number;
  perCapita?: number;
  shareOfGdp?: number;
}

export interface ComparisonResponse {
  regime: string;
  rows: ComparisonRow[];
}

/** One version of a state's return (a row of exchange_returns); moments are PostgreSQL's text. */
export interface ReturnVersion {
  id: number;
  regimeCode: string;
  formCode: string;
  formVersion: number;
  stateCode: string;
  year: number;
  values: ReturnValues;
  status: ExchangeReturnStatus;
  supersedes: number | null;
  createdAt: string;
  createdBy: string;
  submittedAt: string | null;
  submittedBy: string | null;
  firstSubmittedAt: string | null;
}

export interface ReturnResponse {
  regime: string;
  state: string;
  year: number;
  deadline: string;
  /** The versions the reader may see, the newest first. */
  versions: ReturnVersion[];
  /** Whether the reader writes this return (its state's delegation). */
  abilities: { write: boolean };
}

export interface ReturnRefusal {
  field: string;
  key: string;
  /** In the reader's language. */
  message: string;
}

export interface DraftResponse {
  return: ReturnVersion;
  errors: ReturnRefusal[];
}

export interface SubmissionResponse {
  return: ReturnVersion;
  corrects: number | null;
}
