/**
 * What an audit entry can be about. Services record only these (the audit log's `objectType`),
 * and the audit page names each in the reader's language: a new kind of object is added here,
 * and TypeScript then asks for its name in every catalogue.
 */
export const AUDIT_OBJECT_TYPES = [
  "account",
  "api_token",
  "delegation",
  "organization",
  "audit_log",
  "relation",
  "source",
  "import",
  "proposal",
  "status-notice",
  "webhook",
  "refusal",
  "menu_item",
  "programme",
  "event",
  "nomination",
  "indicator",
  "indicator_update",
  "calendar_feed",
  "dispute",
  "court_case",
  "dialogue",
  "exchange_return",
  "exchange_regime",
  "document",
  "clearance",
  "security_policy",
] as const;

export type AuditObjectType = (typeof AUDIT_OBJECT_TYPES)[number];

export function isAuditObjectType(value: string): value is AuditObjectType {
  return (AUDIT_OBJECT_TYPES as readonly string[]).includes(value);
}
