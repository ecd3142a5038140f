/**
 * English text of the labelled documents' pages (the library, a document, adding one, security
 * clearances), loaded with those pages. `DocumentMessages` is its type; every other language is
 * declared as `DocumentMessages`, so TypeScript rejects a missing or an extra key. A label's own
 * words (its policy's classifications, the display marking) are the policy's, not the interface's;
 * why a label is refused, and why a reader may not see a document, are the server's catalogue
 * (src/domain/messages/labels.ts).
 */
import type { CategoryType } from "../../../../src/domain/labels/model.ts";
import type { SubjectKind } from "../../pages/documents/types.ts";

const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

export const en = {
  // ------------------------------------------------------------------ shared
  markingCaption: "Security marking",
  fallbackNote: (language: string) => `Not given in your language: shown in ${language}.`,
  versionN: (n: number) => `Version ${n}`,
  currentTag: "current",
  subjectKinds: {
    proposal: "proposal",
    programme: "programme",
    "exchange-return": "exchange return",
  } satisfies Record<SubjectKind, string>,
  categoryTypes: {
    permissive: "Permissive: the reader's nation must be within one of the values of each",
    restrictive: "Restrictive: the reader must hold every value",
    informative: "Informative: how to handle it, not who may read it",
  } satisfies Record<CategoryType, string>,
  /** The STANAG 4774 categories' tag names in words; a tag name not listed here is shown as it is. */
  tagNames: {
    "Releasable To": "Releasable to",
    Only: "Only",
    Context: "Context",
    "Additional Sensitivity": "Additional sensitivities",
    Administrative: "Administrative markings",
  } as Record<string, string>,
  fixFields: "Some fields need attention: each says what, below it.",

  // ------------------------------------------------------------------ the library
  libraryIntro:
    "The documents of your organisation's library that you may read today: your security clearance, your authorisations and your nation's standing decide, document by document. Each shows its confidentiality label's marking.",
  uploadLink: "Add a document",
  clearancesLink: "Security clearances",
  filtersLabel: "Search and filter the library",
  searchLabel: "Words in the titles, descriptions or text",
  filterByLabel: "Filter by label",
  policyFilter: "Security policy",
  anyPolicy: "Any policy",
  maxRankFilter: "Classified at most",
  anyClassification: "Any classification",
  maxRankHint: "Choose a policy first.",
  valueFilter: "Value in the label",
  valueHint: "A nation's or a group's code, such as COL, NATO or NATO:partners; or an additional sensitivity.",
  applyFilters: "Search the library",
  clearFilters: "Clear the filters",
  countAll: (n: number) =>
    n === 1 ? "In all, you may read 1 document of the library." : `In all, you may read ${n} documents of the library.`,
  resultsHeading: "Documents",
  resultsShown: (n: number) => `${count(n, "document", "documents")} shown`,
  sizeLabel: "Size",
  updatedLabel: "Changed",
  more: "Show more documents",
  loadingMore: "Loading more documents…",
  emptyHeading: "No documents to show",
  emptyFiltered: "No document you may read matches these filters.",
  emptyLibrary: "There is no document in the library that you may read today.",
  emptyWhy: "A document shows here only when, today:",
  whyClearance:
    "your security clearance in its policy reaches its classification (a policy's unclassified level needs none);",
  whySensitivity: "you hold every additional sensitivity it carries;",
  whyNation:
    "your delegation's nation is within each of its permissive categories, such as Releasable To: a nation, or a group like NATO or NATO:partners as the registry has it today.",
  whyAsk:
    "If you expect a document here, ask your organisation's administrator about your clearance, or the document's originator why you may not see it.",

  // ------------------------------------------------------------------ a document
  libraryCrumb: "Document library",
  earlierVersion: (current: number) => `This is an earlier version. The current one is version ${current}.`,
  seeCurrent: "See the current version",
  factsHeading: "About this document",
  factFile: "File",
  factType: "Kind of file",
  factSize: "Size",
  factVersion: "Version",
  factAdded: "Added",
  factAddedBy: "Added by",
  factOriginator: "Originator",
  factSubject: "Part of",
  factDigest: "SHA-384 of the content",
  versionOfTotal: (n: number, current: number) => `${n} (the current version is ${current})`,
  otherLanguages: (n: number) => (n === 1 ? "In 1 other language" : `In ${n} other languages`),
  downloadsHeading: "Download",
  downloadContent: (file: string) => `The document (${file})`,
  downloadBinding: "Its STANAG 4778 binding (.binding.xml)",
  downloadHint:
    "The binding ties the label to the content's SHA-384 and is signed by Concord: the command “concord documents verify” checks a file against it.",
  labelHeading: "Confidentiality label",
  labelPolicy: "Policy",
  labelClassification: "Classification",
  labelCreated: "Labelled",
  labelOriginator: "Originator",
  labelReview: "Review date",
  labelNone: "None",
  labelSuccession: "Downgrades",
  successionStep: (day: string, classification: string) => `From ${day}: ${classification}`,
  labelDowngraded: (day: string) =>
    `Downgraded by date: the label in force since ${day} is the one shown in the banner.`,
  noCategories: "No categories.",
  labelXmlSummary: "The label in STANAG 4774 XML",
  versionsHeading: "Versions",
  versionsIntro: "Each version carries its own label; only the versions you may read are listed.",
  shownTag: "shown",
  openVersion: (n: number) => `Open version ${n}`,

  // ------------------------------------------------------------------ why a reader may not see it
  explainHeading: "Why can't a reader see this?",
  explainIntro:
    "As its originator, you may ask whether an account of your organisation may read this document's current version today, and if not, why. The reader is never told.",
  readerLabel: "The reader's account",
  readerHintList: "Choose an account of your organisation, or paste its identifier.",
  readerHintId: "The address the reader signs in with, or their account's identifier.",
  readerRequired: "Choose or paste an account.",
  explainButton: "Ask",
  explaining: "Asking…",
  explainAllowed: (name: string, day: string) => `${name} may read it on ${day}.`,
  explainRefused: (name: string, day: string) => `${name} may not read it on ${day}, because:`,
  explainReaderTerm: "Reader",
  explainNation: (nation: string) => `Delegation of ${nation}`,
  explainNoNation: "The reader belongs to no delegation.",
  explainWithin: "On that day, the reader is within",
  explainWithinNothing: "no nation or group",
  reasonUnknownPolicy: (policy: string) => `Concord knows no security policy ${policy}, so nobody may read it.`,
  reasonOtherOrganisation: "The document is in another organisation's library.",
  reasonNoSuchVersion: "There is no such version.",

  // ------------------------------------------------------------------ adding a document or a version
  uploadIntro:
    "The document is kept with its confidentiality label, bound to its content and signed (STANAG 4778). Only readers the label allows learn that it exists, and you must be one of them.",
  uploadNotAllowed: "Your role does not add documents to the library.",
  fileField: "File",
  chooseFile: "Choose the file",
  noFileChosen: "No file chosen yet",
  fileHint: (mb: number) => `PDF, office documents, text or images, up to ${mb} MB.`,
  fileRequired: "Choose the file.",
  titlesHeading: "Title and description",
  titleIn: (language: string) => `Title in ${language}`,
  descriptionIn: (language: string) => `Description in ${language}`,
  titlesHint: "A title in at least one language; readers see theirs, or another if theirs is missing.",
  otherLanguagesSummary: "Title and description in other languages",
  titleRequired: "Give a title in at least one language.",
  labelModeLegend: "How to give the label",
  labelModeBuild: "Choose it from its policy",
  labelModeXml: "Paste a label in STANAG 4774 XML",
  policyField: "Security policy",
  classificationField: "Classification",
  classificationHint:
    "From the lowest to the highest. Readers need a clearance at least this high, except at the policy's unclassified level.",
  codesHint:
    "Codes separated by commas: a state (COL), an organisation's members on the day of reading (NATO), its partners (NATO:partners), the partners of one of its frameworks (NATO:partners-across-the-globe), or a group of the policy.",
  addCode: (code: string) => `Add ${code}`,
  suggestions: "Add",
  restrictiveHint: "Readers must hold an authorisation for each value ticked.",
  informativeHint: "How to handle the document; no effect on who may read it.",
  permissiveListedHint: "Readers must be within at least one value ticked.",
  reviewField: "Review date",
  reviewHint: "The day the label should be looked at again.",
  successionLegend: "Downgrade on a date",
  successionFrom: "From the day",
  successionClassification: "Lower classification",
  successionNone: "No downgrade",
  successionHint:
    "From that day on the document is read at the lower classification, with the same categories: the change happens by itself.",
  xmlField: "Label (STANAG 4774 XML)",
  xmlHint: "An originatorConfidentialityLabel in the namespace urn:nato:stanag:4774:confidentialitymetadatalabel:1:0.",
  previewHeading: "Marking preview",
  previewHint: "As the banner will show it, at the top and at the bottom of every view of the document.",
  previewWaiting: "Choose a policy and a classification to see the marking.",
  previewWaitingXml: "Paste the label to see its marking.",
  previewChecking: "Checking the label…",
  previewProblems: (n: number) =>
    n === 1
      ? "The policy refuses 1 thing in this label: it is said under its field."
      : `The policy refuses ${n} things in this label: each is said under its field.`,
  previewFailed: "The marking could not be shown:",
  subjectLegend: "Part of a compilation",
  subjectHint:
    "A proposal with its attachments, a programme with its documents: the compilation carries the dominant label of its parts.",
  subjectKindField: "Belongs to",
  subjectNone: "Nothing",
  subjectIdField: "Its identifier",
  dominantHeading: "Dominant label of the compilation",
  dominantHint: (n: number) =>
    n === 1
      ? "Over this document and the 1 other part of it you may read: the highest classification, the permissive categories intersected, the others united."
      : `Over this document and the ${n} other parts of it you may read: the highest classification, the permissive categories intersected, the others united.`,
  dominantAlone: "You may read no other part of it yet: the compilation's label is this document's.",
  dominantFailed: "The dominant label could not be made:",
  uploadButton: "Add the document",
  uploading: "Adding the document…",
  addVersionHeading: "Add a version",
  addVersionOpen: "Choose the new file and its label",
  addVersionIntro: "A new file with its own label. Earlier versions stay readable to the readers their labels allow.",
  addVersionButton: "Add the version",
  addingVersion: "Adding the version…",
  versionAdded: (n: number) => `Version ${n} added.`,
  optionalDetails: "Review date and downgrade",

  // ------------------------------------------------------------------ clearances
  clearancesIntro:
    "A personnel security clearance lets an account read documents up to a classification of a policy, until the last day it holds; additional sensitivities are authorised one by one. A change holds from the account's next request.",
  clearancesNotAllowed: "Only your organisation's administrators grant security clearances.",
  clearancesListHeading: "Clearances held",
  colAccount: "Account",
  colPolicy: "Policy",
  colClassification: "Up to",
  colAuthorisations: "Additional sensitivities",
  colExpires: "Last day",
  colGranted: "Granted by",
  colActions: "Actions",
  noneAuthorised: "None",
  expiredTag: "Expired",
  grantedByOn: (name: string, date: string) => `${name}, ${date}`,
  noClearances: "No account of your organisation holds a clearance yet.",
  changeButton: "Change",
  changeFor: (name: string, policy: string) => `Change the clearance of ${name} in ${policy}`,
  withdraw: "Withdraw",
  withdrawFor: (name: string, policy: string) => `Withdraw the clearance of ${name} in ${policy}`,
  grantHeading: "Grant or change a clearance",
  accountField: "Account",
  chooseAccount: "Choose an account",
  accountRequired: "Choose the account.",
  authorisationsLegend: "Additional sensitivities authorised",
  noSensitivities: "This policy has no additional sensitivities.",
  expiresField: "Last day it holds",
  expiresRequired: "Give the last day it holds.",
  grantButton: "Grant the clearance",
  granting: "Granting…",
  granted: (name: string, classification: string, policy: string) =>
    `${name} may now read documents up to ${classification} in ${policy}, from their next request.`,
  withdrawTitle: (name: string, policy: string) => `Withdraw the clearance of ${name} in ${policy}?`,
  withdrawText: (name: string, unclassified: string, policy: string) =>
    `${name} will no longer read documents above ${unclassified} in the ${policy} policy from their next request.`,
  withdrawConfirm: "Withdraw the clearance",
  withdrawCancel: "Keep it",
  withdrawn: (name: string, policy: string) => `The clearance of ${name} in ${policy} is withdrawn.`,
};

export type DocumentMessages = typeof en;
