import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { COOPERATION_AREAS, COOPERATION_LIMITS } from "../../../../src/domain/cooperation.ts";
import { LANGUAGES, type Language } from "../../../../src/domain/languages.ts";
import { FormStatus, focusField, FormAlerts } from "../../components/Form.tsx";
import { useProgrammeText } from "../../i18n/programmes/index.ts";
import { send } from "../../lib/api.ts";
import {
  areaText,
  type DraftActivity,
  type DraftGoal,
  type DraftObjective,
  draftBody,
  draftOf,
  draftTitles,
  nextRef,
} from "./logic.ts";
import { type ChangeForm, describedBy, FieldError, useChangeForm } from "./shared.tsx";
import type { ProgrammeDetail } from "./types.ts";

type Path = Array<string | number>;

/** A copy of `tree` with the value at `path` replaced. */
function setAt<T>(tree: T, path: Path, value: unknown): T {
  const copy = structuredClone(tree);
  let node: unknown = copy;
  for (const step of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[step];
  (node as Record<string | number, unknown>)[path.at(-1) as string | number] = value;
  return copy;
}

/** Every field path the editor shows, so that the API's refusal lands under the right one. */
function fieldPaths(objectives: readonly DraftObjective[]): Set<string> {
  const paths = new Set<string>(["summary"]);
  const titled = (prefix: string) => {
    paths.add(`${prefix}.ref`);
    paths.add(`${prefix}.description`);
    for (const lang of LANGUAGES) paths.add(`${prefix}.titles.${lang}`);
  };
  objectives.forEach((objective, o) => {
    titled(`objectives.${o}`);
    paths.add(`objectives.${o}.area`);
    objective.goals.forEach((goal, g) => {
      titled(`objectives.${o}.goals.${g}`);
      goal.activities.forEach((_, a) => {
        const prefix = `objectives.${o}.goals.${g}.activities.${a}`;
        titled(prefix);
        paths.add(`${prefix}.year`);
        paths.add(`${prefix}.menuItem`);
      });
    });
  });
  return paths;
}

/**
 * The open draft's tree, edited in place: objectives, their goals, the goals' activities (from
 * the menu by code, or bespoke), each with its reference, titles in the four languages and a
 * description; saved whole through PUT /programmes/{id}/draft, a refusal shown under the field
 * the API names.
 */
export function DraftEditor({
  programme,
  onSaved,
  onCancel,
}: {
  programme: ProgrammeDetail;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t, lang } = useProgrammeText();
  const [summary, setSummary] = useState(programme.version.summary ?? "");
  const [objectives, setObjectives] = useState<DraftObjective[]>(() => draftOf(programme.tree ?? []));
  const [done, setDone] = useState<string | null>(null);
  const form = useChangeForm("draft");
  const firstYear = programme.period.start.slice(0, 4);
  const lastYear = programme.period.end.slice(0, 4);
  const set = (path: Path, value: unknown) => {
    setDone(null);
    // Paths name the field as the API does (`objectives.0.goals`); the state is the objectives themselves.
    setObjectives((current) => setAt(current, path[0] === "objectives" ? path.slice(1) : path, value));
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setDone(null);
    const paths = fieldPaths(objectives);
    const answer = await form.run(
      async (key) => {
        await send<unknown>("PUT", `/programmes/${programme.id}/draft?lang=${lang}`, draftBody(summary, objectives), {
          idempotencyKey: key,
        });
        return true;
      },
      (path) => {
        if (paths.has(path)) return true;
        // "titles" as a whole (no English title): under the English title.
        if (paths.has(`${path}.en`)) return `${path}.en`;
        return false;
      },
    );
    if (answer) {
      setDone(t.draftSaved);
      onSaved();
    }
  };

  const newObjective = (): DraftObjective => ({
    ref: nextRef(
      objectives.map((o) => o.ref),
      "O1",
    ),
    area: "",
    titles: draftTitles(),
    description: "",
    goals: [],
  });
  const newGoal = (objective: DraftObjective, o: number): DraftGoal => ({
    ref: nextRef(
      objective.goals.map((g) => g.ref),
      `${objective.ref || `O${o + 1}`}.1`.replace(/^O/, "G"),
    ),
    titles: draftTitles(),
    description: "",
    activities: [],
  });
  const newActivity = (goal: DraftGoal, g: number): DraftActivity => ({
    ref: nextRef(
      goal.activities.map((a) => a.ref),
      `${goal.ref || `G${g + 1}`}.1`.replace(/^G/, "A"),
    ),
    menuItem: "",
    titles: draftTitles(),
    year: firstYear,
    description: "",
  });

  const summaryField = form.field("summary");
  // It takes the tree's place: focus moves to its heading.
  useEffect(() => focusField("editor-heading"), []);
  return (
    <section class="prog-editor" aria-labelledby="editor-heading" data-testid="draft-editor">
      <div class="section-heading prog-section-heading">
        <h2 id="editor-heading" tabIndex={-1}>
          {t.editorHeading(programme.version.number)}
        </h2>
      </div>
      <p class="hint">{t.editorIntro(firstYear, lastYear)}</p>
      <form class="stack-form" onSubmit={save} noValidate>
        <FormAlerts form={form} />
        <div class="field">
          <label for={summaryField.id}>
            {t.summaryHeading} <span class="optional">{t.optional}</span>
          </label>
          <textarea
            id={summaryField.id}
            class="input"
            rows={3}
            maxLength={COOPERATION_LIMITS.description}
            value={summary}
            aria-invalid={summaryField.error ? true : undefined}
            aria-describedby={describedBy(summaryField.id, summaryField.error)}
            onInput={(e) => setSummary(e.currentTarget.value)}
          />
          <FieldError {...summaryField} />
        </div>

        {objectives.length === 0 && <p class="muted">{t.emptyTree}</p>}
        {objectives.map((objective, o) => (
          <fieldset class="prog-edit-node prog-edit-objective" key={o} data-edit-objective={o}>
            <legend>{t.objectiveNumber(o + 1)}</legend>
            <NodeFields
              form={form}
              path={["objectives", o]}
              node={objective}
              set={set}
              extra={
                <SelectField
                  form={form}
                  path={`objectives.${o}.area`}
                  label={t.area}
                  value={objective.area}
                  onChange={(v) => set(["objectives", o, "area"], v)}
                  options={[
                    ["", t.noArea],
                    ...COOPERATION_AREAS.map((area): [string, string] => [area, areaText(area, lang)]),
                  ]}
                />
              }
            />
            {objective.goals.map((goal, g) => (
              <fieldset class="prog-edit-node prog-edit-goal" key={g} data-edit-goal={`${o}.${g}`}>
                <legend>{t.goalNumber(o + 1, g + 1)}</legend>
                <NodeFields form={form} path={["objectives", o, "goals", g]} node={goal} set={set} />
                {goal.activities.map((activity, a) => {
                  const path: Path = ["objectives", o, "goals", g, "activities", a];
                  const dotted = path.join(".");
                  return (
                    <fieldset class="prog-edit-node prog-edit-activity" key={a} data-edit-activity={`${o}.${g}.${a}`}>
                      <legend>{t.activityNumber(o + 1, g + 1, a + 1)}</legend>
                      <NodeFields
                        form={form}
                        path={path}
                        node={activity}
                        set={set}
                        titleOptional
                        extra={
                          <>
                            <TextInput
                              form={form}
                              path={`${dotted}.year`}
                              label={t.yearLabel}
                              value={activity.year}
                              onInput={(v) => set([...path, "year"], v)}
                              inputMode="numeric"
                              narrow
                              hint={t.yearHint(firstYear, lastYear)}
                            />
                            <TextInput
                              form={form}
                              path={`${dotted}.menuItem`}
                              label={t.menuItemLabel}
                              value={activity.menuItem}
                              onInput={(v) => set([...path, "menuItem"], v)}
                              hint={t.menuItemHint}
                              code
                              optional
                            />
                          </>
                        }
                      />
                      <NodeButtons
                        what={t.activityNumber(o + 1, g + 1, a + 1)}
                        index={a}
                        count={goal.activities.length}
                        onMove={(to) => set(["objectives", o, "goals", g, "activities"], moved(goal.activities, a, to))}
                        onRemove={() =>
                          set(
                            ["objectives", o, "goals", g, "activities"],
                            goal.activities.filter((_, i) => i !== a),
                          )
                        }
                      />
                    </fieldset>
                  );
                })}
                <button
                  type="button"
                  class="button button-small prog-add"
                  onClick={() =>
                    set(["objectives", o, "goals", g, "activities"], [...goal.activities, newActivity(goal, g)])
                  }
                >
                  <span aria-hidden="true">+ </span>
                  {t.addActivity}
                  <span class="visually-hidden"> ({t.goalNumber(o + 1, g + 1)})</span>
                </button>
                <NodeButtons
                  what={t.goalNumber(o + 1, g + 1)}
                  index={g}
                  count={objective.goals.length}
                  onMove={(to) => set(["objectives", o, "goals"], moved(objective.goals, g, to))}
                  onRemove={() =>
                    set(
                      ["objectives", o, "goals"],
                      objective.goals.filter((_, i) => i !== g),
                    )
                  }
                />
              </fieldset>
            ))}
            <button
              type="button"
              class="button button-small prog-add"
              onClick={() => set(["objectives", o, "goals"], [...objective.goals, newGoal(objective, o)])}
            >
              <span aria-hidden="true">+ </span>
              {t.addGoal}
              <span class="visually-hidden"> ({t.objectiveNumber(o + 1)})</span>
            </button>
            <NodeButtons
              what={t.objectiveNumber(o + 1)}
              index={o}
              count={objectives.length}
              onMove={(to) => setObjectives(moved(objectives, o, to))}
              onRemove={() => setObjectives(objectives.filter((_, i) => i !== o))}
            />
          </fieldset>
        ))}
        <div>
          <button type="button" class="button prog-add" onClick={() => setObjectives([...objectives, newObjective()])}>
            <span aria-hidden="true">+ </span>
            {t.addObjective}
          </button>
        </div>
        <div class="form-actions prog-editor-actions">
          <button type="submit" id="draft-submit" class="button button-primary" disabled={form.pending}>
            {form.pending ? t.saving : t.saveDraft}
          </button>
          <button type="button" class="button button-quiet" onClick={onCancel}>
            {t.closeEditor}
          </button>
        </div>
        <FormStatus message={done} />
      </form>
    </section>
  );
}

function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  if (item !== undefined) copy.splice(to, 0, item);
  return copy;
}

