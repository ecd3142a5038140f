import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";
import { startConcord, type TestConcord } from "./concord.ts";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Debian's Chromium, headless, through playwright-core (a browser download cannot work on these
 * machines). Without the networking flags, Chromium keeps trying to reach its own services over
 * a network that refuses them, and hangs.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
    ],
  });
}

export type OpenedPage = { context: BrowserContext; page: Page; errors: string[] };

export type OpenPageOptions = {
  width?: number;
  height?: number;
  locale?: string;
  timezoneId?: string;
  hasTouch?: boolean;
  /** A session cookie (`name=value`, as `signInAs` gives it): the page is opened signed in. */
  cookie?: string;
  /** Every console error counts, not only what the Content-Security-Policy refused. */
  allConsoleErrors?: boolean;
  /** Answers of 400 and above count too (as `status /path`). */
  failedResponses?: boolean;
  /** Run on the page before it loads (e.g. `watchApiData`, to see what the API gave it). */
  beforeLoad?: (page: Page) => void;
};

/** A fresh context (viewport, locale, reduced motion) on `url`, collecting the page's script errors and whatever its Content-Security-Policy refused. */
export async function openPage(browser: Browser, url: string, options: OpenPageOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    locale: options.locale ?? "en-GB",
    reducedMotion: "reduce",
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
    ...(options.hasTouch ? { hasTouch: true } : {}),
  });
  if (options.cookie) {
    const [name, value] = options.cookie.split("=") as [string, string];
    await context.addCookies([{ name, value, url: new URL(url).origin }]);
  }
  const page = await context.newPage();
  options.beforeLoad?.(page);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    if (options.allConsoleErrors || /Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
  if (options.failedResponses) {
    page.on("response", (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });
  }
  await page.goto(url);
  return { context, page, errors };
}

/**
 * A page of a test's Concord, as its pages are usually opened: 900 px tall, in UTC, signed in as
 * `person` when one is given, touch at a phone's width (under 500 px).
 */
export function openAs(
  browser: Browser,
  baseUrl: string,
  pathAndQuery: string,
  options: { person?: { cookie: string }; locale?: string; width?: number; height?: number },
  beforeLoad?: (page: Page) => void,
): Promise<OpenedPage> {
  return openPage(browser, baseUrl + pathAndQuery, {
    width: options.width,
    height: options.height ?? 900,
    locale: options.locale,
    timezoneId: "UTC",
    hasTouch: options.width !== undefined && options.width < 500,
    cookie: options.person?.cookie,
    beforeLoad,
  });
}

export type BrowserTest = { concord: TestConcord; browser: Browser };

/**
 * What a browser test stands on: web/dist built (when missing or older than the UI's sources, as
 * `npm start` does), a Concord serving it, and Chromium. For `beforeAll`; `stopBrowserTest` in `afterAll`.
 */
export async function startBrowserTest(): Promise<BrowserTest> {
  execFileSync(process.execPath, [path.join(repo, "scripts/ensure-web-build.mjs")], { cwd: repo, stdio: "inherit" });
  const concord = await startConcord();
  try {
    return { concord, browser: await launchChromium() };
  } catch (failure) {
    await concord.stop();
    throw failure;
  }
}

/** Closes what `startBrowserTest` started (either may be missing, if it failed). */
export async function stopBrowserTest(test: Partial<BrowserTest> | undefined): Promise<void> {
  await test?.browser?.close();
  await test?.concord?.stop();
}

/** `shoot(page, name)`: a full-page screenshot to `folder/name.png` (Playwright makes the folder). */
export function screenshots(folder: string): (page: Page, name: string) => Promise<void> {
  return async (page, name) => {
    await page.screenshot({ path: path.join(folder, `${name}.png`), fullPage: true });
  };
}

/** How far the page scrolls sideways, in pixels (0 or less: not at all). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** No sideways scroll; when there is, the message names the elements that stick out. */
export async function noSidewaysScroll(page: Page, what: string): Promise<void> {
  const { overflow, wide } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > width + 1)
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}#${element.id}`);
    return { overflow: document.documentElement.scrollWidth - width, wide };
  });
  expect(overflow, `${what} scrolls sideways: ${wide.join(", ")}`).toBeLessThanOrEqual(0);
}

/** Signs in through the sign-in form, as a person would, and waits to be taken off it. */
export async function signInThroughPage(page: Page, baseUrl: string, email: string, secret: string): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith("/sign-in")) await page.goto(`${baseUrl}/sign-in`);
  await page.locator("#sign-in-email").fill(email);
  await page.locator("#sign-in-password").fill(secret);
  await page.locator("#sign-in-password").press("Enter");
  await page.waitForURL((url) => url.pathname !== "/sign-in");
}
