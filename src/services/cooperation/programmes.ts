/**
 * Individual partnership programmes (IPCP, ITPP…): one per partner, organisation and cycle, in
 * versions. A version is drafted by the partner's delegation with the secretariat as a tree of
 * strategic objectives → partnership goals → activities (menu items or bespoke), proposed by the
 * secretariat for agreement in the organisation's request body (a proposal of the decisions
 * engine, by default under the silence procedure), and in force from the day it is agreed, citing
 * the decision, until the next version is (ProgrammeAgreements). Every version stays readable, and
 * two versions compare node by node (by their refs).
 *
 * Who sees what is cooperationPolicy's ("self-differentiation and confidentiality"): the
 * secretariat, the partner's own delegation and the allies' delegations read a programme whole;
 * the organisation's analysts its published summary (no tree, no progress); another partner's
 * delegation and another organisation's people do not learn it exists.
 */
import type { Database, Transaction } from "../../db/client.ts";
import * as repo from "../../db/repositories/programmes.ts";
import {
  COOPERATION_AREAS,
  COOPERATION_LIMITS,
  type CooperationArea,
  meanProgress,
  PROGRAMME_KIND_MAX,
} from "../../domain/cooperation.ts";
import { addDays, isDay } from "../../domain/dates.ts";
import { msg } from "../../domain/messages/index.ts";
import { appendAudit } from "../audit/log.ts";
import type { DecisionsService, ProgrammeAgreements } from "../decisions/decisions.ts";
import { schedulerFor } from "../decisions/decisions.ts";
import { ConflictError, HiddenError, InvalidRequestError, NotFoundError } from "../errors.ts";
import { auditActor, authorize, cooperationPolicy, type Principal, type ProgrammeScope } from "../policies.ts";
import type { ProgrammeCache } from "./programme-cache.ts";
import { type Standing, standingOf, standingOfReader } from "./standing.ts";

export type { ProgrammeRow, VersionRow } from "../../db/repositories/programmes.ts";

/** The most a version's tree holds: objectives, goals per objective, activities per goal and in all. */
/** A page of the programmes list, by default and at most. */
export const PROGRAMMES_PAGE = 100;
export const PROGRAMMES_PAGE_MAX = 1000;

export const TREE_LIMITS = { objectives: 100, goalsPerObjective: 100, activitiesPerGoal: 500, activities: 2000 };
/** A node's quote from its source (the tables' check). */
const QUOTE_MAX = 2000;
/** A proposal's text (src/api/decision-schemas.ts, OpenProposal). */
const PROPOSAL_TEXT_MAX = 100_000;
const REF = /^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/;
const MENU_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const KIND = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}$/;

export type TitlesInput = { en?: string | null; es?: string | null; pt?: string | null; fr?: string | null };
export type ActivityInput = {
  ref: string;
  /** A menu item's code in the organisation's menu; without it, a bespoke activity with its own titles. */
  menuItem?: string | null;
  titles?: TitlesInput | null;
  year: number;
  description?: string | null;
  source?: string | null;
  quote?: string | null;
};
export type GoalInput = {
  ref: string;
  titles: TitlesInput;
  description?: string | null;
  source?: string | null;
  quote?: string | null;
  activities: ActivityInput[];
};
export type ObjectiveInput = {
  ref: string;
  area?: CooperationArea | null;
  titles: TitlesInput;
  description?: string | null;
  source?: string | null;
  quote?: string | null;
  goals: GoalInput[];
};
export type DraftInput = { summary?: string | null; objectives: ObjectiveInput[] };

export type ActivityView = repo.ActivityRow;
export type GoalView = repo.GoalRow & { progress: number | null; activities: ActivityView[] };
export type ObjectiveView = repo.ObjectiveRow & { goals: GoalView[] };

/** What the reader may do with a programme, from the same rules the methods enforce. */
export type ProgrammeAbilities = { draft: boolean; propose: boolean; newVersion: boolean; manageResults: boolean };

export type ProgrammeSummaryView = {
  programme: repo.ProgrammeRow;
  versions: repo.VersionRow[];
  /** The reader reads the programme whole (its tree, its progress), not only its published summary. */
  whole: boolean;
  /** The mean progress of its goals (0 to 1); null for a summary-only reader, or when no goal has any yet. */
  progress: number | null;
};

export type ProgrammeDetailView = ProgrammeSummaryView & {
  /** The version shown: the one asked for, else the one in force, else the latest. */
  version: repo.VersionRow;
  tree: ObjectiveView[] | null;
  abilities: ProgrammeAbilities;
};

