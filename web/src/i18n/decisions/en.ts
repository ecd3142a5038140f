import type { NoticeKind, NoticeStage, RequestableKind } from "../../../../src/domain/decisions.ts";
import type { MajorityBase, ProcedureKind } from "../../../../src/domain/procedures.ts";
import type { PositionKind, ProposalPurpose, ProposalStatus } from "../../lib/types.ts";

/**
 * English text of the decisions pages (proposals, positions, outcomes, requests and notices),
 * loaded with those pages. `DecisionMessages` is its type; every other language is declared as
 * `DecisionMessages`, so TypeScript rejects a missing or an extra key.
 */
export const en = {
  // Words shared by the forms
  cancel: "Cancel",
  sending: "Sending…",
  required: "(required)",
  yourTimeZone: (zone: string) => `Your time zone: ${zone}.`,
  signInForDecisions: "Sign in to follow and take part in decisions.",

  // Live updates
  liveConnecting: "Connecting to live updates…",
  liveOn: "Live: changes appear as they happen",
  liveOff: "Live updates paused: reload the page to see changes",

  // The list (/proposals)
  decisionsIntro:
    "Proposals before the bodies you take part in: what is open, what waits for your delegation, and what was decided.",
  views: "Proposals",
  viewOpen: "Open",
  viewNeeds: "Needs our position",
  viewClosed: "Closed",
  allBodies: "All bodies",
  filterBody: "Body",
  noOpen: "No proposal is open.",
  noNeeds: "Your delegation has taken a position on every open proposal.",
  noClosed: "No proposal has been decided yet.",
  proposalsCaption: {
    open: "Open proposals",
    needs: "Open proposals waiting for your delegation’s position",
    closed: "Closed proposals, with their outcomes",
  } satisfies Record<"open" | "needs" | "closed", string>,
  colProposal: "Proposal",
  colProcedure: "Procedure",
  colDeadline: "Deadline",
  colPositions: "Positions",
  colOutcome: "Outcome",
  colDecided: "Decided",
  noDeadline: "No deadline",
  positionsTaken: (taken: number, members: number) => `${taken} of ${members}`,
  needsYou: "Needs our position",
  reconstructed: "Reconstructed",
  reconstructedHint: "A historical decision entered from the sources, not taken in Concord.",
  showOlder: "Show older proposals",
  count: (n: number) => (n === 1 ? "1 proposal" : `${n} proposals`),

  // Statuses and purposes
  statuses: {
    open: "Open",
    adopted: "Adopted",
    "not-adopted": "Not adopted",
    withdrawn: "Withdrawn",
  } satisfies Record<ProposalStatus, string>,
  purposes: {
    general: "Proposal",
    request: "Request",
    designation: "Designation",
    revocation: "Revocation",
    programme: "Programme",
  } satisfies Record<ProposalPurpose, string>,

  // Procedures
  consensus: "Consensus",
  silence: "Silence procedure",
  silenceUntil: (deadline: string) => `Silence procedure until ${deadline}`,
  unilateral: "Unilateral decision",
  majorityName: "Majority",
  majority: (threshold: string, base: string, quorum: string) => `Majority: ${threshold} of ${base}, quorum ${quorum}`,
  simpleMajority: (base: string, quorum: string) => `Simple majority of ${base}, quorum ${quorum}`,
  bases: {
    "all-members": "all members",
    "present-and-voting": "those present and voting",
  } satisfies Record<MajorityBase, string>,
  abstentionsCounted: "abstentions count as votes cast",
  procedureHints: {
    consensus: "Adopted when every member concurs. An objection blocks it.",
    silence:
      "Adopted at the deadline unless a member breaks silence by objecting or proposing an amendment in writing.",
    majority: "Decided at the deadline by the votes cast.",
    unilateral: "Decided by one state alone.",
  } satisfies Record<ProcedureKind, string>,

  // Positions
  positionNames: {
    concur: "Concurs",
    "concur-with-reservation": "Concurs with a reservation",
    object: "Objects",
    amend: "Proposes an amendment",
    abstain: "Abstains",
  } satisfies Record<PositionKind, string>,
  positionChoices: {
    concur: "Concur",
    "concur-with-reservation": "Concur with a reservation",
    object: "Object",
    amend: "Propose an amendment",
    abstain: "Abstain",
  } satisfies Record<PositionKind, string>,
  positionHints: {
    concur: "Agree to the text as it stands.",
    "concur-with-reservation": "Agree, with a reservation recorded in writing.",
    object: "Block the text, stating your reasons.",
    amend: "Ask for a change to the text, stating the amendment.",
    abstain: "Take part without voting for or against.",
  } satisfies Record<PositionKind, string>,
  statementLabels: {
    concur: "Statement",
    "concur-with-reservation": "Your reservation",
    object: "Reasons for your objection",
    amend: "The amendment you propose",
    abstain: "Statement",
  } satisfies Record<PositionKind, string>,
  noPosition: "No position yet",
  brokeSilence: "Broke silence",
  yourDelegation: "Your delegation",

  // The proposal page
  proposalNotFound: (id: string) => `No proposal ${id}.`,
  backToDecisions: "All decisions",
  facts: "About this proposal",
  body: "Body",
  procedure: "Procedure",
  chair: "Chair",
  opened: "Opened",
  round: "Round",
  roundOf: (n: number) => `Round ${n}`,
  deadline: "Deadline",
  concerns: "Concerns",
  members: "Members",
  timeLeft: (duration: string) => `${duration} left`,
  deadlinePassed: "The deadline has passed. The outcome is being recorded.",
  text: "Text",
  textOfRound: (n: number) => (n === 1 ? "Text" : `Text, as recirculated in round ${n}`),
  earlierRounds: "Earlier rounds",
  roundSummary: (n: number, opened: string) => `Round ${n}, circulated ${opened}`,
  roundDeadline: (deadline: string) => `deadline ${deadline}`,
  extended: (from: string, to: string, at: string) => `Deadline extended from ${from} to ${to} (on ${at}).`,
  gridTitle: "Positions of the members",
  gridCaption: (n: number, round: number) => `Positions of the ${n} members in round ${round}`,
  colState: "Member",
  colPosition: "Position",
  colStatement: "Statement",
  colWhen: "When",
  colRound: "Round",
  tally: (taken: number, members: number) => `${taken} of ${members} members have taken a position.`,
  historyTitle: "Every position taken",
  historyIntro:
    "Oldest first, changes included. The latest position of each member in the current round is the one that counts.",
  historyCaption: "Every position taken, oldest first",
  noHistory: "No position has been taken yet.",
  noHistoryReconstructed: "Individual positions are not recorded for this historical decision.",

  // The outcome
  outcome: "Outcome",
  decidedOn: (date: string) => `Decided on ${date}`,
  decidedIn: (date: string) => `Decided in ${date}`,
  rule: "Rule",
  explanation: "Explanation",
  explanationLanguage: "As recorded (in English):",
  rules: {
    "consensus.all-concurred": "Every member concurred",
    "consensus.deadline-passed-without-consensus": "The deadline passed without consensus",
    "silence.deadline-passed-unbroken": "The deadline passed and silence was not broken",
    "silence.deadline-passed-broken": "Silence was broken before the deadline",
    "majority.threshold-met": "The majority required was reached",
    "majority.threshold-not-met": "The majority required was not reached",
    "majority.quorum-not-met": "The quorum was not met",
    "unilateral.designating-state-concurred": "The deciding state decided to adopt",
    "unilateral.designating-state-declined": "The deciding state decided not to adopt",
    "chair.closed-without-consensus": "Closed by the chair without consensus",
    "withdrawn.by-requesting-state": "Withdrawn by the requesting state",
    "withdrawn.by-chair": "Withdrawn by the chair",
  } as Record<string, string>,
  relationLink: "See the change in the registry",
  reconstructedNote: "Reconstructed from the sources: a historical decision, not taken in Concord.",
  noticesIssued: (n: number) =>
    n === 1 ? "An outcome notice went to 1 delegation." : `Outcome notices went to ${n} delegations.`,
  decisionSource: "Source",

  // Taking a position
  yourPosition: (state: string) => `Position of ${state}`,
  currentPosition: (position: string, when: string) =>
    `Your current position: ${position} (${when}). You may change it until the proposal closes.`,
  recordPosition: "Record the position",
  changePosition: "Change the position",
  choosePosition: "Choose a position.",
  statementNeeded: "Write the statement: this position must be given in writing.",
  positionRecorded: (position: string) => `Position recorded: ${position}.`,
  statementHint: "Plain text; blank lines separate paragraphs, * or - start a list.",
  breaksSilence: "Breaks silence",

  // The chair's tools
  chairTools: "The chair’s tools",
  extendTitle: "Extend the deadline",
  newDeadline: "New deadline",
  extend: "Extend",
  deadlineExtended: (deadline: string) => `Deadline extended to ${deadline}.`,
  chooseDeadline: "Choose the new date and time.",
  recirculateTitle: "Recirculate an amended text",
  recirculateIntro: "Opens a new round: every member takes a position afresh; earlier rounds are kept.",
  amendedText: "Amended text",
  recirculate: "Recirculate",
  recirculated: (round: number) => `Round ${round} is open with the amended text.`,
  enterText: "Write the text.",
  deadlineOptional: "Deadline",
  closeTitle: "Close the proposal",
  closeAs: "Close as",
  closeNotAdopted: "Not adopted (no consensus)",
  closeWithdrawn: "Withdrawn",
  reason: "Reason",
  enterReason: "Give the reason.",
  closeButton: "Close the proposal",
  withdrawTitle: "Withdraw your request",
  withdrawButton: "Withdraw the request",
  closed: (status: string) => `The proposal is closed: ${status}.`,

  // Starting something (list page)
  startTitle: "Start",
  openProposalTitle: "Open a proposal",
  openProposalIntro: "The members are fixed from the registry when it opens.",
  chooseBody: "Choose a body",
  chooseBodyFirst: "Choose the body.",
  title: "Title",
  enterTitle: "Give the proposal a title.",
  proposalText: "Text",
  textHint: "Markdown: blank lines separate paragraphs, * or - start a list, *emphasis* and **strong**.",
  procedureDefault: (name: string) => `The body’s own: ${name}`,
  threshold: "Majority required",
  thresholdSimple: "Simple (more than half)",
  base: "Counted among",
  quorum: "Quorum",
  abstentions: "Abstentions",
  abstentionsExcluded: "Count towards the quorum only",
  abstentionsCountedOption: "Also count as votes cast",
  deadlineRequired: "Silence and majority procedures need a deadline.",
  openButton: "Open the proposal",

  requestTitle: "File a request",
  requestIntro: (state: string, organization: string) =>
    `A request by ${state} to ${organization}; it opens the proposal that ${organization}’s rules require.`,
  organizationField: "Organisation",
  statusRequested: "Status requested",
  requestStatuses: {
    member: "Member",
    partner: "Partner",
    observer: "Observer",
    associate: "Associate",
  } satisfies Record<RequestableKind, string>,
  framework: "Partnership framework",
  chooseFramework: "Choose a framework",
  frameworkNeeded: "A partnership request names its framework.",
  requestText: "The request",
  fileRequest: "File the request",

  noticeTitle: "File a suspension or withdrawal notice",
  noticeIntro: (state: string, organization: string) =>
    `A notice by ${state} to ${organization}. It takes effect at the end of the notice period that ${organization}’s rules set.`,
  noticeKind: "Notice of",
  noticeKinds: { suspension: "Suspension", withdrawal: "Withdrawal" } satisfies Record<NoticeKind, string>,
  statementOptional: "Statement",
  fileNotice: "File the notice",
  noticeFiled: (kind: string, effective: string) => `${kind} notice filed: it takes effect on ${effective}.`,

  designationTitle: "Propose a designation",
  designationIntro: (state: string) =>
    `A decision ${state} takes alone, such as a Major non-NATO ally designation, or its revocation.`,
  designee: "Designated state or organisation",
  chooseDesignee: "Choose who is designated",
  designeeNeeded: "Choose who is designated.",
  designation: "Designation",
  designationHint: "Lower-case words joined by hyphens, e.g. major-non-nato-ally.",
  designationNeeded: "Name the designation.",
  revoke: "Revoke this designation instead of granting it",
  proposeDesignation: "Propose the designation",

  // What happened to a proposal, and confirmations before what cannot be taken back (issue 12)
  statusSilenceBroken: "Silence broken",
  silentAgrees: "Silent: agrees",
  silenceBrokenBy: (state: string, date: string) => `Silence broken by ${state} on ${date}`,
  silenceAlsoBrokenBy: (states: string) => `Also broken by ${states}.`,
  silenceNextOpen: (deadline: string) =>
    `What happens next: the proposal will not be adopted when its deadline passes (${deadline}), even if the member now concurs, unless the chair recirculates a revised text before then. A recirculated text opens a new round of silence for every member.`,
  silenceNextChair: "As chair, you may recirculate a revised text or withdraw the proposal below.",
  silenceNextPassed:
    "The deadline has passed with silence broken: the proposal is not adopted. The outcome is being recorded.",
  silenceNextClosed: "The deadline passed with silence broken, so the proposal was not adopted.",
  statementRequiredTag: "Statement required",
  statementRequired: "Required: this position is sent only with a written statement.",
  confirmBack: "Go back",
  breakSilenceTitle: (id: number) => `Break silence on proposal ${id}?`,
  breakSilenceText: (deadline: string) =>
    `Your position is recorded and every member sees it. From then on the proposal cannot be adopted in this round, even if you concur later: at its deadline (${deadline}) it is recorded as not adopted, unless the chair recirculates a revised text, which opens a new round of silence for every member.`,
  breakSilenceConfirm: "Break silence",
  adoptTitle: (id: number) => `Decide to adopt proposal ${id}?`,
  adoptText: {
    general: "The decision is final: the procedure ends now and the proposal is adopted.",
    request:
      "The decision is final: the procedure ends now and the status requested is recorded in the registry from today.",
    designation:
      "The decision is final: the procedure ends now and the designation is recorded in the registry from today, citing this decision.",
    revocation:
      "The decision is final: the procedure ends now and the designation ends in the registry today, citing this decision.",
    programme:
      "The decision is final: the procedure ends now and this version of the programme comes into force today, replacing the one before it.",
  } satisfies Record<ProposalPurpose, string>,
  adoptConfirm: "Adopt",
  declineTitle: (id: number) => `Decide not to adopt proposal ${id}?`,
  declineText:
    "The decision is final: the procedure ends now, the proposal is not adopted and the registry does not change.",
  declineConfirm: "Do not adopt",
  closeNotAdoptedTitle: (id: number) => `Close proposal ${id} as not adopted?`,
  closeNotAdoptedText:
    "The procedure ends now for every member: no further position can be taken, the proposal is not adopted and the registry does not change. Your reason is recorded with the outcome.",
  closeNotAdoptedConfirm: "Close as not adopted",
  withdrawConfirmTitle: (id: number) => `Withdraw proposal ${id}?`,
  withdrawConfirmText:
    "The procedure ends now for every member: no further position can be taken, nothing is adopted and the registry does not change. Your reason is recorded with the outcome.",
  withdrawRequestConfirmText:
    "Your request is withdrawn and its procedure ends now for every member: nothing is decided and the registry does not change. To ask again, file a new request.",
  withdrawConfirm: "Withdraw",
  // Suspension and withdrawal notices: the confirming step, the notices list, acknowledgement and withdrawal;
  // the designation's confirmation (issue 12)
  noticeStatementLabel: "Statement",
  noticeStatementHint: "Required: what your state gives notice of, and why. It is kept with the notice.",
  noticeStatementNeeded: "Write the statement: a notice is given in writing.",
  noticeConfirmTitle: (kind: NoticeKind, organization: string) =>
    kind === "withdrawal"
      ? `Give notice of withdrawal from ${organization}?`
      : `Give notice of suspension of participation in ${organization}?`,
  noticeConsequence: (kind: NoticeKind, state: string, organization: string, effective: string) =>
    kind === "withdrawal"
      ? `${state}’s membership of ${organization} ends on ${effective}.`
      : `${state}’s participation in ${organization} is suspended from ${effective}.`,
  noticePeriod: (months: number, organization: string) =>
    months === 0
      ? `${organization}’s rules set no period of notice: it takes effect today.`
      : `${organization}’s rules set ${months === 1 ? "1 month" : `${months} months`} of notice.`,
  noticeDepositary: (organization: string) =>
    `The notice goes to ${organization}’s secretariat, the depositary, which acknowledges it. You can withdraw it until it takes effect.`,
  noticeConfirm: "Give notice",
  noticeGiven: (effective: string) =>
    `Notice given: awaiting acknowledgement by the secretariat. It takes effect on ${effective}.`,
  noticesTitle: "Notices of suspension and withdrawal",
  noticesIntroSecretariat: (organization: string) =>
    `Notices given to ${organization}. As depositary, acknowledge each one you receive: each takes effect on its date either way.`,
  noticesIntroDelegation: "Your delegation’s notices, and where each stands.",
  noticesIntroOthers: (organization: string) => `Notices given to ${organization}, and where each stands.`,
  noNotices: "No notice has been given.",
  noticeDates: (filed: string, effective: string) => `Notice given on ${filed}, takes effect on ${effective}.`,
  noticeStages: {
    "awaiting-acknowledgement": "Notified, awaiting acknowledgement",
    acknowledged: "Acknowledged",
    withdrawn: "Withdrawn",
    "in-effect": "In effect",
  } satisfies Record<NoticeStage, string>,
  noticeAcknowledgedOn: (date: string) => `Acknowledged by the secretariat on ${date}.`,
  noticeWithdrawnOn: (date: string) => `Withdrawn on ${date}.`,
  noticeWithdrawalReason: "Why it was withdrawn",
  acknowledgeNotice: "Acknowledge",
  acknowledgeNoticeTitle: (state: string, kind: NoticeKind) =>
    `Acknowledge ${state}’s notice of ${kind === "withdrawal" ? "withdrawal" : "suspension"}?`,
  acknowledgeNoticeText: (state: string, filed: string) =>
    `You record, as depositary, that ${state} gave this notice on ${filed}. Acknowledging does not change the date it takes effect.`,
  acknowledgeNoticeConfirm: "Acknowledge the notice",
  noticeAcknowledged: "Notice acknowledged.",
  withdrawNotice: "Withdraw the notice",
  withdrawNoticeTitle: (kind: NoticeKind, organization: string) =>
    `Withdraw the notice of ${kind === "withdrawal" ? "withdrawal" : "suspension"} given to ${organization}?`,
  withdrawNoticeText: (kind: NoticeKind, state: string, organization: string, effective: string) =>
    kind === "withdrawal"
      ? `${state}’s membership of ${organization} will not end on ${effective}: it continues. The notice stays on record as withdrawn.`
      : `${state}’s participation in ${organization} will not be suspended on ${effective}. The notice stays on record as withdrawn.`,
  withdrawNoticeStatement: "Why",
  noticeWithdrawnDone: "Notice withdrawn.",
  designationConfirmTitle: (revoke: boolean, designation: string, designee: string) =>
    revoke
      ? `Propose revoking the designation ${designation} of ${designee}?`
      : `Propose designating ${designee}: ${designation}?`,
  designationConfirmText: (revoke: boolean, state: string, designation: string, designee: string) =>
    revoke
      ? `This opens a decision ${state} takes alone. If ${state} adopts it, the registry ends the designation ${designation} of ${designee} on that day, citing the decision.`
      : `This opens a decision ${state} takes alone. If ${state} adopts it, the registry records ${designee} as ${designation} from that day, citing the decision.`,
  proposeRevocation: "Propose the revocation",
};

export type DecisionMessages = typeof en;
