import { describe, expect, it } from "vitest";
import { inlineText, parseInline, parseMarkdown } from "./markdown";

describe("parseMarkdown", () => {
  it("reads headings, paragraphs, lists and quotes", () => {
    const blocks = parseMarkdown("# Goals\nFirst line\nsecond line\n\n- one\n- **two**\n\n1. a\n2. b\n\n> said");
    expect(blocks.map((b) => b.kind)).toEqual(["heading", "paragraph", "list", "list", "quote"]);
    expect(blocks[0]).toEqual({ kind: "heading", level: 1, content: [{ kind: "text", text: "Goals" }] });
    expect(blocks[1]).toEqual({ kind: "paragraph", content: [{ kind: "text", text: "First line second line" }] });
    const bullets = blocks[2];
    expect(bullets?.kind === "list" && !bullets.ordered && bullets.items.map(inlineText)).toEqual(["one", "two"]);
    const numbered = blocks[3];
    expect(numbered?.kind === "list" && numbered.ordered && numbered.items.length).toBe(2);
  });

  it("caps heading levels at three and keeps deeper ones", () => {
    const [h] = parseMarkdown("##### deep");
    expect(h).toMatchObject({ kind: "heading", level: 3 });
  });

  it("reads strong, emphasis and code, leaving snake_case alone", () => {
    expect(parseInline("a **b** *c* `d` snake_case_name")).toEqual([
      { kind: "text", text: "a " },
      { kind: "strong", children: [{ kind: "text", text: "b" }] },
      { kind: "text", text: " " },
      { kind: "em", children: [{ kind: "text", text: "c" }] },
      { kind: "text", text: " " },
      { kind: "code", text: "d" },
      { kind: "text", text: " snake_case_name" },
    ]);
  });

  it("shows a link as its text and its address, never as a link", () => {
    const inl = parseInline("see [the survey](javascript:alert(1)) now");
    expect(inlineText(inl)).toBe("see the survey (javascript:alert(1)) now");
    expect(inl.every((x) => x.kind === "text")).toBe(true);
  });

  it("keeps markup as text, whatever it holds", () => {
    const payloads = [
      "<script>alert(1)</script>",
      '<img src=x onerror="alert(1)">',
      "<a href=\"javascript:alert(1)\">x</a>",
      "<svg onload=alert(1)>",
      "&lt;b&gt; &amp;",
    ];
    for (const p of payloads) {
      const blocks = parseMarkdown(p);
      expect(blocks).toHaveLength(1);
      const b = blocks[0]!;
      expect(b.kind).toBe("paragraph");
      expect(b.kind === "paragraph" && inlineText(b.content)).toBe(p);
    }
  });
});

describe("underscores inside words", () => {
  it("open and close nothing", () => {
    const text = "window.__xss='a' and window.__xss='b' and _real_ and __strong__";
    const inl = parseInline(text);
    expect(inlineText(inl)).toBe("window.__xss='a' and window.__xss='b' and real and strong");
    expect(inl.filter((x) => x.kind !== "text").map((x) => x.kind)).toEqual(["em", "strong"]);
  });
});
