import "./MarkingBanner.css";

/**
 * A confidentiality label's display marking (STANAG 4774), e.g. "NATO RESTRICTED Releasable to
 * COL": as a banner across the top and the bottom of every view of a document, or as a chip in a
 * list. Its colour follows the classification's rank in its policy (`tone` 0, the unclassified
 * level, to 4, top secret: green, purple, blue, red, amber), always with contrast of at least 4.5:1,
 * and its words say the classification in full, so the colour is never the only sign. The words
 * are the policy's own and are shown as they are; `caption` ("Security marking", in the reader's
 * language) introduces them to screen readers.
 */
export function MarkingBanner({
  marking,
  tone,
  caption,
  position,
  testId,
}: {
  marking: string;
  tone: number;
  caption: string;
  position: "top" | "bottom" | "chip" | "preview";
  testId?: string;
}) {
  const level = Math.min(Math.max(Math.trunc(tone), 0), 4);
  const Tag = position === "chip" ? "span" : "p";
  return (
    <Tag
      class={`marking marking-${position} marking-tone-${level}`}
      data-tone={level}
      data-testid={testId}
      data-marking={marking}
    >
      <span class="visually-hidden">{caption}: </span>
      <span class="marking-text">{marking}</span>
    </Tag>
  );
}
