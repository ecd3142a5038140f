/**
 * Suspension and withdrawal notices in the web UI, as the treaties make them: Venezuela's
 * delegation head gives UNASUR notice of withdrawal through a confirming step that names the
 * consequence and the date it takes effect (six months on), with a required statement; the
 * registry shows "notice given on D, takes effect on E" on the state's and the membership's pages;
 * UNASUR's secretariat, the depositary, acknowledges it; Venezuela withdraws it. Then the same
 * pages in Spanish, Portuguese and French. A real browser against a real server serving web/dist.
 *
 * Screenshots go to /tmp/shots (CONCORD_SHOTS to change it), never the repository.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { addMonths } from "../../src/domain/dates.ts";
import { formatDate } from "../../web/src/lib/dates.ts";
import {
  noSidewaysScroll,
  openPage,
  type OpenedPage,
  screenshots,
  startBrowserTest,
  stopBrowserTest,
} from "../support/browser.ts";
import type { TestConcord } from "../support/concord.ts";
import { signInAs, type Person } from "../support/people.ts";

const shoot = screenshots(process.env.CONCORD_SHOTS ?? "/tmp/shots");

let concord: TestConcord;
let browser: Browser;
let secretariat: Person;
let venezuela: Person;
const today = () => new Date().toISOString().slice(0, 10);
/** How long a state may take to show on a busy machine: a wait for it, not a measure of speed. */
const WAIT = { timeout: 20_000 };

beforeAll(async () => {
  ({ concord, browser } = await startBrowserTest());
  secretariat = await signInAs(concord, {
    organization: "UNASUR",
    role: "secretariat-staff",
    name: "Sofía Depositaria",
  });
  venezuela = await signInAs(concord, {
    organization: "UNASUR",
    role: "delegation-head",
    state: "VEN",
    name: "Andrés Pérez",
  });
}, 180_000);

afterAll(() => stopBrowserTest({ concord, browser }), 60_000);

/** A browser signed in as `person` (or nobody), on `pathAndQuery`, collecting script and console errors. */
function open(
  person: Person | null,
  pathAndQuery: string,
  options: { width?: number; locale?: string } = {},
): Promise<OpenedPage> {
  return openPage(browser, concord.baseUrl + pathAndQuery, {
    height: 900,
    ...options,
    timezoneId: "America/Caracas",
    allConsoleErrors: true,
    ...(person ? { cookie: person.cookie } : {}),
  });
}

async function venezuelaNotices() {
  const answer = await secretariat.send("GET", "/api/v1/organizations/UNASUR/status-notices");
  expect(answer.status).toBe(200);
  return (answer.body.notices as Array<{ id: number; state: string; stage: string; relationId: number }>).filter(
    (notice) => notice.state === "VEN",
  );
}

