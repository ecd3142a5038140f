/**
 * Concord's own words in English: the source every other language follows key for key (es.ts,
 * pt.ts, fr.ts are typed by this one, and messages.test.ts fails when one lacks a key). Each
 * entry is a function of its parameters; a key never changes once clients can see it (the API
 * sends it as `error.code`).
 */
import { menuMessages } from "./cooperation/menu.ts";
import { disputeMessages } from "./disputes.ts";
import { documentMessages } from "./documents.ts";
import { exchangeMessages } from "./exchanges.ts";
import { labelMessages } from "./labels.ts";
import { programmesMessages } from "./cooperation/programmes.ts";
import { eventsMessages } from "./cooperation/events.ts";
import { resultsMessages } from "./cooperation/results.ts";

const POSITION_NOUNS: Record<string, string> = {
  object: "an objection",
  amend: "a proposed amendment",
  "concur-with-reservation": "a reservation",
  concur: "a concurrence",
  abstain: "an abstention",
};

const MAJORITY_NEEDED = (threshold: string) => (threshold === "simple" ? "more than half" : `at least ${threshold}`);
const MAJORITY_OF: Record<string, string> = {
  "all-members": "of all members",
  present: "of those present",
  "present-and-voting": "of those present and voting",
};

type Count = { concur: number; object: number; abstain: number; members: number };
const counted = (p: Count) => `${p.concur} for, ${p.object} against, ${p.abstain} abstaining, of ${p.members} members`;

