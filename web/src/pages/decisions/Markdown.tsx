import type { ComponentChildren } from "preact";

/**
 * A small Markdown renderer for proposal texts and statements: paragraphs, bulleted and
 * numbered lists, headings (shown two levels down, so a text never competes with the page's
 * own headings), *emphasis*, **strong** and `code`. It builds elements, never HTML: whatever
 * the text holds (`<script>`, `<img onerror>`, entities) is shown as the characters typed.
 */

type Block =
  | { kind: "paragraph"; lines: string[] }
  | { kind: "heading"; level: number; text: string }
  | { kind: "list"; ordered: boolean; start: number; items: string[] };

// A list item: a bullet (-, *, +) or a number ("3." or "3)"), then the item's text.
const LIST_ITEM = /^\s{0,3}(?:[-*+]|(?<number>\d{1,9})[.)])\s+(?<text>.*)$/;
const HEADING = /^\s{0,3}(?<marks>#{1,6})\s+(?<text>.*?)\s*#*\s*$/;

export function parseBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  const close = () => {
    if (current) blocks.push(current);
    current = null;
  };
  // Read through a function: TypeScript cannot see `close` resetting `current`.
  const peek = (): Block | null => current;
  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.replace(/\s+$/, "");
    if (line.trim() === "") {
      close();
      continue;
    }
    // Both patterns' `marks` and `text` groups are not optional: a match always fills them.
    const heading = HEADING.exec(line)?.groups;
    if (heading?.marks !== undefined && heading.text !== undefined) {
      close();
      blocks.push({ kind: "heading", level: heading.marks.length, text: heading.text });
      continue;
    }
    const item = LIST_ITEM.exec(line)?.groups;
    if (item?.text !== undefined) {
      const ordered = item.number !== undefined;
      const list = peek();
      if (list && list.kind === "list" && list.ordered === ordered) {
        list.items.push(item.text);
      } else {
        close();
        current = {
          kind: "list",
          ordered,
          start: item.number !== undefined ? Number(item.number) : 1,
          items: [item.text],
        };
      }
      continue;
    }
    const open = peek();
    if (open && open.kind === "list" && /^\s+/.test(line)) {
      // An indented line continues the list's last item.
      open.items[open.items.length - 1] += ` ${line.trim()}`;
      continue;
    }
    if (open && open.kind === "paragraph") {
      open.lines.push(line.trim());
      continue;
    }
    close();
    current = { kind: "paragraph", lines: [line.trim()] };
  }
  close();
  return blocks;
}

// `code`, **strong**, __strong__, *emphasis*, _emphasis_ (not inside words, so snake_case stays).
const INLINE =
  /(`+)([\s\S]+?)\1|\*\*(?=\S)([\s\S]*?\S)\*\*|__(?=\S)([\s\S]*?\S)__(?!\w)|\*(?=[^\s*])([\s\S]*?[^\s*])\*|(?<![\p{L}\p{N}_])_(?=\S)([\s\S]*?\S)_(?![\p{L}\p{N}_])/gu;

export function renderInline(text: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const at = match.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    // Exactly one alternative matched, and it filled its own group.
    const [whole, , code, strongStars, strongUnderscores, emphasisStar, emphasisUnderscore] = match;
    const strong = strongStars ?? strongUnderscores;
    const emphasis = emphasisStar ?? emphasisUnderscore;
    if (code !== undefined) out.push(<code>{code.trim()}</code>);
    else if (strong !== undefined) out.push(<strong>{renderInline(strong)}</strong>);
    else if (emphasis !== undefined) out.push(<em>{renderInline(emphasis)}</em>);
    else out.push(whole);
    last = at + whole.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** `headingLevel`: the level the text's own top heading (#) is shown at. */
export function Markdown({
  text,
  class: className,
  headingLevel = 3,
  lang,
}: {
  text: string;
  class?: string;
  headingLevel?: number;
  lang?: string;
}) {
  const blocks = parseBlocks(text);
  return (
    <div class={`markdown${className ? ` ${className}` : ""}`} lang={lang}>
      {blocks.map((block) => {
        if (block.kind === "heading") {
          const level = Math.min(6, headingLevel + block.level - 1);
          const content = renderInline(block.text);
          return level <= 3 ? (
            <h3>{content}</h3>
          ) : level === 4 ? (
            <h4>{content}</h4>
          ) : level === 5 ? (
            <h5>{content}</h5>
          ) : (
            <h6>{content}</h6>
          );
        }
        if (block.kind === "list") {
          const items = block.items.map((item) => <li>{renderInline(item)}</li>);
          return block.ordered ? (
            <ol start={block.start === 1 ? undefined : block.start}>{items}</ol>
          ) : (
            <ul>{items}</ul>
          );
        }
        return <p>{renderInline(block.lines.join(" "))}</p>;
      })}
    </div>
  );
}
