/**
 * Builds `data/countries.json`: every sovereign state (the 193 UN members, the two UN observer
 * states, Kosovo and Taiwan) plus the former states (ISO 3166-3) that historical data sets such
 * as the Correlates of War state list need.
 *
 *   npx tsx scripts/build-countries.ts           # write data/countries.json
 *   npx tsx scripts/build-countries.ts --check   # exit 1 if the file differs from what would be written
 *
 * Only Node built-ins: names in the four languages come from ICU (`Intl.DisplayNames`, Node 20
 * ships full ICU), with hand-written overrides where ICU's name is not the short name used in
 * diplomacy. Codes are written by hand below (ISO 3166-1 alpha-3, alpha-2, numeric).
 * Numeric codes are the ids that world-atlas uses for its features.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { LANGUAGES as languages, type Language, type Names } from "../src/domain/languages.ts";

interface Country {
  alpha3: string;
  alpha2: string | null;
  numeric: string | null;
  names: Names;
  former: boolean;
}

/**
 * Current states: "alpha3 alpha2 numeric", "---" where a code does not exist.
 * Kosovo's XKX/XK are user-assigned codes (used by the EU, IMF and others); it has no numeric code.
 */
const CURRENT = `
AFG AF 004 | AGO AO 024 | ALB AL 008 | AND AD 020 | ARE AE 784 | ARG AR 032
ARM AM 051 | ATG AG 028 | AUS AU 036 | AUT AT 040 | AZE AZ 031 | BDI BI 108
BEL BE 056 | BEN BJ 204 | BFA BF 854 | BGD BD 050 | BGR BG 100 | BHR BH 048
BHS BS 044 | BIH BA 070 | BLR BY 112 | BLZ BZ 084 | BOL BO 068 | BRA BR 076
BRB BB 052 | BRN BN 096 | BTN BT 064 | BWA BW 072 | CAF CF 140 | CAN CA 124
CHE CH 756 | CHL CL 152 | CHN CN 156 | CIV CI 384 | CMR CM 120 | COD CD 180
COG CG 178 | COL CO 170 | COM KM 174 | CPV CV 132 | CRI CR 188 | CUB CU 192
CYP CY 196 | CZE CZ 203 | DEU DE 276 | DJI DJ 262 | DMA DM 212 | DNK DK 208
DOM DO 214 | DZA DZ 012 | ECU EC 218 | EGY EG 818 | ERI ER 232 | ESP ES 724
EST EE 233 | ETH ET 231 | FIN FI 246 | FJI FJ 242 | FRA FR 250 | FSM FM 583
GAB GA 266 | GBR GB 826 | GEO GE 268 | GHA GH 288 | GIN GN 324 | GMB GM 270
GNB GW 624 | GNQ GQ 226 | GRC GR 300 | GRD GD 308 | GTM GT 320 | GUY GY 328
HND HN 340 | HRV HR 191 | HTI HT 332 | HUN HU 348 | IDN ID 360 | IND IN 356
IRL IE 372 | IRN IR 364 | IRQ IQ 368 | ISL IS 352 | ISR IL 376 | ITA IT 380
JAM JM 388 | JOR JO 400 | JPN JP 392 | KAZ KZ 398 | KEN KE 404 | KGZ KG 417
KHM KH 116 | KIR KI 296 | KNA KN 659 | KOR KR 410 | KWT KW 414 | LAO LA 418
LBN LB 422 | LBR LR 430 | LBY LY 434 | LCA LC 662 | LIE LI 438 | LKA LK 144
LSO LS 426 | LTU LT 440 | LUX LU 442 | LVA LV 428 | MAR MA 504 | MCO MC 492
MDA MD 498 | MDG MG 450 | MDV MV 462 | MEX MX 484 | MHL MH 584 | MKD MK 807
MLI ML 466 | MLT MT 470 | MMR MM 104 | MNE ME 499 | MNG MN 496 | MOZ MZ 508
MRT MR 478 | MUS MU 480 | MWI MW 454 | MYS MY 458 | NAM NA 516 | NER NE 562
NGA NG 566 | NIC NI 558 | NLD NL 528 | NOR NO 578 | NPL NP 524 | NRU NR 520
NZL NZ 554 | OMN OM 512 | PAK PK 586 | PAN PA 591 | PER PE 604 | PHL PH 608
PLW PW 585 | PNG PG 598 | POL PL 616 | PRK KP 408 | PRT PT 620 | PRY PY 600
PSE PS 275 | QAT QA 634 | ROU RO 642 | RUS RU 643 | RWA RW 646 | SAU SA 682
SDN SD 729 | SEN SN 686 | SGP SG 702 | SLB SB 090 | SLE SL 694 | SLV SV 222
SMR SM 674 | SOM SO 706 | SRB RS 688 | SSD SS 728 | STP ST 678 | SUR SR 740
SVK SK 703 | SVN SI 705 | SWE SE 752 | SWZ SZ 748 | SYC SC 690 | SYR SY 760
TCD TD 148 | TGO TG 768 | THA TH 764 | TJK TJ 762 | TKM TM 795 | TLS TL 626
TON TO 776 | TTO TT 780 | TUN TN 788 | TUR TR 792 | TUV TV 798 | TWN TW 158
TZA TZ 834 | UGA UG 800 | UKR UA 804 | URY UY 858 | USA US 840 | UZB UZ 860
VAT VA 336 | VCT VC 670 | VEN VE 862 | VNM VN 704 | VUT VU 548 | WSM WS 882
XKX XK --- | YEM YE 887 | ZAF ZA 710 | ZMB ZM 894 | ZWE ZW 716
`;

