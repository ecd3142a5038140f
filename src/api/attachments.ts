/**
 * How a proposal's attachment leaves the server: a document a browser could run (HTML, SVG,
 * scripts…) as bytes to save, any document in a sandbox, with a well-formed name.
 */
import { DOCUMENT_MEDIA_TYPES } from "../domain/documents.ts";

/** Documents served with their own media type; anything else is served as application/octet-stream. */
export const SAFE_ATTACHMENT_TYPES: ReadonlySet<string> = DOCUMENT_MEDIA_TYPES;

/** `attachment` with the name in UTF-8 (RFC 6266), and a plain ASCII one for old clients; any text gives a valid header. */
export function contentDisposition(name: string): string {
  const wellFormed = name.toWellFormed();
  const ascii = wellFormed.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(wellFormed)}`;
}

/** The headers an attachment is served with. */
export function attachmentHeaders(attachment: { name: string; mediaType: string }): Record<string, string> {
  return {
    "Content-Type": SAFE_ATTACHMENT_TYPES.has(attachment.mediaType.toLowerCase())
      ? attachment.mediaType
      : "application/octet-stream",
    "Content-Disposition": contentDisposition(attachment.name),
    "Content-Security-Policy": "sandbox; default-src 'none'",
    "X-Content-Type-Options": "nosniff",
  };
}
