import { describe, expect, it } from "vitest";
import { ConfigError } from "./env.ts";
import { readOidcConfig } from "./oidc.ts";

const complete = {
  CONCORD_OIDC_ISSUER: "https://login.example.org/realms/nato",
  CONCORD_OIDC_CLIENT_ID: "concord",
  CONCORD_OIDC_CLIENT_SECRET: "s3cr3t-value-never-shown",
  CONCORD_OIDC_ORGANIZATION: "nato",
  CONCORD_PUBLIC_URL: "https://concord.example.org/",
};

function problem(env: Record<string, string>): string {
  try {
    readOidcConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("readOidcConfig", () => {
  it("turns single sign-on off when no CONCORD_OIDC_* variable is set, or all are empty", () => {
    expect(readOidcConfig({})).toBeUndefined();
    expect(readOidcConfig({ CONCORD_PUBLIC_URL: "https://concord.example.org", PORT: "3000" })).toBeUndefined();
    expect(
      readOidcConfig({ CONCORD_OIDC_ISSUER: "", CONCORD_OIDC_CLIENT_ID: "", CONCORD_OIDC_ROLE_CLAIM: "" }),
    ).toBeUndefined();
  });

  it("reads a complete configuration, with defaults", () => {
    expect(readOidcConfig(complete)).toEqual({
      issuer: new URL("https://login.example.org/realms/nato"),
      clientId: "concord",
      clientSecret: "s3cr3t-value-never-shown",
      organizationCode: "NATO",
      delegationClaim: "delegation",
      roleClaim: undefined,
      allowAdminClaim: false,
      scopes: "openid email profile",
      publicUrl: "https://concord.example.org",
      redirectUri: "https://concord.example.org/api/v1/auth/oidc/callback",
    });
    expect(
      readOidcConfig({
        ...complete,
        CONCORD_OIDC_DELEGATION_CLAIM: "nato_delegation",
        CONCORD_OIDC_ROLE_CLAIM: "concord_role",
        CONCORD_OIDC_ALLOW_ADMIN_CLAIM: "true",
        CONCORD_OIDC_SCOPES: "openid email concord",
      }),
    ).toMatchObject({
      delegationClaim: "nato_delegation",
      roleClaim: "concord_role",
      allowAdminClaim: true,
      scopes: "openid email concord",
    });
  });

  it("names every missing variable when single sign-on is partly configured (an empty one counts as missing)", () => {
    const message = problem({
      CONCORD_OIDC_ISSUER: complete.CONCORD_OIDC_ISSUER,
      CONCORD_OIDC_CLIENT_SECRET: "",
      CONCORD_OIDC_ORGANIZATION: "NATO",
    });
    expect(message).toBe(
      "Invalid configuration: single sign-on is partly configured; missing CONCORD_OIDC_CLIENT_ID, CONCORD_OIDC_CLIENT_SECRET, CONCORD_PUBLIC_URL " +
        "(set all of CONCORD_OIDC_ISSUER, CONCORD_OIDC_CLIENT_ID, CONCORD_OIDC_CLIENT_SECRET, CONCORD_OIDC_ORGANIZATION, CONCORD_PUBLIC_URL, " +
        "or no CONCORD_OIDC_* variable to turn single sign-on off)",
    );
    // An optional setting alone still means single sign-on was meant to be on.
    expect(problem({ CONCORD_OIDC_ROLE_CLAIM: "role" })).toMatch(/partly configured; missing CONCORD_OIDC_ISSUER, /);
  });

  it("names a misspelt variable instead of ignoring it", () => {
    expect(problem({ ...complete, CONCORD_OIDC_ROLES_CLAIM: "role" })).toMatch(
      /^Invalid configuration: unknown variable CONCORD_OIDC_ROLES_CLAIM \(single sign-on reads /,
    );
  });

  it("names each malformed variable and what it got, but never the client secret", () => {
    const message = problem({
      ...complete,
      CONCORD_OIDC_ISSUER: "login.example.org",
      CONCORD_OIDC_ALLOW_ADMIN_CLAIM: "yes",
      CONCORD_PUBLIC_URL: "https://concord.example.org/app",
      CONCORD_OIDC_SCOPES: "email profile",
      CONCORD_OIDC_CLIENT_SECRET: "x".repeat(1001),
    });
    expect(message).toContain(
      'CONCORD_OIDC_ISSUER: must be an http(s):// URL (the provider\'s issuer identifier) (got "login.example.org")',
    );
    expect(message).toContain('CONCORD_OIDC_ALLOW_ADMIN_CLAIM: must be true or false (got "yes")');
    expect(message).toContain("CONCORD_PUBLIC_URL: must be the address browsers use to reach Concord, without a path");
    expect(message).toContain('CONCORD_OIDC_SCOPES: must include openid (got "email profile")');
    expect(message).toContain("CONCORD_OIDC_CLIENT_SECRET: must be at most 1000 characters");
    expect(message).not.toContain("xxxx");
  });

  it("accepts http:// for a provider on this machine only", () => {
    expect(readOidcConfig({ ...complete, CONCORD_OIDC_ISSUER: "http://127.0.0.1:8080" })?.issuer.href).toBe(
      "http://127.0.0.1:8080/",
    );
    expect(
      readOidcConfig({ ...complete, CONCORD_OIDC_ISSUER: "http://localhost:8080/realms/x" })?.issuer.protocol,
    ).toBe("http:");
    expect(problem({ ...complete, CONCORD_OIDC_ISSUER: "http://login.example.org" })).toContain(
      "CONCORD_OIDC_ISSUER: must be https:// (http:// only for a provider on this machine: localhost, 127.0.0.1, [::1])",
    );
  });

  it("refuses an organisation code that cannot be one", () => {
    expect(problem({ ...complete, CONCORD_OIDC_ORGANIZATION: "NATO; DROP" })).toContain(
      "CONCORD_OIDC_ORGANIZATION: must be an organisation's code in the registry (e.g. NATO)",
    );
  });
});
