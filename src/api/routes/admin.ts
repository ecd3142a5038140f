/**
 * Administration of an organisation's accounts, delegations and roles, by its secretariat's
 * administrators. Changes are audited and in force from the account's next request.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { ASSIGNABLE_ROLES } from "../../domain/accounts.ts";
import type { AdministrationService } from "../../services/accounts/administration.ts";
import { type AuthVariables, principalOf } from "../auth.ts";
import { presentAccount } from "../presenters.ts";
import { AdminAccount, Delegation } from "../schemas.ts";
import { errorResponse, namingJsonFields } from "../errors.ts";
import { validationHook } from "../validation.ts";

const stateCode = z.string().regex(/^[A-Za-z]{3}$/, "must be a state's ISO 3166-1 alpha-3 code");

const NewAccount = z.strictObject({
  email: z.email("must be an e-mail address").max(254),
  displayName: z.string().trim().min(1, "is required").max(200),
  role: z.enum(ASSIGNABLE_ROLES).openapi({ description: "system-auditor is given on the server's command line only." }),
  delegation: stateCode.nullable().optional().openapi({ description: "The state a delegation role speaks for." }),
  password: z.string().max(1024).optional().openapi({
    description:
      "A temporary password, which its owner must change at first sign-in. Leave out for an account that signs in only through single sign-on (refused while single sign-on is not configured for your organisation).",
  }),
});

const TemporaryPassword = z.strictObject({
  password: z.string().min(1, "is required").max(1024).openapi({
    description: "The temporary password: its owner must change it at the next sign-in before doing anything else.",
  }),
});

const idParam = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: "id", in: "path" } }),
});

const AccountChange = z.strictObject({
  role: z.enum(ASSIGNABLE_ROLES).optional(),
  delegation: stateCode.nullable().optional(),
  displayName: z.string().trim().min(1).max(200).optional(),
  disabled: z.boolean().optional(),
});

const DelegationBody = z.object({ delegation: z.object({ id: z.number(), state: z.string() }) });

const errors = {
  400: errorResponse("A field is invalid; the message names it."),
  401: errorResponse("Nobody is signed in."),
  403: errorResponse("Only the organisation's administrators manage accounts."),
  409: errorResponse("The address is taken, or the change would leave no administrator."),
};

type AccountRowWithState = Parameters<typeof presentAccount>[0];
const present = (account: AccountRowWithState): z.infer<typeof AdminAccount> => ({
  ...presentAccount(account),
  disabled: account.disabledAt !== null,
  hasPassword: account.passwordHash !== null,
  temporaryPassword: account.passwordTemporary,
});

export function adminRoutes(services: { administration: AdministrationService }) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>({ defaultHook: validationHook });
  const { administration } = services;

  app.openapi(
    createRoute({
      method: "get",
      path: "/admin/accounts",
      tags: ["Administration"],
      summary: "The accounts of your organisation (this read is audited)",
      responses: {
        200: {
          content: {
            "application/json": {
              schema: z.object({
                accounts: z.array(AdminAccount),
                singleSignOn: z.object({ configured: z.boolean() }).openapi({
                  description:
                    "Whether single sign-on is configured for your organisation: without it, every new account needs a password.",
                }),
              }),
            },
          },
          description: "The accounts.",
        },
        ...errors,
      },
    }),
    async (c) => {
      const accounts = (await administration.listAccounts(principalOf(c))).map(present);
      return c.json({ accounts, singleSignOn: administration.singleSignOn(principalOf(c)) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/admin/accounts",
      tags: ["Administration"],
      summary: "Create an account in your organisation",
      request: { body: { content: { "application/json": { schema: NewAccount } }, required: true } },
      responses: {
        201: {
          content: { "application/json": { schema: z.object({ account: AdminAccount }) } },
          description: "Created.",
        },
        ...errors,
      },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const account = await namingJsonFields(() => administration.createAccount(principalOf(c), input));
      return c.json({ account: present(account) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/admin/accounts/{id}",
      tags: ["Administration"],
      summary: "Change an account's role, delegation, name, or disable it; in force on its next request",
      request: {
        params: idParam,
        body: { content: { "application/json": { schema: AccountChange } }, required: true },
      },
      responses: {
        200: {
          content: { "application/json": { schema: z.object({ account: AdminAccount }) } },
          description: "Changed.",
        },
        404: errorResponse("Your organisation has no such account."),
        ...errors,
      },
    }),
    async (c) => {
      const change = c.req.valid("json");
      const account = await namingJsonFields(() =>
        administration.updateAccount(principalOf(c), c.req.valid("param").id, change),
      );
      return c.json({ account: present(account) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/admin/accounts/{id}/temporary-password",
      tags: ["Administration"],
      summary: "Set a temporary password: the account's sessions end, and its owner must change it at the next sign-in",
      request: {
        params: idParam,
        body: { content: { "application/json": { schema: TemporaryPassword } }, required: true },
      },
      responses: {
        200: {
          content: {
            "application/json": {
              schema: z.object({
                account: AdminAccount,
                sessionsEnded: z.number().openapi({ description: "The account's sessions this ended." }),
              }),
            },
          },
          description: "Set.",
        },
        404: errorResponse("Your organisation has no such account."),
        ...errors,
      },
    }),
    async (c) => {
      const { password } = c.req.valid("json");
      const { account, sessionsEnded } = await namingJsonFields(() =>
        administration.setTemporaryPassword(principalOf(c), c.req.valid("param").id, password),
      );
      return c.json({ account: present(account), sessionsEnded }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/admin/delegations",
      tags: ["Administration"],
      summary: "The delegations of states to your organisation",
      responses: {
        200: {
          content: {
            "application/json": {
              schema: z.object({
                delegations: z.array(Delegation),
                eligible: z.array(z.string()).openapi({
                  description:
                    "The states the registry relates to your organisation today: those a delegation may be recorded of.",
                }),
              }),
            },
          },
          description: "The delegations.",
        },
        ...errors,
      },
    }),
    async (c) => c.json(await administration.listDelegations(principalOf(c)), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/admin/delegations",
      tags: ["Administration"],
      summary: "Record a state's delegation to your organisation",
      request: {
        body: { content: { "application/json": { schema: z.strictObject({ state: stateCode }) } }, required: true },
      },
      responses: {
        200: {
          content: { "application/json": { schema: DelegationBody } },
          description: "Recorded before: nothing changed.",
        },
        201: { content: { "application/json": { schema: DelegationBody } }, description: "Recorded." },
        ...errors,
      },
    }),
    async (c) => {
      const { state } = c.req.valid("json");
      const { created, ...delegation } = await namingJsonFields(() =>
        administration.createDelegation(principalOf(c), state),
      );
      return created ? c.json({ delegation }, 201) : c.json({ delegation }, 200);
    },
  );

  return app;
}