/** Reference, title (English, then the other languages), description; and what else the node has. */
function NodeFields({
  form,
  path,
  node,
  set,
  extra,
  titleOptional = false,
}: {
  form: ChangeForm;
  path: Path;
  node: { ref: string; titles: Record<Language, string>; description: string };
  set: (path: Path, value: unknown) => void;
  extra?: ComponentChildren;
  titleOptional?: boolean;
}) {
  const { t } = useProgrammeText();
  const dotted = path.join(".");
  const translated = LANGUAGES.filter((l) => l !== "en");
  const translationErrors = translated.some((l) => form.errors[`${dotted}.titles.${l}`]);
  return (
    <div class="prog-edit-fields">
      <div class="prog-form-row">
        <TextInput
          form={form}
          path={`${dotted}.ref`}
          label={t.refLabel}
          value={node.ref}
          onInput={(v) => set([...path, "ref"], v)}
          narrow
          maxLength={COOPERATION_LIMITS.ref}
        />
        {extra}
      </div>
      <TextInput
        form={form}
        path={`${dotted}.titles.en`}
        label={t.titleIn.en}
        value={node.titles.en}
        onInput={(v) => set([...path, "titles", "en"], v)}
        maxLength={COOPERATION_LIMITS.title}
        optional={titleOptional}
        hint={titleOptional ? t.activityTitleHint : undefined}
      />
      <details class="prog-translations" open={translationErrors || undefined}>
        <summary>{t.translations}</summary>
        {translated.map((l) => (
          <TextInput
            key={l}
            form={form}
            path={`${dotted}.titles.${l}`}
            label={t.titleIn[l]}
            value={node.titles[l]}
            onInput={(v) => set([...path, "titles", l], v)}
            maxLength={COOPERATION_LIMITS.title}
            optional
            lang={l}
          />
        ))}
      </details>
      <TextArea
        form={form}
        path={`${dotted}.description`}
        label={t.descriptionLabel}
        value={node.description}
        onInput={(v) => set([...path, "description"], v)}
      />
    </div>
  );
}

