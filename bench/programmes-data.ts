/**
 * The synthetic cooperation data set of `npm run bench:programmes`, loaded beside the starter data
 * with a few INSERT … SELECT statements: 2,000 partner states of NATO (partners across the globe
 * from 2000), five consecutive two-year programmes each (10,000 programmes), each with a version in
 * force whose tree is 4 objectives × 3 goals × 4 activities, two indicators per goal with two
 * yearly periods, 1,000,000 indicator updates spread over those periods (mostly approved), a menu
 * of 1,400 items, 200,000 events and 100,000 nominations. Seeded, so every run loads the same.
 */
import type pg from "pg";
import { ACTIVITY_TYPES, COOPERATION_AREAS } from "../src/domain/cooperation.ts";

export const SCALE = {
  partners: 2_000,
  cyclesPerPartner: 5,
  programmes: 10_000,
  menuItems: 1_400,
  events: 200_000,
  nominations: 100_000,
  updates: 1_000_000,
  objectives: 4,
  goalsPerObjective: 3,
  activitiesPerGoal: 4,
  indicatorsPerGoal: 2,
  periodsPerIndicator: 2,
  marker: "concord-bench synthetic row",
};

/** B0001 … B2000: a letter first, as the actors.code CHECK wants. */
export const partnerCode = (n: number) => `B${String(n).padStart(4, "0")}`;

/** Words the synthetic titles are made of, per language, so that a search finds some and not all. */
const WORDS: Record<"en" | "es" | "pt" | "fr", string[]> = {
  en: [
    "cyber",
    "maritime",
    "integrity",
    "logistics",
    "crisis",
    "medical",
    "training",
    "defence",
    "security",
    "planning",
  ],
  es: [
    "ciberdefensa",
    "marítima",
    "integridad",
    "logística",
    "crisis",
    "médica",
    "formación",
    "defensa",
    "seguridad",
    "planificación",
  ],
  pt: [
    "ciberdefesa",
    "marítima",
    "integridade",
    "logística",
    "crise",
    "médica",
    "formação",
    "defesa",
    "segurança",
    "planeamento",
  ],
  fr: [
    "cyberdéfense",
    "maritime",
    "intégrité",
    "logistique",
    "crise",
    "médicale",
    "formation",
    "défense",
    "sécurité",
    "planification",
  ],
};
export const SEARCH_WORDS = [...WORDS.en, ...WORDS.es.slice(0, 5), ...WORDS.fr.slice(0, 5)];

/** A title in one language from the word lists, picked by the SQL expression `i`. */
function title(lang: keyof typeof WORDS, i: string, label: string): string {
  const words = `(ARRAY[${WORDS[lang].map((word) => `'${word}'`).join(",")}])`;
  return `${words}[1 + (${i}) % 10] || ' ' || ${words}[1 + ((${i}) / 10) % 10] || ' ${label} ' || (${i})`;
}

export type LoadCounts = Record<string, number>;

