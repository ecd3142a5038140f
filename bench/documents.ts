/**
 * `npm run bench:documents`: the label rule's cost in a library of labelled documents (issue 15).
 *
 * One run, one process:
 *   1. starts Concord on a fresh temporary data folder (embedded PostgreSQL) with the starter data
 *      (the registry: NATO's members and partners, UNASUR…; the security policies);
 *   2. picks 40 states from the registry as it stands today (NATO members, PfP partners, partners
 *      across the globe, other partners, and states with no NATO standing), then generates
 *      100,000 labelled documents in NATO's library in two INSERT … SELECT statements (the
 *      repositories insert one document at a time; generating in SQL is the bench's own
 *      business, like bench/programmes-data.ts). Labels follow NATO's policy
 *      (urn:oid:1.3.26.1.3.1): ranks 0–4 skewed to the low ones; a `Releasable To` of 1–4 values
 *      mixing the 40 states' codes with the 5 groups (NATO, NATO:partners,
 *      NATO:partners-across-the-globe, NATO:pfp, EAPC), sometimes a second permissive category
 *      (`Context`, `Only`), occasional restrictive values (ATOMAL, CRYPTO), titles and
 *      descriptions in one to four languages, the search vector computed by the database's own
 *      `document_search_vector`, 4774 label XML and a binding of a real one's size (not signed:
 *      nothing here verifies it). Then VACUUM ANALYZE, as autovacuum would do within a minute;
 *   3. makes 1,000 readers (a nation among the 40, a NATO clearance rank, a few authorisations),
 *      each one's `within` set computed by readerWithin from the registry's standings today
 *      (repository `standingsOn`) and the loaded policies, as the documents service does;
 *   4. checks, for the warm-up's readers, that the rule in SQL and the pure rule (decideAccess)
 *      agree on the pages they return (a broken rule would make the timings meaningless);
 *   5. times, interleaved in each iteration for one random reader and one random search, the
 *      repository calls from this process (the database's work, one round trip, the rows parsed):
 *      (a) the reader's listing (listLibrary, limit 51), (b) the same listing without the rule
 *      (reader null), (c) the reader's search, (d) the same search without the rule, (e) the
 *      library's count with and without the rule; and splits the rule's figures by how much of
 *      the library the reader may see (a reader who sees little makes `ORDER BY … LIMIT` walk far);
 *   6. prints a report, with the ratios rule/baseline and the targets met or not, and writes it to
 *      bench/results/documents-latest.json.
 *
 * Targets (issue 15): the rule costs at most 1.5× the unfiltered listing (p50 against p50), and
 * p50 <= 20 ms in the database; the search is held to the same two. A target not met is
 * reported, not an error; only a broken run fails (exit 1): the two rules disagreeing, or an
 * exception.
 *
 * Options: --documents N (default 100,000), --readers N (default 1,000), --iterations N (timed
 * iterations, default 300; also BENCH_ITERATIONS).
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type pg from "pg";
import { readEnv } from "../src/config/env.ts";
import * as repo from "../src/db/repositories/documents.ts";
import { today } from "../src/domain/dates.ts";
import { decideAccess, readerWithin } from "../src/domain/labels/access.ts";
import type { ConfidentialityLabel, LabelReader, SecurityPolicy } from "../src/domain/labels/model.ts";
import { type RunningServer, startServer } from "../src/server.ts";
import {
  machineInfo,
  makeTemporaryFolder,
  median,
  once,
  percentile,
  positiveNumber,
  round,
  run,
  step,
  sum,
} from "./support.ts";

const TARGET_RATIO = 1.5;
const TARGET_P50_MS = 20;
const LIBRARY = "NATO";
const NATO_POLICY = "urn:oid:1.3.26.1.3.1";
const PAGE = 51;
const GROUPS = ["NATO", "NATO:partners", "NATO:partners-across-the-globe", "NATO:pfp", "EAPC"] as const;
const CLASSIFICATIONS = [
  "NATO UNCLASSIFIED",
  "NATO RESTRICTED",
  "NATO CONFIDENTIAL",
  "NATO SECRET",
  "COSMIC TOP SECRET",
];
/** Share of documents at each rank, lowest first. */
const DOCUMENT_RANKS = [0.3, 0.35, 0.2, 0.1, 0.05];
/** Share of readers holding each NATO clearance rank (0: none held; rank 0 needs none). */
const READER_RANKS = [0.1, 0.15, 0.25, 0.4, 0.1];
/** Visible share of the library below which a reader is "narrow", and from which "wide". */
const BANDS = [
  { name: "narrow (< 2 %)", below: 0.02 },
  { name: "middle (2–25 %)", below: 0.25 },
  { name: "wide (>= 25 %)", below: Number.POSITIVE_INFINITY },
];

