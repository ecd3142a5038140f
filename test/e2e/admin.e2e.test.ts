/**
 * Administration and the audit view in a real browser: a temporary password set by an
 * administrator leads its owner, at sign-in, to choosing their own and to nothing else; the
 * single-sign-on-only option says why it is not offered; the audit view hides reads until asked,
 * names actions in the reader's language and times with their zone. At a phone's width.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { AccountsService } from "../../src/services/accounts/accounts.ts";
import {
  noSidewaysScroll,
  openPage,
  screenshots,
  signInThroughPage,
  startBrowserTest,
  stopBrowserTest,
} from "../support/browser.ts";
import type { TestConcord } from "../support/concord.ts";

const shoot = screenshots(process.env.CONCORD_SHOTS_DIR ?? "/tmp/shots");
const password = "a long enough secret";
const admin = { email: "ada@example.org", name: "Ada Admin" };
const newcomer = { email: "noor@example.org", name: "Noor Newcomer" };

let concord: TestConcord;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  ({ concord, browser } = await startBrowserTest());
  baseUrl = concord.baseUrl;
  await new AccountsService(concord.database.db).createAdministrator({
    email: admin.email,
    password,
    organizationCode: "NATO",
    displayName: admin.name,
  });
}, 180_000);

afterAll(() => stopBrowserTest({ concord, browser }), 60_000);

const signIn = (page: Page, email: string, secret: string) => signInThroughPage(page, baseUrl, email, secret);

describe("administration and the audit view", () => {
  test("a temporary password: set by the administrator, changed by its owner at sign-in before anything else", async () => {
    const asAdmin = await openPage(browser, `${baseUrl}/sign-in`, { width: 360, height: 780 });
    try {
      const { page } = asAdmin;
      await signIn(page, admin.email, password);
      await page.goto(`${baseUrl}/admin/accounts`);
      await page.locator("tr[data-email]").first().waitFor();
      await page.getByRole("button", { name: "New account" }).click();
      const form = page.locator("#new-account");
      // Single sign-on is not configured here: the option is there, disabled, and says why.
      const ssoOnly = form.getByLabel("Single sign-on only");
      expect(await ssoOnly.isDisabled()).toBe(true);
      expect(await form.locator("#new-account-sso-only-hint").textContent()).toContain(
        "single sign-on is not configured for your organisation",
      );
      await noSidewaysScroll(page, "the new account form");
      await shoot(page, "admin-new-account-360");
      await form.getByLabel("E-mail address").fill(newcomer.email);
      await form.getByLabel("Display name").fill(newcomer.name);
      await form.getByLabel("Role").selectOption("analyst");
      await form.getByRole("button", { name: "Create account" }).click();
      await expect
        .poll(() => page.locator("#new-account-password-error").textContent())
        .toContain("temporary password");
      await form.getByLabel("Password", { exact: true }).fill("a first temporary one");
      await form.getByRole("button", { name: "Create account" }).click();
      const row = page.locator(`tr[data-email="${newcomer.email}"]`);
      await expect.poll(() => row.textContent()).toContain("Temporary password");

      // Again, from the row: the form says what it does before it is done.
      await row.getByRole("button", { name: `Set a temporary password for ${newcomer.name}` }).click();
      const reset = page.locator(".temporary-password-form");
      await reset.waitFor();
      expect(await reset.textContent()).toContain(`${newcomer.name} is signed out everywhere at once`);
      await reset.getByLabel(`Temporary password for ${newcomer.name}`).fill("the temporary password");
      await noSidewaysScroll(page, "the accounts page with the temporary password form");
      await shoot(page, "admin-temporary-password-360");
      await reset.getByRole("button", { name: "Set it and sign them out" }).click();
      await expect
        .poll(async () => (await page.locator("main .form-status").allTextContents()).join(" "))
        .toContain(`Temporary password set for ${newcomer.name}: 0 sessions ended. Pass it on safely.`);
      expect(asAdmin.errors).toEqual([]);
    } finally {
      await asAdmin.context.close();
    }

    const asNewcomer = await openPage(browser, `${baseUrl}/sign-in`, { width: 360, height: 780 });
    try {
      const { page } = asNewcomer;
      await signIn(page, newcomer.email, "the temporary password");
      const heading = page.locator("#password-required-heading");
      await expect.poll(() => heading.textContent()).toBe("Choose your own password");
      // Any page asked for: the same form, until the password is changed.
      await page.goto(`${baseUrl}/account`);
      await expect.poll(() => heading.textContent()).toBe("Choose your own password");
      expect(await page.locator("#tokens-heading").count()).toBe(0);
      await noSidewaysScroll(page, "the password change at sign-in");
      await shoot(page, "admin-password-required-360");

      await page.getByLabel("The temporary password").fill("the temporary password");
      await page.getByLabel("New password", { exact: true }).fill("a password of my own");
      await page.getByLabel("New password, again").fill("a password of my own");
      await page.getByRole("button", { name: "Change password" }).click();
      // The page asked for appears: the account page, with the tokens it may now list.
      await page.locator("#tokens-heading").waitFor();
      expect(await heading.count()).toBe(0);
      expect(asNewcomer.errors).toEqual([]);
    } finally {
      await asNewcomer.context.close();
    }
  }, 120_000);

  test("the audit view in Spanish: reads hidden until asked, readable actions, times with their zone", async () => {
    const { context, page, errors } = await openPage(browser, `${baseUrl}/sign-in`, {
      width: 360,
      height: 780,
      locale: "es-ES",
    });
    try {
      await signIn(page, admin.email, password);
      await page.goto(`${baseUrl}/admin/accounts`); // a read: accounts listed
      await page.locator("tr[data-email]").first().waitFor();
      await page.goto(`${baseUrl}/audit`);
      await page.locator("tr[data-entry]").first().waitFor();
      const actions = () =>
        page.locator("tr[data-entry]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-action")));
      expect(await actions()).toContain("account.create");
      expect(await actions()).not.toContain("account.list");
      expect(await actions()).not.toContain("audit.read");

      const created = page.locator('tr[data-action="account.create"]').first();
      expect(await created.locator(".action-label").textContent()).toBe("Cuenta creada");
      // The time names its zone, as this browser reads it.
      const zone = await page.evaluate(
        () =>
          new Intl.DateTimeFormat("es", { timeZoneName: "short" })
            .formatToParts(new Date())
            .find((part) => part.type === "timeZoneName")?.value ?? "?",
      );
      expect(await created.locator("time").textContent()).toMatch(new RegExp(`\\d{2}:\\d{2}:\\d{2} ${zone}$`));

      await page.getByLabel("Mostrar consultas").check();
      await page.waitForURL(/reads=1/);
      const listed = page.locator('tr[data-action="account.list"]').first();
      await listed.waitFor();
      expect(await listed.locator(".action-label").textContent()).toBe("Cuentas listadas");
      await noSidewaysScroll(page, "the audit view");
      await shoot(page, "audit-reads-es-360");

      // And hidden again.
      await page.getByLabel("Mostrar consultas").uncheck();
      await expect.poll(actions).not.toContain("account.list");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});