export async function loadSyntheticProgrammes(
  pool: pg.Pool,
  step: <T>(label: string, work: () => Promise<T>) => Promise<T>,
) {
  const q = (text: string, values: unknown[] = []) => pool.query(text, values);
  await q("SELECT setseed(0.42)");
  const areas = `ARRAY[${COOPERATION_AREAS.map((area) => `'${area}'`).join(",")}]::cooperation_area[]`;
  const types = `ARRAY[${ACTIVITY_TYPES.map((type) => `'${type}'`).join(",")}]::activity_type[]`;

  await step(`Adding ${SCALE.partners.toLocaleString("en")} partner states of NATO`, async () => {
    await q(
      `INSERT INTO actors (code, type, name_en, name_es, name_pt, name_fr, note)
       SELECT 'B' || lpad(i::text, 4, '0'), 'state', 'Bench state ' || i, 'Estado ' || i, 'Estado ' || i, 'État ' || i, $1
       FROM generate_series(1, $2::int) i`,
      [SCALE.marker, SCALE.partners],
    );
    await q(
      `INSERT INTO relations (subject_code, object_code, kind, framework_id, valid, since_precision, note)
       SELECT 'B' || lpad(i::text, 4, '0'), 'NATO', 'partner',
              (SELECT id FROM frameworks WHERE organization_code = 'NATO' AND slug = 'partners-across-the-globe'),
              daterange('2000-01-01', NULL), 'day', $1
       FROM generate_series(1, $2::int) i`,
      [SCALE.marker, SCALE.partners],
    );
  });

  await step(`Filling NATO's menu to ${SCALE.menuItems.toLocaleString("en")} items`, () =>
    q(
      `INSERT INTO menu_items (organization_code, code, area, type, title_en, title_es, title_pt, title_fr,
                               description_en, provider, languages, duration_days, eligibility, valid, illustrative)
       SELECT 'NATO', 'BENCH-' || lpad(i::text, 4, '0'),
              (${areas})[1 + i % ${COOPERATION_AREAS.length}], (${types})[1 + i % ${ACTIVITY_TYPES.length}],
              ${title("en", "i", "course")}, ${title("es", "i", "curso")}, ${title("pt", "i", "curso")}, ${title("fr", "i", "cours")},
              'A synthetic activity for the benchmark.', (ARRAY['NATO School Oberammergau','NATO Defense College','CCDCOE'])[1 + i % 3],
              ARRAY['en','fr'], 1 + i % 10,
              CASE WHEN i % 4 = 0 THEN '{"kind":"framework","framework":"partners-across-the-globe"}'::jsonb
                   WHEN i % 4 = 1 THEN '{"kind":"framework","framework":"pfp"}'::jsonb
                   ELSE '{"kind":"all-partners"}'::jsonb END,
              daterange('2010-01-01', NULL), true
       FROM generate_series(1, $1::int - (SELECT count(*)::int FROM menu_items WHERE organization_code = 'NATO')) i`,
      [SCALE.menuItems],
    ),
  );

  await step(`Adding ${SCALE.programmes.toLocaleString("en")} programmes with their versions in force`, async () => {
    await q(
      `INSERT INTO programmes (organization_code, partner_code, kind, period, created_by)
       SELECT 'NATO', 'B' || lpad(p::text, 4, '0'), CASE WHEN c < 4 THEN 'IPCP' ELSE 'ITPP' END,
              daterange(make_date(2016 + 2 * c, 1, 1), make_date(2018 + 2 * c, 1, 1)), $1
       FROM generate_series(1, $2::int) p, generate_series(0, $3::int - 1) c`,
      [SCALE.marker, SCALE.partners, SCALE.cyclesPerPartner],
    );
    await q(
      `INSERT INTO programme_versions (programme_id, number, status, summary, in_force_from, in_force_until, created_by)
       SELECT id, 1, 'in-force', 'Synthetic', lower(period), NULL, $1
       FROM programmes WHERE created_by = $1`,
      [SCALE.marker],
    );
  });

  await step("Adding the trees (objectives, goals, activities)", async () => {
    await q(
      `INSERT INTO programme_objectives (programme_id, version, ref, position, area, title_en, title_es)
       SELECT p.id, 1, 'O' || o, o, (${areas})[1 + (p.id + o) % ${COOPERATION_AREAS.length}],
              ${title("en", "p.id + o", "objective")}, ${title("es", "p.id + o", "objetivo")}
       FROM programmes p, generate_series(1, $2::int) o WHERE p.created_by = $1`,
      [SCALE.marker, SCALE.objectives],
    );
    await q(
      `INSERT INTO programme_goals (objective_id, programme_id, version, ref, position, title_en)
       SELECT o.id, o.programme_id, 1, o.ref || '.G' || g, g, ${title("en", "o.id + g", "goal")}
       FROM programme_objectives o JOIN programmes p ON p.id = o.programme_id, generate_series(1, $2::int) g
       WHERE p.created_by = $1`,
      [SCALE.marker, SCALE.goalsPerObjective],
    );
    await q(
      `INSERT INTO programme_activities (goal_id, programme_id, version, ref, position, menu_item_id, year)
       SELECT g.id, g.programme_id, 1, g.ref || '.A' || a, a,
              (SELECT min(id) FROM menu_items) + (g.id * 7 + a) % $3::int,
              extract(year FROM lower(p.period))::int + a % 2
       FROM programme_goals g JOIN programmes p ON p.id = g.programme_id, generate_series(1, $2::int) a
       WHERE p.created_by = $1`,
      [SCALE.marker, SCALE.activitiesPerGoal, SCALE.menuItems],
    );
  });

  await step("Adding indicators and their periods", async () => {
    await q(
      `INSERT INTO indicators (programme_id, goal_ref, ref, position, title_en, measure, ascending,
                               baseline_year, baseline_value, baseline_numerator, baseline_denominator)
       SELECT g.programme_id, g.ref, g.ref || '.I' || k, k, ${title("en", "g.id + k", "indicator")},
              CASE WHEN k = 1 THEN 'unit' ELSE 'percentage' END::indicator_measure, true,
              extract(year FROM lower(p.period))::int - 1,
              CASE WHEN k = 1 THEN 10 END, CASE WHEN k = 2 THEN 1 END, CASE WHEN k = 2 THEN 4 END
       FROM programme_goals g JOIN programmes p ON p.id = g.programme_id, generate_series(1, $2::int) k
       WHERE p.created_by = $1`,
      [SCALE.marker, SCALE.indicatorsPerGoal],
    );
    await q(
      `INSERT INTO indicator_periods (indicator_id, starts_on, ends_on, target_value, target_numerator, target_denominator)
       SELECT i.id, lower(p.period) + (y * 365), lower(p.period) + (y * 365) + 364,
              CASE WHEN i.measure = 'unit' THEN 20 + y * 10 END,
              CASE WHEN i.measure = 'percentage' THEN 3 + y END, CASE WHEN i.measure = 'percentage' THEN 4 + y END
       FROM indicators i JOIN programmes p ON p.id = i.programme_id, generate_series(0, $2::int - 1) y
       WHERE p.created_by = $1`,
      [SCALE.marker, SCALE.periodsPerIndicator],
    );
  });

  await step(`Adding ${SCALE.updates.toLocaleString("en")} indicator updates`, async () => {
    // Every period gets updates n = 0, 1, … while n × periods + its rank < the total.
    await q(
      `WITH ranked AS MATERIALIZED (
         SELECT pe.id, i.measure, row_number() OVER (ORDER BY pe.id) - 1 AS rank, count(*) OVER () AS periods
         FROM indicator_periods pe JOIN indicators i ON i.id = pe.indicator_id
         JOIN programmes p ON p.id = i.programme_id WHERE p.created_by = $1
       )
       INSERT INTO indicator_updates (period_id, value, numerator, denominator, narrative, status, created_by,
                                      submitted_at, reviewed_at, reviewed_by)
       SELECT r.id,
              CASE WHEN r.measure = 'unit' THEN 1 + (r.rank + n) % 5 END,
              CASE WHEN r.measure = 'percentage' THEN (r.rank + n) % 4 END,
              CASE WHEN r.measure = 'percentage' THEN 4 END,
              'Synthetic update', s.status, $1,
              CASE WHEN s.status <> 'draft' THEN now() END,
              CASE WHEN s.status IN ('approved', 'returned') THEN now() - ((r.rank + n) % 1000) * interval '1 minute' END,
              CASE WHEN s.status IN ('approved', 'returned') THEN $1 END
       FROM ranked r
       CROSS JOIN generate_series(0, ceil($2::numeric / (SELECT count(*) FROM ranked))::int - 1) n
       CROSS JOIN LATERAL (SELECT (CASE WHEN (r.rank + n) % 20 < 16 THEN 'approved' WHEN (r.rank + n) % 20 < 18 THEN 'pending-approval'
                                        WHEN (r.rank + n) % 20 = 18 THEN 'draft' ELSE 'returned' END)::indicator_update_status AS status) s
       WHERE n * r.periods + r.rank < $2::int`,
      [SCALE.marker, SCALE.updates],
    );
  });

  await step(
    `Adding ${SCALE.events.toLocaleString("en")} events and ${SCALE.nominations.toLocaleString("en")} nominations`,
    async () => {
      await q(
        `INSERT INTO events (organization_code, menu_item_id, starts_on, ends_on, place, online, provider, capacity,
                           nomination_deadline, status, created_by)
       SELECT 'NATO', (SELECT min(id) FROM menu_items) + i % $3::int,
              '2014-01-01'::date + (i % 5110), '2014-01-01'::date + (i % 5110) + 4,
              (ARRAY['Oberammergau','Rome','Tallinn','Brussels'])[1 + i % 4], i % 7 = 0,
              (ARRAY['NATO School Oberammergau','NATO Defense College','CCDCOE'])[1 + i % 3], 30,
              ('2014-01-01'::date + (i % 5110) - 30)::timestamptz,
              (ARRAY['approved','confirmed','held','cancelled','proposed'])[1 + i % 5]::event_status, $1
       FROM generate_series(1, $2::int) i`,
        [SCALE.marker, SCALE.events, SCALE.menuItems],
      );
      await q(
        `INSERT INTO nominations (event_id, state_code, participant_name, rank_or_function, nation, status, created_by)
       SELECT (SELECT min(id) FROM events WHERE created_by = $1) + (i * 2) % $3::int,
              'B' || lpad((1 + i % $4::int)::text, 4, '0'), 'Participant ' || i, 'Major',
              'B' || lpad((1 + i % $4::int)::text, 4, '0'), 'nominated', $1
       FROM generate_series(1, $2::int) i`,
        [SCALE.marker, SCALE.nominations, SCALE.events, SCALE.partners],
      );
    },
  );

  await step("ANALYZE", () => q("ANALYZE"));
  const { rows } = await q(
    `SELECT (SELECT count(*) FROM programmes)::int AS programmes, (SELECT count(*) FROM menu_items)::int AS "menuItems",
            (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM indicator_updates)::int AS updates,
            (SELECT count(*) FROM programme_activities)::int AS activities, (SELECT count(*) FROM indicators)::int AS indicators,
            (SELECT count(*) FROM indicator_periods)::int AS periods, (SELECT count(*) FROM nominations)::int AS nominations`,
  );
  return rows[0] as LoadCounts;
}
