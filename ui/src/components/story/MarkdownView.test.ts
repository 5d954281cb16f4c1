import { render } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import MarkdownView from "./MarkdownView.svelte";

const PAYLOADS = [
  "<script>window.__pwned = 1</script>",
  '<img src=x onerror="window.__pwned = 1">',
  "**<b onmouseover=alert(1)>bold</b>**",
  "- <iframe src=javascript:alert(1)></iframe>",
  "# <svg onload=alert(1)>",
  "`<script>`",
  "[click](javascript:alert(1))",
];

describe("MarkdownView", () => {
  it("renders the constructs it knows as elements", () => {
    const { container } = render(MarkdownView, { source: "# Plan\n\nWe **will** do *this*:\n\n- one\n- two\n\n`code`" });
    expect(container.querySelector("h4")?.textContent).toBe("Plan");
    expect(container.querySelector("strong")?.textContent).toBe("will");
    expect(container.querySelector("em")?.textContent).toBe("this");
    expect([...container.querySelectorAll("li")].map((li) => li.textContent)).toEqual(["one", "two"]);
    expect(container.querySelector("code")?.textContent).toBe("code");
  });

  it("shows every hostile payload as its own text, making no element of it", () => {
    for (const p of PAYLOADS) {
      const { container, unmount } = render(MarkdownView, { source: p });
      for (const tag of ["script", "img", "iframe", "svg", "a", "b"]) {
        expect(container.querySelector(tag), `${tag} from ${p}`).toBeNull();
      }
      for (const el of container.querySelectorAll("*")) {
        for (const attr of el.getAttributeNames()) {
          expect(attr.startsWith("on"), `${attr} from ${p}`).toBe(false);
        }
      }
      // The markup's text is all there (Markdown marks aside).
      const core = p.replace(/^(# |- )/, "").replace(/\*\*|`/g, "");
      const shown = core.startsWith("[") ? "click (javascript:alert(1))" : core;
      expect(container.textContent).toContain(shown);
      unmount();
    }
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it("says when nothing is written", () => {
    const { container } = render(MarkdownView, { source: "  \n", empty: "Empty." });
    expect(container.textContent?.trim()).toBe("Empty.");
  });
});
