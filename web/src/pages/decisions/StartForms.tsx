import { useMemo, useState } from "preact/hooks";
import {
  NOTICE_KINDS,
  NOTICE_STATEMENT_MAX,
  noticeEffectiveOn,
  noticeMonths,
  REQUESTABLE_KINDS,
  type NoticeKind,
  type RequestableKind,
} from "../../../../src/domain/decisions.ts";
import { procedureNeedsDeadline, type AbstentionRule, type MajorityBase } from "../../../../src/domain/procedures.ts";
import { Confirm } from "../../components/Confirm.tsx";
import { FormStatus, TextField, focusField, FormAlerts } from "../../components/Form.tsx";
import { useDecisionText } from "../../i18n/decisions/index.ts";
import { apiUrl, send, useApi } from "../../lib/api.ts";
import { formatDate, fromLocalInput } from "../../lib/dates.ts";
import { navigate } from "../../lib/router.ts";
import { useSession } from "../../lib/session.tsx";
import type {
  ActorsResponse,
  DecisionBody,
  OrganizationsResponse,
  Procedure,
  ProposalResponse,
  StatusNoticeResponse,
  StatusNoticesResponse,
} from "../../lib/types.ts";
import { announceNoticesChanged } from "./Notices.tsx";
import { DateTimeField, procedureText, SelectField, TextArea, useChangeForm } from "./shared.tsx";

type Action = "open" | "request" | "notice" | "designation";

/** The registry's names of states and organisations, in the reader's language (a cached public answer). */
function useActorNames() {
  const { lang } = useDecisionText();
  const actors = useApi<ActorsResponse>(apiUrl("/actors", { lang }));
  const names = useMemo(
    () => new Map((actors.data?.actors ?? []).map((actor) => [actor.code, actor.name])),
    [actors.data],
  );
  // An organisation's short name in the reader's language (UNASUR, OTAN) reads better in a sentence
  // than its full name, which would need an article in Spanish, Portuguese and French.
  const shortNames = useMemo(
    () => new Map((actors.data?.actors ?? []).map((actor) => [actor.code, actor.abbreviation ?? actor.name])),
    [actors.data],
  );
  return { actors: actors.data?.actors, names, shortNames };
}

/**
 * What the reader may start from the list, each a plain form shown on demand: the secretariat
 * opens proposals; a delegation head files its state's requests and notices, and proposes its
 * state's own designations. Which of these appear follows the session's abilities and the bodies
 * the server lists, never a rule of the UI's own.
 */
export function StartPanel({ bodies }: { bodies: DecisionBody[] | undefined }) {
  const { t } = useDecisionText();
  const { session } = useSession();
  const [action, setAction] = useState<Action | null>(null);
  const account = session?.account;
  const abilities = session?.abilities.decisions;
  if (!account || !abilities) return null;
  const chairOf = (bodies ?? []).filter(
    (body) => body.actorType === "organization" && body.actor === account.organization,
  );
  const speakFor = abilities.speakFor;
  const ownBodies = speakFor
    ? (bodies ?? []).filter((body) => body.actorType === "state" && body.actor === speakFor)
    : [];
  const actions: Array<{ action: Action; label: string }> = [
    ...(abilities.chair && chairOf.length > 0 ? [{ action: "open" as const, label: t.openProposalTitle }] : []),
    ...(speakFor
      ? [
          { action: "request" as const, label: t.requestTitle },
          { action: "notice" as const, label: t.noticeTitle },
        ]
      : []),
    ...(ownBodies.length > 0 ? [{ action: "designation" as const, label: t.designationTitle }] : []),
  ];
  if (actions.length === 0) return null;
  const close = (back: Action) => {
    setAction(null);
    focusField(`start-${back}`);
  };

  return (
    <section class="start-panel" aria-labelledby="start-heading">
      <h2 id="start-heading" class="visually-hidden">
        {t.startTitle}
      </h2>
      <div class="start-buttons">
        {actions.map((item) => (
          <button
            type="button"
            id={`start-${item.action}`}
            class={`button${action === item.action ? " is-active" : ""}`}
            aria-expanded={action === item.action}
            aria-controls="start-form"
            onClick={() => {
              const next = action === item.action ? null : item.action;
              setAction(next);
              if (next) focusField(`start-form-heading`);
            }}
          >
            <span class="plus" aria-hidden="true">
              {action === item.action ? "−" : "+"}
            </span>
            {item.label}
          </button>
        ))}
      </div>
      {action && (
        <div id="start-form" class="card start-form">
          {/* All but "open" act for the account's own state: offered only to whoever speaks for one. */}
          {action === "open" ? (
            <OpenProposalForm bodies={chairOf} onCancel={() => close("open")} />
          ) : !speakFor ? null : action === "request" ? (
            <RequestForm organization={account.organization} state={speakFor} onCancel={() => close("request")} />
          ) : action === "notice" ? (
            <NoticeForm organization={account.organization} state={speakFor} onCancel={() => close("notice")} />
          ) : (
            <DesignationForm bodies={ownBodies} state={speakFor} onCancel={() => close("designation")} />
          )}
        </div>
      )}
    </section>
  );
}