/** A subject of the titles in each language, and the word a search for it types. */
const TOPICS: Array<{ en: string; es: string; pt: string; fr: string; words: string[] }> = [
  { en: "cyber defence", es: "ciberdefensa", pt: "ciberdefesa", fr: "cyberdéfense", words: ["cyber", "ciberdefensa"] },
  {
    en: "maritime security",
    es: "seguridad marítima",
    pt: "segurança marítima",
    fr: "sûreté maritime",
    words: ["maritime", "marítima"],
  },
  {
    en: "counter-terrorism",
    es: "contraterrorismo",
    pt: "contraterrorismo",
    fr: "contre-terrorisme",
    words: ["terrorism", "contraterrorismo"],
  },
  { en: "logistics", es: "logística", pt: "logística", fr: "logistique", words: ["logistics", "logistique"] },
  { en: "air policing", es: "policía aérea", pt: "policiamento aéreo", fr: "police du ciel", words: ["air policing"] },
  {
    en: "border security",
    es: "seguridad fronteriza",
    pt: "segurança de fronteiras",
    fr: "sécurité des frontières",
    words: ["border", "frontières", "fronteriza"],
  },
  {
    en: "energy security",
    es: "seguridad energética",
    pt: "segurança energética",
    fr: "sécurité énergétique",
    words: ["energy", "energética"],
  },
  {
    en: "crisis management",
    es: "gestión de crisis",
    pt: "gestão de crises",
    fr: "gestion de crise",
    words: ["crisis management", "gestão de crises"],
  },
  {
    en: "disaster response",
    es: "respuesta a desastres",
    pt: "resposta a desastres",
    fr: "réponse aux catastrophes",
    words: ["disaster", "desastres", "catastrophes"],
  },
  { en: "demining", es: "desminado", pt: "desminagem", fr: "déminage", words: ["demining", "déminage"] },
  {
    en: "military medicine",
    es: "medicina militar",
    pt: "medicina militar",
    fr: "médecine militaire",
    words: ["medicine", "medicina"],
  },
  {
    en: "defence education",
    es: "educación en defensa",
    pt: "educação em defesa",
    fr: "formation à la défense",
    words: ["education", "educación"],
  },
  {
    en: "interoperability",
    es: "interoperabilidad",
    pt: "interoperabilidade",
    fr: "interopérabilité",
    words: ["interoperability", "interopérabilité"],
  },
];
/** What kind of document, in each language. */
const KINDS: Array<{ en: string; es: string; pt: string; fr: string; word: string }> = [
  { en: "Report on", es: "Informe sobre", pt: "Relatório sobre", fr: "Rapport sur", word: "report" },
  { en: "Assessment of", es: "Evaluación de", pt: "Avaliação de", fr: "Évaluation de", word: "assessment" },
  { en: "Minutes on", es: "Acta sobre", pt: "Ata sobre", fr: "Procès-verbal sur", word: "minutes" },
  { en: "Plan for", es: "Plan de", pt: "Plano de", fr: "Plan de", word: "plan" },
  { en: "Exercise in", es: "Ejercicio de", pt: "Exercício de", fr: "Exercice de", word: "exercise" },
  {
    en: "Lessons learned in",
    es: "Lecciones aprendidas en",
    pt: "Lições aprendidas em",
    fr: "Enseignements tirés en",
    word: "lessons",
  },
];

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RESULTS_FILE = path.join(HERE, "results", "documents-latest.json");

const options = parseArgs({
  options: {
    documents: { type: "string" },
    readers: { type: "string" },
    iterations: { type: "string" },
  },
}).values;

function positiveOption(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw.replaceAll(/[,_]/g, ""));
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`--${name} must be a positive whole number, not "${raw}"`);
  return value;
}

const settings = {
  documents: positiveOption("documents", options.documents, 100_000),
  readers: positiveOption("readers", options.readers, 1_000),
  iterations: positiveOption("iterations", options.iterations, positiveNumber("BENCH_ITERATIONS", 300)),
  warmup: 40,
  page: PAGE,
};

type Verdict = "met" | "not met";
type Reader = {
  nation: string;
  rank: number;
  authorisations: string[];
  attributes: repo.ReaderAttributes;
  label: LabelReader;
};

