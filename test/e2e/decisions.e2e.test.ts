/**
 * Decisions in the web UI: the list of proposals and its tabs, a proposal's page with its grid,
 * history, deadline and outcome, the forms of a delegation head and of the chair, live updates
 * over server-sent events, and the pages in another language. A real browser (Debian's Chromium
 * through playwright-core) against a real Concord server serving the built web/dist.
 *
 * Screenshots go to the system's temporary folder (concord-decisions-screens), never the repo.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchChromium } from "../support/browser.ts";
import { startConcord, type TestConcord } from "../support/concord.ts";
import { signInAs, type Person } from "../support/people.ts";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const screens = process.env.DECISIONS_SCREENS ?? path.join(os.tmpdir(), "concord-decisions-screens");

let concord: TestConcord;
let browser: Browser;
let baseUrl: string;

// NATO: the secretariat chairs; France and Germany are Allies with delegation heads.
let natoSecretariat: Person;
let france: Person;
let germany: Person;
// MERCOSUR: Chile (an associate) asks to become a member; every member state decides.
let chile: Person;
const mercosurMembers = new Map<string, Person>();

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(repo, "scripts/ensure-web-build.mjs")], { cwd: repo, stdio: "inherit" });
  concord = await startConcord();
  baseUrl = concord.baseUrl;
  natoSecretariat = await signInAs(concord, {
    organization: "NATO",
    role: "secretariat-staff",
    name: "Sam Secretariat",
  });
  france = await signInAs(concord, {
    organization: "NATO",
    role: "delegation-head",
    state: "FRA",
    name: "Claire Martin",
  });
  germany = await signInAs(concord, {
    organization: "NATO",
    role: "delegation-head",
    state: "DEU",
    name: "Jonas Weber",
  });
  chile = await signInAs(concord, {
    organization: "MERCOSUR",
    role: "delegation-head",
    state: "CHL",
    name: "Camila Rojas",
  });
  browser = await launchChromium();
  fs.mkdirSync(screens, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await concord?.stop();
}, 60_000);

type Opened = { context: BrowserContext; page: Page; errors: string[] };

/** A browser signed in as `person` (its session cookie), on `pathAndQuery`, collecting script and console errors. */
async function openAs(
  person: Person,
  pathAndQuery: string,
  options: { width?: number; height?: number; locale?: string; clockSkewMs?: number } = {},
): Promise<Opened> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    locale: options.locale ?? "en-GB",
    timezoneId: "Europe/Brussels",
    reducedMotion: "reduce",
  });
  const [name, value] = person.cookie.split("=") as [string, string];
  await context.addCookies([{ name, value, url: baseUrl }]);
  // A computer whose clock is wrong (it runs on from the wrong time).
  if (options.clockSkewMs) await context.clock.install({ time: Date.now() + options.clockSkewMs });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(baseUrl + pathAndQuery);
  return { context, page, errors };
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screens, `${name}.png`), fullPage: true });
}