/** A labelled text input tied to its hint and to the API's refusal of it (`form.field(path)`). */
export function TextInput({
  form,
  path,
  label,
  value,
  onInput,
  hint,
  optional = false,
  narrow = false,
  code = false,
  maxLength,
  inputMode,
  lang,
  type = "text",
}: {
  form: ChangeForm;
  path: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string | undefined;
  optional?: boolean;
  narrow?: boolean;
  code?: boolean;
  maxLength?: number;
  inputMode?: "numeric" | "decimal" | "text";
  lang?: string;
  type?: "text" | "date";
}) {
  const { t } = useProgrammeText();
  const { id, error } = form.field(path);
  return (
    <div class={`field${narrow ? " prog-field-narrow" : ""}`}>
      <label for={id}>
        {label}
        {optional && <span class="optional"> {t.optional}</span>}
      </label>
      <input
        id={id}
        type={type as "text"}
        class={`input${code ? " prog-input-code" : ""}`}
        value={value}
        maxLength={maxLength}
        inputMode={inputMode}
        lang={lang}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, Boolean(hint))}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {hint && (
        <p id={`${id}-hint`} class="hint field-hint">
          {hint}
        </p>
      )}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** A text of a few lines, its error under it; optional (so labelled) unless `required`. */
export function TextArea({
  form,
  path,
  label,
  value,
  onInput,
  maxLength = COOPERATION_LIMITS.description,
  required = false,
}: {
  form: ChangeForm;
  path: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  maxLength?: number;
  required?: boolean;
}) {
  const { t } = useProgrammeText();
  const { id, error } = form.field(path);
  return (
    <div class="field">
      <label for={id}>
        {label}
        {!required && <span class="optional"> {t.optional}</span>}
      </label>
      <textarea
        id={id}
        class="input"
        rows={2}
        maxLength={maxLength}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error)}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <FieldError id={id} error={error} />
    </div>
  );
}

