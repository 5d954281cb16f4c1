// A small Markdown reader for the story's text. It never produces HTML: it turns text into a tree
// of blocks and inline runs, and MarkdownView.svelte renders that tree with Svelte text nodes, so
// whatever a story holds (`<script>`, `onerror=`, `javascript:`) stays text on the page.
//
// What it reads: headings (`#` to `###`), paragraphs (lines joined), bullet lists (`-`, `*`, `+`),
// numbered lists (`1.`), block quotes (`>`), and inline `**strong**`, `*emphasis*` / `_emphasis_`
// and `` `code` ``. Links are shown as their text followed by the address in brackets; nothing
// is made clickable. Anything else is shown as written.

export type Inline =
  | { kind: "text"; text: string }
  | { kind: "strong"; children: Inline[] }
  | { kind: "em"; children: Inline[] }
  | { kind: "code"; text: string };

export type Block =
  | { kind: "heading"; level: 1 | 2 | 3; content: Inline[] }
  | { kind: "paragraph"; content: Inline[] }
  | { kind: "quote"; content: Inline[] }
  | { kind: "list"; ordered: boolean; items: Inline[][] };

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;

/** The blocks of `source`, in order. */
export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let quote: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;

  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: "paragraph", content: parseInline(paragraph.join(" ")) });
    if (quote.length > 0) blocks.push({ kind: "quote", content: parseInline(quote.join(" ")) });
    if (list) blocks.push({ kind: "list", ordered: list.ordered, items: list.items.map(parseInline) });
    paragraph = [];
    quote = [];
    list = null;
  };

  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line.trim() === "") {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      const level = Math.min(heading[1]!.length, 3) as 1 | 2 | 3;
      blocks.push({ kind: "heading", level, content: parseInline(heading[2] ?? "") });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      const ordered = numbered !== null;
      const text = (bullet ?? numbered)![1] ?? "";
      if (!list || list.ordered !== ordered) {
        flush();
        list = { ordered, items: [] };
      }
      list.items.push(text);
      continue;
    }
    const q = QUOTE.exec(line);
    if (q) {
      if (quote.length === 0) flush();
      quote.push(q[1] ?? "");
      continue;
    }
    if (list && /^\s{2,}/.test(raw)) {
      // A continuation line of the last list item.
      list.items[list.items.length - 1] += " " + line.trim();
      continue;
    }
    if (list || quote.length > 0) flush();
    paragraph.push(line.trim());
  }
  flush();
  return blocks;
}

/** The inline runs of one block's text. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = "";
  const push = (inline: Inline) => {
    if (plain) out.push({ kind: "text", text: plain });
    plain = "";
    out.push(inline);
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "\\" && i + 1 < text.length && /[\\`*_[\]()#>+\-.!]/.test(text[i + 1]!)) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (c === "`") {
      const end = text.indexOf("`", i + 1);
      if (end > i + 1) {
        push({ kind: "code", text: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    // `_` opens only at the start of a word (not in snake_case or window.__name).
    const intraword = c === "_" && i > 0 && !/[\s([{"']/.test(text[i - 1]!);
    if ((c === "*" || c === "_") && text[i + 1] === c && !intraword) {
      const end = closing(text, c + c, i + 2);
      if (end > i + 2) {
        push({ kind: "strong", children: parseInline(text.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    if ((c === "*" || c === "_") && !intraword) {
      const end = closing(text, c, i + 1);
      if (end > i + 1 && text[i + 1] !== " ") {
        push({ kind: "em", children: parseInline(text.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    if (c === "[") {
      const link = /^\[([^\]]+)\]\(([^)\s]*)\)/.exec(text.slice(i));
      if (link) {
        out.push(...(plain ? [{ kind: "text" as const, text: plain }] : []));
        plain = "";
        out.push(...parseInline(link[1]!));
        plain = link[2] ? ` (${link[2]})` : "";
        i += link[0].length;
        continue;
      }
    }
    plain += c;
    i += 1;
  }
  if (plain) out.push({ kind: "text", text: plain });
  return out;
}

/** Where `mark` closes from `from` on: for `_`, not inside a word; -1 when it does not. */
function closing(text: string, mark: string, from: number): number {
  let end = text.indexOf(mark, from);
  while (end >= 0 && mark[0] === "_" && /\w/.test(text[end + mark.length] ?? "")) {
    end = text.indexOf(mark, end + 1);
  }
  return end;
}

/** The text of some inline runs, without any markup (for accessible names and tests). */
export function inlineText(inlines: Inline[]): string {
  return inlines
    .map((x) => (x.kind === "text" || x.kind === "code" ? x.text : inlineText(x.children)))
    .join("");
}
