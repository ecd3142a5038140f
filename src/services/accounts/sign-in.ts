/**
 * Signing in with an e-mail address and a password: one answer for every failure, whatever
 * failed, so nobody learns whether an account exists; guesses counted before they are checked
 * (src/services/accounts/sign-in-limits.ts); every refusal recorded in the audit log, counted
 * and summarised when they come in floods (src/services/audit/refusals.ts).
 */
import { AccountsRepository } from "../../db/repositories/accounts.ts";
import type { Database } from "../../db/client.ts";
import type { RefusalLog } from "../audit/refusals.ts";
import { AppError, RateLimitedError } from "../errors.ts";
import type { AccountsService } from "./accounts.ts";
import type { Session, SessionsService } from "./sessions.ts";
import type { SignInLimits } from "./sign-in-limits.ts";
import { msg } from "../../domain/messages/index.ts";

export class InvalidCredentialsError extends AppError {
  constructor() {
    super(401, "invalid_credentials", msg("auth.invalid_credentials"));
  }
}

export class SignInService {
  constructor(
    private readonly db: Database,
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    private readonly limits: SignInLimits,
    private readonly refusals: RefusalLog,
  ) {}

  /** A new session for these credentials (ending `previousToken`'s), or a refusal that says nothing of the account. */
  async withPassword(input: {
    email: string;
    password: string;
    clientAddress: string;
    previousToken?: string;
  }): Promise<Session> {
    const email = input.email.trim().toLowerCase();
    const counted = await this.limits.attempt(input.clientAddress, { email });
    if ("wait" in counted) {
      await this.refuse("sign-in.limited", email, input.clientAddress);
      throw new RateLimitedError(
        msg("auth.too_many_sign_ins", { minutes: Math.ceil(counted.wait / 60) }),
        counted.wait,
      );
    }
    const account = await this.accounts.authenticate(email, input.password);
    if (!account) {
      await this.refuse("sign-in.refused", email, input.clientAddress);
      throw new InvalidCredentialsError();
    }
    await this.limits.succeeded(counted.attempt);
    return this.sessions.start(account, input.previousToken);
  }

  /** Kept in the organisation's log when the address names one of its accounts; in Concord's own otherwise. */
  private async refuse(
    kind: "sign-in.refused" | "sign-in.limited",
    email: string,
    clientAddress: string,
  ): Promise<void> {
    const account = await new AccountsRepository(this.db).findByEmail(email);
    await this.refusals.record({
      kind,
      organization: account?.organizationCode ?? null,
      actor: account?.id ?? "anonymous",
      source: clientAddress,
      details: { email, account: account ? "exists" : "unknown" },
    });
  }
}
