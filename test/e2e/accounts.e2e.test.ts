/**
 * Signing in and out, one's own account (password, API tokens), administration (accounts,
 * delegations, roles) and the audit log, in a real browser (Debian's Chromium through
 * playwright-core) against a real Concord server serving the built web/dist.
 */
import { execFileSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { AccountsService } from "../../src/services/accounts/accounts.ts";
import { publishHead } from "../../src/services/audit/log.ts";
import { withoutAuditTriggers } from "../support/audit-tamper.ts";
import { launchChromium, openPage, type OpenedPage } from "../support/browser.ts";
import { startConcord } from "../support/concord.ts";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const screens = path.join(repo, ".tmp/screens");
const password = "a long enough secret";

function ensureWebBuilt(): void {
  execFileSync(process.execPath, [path.join(repo, "scripts/ensure-web-build.mjs")], { cwd: repo, stdio: "inherit" });
}

let concord: Awaited<ReturnType<typeof startConcord>>;
let browser: Browser;
let baseUrl: string;

const people = {
  admin: { email: "amelia@example.org", name: "Amelia Admin" },
  staff: { email: "sam@example.org", name: "Sam Staff" },
  analyst: { email: "pat@example.org", name: "Pat Analyst" },
} as const;

beforeAll(async () => {
  ensureWebBuilt();
  concord = await startConcord();
  baseUrl = concord.baseUrl;
  const accounts = new AccountsService(concord.database.db);
  for (const person of Object.values(people)) {
    await accounts.createAdministrator({
      email: person.email,
      password,
      organizationCode: "NATO",
      displayName: person.name,
    });
  }
  await concord.database.db.execute(
    sql`UPDATE accounts SET role = 'secretariat-staff' WHERE email = ${people.staff.email}`,
  );
  await concord.database.db.execute(sql`UPDATE accounts SET role = 'analyst' WHERE email = ${people.analyst.email}`);
  browser = await launchChromium();
  fs.mkdirSync(screens, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await concord?.stop();
}, 60_000);

type Opened = OpenedPage;

function open(
  pathAndQuery: string,
  options: { width?: number; height?: number; locale?: string } = {},
): Promise<Opened> {
  return openPage(browser, baseUrl + pathAndQuery, options);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screens, `${name}.png`), fullPage: true });
}

/** Signs in through the form, as a person would, and waits for the page it leads to. */
async function signIn(page: Page, email: string, secret = password): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith("/sign-in")) await page.goto(`${baseUrl}/sign-in`);
  await page.locator("#sign-in-email").fill(email);
  await page.locator("#sign-in-password").fill(secret);
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname !== "/sign-in");
  await page.getByTestId("signed-in-name").waitFor();
}

const header = (page: Page) => page.locator("header.site-header");
/** What the page's status regions (polite live regions) say at the moment. */
const status = (page: Page) => ({
  textContent: async () => (await page.locator("main .form-status").allTextContents()).join(" "),
});