export type ChangeLevel = "objective" | "goal" | "activity";
export type ProgrammeChange = {
  level: ChangeLevel;
  ref: string;
  change: "added" | "removed" | "changed";
  fields: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/** The progress of a programme's goals, by goal ref: the results service's (src/services/cooperation/results.ts). */
export interface GoalProgressSource {
  goalProgress(programmeId: number): Promise<Map<string, number | null>>;
  /** Many programmes' progress at once (a list); without it, lists show none. */
  programmesProgress?(programmeIds: readonly number[]): Promise<Map<number, number | null>>;
}

export type ProgrammesOptions = {
  /** Where goals' progress comes from, once the results service exists (asked late: it may be built after this one). */
  progress?: () => GoalProgressSource | undefined;
  /** A long-running server's copy of what programme pages read (src/services/cooperation/programme-cache.ts). */
  cache?: ProgrammeCache;
};

export class ProgrammesService implements ProgrammeAgreements {
  constructor(
    private readonly db: Database,
    private readonly decisions: Pick<DecisionsService, "openProgrammeAgreement">,
    private readonly options: ProgrammesOptions = {},
  ) {}

  // ---------------------------------------------------------------------------- reads

  /**
   * A page of the programmes of an organisation (the reader's own by default) the reader may see,
   * by partner and newest cycle first, and how many there are: all of them for its secretariat,
   * allies' delegations and analysts (summaries), a partner's delegation its own only. Anonymous
   * readers name the organisation and see none; Concord's own tools (the CLI) may ask across
   * organisations. Each programme read whole carries its progress, computed for the page only.
   */
  async list(
    principal: Principal,
    query: { organization?: string; partner?: string; kind?: string; limit?: number; offset?: number },
  ): Promise<{ total: number; programmes: ProgrammeSummaryView[] }> {
    const organization =
      query.organization ?? (principal.kind === "account" ? principal.account.organizationCode : undefined);
    if (organization === undefined && principal.kind !== "system")
      throw new InvalidRequestError(msg("programmes.organization_required"), { field: "organization" });
    const limit = query.limit ?? PROGRAMMES_PAGE;
    const offset = query.offset ?? 0;
    if (!Number.isInteger(limit) || limit < 1 || limit > PROGRAMMES_PAGE_MAX)
      throw new InvalidRequestError(msg("validation.limit_range", { maximum: PROGRAMMES_PAGE_MAX }), {
        field: "limit",
      });
    if (!Number.isInteger(offset) || offset < 0)
      throw new InvalidRequestError(msg("validation.offset"), { field: "offset" });
    // Another organisation's people (and anonymous readers) see none of its programmes.
    if (principal.kind === "anonymous") return { total: 0, programmes: [] };
    if (principal.kind === "account" && principal.account.organizationCode !== organization)
      return { total: 0, programmes: [] };
    const standing =
      organization === undefined ? NO_STANDING : await standingOfReader(this.db, principal, organization);
    const own = principal.kind === "account" ? principal.account.delegationState : null;
    // Narrowed in the database to what the policy can allow (so the count is of what the reader
    // sees); the policy has the last word on each.
    const onlyOwn = own !== null && own !== undefined && !standing.member;
    const filter = { organization, partner: query.partner, kind: query.kind, partners: onlyOwn ? [own] : undefined };
    const [rows, total] = await Promise.all([
      repo.listProgrammes(this.db, { ...filter, limit, offset }),
      repo.countProgrammes(this.db, filter),
    ]);
    const visible = rows.flatMap((programme) => {
      const scope = scopeOf(programme);
      const whole = cooperationPolicy.readProgramme(principal, scope, standing);
      return whole || cooperationPolicy.readProgrammeSummary(principal, scope, standing) ? [{ programme, whole }] : [];
    });
    const versions = groupVersions(
      await repo.listVersions(
        this.db,
        visible.map(({ programme }) => programme.id),
      ),
    );
    const wholeIds = visible.filter(({ whole }) => whole).map(({ programme }) => programme.id);
    const source = this.options.progress?.();
    const progress =
      wholeIds.length > 0 && source?.programmesProgress ? await source.programmesProgress(wholeIds) : new Map();
    return {
      total,
      programmes: visible.map(({ programme, whole }) => ({
        programme,
        versions: versions.get(programme.id) ?? [],
        whole,
        progress: whole ? (progress.get(programme.id) ?? null) : null,
      })),
    };
  }

  /**
   * One programme with one version (`version`; by default the one in force, else the latest):
   * its tree with each goal's progress for whole readers, null for summary-only readers; and
   * what the reader may do with it.
   */
  async get(
    principal: Principal,
    id: number,
    query: { version?: number } = {},
    db: Database | Transaction = this.db,
  ): Promise<ProgrammeDetailView> {
    const { programme, whole } = await this.visibleProgramme(principal, id, db);
    const versions = await this.remember(db, `versions:${id}`, () => repo.listVersions(db, [id]));
    const version =
      query.version === undefined
        ? (versions.find((candidate) => candidate.status === "in-force") ?? versions.at(-1))
        : versions.find((candidate) => candidate.number === query.version);
    if (!version) throw new NotFoundError(msg("programmes.version_not_found", { id, version: query.version ?? 1 }));
    let tree: ObjectiveView[] | null = null;
    let progress: number | null = null;
    if (whole) {
      const [rows, goalProgress] = await Promise.all([
        this.remember(db, `tree:${id}:${version.number}`, () => repo.readTree(db, id, version.number)),
        // Read from the results service, which keeps its rows in the cache.
        this.options.progress?.()?.goalProgress(id) ?? new Map<string, number | null>(),
      ]);
      tree = nest(rows, goalProgress);
      progress = meanProgress(tree.flatMap((objective) => objective.goals.map((goal) => goal.progress)));
    }
    return {
      programme,
      versions,
      whole,
      progress,
      version,
      tree,
      abilities: abilitiesOf(principal, programme, versions),
    };
  }

  /**
   * A programme as the reader may see it, or a refusal: 401 to anonymous readers, 404 to anyone
   * who may not know it exists. `whole`: the reader reads it whole, not only its summary. For the
   * services that hang off a programme (results), so they ask the same rules.
   */
  async visibleProgramme(
    principal: Principal,
    id: number,
    db: Database | Transaction = this.db,
    options: { lock?: boolean } = {},
  ): Promise<{ programme: repo.ProgrammeRow; scope: ProgrammeScope; standing: Standing; whole: boolean }> {
    const programme = options.lock
      ? await repo.findProgramme(db, id, options)
      : await this.remember(db, `programme:${id}`, () => repo.findProgramme(db, id));
    if (!programme) {
      authorize(principal, principal.kind !== "anonymous", msg("programmes.activity.reading"));
      throw new NotFoundError(msg("programmes.not_found", { id }));
    }
    const standing = await this.standingOf(principal, programme.organization);
    const scope = scopeOf(programme);
    const whole = cooperationPolicy.readProgramme(principal, scope, standing);
    if (!whole && !cooperationPolicy.readProgrammeSummary(principal, scope, standing)) {
      authorize(principal, principal.kind !== "anonymous", msg("programmes.activity.reading"));
      throw new HiddenError(msg("programmes.not_found", { id }));
    }
    return { programme, scope, standing, whole };
  }

  /** Two versions of a programme compared node by node (by ref): what was added, removed, or changed and in which fields. */
  async compare(
    principal: Principal,
    id: number,
    query: { from: number; to: number },
  ): Promise<{ from: number; to: number; changes: ProgrammeChange[] }> {
    const { whole } = await this.visibleProgramme(principal, id);
    authorize(principal, whole, msg("programmes.activity.comparing"));
    const versions = await repo.listVersions(this.db, [id]);
    for (const number of [query.from, query.to])
      if (!versions.some((version) => version.number === number))
        throw new NotFoundError(msg("programmes.version_not_found", { id, version: number }));
    const before = await repo.readTree(this.db, id, query.from);
    const after = await repo.readTree(this.db, id, query.to);
    return { from: query.from, to: query.to, changes: compareTrees(before, after) };
  }

  /** From the cache when there is one and `db` is the pool (never inside a transaction, which may see its own changes). */
  private remember<T>(db: Database | Transaction, key: string, load: () => Promise<T>): Promise<T> {
    return this.options.cache && db === this.db ? this.options.cache.remember(key, load) : load();
  }

  /** The reader's standing today, from the cache when there is one. */
  private standingOf(principal: Principal, organization: string): Promise<Standing> {
    return (
      this.options.cache?.standingOfReader(this.db, principal, organization) ??
      standingOfReader(this.db, principal, organization)
    );
  }

  // ------------------------------------------------------------------------------ changes

  /** A new programme for a partner (the secretariat), with version 1 as an empty draft. */
  async create(
    principal: Principal,
    input: { organization?: string; partner: string; kind: string; start: string; end: string },
    tx: Transaction,
  ): Promise<ProgrammeDetailView> {
    const organization =
      input.organization ?? (principal.kind === "account" ? principal.account.organizationCode : undefined);
    if (organization === undefined)
      throw new InvalidRequestError(msg("programmes.organization_to_open"), { field: "organization" });
    authorize(
      principal,
      cooperationPolicy.manageProgramme(principal, organization),
      msg("programmes.activity.opening", { organization }),
    );
    const kind = input.kind.trim();
    if (!KIND.test(kind))
      throw new InvalidRequestError(msg("programmes.kind_invalid", { maximum: PROGRAMME_KIND_MAX }), {
        field: "kind",
      });
    for (const field of ["start", "end"] as const)
      if (!isDay(input[field])) throw new InvalidRequestError(msg("validation.calendar_date"), { field });
    if (input.end < input.start)
      throw new InvalidRequestError(msg("programmes.end_before_start", { start: input.start }), { field: "end" });
    if (!(await repo.isState(tx, input.partner)))
      throw new InvalidRequestError(msg("programmes.not_a_state", { code: input.partner }), { field: "partner" });
    const partnerThen = await standingOf(this.db, input.partner, organization, input.start);
    if (!partnerThen.partner && !(await standingOf(this.db, input.partner, organization)).partner)
      throw new InvalidRequestError(
        msg("programmes.not_a_partner", { state: input.partner, organization, start: input.start }),
        { field: "partner" },
      );
    const programme = { organization, partner: input.partner, kind, start: input.start, end: input.end };
    const other = await repo.overlappingProgramme(tx, programme);
    if (other) throw new ConflictError(msg("programmes.overlaps", { ...programme, other: other.id, ...other }));
    const createdBy = auditActor(principal).actor;
    let id: number;
    try {
      // A savepoint: a programme written at the same moment by someone else makes the database refuse this one.
      id = await tx.transaction((savepoint) =>
        repo.insertProgramme(savepoint, { ...programme, reconstructed: false, createdBy }),
      );
    } catch (error) {
      if (postgresCode(error) === "23P01")
        throw new ConflictError(msg("programmes.overlaps_another", { partner: input.partner, organization }));
      throw error;
    }
    await repo.insertVersion(tx, { programmeId: id, number: 1, status: "draft", summary: null, createdBy });
    const created = await this.get(principal, id, {}, tx);
    await appendAudit(tx, {
      ...auditActor(principal),
      organization,
      action: "programme.create",
      objectType: "programme",
      objectId: id,
      after: { ...created.programme, versions: created.versions },
    });
    return created;
  }

  /**
   * Replaces the tree (and, if given, the summary) of the programme's draft: the secretariat or
   * the partner's delegation, while the latest version is a draft. Refused whole, naming the
   * first wrong field by its path (`objectives[0].goals[1].activities[0].year`).
   */
  async replaceDraft(principal: Principal, id: number, input: DraftInput, tx: Transaction) {
    const { programme, scope } = await this.visibleProgramme(principal, id, tx, { lock: true });
    authorize(
      principal,
      cooperationPolicy.draftProgramme(principal, scope),
      msg("programmes.activity.drafting", { partner: programme.partner }),
    );
    const latest = await this.latestVersion(tx, id);
    if (latest.status !== "draft")
      throw new ConflictError(msg("programmes.no_draft", { id, version: latest.number, status: latest.status }));
    const tree = await this.checkedTree(tx, programme, input);
    const summary =
      input.summary === undefined ? undefined : checkedText(input.summary, COOPERATION_LIMITS.description, "summary");
    const before = auditTree(await repo.readTree(tx, id, latest.number));
    await repo.replaceTree(tx, id, latest.number, tree);
    if (summary !== undefined) await repo.setVersionSummary(tx, id, latest.number, summary);
    const after = await this.get(principal, id, { version: latest.number }, tx);
    await appendAudit(tx, {
      ...auditActor(principal),
      organization: programme.organization,
      action: "programme.draft",
      objectType: "programme",
      objectId: id,
      before: { version: latest.number, summary: latest.summary, tree: before },
      after: {
        version: latest.number,
        summary: after.version.summary,
        tree: auditTree(await repo.readTree(tx, id, latest.number)),
      },
    });
    return after;
  }

  /** A new draft, copied from the latest version (the secretariat or the partner's delegation), once no version is open. */
  async newVersion(principal: Principal, id: number, input: { summary?: string | null }, tx: Transaction) {
    const { programme, scope } = await this.visibleProgramme(principal, id, tx, { lock: true });
    authorize(
      principal,
      cooperationPolicy.draftProgramme(principal, scope),
      msg("programmes.activity.drafting", { partner: programme.partner }),
    );
    const latest = await this.latestVersion(tx, id);
    if (latest.status === "draft" || latest.status === "proposed")
      throw new ConflictError(msg("programmes.open_version", { id, version: latest.number, status: latest.status }));
    const summary =
      input.summary === undefined ? null : checkedText(input.summary, COOPERATION_LIMITS.description, "summary");
    const number = latest.number + 1;
    await repo.insertVersion(tx, {
      programmeId: id,
      number,
      status: "draft",
      summary,
      createdBy: auditActor(principal).actor,
    });
    await repo.copyTree(tx, id, latest.number, number);
    const created = await this.get(principal, id, { version: number }, tx);
    await appendAudit(tx, {
      ...auditActor(principal),
      organization: programme.organization,
      action: "programme.version",
      objectType: "programme",
      objectId: id,
      after: created.version,
      details: { version: number, copiedFrom: latest.number },
    });
    return created;
  }

  /**
   * Puts the draft to the organisation's request body for agreement (the secretariat): a
   * proposal under the silence procedure by default (DecisionsService.openProgrammeAgreement);
   * the version is proposed until the proposal is decided.
   */
  async propose(
    principal: Principal,
    id: number,
    input: { deadline?: Date | null; text?: string | null },
    tx: Transaction,
  ) {
    const { programme } = await this.visibleProgramme(principal, id, tx, { lock: true });
    authorize(
      principal,
      cooperationPolicy.manageProgramme(principal, programme.organization),
      msg("programmes.activity.proposing", { organization: programme.organization }),
    );
    const latest = await this.latestVersion(tx, id);
    if (latest.status !== "draft")
      throw new ConflictError(msg("programmes.no_draft", { id, version: latest.number, status: latest.status }));
    const tree = await repo.readTree(tx, id, latest.number);
    if (tree.objectives.length === 0)
      throw new ConflictError(msg("programmes.empty_draft", { id, version: latest.number }));
    const name = programme.partnerNames.en;
    const given =
      input.text === undefined || input.text === null ? null : checkedText(input.text, PROPOSAL_TEXT_MAX, "text");
    const text =
      given ??
      [
        `The ${programme.kind} of ${name} with ${programme.organization} for ${programme.start} to ${programme.end}, version ${latest.number}: ` +
          `${tree.objectives.length} strategic objective(s), ${tree.goals.length} partnership goal(s), ${tree.activities.length} activit${tree.activities.length === 1 ? "y" : "ies"}.`,
        latest.summary ?? "",
      ]
        .filter((part) => part !== "")
        .join("\n\n");
    const opened = await this.decisions.openProgrammeAgreement(
      principal,
      {
        organization: programme.organization,
        programmeId: id,
        version: latest.number,
        partner: programme.partner,
        title: `${programme.kind} of ${name} (${programme.start} to ${programme.end}), version ${latest.number}`,
        text,
        deadline: input.deadline,
      },
      tx,
    );
    await repo.setVersionStatus(tx, id, latest.number, { status: "proposed", proposalId: opened.proposal.id });
    const after = await this.get(principal, id, { version: latest.number }, tx);
    await appendAudit(tx, {
      ...auditActor(principal),
      organization: programme.organization,
      action: "programme.propose",
      objectType: "programme",
      objectId: id,
      before: latest,
      after: after.version,
      details: { version: latest.number, proposalId: opened.proposal.id, body: opened.body.id },
    });
    return after;
  }

  // ----------------------------------------------------------- agreements (the decisions engine)

  /**
   * The proposal agreeing a version was adopted on `day`: the version is in force from that day,
   * citing the decision; the version in force until then is superseded from the day before (the
   * same day, if it came into force that day). In the outcome's transaction; a refusal here leaves
   * the decision standing and says why (DecisionsService.applyEffect).
   */
  async agreed(
    tx: Transaction,
    agreement: { programmeId: number; version: number; proposalId: number; day: string; sourceId: string },
  ): Promise<void> {
    const { programmeId, version: number, proposalId, day, sourceId } = agreement;
    const programme = await repo.findProgramme(tx, programmeId, { lock: true });
    if (!programme) throw new NotFoundError(msg("programmes.not_found", { id: programmeId }));
    const versions = await repo.listVersions(tx, [programmeId]);
    const version = versions.find((candidate) => candidate.number === number);
    if (version?.status !== "proposed" || version.proposalId !== proposalId)
      throw new ConflictError(
        msg("programmes.not_proposed", { id: programmeId, version: number, status: version?.status ?? "missing" }),
      );
    const previous = versions.find((candidate) => candidate.status === "in-force");
    if (previous) {
      const dayBefore = addDays(day, -1);
      const from = previous.inForceFrom ?? dayBefore;
      await repo.setVersionStatus(tx, programmeId, previous.number, {
        status: "superseded",
        inForceUntil: laterOf(dayBefore, from),
      });
    }
    await repo.setVersionStatus(tx, programmeId, number, { status: "in-force", inForceFrom: day, sourceId });
    const after = await repo.listVersions(tx, [programmeId]);
    await appendAudit(tx, {
      ...auditActor(schedulerFor(programme.organization)),
      organization: programme.organization,
      action: "programme.agree",
      objectType: "programme",
      objectId: programmeId,
      before: versions.filter((candidate) => candidate.number === number || candidate.number === previous?.number),
      after: after.filter((candidate) => candidate.number === number || candidate.number === previous?.number),
      details: { version: number, proposalId, day, sourceId, superseded: previous?.number ?? null },
    });
  }

  /**
   * The proposal agreeing a version was not adopted, or was withdrawn: the version is not agreed
   * (a new one may be drafted from it). In the outcome's transaction, which it must never fail: a
   * version no longer proposed is left as it is.
   */
  async notAgreed(tx: Transaction, agreement: { programmeId: number; version: number; proposalId: number }) {
    const { programmeId, version: number, proposalId } = agreement;
    const programme = await repo.findProgramme(tx, programmeId, { lock: true });
    if (!programme) return;
    const version = (await repo.listVersions(tx, [programmeId])).find((candidate) => candidate.number === number);
    if (version?.status !== "proposed" || version.proposalId !== proposalId) return;
    await repo.setVersionStatus(tx, programmeId, number, { status: "not-agreed" });
    await appendAudit(tx, {
      ...auditActor(schedulerFor(programme.organization)),
      organization: programme.organization,
      action: "programme.not-agreed",
      objectType: "programme",
      objectId: programmeId,
      before: version,
      after: { ...version, status: "not-agreed" },
      details: { version: number, proposalId },
    });
  }

  // ------------------------------------------------------------------------------ helpers

  private async latestVersion(db: Transaction, id: number): Promise<repo.VersionRow> {
    const latest = (await repo.listVersions(db, [id])).at(-1);
    // Every programme is created with its version 1.
    if (!latest) throw new NotFoundError(msg("programmes.version_not_found", { id, version: 1 }));
    return latest;
  }

  /**
   * A draft's tree checked as a whole before anything is written: refs unique at each level,
   * titles, texts and their limits, areas, activities' menu items (by code, in the organisation's
   * menu) and years (inside the programme's period), sources that exist. The first problem, in
   * the order of the document, names its path.
   */
  private async checkedTree(
    db: Transaction,
    programme: repo.ProgrammeRow,
    input: DraftInput,
  ): Promise<repo.NewObjective[]> {
    const first = Number(programme.start.slice(0, 4));
    const last = Number(programme.end.slice(0, 4));
    const seen: Record<ChangeLevel, Map<string, string>> = {
      objective: new Map(),
      goal: new Map(),
      activity: new Map(),
    };
    const sources: Array<{ id: string; field: string }> = [];
    const codes: Array<{ code: string; field: string }> = [];
    const ref = (level: ChangeLevel, value: string, path: string) => {
      if (typeof value !== "string" || !REF.test(value))
        throw new InvalidRequestError(msg("programmes.ref_invalid"), { field: `${path}.ref` });
      const earlier = seen[level].get(value);
      if (earlier !== undefined)
        throw new InvalidRequestError(msg("programmes.duplicate_ref", { ref: value, first: earlier }), {
          field: `${path}.ref`,
        });
      seen[level].set(value, path);
      return value;
    };
    const cited = (node: { source?: string | null; quote?: string | null }, path: string) => {
      const source = checkedText(node.source, 100, `${path}.source`);
      const quote = checkedText(node.quote, QUOTE_MAX, `${path}.quote`);
      if (quote !== null && source === null)
        throw new InvalidRequestError(msg("programmes.quote_needs_source"), { field: `${path}.quote` });
      if (source !== null) sources.push({ id: source, field: `${path}.source` });
      return { sourceId: source, quote };
    };
    const many = <T>(items: T[] | undefined, maximum: number, field: string): T[] => {
      if (!Array.isArray(items)) throw new InvalidRequestError(msg("validation.required"), { field });
      if (items.length > maximum) throw new InvalidRequestError(msg("programmes.too_many", { maximum }), { field });
      return items;
    };
    let activityCount = 0;
    const tree = many(input.objectives, TREE_LIMITS.objectives, "objectives").map((objective, o) => {
      const path = `objectives[${o}]`;
      const area = objective.area ?? null;
      if (area !== null && !(COOPERATION_AREAS as readonly string[]).includes(area))
        throw new InvalidRequestError(msg("validation.one_of", { options: COOPERATION_AREAS.join(", ") }), {
          field: `${path}.area`,
        });
      return {
        ref: ref("objective", objective.ref, path),
        area,
        titles: requiredTitles(objective.titles, `${path}.titles`),
        description: checkedText(objective.description, COOPERATION_LIMITS.description, `${path}.description`),
        ...cited(objective, path),
        goals: many(objective.goals, TREE_LIMITS.goalsPerObjective, `${path}.goals`).map((goal, g) => {
          const goalPath = `${path}.goals[${g}]`;
          return {
            ref: ref("goal", goal.ref, goalPath),
            titles: requiredTitles(goal.titles, `${goalPath}.titles`),
            description: checkedText(goal.description, COOPERATION_LIMITS.description, `${goalPath}.description`),
            ...cited(goal, goalPath),
            activities: many(goal.activities, TREE_LIMITS.activitiesPerGoal, `${goalPath}.activities`).map(
              (activity, a) => {
                const activityPath = `${goalPath}.activities[${a}]`;
                activityCount += 1;
                if (activityCount > TREE_LIMITS.activities)
                  throw new InvalidRequestError(
                    msg("programmes.too_many_activities", { maximum: TREE_LIMITS.activities }),
                    { field: activityPath },
                  );
                const checkedRef = ref("activity", activity.ref, activityPath);
                const code = checkedText(activity.menuItem, COOPERATION_LIMITS.code, `${activityPath}.menuItem`);
                if (code !== null) {
                  if (!MENU_CODE.test(code))
                    throw new InvalidRequestError(
                      msg("programmes.unknown_menu_item", { code, organization: programme.organization }),
                      { field: `${activityPath}.menuItem` },
                    );
                  codes.push({ code, field: `${activityPath}.menuItem` });
                }
                const titles = optionalTitles(activity.titles, `${activityPath}.titles`);
                if (code === null && titles.en === null)
                  throw new InvalidRequestError(msg("programmes.activity_needs_title"), {
                    field: `${activityPath}.titles.en`,
                  });
                if (!Number.isInteger(activity.year) || activity.year < first || activity.year > last)
                  throw new InvalidRequestError(msg("programmes.year_outside", { year: activity.year, first, last }), {
                    field: `${activityPath}.year`,
                  });
                return {
                  ref: checkedRef,
                  code,
                  titles,
                  description: checkedText(
                    activity.description,
                    COOPERATION_LIMITS.description,
                    `${activityPath}.description`,
                  ),
                  year: activity.year,
                  ...cited(activity, activityPath),
                };
              },
            ),
          };
        }),
      };
    });
    const menu = await repo.menuItemsByCode(db, programme.organization, [...new Set(codes.map((c) => c.code))]);
    const missingCode = codes.find(({ code }) => !menu.has(code));
    if (missingCode)
      throw new InvalidRequestError(
        msg("programmes.unknown_menu_item", { code: missingCode.code, organization: programme.organization }),
        { field: missingCode.field },
      );
    const known = await repo.existingSources(db, [...new Set(sources.map((s) => s.id))]);
    const missingSource = sources.find(({ id }) => !known.has(id));
    if (missingSource)
      throw new InvalidRequestError(msg("programmes.unknown_source", { id: missingSource.id }), {
        field: missingSource.field,
      });
    return tree.map((objective) => ({
      ...objective,
      goals: objective.goals.map((goal) => ({
        ...goal,
        activities: goal.activities.map(({ code, ...activity }) => ({
          ...activity,
          menuItemId: code === null ? null : (menu.get(code) ?? null),
        })),
      })),
    }));
  }
}

// ---------------------------------------------------------------------------------- pure parts

const NO_STANDING: Standing = { member: false, partner: false, partnerships: [] };

const scopeOf = (programme: repo.ProgrammeRow): ProgrammeScope => ({
  organization: programme.organization,
  partner: programme.partner,
});

function groupVersions(versions: readonly repo.VersionRow[]): Map<number, repo.VersionRow[]> {
  const grouped = new Map<number, repo.VersionRow[]>();
  for (const version of versions) {
    const list = grouped.get(version.programmeId);
    if (list) list.push(version);
    else grouped.set(version.programmeId, [version]);
  }
  return grouped;
}

function abilitiesOf(
  principal: Principal,
  programme: repo.ProgrammeRow,
  versions: readonly repo.VersionRow[],
): ProgrammeAbilities {
  const scope = scopeOf(programme);
  const latest = versions.at(-1);
  const open = latest?.status === "draft" || latest?.status === "proposed";
  const manage = cooperationPolicy.manageProgramme(principal, programme.organization);
  const draft = cooperationPolicy.draftProgramme(principal, scope);
  return {
    draft: latest?.status === "draft" && draft,
    propose: latest?.status === "draft" && manage,
    newVersion: latest !== undefined && !open && draft,
    manageResults: manage,
  };
}

/** The later of two days (YYYY-MM-DD compare as text). */
function laterOf(a: string, b: string): string {
  return [a, b].sort()[1] ?? a;
}

/** The mean of the values there are; null when there are none. */

/** The rows of a version's tree, nested: objectives → goals (with their progress) → activities. */
function nest(rows: repo.TreeRows, goalProgress: ReadonlyMap<string, number | null>): ObjectiveView[] {
  const activities = new Map<number, ActivityView[]>();
  for (const activity of rows.activities) {
    const list = activities.get(activity.goalId);
    if (list) list.push(activity);
    else activities.set(activity.goalId, [activity]);
  }
  const goals = new Map<number, GoalView[]>();
  for (const goal of rows.goals) {
    const view = { ...goal, progress: goalProgress.get(goal.ref) ?? null, activities: activities.get(goal.id) ?? [] };
    const list = goals.get(goal.objectiveId);
    if (list) list.push(view);
    else goals.set(goal.objectiveId, [view]);
  }
  return rows.objectives.map((objective) => ({ ...objective, goals: goals.get(objective.id) ?? [] }));
}

/** A node of either version as the comparison shows it. */
type Compared = { level: ChangeLevel; ref: string; view: Record<string, unknown> };

function comparable(rows: repo.TreeRows): Compared[] {
  const objectiveRefs = new Map(rows.objectives.map((objective) => [objective.id, objective.ref]));
  const goalRefs = new Map(rows.goals.map((goal) => [goal.id, goal.ref]));
  return [
    ...rows.objectives.map((objective) => ({
      level: "objective" as const,
      ref: objective.ref,
      view: {
        ref: objective.ref,
        area: objective.area,
        titles: objective.titles,
        description: objective.description,
        source: objective.source?.id ?? null,
        quote: objective.quote,
      },
    })),
    ...rows.goals.map((goal) => ({
      level: "goal" as const,
      ref: goal.ref,
      view: {
        ref: goal.ref,
        objective: objectiveRefs.get(goal.objectiveId) ?? null,
        titles: goal.titles,
        description: goal.description,
        source: goal.source?.id ?? null,
        quote: goal.quote,
      },
    })),
    ...rows.activities.map((activity) => ({
      level: "activity" as const,
      ref: activity.ref,
      view: {
        ref: activity.ref,
        goal: goalRefs.get(activity.goalId) ?? null,
        menuItem: activity.menuItem?.code ?? null,
        titles: activity.titles,
        year: activity.year,
        description: activity.description,
        source: activity.source?.id ?? null,
        quote: activity.quote,
      },
    })),
  ];
}

/** What changed from one tree to another, node by node (level and ref): added, removed, or changed in these fields. */
export function compareTrees(before: repo.TreeRows, after: repo.TreeRows): ProgrammeChange[] {
  const key = (node: Compared) => `${node.level}:${node.ref}`;
  const old = new Map(comparable(before).map((node) => [key(node), node]));
  const now = comparable(after);
  const current = new Set(now.map(key));
  const changes: ProgrammeChange[] = [];
  for (const node of now) {
    const previous = old.get(key(node));
    if (!previous) {
      changes.push({ level: node.level, ref: node.ref, change: "added", fields: [], before: null, after: node.view });
      continue;
    }
    const fields = Object.keys(node.view).filter(
      (field) => JSON.stringify(node.view[field]) !== JSON.stringify(previous.view[field]),
    );
    if (fields.length > 0)
      changes.push({
        level: node.level,
        ref: node.ref,
        change: "changed",
        fields,
        before: previous.view,
        after: node.view,
      });
  }
  for (const node of old.values())
    if (!current.has(key(node)))
      changes.push({ level: node.level, ref: node.ref, change: "removed", fields: [], before: node.view, after: null });
  const order: Record<ChangeLevel, number> = { objective: 0, goal: 1, activity: 2 };
  return changes.sort((a, b) => order[a.level] - order[b.level]);
}

/** What the audit log keeps of a tree: each node's ref, parent, English title and source; activities' year and menu item. */
function auditTree(rows: repo.TreeRows) {
  const objectiveRefs = new Map(rows.objectives.map((objective) => [objective.id, objective.ref]));
  const goalRefs = new Map(rows.goals.map((goal) => [goal.id, goal.ref]));
  return {
    objectives: rows.objectives.map((objective) => ({
      ref: objective.ref,
      area: objective.area,
      title: objective.titles.en,
      source: objective.source?.id ?? null,
    })),
    goals: rows.goals.map((goal) => ({
      ref: goal.ref,
      objective: objectiveRefs.get(goal.objectiveId) ?? null,
      title: goal.titles.en,
      source: goal.source?.id ?? null,
    })),
    activities: rows.activities.map((activity) => ({
      ref: activity.ref,
      goal: goalRefs.get(activity.goalId) ?? null,
      menuItem: activity.menuItem?.code ?? null,
      title: activity.titles.en,
      year: activity.year,
      source: activity.source?.id ?? null,
    })),
  };
}

/** Whether a text has no control characters but tabs and line breaks. */
function isPlainText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if ((unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) || unit === 0x7f) return false;
  }
  return true;
}

