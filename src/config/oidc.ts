/**
 * Single sign-on through OpenID Connect, configured by the environment and checked at start-up.
 * Every CONCORD_OIDC_* variable unset: single sign-on is off. Any of them set: the required ones
 * must all be set, or start-up stops naming the missing ones. An empty string counts as unset.
 */
import { z } from "zod";
import { ConfigError } from "./env.ts";

export type OidcConfig = {
  /** The provider's issuer identifier, as configured (discovery checks the provider says the same). */
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** The organisation (registry code, e.g. NATO) that accounts signing in this way belong to. */
  organizationCode: string;
  /** The claim holding the ISO alpha-3 code of the state whose delegation the person belongs to. */
  delegationClaim: string;
  /** The claim holding a Concord role; without it, roles follow from the delegation. */
  roleClaim: string | undefined;
  /** Whether the role claim may make someone a secretariat administrator. */
  allowAdminClaim: boolean;
  /** Scopes asked of the provider (space-separated), always including openid. */
  scopes: string;
  /** Where browsers reach Concord: an origin such as https://concord.example.org. */
  publicUrl: string;
  /** `${publicUrl}/api/v1/auth/oidc/callback`: register exactly this at the provider. */
  redirectUri: string;
};

export const OIDC_CALLBACK_PATH = "/api/v1/auth/oidc/callback";

const REQUIRED = [
  "CONCORD_OIDC_ISSUER",
  "CONCORD_OIDC_CLIENT_ID",
  "CONCORD_OIDC_CLIENT_SECRET",
  "CONCORD_OIDC_ORGANIZATION",
  "CONCORD_PUBLIC_URL",
] as const;
const OPTIONAL = [
  "CONCORD_OIDC_DELEGATION_CLAIM",
  "CONCORD_OIDC_ROLE_CLAIM",
  "CONCORD_OIDC_ALLOW_ADMIN_CLAIM",
  "CONCORD_OIDC_SCOPES",
] as const;
const KNOWN = new Set<string>([...REQUIRED, ...OPTIONAL]);
/** Values never repeated in an error message. */
const SECRET = new Set<string>(["CONCORD_OIDC_CLIENT_SECRET"]);

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

const claimName = z.string().regex(/^[\x21-\x7e]{1,100}$/, "must be a claim name (printable characters, no spaces)");

const schema = z.object({
  CONCORD_OIDC_ISSUER: z
    .url({ protocol: /^https?$/, message: "must be an http(s):// URL (the provider's issuer identifier)" })
    // Zod runs refinements even after the URL check failed: parse defensively.
    .refine(
      (value) => !URL.canParse(value) || new URL(value).protocol === "https:" || LOOPBACK.has(new URL(value).hostname),
      "must be https:// (http:// only for a provider on this machine: localhost, 127.0.0.1, [::1])",
    ),
  CONCORD_OIDC_CLIENT_ID: z.string().max(500, "must be at most 500 characters"),
  CONCORD_OIDC_CLIENT_SECRET: z.string().max(1000, "must be at most 1000 characters"),
  CONCORD_OIDC_ORGANIZATION: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, "must be an organisation's code in the registry (e.g. NATO)")
    .transform((code) => code.toUpperCase()),
  CONCORD_OIDC_DELEGATION_CLAIM: claimName.default("delegation"),
  CONCORD_OIDC_ROLE_CLAIM: claimName.optional(),
  CONCORD_OIDC_ALLOW_ADMIN_CLAIM: z.enum(["true", "false"], "must be true or false").default("false"),
  CONCORD_OIDC_SCOPES: z
    .string()
    .regex(/^[\x21-\x7e]+( [\x21-\x7e]+)*$/, "must be scope names separated by single spaces")
    .refine((scopes) => scopes.split(" ").includes("openid"), "must include openid")
    .default("openid email profile"),
  CONCORD_PUBLIC_URL: z.url({ protocol: /^https?$/, message: "must be an http(s):// URL" }).refine((value) => {
    if (!URL.canParse(value)) return true;
    const url = new URL(value);
    return url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password;
  }, "must be the address browsers use to reach Concord, without a path (e.g. https://concord.example.org)"),
});

/**
 * Single sign-on's configuration, or undefined when none of its variables is set.
 * Throws ConfigError naming every missing or malformed variable (never echoing the secret).
 */
export function readOidcConfig(source: NodeJS.ProcessEnv = process.env): OidcConfig | undefined {
  const given = Object.fromEntries(
    Object.entries(source).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ""),
  );
  const oidcNames = Object.keys(given).filter((name) => name.startsWith("CONCORD_OIDC_"));
  if (oidcNames.length === 0) return undefined;

  const unknown = oidcNames.filter((name) => !KNOWN.has(name));
  if (unknown.length > 0) {
    throw new ConfigError(
      `Invalid configuration: unknown variable ${unknown.join(", ")} (single sign-on reads ${[...KNOWN].join(", ")})`,
    );
  }
  const missing = REQUIRED.filter((name) => given[name] === undefined);
  if (missing.length > 0) {
    throw new ConfigError(
      `Invalid configuration: single sign-on is partly configured; missing ${missing.join(", ")} ` +
        `(set all of ${REQUIRED.join(", ")}, or no CONCORD_OIDC_* variable to turn single sign-on off)`,
    );
  }

  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      const value = given[name];
      const got = value !== undefined && !SECRET.has(name) ? ` (got ${JSON.stringify(value.slice(0, 80))})` : "";
      return `${name}: ${issue.message}${got}`;
    });
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
  }
  const env = parsed.data;
  const publicUrl = new URL(env.CONCORD_PUBLIC_URL).origin;
  return {
    issuer: new URL(env.CONCORD_OIDC_ISSUER),
    clientId: env.CONCORD_OIDC_CLIENT_ID,
    clientSecret: env.CONCORD_OIDC_CLIENT_SECRET,
    organizationCode: env.CONCORD_OIDC_ORGANIZATION,
    delegationClaim: env.CONCORD_OIDC_DELEGATION_CLAIM,
    roleClaim: env.CONCORD_OIDC_ROLE_CLAIM,
    allowAdminClaim: env.CONCORD_OIDC_ALLOW_ADMIN_CLAIM === "true",
    scopes: env.CONCORD_OIDC_SCOPES,
    publicUrl,
    redirectUri: `${publicUrl}${OIDC_CALLBACK_PATH}`,
  };
}