export const en = {
  // ------------------------------------------------------------------ who may ask
  "auth.sign_in_first": () => "Sign in first: this needs an account.",
  "auth.sign_in_for": (p: { what: string }) => `Sign in first: ${p.what} needs an account.`,
  "auth.role_forbids": (p: { what: string }) => `Your role does not allow ${p.what}.`,
  "auth.invalid_credentials": () => "The e-mail address or the password is wrong.",
  "auth.too_many_sign_ins": (p: { minutes: number }) =>
    `Too many failed sign-ins from your address. Try again in ${p.minutes} minute(s).`,
  "auth.password_change_required": () =>
    "Choose your own password first (PUT /api/v1/account/password): the one you signed in with was set by an administrator, and until it is changed this session can do nothing else.",
  "request.idempotency_key_reused": () =>
    "This Idempotency-Key was used for a different request: use a new key for a new change.",
  "request.too_large": (p: { mebibytes: number }) =>
    `The request body is larger than ${p.mebibytes} MiB, the most this endpoint takes.`,
  "request.unstorable_text": (p: { path: string }) =>
    `${p.path}: must not contain U+0000 or a lone surrogate (text that cannot be stored)`,
  "request.too_deep": (p: { path: string; depth: number }) => `${p.path}: nested more than ${p.depth} levels deep`,
  "request.no_endpoint": (p: { method: string; path: string }) => `No endpoint ${p.method} ${p.path}; see /api/docs.`,
  "request.unreadable": () => "The request could not be read.",
  "server.internal_error": () => "Something went wrong on our side; it has been logged.",
  "auth.invalid_token": () => "The API token is not valid: it may be mistyped, expired or revoked.",
  "auth.csrf_failed": (p: { header: string }) =>
    `This change needs the ${p.header} header of your session (from GET /api/v1/session); reload the page and try again.`,
  "live.sign_in_first": () => "Sign in first: live updates need an account.",
  "live.server_only": () => "Live updates run in the server only.",

  // What a refusal says was not allowed ("Your role does not allow …").
  "activity.this_change": () => "this change",
  "activity.changing_registry": () => "changing the registry",
  "activity.recording_sources": () => "recording sources",
  "activity.reading_audit_log": () => "reading the audit log",
  "activity.checking_audit_log": () => "checking the audit log",
  "activity.publishing_audit_head": () => "publishing a signed head of the audit log",
  "activity.reading_registry": () => "reading the registry",
  "activity.importing": () => "importing a data set",
  "activity.reading_proposals": () => "reading proposals",
  "activity.reading_notices": () => "reading notices",
  "activity.opening_proposals_in": (p: { body: string }) => `opening proposals in ${p.body}`,
  "activity.filing_request_to": (p: { organization: string }) => `filing a request to ${p.organization}`,
  "activity.designations_by": (p: { state: string }) => `designations by ${p.state}`,
  "activity.taking_positions_for": (p: { state: string }) => `taking positions for ${p.state}`,
  "activity.closing_proposals": () => "closing proposals",
  "activity.withdrawing_proposal": () => "withdrawing this proposal",
  "activity.closing_proposal": () => "closing this proposal",
  "activity.acting_on_proposals": () => "acting on proposals",
  "activity.chairing_proposals_of": (p: { body: string }) => `chairing proposals of ${p.body}`,
  "activity.managing_webhooks": (p: { organization: string }) => `managing ${p.organization}'s webhooks`,
  "activity.reading_notices_of": (p: { organization: string }) => `reading ${p.organization}'s notices`,
  "activity.filing_notice_to": (p: { organization: string }) => `filing a notice to ${p.organization}`,
  "activity.withdrawing_notices": () => "withdrawing notices",
  "activity.withdrawing_notice_of": (p: { state: string }) => `withdrawing ${p.state}'s notice`,
  "activity.acknowledging_notices": () => "acknowledging notices",
  "activity.acknowledging_notices_to": (p: { organization: string }) =>
    `acknowledging notices to ${p.organization} (its secretariat does, as depositary)`,
  "activity.managing_accounts": () => "managing accounts",
  "activity.managing_own_account": () => "managing an account (API tokens cannot)",
  "activity.searching": () => "searching",

  // ------------------------------------------------------------------ the registry
  "registry.relation_not_found": (p: { id: number | string }) => `No relation has the id ${p.id}.`,
  "registry.actor_not_found": (p: { code: string }) => `No state or organisation has the code ${p.code}.`,
  "registry.state_not_organization": (p: { code: string }) =>
    `${p.code} is a state, not an organisation: ask for its relations instead.`,
  "registry.no_such_framework_of": (p: { organization: string; framework: string; frameworks: string }) =>
    `${p.organization} has no framework "${p.framework}" (its frameworks: ${p.frameworks || "none"})`,
  "registry.no_such_framework": (p: { organization: string; framework: string }) =>
    `${p.organization} has no framework "${p.framework}"`,
  "registry.unknown_actors": (p: { codes: string }) => `no state or organisation has the code ${p.codes}`,
  "registry.relation_to_itself": (p: { code: string }) => `${p.code} cannot stand in a relation to itself`,
  "registry.designation_by_state": (p: { code: string }) =>
    `a designation is made by a state, and ${p.code} is an organisation`,
  "registry.relation_towards_state": (p: { code: string; kind: string }) =>
    `${p.code} is a state; a ${p.kind} relation is held towards an organisation`,
  "registry.relation_ended": (p: { id: number; until: string }) =>
    `Relation ${p.id} has ended already (on ${p.until}); change its dates instead.`,
  "registry.source_exists": (p: { id: string }) => `A source with the id ${p.id} exists already.`,
  "registry.unknown_sources": (p: { ids: string }) =>
    `no source has the id ${p.ids}; create it first (POST /api/v1/sources)`,
  "registry.until_before_since": (p: { since: string; until: string }) =>
    `must come after since (${p.since}), got ${p.until}`,
  "registry.relation_overlaps": (p: { subject: string; kind: string; object: string; valid: string; ids: string }) =>
    `${p.subject} is already ${p.kind} of ${p.object} for part of ${p.valid} (relation ${p.ids}): ` +
    "the same relation cannot hold twice at once; change or end that one instead.",
  "registry.writes_by_secretariat": (p: { code: string }) =>
    `Relations towards ${p.code} are recorded by ${p.code}'s own secretariat, and by its decisions.`,
  "registry.writes_by_own_body": (p: { code: string }) =>
    `${p.code}'s designations are made by its own deciding body: propose one (POST /api/v1/designations).`,
  "registry.writes_by_curator": (p: { code: string }) =>
    `Relations towards ${p.code}, which has no secretariat in Concord, are research data: a registry curator records them.`,

  // ------------------------------------------------------------------ decisions
  "procedure.needs_deadline": (p: { procedure: string }) => `a ${p.procedure} procedure needs a deadline`,
  "procedure.unilateral_one_state": () => "a unilateral procedure is decided by exactly one state",
  "procedure.no_members": () => "the body has no member states on this date: nobody could decide",
  "procedure.fraction": (p: { name: string; got: string }) =>
    `the ${p.name} must be a fraction between 0/1 and 1/1, got ${p.got}`,
  "procedure.threshold_zero": (p: { got: string }) =>
    `the threshold must be more than 0, got ${p.got}: nobody would need to vote for the proposal`,
  "decisions.body_not_found": (p: { id: string }) => `No body has the id ${p.id}.`,
  "decisions.no_body": (p: { id: string }) => `no body has the id ${p.id}`,
  "decisions.no_state_body": (p: { id: string }) => `no body of a state has the id ${p.id}`,
  "decisions.proposal_not_found": (p: { id: number }) => `No proposal has the id ${p.id}.`,
  "decisions.positions_need_delegation": () => "only a delegation has positions to take",
  "decisions.notices_need_delegation": () => "Notices go to delegations: this account does not belong to one.",
  "decisions.request_by_head": (p: { organization: string }) =>
    `Only the head of a state's delegation to ${p.organization} can file its request.`,
  "decisions.no_request_body": (p: { organization: string }) =>
    `${p.organization} has no body that decides requests: its rules name none.`,
  "decisions.partnership_names_framework": () =>
    "a partnership request names its framework, and only a partnership request does",
  "decisions.status_held": (p: { state: string; status: string; organization: string }) =>
    `${p.state} is already ${p.status} of ${p.organization}.`,
  "decisions.designation_not_held": (p: { designee: string; designation: string; state: string }) =>
    `${p.designee} holds no ${p.designation} designation by ${p.state} today.`,
  "decisions.designation_held": (p: { designee: string; designation: string; state: string; relation: number }) =>
    `${p.designee} holds the ${p.designation} designation by ${p.state} already (relation ${p.relation}).`,
  "decisions.must_be_future": (p: { got: string }) => `must be in the future, got ${p.got}`,
  "decisions.unilateral_in_state_body": () => "a unilateral decision is taken in a state's own body",
  "decisions.name_the_state": () => "name the state this position is for",
  "decisions.not_a_member": (p: { state: string; body: string; id: number }) =>
    `${p.state} was not a member of ${p.body} when proposal ${p.id} opened, so it takes no position on it.`,
  "decisions.position_not_accepted": (p: { procedure: string; allowed: string; got: string }) =>
    `a ${p.procedure} procedure accepts ${p.allowed}; got ${p.got}`,
  "decisions.statement_required": (p: { position: string }) =>
    `${POSITION_NOUNS[p.position] ?? p.position} must be stated in writing`,
  "decisions.positions_closed": (p: { id: number; deadline: string }) =>
    `The deadline of proposal ${p.id} passed at ${p.deadline}: positions are closed; the outcome is being recorded.`,
  "decisions.no_deadline_to_extend": (p: { id: number }) => `Proposal ${p.id} has no deadline to extend.`,
  "decisions.deadline_passed_no_extension": (p: { id: number }) =>
    `The deadline of proposal ${p.id} has passed: it can no longer be extended.`,
  "decisions.extension_after_deadline": (p: { deadline: string }) =>
    `an extension must come after the current deadline, ${p.deadline}`,
  "decisions.unilateral_no_rounds": () => "A unilateral decision has no rounds to recirculate.",
  "decisions.deadline_passed_recording": (p: { id: number }) =>
    `The deadline of proposal ${p.id} has passed: the outcome is being recorded.`,
  "decisions.closed_already": (p: { id: number; status: string }) =>
    `Proposal ${p.id} is closed already (${p.status}).`,
  "decisions.closed_by_chair_only_consensus": (p: { procedure: string }) =>
    `Only a consensus procedure is closed by its chair; a ${p.procedure} procedure is decided ${p.procedure === "unilateral" ? "by its state" : "at its deadline"}.`,
  "decisions.attachment_too_large": (p: { mib: number }) => `an attachment may be at most ${p.mib} MiB`,
  "decisions.attachment_not_found": (p: { id: number; attachment: number | string }) =>
    `Proposal ${p.id} has no attachment ${p.attachment}.`,
  "decisions.closed": (p: { id: number; status: string; at: string }) =>
    `Proposal ${p.id} is closed (${p.status}${p.at ? ` at ${p.at}` : ""}): nothing more can be changed.`,

  // ------------------------------------------------------------------ status notices (suspension, withdrawal)
  "notices.not_found": (p: { id: number }) => `No status notice has the id ${p.id}.`,
  "notices.file_by_head": (p: { organization: string }) =>
    `Only the head of a state's delegation to ${p.organization} can file its notice.`,
  "notices.statement_required": () => "a notice is given in writing: state what the state gives notice of, and why",
  "notices.not_a_member": (p: { state: string; organization: string; kind: string }) =>
    `${p.state} is not a member of ${p.organization} today, so it has no participation to ${p.kind === "suspension" ? "suspend" : "end"}.`,
  "notices.membership_ends": (p: { state: string; organization: string; until: string }) =>
    `${p.state}'s membership of ${p.organization} already ends on ${p.until}.`,
  "notices.pending": (p: { state: string; notice: number }) =>
    `${p.state} has a notice pending on this membership already (notice ${p.notice}); withdraw it first to give another.`,
  "notices.suspended_already": (p: { state: string; organization: string; relation: number }) =>
    `${p.state}'s participation in ${p.organization} is suspended already (relation ${p.relation}).`,
  "notices.withdraw_by_head": (p: { state: string; organization: string }) =>
    `Only the head of ${p.state}'s delegation to ${p.organization} can withdraw its notice.`,
  "notices.withdrawn_already": (p: { id: number; on: string }) => `Notice ${p.id} was withdrawn already, on ${p.on}.`,
  "notices.in_effect": (p: { id: number; effectiveOn: string }) =>
    `Notice ${p.id} took effect on ${p.effectiveOn}: it can no longer be withdrawn (a new request is the way back).`,
  "notices.nothing_to_acknowledge": (p: { id: number; state: string }) =>
    `Notice ${p.id} was withdrawn by ${p.state}: there is nothing to acknowledge.`,
  "notices.past_acknowledging": (p: { id: number; effectiveOn: string }) =>
    `Notice ${p.id} took effect on ${p.effectiveOn}: it is past acknowledging.`,
  "notices.acknowledged_already": (p: { id: number; on: string }) =>
    `Notice ${p.id} was acknowledged already, on ${p.on}.`,

  // ------------------------------------------------------------------ accounts and sign-in
  "accounts.email_invalid": (p: { reason: string; got: string }) => `${p.reason} (got "${p.got}")`,
  "accounts.not_an_organization": (p: { code: string }) =>
    `${p.code} is not an organisation in the registry (e.g. NATO, UNASUR)`,
  "accounts.email_taken": (p: { email: string }) => `An account with the e-mail address ${p.email} exists already.`,
  "accounts.no_such_account": (p: { email: string }) => `no account has the address ${p.email}`,
  "accounts.last_administrator": (p: { email: string; organization: string }) =>
    `${p.email} is ${p.organization}'s last active administrator: make another one first, so nobody is locked out.`,
  "accounts.last_administrator_here": (p: { organization: string }) =>
    `This is ${p.organization}'s last active administrator: make another one first, so nobody is locked out.`,
  "accounts.password_needed": (p: { organization: string }) =>
    `is required: single sign-on is not configured for ${p.organization}, so an account without a password could never sign in`,
  "accounts.account_not_found": (p: { organization: string; id: string }) =>
    `No account of ${p.organization} has the id ${p.id}.`,
  "accounts.auditor_password": () =>
    "A system auditor reads every organisation's audit log: its password is not any one organisation's to set.",
  "accounts.own_password": () => "Change your own password on your account page (it asks for your current one).",
  "accounts.auditor_role": () =>
    "The system-auditor role is given and taken back only on the server's command line (concord admin auditor).",
  "accounts.role_without_delegation": (p: { role: string }) => `a ${p.role} belongs to no delegation`,
  "accounts.role_needs_delegation": (p: { role: string }) =>
    `a ${p.role} speaks for a state: name its delegation (e.g. COL)`,
  "accounts.not_a_state": (p: { code: string }) => `${p.code} is not a state in the registry`,
  "accounts.state_unrelated": (p: { state: string; organization: string }) =>
    `the registry relates ${p.state} to ${p.organization} in no way today (member, partner, applicant, observer…): record that relation first, then its delegation`,
  "accounts.too_many_wrong_passwords": (p: { minutes: number }) =>
    `Too many wrong passwords from your address. Try again in ${p.minutes} minute(s).`,
  "accounts.not_your_password": () => "is not your password",
  "accounts.not_your_current_password": () => "is not your current password",
  "accounts.same_as_temporary": () => "must differ from the temporary password an administrator gave you",
  "accounts.reauthentication_required": (p: { minutes: number }) =>
    `Confirm with your password (json.password): making an API token needs it, or a sign-in in the last ${p.minutes} minutes.`,
  "accounts.token_not_found": (p: { id: string }) => `You have no live API token with the id ${p.id}.`,
  "oidc.state_invalid": () =>
    "This sign-in was not started in this browser, has expired, or was already used. Start the sign-in again.",
  "oidc.email_unverified": () =>
    "Your identity provider does not confirm that your e-mail address is yours (email_verified), so Concord cannot sign you in with it. Ask the provider's administrators to verify your address, or sign in with a password.",
  "oidc.identity_linked_elsewhere": (p: { email: string }) =>
    `The account with the e-mail address ${p.email} is linked to another single-sign-on identity. Ask an administrator to look into it.`,
  "oidc.other_organization": (p: { email: string; organization: string; expected: string }) =>
    `The account with the e-mail address ${p.email} belongs to ${p.organization}; single sign-on here is for ${p.expected}. Sign in with your password.`,
  "oidc.account_disabled": () => "This account is disabled. Ask an administrator of your organisation.",
  "oidc.email_missing": () =>
    "Your identity provider did not give a usable e-mail address, which a new Concord account needs. Ask its administrators to release the email claim to Concord.",
  "oidc.delegation_not_a_state": (p: { delegation: string; claim: string }) =>
    `Your identity provider says you belong to the delegation of "${p.delegation}" (claim ${p.claim}), which is not a state in Concord's registry. Ask its administrators to set ${p.claim} to a state's ISO 3166 alpha-3 code, such as FRA.`,
  "oidc.delegation_not_a_code": (p: { claim: string; shown: string }) =>
    `Your identity provider's ${p.claim} claim (${p.shown}) is not a state's ISO 3166 alpha-3 code, such as FRA. Ask its administrators to correct it.`,
  "oidc.role_without_delegation": (p: { role: string; claim: string }) =>
    `Your identity provider gives you the role ${p.role} (claim ${p.claim}) but no delegation: a ${p.role} speaks for a state. Ask its administrators to set the delegation claim.`,
  "oidc.role_with_delegation": (p: { role: string; claim: string; delegation: string }) =>
    `Your identity provider gives you the role ${p.role} (claim ${p.claim}) and the delegation of ${p.delegation}: secretariat roles belong to no delegation. Ask its administrators to correct one of them.`,
  "oidc.denied": (p: { detail: string }) => `Your identity provider did not sign you in (${p.detail}).`,
  "oidc.failed": (p: { detail: string }) =>
    `Your identity provider did not accept this sign-in (${p.detail}). Start the sign-in again.`,
  "oidc.unverifiable": (p: { reason: string }) =>
    `The answer from your identity provider could not be verified (${p.reason}). Start the sign-in again.`,

  // ------------------------------------------------------------------ webhooks
  "password.too_short": (p: { minimum: number }) => `must be at least ${p.minimum} characters long`,
  "password.too_long": (p: { maximum: number }) => `must be at most ${p.maximum} characters long`,
  "password.spaces": () => "must not begin or end with spaces",
  "password.common": () => "is one of the most common passwords, which attackers try first: choose another",
  "webhooks.url_scheme": () => "must be an http:// or https:// URL",
  "webhooks.url_credentials": () => "must not carry a user name or password (the signature authenticates Concord)",
  "webhooks.url_private": (p: { host: string; range: string }) =>
    `${p.host} is ${p.range}: webhooks are sent only to public addresses (the operator can allow others with CONCORD_WEBHOOK_ALLOW_PRIVATE=true)`,
  "webhooks.not_found": (p: { id: number | string }) => `No active webhook has the id ${p.id}.`,

  // ------------------------------------------------------------------ search (src/services/search.ts)
  "validation.search_text": () => "must contain something to search for",
  "search.limit_range": (p: { maximum: number }) => `must be a whole number from 1 to ${p.maximum}`,

  // ------------------------------------------------------------------ validation (src/api/validation.ts)
  "validation.given_once": (p: { where: string; count: number }) =>
    `${p.where}: must be given once (got ${p.count} values)`,
  "validation.got": (p: { text: string }) => ` (got ${p.text})`,
  "validation.calendar_date": () => "must be a real calendar date written YYYY-MM-DD",
  "validation.real_date": () => "must be a real date written YYYY-MM-DD, YYYY-MM or YYYY",
  "validation.not_empty": () => "must not be empty",
  "validation.positive_whole": () => "must be a positive whole number",
  "validation.limit_range": (p: { maximum: number }) => `must be a whole number from 1 to ${p.maximum}`,
  "validation.offset": () => "must be a whole number, 0 or more",
  "validation.required": () => "is required",
  "validation.one_of": (p: { options: string }) => `must be one of ${p.options}`,
  "validation.control_characters": () => "must not contain control characters",
  "validation.too_long": (p: { maximum: number }) => `must be at most ${p.maximum} characters`,
  "validation.unknown_field": (p: { keys: string }) => `unknown field(s): ${p.keys}`,

  // ------------------------------------------------------------------ outcome explanations (src/domain/procedures.ts)
  "outcome.consensus.all-concurred": (p: { count: number; reservations: string }) =>
    `All ${p.count} members concurred${p.reservations ? `, ${p.reservations} with a reservation.` : "."}`,
  "outcome.consensus.deadline-passed-without-consensus": (p: { objecting: string; silent: number }) =>
    "The deadline passed without consensus" +
    (p.objecting ? `: ${p.objecting} objected` : "") +
    (p.silent > 0 ? `${p.objecting ? ";" : ":"} ${p.silent} member(s) took no position` : "") +
    ".",
  "outcome.silence.deadline-passed-unbroken": () => "The deadline passed and no member broke silence.",
  "outcome.silence.deadline-passed-broken": (p: { breakers: string }) =>
    `Silence was broken before the deadline by ${p.breakers}.`,
  "outcome.unilateral.designating-state-concurred": (p: { state: string }) => `${p.state} decided to adopt.`,
  "outcome.unilateral.designating-state-declined": (p: { state: string }) => `${p.state} decided not to adopt.`,
  "outcome.majority.quorum-not-met": (p: Count & { takingPart: number; quorum: string }) =>
    `Quorum not met: ${p.takingPart} of ${p.members} took part, ${p.quorum} needed (${counted(p)}).`,
  "outcome.majority.threshold-met": (p: Count & { threshold: string; base: string }) =>
    `Adopted with ${MAJORITY_NEEDED(p.threshold)} ${MAJORITY_OF[p.base] ?? p.base} (${counted(p)}).`,
  "outcome.majority.threshold-not-met": (p: Count & { threshold: string; base: string }) =>
    `Not adopted: ${MAJORITY_NEEDED(p.threshold)} ${MAJORITY_OF[p.base] ?? p.base} was needed (${counted(p)}).`,

  // ------------------------------------------------------------------ the command line (src/cli)
  "cli.as_of": (p: { name: string; code: string; at: string; count: number }) =>
    `${p.name} (${p.code}) as of ${p.at}: ${p.count} relation(s)`,
  "cli.column.code": () => "Code",
  "cli.column.name": () => "Name",
  "cli.column.kind": () => "Kind",
  "cli.column.since": () => "Since",
  "cli.column.until": () => "Until",
  "cli.column.certainty": () => "Certainty",
  "cli.column.sources": () => "Sources",
  "cli.column.id": () => "Id",
  "cli.column.subject": () => "Subject",
  "cli.column.relation": () => "Relation",
  "cli.column.object": () => "Object",
  "cli.column.of": () => "Of",
  "cli.column.chair": () => "Chair",
  "cli.column.default_procedure": () => "Default procedure",
  "cli.column.body": () => "Body",
  "cli.column.title": () => "Title",
  "cli.column.procedure": () => "Procedure",
  "cli.column.status": () => "Status",
  "cli.column.deadline_or_decided": () => "Deadline / decided",
  "cli.column.positions": () => "Positions",
  "cli.column.round": () => "Round",
  "cli.column.opened": () => "Opened",
  "cli.column.deadline": () => "Deadline",
  "cli.column.extensions": () => "Extensions",
  "cli.column.state": () => "State",
  "cli.column.position": () => "Position",
  "cli.column.cast_at": () => "Cast at",
  "cli.column.recorded_by": () => "Recorded by",
  "cli.column.detail": () => "Detail",
  "cli.search_kind.state": () => "state",
  "cli.search_kind.organization": () => "organization",
  "cli.search_kind.framework": () => "framework",
  "cli.search_kind.proposal": () => "proposal",
  "cli.search_kind.source": () => "source",
  "cli.nothing_found": (p: { q: string }) => `Nothing found for "${p.q}".`,
  "cli.bodies": (p: { count: number }) => `${p.count} deciding bod${p.count === 1 ? "y" : "ies"}`,
  "cli.proposals": (p: { count: number; status: string; body: string }) =>
    `${p.count} ${[p.status, p.body ? `in ${p.body}` : ""].filter(Boolean).join(" ")}${p.status || p.body ? " " : ""}proposal(s), newest first`,
  "cli.status.open": () => "open",
  "cli.status.closed": () => "closed",
  "cli.status.adopted": () => "adopted",
  "cli.status.not-adopted": () => "not-adopted",
  "cli.status.withdrawn": () => "withdrawn",
  "cli.reconstructed": () => " (reconstructed)",
  "cli.no_deadline": () => "no deadline",
  "cli.none": () => "none",
  "cli.position_recorded": (p: { name: string; state: string; id: number; position: string }) =>
    `Recorded the position of ${p.name} (${p.state}) on proposal ${p.id}: ${p.position} (by the CLI, on its behalf).`,
  "cli.proposal_now": (p: { id: number; status: string; rule: string; explanation: string }) =>
    `Proposal ${p.id} is now ${p.status} (${p.rule}): ${p.explanation}`,
  "cli.registry_relation": (p: { relation: number; source: string }) =>
    `Registry: relation ${p.relation}, citing source ${p.source}.`,
  "cli.proposal_stays_open": (p: { id: number; taken: number; members: number; round: number; deadline: string }) =>
    `Proposal ${p.id} stays open: ${p.taken} of ${p.members} members have taken a position in round ${p.round}` +
    (p.deadline ? `; deadline ${p.deadline}.` : "."),
  "cli.proposal_heading": (p: { id: number; title: string }) => `Proposal ${p.id}: ${p.title}`,
  "cli.field.body": () => "Body",
  "cli.field.procedure": () => "Procedure",
  "cli.field.purpose": () => "Purpose",
  "cli.field.status": () => "Status",
  "cli.field.opened": () => "Opened",
  "cli.field.round": () => "Round",
  "cli.field.positions": () => "Positions",
  "cli.body_line": (p: { name: string; id: string; actor: string; chair: string }) =>
    `${p.name} (${p.id}, ${p.actor}); chair: ${p.chair}`,
  "cli.purpose": (p: { purpose: string; concerns: string }) =>
    `${p.purpose}${p.concerns ? `, concerning ${p.concerns}` : ""}`,
  "cli.reconstructed_long": () => " (reconstructed from the sources; individual positions are not recorded)",
  "cli.round_of": (p: { round: number; rounds: number }) => `${p.round} of ${p.rounds}`,
  "cli.round_deadline": (p: { deadline: string }) => `, deadline ${p.deadline}`,
  "cli.positions_in_round": (p: { taken: number; members: number; round: number }) =>
    `${p.taken} of ${p.members} members in round ${p.round}`,
  "cli.rounds": () => "Rounds:",
  "cli.extension": (p: { from: string; to: string; by: string }) => `${p.from} -> ${p.to} by ${p.by}`,
  "cli.text_of_round": (p: { round: number }) => `Text (round ${p.round}):`,
  "cli.members": (p: { count: number }) => `Members (${p.count}):`,
  "cli.positions_not_recorded": () => "(their individual positions are not recorded)",
  "cli.broke_silence": () => " (broke silence)",
  "cli.statements": () => "Statements:",
  "cli.earlier_positions": () => "Earlier positions (changed since, or in an earlier round):",
  "cli.attachments": () => "Attachments:",
  "cli.attachment": (p: { id: number; name: string; mediaType: string; size: number }) =>
    `${p.id}. ${p.name} (${p.mediaType}, ${p.size} bytes)`,
  "cli.outcome_pending": () => "Outcome: not yet decided; Concord records it as soon as the rules make it certain.",
  "cli.outcome_pending_deadline": (p: { deadline: string }) =>
    `Outcome: not yet decided; Concord records it as soon as the rules make it certain, at the latest at the deadline (${p.deadline}).`,
  "cli.outcome": (p: { status: string; on: string; by: string }) =>
    `Outcome:    ${p.status}${p.on ? ` on ${p.on}` : ""}${p.by ? `, recorded by ${p.by}` : ""}`,
  "cli.rule": (p: { rule: string }) => `Rule:       ${p.rule}`,
  "cli.why": (p: { explanation: string }) => `Why:        ${p.explanation}`,
  "cli.registry": (p: { relation: string; source: string }) =>
    `Registry:   ${p.relation ? `relation ${p.relation}` : "no relation changed"}${p.source ? `, source ${p.source}` : ""}`,
  "cli.notices": (p: { count: number }) => `Notices:    ${p.count} outcome notice(s) sent to member delegations`,
  "cli.procedure.majority_short": (p: { threshold: string; base: string }) =>
    `majority (${MAJORITY_NEEDED(p.threshold).replace(/^at least /, "")} ${MAJORITY_OF[p.base] ?? p.base})`,
  "cli.procedure.majority_long": (p: { threshold: string; base: string; quorum: string; abstentions: string }) =>
    `majority: ${MAJORITY_NEEDED(p.threshold).replace(/^at least /, "")} ${MAJORITY_OF[p.base] ?? p.base}, quorum ${p.quorum} of members, abstentions ${p.abstentions === "counted" ? "counted" : "excluded from the count"}`,
  "cli.procedure.consensus": () => "consensus",
  "cli.procedure.silence": () => "silence",
  "cli.procedure.unilateral": () => "unilateral",
  "cli.usage.missing_argument": (p: { what: string }) => `Missing argument: ${p.what}.`,
  "cli.usage.organization_code": () => "the organisation's code, e.g. NATO",
  "cli.usage.actor_code": () => "the state's or organisation's code, e.g. COL",
  "cli.usage.csv_file": () => "the CSV file to import",
  "cli.usage.proposal_id": () => "the proposal's id (concord proposals lists them)",
  "cli.usage.unknown_command": (p: { command: string }) => `Unknown command "${p.command}".`,
  "cli.usage.unknown_admin": (p: { command: string }) =>
    `Unknown admin command "${p.command}": use admin create or admin auditor.`,
  "cli.usage.unknown_import": (p: { name: string }) =>
    `Unknown import "${p.name}": the ones available are cow-states, gml-mid and menu.`,
  "cli.usage.unknown_audit": (p: { command: string }) =>
    `Unknown audit command "${p.command}": use audit verify or audit head.`,
  "cli.usage.date": (p: { option: string; got: string }) =>
    `${p.option}: must be a real calendar date written YYYY-MM-DD (got "${p.got}").`,
  "cli.usage.one_of": (p: { option: string; options: string; got: string }) =>
    `${p.option}: must be one of ${p.options} (got "${p.got}").`,
  "cli.usage.status": (p: { got: string }) => `--status: must be open or closed (got "${p.got}").`,
  "cli.usage.state_required": () => "--state is required: the member state whose position this is (e.g. COL).",
  "cli.usage.state_code": (p: { got: string }) =>
    `--state: must be an upper-case code such as COL or NATO (got "${p.got}").`,
  "cli.usage.position_required": (p: { options: string }) => `--position is required: one of ${p.options}.`,
  "cli.usage.proposal_id_number": (p: { got: string }) =>
    `The proposal's id must be a positive whole number (got "${p.got}").`,
  "cli.usage.statement_empty": () => "--statement: must not be empty.",
  "cli.usage.statement_long": () => "--statement: must be at most 20000 characters.",
  "cli.usage.statement_control": () => "--statement: must not contain control characters.",
  "cli.usage.see_help": () => "Run concord help for the commands and their options.",
  "cli.usage.search_text": () => "the text to search for, e.g. colombia",
  "cli.cannot_read": (p: { file: string; reason: string }) => `Cannot read ${p.file}: ${p.reason}`,
  "cli.no_such_file": () => "no such file",
  "cli.importing": () => "Importing",
  "cli.import_summary": (p: { rows: number; file: string; loaded: number; unchanged: number; refused: number }) =>
    `Read ${p.rows} rows from ${p.file}: ${p.loaded} periods loaded, ${p.unchanged} already present, ${p.refused} refused.`,
  "cli.import_junk": (p: { count: number; lines: string }) =>
    `Ignored values in unnamed trailing columns on ${p.count} line(s): ${p.lines}.`,
  "cli.import_refused": () => "Refused rows:",
  "cli.import_line": (p: { line: number; reason: string }) => `  line ${p.line}: ${p.reason}`,
  "cli.signal_stopping": (p: { signal: string }) => `${p.signal} received: stopping.`,
  // `concord help`: the commands and options stay as typed; what they do is said in the reader's language.
  "cli.help": (p: { kinds: string; positions: string; statements: string; last: string; languages: string }) =>
    `Concord — the partnership registry of an alliance.

Usage:
  concord start                                  start the server (database, starter data, web UI)
  concord members <ORG> [--at DATE] [--kind K] [--framework F] [--lang L] [--json]
                                                 who stood in what relation to an organisation on DATE
  concord relations <CODE> [--at DATE] [--lang L] [--json]
                                                 every relation of a state or organisation on DATE
  concord search <TEXT> [--lang L] [--json]      states, organisations, frameworks, proposals and sources
                                                 whose code, name or title contains TEXT (any case, any
                                                 accents), named in L
  concord bodies [--lang L] [--json]             the deciding bodies and their default procedures
  concord proposals [--status open|closed] [--body ID] [--lang L] [--json]
                                                 proposals, newest first: procedure, status or outcome,
                                                 deadline or decision date, positions taken of members
  concord proposal <ID> [--lang L] [--json]      one proposal: procedure, rounds, each member state's
                                                 position, the outcome with its rule and why
  concord position <ID> --state CODE --position P [--statement TEXT] [--json]
                                                 record a position a state gave in writing (e.g. its
                                                 delegation's signed letter); the audit log keeps it as
                                                 recorded by the CLI on the state's behalf
  concord programmes [--organization ORG] [--partner CODE] [--lang L] [--json]
                                                 individual partnership programmes: partner, kind,
                                                 cycle, status, the version in force
  concord programme <ID> [--lang L] [--json] [--iati]
                                                 one programme: objectives → goals → activities with
                                                 each goal's progress; --iati prints IATI 2.03 XML
  concord menu [--organization ORG] [--area A] [--lang L] [--json]
                                                 the partnership menu today
  concord menu search <WORDS> [--lang L] [--json]
                                                 menu items whose title or description holds WORDS
  concord import menu <file.csv> [--organization ORG] [--json]
                                                 import a menu as CSV; refused rows are reported
  concord import cow-states <file.csv>           import the Correlates of War state system list
  concord audit verify [--head FILE]             check the audit log's hash chain, and that it still
                                                 holds a head printed by audit head and kept in FILE
  concord audit head                             sign the audit log's current head and print it (JSON)
  concord admin create --email E --organization ORG [--name N]
                                                 create a secretariat administrator; the password
                                                 is read from standard input
  concord admin auditor --email E [--revoke]     make an account a system auditor, who reads every
                                                 organisation's audit log (only here); --revoke makes
                                                 it an analyst of its organisation again
  concord help [--lang L]                        this text, in L

DATE is YYYY-MM-DD (default: today). K is one of ${p.kinds}.
P is one of ${p.positions}, as the proposal's procedure allows;
${p.statements} and ${p.last} need --statement.
L is one of ${p.languages}. Configuration comes from the environment: PORT, HOST,
CONCORD_DATA_DIR (default ./data), DATABASE_URL (use that PostgreSQL instead of the embedded one).`,

  // ------------------------------------------------------------------ cooperation programmes
  ...menuMessages.en,
  ...disputeMessages.en,
  ...exchangeMessages.en,
  ...documentMessages.en,
  ...labelMessages.en,
  ...programmesMessages.en,
  ...eventsMessages.en,
  ...resultsMessages.en,
};

/** The catalogue's shape: every language defines every key, with the same parameters. */
export type Messages = typeof en;
