/**
 * English text of the annual information exchanges' pages (the regimes and who reported, a
 * regime's forms, publications and comparisons, a state's return), loaded with those pages.
 * `ExchangeMessages` is its type; every other language is declared as `ExchangeMessages`, so
 * TypeScript rejects a missing or an extra key. The codes named here are those of
 * src/domain/exchanges.ts.
 */
import type { ComplianceStatus, ExchangeReturnStatus, FieldKind } from "../../../../src/domain/exchanges.ts";

const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

export const en = {
  // ------------------------------------------------------------------ the exchanges
  exchangesIntro:
    "Every year states report to each other on their defence expenditure, their forces and the confidence-building measures they apply. Each exchange has its forms and its deadline; the dashboard shows who reported on time, late or not at all.",
  regimesHeading: "The exchanges",
  regimeRestricted: "Participating states only",
  regimePublic: "Public",
  restrictedHint: "Its returns, and who reported, are shown to the states taking part and the secretariat only.",
  publicHint: "Its returns, and who reported, are public.",
  factParticipants: "Who takes part",
  factDeadline: "Deadline",
  factNextDeadline: "Next deadline",
  factFirstYear: "First reporting year",
  factForms: "Forms",
  factKeeper: "Kept by",
  participantsOrganisation: (org: string) => `The member states of ${org} on each year's deadline day`,
  participantsAll: "Every state, as the registry knows them on each year's deadline day",
  keeperOrganisation: (org: string) => `the secretariat of ${org}`,
  keeperNone: "no single organisation: every state may report",
  deadlineAssumed: "(the team's assumption: no source held gives this regime's deadline)",
  deadlineRule: (monthDay: string, offset: number) =>
    offset === 0
      ? `By ${monthDay} of the reporting year`
      : offset === 1
        ? `By ${monthDay} of the year after the reporting year`
        : offset === -1
          ? `By ${monthDay} of the year before the reporting year (the information is valid from 1 January)`
          : offset > 0
            ? `By ${monthDay}, ${offset} years after the reporting year`
            : `By ${monthDay}, ${-offset} years before the reporting year`,
  nextDeadline: (date: string, year: number) => `${date}, for ${year}`,
  formVersion: (name: string, version: number) => `${name} (version ${version})`,
  formYears: (from: number, until: number | null) =>
    until === null ? `for the reporting years from ${from}` : `for the reporting years ${from} to ${until}`,
  openDashboard: "Who reported",
  openDashboardOf: (name: string) => `Who reported: ${name}`,
  openRegime: "Forms, publications and comparisons",
  openRegimeOf: (name: string) => `Forms, publications and comparisons: ${name}`,

  // ------------------------------------------------------------------ the dashboard
  dashboardHeading: (name: string) => `Who reported: ${name}`,
  dashboardIntro:
    "Each state taking part, year by year: on time, late, missing, or not yet due. Choose the exchange and the reporting years.",
  dashboardControls: "Choose the exchange and the years",
  chooseRegime: "Exchange",
  fromYear: "From the reporting year",
  toYear: "To the reporting year",
  yearsLimit: (max: number) => `Up to ${max} years at a time.`,
  statuses: {
    "on-time": "On time",
    late: "Late",
    missing: "Missing",
    "not-yet-due": "Not yet due",
  } satisfies Record<ComplianceStatus, string>,
  statusMeanings: {
    "on-time": "submitted by the deadline",
    late: "submitted after the deadline",
    missing: "nothing submitted, and the deadline has passed",
    "not-yet-due": "nothing submitted yet, and the deadline has not passed",
  } satisfies Record<ComplianceStatus, string>,
  notTakingPart: "Did not take part",
  notTakingPartMeaning: "not a participant that year",
  legendHeading: "What the marks mean",
  summaryHeading: "Year by year",
  summaryCaption: (name: string) => `How many states reported, year by year: ${name}`,
  colYear: "Reporting year",
  colYearShort: "Year",
  colDeadline: "Deadline",
  colParticipants: "Taking part",
  gridHeading: "State by state",
  gridCaption: (name: string, from: number, to: number) => `${name}: each state's status, ${from} to ${to}`,
  colState: "State",
  dueOn: (date: string) => `due ${date}`,
  submittedOn: (date: string) => `submitted ${date}`,
  cellOpenReturn: (state: string, year: number, status: string) => `${state}, ${year}: ${status}. Open the return`,
  cellFillIn: (state: string, year: number, status: string) => `${state}, ${year}: ${status}. Fill in the return`,
  fillIn: "fill in",
  yourDelegation: "your delegation",
  ownReturnsHint: (state: string) =>
    `You speak for ${state}: open one of its marks below to fill in, submit or correct that year's return.`,
  showRecord: (state: string) => `Show the record of ${state}`,
  noParticipants: "Nobody takes part in these years: the registry holds no member of the exchange on their deadlines.",
  others: (list: string) => `Also returned something without taking part: ${list}.`,
  readingYears: "Reading who reported…",

  // A restricted exchange, to a reader who may not see it
  restrictedHeading: "Shared among the participating states only",
  restrictedSignIn: (org: string) =>
    `Its returns, and who reported, are shared among the states taking part and the secretariat of ${org}. Sign in with an account of a participating state's delegation to ${org} to see them.`,
  restrictedForbidden: (org: string) =>
    `Its returns, and who reported, are shared among the states taking part and the secretariat of ${org}. Your account speaks for none of them in these years.`,
  restrictedStillPublic: "The exchange's forms and publications stay public:",

  // A state's record
  recordHeading: (state: string, from: number, to: number) => `The record of ${state}, ${from} to ${to}`,
  recordNone: (state: string) => `${state} did not take part in these years.`,
  recordCounts: "Times each",
  closeRecord: "Close the record",

  // ------------------------------------------------------------------ a regime
  dashboardLink: "See who reported, year by year",
  yourReturn: (state: string, year: number) => `The return of ${state} for ${year}`,
  formsHeading: "Forms",
  formsIntro:
    "What a return gives: each form's fields, tables and totals. A new version of a form is for the years after it; a return keeps the version it was made with.",
  nilAllowed: "A state with nothing to report may give a nil report.",
  whatFormAsks: "What the form asks",
  fieldKinds: {
    amount: "amount",
    number: "number",
    integer: "whole number",
    text: "text",
    choice: "choice",
  } satisfies Record<FieldKind, string>,
  matrixSummary: (rows: number, columns: number) =>
    `a table of ${rows} rows by ${columns} columns, with row, column and grand totals`,
  matrixRows: "Rows",
  matrixColumns: "Columns",
  requiredMark: "required",
  totalsHeading: "Totals checked",
  totalIsSumOf: (total: string, parts: string) => `${total} is the sum of ${parts}`,
  units: { items: "items", persons: "persons" } as Record<string, string>,
  optionsOf: (options: string) => `one of: ${options}`,
  severalOf: (options: string) => `any of: ${options}`,

  // Publications
  publicationsHeading: "Publications",
  publicationsIntro: "What the exchange's publications said, figure by figure, as the sources give them.",
  publishedBy: (publisher: string, date: string) => `${publisher}, ${date}`,
  coversYears: (from: number, to: number) => `Covers the years ${from} to ${to}.`,
  figuresHeading: "Figures",
  figuresCaption: (title: string) => `The figures of ${title}`,
  colWhat: "What",
  colYears: "Years",
  colFigure: "Figure",
  colSource: "Source",
  scopeRegion: "All participating states",
  measureShareOfGdp: (value: string) => `${value} of GDP`,
  measurePerCapita: (value: string) => `${value} per inhabitant`,
  measureShareOfRegion: (value: string) => `${value} of the region's total`,
  measureShareOfTotal: (value: string) => `${value} of the total`,
  average: "on average",
  reconstructed: "Reconstructed",
  reconstructedHint: "aggregated over states or years by whoever reported it, not a state's own return",
  asReported: "As reported",
  submissionsHeading: "Returns received",
  submissionsCaption: (title: string) => `The returns received for ${title}`,
  colReceivedBy: "Received by",
  publicationSources: "Sources",
  sourceNote: (n: number, source: string) => `Source ${n}: ${source}`,
  publicationSource: "The publication's source",
  scaledAmount: (amount: string, currency: string, scale: number) =>
    scale === 1_000
      ? `${currency} ${amount} thousand`
      : scale === 1_000_000
        ? `${currency} ${amount} million`
        : scale === 1_000_000_000
          ? `${currency} ${amount} billion`
          : `${currency} ${amount}`,

  // Comparisons
  comparisonHeading: "Comparison across states and years",
  comparisonIntro:
    "Each submitted return's total, per inhabitant and as a share of GDP where the return gives them. Shares of GDP compare across states as they are; money compares within one currency only.",
  metricLabel: "Measure",
  metrics: { shareOfGdp: "Share of GDP", perCapita: "Per inhabitant", total: "Total expenditure" },
  chartTitle: (metric: string, from: number, to: number) => `${metric}, ${from} to ${to}`,
  chartDescription: (metric: string, items: string) => `${metric}: ${items}.`,
  barText: (state: string, year: number, value: string) => `${state} ${year}: ${value}`,
  inCurrency: (currency: string) => `In ${currency}`,
  noCurrency: "Currency not named",
  showComparisonTable: "Figures as a table",
  comparisonCaption: (from: number, to: number) => `Submitted returns, ${from} to ${to}`,
  colTotal: "Total",
  colPopulation: "Population",
  colGdp: "GDP",
  colPerCapita: "Per inhabitant",
  colShareOfGdp: "Share of GDP",
  noComparison: "No return was submitted for these years.",
  comparisonWhat: (from: number, to: number) => `the submitted returns, ${from} to ${to}`,
  notShownFor: (list: string) => `Not drawn, for want of the figure: ${list}.`,
  noValue: "—",

  // ------------------------------------------------------------------ a return
  returnHeading: (state: string, year: number) => `The return of ${state} for ${year}`,
  factForm: "Form",
  factDueBy: "Due by",
  factStatus: "Status",
  factTimeliness: "Timeliness",
  notSubmitted: "Not submitted",
  draftSavedOn: (when: string) => `A draft saved ${when}`,
  submittedWhen: (when: string) => `Submitted ${when}`,
  firstSubmittedWhen: (when: string) => `first submitted ${when}`,
  noFormForYear: (year: number) => `No form of this exchange is for ${year}.`,
  nothingSubmitted: (state: string, year: number) => `${state} has submitted nothing for ${year} yet.`,
  readOnlyNote: "The return as submitted. Only the state's own delegation writes it.",
  formHeading: "Fill in the return",
  correctHeading: "Correct the return",
  formIntro:
    "Fill in what the state reports and save the draft: the form says under each field what it refuses. Submit when it refuses nothing; until then the draft is seen by the delegation and the secretariat only.",
  totalsHint:
    "A total left empty is computed from its parts (shown in grey) and saved with the draft; a total you type is checked against its parts.",
  currencyHeading: "Currency and scale",
  currencyLabel: "Currency",
  currencyHint: "Three capital letters (ISO 4217): COP, USD, EUR.",
  scaleLabel: "Amounts are in",
  scales: {
    1: "units of the currency",
    1000: "thousands",
    1000000: "millions",
    1000000000: "billions",
  } as Record<number, string>,
  amountsIn: (scale: number, currency: string) =>
    scale === 1_000
      ? `in thousands of ${currency}`
      : scale === 1_000_000
        ? `in millions of ${currency}`
        : scale === 1_000_000_000
          ? `in billions of ${currency}`
          : `in ${currency}`,
  noCurrencyYet: "the currency named above",
  nilLabel: "Nil report: the state has nothing to report this year",
  nilHint: "A nil report gives no figures.",
  unitOf: (field: string) => `Unit of ${field}`,
  chooseUnit: "Choose the unit",
  totalWord: "Total",
  cellLabel: (row: string, column: string) => `${row}, ${column}`,
  computedTotal: (value: string) => `Computed from its parts: ${value}`,
  partsAddUpTo: (expected: string) => `Its parts add up to ${expected}.`,
  totalWaits: "Computed from its parts once they agree.",
  saveDraft: "Save draft",
  saving: "Saving…",
  submitReturn: "Submit the return…",
  submitting: "Submitting…",
  draftSaved: "Draft saved. The form refuses nothing: the return can be submitted.",
  draftRefused: (n: number) =>
    `Draft saved, but the form refuses ${count(n, "thing", "things")}: fix ${n === 1 ? "it" : "them"} before submitting.`,
  notSubmittedRefused: (n: number) =>
    `Not submitted: the form refuses ${count(n, "thing", "things")}. The draft is saved; fix ${n === 1 ? "it" : "them"} and submit again.`,
  refusalsHeading: "What the form refuses",
  refusalLine: (field: string, message: string) => `${field}: ${message}`,
  confirmSubmitTitle: (state: string, year: number) => `Submit the return of ${state} for ${year}?`,
  confirmSubmitText: (state: string, year: number, regime: string, restricted: boolean) =>
    `Submit the return of ${state} for ${year} to the exchange “${regime}”: ${
      restricted ? "the other participating states will be able to read it" : "anyone will be able to read it"
    }.`,
  confirmCorrection: (date: string) =>
    `It corrects the return submitted ${date}, which stays readable as an earlier version; the return still counts as submitted on its first day.`,
  confirmLate: (deadline: string) => `The deadline was ${deadline}: the return will count as late.`,
  confirmSubmit: "Submit the return",
  cancelSubmit: "Not now",
  submittedStatus: (state: string, year: number) => `Submitted: the return of ${state} for ${year} is in the exchange.`,
  seeDashboard: "See who reported",
  versionsHeading: "Versions",
  versionsIntro:
    "Every version of this return you may read, the newest first: a correction supersedes the submitted return, which stays readable.",
  versionStatuses: {
    draft: "Draft",
    submitted: "Submitted",
    superseded: "Superseded",
  } satisfies Record<ExchangeReturnStatus, string>,
  versionTitle: (id: number) => `Version ${id}`,
  savedWhen: (when: string) => `saved ${when}`,
  showVersion: "Show this version",
  noVersions: "No version yet.",
  nilReport: "Nil report: nothing to report.",
  computedMark: "computed",
  formOfVersion: (name: string, version: number) => `${name}, version ${version}`,
  returnOfState: (state: string) => `The return of ${state}`,
};

export type ExchangeMessages = typeof en;
