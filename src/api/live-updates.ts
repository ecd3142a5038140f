/**
 * Live updates: server-sent events. What any instance commits reaches every open browser at
 * once (src/services/events.ts), each reader getting only the events about what it may see, by
 * the rule every read of a proposal or notice follows (decisionPolicy.read). A stream ends when
 * its reader's session or token ends, or its account moves to another organisation or
 * delegation; a browser reconnects and learns there where it stands.
 */
import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type { ConcordEvent, EventHub } from "../services/events.ts";
import { decisionPolicy, organizationBody, type ProposalScope } from "../services/policies.ts";
import { type AuthVariables, principalOf } from "./auth.ts";
import { msg, render } from "../domain/messages/index.ts";
import { errorBody } from "./errors.ts";
import { readerLanguage } from "./language.ts";

/** How stale the check that a stream's reader is still signed in may be when events are sent. */
const RECHECK_EVERY_MS = 5_000;
/** A comment this often keeps proxies from closing an idle stream. */
const KEEP_ALIVE_MS = 25_000;

/** What an event is about, as decisionPolicy.read sees it: a proposal of its body, or a notice to its organisation. */
export function scopeOfEvent(event: ConcordEvent): ProposalScope {
  return {
    body: event.body ? { ...event.body, organization: event.organization } : organizationBody(event.organization),
    concernsState: event.concerns ?? null,
  };
}

/** `GET /events`: the reader's live updates, from this instance's hub (none in the CLI). */
export function liveUpdates(c: Context<{ Variables: AuthVariables }>, hub: EventHub | undefined) {
  const principal = principalOf(c);
  if (principal.kind !== "account") {
    const refusal = msg("live.sign_in_first");
    return c.json(errorBody("unauthenticated", render(readerLanguage(c), refusal), refusal.key), 401);
  }
  if (!hub) {
    const refusal = msg("live.server_only");
    return c.json(errorBody("unavailable", render(readerLanguage(c), refusal), refusal.key), 503);
  }
  const organization = principal.account.organizationCode;
  const state = principal.account.delegationState;
  const recheck = c.get("recheck");
  let checkedAt = Date.now();
  /**
   * The stream was opened by a session or token that may since have ended, or for an account
   * moved to another organisation or delegation: then it must stop, not go on telling. Asked
   * before sending (at most every few seconds) and at every keep-alive.
   */
  const endedBecause = async (): Promise<string | undefined> => {
    checkedAt = Date.now();
    const account = await recheck();
    if (!account) return "signed-out";
    if (account.organizationCode !== organization || account.delegationState !== state) return "account-changed";
    return undefined;
  };
  return streamSSE(c, async (stream) => {
    const queue: string[] = [];
    let wake: (() => void) | undefined;
    const unsubscribe = hub.subscribe((event) => {
      if (!decisionPolicy.read(principal, scopeOfEvent(event))) return;
      queue.push(JSON.stringify(event));
      wake?.();
    });
    stream.onAbort(() => {
      unsubscribe();
      wake?.();
    });
    await stream.writeSSE({ event: "ready", data: "{}" });
    let idle = false;
    while (!stream.aborted) {
      if (idle || (queue.length > 0 && Date.now() - checkedAt >= RECHECK_EVERY_MS)) {
        const reason = await endedBecause();
        // A browser reconnects after the end, and learns there (401, or the new account's events) where it stands.
        if (reason) {
          await stream.writeSSE({ event: "end", data: JSON.stringify({ reason }) });
          break;
        }
      }
      if (queue.length > 0) {
        for (let next = queue.shift(); next !== undefined; next = queue.shift())
          await stream.writeSSE({ event: "change", data: next });
      } else if (idle) {
        await stream.write(": keep-alive\n\n");
      }
      // (An event may have come while writing: then no waiting.)
      idle =
        queue.length > 0
          ? false
          : await new Promise<boolean>((resolve) => {
              const timer = setTimeout(() => resolve(true), KEEP_ALIVE_MS);
              wake = () => {
                clearTimeout(timer);
                resolve(false);
              };
            });
      wake = undefined;
    }
    unsubscribe();
  });
}