async function main(): Promise<number> {
  if (process.env.DATABASE_URL) {
    console.error(
      "bench:documents adds 100,000 documents to NATO's library: it runs on a fresh embedded database only. Unset DATABASE_URL.",
    );
    return 1;
  }
  const loadAverageAtStart = os.loadavg()[0] ?? 0;
  const started = performance.now();
  const dataDir = await makeTemporaryFolder("concord-bench-documents-");
  let server: RunningServer | undefined;
  const cleanup = once(async () => {
    await server?.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  });
  process.once("SIGINT", () => void cleanup().finally(() => process.exit(130)));
  try {
    server = await step("Starting Concord with the starter data set", () =>
      startServer(readEnv({ CONCORD_DATA_DIR: dataDir, PORT: "0", CONCORD_LOG: "silent", CONCORD_JOBS: "off" })),
    );
    const { pool, db, services } = server.runtime;
    const machine = await machineInfo(pool);
    const day = today();
    const nations = await step("Choosing 40 states from the registry as it stands today", () =>
      chooseNations(pool, day),
    );
    const loadStarted = performance.now();
    await step(`Generating ${settings.documents.toLocaleString("en")} labelled documents`, () =>
      generateDocuments(
        pool,
        nations.map((n) => n.code),
        settings.documents,
      ),
    );
    await step("VACUUM ANALYZE of the documents' tables", () =>
      pool.query("VACUUM (ANALYZE) documents, document_versions"),
    );
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const policies = await services.documents.policies();
    const nato = policies.get(NATO_POLICY);
    if (!nato) throw new Error(`The starter data loaded no policy ${NATO_POLICY} (data/policies/nato.json)`);
    const readers = await step(`Making ${settings.readers.toLocaleString("en")} readers`, () =>
      makeReaders(db, nations, [...policies.values()], day),
    );
    const queries = await searchQueries(pool);
    const measured = await measure(db, readers, queries, nato);
    const loadAverage1m = { atStart: round(loadAverageAtStart, 2), atEnd: round(os.loadavg()[0] ?? 0, 2) };
    const report = {
      when: new Date().toISOString(),
      machine,
      loadAverage1m,
      settings,
      data: {
        documents: settings.documents,
        loadSeconds: round(loadSeconds, 1),
        nations: nations.map((n) => `${n.code} (${n.standing})`),
        standings: countBy(nations.map((n) => n.standing)),
      },
      readers: {
        count: readers.length,
        ranks: countBy(readers.map((r) => String(r.rank))),
        authorisations: countBy(readers.flatMap((r) => r.authorisations)),
      },
      queries,
      ...measured,
      totalSeconds: round((performance.now() - started) / 1000, 1),
    };
    await fs.mkdir(path.dirname(RESULTS_FILE), { recursive: true });
    await fs.writeFile(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
    console.log(formatReport(report));
    console.log(`\nWritten to ${path.relative(process.cwd(), RESULTS_FILE)}`);
    if (measured.disagreements.length > 0) {
      console.error(`\nFAILED: the rule in SQL and decideAccess disagree:\n  ${measured.disagreements.join("\n  ")}`);
      return 1;
    }
    return 0;
  } finally {
    await cleanup();
  }
}

// ---------------------------------------------------------------------------------------------
// The data

type Nation = { code: string; standing: string };

/**
 * 40 states as the registry has them today: 18 of NATO's members, 7 PfP partners, 6 partners
 * across the globe, 3 other partners (Mediterranean Dialogue, Istanbul Cooperation Initiative)
 * and 6 states with no standing towards NATO (UNASUR's first), each group spread over its
 * alphabet; any group short of states leaves its places to the members.
 */
async function chooseNations(pool: pg.Pool, day: string): Promise<Nation[]> {
  const { rows } = await pool.query<{ code: string; standing: string }>(
    `SELECT a.code,
            coalesce((SELECT CASE WHEN r.kind = 'member' THEN 'member'
                                  WHEN f.slug IN ('pfp', 'partners-across-the-globe') THEN f.slug
                                  ELSE 'other partner' END
                      FROM relations r LEFT JOIN frameworks f ON f.id = r.framework_id
                      WHERE r.subject_code = a.code AND r.object_code = 'NATO' AND r.kind IN ('member', 'partner')
                        AND r.valid @> $1::date
                      ORDER BY r.kind = 'member' DESC, f.slug LIMIT 1),
                     CASE WHEN EXISTS (SELECT 1 FROM relations u WHERE u.subject_code = a.code AND u.object_code = 'UNASUR'
                                       AND u.kind = 'member' AND u.valid @> $1::date) THEN 'none (UNASUR)' ELSE 'none' END) AS standing
     FROM actors a WHERE a.type = 'state'
       AND EXISTS (SELECT 1 FROM relations r WHERE r.subject_code = a.code AND r.valid @> $1::date)
     ORDER BY a.code`,
    [day],
  );
  const wanted: Array<[string[], number]> = [
    [["pfp"], 7],
    [["partners-across-the-globe"], 6],
    [["other partner"], 3],
    [["none (UNASUR)", "none"], 6],
  ];
  const chosen: Nation[] = [];
  for (const [standings, count] of wanted) {
    let left = count;
    for (const standing of standings) {
      const candidates = rows.filter((row) => row.standing === standing);
      const taken = spread(candidates, Math.min(candidates.length, left));
      chosen.push(...taken);
      left -= taken.length;
    }
  }
  const members = rows.filter((row) => row.standing === "member");
  chosen.push(...spread(members, Math.min(members.length, 40 - chosen.length)));
  if (chosen.length < 40) throw new Error(`The registry has only ${chosen.length} states with a standing today`);
  return chosen.sort((a, b) => a.code.localeCompare(b.code));
}

/** `count` of `values`, evenly spaced. */
function spread<T>(values: readonly T[], count: number): T[] {
  return Array.from({ length: count }, (_, i) => values[Math.floor((i * values.length) / count)]!);
}

/**
 * The documents and their one version each, generated in the database (seeded, so every run
 * makes the same library): documents ordered by their last change over three years, ids rising
 * with it as they would in a library that grew.
 */
async function generateDocuments(pool: pg.Pool, nations: string[], count: number): Promise<void> {
  const client = await pool.connect();
  const rankCumulative = DOCUMENT_RANKS.map((_, i) => sum(DOCUMENT_RANKS.slice(0, i + 1)));
  const topic = (lang: "en" | "es" | "pt" | "fr") => TOPICS.map((t) => t[lang]);
  const kind = (lang: "en" | "es" | "pt" | "fr") => KINDS.map((k) => k[lang]);
  try {
    await client.query("BEGIN");
    await client.query("SELECT setseed(0.15)");
    await client.query(
      `INSERT INTO documents (organization_code, originator_code, created_by_name, created_at, updated_at)
       SELECT $1, CASE WHEN random() < 0.6 THEN $1 ELSE ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int] END,
              'Benchmark', t, t
       FROM (SELECT clock_timestamp() - random() * interval '1095 days' AS t FROM generate_series(1, $2::int)) s
       ORDER BY t`,
      [LIBRARY, count, nations],
    );
    await client.query(
      `WITH drawn AS MATERIALIZED (
         SELECT d.id, d.originator_code, d.created_at,
                CASE WHEN r.x < $4 THEN 0 WHEN r.x < $5 THEN 1 WHEN r.x < $6 THEN 2 WHEN r.x < $7 THEN 3 ELSE 4 END AS rank,
                -- 1 to 4 values: 45 %, 30 %, 15 %, 10 %
                CASE WHEN r.k < 0.45 THEN 1 WHEN r.k < 0.75 THEN 2 WHEN r.k < 0.9 THEN 3 ELSE 4 END AS values_count,
                r.context, r.only, r.restrictive, r.administrative, r.media, r.described,
                1 + floor(r.topic * cardinality($8::text[]))::int AS topic,
                1 + floor(r.kind * cardinality($12::text[]))::int AS kind,
                r.en < 0.8 AS has_en, r.es < 0.45 AS has_es, r.pt < 0.35 AS has_pt, r.fr < 0.5 AS has_fr
         FROM documents d
         CROSS JOIN LATERAL (SELECT random() AS x, random() AS k, random() AS context, random() AS only,
                                    random() AS restrictive, random() AS administrative, random() AS media,
                                    random() AS described, random() AS topic, random() AS kind,
                                    random() AS en, random() AS es, random() AS pt, random() AS fr, d.id AS for_each) r
         WHERE d.organization_code = $1 AND d.created_by_name = 'Benchmark'
       ), labelled AS MATERIALIZED (
         SELECT drawn.*,
                -- Releasable To: each value NATO 40 %, EAPC 10 %, NATO:partners 10 %, NATO:pfp 8 %,
                -- NATO:partners-across-the-globe 7 %, one of the 40 states 25 %.
                (SELECT array_agg(DISTINCT v) FROM (
                   SELECT CASE WHEN x < 0.40 THEN 'NATO' WHEN x < 0.50 THEN 'EAPC' WHEN x < 0.60 THEN 'NATO:partners'
                               WHEN x < 0.68 THEN 'NATO:pfp' WHEN x < 0.75 THEN 'NATO:partners-across-the-globe'
                               ELSE ($3::text[])[1 + floor((x - 0.75) / 0.25 * cardinality($3::text[]))::int] END AS v
                   FROM (SELECT random() AS x, drawn.id FROM generate_series(1, drawn.values_count)) g) picked) AS releasable_to,
                -- Context (20 %): NATO or EAPC. Only (6 %): one or two of the 40 states.
                CASE WHEN drawn.context < 0.12 THEN ARRAY['NATO'] WHEN drawn.context < 0.2 THEN ARRAY['EAPC'] END AS context_values,
                CASE WHEN drawn.only < 0.06 THEN (SELECT array_agg(DISTINCT ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int])
                                                  FROM generate_series(1, 1 + (drawn.only * 1000)::int % 2) g) END AS only_values,
                -- Additional Sensitivity, at rank 2 and above: ATOMAL 8 %, CRYPTO 4 %, both 1 %.
                CASE WHEN drawn.rank < 2 THEN ARRAY[]::text[]
                     WHEN drawn.restrictive < 0.01 THEN ARRAY['ATOMAL', 'CRYPTO']
                     WHEN drawn.restrictive < 0.09 THEN ARRAY['ATOMAL']
                     WHEN drawn.restrictive < 0.13 THEN ARRAY['CRYPTO'] ELSE ARRAY[]::text[] END AS sensitivities,
                CASE WHEN drawn.administrative < 0.05 THEN 'STAFF' WHEN drawn.administrative < 0.07 THEN 'MANAGEMENT' END AS administrative_value,
                CASE WHEN drawn.has_en OR NOT (drawn.has_es OR drawn.has_pt OR drawn.has_fr)
                     THEN ($12::text[])[drawn.kind] || ' ' || ($8::text[])[drawn.topic] || ' ' || drawn.id END AS title_en,
                CASE WHEN drawn.has_es THEN ($13::text[])[drawn.kind] || ' ' || ($9::text[])[drawn.topic] || ' ' || drawn.id END AS title_es,
                CASE WHEN drawn.has_pt THEN ($14::text[])[drawn.kind] || ' ' || ($10::text[])[drawn.topic] || ' ' || drawn.id END AS title_pt,
                CASE WHEN drawn.has_fr THEN ($15::text[])[drawn.kind] || ' ' || ($11::text[])[drawn.topic] || ' ' || drawn.id END AS title_fr,
                CASE WHEN drawn.media < 0.3 THEN 'text/plain' WHEN drawn.media < 0.8 THEN 'application/pdf'
                     ELSE 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' END AS media_type,
                to_char(drawn.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS creation_time
         FROM drawn
       ), categorised AS MATERIALIZED (
         SELECT labelled.*,
                CASE WHEN labelled.described < 0.5 THEN 'Prepared by ' || labelled.originator_code || ' for the working group on ' || ($8::text[])[labelled.topic] || '.' END AS description_en,
                CASE WHEN labelled.described >= 0.7 THEN 'Preparado por ' || labelled.originator_code || ' para el grupo de trabajo de ' || ($9::text[])[labelled.topic] || '.' END AS description_es,
                jsonb_build_array(jsonb_build_object('tagName', 'Releasable To', 'type', 'permissive', 'values', to_jsonb(labelled.releasable_to)))
                || CASE WHEN labelled.context_values IS NULL THEN '[]'::jsonb
                        ELSE jsonb_build_array(jsonb_build_object('tagName', 'Context', 'type', 'permissive', 'values', to_jsonb(labelled.context_values))) END
                || CASE WHEN labelled.only_values IS NULL THEN '[]'::jsonb
                        ELSE jsonb_build_array(jsonb_build_object('tagName', 'Only', 'type', 'permissive', 'values', to_jsonb(labelled.only_values))) END
                || CASE WHEN cardinality(labelled.sensitivities) = 0 THEN '[]'::jsonb
                        ELSE jsonb_build_array(jsonb_build_object('tagName', 'Additional Sensitivity', 'type', 'restrictive', 'values', to_jsonb(labelled.sensitivities))) END
                || CASE WHEN labelled.administrative_value IS NULL THEN '[]'::jsonb
                        ELSE jsonb_build_array(jsonb_build_object('tagName', 'Administrative', 'type', 'informative', 'values', jsonb_build_array(labelled.administrative_value))) END
                  AS categories
         FROM labelled
       ), written AS MATERIALIZED (
         SELECT categorised.*,
                jsonb_build_object('policy', $2::text, 'classification', ($16::text[])[categorised.rank + 1], 'categories', categorised.categories,
                                   'creationTime', categorised.creation_time, 'originator', categorised.originator_code,
                                   'reviewDate', NULL, 'succession', '[]'::jsonb) AS label,
                -- The label's 4774 XML as src/domain/labels/xml.ts writes it.
                E'<?xml version="1.0" encoding="UTF-8"?>\\n<slab:originatorConfidentialityLabel xmlns:slab="urn:nato:stanag:4774:confidentialitymetadatalabel:1:0">\\n'
                || E'  <slab:ConfidentialityInformation>\\n    <slab:PolicyIdentifier URI="' || $2::text || E'">NATO</slab:PolicyIdentifier>\\n'
                || '    <slab:Classification>' || ($16::text[])[categorised.rank + 1] || E'</slab:Classification>\\n'
                || (SELECT string_agg(format(E'    <slab:Category TagName="%s" Type="%s" URI="urn:concord:policy:NATO:category:%s">\\n%s    </slab:Category>\\n',
                                             c ->> 'tagName', upper(c ->> 'type'), lower(replace(c ->> 'tagName', ' ', '-')),
                                             (SELECT string_agg(format(E'      <slab:GenericValue>%s</slab:GenericValue>\\n', v), '')
                                              FROM jsonb_array_elements_text(c -> 'values') v)), '')
                    FROM jsonb_array_elements(categorised.categories) c)
                || E'  </slab:ConfidentialityInformation>\\n  <slab:OriginatorID IDType="uniformResourceIdentifier">urn:concord:actor:'
                || categorised.originator_code || E'</slab:OriginatorID>\\n  <slab:CreationDateTime>' || categorised.creation_time
                || E'</slab:CreationDateTime>\\n</slab:originatorConfidentialityLabel>\\n' AS label_xml,
                convert_to(concat_ws(E'\\n', categorised.title_en, categorised.title_es, categorised.title_pt, categorised.title_fr,
                                     categorised.description_en, categorised.description_es,
                                     repeat('Synthetic text of the benchmark. ', 10 + categorised.id::int % 40)), 'UTF8') AS content
         FROM categorised
       )
       INSERT INTO document_versions (document_id, version, title_en, title_es, title_pt, title_fr, description_en, description_es,
                                      file_name, media_type, content, sha384, label, label_xml, binding_xml, label_in_force,
                                      policy_id, classification_rank, permissive, restrictive, search, created_by_name, created_at)
       SELECT w.id, 1, w.title_en, w.title_es, w.title_pt, w.title_fr, w.description_en, w.description_es,
              'document-' || w.id || CASE w.media_type WHEN 'text/plain' THEN '.txt' WHEN 'application/pdf' THEN '.pdf' ELSE '.docx' END,
              w.media_type, w.content, sha384(w.content), w.label, w.label_xml,
              -- A 4778 binding's size and shape (the label, two SHA-384 references, an ECDSA P-256
              -- signature, the key); the benchmark signs nothing.
              E'<?xml version="1.0" encoding="UTF-8"?>\\n<mb:BindingInformation xmlns:mb="urn:nato:stanag:4778:bindinginformation:1:0">'
              || '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>'
              || '<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"/>'
              || '<ds:Reference URI="#binding"><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms>'
              || '<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#sha384"/><ds:DigestValue>' || encode(sha384(convert_to(w.label_xml, 'UTF8')), 'base64')
              || '</ds:DigestValue></ds:Reference><ds:Reference URI="#manifest" Type="http://www.w3.org/2000/09/xmldsig#Manifest"><ds:Transforms>'
              || '<ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#sha384"/>'
              || '<ds:DigestValue>' || encode(sha384(w.content || '\\x01'::bytea), 'base64') || '</ds:DigestValue></ds:Reference></ds:SignedInfo>'
              || '<ds:SignatureValue>' || encode(sha512(w.content), 'base64') || '</ds:SignatureValue><ds:KeyInfo><ds:KeyName>bench</ds:KeyName>'
              || '<dsig11:DEREncodedKeyValue xmlns:dsig11="http://www.w3.org/2009/xmldsig11#">MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEbenchbenchbenchbenchbenchbenchbenchbenchbenchbenchbenchbenchbenchbenchbenchbenchbenchbenchbenchbenchbench=='
              || '</dsig11:DEREncodedKeyValue></ds:KeyInfo><ds:Object><ds:Manifest Id="manifest"><ds:Reference URI="document-' || w.id || '">'
              || '<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#sha384"/><ds:DigestValue>' || encode(sha384(w.content), 'base64')
              || '</ds:DigestValue></ds:Reference></ds:Manifest></ds:Object></ds:Signature><mb:MetadataBindingContainer><mb:MetadataBinding Id="binding"><mb:Metadata>'
              || substr(w.label_xml, 40) || '</mb:Metadata><mb:DataReference URI="document-' || w.id
              || E'"/></mb:MetadataBinding></mb:MetadataBindingContainer></mb:BindingInformation>\\n',
              w.label, $2::text, w.rank,
              (SELECT jsonb_agg(c -> 'values') FROM jsonb_array_elements(w.categories) c WHERE c ->> 'type' = 'permissive'),
              ARRAY(SELECT $2::text || ' ' || s FROM unnest(w.sensitivities) s ORDER BY s),
              document_search_vector(w.title_en, w.title_es, w.title_pt, w.title_fr, w.description_en, w.description_es, NULL, NULL,
                                     CASE WHEN w.media_type = 'text/plain' THEN convert_from(w.content, 'UTF8') END),
              'Benchmark', w.created_at
       FROM written w`,
      [
        LIBRARY,
        NATO_POLICY,
        nations,
        ...rankCumulative.slice(0, 4),
        topic("en"),
        topic("es"),
        topic("pt"),
        topic("fr"),
        kind("en"),
        kind("es"),
        kind("pt"),
        kind("fr"),
        CLASSIFICATIONS,
      ],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

/** A small seeded generator (mulberry32), so every run makes the same readers. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The readers: each of a nation among the 40, with a clearance rank (READER_RANKS; 0: none
 * held) and, from rank 2, ATOMAL (30 %) and CRYPTO (15 %) authorisations; their `within` as the
 * documents service computes it (not secretariat staff: a delegation's).
 */
async function makeReaders(
  db: RunningServer["runtime"]["db"],
  nations: Nation[],
  policies: SecurityPolicy[],
  day: string,
) {
  const random = seeded(15);
  const standings = new Map(
    await Promise.all(nations.map(async (n) => [n.code, await repo.standingsOn(db, n.code, day)] as const)),
  );
  const rankCumulative = READER_RANKS.map((_, i) => sum(READER_RANKS.slice(0, i + 1)));
  return Array.from({ length: settings.readers }, (): Reader => {
    const nation = nations[Math.floor(random() * nations.length)]!.code;
    const x = random();
    const rank = rankCumulative.findIndex((edge) => x < edge);
    const authorisations = [
      ...(rank >= 2 && random() < 0.3 ? ["ATOMAL"] : []),
      ...(rank >= 2 && random() < 0.15 ? ["CRYPTO"] : []),
    ];
    const within = readerWithin({
      nation,
      organization: LIBRARY,
      isOwnStaff: false,
      standings: standings.get(nation)!,
      policies,
    });
    const clearances: Record<string, number> = rank > 0 ? { [NATO_POLICY]: rank } : {};
    return {
      nation,
      rank,
      authorisations,
      attributes: {
        organization: LIBRARY,
        clearances,
        heldKeys: authorisations.map((value) => repo.restrictiveKey(NATO_POLICY, value)),
        within: [...within],
      },
      label: {
        organization: LIBRARY,
        nation,
        clearances,
        authorisations: { [NATO_POLICY]: authorisations },
        within,
      },
    };
  });
}

/**
 * The searches: a subject's word in one language, sometimes with a kind of document; and two
 * looking for one document: its number (in one title), and a word no document holds. How much
 * each matches.
 */
async function searchQueries(pool: pg.Pool) {
  const { rows: middle } = await pool.query<{ id: string }>(
    "SELECT id FROM documents WHERE organization_code = $1 AND created_by_name = 'Benchmark' ORDER BY id OFFSET $2 LIMIT 1",
    [LIBRARY, Math.floor(settings.documents / 2)],
  );
  const texts = [
    ...TOPICS.flatMap((t) => t.words),
    ...TOPICS.slice(0, 6).map((t, i) => `${t.words[0]} ${KINDS[i % KINDS.length]!.word}`),
    middle[0]!.id,
    "zeppelin",
  ];
  const { rows } = await pool.query<{ query: string; matches: number }>(
    `SELECT q AS query, (SELECT count(*)::int FROM document_versions v JOIN documents d ON d.id = v.document_id
                         WHERE d.organization_code = $1 AND v.search @@ menu_search_query(q)) AS matches
     FROM unnest($2::text[]) q`,
    [LIBRARY, texts],
  );
  return rows.map((row) => ({ query: row.query, share: row.matches / settings.documents }));
}

// ---------------------------------------------------------------------------------------------
// Measuring

type CaseName =
  | "listing, rule"
  | "listing, baseline"
  | "search, rule"
  | "search, baseline"
  | "count, rule"
  | "count, baseline";
const CASES: CaseName[] = [
  "listing, rule",
  "listing, baseline",
  "search, rule",
  "search, baseline",
  "count, rule",
  "count, baseline",
];

type Sample = { time: number; rows: number; visibleShare: number };

async function measure(
  db: RunningServer["runtime"]["db"],
  readers: Reader[],
  queries: Array<{ query: string; share: number }>,
  nato: SecurityPolicy,
) {
  const random = seeded(4774);
  const samples = new Map<CaseName, Sample[]>(CASES.map((name) => [name, []]));
  const disagreements: string[] = [];
  const seenReaders = new Set<Reader>();
  const total = settings.warmup + settings.iterations;
  await step(
    `Measuring: ${settings.warmup} warm-up and ${settings.iterations} timed iterations of 6 queries, interleaved`,
    async () => {
      for (let i = 0; i < total; i++) {
        const reader = readers[Math.floor(random() * readers.length)]!;
        const query = queries[Math.floor(random() * queries.length)]!.query;
        const results = new Map<CaseName, { time: number; rows: number; page?: repo.LibraryEntry[] }>();
        const calls: Record<CaseName, () => Promise<repo.LibraryEntry[] | number>> = {
          "listing, rule": () => repo.listLibrary(db, LIBRARY, reader.attributes, { limit: PAGE }),
          "listing, baseline": () => repo.listLibrary(db, LIBRARY, null, { limit: PAGE }),
          "search, rule": () => repo.listLibrary(db, LIBRARY, reader.attributes, { query, limit: PAGE }),
          "search, baseline": () => repo.listLibrary(db, LIBRARY, null, { query, limit: PAGE }),
          "count, rule": () => repo.countLibrary(db, LIBRARY, reader.attributes),
          "count, baseline": () => repo.countLibrary(db, LIBRARY, null),
        };
        // A different order each iteration, so no query always runs after the same one.
        for (let j = 0; j < CASES.length; j++) {
          const name = CASES[(i + j) % CASES.length]!;
          const started = performance.now();
          const answer = await calls[name]();
          const time = performance.now() - started;
          results.set(
            name,
            typeof answer === "number" ? { time, rows: answer } : { time, rows: answer.length, page: answer },
          );
        }
        const visibleShare = results.get("count, rule")!.rows / results.get("count, baseline")!.rows;
        if (i < settings.warmup) {
          // Checking, not timing: the SQL rule's page against decideAccess on the baseline's page.
          disagreements.push(
            ...agreement(
              "listing",
              reader,
              nato,
              results.get("listing, rule")!.page!,
              results.get("listing, baseline")!.page!,
            ),
            ...agreement(
              `search "${query}"`,
              reader,
              nato,
              results.get("search, rule")!.page!,
              results.get("search, baseline")!.page!,
            ),
          );
          continue;
        }
        seenReaders.add(reader);
        for (const [name, result] of results)
          samples.get(name)!.push({ time: result.time, rows: result.rows, visibleShare });
      }
    },
  );

  const stats = (list: Sample[]) => ({
    calls: list.length,
    rowsAvg: list.length === 0 ? 0 : round(sum(list.map((s) => s.rows)) / list.length, 1),
    p50Ms:
      list.length === 0
        ? 0
        : round(
            percentile(
              list.map((s) => s.time),
              50,
            ),
            2,
          ),
    p99Ms:
      list.length === 0
        ? 0
        : round(
            percentile(
              list.map((s) => s.time),
              99,
            ),
            2,
          ),
    meanMs: list.length === 0 ? 0 : round(sum(list.map((s) => s.time)) / list.length, 2),
  });
  const queriesStats = CASES.map((name) => ({ query: name, ...stats(samples.get(name)!) }));
  const byName = new Map(queriesStats.map((q) => [q.query, q]));
  const ratio = (kind: "listing" | "search" | "count") => {
    const rule = byName.get(`${kind}, rule` as CaseName)!;
    const baseline = byName.get(`${kind}, baseline` as CaseName)!;
    return { p50: round(rule.p50Ms / baseline.p50Ms, 2), p99: round(rule.p99Ms / baseline.p99Ms, 2) };
  };
  const ratios = { listing: ratio("listing"), search: ratio("search"), count: ratio("count") };
  const bands = BANDS.map((band, i) => {
    const from = i === 0 ? 0 : BANDS[i - 1]!.below;
    const inBand = (s: Sample) => s.visibleShare >= from && s.visibleShare < band.below;
    const listing = samples.get("listing, rule")!.filter(inBand);
    const search = samples.get("search, rule")!.filter(inBand);
    return {
      band: band.name,
      calls: listing.length,
      visibleAvgPercent:
        listing.length === 0 ? 0 : round((100 * sum(listing.map((s) => s.visibleShare))) / listing.length, 2),
      listing: stats(listing),
      search: stats(search),
    };
  });
  const verdict = (ok: boolean): Verdict => (ok ? "met" : "not met");
  const targets = [
    {
      target: `listing: rule/baseline p50 <= ${TARGET_RATIO}`,
      value: ratios.listing.p50,
      verdict: verdict(ratios.listing.p50 <= TARGET_RATIO),
    },
    {
      target: `listing with the rule: p50 <= ${TARGET_P50_MS} ms`,
      value: byName.get("listing, rule")!.p50Ms,
      verdict: verdict(byName.get("listing, rule")!.p50Ms <= TARGET_P50_MS),
    },
    {
      target: `search: rule/baseline p50 <= ${TARGET_RATIO}`,
      value: ratios.search.p50,
      verdict: verdict(ratios.search.p50 <= TARGET_RATIO),
    },
    {
      target: `search with the rule: p50 <= ${TARGET_P50_MS} ms`,
      value: byName.get("search, rule")!.p50Ms,
      verdict: verdict(byName.get("search, rule")!.p50Ms <= TARGET_P50_MS),
    },
  ];
  const shares = samples.get("count, rule")!.map((s) => s.visibleShare);
  return {
    readersMeasured: seenReaders.size,
    visibleShare: {
      min: round(Math.min(...shares) * 100, 2),
      median: round(median(shares) * 100, 2),
      max: round(Math.max(...shares) * 100, 2),
    },
    queriesStats,
    ratios,
    bands,
    targets,
    agreementChecked: settings.warmup,
    disagreements: disagreements.slice(0, 20),
  };
}

/**
 * The rule's page against the pure rule: every row it shows is allowed by decideAccess, and the
 * baseline's rows decideAccess allows are exactly the rule's page up to where the baseline's ends.
 */
function agreement(
  what: string,
  reader: Reader,
  policy: SecurityPolicy,
  rulePage: repo.LibraryEntry[],
  baselinePage: repo.LibraryEntry[],
): string[] {
  const allowed = (row: repo.LibraryEntry) =>
    decideAccess(row.labelInForce as unknown as ConfidentialityLabel, policy, reader.label).allowed;
  const problems: string[] = [];
  const who = `${reader.nation} rank ${reader.rank} [${reader.authorisations.join(",")}]`;
  for (const row of rulePage)
    if (!allowed(row)) problems.push(`${what}: ${who} is shown document ${row.documentId}, which decideAccess refuses`);
  const expected = baselinePage.filter(allowed).map((row) => row.documentId);
  const shown = rulePage.slice(0, expected.length).map((row) => row.documentId);
  if (expected.join() !== shown.join())
    problems.push(
      `${what}: ${who}: decideAccess allows [${expected.join(",")}] of the newest, the rule shows [${shown.join(",")}]`,
    );
  return problems;
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Report

type Report = {
  when: string;
  machine: Awaited<ReturnType<typeof machineInfo>>;
  loadAverage1m: { atStart: number; atEnd: number };
  data: { documents: number; loadSeconds: number; standings: Record<string, number> };
  readers: { count: number; ranks: Record<string, number>; authorisations: Record<string, number> };
  queries: Array<{ query: string; share: number }>;
  totalSeconds: number;
} & Awaited<ReturnType<typeof measure>>;

function formatReport(report: Report): string {
  const { machine, loadAverage1m, data, readers, queries } = report;
  const n = (value: number) => value.toLocaleString("en");
  const ms = (value: number) => value.toFixed(2).padStart(8);
  const percent = (share: number) => `${round(share * 100, 1)} %`;
  const shares = queries.map((q) => q.share);
  const ratioOf = (name: string) => {
    const kind = name.split(",")[0] as "listing" | "search" | "count";
    return name.endsWith("rule")
      ? `${report.ratios[kind].p50.toFixed(2).padStart(9)} ${report.ratios[kind].p99.toFixed(2).padStart(6)}`
      : "";
  };
  return [
    "",
    `Concord documents benchmark  ${report.when}`,
    `machine   ${machine.os}, ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.totalMemoryGiB} GiB, Node ${machine.node}`,
    `          1-minute load average ${loadAverage1m.atStart} at start, ${loadAverage1m.atEnd} at end; whole run ${report.totalSeconds} s`,
    `postgres  ${machine.postgres}`,
    "",
    `data      ${n(data.documents)} labelled documents in ${LIBRARY}'s library, generated and vacuumed in ${data.loadSeconds} s`,
    `          40 states by standing towards NATO today: ${Object.entries(data.standings)
      .map(([k, v]) => `${v} ${k}`)
      .join(", ")}; 5 groups: ${GROUPS.join(", ")}`,
    `readers   ${n(readers.count)}: clearance rank ${Object.entries(readers.ranks)
      .sort()
      .map(([k, v]) => `${k}: ${v}`)
      .join(", ")}; authorisations ${Object.entries(readers.authorisations)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}; ${report.readersMeasured} drawn in the timed iterations`,
    `          visible share of the library per reader drawn: min ${report.visibleShare.min} %, median ${report.visibleShare.median} %, max ${report.visibleShare.max} %`,
    `search    ${queries.length} queries, each matching ${percent(Math.min(...shares))}–${percent(Math.max(...shares))} of the documents (median ${percent(median(shares))}); two look for one document`,
    `checked   the rule in SQL against decideAccess on ${report.agreementChecked} warm-up readers' listings and searches: ${
      report.disagreements.length === 0 ? "they agree" : `${report.disagreements.length} disagreement(s)`
    }`,
    "",
    `In the database (repository calls from the process: the query, one round trip, the rows parsed), page of ${PAGE}`,
    `  ${settings.iterations} iterations, the six queries interleaved, a random reader and search each`,
    "  query                 calls   rows avg   p50 ms   p99 ms  mean ms   rule/baseline p50    p99",
    ...report.queriesStats.map(
      (q) =>
        `  ${q.query.padEnd(20)} ${String(q.calls).padStart(6)} ${q.rowsAvg.toFixed(1).padStart(10)} ${ms(q.p50Ms)} ${ms(q.p99Ms)} ${ms(q.meanMs)}   ${ratioOf(q.query)}`,
    ),
    "",
    "The rule's listing and search by how much of the library the reader may see",
    "  reader sees          calls  visible avg   listing p50   p99    search p50   p99",
    ...report.bands.map(
      (b) =>
        `  ${b.band.padEnd(19)} ${String(b.calls).padStart(6)} ${`${b.visibleAvgPercent.toFixed(2)} %`.padStart(12)} ${ms(b.listing.p50Ms).padStart(13)} ${b.listing.p99Ms.toFixed(2).padStart(7)} ${ms(b.search.p50Ms).padStart(13)} ${b.search.p99Ms.toFixed(2).padStart(7)}`,
    ),
    "",
    "Targets (issue 15)",
    ...report.targets.map((t) => `  ${t.target.padEnd(44)} ${String(t.value).padStart(8)}  ${t.verdict}`),
  ].join("\n");
}

run(main);
