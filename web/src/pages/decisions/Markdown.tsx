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

const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;

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
    const heading = HEADING.exec(line);
    if (heading) {
      close();
      blocks.push({ kind: "heading", level: heading[1]!.length, text: heading[2]! });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      const ordered = numbered !== null;
      const list = peek();
      if (list && list.kind === "list" && list.ordered === ordered) {
        list.items.push(bullet ? bullet[1]! : numbered![2]!);
      } else {
        close();
        current = {
          kind: "list",
          ordered,
          start: numbered ? Number(numbered[1]) : 1,
          items: [bullet ? bullet[1]! : numbered![2]!],
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
    if (match[2] !== undefined) out.push(<code>{match[2].trim()}</code>);
    else if (match[3] !== undefined || match[4] !== undefined)
      out.push(<strong>{renderInline((match[3] ?? match[4])!)}</strong>);
    else out.push(<em>{renderInline((match[5] ?? match[6])!)}</em>);
    last = at + match[0].length;
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
