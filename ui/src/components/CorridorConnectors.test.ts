import { render } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CorridorStep } from "../ipc";
import CorridorConnectors from "./CorridorConnectors.svelte";

const step = (id: string, touchpoint: string, optional = false, secs: number | null = null): CorridorStep => ({
  id,
  touchpoint,
  optional,
  expected_secs_from_previous: secs,
});

/** A board with cards laid out at fixed places (happy-dom has no layout). */
function board(cards: Record<string, [number, number]>, attribute: "data" | "card" | "id" = "data") {
  const root = document.createElement("div");
  document.body.append(root);
  root.getBoundingClientRect = () => new DOMRect(10, 20, 1000, 600);
  for (const [id, [left, top]] of Object.entries(cards)) {
    const card = document.createElement("article");
    if (attribute === "data") card.dataset.touchpointId = id;
    else if (attribute === "card") Object.assign(card.dataset, { card: "touchpoint", id });
    else card.id = `tp-${id}`;
    card.getBoundingClientRect = () => new DOMRect(10 + left, 20 + top, 100, 60);
    root.append(card);
  }
  return root;
}

async function drawnIn(root: HTMLElement) {
  const svg = root.querySelector("svg")!;
  // The overlay measures on the next frame.
  svg.getBoundingClientRect = () => new DOMRect(10, 20, 1000, 600);
  await vi.waitFor(() => expect(svg.getAttribute("data-connectors")).not.toBe("0"));
  return [...svg.querySelectorAll<SVGPathElement>("path.line")];
}

afterEach(() => {
  document.body.innerHTML = "";
});

describe("CorridorConnectors", () => {
  it("joins the cards of consecutive steps, dashed around an optional step", async () => {
    const root = board({ a: [0, 0], b: [200, 0], c: [400, 100] });
    render(CorridorConnectors, {
      target: root,
      props: { steps: [step("1", "a"), step("2", "b", true, 900), step("3", "c", false, 3600)] },
    });
    const lines = await drawnIn(root);
    expect(lines.map((l) => l.getAttribute("d"))).toEqual([
      "M100 30 C150 30 150 30 200 30",
      "M300 30 C350 30 350 130 400 130",
    ]);
    expect(lines.map((l) => l.classList.contains("dashed"))).toEqual([true, true]);
    expect([...root.querySelectorAll("svg text")].map((t) => t.textContent)).toEqual(["15 min", "1 h"]);
  });

  it("leaves out the connectors of a card that is not on the page, and finds cards by their id too", async () => {
    const root = board({ a: [0, 0], c: [400, 0] }, "id");
    render(CorridorConnectors, {
      target: root,
      props: { steps: [step("1", "a"), step("2", "gone"), step("3", "c"), step("4", "a")] },
    });
    const lines = await drawnIn(root);
    expect(lines.map((l) => l.getAttribute("data-connector"))).toEqual(["3>4"]);
    expect(lines[0]!.classList.contains("dashed")).toBe(false);
  });

  it("finds cards marked data-card=touchpoint with data-id", async () => {
    const root = board({ a: [0, 0], b: [0, 100] }, "card");
    render(CorridorConnectors, { target: root, props: { steps: [step("1", "a"), step("2", "b")] } });
    const lines = await drawnIn(root);
    expect(lines.map((l) => l.getAttribute("d"))).toEqual(["M50 60 C50 80 50 80 50 100"]);
  });

  it("never takes a pointer event and is hidden from screen readers", () => {
    const root = board({});
    render(CorridorConnectors, { target: root, props: { steps: [] } });
    const svg = root.querySelector("svg")!;
    expect(svg.getAttribute("aria-hidden")).toBe("true");
    expect(svg.getAttribute("class")).toContain("connectors");
    // The stylesheet sets pointer-events: none on .connectors (checked in Chromium by the e2e test).
    expect(getComputedStyle(root).position).toBe("relative");
  });

  it("draws again when the steps change", async () => {
    const root = board({ a: [0, 0], b: [200, 0], c: [400, 0] });
    const view = render(CorridorConnectors, { target: root, props: { steps: [step("1", "a"), step("2", "b")] } });
    expect((await drawnIn(root)).length).toBe(1);
    await view.rerender({ steps: [step("1", "a"), step("2", "b"), step("3", "c")] });
    await vi.waitFor(() => expect(root.querySelectorAll("path.line").length).toBe(2));
  });
});