/** A free text, trimmed, null when empty; refused (naming `field`) when too long or not plain text. */
function checkedText(value: string | null | undefined, maximum: number, field: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") throw new InvalidRequestError(msg("validation.required"), { field });
  const text = value.trim();
  if (text === "") return null;
  if (text.length > maximum) throw new InvalidRequestError(msg("validation.too_long", { maximum }), { field });
  if (!isPlainText(text)) throw new InvalidRequestError(msg("validation.control_characters"), { field });
  return text;
}

function optionalTitles(titles: TitlesInput | null | undefined, path: string) {
  const max = COOPERATION_LIMITS.title;
  return {
    en: checkedText(titles?.en, max, `${path}.en`),
    es: checkedText(titles?.es, max, `${path}.es`),
    pt: checkedText(titles?.pt, max, `${path}.pt`),
    fr: checkedText(titles?.fr, max, `${path}.fr`),
  };
}

function requiredTitles(titles: TitlesInput | null | undefined, path: string): repo.StoredTitles {
  const checked = optionalTitles(titles, path);
  if (checked.en === null) throw new InvalidRequestError(msg("validation.required"), { field: `${path}.en` });
  return { ...checked, en: checked.en };
}

/** PostgreSQL's SQLSTATE of an error, wherever Drizzle wrapped it. */
function postgresCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current !== null && typeof current === "object" && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