export function SelectField({
  form,
  path,
  label,
  value,
  onChange,
  options,
}: {
  form: ChangeForm;
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: Array<[string, string]>;
}) {
  const { id, error } = form.field(path);
  return (
    <div class="field prog-field-grow">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error)}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        {options.map(([v, text]) => (
          <option value={v}>{text}</option>
        ))}
      </select>
      <FieldError id={id} error={error} />
    </div>
  );
}

/** Move up, move down, remove: each naming what it acts on for those who cannot see the layout. */
function NodeButtons({
  what,
  index,
  count,
  onMove,
  onRemove,
}: {
  what: string;
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { t } = useProgrammeText();
  return (
    <div class="prog-node-buttons">
      <button
        type="button"
        class="button button-small button-quiet"
        disabled={index === 0}
        aria-label={t.moveUpWhat(what)}
        onClick={() => onMove(index - 1)}
      >
        <span aria-hidden="true">↑ </span>
        {t.moveUp}
      </button>
      <button
        type="button"
        class="button button-small button-quiet"
        disabled={index === count - 1}
        aria-label={t.moveDownWhat(what)}
        onClick={() => onMove(index + 1)}
      >
        <span aria-hidden="true">↓ </span>
        {t.moveDown}
      </button>
      <button
        type="button"
        class="button button-small button-quiet prog-remove"
        aria-label={t.removeWhat(what)}
        onClick={onRemove}
      >
        <span aria-hidden="true">✕ </span>
        {t.remove}
      </button>
    </div>
  );
}
