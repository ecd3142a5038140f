/**
 * The audit log as people consult it: search (itself a read of restricted data, so recorded in
 * the log in the same transaction), whether the chain verifies, and the latest signed head —
 * public, since a hash and a signature reveal nothing and others must be able to keep them.
 */
import type { KeyObject } from "node:crypto";
import type { Database } from "../../db/client.ts";
import { searchAudit, type AuditFilter, type AuditRow } from "../../db/repositories/audit.ts";
import { auditActor, auditPolicy, authorize, type Principal } from "../policies.ts";
import { appendAudit, publishedHeads, publishHead, verifyLog, type VerifyLogOptions } from "./log.ts";
import { msg } from "../../domain/messages/index.ts";

export class AuditService {
  constructor(private readonly db: Database) {}

  /** Entries matching the filter, of the organisations the reader may read: never a count or hint of others'. */
  async search(principal: Principal, filter: AuditFilter): Promise<AuditRow[]> {
    const scope = auditPolicy.scope(principal);
    authorize(principal, scope !== undefined, msg("activity.reading_audit_log"));
    if (scope === undefined) return []; // authorize has refused already: this only tells the compiler
    return this.db.transaction(async (tx) => {
      const rows = await searchAudit(tx, filter, "all" in scope ? "all" : scope.organization);
      await appendAudit(tx, {
        ...auditActor(principal),
        action: "audit.read",
        objectType: "audit_log",
        details: { filter: { ...filter }, returned: rows.length },
      });
      return rows;
    });
  }

  /** Whether the chain is intact (and, given heads kept elsewhere, whether it still holds them). */
  async verify(principal: Principal, options: VerifyLogOptions = {}) {
    authorize(principal, auditPolicy.verify(principal), msg("activity.checking_audit_log"));
    return verifyLog(this.db, options);
  }

  /** Signs the chain's head with this instance's key and records it (the command line's `audit head`). */
  async publishHead(principal: Principal, privateKey: KeyObject) {
    authorize(principal, auditPolicy.publishHead(principal), msg("activity.publishing_audit_head"));
    return publishHead(this.db, privateKey);
  }

  async latestHead() {
    const heads = await publishedHeads(this.db);
    return heads.at(-1);
  }
}