function FormHeading({ title, intro }: { title: string; intro?: string }) {
  return (
    <>
      <h3 id="start-form-heading" tabIndex={-1}>
        {title}
      </h3>
      {intro && <p class="hint form-intro">{intro}</p>}
    </>
  );
}

const FRACTIONS = ["1/2", "3/5", "2/3", "3/4", "1/1"];
const QUORUMS = ["1/3", "1/2", "2/3", "3/4", "1/1"];

function parseFraction(text: string) {
  const [numerator, denominator] = text.split("/").map(Number) as [number, number];
  return { numerator, denominator };
}

function OpenProposalForm({ bodies, onCancel }: { bodies: DecisionBody[]; onCancel: () => void }) {
  const { t, lang } = useDecisionText();
  const [bodyId, setBodyId] = useState(bodies.length === 1 ? (bodies[0]?.id ?? "") : "");
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [kind, setKind] = useState<"" | "consensus" | "silence" | "majority">("");
  const [threshold, setThreshold] = useState("simple");
  const [base, setBase] = useState<MajorityBase>("all-members");
  const [quorum, setQuorum] = useState("1/2");
  const [abstentions, setAbstentions] = useState<AbstentionRule>("excluded");
  const [deadline, setDeadline] = useState("");
  const form = useChangeForm("open");
  const body = bodies.find((b) => b.id === bodyId);
  const effective = kind || body?.defaultProcedure.kind;
  const needsDeadline = effective !== undefined && procedureNeedsDeadline(effective);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!bodyId) found.body = t.chooseBodyFirst;
    if (!title.trim()) found.title = t.enterTitle;
    if (!text.trim()) found.text = t.enterText;
    if (needsDeadline && !fromLocalInput(deadline)) found.deadline = t.deadlineRequired;
    if (!form.check(found)) return;
    const procedure: Procedure | undefined =
      kind === ""
        ? undefined
        : kind === "majority"
          ? {
              kind,
              threshold: threshold === "simple" ? "simple" : parseFraction(threshold),
              base,
              quorum: parseFraction(quorum),
              abstentions,
            }
          : { kind };
    const iso = fromLocalInput(deadline);
    const answer = await form.run(
      (key) =>
        send<ProposalResponse>(
          "POST",
          `/proposals?lang=${lang}`,
          {
            body: bodyId,
            title: title.trim(),
            text,
            ...(procedure ? { procedure } : {}),
            ...(iso ? { deadline: iso } : {}),
          },
          { idempotencyKey: key },
        ),
      ["body", "title", "text", "procedure", "deadline"],
    );
    if (answer) navigate(`/proposals/${answer.proposal.id}`);
  };

  return (
    <form class="stack-form" onSubmit={onSubmit} noValidate aria-labelledby="start-form-heading">
      <FormHeading title={t.openProposalTitle} intro={t.openProposalIntro} />
      <FormAlerts form={form} />
      <div class="form-grid">
        <SelectField
          id="open-body"
          label={t.body}
          value={bodyId}
          onChange={setBodyId}
          error={form.errors.body}
          required
        >
          <option value="">{t.chooseBody}</option>
          {bodies.map((b) => (
            <option value={b.id}>{b.name}</option>
          ))}
        </SelectField>
        <SelectField
          id="open-procedure"
          label={t.procedure}
          value={kind}
          onChange={(value) => setKind(value as typeof kind)}
          error={form.errors.procedure}
          hint={effective ? t.procedureHints[effective] : undefined}
        >
          <option value="">
            {body ? t.procedureDefault(procedureText(body.defaultProcedure, null, t, lang)) : t.procedureDefault("…")}
          </option>
          <option value="consensus">{t.consensus}</option>
          <option value="silence">{t.silence}</option>
          <option value="majority">{t.majorityName}</option>
        </SelectField>
      </div>
      {kind === "majority" && (
        <fieldset class="field majority-fieldset">
          <legend>{t.majorityName}</legend>
          <div class="form-grid">
            <SelectField id="open-threshold" label={t.threshold} value={threshold} onChange={setThreshold}>
              <option value="simple">{t.thresholdSimple}</option>
              {FRACTIONS.map((f) => (
                <option value={f}>{f}</option>
              ))}
            </SelectField>
            <SelectField id="open-base" label={t.base} value={base} onChange={(value) => setBase(value as typeof base)}>
              <option value="all-members">{t.bases["all-members"]}</option>
              <option value="present-and-voting">{t.bases["present-and-voting"]}</option>
            </SelectField>
            <SelectField id="open-quorum" label={t.quorum} value={quorum} onChange={setQuorum}>
              {QUORUMS.map((f) => (
                <option value={f}>{f}</option>
              ))}
            </SelectField>
            <SelectField
              id="open-abstentions"
              label={t.abstentions}
              value={abstentions}
              onChange={(value) => setAbstentions(value as typeof abstentions)}
            >
              <option value="excluded">{t.abstentionsExcluded}</option>
              <option value="counted">{t.abstentionsCountedOption}</option>
            </SelectField>
          </div>
        </fieldset>
      )}
      <TextField
        id="open-title"
        label={t.title}
        value={title}
        onInput={setTitle}
        error={form.errors.title}
        maxLength={300}
        required
      />
      <TextArea
        id="open-text"
        label={t.proposalText}
        value={text}
        onInput={setText}
        error={form.errors.text}
        hint={t.textHint}
        rows={8}
        required
      />
      <DateTimeField
        id="open-deadline"
        label={t.deadline}
        value={deadline}
        onInput={setDeadline}
        error={form.errors.deadline}
        required={needsDeadline}
      />
      <div class="form-actions">
        <button type="submit" id="open-submit" class="button button-primary" disabled={form.pending}>
          {form.pending ? t.sending : t.openButton}
        </button>
        <button type="button" class="button button-quiet" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

function RequestForm({ organization, state, onCancel }: { organization: string; state: string; onCancel: () => void }) {
  const { t, lang } = useDecisionText();
  const { names } = useActorNames();
  const organizations = useApi<OrganizationsResponse>(apiUrl("/organizations", { lang }));
  const frameworks = organizations.data?.organizations.find((org) => org.code === organization)?.frameworks ?? [];
  const [status, setStatus] = useState<RequestableKind>("member");
  const [framework, setFramework] = useState("");
  const [text, setText] = useState("");
  const form = useChangeForm("request");

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (status === "partner" && !framework) found.framework = t.frameworkNeeded;
    if (!text.trim()) found.text = t.enterText;
    if (!form.check(found)) return;
    const answer = await form.run(
      (key) =>
        send<ProposalResponse>(
          "POST",
          `/requests?lang=${lang}`,
          { organization, status, ...(status === "partner" ? { framework } : {}), text },
          { idempotencyKey: key },
        ),
      ["organization", "status", "framework", "text"],
    );
    if (answer) navigate(`/proposals/${answer.proposal.id}`);
  };

  return (
    <form class="stack-form" onSubmit={onSubmit} noValidate aria-labelledby="start-form-heading">
      <FormHeading
        title={t.requestTitle}
        intro={t.requestIntro(names.get(state) ?? state, names.get(organization) ?? organization)}
      />
      <FormAlerts form={form} />
      <div class="form-grid">
        <div class="field">
          <label for="request-organization">{t.organizationField}</label>
          <input
            id="request-organization"
            class="input"
            readOnly
            value={`${names.get(organization) ?? organization} (${organization})`}
          />
        </div>
        <SelectField
          id="request-status"
          label={t.statusRequested}
          value={status}
          onChange={(value) => setStatus(value as typeof status)}
          error={form.errors.status}
          required
        >
          {REQUESTABLE_KINDS.map((s) => (
            <option value={s}>{t.requestStatuses[s]}</option>
          ))}
        </SelectField>
        {status === "partner" && (
          <SelectField
            id="request-framework"
            label={t.framework}
            value={framework}
            onChange={setFramework}
            error={form.errors.framework}
            required
          >
            <option value="">{t.chooseFramework}</option>
            {frameworks.map((f) => (
              <option value={f.slug}>{f.name}</option>
            ))}
          </SelectField>
        )}
      </div>
      <TextArea
        id="request-text"
        label={t.requestText}
        value={text}
        onInput={setText}
        error={form.errors.text}
        hint={t.textHint}
        rows={6}
        required
      />
      <div class="form-actions">
        <button type="submit" id="request-submit" class="button button-primary" disabled={form.pending}>
          {form.pending ? t.sending : t.fileRequest}
        </button>
        <button type="button" class="button button-quiet" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

function NoticeForm({ organization, state, onCancel }: { organization: string; state: string; onCancel: () => void }) {
  const { t, lang } = useDecisionText();
  const { names, shortNames } = useActorNames();
  // The organisation's periods of notice and the server's date: a notice filed now takes effect then.
  const rules = useApi<StatusNoticesResponse>(
    apiUrl(`/organizations/${encodeURIComponent(organization)}/status-notices`, {}),
    { cache: false },
  );
  const [kind, setKind] = useState<NoticeKind>("suspension");
  const [statement, setStatement] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const form = useChangeForm("notice");
  const stateName = names.get(state) ?? state;
  const organizationName = shortNames.get(organization) ?? organization;
  const effectiveOn = rules.data ? noticeEffectiveOn(kind, rules.data.today, rules.data.periods) : null;
  const effective = effectiveOn ? formatDate(effectiveOn, "day", lang) : "…";

  // The confirming step first: what the notice does, and from when.
  const onSubmit = (event: Event) => {
    event.preventDefault();
    setDone(null);
    const found: Record<string, string> = {};
    if (!statement.trim()) found.statement = t.noticeStatementNeeded;
    if (!form.check(found)) return;
    setConfirming(true);
  };

  const onConfirm = async () => {
    setConfirming(false);
    const answer = await form.run(
      (key) =>
        send<StatusNoticeResponse>(
          "POST",
          "/status-notices",
          { kind, organization, statement: statement.trim() },
          { idempotencyKey: key },
        ),
      ["kind", "organization", "statement"],
    );
    if (answer) {
      setStatement("");
      setDone(t.noticeGiven(formatDate(answer.notice.effectiveOn, "day", lang)));
      announceNoticesChanged();
    }
  };

  return (
    <form class="stack-form" onSubmit={onSubmit} noValidate aria-labelledby="start-form-heading">
      <FormHeading title={t.noticeTitle} intro={t.noticeIntro(stateName, organizationName)} />
      <FormAlerts form={form} />
      <fieldset class="field">
        <legend>{t.noticeKind}</legend>
        <div class="radio-row">
          {NOTICE_KINDS.map((k) => (
            <label class="radio">
              <input
                type="radio"
                name="notice-kind"
                id={`notice-kind-${k}`}
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              {t.noticeKinds[k]}
            </label>
          ))}
        </div>
      </fieldset>
      <TextArea
        id="notice-statement"
        label={t.noticeStatementLabel}
        value={statement}
        onInput={setStatement}
        error={form.errors.statement}
        hint={t.noticeStatementHint}
        required
        markRequired
        maxLength={NOTICE_STATEMENT_MAX}
        rows={4}
      />
      <div class="form-actions">
        <button type="submit" id="notice-submit" class="button button-primary" disabled={form.pending || !rules.data}>
          {form.pending ? t.sending : t.fileNotice}
        </button>
        <button type="button" class="button button-quiet" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
      <FormStatus message={done} />
      <Confirm
        open={confirming}
        title={t.noticeConfirmTitle(kind, organizationName)}
        confirmLabel={t.noticeConfirm}
        cancelLabel={t.cancel}
        pending={form.pending}
        onConfirm={onConfirm}
        onCancel={() => setConfirming(false)}
      >
        <p>
          <strong data-testid="notice-consequence">
            {t.noticeConsequence(kind, stateName, organizationName, effective)}
          </strong>
        </p>
        <p>{t.noticePeriod(rules.data ? noticeMonths(kind, rules.data.periods) : 0, organizationName)}</p>
        <p>{t.noticeDepositary(organizationName)}</p>
      </Confirm>
    </form>
  );
}

const KNOWN_DESIGNATIONS: readonly [string, ...string[]] = ["major-non-nato-ally"];

function DesignationForm({ bodies, state, onCancel }: { bodies: DecisionBody[]; state: string; onCancel: () => void }) {
  const { t, lang } = useDecisionText();
  const { actors, names } = useActorNames();
  // The panel offers this form only when the account's state is itself a decision body: there is a first one.
  const [bodyId, setBodyId] = useState(bodies[0]?.id ?? "");
  const [designee, setDesignee] = useState("");
  const [designation, setDesignation] = useState(KNOWN_DESIGNATIONS[0]);
  const [revoke, setRevoke] = useState(false);
  const [text, setText] = useState("");
  const form = useChangeForm("designation");
  const choices = useMemo(() => {
    const collator = new Intl.Collator(lang);
    return (actors ?? []).filter((actor) => actor.code !== state).sort((a, b) => collator.compare(a.name, b.name));
  }, [actors, lang, state]);

  const [confirming, setConfirming] = useState(false);
  const designeeName = names.get(designee) ?? designee;
  const stateName = names.get(state) ?? state;

  // Asks first, in words naming what adoption would record.
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!designee) found.designee = t.designeeNeeded;
    if (!/^[a-z0-9][a-z0-9-]*$/.test(designation)) found.designation = t.designationNeeded;
    if (!text.trim()) found.text = t.enterText;
    if (!form.check(found)) return;
    setConfirming(true);
  };

  const onConfirm = async () => {
    setConfirming(false);
    const answer = await form.run(
      (key) =>
        send<ProposalResponse>(
          "POST",
          `/designations?lang=${lang}`,
          { body: bodyId, designee, designation, revoke, text },
          { idempotencyKey: key },
        ),
      ["body", "designee", "designation", "text"],
    );
    if (answer) navigate(`/proposals/${answer.proposal.id}`);
  };

  return (
    <form class="stack-form" onSubmit={onSubmit} noValidate aria-labelledby="start-form-heading">
      <FormHeading title={t.designationTitle} intro={t.designationIntro(names.get(state) ?? state)} />
      <FormAlerts form={form} />
      <div class="form-grid">
        {bodies.length > 1 && (
          <SelectField
            id="designation-body"
            label={t.body}
            value={bodyId}
            onChange={setBodyId}
            error={form.errors.body}
            required
          >
            {bodies.map((b) => (
              <option value={b.id}>{b.name}</option>
            ))}
          </SelectField>
        )}
        <SelectField
          id="designation-designee"
          label={t.designee}
          value={designee}
          onChange={setDesignee}
          error={form.errors.designee}
          required
        >
          <option value="">{actors ? t.chooseDesignee : t.loading}</option>
          {choices.map((actor) => (
            <option value={actor.code}>
              {actor.name} ({actor.code})
            </option>
          ))}
        </SelectField>
        <TextField
          id="designation-designation"
          label={t.designation}
          value={designation}
          onInput={setDesignation}
          hint={t.designationHint}
          error={form.errors.designation}
          list="known-designations"
          spellcheck={false}
          autoCapitalize="none"
          required
        />
        <datalist id="known-designations">
          {KNOWN_DESIGNATIONS.map((d) => (
            <option value={d} />
          ))}
        </datalist>
      </div>
      <div class="check-inline">
        <input
          type="checkbox"
          id="designation-revoke"
          checked={revoke}
          onChange={(event) => setRevoke(event.currentTarget.checked)}
        />
        <label for="designation-revoke">{t.revoke}</label>
      </div>
      <TextArea
        id="designation-text"
        label={t.proposalText}
        value={text}
        onInput={setText}
        error={form.errors.text}
        hint={t.textHint}
        rows={6}
        required
      />
      <div class="form-actions">
        <button type="submit" id="designation-submit" class="button button-primary" disabled={form.pending}>
          {form.pending ? t.sending : t.proposeDesignation}
        </button>
        <button type="button" class="button button-quiet" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
      <Confirm
        open={confirming}
        title={t.designationConfirmTitle(revoke, designation, designeeName)}
        confirmLabel={revoke ? t.proposeRevocation : t.proposeDesignation}
        cancelLabel={t.cancel}
        danger={false}
        pending={form.pending}
        onConfirm={onConfirm}
        onCancel={() => setConfirming(false)}
      >
        <p>{t.designationConfirmText(revoke, stateName, designation, designeeName)}</p>
      </Confirm>
    </form>
  );
}