/** Where ICU's name is not the short name used in diplomacy (only the languages listed change). */
const OVERRIDES: Record<string, Partial<Names>> = {
  ATG: { en: "Antigua and Barbuda" },
  BIH: { en: "Bosnia and Herzegovina" },
  CIV: { en: "Côte d'Ivoire", es: "Côte d'Ivoire", fr: "Côte d'Ivoire" },
  COD: {
    en: "Democratic Republic of the Congo",
    es: "República Democrática del Congo",
    pt: "República Democrática do Congo",
    fr: "République démocratique du Congo",
  },
  COG: { en: "Republic of the Congo", es: "República del Congo", pt: "República do Congo", fr: "République du Congo" },
  KNA: { en: "Saint Kitts and Nevis" },
  LCA: { en: "Saint Lucia" },
  MMR: { en: "Myanmar", es: "Myanmar", pt: "Mianmar", fr: "Myanmar" },
  PSE: { en: "Palestine", es: "Palestina", pt: "Palestina", fr: "Palestine" },
  STP: { en: "São Tomé and Príncipe" },
  TTO: { en: "Trinidad and Tobago" },
  // The UN's short name since 2022, in every language, so that one name is used throughout.
  TUR: { en: "Türkiye", es: "Türkiye", pt: "Türkiye", fr: "Türkiye" },
  // The sovereign subject of diplomatic relations (and UN observer) is the Holy See.
  VAT: { en: "Holy See", es: "Santa Sede", pt: "Santa Sé", fr: "Saint-Siège" },
  VCT: { en: "Saint Vincent and the Grenadines" },
  VNM: { fr: "Vietnam" },
};

/**
 * Former states (ISO 3166-3) with the alpha-2 and numeric codes ISO gave them. CSK's alpha-2 "CS"
 * was later given to Serbia and Montenegro, so it is left out; South Vietnam had no numeric code.
 */
const FORMER: Country[] = [
  {
    alpha3: "CSK",
    alpha2: null,
    numeric: "200",
    names: { en: "Czechoslovakia", es: "Checoslovaquia", pt: "Tchecoslováquia", fr: "Tchécoslovaquie" },
    former: true,
  },
  {
    alpha3: "DDR",
    alpha2: "DD",
    numeric: "278",
    names: { en: "East Germany", es: "Alemania Oriental", pt: "Alemanha Oriental", fr: "Allemagne de l'Est" },
    former: true,
  },
  {
    alpha3: "SUN",
    alpha2: "SU",
    numeric: "810",
    names: { en: "Soviet Union", es: "Unión Soviética", pt: "União Soviética", fr: "Union soviétique" },
    former: true,
  },
  {
    alpha3: "VDR",
    alpha2: "VD",
    numeric: null,
    names: { en: "South Vietnam", es: "Vietnam del Sur", pt: "Vietnã do Sul", fr: "Sud-Vietnam" },
    former: true,
  },
  {
    alpha3: "YMD",
    alpha2: "YD",
    numeric: "720",
    names: { en: "South Yemen", es: "Yemen del Sur", pt: "Iêmen do Sul", fr: "Yémen du Sud" },
    former: true,
  },
  {
    alpha3: "YUG",
    alpha2: "YU",
    numeric: "891",
    names: { en: "Yugoslavia", es: "Yugoslavia", pt: "Iugoslávia", fr: "Yougoslavie" },
    former: true,
  },
];

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const target = join(root, "data", "countries.json");
const problems: string[] = [];

