/**
 * The headers every answer carries: what a browser may load, frame and send on, and what must
 * never be cached.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConcord, type TestConcord } from "../../test/support/concord.ts";
import { signInAs } from "../../test/support/people.ts";

let concord: TestConcord;
beforeAll(async () => {
  concord = await startConcord({ CONCORD_JOBS: "off" });
}, 120_000);
afterAll(async () => {
  await concord?.stop();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(concord.baseUrl + path, { headers });

describe("security headers", () => {
  it("give the web UI, the API docs and every API answer a strict Content-Security-Policy, no framing, no referrer, no sniffing", async () => {
    for (const path of [
      "/",
      "/organizations/NATO",
      "/api/docs",
      "/api/v1/organizations",
      "/api/v1/nowhere",
      "/api/openapi.json",
    ]) {
      const response = await get(path);
      const policy = response.headers.get("content-security-policy") ?? "";
      expect(policy, path).toContain("default-src 'self'");
      expect(policy, path).toContain("script-src 'self'");
      expect(policy, path).toContain("style-src 'self'");
      expect(policy, path).toContain("frame-ancestors 'none'");
      expect(policy, path).toContain("object-src 'none'");
      expect(policy, path).not.toContain("unsafe-inline");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      expect(response.headers.get("referrer-policy"), path).toBe("no-referrer");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("strict-transport-security"), path).toBeNull();
    }
  });

  it("has the API docs load their styles from this origin, as the policy requires", async () => {
    const page = await (await get("/api/docs")).text();
    expect(page).not.toContain("<style");
    expect(page).toContain('<link rel="stylesheet" href="/api/docs.css">');
    const css = await get("/api/docs.css");
    expect(css.headers.get("content-type")).toMatch(/^text\/css/);
  });

  it("add HSTS over HTTPS (here: behind a proxy that says so)", async () => {
    const response = await get("/api/v1/organizations", { "X-Forwarded-Proto": "https" });
    expect(response.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  });

  it("keep answers about people out of every cache: the session, the account, its tokens, administration, the audit log", async () => {
    const admin = await signInAs(concord, { organization: "NATO", role: "secretariat-admin" });
    for (const path of [
      "/api/v1/session",
      "/api/v1/account/tokens",
      "/api/v1/admin/accounts",
      "/api/v1/admin/delegations",
      "/api/v1/audit?limit=1",
      "/api/v1/audit/verify",
    ]) {
      const response = await get(path, { Cookie: admin.cookie });
      expect(response.status, path).toBe(200);
      expect(response.headers.get("cache-control"), path).toBe("no-store");
    }
    // The public registry may be cached by whoever likes.
    expect((await get("/api/v1/organizations")).headers.get("cache-control")).not.toBe("no-store");
  });
});
