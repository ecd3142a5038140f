/**
 * "No English on a page in another language", as the browser tests check it: the English strings
 * of the web app's catalogues and of the server's messages that the reader's language words
 * differently, looked for in what the page shows and reads aloud. Text the API gave the page (a
 * note recorded in English, a source's quote) is the data's, not the interface's: a string found
 * only inside such a text is excused; a server answer shown whole is not.
 */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import type { Language } from "../../src/domain/languages.ts";
import { en as serverEn } from "../../src/domain/messages/en.ts";
import { es as serverEs } from "../../src/domain/messages/es.ts";
import { fr as serverFr } from "../../src/domain/messages/fr.ts";
import { pt as serverPt } from "../../src/domain/messages/pt.ts";

export type Other = Exclude<Language, "en">;
/** A web catalogue in the four languages, by the prefix its keys are reported under ("" for the main one). */
export type Catalogues = ReadonlyArray<readonly [prefix: string, catalogue: Record<Language, unknown>]>;

const SERVER = { en: serverEn, es: serverEs, pt: serverPt, fr: serverFr };
/** Shorter strings ("Map", "Goal", "Month") are too often part of other words or of proper names. */
const SHORTEST = 12;

/** Every string leaf of a catalogue, by its key path (functions, which need arguments, left out). */
function leaves(catalogue: unknown, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  if (typeof catalogue === "string") found.set(prefix, catalogue);
  else if (catalogue && typeof catalogue === "object")
    for (const [key, value] of Object.entries(catalogue))
      for (const [leaf, text] of leaves(value, prefix ? `${prefix}.${key}` : key)) found.set(leaf, text);
  return found;
}

/** The server's messages that take no parameters, by key. */
function serverLeaves(messages: Record<string, (...args: never[]) => string>): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, message] of Object.entries(messages)) if (message.length === 0) found.set(key, message());
  return found;
}

/**
 * The English strings that must not show on a page in `lang`: each English string of SHORTEST
 * characters or more that `lang` words differently (so not one every language keeps as it is,
 * like a proper name), from `catalogues` and the server's messages (reported under "server.").
 */
function englishFor(lang: Other, catalogues: Catalogues): Map<string, string> {
  const english = new Map<string, string>();
  const sets: Array<[string, Record<Language, Map<string, string>>]> = [
    ...catalogues.map(([prefix, c]): [string, Record<Language, Map<string, string>>] => [
      prefix,
      { en: leaves(c.en), es: leaves(c.es), pt: leaves(c.pt), fr: leaves(c.fr) },
    ]),
    [
      "server.",
      {
        en: serverLeaves(SERVER.en),
        es: serverLeaves(SERVER.es),
        pt: serverLeaves(SERVER.pt),
        fr: serverLeaves(SERVER.fr),
      },
    ],
  ];
  for (const [prefix, byLang] of sets)
    for (const [key, text] of byLang.en) {
      if (text.trim().length < SHORTEST) continue;
      if (byLang[lang].get(key) === text) continue;
      if ((["es", "pt", "fr"] as const).every((other) => byLang[other].get(key) === text)) continue;
      english.set(`${prefix}${key}`, text);
    }
  return english;
}

/** What the page shows and reads aloud: its text, and the labels, placeholders and titles of its elements. */
function shownText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attributes = [...document.body.querySelectorAll("[aria-label], [placeholder], [title], img[alt]")]
      .filter((element) => (element as HTMLElement).offsetParent !== null || element.closest("dialog[open]"))
      .flatMap((element) =>
        ["aria-label", "placeholder", "title", "alt"].map((name) => element.getAttribute(name) ?? ""),
      );
    // biome-ignore lint/performance/useDomNodeTextContent: what is shown, not what is hidden: innerText is the point
    return [document.body.innerText, ...attributes].join("\n");
  });
}

/** Every string in a JSON answer. */
function stringsOf(value: unknown, into: Set<string>): void {
  if (typeof value === "string") into.add(value);
  else if (value && typeof value === "object") for (const item of Object.values(value)) stringsOf(item, into);
}

/** The API's texts each page was given, by page. */
const dataOf = new WeakMap<Page, { texts: Set<string>; reading: Array<Promise<void>> }>();

/** Keeps the texts of every JSON answer of the API to `page`, before it navigates anywhere. */
export function watchApiData(page: Page): void {
  const given = { texts: new Set<string>(), reading: [] as Array<Promise<void>> };
  dataOf.set(page, given);
  page.on("response", (response) => {
    if (!new URL(response.url()).pathname.startsWith("/api/")) return;
    if (!(response.headers()["content-type"] ?? "").includes("json")) return;
    given.reading.push(
      response.json().then(
        (body) => stringsOf(body, given.texts),
        // An answer whose body is gone (the page navigated away): nothing of it is shown.
        () => {},
      ),
    );
  });
}

/** The English strings (key: text) found on a page watched by watchApiData. */
export async function englishOn(page: Page, lang: Other, catalogues: Catalogues): Promise<string[]> {
  const text = await shownText(page);
  const given = dataOf.get(page);
  if (!given) throw new Error("englishOn: the page was not watched (watchApiData) before it opened");
  await Promise.all(given.reading);
  const data = [...given.texts];
  return [...englishFor(lang, catalogues)]
    .filter(([, words]) => text.includes(words))
    .filter(([, words]) => !data.some((datum) => datum !== words && datum.includes(words)))
    .map(([key, words]) => `${key}: ${words}`);
}

/** The page has its heading and nothing in its main part is still loading. */
export async function settled(page: Page): Promise<void> {
  await page.locator("main h1").first().waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => !document.querySelector('main .spinner, main [aria-busy="true"]'), undefined, {
    timeout: 20_000,
  });
}

/**
 * Waits for the page's heading to read `heading`, then checks it shows no English (by
 * `catalogues`) and says its language, and takes its screenshot with `shoot`: the check the
 * feature's browser tests make of each page in Spanish, Portuguese and French.
 */
export async function expectNoEnglish(
  page: Page,
  options: {
    lang: Other;
    what: string;
    heading: string;
    catalogues: Catalogues;
    shoot: (page: Page, name: string) => Promise<void>;
  },
): Promise<void> {
  const { lang, what } = options;
  await expect
    .poll(async () => (await page.locator("main h1").first().textContent())?.replace(/\s+/g, " ").trim(), {
      timeout: 20_000,
    })
    .toBe(options.heading);
  await settled(page);
  expect.soft(await page.evaluate(() => document.documentElement.lang), `${what}: <html lang>`).toBe(lang);
  const english = await englishOn(page, lang, options.catalogues);
  if (english.length > 0) console.log(`English on ${what} (${lang}):\n  ${english.join("\n  ")}`);
  expect.soft(english, `English on ${what} (${lang})`).toEqual([]);
  await options.shoot(page, `${lang}-${what.replace(/[^a-z0-9]+/gi, "-")}`);
}
