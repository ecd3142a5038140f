/**
 * What a labelled document may be: the kinds of file a library keeps (PDF, office files, text,
 * images), and the lengths of what is stored with it. The web app's upload form reads the same.
 */

/** The media types a library accepts; a browser is given these as they are, anything else as bytes. */
export const DOCUMENT_MEDIA_TYPES: ReadonlySet<string> = new Set([
  "application/pdf",
  "text/plain",
  "text/csv",
  "application/json",
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

export const DOCUMENT_LIMITS = {
  /** 20 MiB, as the database's check. */
  bytes: 20 * 1024 * 1024,
  fileName: 200,
  title: 300,
  description: 4000,
  query: 200,
} as const;