async function noSidewaysScroll(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${what} scrolls sideways`).toBeLessThanOrEqual(0);
}

describe("accounts in the web UI", () => {
  test("sign in (a wrong password is refused inline), the name in the header, sign out", async () => {
    const { context, page, errors } = await open("/");
    try {
      // Nobody signed in: a sign-in link, no administration.
      await header(page).getByRole("link", { name: "Sign in" }).click();
      await page.waitForURL(/\/sign-in$/);
      expect(await page.locator("h1").textContent()).toBe("Sign in");
      await shoot(page, "accounts-sign-in");

      // Empty fields are named, without asking the server.
      await page.locator('main form button[type="submit"]').click();
      await expect
        .poll(() => page.locator("#sign-in-email-error").textContent())
        .toContain("Enter your e-mail address.");
      expect(await page.locator("#sign-in-email").getAttribute("aria-invalid")).toBe("true");

      // The keyboard alone: type, Tab to the password, Enter.
      await page.locator("#sign-in-email").focus();
      await page.keyboard.type(people.admin.email);
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("sign-in-password");
      await page.keyboard.type("not the password");
      await page.keyboard.press("Enter");
      const alert = page.locator('form [role="alert"]');
      await expect.poll(() => alert.textContent()).toContain("The e-mail address or the password is wrong.");
      // The password is cleared and focused for another try; the address stays.
      expect(await page.locator("#sign-in-password").inputValue()).toBe("");
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("sign-in-password");
      expect(await page.locator("#sign-in-email").inputValue()).toBe(people.admin.email);
      await shoot(page, "accounts-sign-in-error");

      await page.keyboard.type(password);
      await page.keyboard.press("Enter");
      await page.waitForURL(`${baseUrl}/`);
      await expect.poll(() => page.getByTestId("signed-in-name").textContent()).toBe(people.admin.name);
      expect(await header(page).getByRole("link", { name: "Administration" }).isVisible()).toBe(true);
      expect(await header(page).getByRole("link", { name: "Audit log" }).isVisible()).toBe(true);

      await header(page).getByRole("button", { name: "Sign out" }).click();
      await expect.poll(() => page.locator(".flash").textContent()).toContain("You have signed out.");
      expect(await page.getByTestId("signed-in-name").count()).toBe(0);
      expect(await header(page).getByRole("link", { name: "Administration" }).count()).toBe(0);
      const session = await page.request.get(`${baseUrl}/api/v1/session`);
      expect(((await session.json()) as { account: unknown }).account).toBeNull();

      // A page for signed-in people says so, and comes back after signing in.
      await page.goto(`${baseUrl}/account`);
      await expect.poll(() => page.getByRole("alert").textContent()).toContain("Sign in to see this page");
      await page.getByRole("alert").getByRole("link", { name: "Sign in" }).click();
      await page.waitForURL(/\/sign-in\?returnTo=%2Faccount$/);
      await signIn(page, people.admin.email);
      expect(new URL(page.url()).pathname).toBe("/account");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  test("single sign-on, when the server offers it, is a link that comes back to the page asked for", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-GB" });
    try {
      const page = await context.newPage();
      // Without the endpoint (404) there is no button.
      await page.goto(`${baseUrl}/sign-in?returnTo=%2Faudit`);
      await page.locator("#sign-in-email").waitFor();
      await page.waitForLoadState("networkidle");
      expect(await page.getByRole("link", { name: /single sign-on/ }).count()).toBe(0);
      // With it, the link carries returnTo; a returnTo to another site is dropped.
      await page.route("**/api/v1/auth/providers", (route) =>
        route.fulfill({ json: { oidc: { enabled: true, startUrl: "/api/v1/auth/oidc/start" } } }),
      );
      await page.reload();
      const sso = page.getByRole("link", { name: "Sign in with your organisation (single sign-on)" });
      await sso.waitFor();
      expect(await sso.getAttribute("href")).toBe("/api/v1/auth/oidc/start?returnTo=%2Faudit");
      await shoot(page, "accounts-sign-in-sso");
      await page.goto(`${baseUrl}/sign-in?returnTo=${encodeURIComponent("//evil.example/")}`);
      await sso.waitFor();
      expect(await sso.getAttribute("href")).toBe("/api/v1/auth/oidc/start");
    } finally {
      await context.close();
    }
  }, 60_000);

  test("an API token: created, its secret shown once with a copy button, then revoked", async () => {
    const { context, page, errors } = await open("/sign-in?returnTo=/account");
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
    try {
      await signIn(page, people.staff.email);
      await page.waitForURL(/\/account$/);
      await page.locator("h1", { hasText: people.staff.name }).waitFor();

      await page.getByLabel("Name", { exact: true }).fill("nightly import");
      await page.getByLabel(/Edit the registry/).check();
      await page.getByLabel("Expires after").selectOption("30");
      await page.getByRole("button", { name: "Create token" }).click();

      const panel = page.getByTestId("new-token");
      await panel.waitFor();
      expect(await panel.textContent()).toContain("It will not be shown again");
      const secret = await panel.locator("input").inputValue();
      expect(secret).toMatch(/^concord_[\w-]{43}$/);
      await expect.poll(() => status(page).textContent()).toContain("Token “nightly import” created");
      // Focus moves to the panel, so that a screen reader reads the warning.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("secret-heading");

      await panel.getByRole("button", { name: "Copy token" }).click();
      await expect.poll(() => panel.getByRole("button", { name: /Copied/ }).count()).toBe(1);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
      await shoot(page, "accounts-token-created");

      // The secret works as a Bearer token.
      const asScript = await fetch(`${baseUrl}/api/v1/session`, { headers: { Authorization: `Bearer ${secret}` } });
      expect(((await asScript.json()) as { account: { email: string } }).account.email).toBe(people.staff.email);

      const row = page.locator('tr[data-token="nightly import"]');
      await expect.poll(() => row.locator(".status-pill").textContent()).toBe("Active");
      expect(await row.textContent()).toContain("registry:write");

      // Shown once: after a reload it is gone for good.
      await page.reload();
      await row.waitFor();
      expect(await page.getByTestId("new-token").count()).toBe(0);
      expect(await page.content()).not.toContain(secret);

      await row.getByRole("button", { name: "Revoke the token “nightly import”" }).click();
      const confirm = row.getByRole("group");
      expect(await confirm.textContent()).toContain("Scripts using it will stop working");
      // The confirming button takes the focus (once it has rendered: under load that can trail the click); Escape steps back.
      await expect
        .poll(() =>
          confirm.getByRole("button", { name: "Revoke" }).evaluate((button) => button === document.activeElement),
        )
        .toBe(true);
      await page.keyboard.press("Escape");
      await expect.poll(() => row.getByRole("group").count()).toBe(0);
      await row.getByRole("button", { name: "Revoke the token “nightly import”" }).click();
      await row.getByRole("group").getByRole("button", { name: "Revoke" }).click();
      await expect.poll(() => status(page).textContent()).toContain("Token “nightly import” revoked.");
      await expect.poll(() => row.locator(".status-pill").textContent()).toBe("Revoked");
      const revoked = await fetch(`${baseUrl}/api/v1/session`, { headers: { Authorization: `Bearer ${secret}` } });
      expect(revoked.status).toBe(401);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  test("changing the password: the API names the wrong field; afterwards the session keeps working", async () => {
    const { context, page, errors } = await open("/sign-in?returnTo=/account");
    const next = "correct horse battery staple";
    try {
      await signIn(page, people.analyst.email);
      await page.waitForURL(/\/account$/);

      await page.getByLabel("Current password").fill("not my password at all");
      await page.getByLabel("New password", { exact: true }).fill(next);
      await page.getByLabel("New password, again").fill(next);
      await page.getByRole("button", { name: "Change password" }).click();
      // The API's message, under the field it names (json.currentPassword: …).
      await expect
        .poll(() => page.locator("#password-current-error").textContent())
        .toContain("Is not your current password");
      expect(await page.locator("#password-current").getAttribute("aria-invalid")).toBe("true");
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("password-current");

      await page.getByLabel("Current password").fill(password);
      await page.getByLabel("New password", { exact: true }).fill("short");
      await page.getByLabel("New password, again").fill("short");
      await page.getByRole("button", { name: "Change password" }).click();
      await expect
        .poll(() => page.locator("#password-new-error").textContent())
        .toContain("Must be at least 12 characters long");

      await page.getByLabel("New password", { exact: true }).fill(next);
      await page.getByLabel("New password, again").fill(`${next}!`);
      await page.getByRole("button", { name: "Change password" }).click();
      await expect.poll(() => page.locator("#password-repeat-error").textContent()).toContain("not the same");

      await page.getByLabel("New password, again").fill(next);
      await page.getByRole("button", { name: "Change password" }).click();
      await expect.poll(() => status(page).textContent()).toContain("Your password has been changed");
      expect(await page.getByLabel("Current password").inputValue()).toBe("");

      // The server started a fresh session with a new CSRF token: a change still goes through.
      await page.getByLabel("Name", { exact: true }).fill("after the change");
      await page.getByLabel(/Read the audit log/).check();
      await page.getByRole("button", { name: "Create token" }).click();
      await page.getByTestId("new-token").waitFor();
      await expect.poll(() => page.getByTestId("signed-in-name").textContent()).toBe(people.analyst.name);

      // The old password no longer opens the account; the new one does.
      await header(page).getByRole("button", { name: "Sign out" }).click();
      await page.goto(`${baseUrl}/sign-in`);
      await page.locator("#sign-in-email").fill(people.analyst.email);
      await page.locator("#sign-in-password").fill(password);
      await page.locator('main form button[type="submit"]').click();
      await expect.poll(() => page.locator('form [role="alert"]').textContent()).toContain("wrong");
      await signIn(page, people.analyst.email, next);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  test("an administrator creates a head of delegation for COL, then changes the role", async () => {
    const { context, page, errors } = await open("/sign-in");
    try {
      await signIn(page, people.admin.email);
      await header(page).getByRole("link", { name: "Administration" }).click();
      await page.waitForURL(/\/admin\/accounts$/);
      await page.locator("tr[data-email]").first().waitFor();
      expect(await page.locator("tr[data-email]").count()).toBe(3);

      await page.getByRole("button", { name: "New account" }).click();
      const form = page.locator("#new-account");
      await form.waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("new-account-email");
      // The delegation is asked for only where the role takes one.
      await form.getByLabel("Role").selectOption("secretariat-staff");
      expect(await form.getByLabel("Delegation").count()).toBe(0);
      await form.getByLabel("Role").selectOption("delegation-head");
      expect(await form.getByLabel("Delegation").isVisible()).toBe(true);

      await form.getByLabel("E-mail address").fill("ines@example.org");
      await form.getByLabel("Display name").fill("Inés Gómez");
      await form.getByRole("button", { name: "Create account" }).click();
      await expect
        .poll(() => page.locator("#new-account-delegation-error").textContent())
        .toContain("enter its three-letter code");

      await form.getByLabel("Delegation").fill("col");
      expect(await form.getByLabel("Delegation").inputValue()).toBe("COL");
      // A password the server refuses: its message lands under the password field.
      await form.getByLabel(/Password/).fill("too short");
      await form.getByRole("button", { name: "Create account" }).click();
      await expect
        .poll(() => page.locator("#new-account-password-error").textContent())
        .toContain("Must be at least 12 characters long");
      await form.getByLabel(/Password/).fill("a welcome password");
      await shoot(page, "accounts-admin-new");
      await form.getByRole("button", { name: "Create account" }).click();
      await expect
        .poll(() => status(page).textContent())
        .toContain("Account created for Inés Gómez (ines@example.org).");

      const row = page.locator('tr[data-email="ines@example.org"]');
      await expect.poll(() => row.textContent()).toContain("Head of delegation");
      expect(await row.textContent()).toContain("COL");

      // Change the role in place.
      await row.getByRole("button", { name: "Edit Inés Gómez" }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("SELECT");
      await row.getByLabel("Role of Inés Gómez").selectOption("delegation-member");
      await shoot(page, "accounts-admin-edit");
      await row.getByRole("button", { name: "Save" }).click();
      await expect.poll(() => status(page).textContent()).toContain("Changes to Inés Gómez saved.");
      await expect.poll(() => row.textContent()).toContain("Delegation member");
      const listed = await page.request.get(`${baseUrl}/api/v1/admin/accounts`);
      const ines = (
        (await listed.json()) as { accounts: { email: string; role: string; delegation: { state: string } | null }[] }
      ).accounts.find((a) => a.email === "ines@example.org");
      expect(ines).toMatchObject({ role: "delegation-member", delegation: { state: "COL" } });

      // The API refuses to leave NATO without an administrator, and says why.
      const me = page.locator(`tr[data-email="${people.admin.email}"]`);
      await me.getByRole("button", { name: `Edit ${people.admin.name}` }).click();
      await me.getByLabel("Disabled").check();
      await me.getByRole("button", { name: "Save" }).click();
      await expect
        .poll(() => page.locator('.row-message [role="alert"]').textContent())
        .toContain("NATO's last active administrator");
      await me.getByRole("button", { name: "Cancel" }).click();

      // Delegations: Colombia's has the new account; record Japan's (a NATO partner: Brazil, related to NATO in no way, is not offered).
      await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Delegations" }).click();
      await page.waitForURL(/\/admin\/delegations$/);
      const colombia = page.locator('tr[data-state="COL"]');
      await expect.poll(() => colombia.textContent()).toContain("Colombia");
      expect(await colombia.textContent()).toContain("1 account");
      expect(await page.getByLabel("State", { exact: true }).locator('option[value="BRA"]').count()).toBe(0);
      await page.getByLabel("State", { exact: true }).selectOption("JPN");
      await page.getByRole("button", { name: "Record delegation" }).click();
      await expect.poll(() => status(page).textContent()).toContain("Delegation of Japan recorded.");
      await page.locator('tr[data-state="JPN"]').waitFor();
      await shoot(page, "accounts-admin-delegations");

      // From a delegation to its accounts.
      await colombia.getByRole("link", { name: /Accounts of the delegation of Colombia/ }).click();
      await page.waitForURL(/\/admin\/accounts\?q=COL$/);
      await expect.poll(() => page.locator("tr[data-email]").count()).toBe(1);
      expect(await page.getByLabel("Filter accounts").inputValue()).toBe("COL");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  test("someone who is not an administrator sees no administration, and the API says why on its pages", async () => {
    const { context, page, errors } = await open("/sign-in");
    try {
      await signIn(page, people.staff.email);
      expect(await header(page).getByRole("link", { name: "Administration" }).count()).toBe(0);
      expect(await header(page).getByRole("link", { name: "Audit log" }).count()).toBe(0);

      await page.goto(`${baseUrl}/admin/accounts`);
      const alert = page.getByRole("alert");
      await expect.poll(() => alert.textContent()).toContain("Not allowed");
      expect(await alert.textContent()).toContain("Your role does not allow managing accounts.");
      await page.goto(`${baseUrl}/audit`);
      await expect
        .poll(() => page.getByRole("alert").textContent())
        .toContain("Your role does not allow reading the audit log.");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  test("the audit log: the verdict, the entries just made, a readable change, filtering by action", async () => {
    // A head signed now, as the server's publisher would.
    const { privateKey } = generateKeyPairSync("ed25519");
    const head = await publishHead(concord.database.db, privateKey);
    const { context, page, errors } = await open("/sign-in");
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
    try {
      await signIn(page, people.admin.email);
      await header(page).getByRole("link", { name: "Audit log" }).click();
      await page.waitForURL(/\/audit$/);

      const banner = page.getByTestId("verify-banner");
      await banner.waitFor();
      expect(await banner.getAttribute("data-ok")).toBe("true");
      expect(await banner.locator("h2").textContent()).toMatch(/^The log verifies: \d+ entries$/);

      const signed = page.getByTestId("signed-head");
      await expect.poll(() => signed.textContent()).toContain(`#${head.entryId}`);
      expect(await signed.textContent()).toContain(head.hash);
      await page.getByRole("button", { name: "Copy signed head" }).click();
      const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as {
        hash: string;
        signature: string;
      };
      expect(copied).toMatchObject({ hash: head.hash, signature: head.signature });

      // What the earlier tests did is there, newest first (reads too, once asked for).
      await page.getByLabel("Show reads").check();
      await page.waitForURL(/reads=1/);
      await page.locator('tr[data-action="account.list"]').first().waitFor();
      const actions = await page
        .locator("tr[data-entry]")
        .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-action")));
      for (const action of ["account.create", "account.update", "delegation.create", "account.list"])
        expect(actions).toContain(action);
      const ids = await page
        .locator("tr[data-entry]")
        .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute("data-entry"))));
      expect(ids).toEqual([...ids].sort((a, b) => b - a));

      // Filter by action: the address keeps the filter, every row matches.
      await page.getByLabel("Action", { exact: true }).fill("account.update");
      await page.getByRole("button", { name: "Apply filters" }).click();
      await page.waitForURL(/action=account\.update/);
      await expect
        .poll(
          async () =>
            new Set(
              await page
                .locator("tr[data-entry]")
                .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-action"))),
            ),
        )
        .toEqual(new Set(["account.update"]));
      expect(await page.locator("#entries-heading").textContent()).toBe("Matching entries");

      // The change to Inés's role, as a diff: the changed field marked, before and after.
      const update = page.locator('tr[data-action="account.update"]').first();
      await update.getByRole("button", { name: /Details of entry/ }).click();
      const detail = page.locator(".entry-detail").first();
      await detail.waitFor();
      expect(await detail.locator(".diff-summary").textContent()).toBe("Changed: role");
      const role = detail.locator("tr.diff-changed", { hasText: "role" });
      expect(await role.locator("del").textContent()).toBe("delegation-head");
      expect(await role.locator("ins").textContent()).toBe("delegation-member");
      expect(await detail.locator("tr.diff-same").count()).toBeGreaterThan(3);
      await shoot(page, "accounts-audit");

      // Back to everything; then another action.
      await page.getByRole("button", { name: "Clear" }).click();
      await page.waitForURL((url) => url.pathname === "/audit" && !url.searchParams.has("action"));
      await page.getByLabel("Action", { exact: true }).fill("token.revoke");
      await page.keyboard.press("Enter");
      await page.waitForURL(/action=token\.revoke/);
      await expect.poll(() => page.locator("tr[data-entry]").count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  test("in Spanish: sign-in, account, administration and audit pages", async () => {
    const { context, page, errors } = await open("/sign-in", { locale: "es-ES" });
    try {
      expect(await page.locator("h1").textContent()).toBe("Iniciar sesión");
      expect(await page.locator('label[for="sign-in-email"]').textContent()).toBe("Correo electrónico");
      await page.locator("#sign-in-email").fill(people.admin.email);
      await page.locator("#sign-in-password").fill("mal");
      await page.locator('main form button[type="submit"]').click();
      // The server answers in the page's language too.
      await expect
        .poll(() => page.locator('form [role="alert"]').textContent())
        .toContain("La dirección de correo electrónico o la contraseña no son correctas.");
      await page.locator("#sign-in-password").fill(password);
      await page.locator('main form button[type="submit"]').click();
      await page.getByTestId("signed-in-name").waitFor();
      expect(await header(page).locator("button.header-button").textContent()).toBe("Cerrar sesión");
      expect(await header(page).textContent()).toContain("Sesión iniciada como");

      await header(page).getByRole("link", { name: "Administración" }).click();
      await expect.poll(() => page.locator("h1").textContent()).toBe("Cuentas");
      await page.locator("tr[data-email]").first().waitFor();
      expect(await page.locator(".accounts-table thead th").allTextContents()).toEqual([
        "Nombre",
        "Rol",
        "Delegación",
        "Inicia sesión con",
        "Estado",
        "Acciones",
      ]);
      expect(await page.locator('tr[data-email="ines@example.org"]').textContent()).toContain("Miembro de delegación");
      await shoot(page, "accounts-admin-es");

      await header(page).getByRole("link", { name: "Registro de auditoría" }).click();
      await expect
        .poll(() => page.getByTestId("verify-banner").locator("h2").textContent())
        .toMatch(/^El registro se verifica: \d+ entradas$/);
      expect(await page.locator("#filter-heading").textContent()).toBe("Filtrar");

      await page.goto(`${baseUrl}/account`);
      await expect.poll(() => page.locator("#password-heading").textContent()).toBe("Cambiar la contraseña");
      expect(await page.locator("#tokens-heading").textContent()).toBe("Tokens de API");
      expect(await page.locator("html").getAttribute("lang")).toBe("es");

      // And back to English with the switcher, on the same page.
      await page.getByLabel("Idioma").selectOption("en");
      await expect.poll(() => page.locator("#password-heading").textContent()).toBe("Change password");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  test("phone width: every page fits, screenshots of each", async () => {
    const { context, page, errors } = await open("/sign-in", { width: 390, height: 844 });
    try {
      await noSidewaysScroll(page, "sign-in");
      await shoot(page, "accounts-mobile-sign-in");
      await signIn(page, people.admin.email);
      for (const [name, target, ready] of [
        ["account", "/account", "#tokens-heading"],
        ["admin-accounts", "/admin/accounts", "tr[data-email]"],
        ["admin-delegations", "/admin/delegations", "tr[data-state]"],
        ["audit", "/audit", "tr[data-entry]"],
      ] as const) {
        await page.goto(baseUrl + target);
        await page.locator(ready).first().waitFor();
        await page.waitForLoadState("networkidle");
        if (name === "audit") await page.locator('tr[data-action="account.update"] button').first().click();
        if (name === "admin-accounts") await page.getByRole("button", { name: "New account" }).click();
        await noSidewaysScroll(page, name);
        await shoot(page, `accounts-mobile-${name}`);
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  test("the audit log shows an alarm when the chain is broken", async () => {
    const { context, page } = await open("/sign-in");
    try {
      await signIn(page, people.admin.email);
      // Rewrite an entry behind the triggers' back, as someone who owns the tables could.
      await withoutAuditTriggers(concord.database.pool, async (client) => {
        await client.query(
          `UPDATE audit_log SET details = '{"count": 99}' WHERE id = (SELECT min(id) FROM audit_log WHERE action = 'account.list')`,
        );
      });
      const broken = (
        await concord.database.pool.query("SELECT min(id)::int AS id FROM audit_log WHERE action = 'account.list'")
      ).rows[0] as { id: number };
      await page.goto(`${baseUrl}/audit`);
      const banner = page.getByTestId("verify-banner");
      await banner.waitFor();
      expect(await banner.getAttribute("data-ok")).toBe("false");
      expect(await banner.getAttribute("role")).toBe("alert");
      expect(await banner.textContent()).toContain("The log does not verify");
      expect(await banner.textContent()).toContain(`Entry #${broken.id}`);
      // The broken entry records a read: hidden from the list until the banner shows it, reads and all.
      await banner.getByRole("button", { name: `Show entry #${broken.id}` }).click();
      await expect
        .poll(() => page.locator("tr[data-entry]").first().getAttribute("data-entry"))
        .toBe(String(broken.id));
      expect(await page.locator(`tr[data-entry="${broken.id}"]`).getAttribute("class")).toContain("is-broken");
      await shoot(page, "accounts-audit-broken");
    } finally {
      await context.close();
    }
  }, 60_000);
});