const displayNames = Object.fromEntries(
  languages.map((language) => {
    const names = new Intl.DisplayNames([language], { type: "region", fallback: "none" });
    if (names.resolvedOptions().locale !== language) {
      throw new Error(`this Node has no ICU data for "${language}" (needs full ICU, as Node 20 ships)`);
    }
    return [language, names];
  }),
) as Record<Language, Intl.DisplayNames>;

const current: Country[] = CURRENT.split(/[|\n]/)
  .map((cell) => cell.trim())
  .filter((cell) => cell !== "")
  .map((cell) => {
    const [alpha3, alpha2, numeric] = cell.split(/\s+/) as [string, string, string];
    const override = OVERRIDES[alpha3] ?? {};
    const names = Object.fromEntries(
      languages.map((language) => {
        const name = override[language] ?? displayNames[language].of(alpha2);
        if (!name || name === alpha2) problems.push(`${alpha3}: ICU has no ${language} name for ${alpha2}`);
        return [language, name ?? alpha2];
      }),
    ) as Names;
    return { alpha3, alpha2, numeric: numeric === "---" ? null : numeric, names, former: false };
  });

const countries = [...current, ...FORMER].sort((a, b) => (a.alpha3 < b.alpha3 ? -1 : a.alpha3 > b.alpha3 ? 1 : 0));

// Checks: the codes' shapes, and uniqueness (the database has UNIQUE constraints on each code).
for (const key of ["alpha3", "alpha2", "numeric"] as const) {
  const seen = new Map<string, string>();
  for (const country of countries) {
    const value = country[key];
    if (value === null) continue;
    const other = seen.get(value);
    if (other) problems.push(`${key} ${value} is used by both ${other} and ${country.alpha3}`);
    seen.set(value, country.alpha3);
  }
}
for (const country of countries) {
  if (!/^[A-Z]{3}$/.test(country.alpha3)) problems.push(`bad alpha3 ${country.alpha3}`);
  if (country.alpha2 !== null && !/^[A-Z]{2}$/.test(country.alpha2)) problems.push(`${country.alpha3}: bad alpha2`);
  if (country.numeric !== null && !/^\d{3}$/.test(country.numeric)) problems.push(`${country.alpha3}: bad numeric`);
  for (const language of languages) {
    const name = country.names[language];
    // ICU's long forms and abbreviations that are not wanted in a country's short name.
    if (/SAR|\(|\)|&|’|Territor|\bSt\.|\s-\s/.test(name)) {
      problems.push(`${country.alpha3}: ${language} name "${name}" needs an override`);
    }
  }
}
for (const alpha3 of Object.keys(OVERRIDES)) {
  if (!current.some((country) => country.alpha3 === alpha3)) problems.push(`override for unknown ${alpha3}`);
}
const currentCount = countries.filter((country) => !country.former).length;
if (currentCount !== 197)
  problems.push(`expected 197 current states (193 UN + VAT + PSE + XKX + TWN), got ${currentCount}`);

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}

const text = `${JSON.stringify(countries, null, 2)}\n`;

// Informational: world-atlas features (ISO numeric ids) that no entry covers.
const atlasFile = join(root, "node_modules", "world-atlas", "countries-110m.json");
if (existsSync(atlasFile)) {
  const atlas = JSON.parse(readFileSync(atlasFile, "utf8")) as {
    objects: { countries: { geometries: { id?: string; properties?: { name?: string } }[] } };
  };
  const numerics = new Set(countries.map((country) => country.numeric));
  const uncovered = atlas.objects.countries.geometries
    .filter((feature) => feature.id === undefined || !numerics.has(feature.id))
    .map((feature) => `${feature.id ?? "(no id)"} ${feature.properties?.name ?? ""}`);
  console.log(`world-atlas features with no country (${uncovered.length}): ${uncovered.join("; ")}`);
}

if (process.argv.includes("--check")) {
  const existing = existsSync(target) ? readFileSync(target, "utf8") : "";
  if (existing !== text) {
    console.error(`${target} is out of date: run npx tsx scripts/build-countries.ts`);
    process.exit(1);
  }
  console.log(`${target} is up to date (${currentCount} current, ${countries.length - currentCount} former)`);
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`wrote ${target}: ${currentCount} current, ${countries.length - currentCount} former`);
}
