/**
 * How a proposal's attachment leaves the server: a document a browser could run (HTML, SVG,
 * scripts…) as bytes to save, any document in a sandbox, with a well-formed name.
 */
/** Documents served with their own media type; anything else is served as application/octet-stream. */
export const SAFE_ATTACHMENT_TYPES: ReadonlySet<string> = new Set([
  "application/pdf",
  "text/plain",
  "text/csv",
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-powerpoint",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/vnd.oasis.opendocument.text",
  "application/vnd.oasis.opendocument.spreadsheet",
  "application/vnd.oasis.opendocument.presentation",
]);

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
