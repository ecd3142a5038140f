import { useState } from "preact/hooks";
import { COOPERATION_LIMITS } from "../../../../src/domain/cooperation.ts";
import { FormError, TextField } from "../../components/Form.tsx";
import { useCooperationText } from "../../i18n/cooperation/index.ts";
import { apiUrl, send, useApi } from "../../lib/api.ts";
import { isDay, fromLocalInput } from "../../lib/dates.ts";
import { SelectField, timeZoneName, useChangeForm } from "./shared.tsx";
import type { CooperationEvent, MenuItem, MenuResponse } from "./types.ts";

const FIELDS = [
  "menuItem",
  "title",
  "startsOn",
  "endsOn",
  "place",
  "online",
  "provider",
  "capacity",
  "nominationDeadline",
] as const;

/**
 * Schedule an event (the secretariat: approved at once) or propose one (a partner's delegation
 * head: it waits for the secretariat's approval): an activity of the menu or a bespoke one, its
 * dates, place, provider, places and the nomination deadline in the reader's own time zone.
 */
export function EventForm({
  mode,
  onClose,
  onCreated,
}: {
  mode: "schedule" | "propose";
  onClose: () => void;
  onCreated: (event: CooperationEvent) => void;
}) {
  const { t, lang } = useCooperationText();
  const form = useChangeForm("event", t.networkError);
  const [search, setSearch] = useState("");
  const [chosen, setChosen] = useState<MenuItem | null>(null);
  const [title, setTitle] = useState("");
  const [startsOn, setStartsOn] = useState("");
  const [endsOn, setEndsOn] = useState("");
  const [place, setPlace] = useState("");
  const [online, setOnline] = useState(false);
  const [provider, setProvider] = useState("");
  const [capacity, setCapacity] = useState("");
  const [deadline, setDeadline] = useState("");

  const found = useApi<MenuResponse>(
    search.trim().length >= 2 ? apiUrl("/menu", { q: search.trim(), lang, limit: "12" }) : null,
    { cache: false },
  );
  const options = [...(chosen ? [chosen] : []), ...(found.data?.items ?? []).filter((i) => i.id !== chosen?.id)];

  const submit = async (event: Event) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const required = (name: string, ok: boolean) => {
      if (!ok) problems[name] = t.fieldRequired;
    };
    if (!chosen) required("title", title.trim() !== "");
    required("startsOn", isDay(startsOn));
    required("endsOn", isDay(endsOn));
    required("nominationDeadline", fromLocalInput(deadline) !== null);
    if (!form.check(problems)) return;
    const body = {
      ...(chosen ? { menuItem: chosen.id } : { title: title.trim() }),
      startsOn,
      endsOn,
      ...(place.trim() ? { place: place.trim() } : {}),
      online,
      ...(provider.trim() ? { provider: provider.trim() } : {}),
      ...(capacity.trim() ? { capacity: Number(capacity) } : {}),
      nominationDeadline: fromLocalInput(deadline),
    };
    const created = await form.run(
      (key) => send<CooperationEvent>("POST", "/events", body, { idempotencyKey: key }),
      FIELDS,
    );
    if (created) onCreated(created);
  };

  return (
    <form class="card stack-form event-form" onSubmit={submit} noValidate aria-labelledby="event-form-heading">
      <h2 id="event-form-heading">{mode === "schedule" ? t.scheduleEvent : t.proposeEvent}</h2>
      <p class="hint">{mode === "schedule" ? t.scheduleIntro : t.proposeIntro}</p>
      <FormError message={form.formError} />
      <TextField
        id="event-search"
        type="search"
        label={t.findActivity}
        hint={t.findActivityHint}
        value={search}
        onInput={setSearch}
        maxLength={200}
        required={false}
      />
      <SelectField
        id="event-menuItem"
        label={t.fieldMenuItem}
        value={chosen ? String(chosen.id) : ""}
        error={form.errors.menuItem}
        onChange={(value) => setChosen(options.find((item) => String(item.id) === value) ?? null)}
      >
        <option value="">{t.bespokeActivity}</option>
        {options.map((item) => (
          <option value={String(item.id)}>
            {item.title} ({item.code})
          </option>
        ))}
      </SelectField>
      {!chosen && (
        <TextField
          id="event-title"
          label={t.fieldTitle}
          hint={t.titleHint}
          value={title}
          onInput={setTitle}
          error={form.errors.title}
          maxLength={COOPERATION_LIMITS.title}
          required
        />
      )}
      <div class="form-grid-two">
        <TextField
          id="event-startsOn"
          type="date"
          label={t.fieldStartsOn}
          value={startsOn}
          onInput={(value) => {
            setStartsOn(value);
            if (!endsOn || endsOn < value) setEndsOn(value);
          }}
          error={form.errors.startsOn}
          required
        />
        <TextField
          id="event-endsOn"
          type="date"
          label={t.fieldEndsOn}
          value={endsOn}
          onInput={setEndsOn}
          error={form.errors.endsOn}
          required
        />
      </div>
      <TextField
        id="event-place"
        label={t.fieldPlace}
        hint={t.placeHint}
        value={place}
        onInput={setPlace}
        error={form.errors.place}
        maxLength={COOPERATION_LIMITS.place}
      />
      <div class="check">
        <input
          id="event-online"
          type="checkbox"
          checked={online}
          onChange={(event) => setOnline(event.currentTarget.checked)}
        />
        <label for="event-online">{t.fieldOnline}</label>
      </div>
      <TextField
        id="event-provider"
        label={t.fieldProvider}
        hint={chosen ? t.providerFieldHint : undefined}
        value={provider}
        onInput={setProvider}
        error={form.errors.provider}
        maxLength={COOPERATION_LIMITS.provider}
        required={chosen ? false : undefined}
      />
      <div class="form-grid-two">
        <div class="field">
          <label for="event-capacity">
            {t.fieldCapacity} <span class="optional">{t.optional}</span>
          </label>
          <input
            id="event-capacity"
            class="input"
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            value={capacity}
            aria-invalid={form.errors.capacity ? true : undefined}
            aria-describedby={`event-capacity-hint${form.errors.capacity ? " event-capacity-error" : ""}`}
            onInput={(event) => setCapacity(event.currentTarget.value)}
          />
          <p id="event-capacity-hint" class="hint field-hint">
            {t.capacityHint}
          </p>
          {form.errors.capacity && (
            <p id="event-capacity-error" class="field-error">
              <span aria-hidden="true">⚠ </span>
              {form.errors.capacity}
            </p>
          )}
        </div>
        <div class="field">
          <label for="event-nominationDeadline">{t.fieldDeadline}</label>
          <input
            id="event-nominationDeadline"
            class="input"
            type="datetime-local"
            value={deadline}
            required
            aria-invalid={form.errors.nominationDeadline ? true : undefined}
            aria-describedby={`event-nominationDeadline-hint${form.errors.nominationDeadline ? " event-nominationDeadline-error" : ""}`}
            onInput={(event) => setDeadline(event.currentTarget.value)}
          />
          <p id="event-nominationDeadline-hint" class="hint field-hint">
            {t.yourTimeZone(timeZoneName())}
          </p>
          {form.errors.nominationDeadline && (
            <p id="event-nominationDeadline-error" class="field-error">
              <span aria-hidden="true">⚠ </span>
              {form.errors.nominationDeadline}
            </p>
          )}
        </div>
      </div>
      <div class="form-actions">
        <button id="event-submit" type="submit" class="button button-primary" disabled={form.pending}>
          {form.pending ? t.sending : mode === "schedule" ? t.submitSchedule : t.submitPropose}
        </button>
        <button type="button" class="button button-quiet" onClick={onClose}>
          {t.closeForm}
        </button>
      </div>
    </form>
  );
}