async function openProposal(by: Person, body: Record<string, unknown>): Promise<number> {
  const answer = await by.send("POST", "/api/v1/proposals", body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.proposal.id as number;
}

/** The live stream is open (so that a change made now is heard). */
async function waitLive(page: Page): Promise<void> {
  await page.locator('[data-live="live"]').waitFor({ timeout: 10_000 });
}

const gridRow = (page: Page, state: string) => page.locator(`[data-testid="grid"] tr[data-state="${state}"]`);

async function noSidewaysScroll(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${what} scrolls sideways`).toBeLessThanOrEqual(0);
}

describe("decisions in the web UI", () => {
  let consensusId: number;
  let silenceId: number;

  test("a NATO delegation head finds a proposal needing its position, objects in writing, and the grid shows it", async () => {
    consensusId = await openProposal(natoSecretariat, {
      body: "nato-nac",
      title: "Enhanced dialogue with partners in the Indo-Pacific",
      text: 'The Council **agrees** to open an *enhanced* dialogue:\n\n- annual consultations at ambassador level;\n- a joint work plan, reviewed each year.\n\n<script>window.injected = true</script> <img src=x onerror="window.injected = true">',
    });
    const { context, page, errors } = await openAs(france, "/");
    try {
      // The header leads to the decisions; the delegation's tab counts what waits for it.
      await page.locator("header.site-header").getByRole("link", { name: "Decisions" }).click();
      await page.waitForURL(/\/proposals$/);
      expect(await page.locator("h1").textContent()).toBe("Decisions");
      const needsTab = page
        .getByRole("navigation", { name: "Proposals" })
        .getByRole("link", { name: /Needs our position/ });
      await expect.poll(() => needsTab.textContent()).toMatch(/Needs our position\s*1/);
      // The Colombia decision of 2017, reconstructed from the sources, is among the closed ones.
      await page.getByRole("link", { name: "Closed" }).click();
      await page.waitForURL(/view=closed/);
      const colombia = page.locator('[data-testid="proposals"] tbody tr', { hasText: "Request by Colombia" });
      await expect.poll(() => colombia.textContent()).toContain("Adopted");
      expect(await colombia.textContent()).toContain("Reconstructed");
      expect(await colombia.textContent()).toContain("May 2017");
      await shoot(page, "list-closed-desktop");
      // Its page says it was reconstructed, gives the month it is known to, and links to the partnership.
      await colombia.getByRole("link").click();
      await page.waitForURL(/\/proposals\/\d+$/);
      const outcome = page.getByTestId("outcome");
      await expect.poll(() => outcome.locator("h2").textContent()).toBe("Outcome: Adopted");
      expect(await outcome.textContent()).toContain("Decided in May 2017");
      expect(await outcome.textContent()).toContain("Reconstructed from the sources");
      expect(await outcome.getByRole("link", { name: "See the change in the registry" }).getAttribute("href")).toMatch(
        /^\/relations\/\d+$/,
      );
      expect(await page.getByTestId("grid").count()).toBe(0);
      expect(await page.locator(".history-section").textContent()).toContain("Individual positions are not recorded");
      await shoot(page, "proposal-reconstructed-desktop");
      await page.goBack();
      await page.waitForURL(/view=closed/);

      await needsTab.click();
      await page.waitForURL(/view=needs/);
      const row = page.locator(`[data-testid="proposals"] tr[data-proposal="${consensusId}"]`);
      await expect.poll(() => row.textContent()).toContain("Needs our position");
      expect(await row.textContent()).toContain("0 of 32");
      await shoot(page, "list-needs-desktop");
      await row.getByRole("link", { name: "Enhanced dialogue with partners in the Indo-Pacific" }).click();
      await page.waitForURL(new RegExp(`/proposals/${consensusId}$`));

      // The proposal: title, body, procedure, chair, and the text rendered safely.
      await expect
        .poll(() => page.locator("h1").textContent())
        .toBe("Enhanced dialogue with partners in the Indo-Pacific");
      expect(await page.getByTestId("procedure").textContent()).toBe("Consensus");
      expect(await page.locator(".proposal-facts").textContent()).toContain("Secretary General");
      expect(await page.locator(".proposal-facts").textContent()).toContain("North Atlantic Council");
      const text = page.getByTestId("proposal-text");
      expect(await text.locator("strong").textContent()).toBe("agrees");
      expect(await text.locator("em").textContent()).toBe("enhanced");
      expect(await text.locator("li").count()).toBe(2);
      expect(await text.textContent()).toContain("<script>window.injected = true</script>");
      expect(await text.locator("script, img").count()).toBe(0);
      expect(await page.evaluate(() => (window as { injected?: boolean }).injected)).toBeUndefined();
      expect(await page.locator('[data-testid="grid"] caption').textContent()).toBe(
        "Positions of the 32 members in round 1",
      );
      expect(await gridRow(page, "FRA").textContent()).toContain("No position yet");

      // Nothing chosen, then an objection without reasons: both named at the field, focus there.
      const form = page.getByTestId("position-form");
      expect(await form.getByRole("radio").count()).toBe(3); // consensus: concur, concur with a reservation, object
      await form.getByRole("button", { name: "Record the position" }).click();
      await expect.poll(() => form.locator("#position-choice-error").textContent()).toContain("Choose a position.");
      await form.getByLabel("Object", { exact: true }).check();
      expect(await form.locator('label[for="position-statement"]').textContent()).toContain(
        "Reasons for your objection",
      );
      await form.getByRole("button", { name: "Record the position" }).click();
      await expect
        .poll(() => page.locator("#position-statement-error").textContent())
        .toContain("this position must be given in writing");
      expect(await page.locator("#position-statement").getAttribute("aria-invalid")).toBe("true");
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("position-statement");

      // With reasons it is recorded, said so, and the grid and history show it.
      await page.locator("#position-statement").fill("France asks for **more time** to consult its partners.");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await expect.poll(() => form.locator(".form-status").textContent()).toContain("Position recorded: Objects.");
      await expect.poll(() => gridRow(page, "FRA").textContent()).toContain("Objects");
      expect(await gridRow(page, "FRA").locator("strong").textContent()).toBe("more time");
      expect(await gridRow(page, "FRA").textContent()).toContain("Your delegation");
      expect(await page.getByTestId("tally").textContent()).toBe("1 of 32 members have taken a position.");
      expect(await page.getByTestId("history").locator("tbody tr").count()).toBe(1);
      await expect
        .poll(() => form.locator(".current-position").textContent())
        .toContain("Your current position: Objects");
      await expect.poll(() => form.getByRole("button", { name: "Change the position" }).count()).toBe(1);
      await shoot(page, "proposal-objected-desktop");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  test("a second page on the same proposal, and the list, follow changes live without reloading", async () => {
    const proposalPage = await openAs(france, `/proposals/${consensusId}`);
    const listPage = await openAs(france, "/proposals");
    try {
      const { page } = proposalPage;
      await waitLive(page);
      await waitLive(listPage.page);
      await page.evaluate(() => ((window as { stayed?: boolean }).stayed = true));
      expect(await gridRow(page, "DEU").textContent()).toContain("No position yet");

      // Germany concurs through the API: the page open in France's browser shows it.
      const cast = await germany.send("POST", `/api/v1/proposals/${consensusId}/positions`, { position: "concur" });
      expect(cast.status).toBe(200);
      await expect.poll(() => gridRow(page, "DEU").textContent(), { timeout: 10_000 }).toContain("Concurs");
      expect(await page.getByTestId("tally").textContent()).toBe("2 of 32 members have taken a position.");
      expect(await page.evaluate(() => (window as { stayed?: boolean }).stayed)).toBe(true);

      // A new proposal appears in the open list by itself.
      const newId = await openProposal(natoSecretariat, {
        body: "nato-nac",
        title: "Statement on maritime security",
        text: "Draft statement.",
      });
      await expect
        .poll(() => listPage.page.locator(`tr[data-proposal="${newId}"]`).count(), { timeout: 10_000 })
        .toBe(1);
      await expect.poll(() => listPage.page.getByTestId("needs-count").textContent()).toBe("1");
      expect(proposalPage.errors).toEqual([]);
      expect(listPage.errors).toEqual([]);
    } finally {
      await proposalPage.context.close();
      await listPage.context.close();
    }
  }, 60_000);

  test("the chair opens a silence procedure, the deadline counts down, extends it (a refusal is shown as the server says), a silence breaker is flagged, and an amended text is recirculated", async () => {
    const { context, page, errors } = await openAs(natoSecretariat, "/proposals");
    try {
      await page.getByRole("button", { name: "Open a proposal" }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("start-form-heading");
      // Silence needs a deadline: said before asking the server.
      await page.locator("#open-body").selectOption("nato-pcsc");
      expect(await page.locator("#open-procedure option").first().textContent()).toBe(
        "The body’s own: Silence procedure",
      );
      await page.locator("#open-title").fill("Partnership goals for 2027");
      await page.locator("#open-text").fill("The Committee agrees the partnership goals annexed.");
      await page.getByRole("button", { name: "Open the proposal" }).click();
      await expect.poll(() => page.locator("#open-deadline-error").textContent()).toContain("need a deadline");
      await shoot(page, "list-open-form-desktop");
      const deadline = new Date(Date.now() + 2 * 86_400_000 + 3 * 3_600_000);
      const local = await page.evaluate((ms) => {
        const d = new Date(ms);
        const pad = (n: number) => String(n).padStart(2, "0");
        return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
      }, deadline.getTime());
      await page.locator("#open-deadline").fill(local);
      await page.getByRole("button", { name: "Open the proposal" }).click();
      await page.waitForURL(/\/proposals\/\d+$/);
      const id = Number(new URL(page.url()).pathname.split("/").pop());
      silenceId = id;

      await expect
        .poll(() => page.getByTestId("procedure").textContent())
        .toMatch(/^Silence procedure until \d+ \w+ \d{4}, \d\d:\d\d/);
      // The time left counts down each second.
      const countdown = page.getByTestId("countdown");
      const first = await countdown.textContent();
      expect(first).toMatch(/^2 days, 2 hrs, \d+ mins?(, \d+ secs?)? left$/);
      await expect.poll(() => countdown.textContent(), { timeout: 5_000 }).not.toBe(first);

      // An extension before the current deadline is refused; the server's words appear under the field.
      await page.getByText("Extend the deadline").click();
      // Midnight at the start of the deadline's day: after now, before the deadline.
      await page.locator("#extend-deadline").fill(local.replace(/T\d\d:\d\d$/, "T00:00"));
      await page.getByRole("button", { name: "Extend", exact: true }).click();
      await expect
        .poll(() => page.locator("#extend-deadline-error").textContent())
        .toContain("An extension must come after the current deadline");
      expect(await page.locator("#extend-deadline").getAttribute("aria-invalid")).toBe("true");
      const later = new Date(deadline.getTime() + 86_400_000);
      await page.locator("#extend-deadline").fill(
        await page.evaluate((ms) => {
          const d = new Date(ms);
          const pad = (n: number) => String(n).padStart(2, "0");
          return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
        }, later.getTime()),
      );
      await page.getByRole("button", { name: "Extend", exact: true }).click();
      await expect
        .poll(() => page.getByTestId("chair-tools").locator(".form-status").textContent())
        .toContain("Deadline extended to");
      await expect.poll(() => page.locator(".extensions").textContent()).toContain("Deadline extended from");
      await expect.poll(() => countdown.textContent()).toMatch(/^3 days, /);

      // Germany breaks silence through the API: flagged in the chair's grid, live.
      await waitLive(page);
      const objection = await germany.send("POST", `/api/v1/proposals/${id}/positions`, {
        position: "amend",
        statement: "Replace goal 4 with a reference to cyber defence.",
      });
      expect(objection.status).toBe(200);
      await expect.poll(() => gridRow(page, "DEU").textContent(), { timeout: 10_000 }).toContain("Broke silence");
      expect(await gridRow(page, "DEU").textContent()).toContain("Proposes an amendment");
      await shoot(page, "proposal-silence-chair-desktop");

      // The chair recirculates an amended text: round 2, positions afresh, round 1 kept (collapsed).
      await page.getByText("Recirculate an amended text").click();
      expect(await page.locator("#recirculate-text").inputValue()).toBe(
        "The Committee agrees the partnership goals annexed.",
      );
      await page
        .locator("#recirculate-text")
        .fill("The Committee agrees the partnership goals annexed, goal 4 now on *cyber defence*.");
      await page.locator("#recirculate-deadline").fill(await page.locator("#extend-deadline").inputValue());
      await page.getByRole("button", { name: "Recirculate", exact: true }).click();
      await expect
        .poll(() => page.getByTestId("chair-tools").locator(".form-status").textContent())
        .toContain("Round 2 is open with the amended text.");
      await expect.poll(() => page.locator("#text-heading").textContent()).toBe("Text, as recirculated in round 2");
      expect(await page.getByTestId("proposal-text").locator("em").textContent()).toBe("cyber defence");
      const earlier = page.locator(".earlier-rounds details");
      expect(await earlier.count()).toBe(1);
      expect(await earlier.getAttribute("open")).toBeNull();
      expect(await earlier.locator("summary").textContent()).toMatch(/^Round 1, circulated /);
      // Under a silence procedure, a member that has said nothing in the new round agrees.
      expect(await gridRow(page, "DEU").textContent()).toContain("Silent: agrees");
      expect(await page.getByTestId("history").locator("thead").textContent()).toContain("Round");
      await earlier.locator("summary").click();
      await shoot(page, "proposal-round-2-desktop");
      // The one refusal asked for above, which the browser logs as a failed request.
      expect(errors).toEqual(["Failed to load resource: the server responded with a status of 400 (Bad Request)"]);
    } finally {
      await context.close();
    }
  }, 90_000);

  test("the time left counts on the server’s clock, even when the reader’s computer is a day ahead", async () => {
    const proposal = (await germany.send("GET", `/api/v1/proposals/${silenceId}`)).body.proposal as {
      deadline: string;
      now: string;
    };
    const days = Math.floor((Date.parse(proposal.deadline) - Date.parse(proposal.now)) / 86_400_000);
    const skewed = await openAs(germany, `/proposals/${silenceId}`, { clockSkewMs: 86_400_000 });
    try {
      const countdown = skewed.page.getByTestId("countdown");
      await expect.poll(() => countdown.textContent()).toMatch(new RegExp(`^${days} days, `));
      // The browser does believe it is tomorrow.
      expect((await skewed.page.evaluate(() => Date.now())) - Date.now()).toBeGreaterThan(86_000_000);
      // The list of open proposals counts on the server's clock too.
      await skewed.page.goto(`${baseUrl}/proposals`);
      await expect
        .poll(() => skewed.page.locator(`[data-proposal="${silenceId}"]`).textContent())
        .toMatch(new RegExp(`(?<!\\d)${days} days, .* left`));
      expect(skewed.errors).toEqual([]);
    } finally {
      await skewed.context.close();
    }
  }, 30_000);

  test("a request to MERCOSUR is adopted when the last member concurs: the outcome, its rule, and the registry relation appear", async () => {
    // Chile's delegation head files the request in the UI; it opens in the Common Market Council.
    const filer = await openAs(chile, "/proposals");
    let watcher: Opened | undefined;
    let last: Opened | undefined;
    try {
      const { page } = filer;
      await page.getByRole("button", { name: "File a request" }).click();
      expect(await page.locator("#request-organization").inputValue()).toContain("MERCOSUR");
      await page.locator("#request-status").selectOption("member");
      await page.locator("#request-text").fill("Chile requests to accede to the Treaty of Asunción as a State Party.");
      await page.getByRole("button", { name: "File the request" }).click();
      await page.waitForURL(/\/proposals\/\d+$/);
      const id = Number(new URL(page.url()).pathname.split("/").pop());
      await expect.poll(() => page.locator("h1").textContent()).toBe("Request by Chile: member");
      expect(await page.getByTestId("position-form").count()).toBe(0); // Chile asks; it does not decide
      expect(await page.getByRole("heading", { name: "Withdraw your request" }).count()).toBe(1);

      // Every member state but one concurs through the API.
      const grid = (await chile.send("GET", `/api/v1/proposals/${id}`)).body.proposal.grid as Array<{ state: string }>;
      const states = grid.map((row) => row.state);
      expect(states.length).toBeGreaterThan(2);
      for (const state of states)
        mercosurMembers.set(
          state,
          await signInAs(concord, { organization: "MERCOSUR", role: "delegation-head", state }),
        );
      const lastState = states.at(-1)!;
      for (const state of states.slice(0, -1)) {
        expect(
          (await mercosurMembers.get(state)!.send("POST", `/api/v1/proposals/${id}/positions`, { position: "concur" }))
            .status,
        ).toBe(200);
      }

      // The last one concurs in its browser, while Chile's page watches.
      await waitLive(page);
      last = await openAs(mercosurMembers.get(lastState)!, `/proposals/${id}`);
      const form = last.page.getByTestId("position-form");
      await form.getByLabel("Concur", { exact: true }).check();
      await form.getByRole("button", { name: "Record the position" }).click();

      for (const shown of [last.page, page]) {
        const outcome = shown.getByTestId("outcome");
        await expect.poll(() => outcome.count(), { timeout: 10_000 }).toBe(1);
        expect(await outcome.locator("h2").textContent()).toBe("Outcome: Adopted");
        expect(await outcome.textContent()).toContain("Every member concurred");
        expect(await outcome.textContent()).toContain("consensus.all-concurred");
        expect(await outcome.getByTestId("explanation").textContent()).toBe(`All ${states.length} members concurred.`);
        expect(await shown.getByTestId("position-form").count()).toBe(0);
      }
      expect(await last.page.locator(".proposal-status").first().textContent()).toContain("Adopted");
      await shoot(last.page, "proposal-adopted-desktop");

      // The outcome links to the relation it started in the registry.
      const relationLink = last.page.getByRole("link", { name: "See the change in the registry" });
      const relationId = (await chile.send("GET", `/api/v1/proposals/${id}`)).body.proposal.outcome
        .relationId as number;
      expect(relationId).toBeGreaterThan(0);
      expect(await relationLink.getAttribute("href")).toBe(`/relations/${relationId}`);
      await relationLink.click();
      await last.page.waitForURL(new RegExp(`/relations/${relationId}$`));
      await expect.poll(() => last!.page.locator("h1").textContent()).toContain("Chile");

      // The list's closed tab has it, with its outcome.
      watcher = await openAs(chile, "/proposals?view=closed");
      await expect.poll(() => watcher!.page.locator(`tr[data-proposal="${id}"]`).textContent()).toContain("Adopted");
      expect(filer.errors).toEqual([]);
      expect(last.errors).toEqual([]);
      expect(watcher.errors).toEqual([]);
    } finally {
      await filer.context.close();
      await last?.context.close();
      await watcher?.context.close();
    }
  }, 120_000);

  test("the United States delegation head proposes a designation, decides it alone, and the designation enters the registry", async () => {
    const usa = await signInAs(concord, {
      organization: "NATO",
      role: "delegation-head",
      state: "USA",
      name: "Dana Brooks",
    });
    const { context, page, errors } = await openAs(usa, "/proposals");
    try {
      await page.getByRole("button", { name: "Propose a designation" }).click();
      await page.locator("#designation-designee").selectOption("CHL");
      expect(await page.locator("#designation-designation").inputValue()).toBe("major-non-nato-ally");
      await page.getByRole("button", { name: "Propose the designation" }).click();
      await expect.poll(() => page.locator("#designation-text-error").textContent()).toContain("Write the text.");
      await page.locator("#designation-text").fill("The President designates Chile a Major non-NATO ally.");
      await page.getByRole("button", { name: "Propose the designation" }).click();
      // Asked first, in words naming the effect.
      const asked = page.getByRole("alertdialog");
      expect(await asked.textContent()).toContain("the registry records Chile as major-non-nato-ally from that day");
      await asked.getByRole("button", { name: "Propose the designation" }).click();
      await page.waitForURL(/\/proposals\/\d+$/);
      await expect.poll(() => page.getByTestId("procedure").textContent()).toBe("Unilateral decision");
      expect(await page.locator(".proposal-facts").textContent()).toContain("Chile");
      const form = page.getByTestId("position-form");
      expect(await form.getByRole("radio").count()).toBe(2); // unilateral: concur or object
      await form.getByLabel("Concur", { exact: true }).check();
      await form.getByRole("button", { name: "Record the position" }).click();
      // Deciding alone is final: confirmed first (test/e2e/proposal-states.e2e.test.ts covers going back).
      await page.getByRole("alertdialog").getByRole("button", { name: "Adopt", exact: true }).click();
      const outcome = page.getByTestId("outcome");
      await expect.poll(() => outcome.locator("h2").textContent(), { timeout: 10_000 }).toBe("Outcome: Adopted");
      expect(await outcome.textContent()).toContain("The deciding state decided to adopt");
      await outcome.getByRole("link", { name: "See the change in the registry" }).click();
      await page.waitForURL(/\/relations\/\d+$/);
      await expect.poll(() => page.locator("h1").textContent()).toContain("Chile");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  test("someone not signed in is asked to sign in, and comes back to the proposal", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB" });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(`${baseUrl}/proposals/${consensusId}`);
      await expect
        .poll(() => page.getByRole("alert").textContent())
        .toContain("Sign in to follow and take part in decisions.");
      expect(await page.locator("header.site-header").getByRole("link", { name: "Decisions" }).count()).toBe(0);
      await page.getByRole("alert").getByRole("link", { name: "Sign in" }).click();
      await page.waitForURL(/\/sign-in\?returnTo=/);
      await page.locator("#sign-in-email").fill(germany.email);
      await page.locator("#sign-in-password").fill("a long enough secret");
      await page.locator('main form button[type="submit"]').click();
      await page.waitForURL(new RegExp(`/proposals/${consensusId}$`));
      await expect
        .poll(() => page.locator("h1").textContent())
        .toBe("Enhanced dialogue with partners in the Indo-Pacific");
      await expect.poll(() => page.getByTestId("signed-in-name").textContent()).toBe("Jonas Weber");
      await waitLive(page);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  test("in Spanish, French and Portuguese, the labels, procedures and positions are translated", async () => {
    const spanish = await openAs(france, "/proposals", { locale: "es-ES" });
    try {
      const { page } = spanish;
      await expect.poll(() => page.locator("h1").textContent()).toBe("Decisiones");
      expect(
        await page.locator("header.site-header").getByRole("link", { name: "Decisiones" }).getAttribute("aria-current"),
      ).toBe("page");
      const tabs = page.getByRole("navigation", { name: "Propuestas" });
      expect(await tabs.textContent()).toContain("Pendientes de nuestra posición");
      expect(await tabs.textContent()).toContain("Cerradas");
      await expect.poll(() => page.locator('[data-testid="proposals"] thead').textContent()).toContain("Procedimiento");
      expect(await page.locator('[data-testid="proposals"] thead').textContent()).toContain("Plazo");
      await page.goto(`${baseUrl}/proposals/${consensusId}`);
      await expect.poll(() => page.getByTestId("procedure").textContent()).toBe("Consenso");
      expect(await page.locator('[data-testid="grid"] caption').textContent()).toBe(
        "Posiciones de los 32 miembros en la ronda 1",
      );
      expect(await gridRow(page, "FRA").textContent()).toContain("Objeta");
      expect(await gridRow(page, "DEU").textContent()).toContain("Conforme");
      expect(await gridRow(page, "FRA").textContent()).toContain("Francia");
      expect(await page.getByTestId("position-form").locator("legend").textContent()).toBe("Posición");
      expect(await page.getByTestId("position-form").getByRole("button", { name: "Cambiar la posición" }).count()).toBe(
        1,
      );
      expect(await page.locator(".proposal-facts dt").allTextContents()).toEqual(
        expect.arrayContaining(["Procedimiento", "Órgano", "Presidencia"]),
      );
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("es");
      await shoot(page, "proposal-es-desktop");

      // Switched to French in the header, the page follows.
      await page.locator("#lang-select").selectOption("fr");
      await expect.poll(() => page.getByTestId("procedure").textContent()).toBe("Consensus");
      expect(await gridRow(page, "FRA").textContent()).toContain("Fait objection");
      expect(await page.locator('[data-testid="grid"] caption').textContent()).toBe(
        "Positions des 32 membres au tour 1",
      );
      expect(await page.getByTestId("tally").textContent()).toBe("2 membres sur 32 ont pris position.");
      await shoot(page, "proposal-fr-desktop");
      // And in Portuguese.
      await page.locator("#lang-select").selectOption("pt");
      await expect.poll(() => gridRow(page, "DEU").textContent()).toContain("Concorda");
      expect(await page.locator(".proposal-facts dt").allTextContents()).toEqual(
        expect.arrayContaining(["Procedimento", "Órgão", "Presidência"]),
      );
      expect(spanish.errors).toEqual([]);
    } finally {
      await spanish.context.close();
    }
  }, 60_000);

  test("on a phone, the list and the proposal fit the screen, the position form coming before the grid", async () => {
    const phone = await openAs(germany, "/proposals", { width: 390, height: 844 });
    try {
      const { page } = phone;
      await page.locator('[data-testid="proposals"]').waitFor();
      await noSidewaysScroll(page, "the list");
      await shoot(page, "list-mobile");
      await page.goto(`${baseUrl}/proposals/${consensusId}`);
      await page.getByTestId("grid").waitFor();
      await noSidewaysScroll(page, "the proposal");
      const formTop = await page
        .getByTestId("position-form")
        .evaluate((element) => element.getBoundingClientRect().top);
      const gridTop = await page.getByTestId("grid").evaluate((element) => element.getBoundingClientRect().top);
      expect(formTop).toBeLessThan(gridTop);
      await shoot(page, "proposal-mobile");
      // A decided proposal, its outcome first.
      const closed = (await germany.send("GET", "/api/v1/proposals?status=closed")).body.proposals as Array<{
        id: number;
        title: string;
      }>;
      const colombia = closed.find((proposal) => proposal.title.startsWith("Request by Colombia"))!;
      await page.goto(`${baseUrl}/proposals/${colombia.id}`);
      await page.getByTestId("outcome").waitFor();
      await noSidewaysScroll(page, "a decided proposal");
      await shoot(page, "proposal-outcome-mobile");
      // A form to start something fits too.
      await page.goto(`${baseUrl}/proposals`);
      await page.getByRole("button", { name: "File a suspension or withdrawal notice" }).click();
      await page.locator("#notice-statement").waitFor();
      await noSidewaysScroll(page, "the notice form");
      await shoot(page, "list-notice-form-mobile");
      // Withdrawal from NATO takes effect a year after notice (North Atlantic Treaty, art. 13).
      await page.getByRole("radio", { name: "Withdrawal" }).check();
      await page.locator("#notice-statement").fill("Germany gives notice of denunciation of the Treaty.");
      await page.getByRole("button", { name: "File the notice" }).click();
      // The confirming step names the consequence and its date before anything is sent.
      await page.getByRole("alertdialog").getByRole("button", { name: "Give notice" }).click();
      const nextYear = new Date().getUTCFullYear() + 1;
      await expect
        .poll(() => page.locator(".start-form .form-status").textContent())
        .toMatch(
          new RegExp(
            `^✓Notice given: awaiting acknowledgement by the secretariat\\. It takes effect on \\d+ \\w+ ${nextYear}\\.$`,
          ),
        );
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.context.close();
    }
  }, 60_000);
});