describe("a notice of withdrawal, given, acknowledged and withdrawn in the browser", () => {
  const effectiveOn = addMonths(today(), 6);
  const effective = formatDate(effectiveOn, "day", "en");
  let noticeId: number;
  let relationId: number;

  test("Venezuela's head gives notice through a confirming step that names the consequence and its date, with a required statement", async () => {
    const { context, page, errors } = await open(venezuela, "/proposals", { width: 360 });
    try {
      await page.getByRole("button", { name: "File a suspension or withdrawal notice" }).click();
      await page.getByRole("radio", { name: "Withdrawal" }).check();
      // Enabled once the organisation's period of notice is known.
      await expect.poll(() => page.locator("#notice-submit").isEnabled(), WAIT).toBe(true);
      await page.locator("#notice-submit").click();
      await expect
        .poll(() => page.locator("#notice-statement-error").textContent(), WAIT)
        .toContain("Write the statement: a notice is given in writing.");
      expect(await page.getByRole("alertdialog").count()).toBe(0);

      await page.locator("#notice-statement").fill("Venezuela denounces the Constitutive Treaty of UNASUR (art. 24).");
      await page.locator("#notice-submit").click();
      const dialog = page.getByRole("alertdialog");
      await dialog.waitFor();
      expect(await dialog.getByRole("heading").textContent()).toBe("Give notice of withdrawal from UNASUR?");
      expect(await dialog.getByTestId("notice-consequence").textContent()).toBe(
        `Venezuela’s membership of UNASUR ends on ${effective}.`,
      );
      expect(await dialog.textContent()).toContain("6 months of notice");
      // Focus starts on the way out.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Cancel");
      await noSidewaysScroll(page, "the notice's confirming step");
      await shoot(page, "notice-confirm-en-360");
      expect(await venezuelaNotices()).toEqual([]); // nothing is sent before it is confirmed

      await dialog.getByRole("button", { name: "Give notice" }).click();
      await expect
        .poll(() => page.locator(".start-form .form-status").textContent(), WAIT)
        .toBe(`✓Notice given: awaiting acknowledgement by the secretariat. It takes effect on ${effective}.`);
      const [notice] = await venezuelaNotices();
      noticeId = notice!.id;
      relationId = notice!.relationId;
      expect(notice!.stage).toBe("awaiting-acknowledgement");
      // The delegation sees its notice and where it stands.
      const item = page.locator(`[data-testid="status-notices"] [data-notice="${noticeId}"]`);
      await expect.poll(() => item.getAttribute("data-stage"), WAIT).toBe("awaiting-acknowledgement");
      expect(await item.textContent()).toContain(
        `Notice given on ${formatDate(today(), "day", "en")}, takes effect on ${effective}.`,
      );
      expect(await item.textContent()).toContain("Notified, awaiting acknowledgement");
      await noSidewaysScroll(page, "the notices");
      await shoot(page, "notices-delegation-en-360");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  test("the registry shows the notice given and the date it takes effect, on the state's and the membership's pages, sourced to it", async () => {
    const { context, page, errors } = await open(null, "/actors/VEN", { width: 360 });
    try {
      const shown = page.getByTestId("pending-notices");
      await shown.waitFor();
      const text = await shown.textContent();
      expect(text).toContain(
        `Venezuela gave notice of withdrawal from UNASUR on ${formatDate(today(), "day", "en")}; it takes effect on ${effective}`,
      );
      expect(text).toContain("Notified, awaiting acknowledgement by the depositary.");
      expect(text).toContain(`notice-${noticeId}`);
      await noSidewaysScroll(page, "the state's page");
      await shoot(page, "notice-registry-actor-en-360");
      await page.goto(`${concord.baseUrl}/relations/${relationId}`);
      await page.getByTestId("pending-notices").waitFor();
      expect(await page.getByTestId("pending-notices").textContent()).toContain(`takes effect on ${effective}`);
      await noSidewaysScroll(page, "the membership's page");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  test("UNASUR's secretariat acknowledges it, after a confirmation naming its effect", async () => {
    const { context, page, errors } = await open(secretariat, "/proposals");
    try {
      const item = page.locator(`[data-testid="status-notices"] [data-notice="${noticeId}"]`);
      await item.waitFor();
      // The secretariat files nothing for a state, and withdraws nothing.
      expect(await item.getByRole("button", { name: "Withdraw the notice" }).count()).toBe(0);
      await item.getByRole("button", { name: "Acknowledge" }).click();
      const dialog = page.getByRole("alertdialog");
      await dialog.waitFor();
      expect(await dialog.getByRole("heading").textContent()).toBe("Acknowledge Venezuela’s notice of withdrawal?");
      expect(await dialog.textContent()).toContain(`Venezuela’s membership of UNASUR ends on ${effective}.`);
      await shoot(page, "notice-acknowledge-en");
      await dialog.getByRole("button", { name: "Acknowledge the notice" }).click();
      await expect.poll(() => item.getAttribute("data-stage"), WAIT).toBe("acknowledged");
      expect(await item.getByRole("button", { name: "Acknowledge" }).count()).toBe(0);
      expect((await venezuelaNotices())[0]!.stage).toBe("acknowledged");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  test("Venezuela withdraws it before it takes effect: the confirmation says the membership continues", async () => {
    // The depositary's page, open meanwhile, follows without a reload.
    const depositary = await open(secretariat, "/proposals");
    const depositaryItem = depositary.page.locator(`[data-testid="status-notices"] [data-notice="${noticeId}"]`);
    await expect.poll(() => depositaryItem.getAttribute("data-stage"), WAIT).toBe("acknowledged");
    await depositary.page.getByText("Live: changes appear as they happen").waitFor();
    const { context, page, errors } = await open(venezuela, "/proposals", { width: 360 });
    try {
      const item = page.locator(`[data-testid="status-notices"] [data-notice="${noticeId}"]`);
      await expect.poll(() => item.getAttribute("data-stage"), WAIT).toBe("acknowledged");
      await item.getByRole("button", { name: "Withdraw the notice" }).click();
      const dialog = page.getByRole("alertdialog");
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain(
        `Venezuela’s membership of UNASUR will not end on ${effective}: it continues.`,
      );
      await dialog.getByLabel("Why").fill("Venezuela stays in UNASUR.");
      await noSidewaysScroll(page, "the withdrawal's confirmation");
      await shoot(page, "notice-withdraw-en-360");
      await dialog.getByRole("button", { name: "Withdraw the notice" }).click();
      await expect.poll(() => item.getAttribute("data-stage"), WAIT).toBe("withdrawn");
      expect(await item.textContent()).toContain("Venezuela stays in UNASUR.");
      expect(await item.getByRole("button").count()).toBe(0);
      expect((await venezuelaNotices())[0]!.stage).toBe("withdrawn");
      // Nothing pending is left to show in the registry.
      const pending = (await (await fetch(`${concord.baseUrl}/api/v1/actors/VEN/pending-notices`)).json()) as {
        notices: unknown[];
      };
      expect(pending.notices).toEqual([]);
      await expect.poll(() => depositaryItem.getAttribute("data-stage"), WAIT).toBe("withdrawn");
      expect(errors).toEqual([]);
      expect(depositary.errors).toEqual([]);
    } finally {
      await context.close();
      await depositary.context.close();
    }
  }, 120_000);
});

describe("the notices in other languages", () => {
  const cases = [
    {
      lang: "es",
      locale: "es-ES",
      file: "Notificar una suspensión o una retirada",
      title: /^¿Notificar la retirada de /,
      heading: "Notificaciones de suspensión y de retirada",
      registry: "notificó su retirada de",
    },
    {
      lang: "pt",
      locale: "pt-BR",
      file: "Notificar uma suspensão ou uma retirada",
      title: /^Notificar a retirada de /,
      heading: "Notificações de suspensão e de retirada",
      registry: "notificou a sua retirada de",
    },
    {
      lang: "fr",
      locale: "fr-FR",
      file: "Notifier une suspension ou un retrait",
      title: /^Notifier le retrait de /,
      heading: "Notifications de suspension et de retrait",
      registry: "a notifié son retrait de",
    },
  ] as const;

  for (const language of cases) {
    test(`renders the form, its confirming step, the notices and the registry's line in ${language.lang}`, async () => {
      const suriname = await signInAs(concord, { organization: "UNASUR", role: "delegation-head", state: "SUR" });
      const { context, page, errors } = await open(suriname, "/proposals", { width: 360, locale: language.locale });
      try {
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(language.lang);
        await page.getByTestId("status-notices").getByRole("heading", { name: language.heading }).waitFor();
        await page.getByRole("button", { name: language.file }).click();
        await page.locator('input[name="notice-kind"][value="withdrawal"]').check();
        await expect.poll(() => page.locator("#notice-submit").isEnabled(), WAIT).toBe(true);
        await page.locator("#notice-statement").fill("Suriname.");
        await page.locator("#notice-submit").click();
        const dialog = page.getByRole("alertdialog");
        await dialog.waitFor();
        expect(await dialog.getByRole("heading").textContent()).toMatch(language.title);
        expect(await dialog.textContent()).toContain(formatDate(addMonths(today(), 6), "day", language.lang));
        await noSidewaysScroll(page, `the confirming step in ${language.lang}`);
        await shoot(page, `notice-confirm-${language.lang}-360`);
        await dialog.locator("button.button-danger").click();
        await page.locator('[data-testid="status-notices"] [data-stage="awaiting-acknowledgement"]').waitFor();
        await noSidewaysScroll(page, `the notices in ${language.lang}`);

        await page.goto(`${concord.baseUrl}/actors/SUR`);
        const shown = page.getByTestId("pending-notices");
        await shown.waitFor();
        expect(await shown.textContent()).toContain(language.registry);
        await noSidewaysScroll(page, `the state's page in ${language.lang}`);
        await shoot(page, `notice-registry-${language.lang}-360`);

        // Taken back, so that the next language gives its own.
        const [notice] = (
          (await secretariat.send("GET", "/api/v1/organizations/UNASUR/status-notices")).body.notices as Array<{
            id: number;
            state: string;
            stage: string;
          }>
        ).filter((candidate) => candidate.state === "SUR" && candidate.stage === "awaiting-acknowledgement");
        expect((await suriname.send("POST", `/api/v1/status-notices/${notice!.id}/withdraw`, {})).status).toBe(200);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }, 120_000);
  }
});
