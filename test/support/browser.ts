import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

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

/** A fresh context (viewport, locale, reduced motion) on `url`, collecting the page's script errors and whatever its Content-Security-Policy refused. */
export async function openPage(
  browser: Browser,
  url: string,
  options: { width?: number; height?: number; locale?: string } = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    locale: options.locale ?? "en-GB",
    reducedMotion: "reduce",
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
  await page.goto(url);
  return { context, page, errors };
}
