import { chromium, type Browser } from "playwright-core";

/**
 * Debian's Chromium, headless, through playwright-core (a browser download cannot work on these
 * machines). Without the networking flags, Chromium keeps trying to reach its own services over
 * a network that refuses them, and hangs.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"],
  });
}
