import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, readEnv } from "./env.ts";

describe("readEnv", () => {
  it("has defaults for everything", () => {
    expect(readEnv({})).toEqual({
      port: 3000,
      host: "127.0.0.1",
      dataDir: path.resolve("./data"),
      databaseUrl: undefined,
      log: "info",
      auditKeyFile: path.resolve("./data/audit-signing-key.pem"),
      documentKeyFile: path.resolve("./data/document-binding-key.pem"),
      auditHeadSeconds: 300,
      reminderHours: [48, 2],
      jobs: true,
      webhooks: { allowPrivate: false, timeoutSeconds: 10, concurrency: 8, perOrganization: 2 },
      refusalWindowSeconds: 60,
    });
    expect(readEnv({ CONCORD_WEBHOOK_ALLOW_PRIVATE: "true" }).webhooks.allowPrivate).toBe(true);
    expect(() => readEnv({ CONCORD_WEBHOOK_ALLOW_PRIVATE: "yes" })).toThrow(
      /CONCORD_WEBHOOK_ALLOW_PRIVATE: must be true or false/,
    );
    expect(readEnv({ CONCORD_REMINDER_HOURS: "24, 1.5" }).reminderHours).toEqual([24, 1.5]);
    expect(() => readEnv({ CONCORD_REMINDER_HOURS: "two days" })).toThrow(
      /CONCORD_REMINDER_HOURS: must be hours before a deadline/,
    );
    expect(readEnv({ CONCORD_JOBS: "off" }).jobs).toBe(false);
    expect(readEnv({ CONCORD_DATA_DIR: "/srv/concord", CONCORD_AUDIT_KEY_FILE: "" }).auditKeyFile).toBe(
      "/srv/concord/audit-signing-key.pem",
    );
    expect(readEnv({ CONCORD_AUDIT_KEY_FILE: "/keys/audit.pem" }).auditKeyFile).toBe("/keys/audit.pem");
    expect(readEnv({ CONCORD_DATA_DIR: "/srv/concord" }).documentKeyFile).toBe("/srv/concord/document-binding-key.pem");
    expect(readEnv({ CONCORD_DOCUMENT_KEY_FILE: "/keys/documents.pem" }).documentKeyFile).toBe("/keys/documents.pem");
  });

  it("treats an empty string as missing", () => {
    expect(readEnv({ PORT: "", DATABASE_URL: "" })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });

  it("stops with a message naming each bad setting", () => {
    expect(() => readEnv({ PORT: "eighty", DATABASE_URL: "mysql://x" })).toThrow(ConfigError);
    try {
      readEnv({ PORT: "70000", DATABASE_URL: "mysql://x" });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT: .*65535/);
      expect((error as Error).message).toContain("DATABASE_URL: must be a postgres:// or postgresql:// URL");
    }
  });
});
