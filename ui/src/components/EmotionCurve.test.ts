import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { Edit, JourneyMap } from "../ipc";
import { applyEditTo } from "../lib/apply";
import { HOSTILE_TITLE, fixtureIds, fixtureMap } from "../test/fixtures";
import EmotionCurve from "./EmotionCurve.svelte";

function mapWithEmotions(): JourneyMap {
  const map = structuredClone(fixtureMap);
  map.touchpoints[0]!.designed_emotion = 1;
  map.touchpoints[0]!.emotion_label = "curious";
  map.touchpoints[1]!.designed_emotion = -1.5;
  return map;
}

function harness(options: { fail?: boolean } = {}) {
  let map = mapWithEmotions();
  const edits: Edit[] = [];
  const view = render(EmotionCurve, {
    map,
    onEdit: async (edit: Edit) => {
      edits.push(structuredClone(edit));
      if (options.fail) throw new Error("the map changed elsewhere");
      map = structuredClone(map);
      applyEditTo(map, structuredClone(edit));
      await view.rerender({ map });
    },
  });
  return { edits, current: () => map };
}

const slider = (title: string) => screen.getByRole("slider", { name: new RegExp(`^Designed emotion at ${title} `) });

describe("EmotionCurve", () => {
  it("has a point per touchpoint in board column order, as sliders with their values", async () => {
    harness();
    const sliders = screen.getAllByRole("slider");
    expect(sliders.map((s) => s.getAttribute("aria-label"))).toEqual([
      "Designed emotion at Spring campaign (Awareness)",
      "Designed emotion at Product page (Purchase)",
      "Designed emotion at Checkout (Purchase)",
      "Designed emotion at Set-up call (Use)",
      `Designed emotion at ${fixtureMap.touchpoints[4]!.title} (Use)`,
    ]);
    const first = sliders[0]!;
    expect(first.getAttribute("aria-valuenow")).toBe("1");
    expect(first.getAttribute("aria-valuemin")).toBe("-2");
    expect(first.getAttribute("aria-valuemax")).toBe("2");
    expect(first.getAttribute("aria-orientation")).toBe("vertical");
    expect(first.getAttribute("aria-valuetext")).toBe("+1, curious");
    // No room for labels here (happy-dom lays nothing out): a point shows its label when focused.
    expect(first.querySelector("text.value")).toBeNull();
    await fireEvent.focus(first);
    expect(first.querySelector("text.value")?.textContent?.trim()).toBe("+1 curious");
    expect(sliders[1]!.getAttribute("aria-valuetext")).toBe("−1.5, very negative");
    expect(sliders[2]!.getAttribute("aria-valuenow")).toBeNull();
    expect(sliders[2]!.getAttribute("aria-valuetext")).toBe("not set");
    // One tab stop for the whole curve.
    expect(sliders.map((s) => s.getAttribute("tabindex"))).toEqual(["0", "-1", "-1", "-1", "-1"]);
  });

  it("changes a value by a step with Up and Down, sending the whole touchpoint", async () => {
    const { edits, current } = harness();
    await fireEvent.keyDown(slider("Spring campaign"), { key: "ArrowUp" });
    await vi.waitFor(() => expect(slider("Spring campaign").getAttribute("aria-valuenow")).toBe("1.5"));
    expect(edits).toEqual([
      { op: "replace", item: { touchpoint: { ...mapWithEmotions().touchpoints[0]!, designed_emotion: 1.5 } } },
    ]);
    await fireEvent.keyDown(slider("Product page"), { key: "ArrowDown" });
    await fireEvent.keyDown(slider("Checkout"), { key: "ArrowUp" });
    await vi.waitFor(() => expect(current().touchpoints.map((t) => t.designed_emotion)).toEqual([1.5, -2, 0, null, null]));
    // Nothing to send at the bottom of the range.
    await fireEvent.keyDown(slider("Product page"), { key: "ArrowDown" });
    await fireEvent.keyDown(slider("Product page"), { key: "Home" });
    expect(edits).toHaveLength(3);
  });

  it("clears a value with Delete and moves between points with Left and Right", async () => {
    const { edits } = harness();
    await fireEvent.keyDown(slider("Product page"), { key: "Delete" });
    expect(edits[0]).toMatchObject({ item: { touchpoint: { id: fixtureIds.page, designed_emotion: null } } });
    await fireEvent.keyDown(slider("Product page"), { key: "ArrowRight" });
    await vi.waitFor(() => expect(document.activeElement).toBe(slider("Checkout")));
    expect(slider("Checkout").getAttribute("tabindex")).toBe("0");
    await fireEvent.keyDown(slider("Checkout"), { key: "ArrowLeft" });
    await vi.waitFor(() => expect(document.activeElement).toBe(slider("Product page")));
    expect(edits).toHaveLength(1);
  });

  it("sets a value by dragging a point, and sends one edit when it is let go", async () => {
    const { edits } = harness();
    const point = slider("Checkout");
    const svg = point.closest("svg")!;
    svg.getBoundingClientRect = () => new DOMRect(0, 100, 800, 190);
    // The plot: 190 px high with 34 px above and below, so +2 is at 34 and −2 at 156.
    await fireEvent.pointerDown(point, { button: 0, clientY: 195, pointerId: 1 });
    await fireEvent.pointerMove(point, { clientY: 100 + 34 + 30.5, pointerId: 1 });
    expect(point.getAttribute("aria-valuenow")).toBe("1");
    await fireEvent.pointerMove(point, { clientY: 100 + 34 + 61 + 6.1, pointerId: 1 });
    expect(point.getAttribute("aria-valuenow")).toBe("-0.2");
    expect(edits).toEqual([]);
    await fireEvent.pointerUp(point, { clientY: 100 + 34 + 61 + 6.1, pointerId: 1 });
    expect(edits).toEqual([
      { op: "replace", item: { touchpoint: { ...fixtureMap.touchpoints[2]!, designed_emotion: -0.2 } } },
    ]);
    await vi.waitFor(() => expect(slider("Checkout").getAttribute("aria-valuenow")).toBe("-0.2"));
  });

  it("shows a failed change and goes back to the map's value", async () => {
    harness({ fail: true });
    await fireEvent.keyDown(slider("Spring campaign"), { key: "ArrowUp" });
    await vi.waitFor(() => expect(screen.getByRole("alert").textContent).toContain("the map changed elsewhere"));
    expect(slider("Spring campaign").getAttribute("aria-valuenow")).toBe("1");
  });

  it("shows titles and labels full of markup as text", async () => {
    const map = mapWithEmotions();
    map.touchpoints[4]!.emotion_label = "<b>bold</b>";
    map.touchpoints[4]!.designed_emotion = 0.5;
    const { container } = render(EmotionCurve, { map, onEdit: async () => {} });
    const point = screen.getByRole("slider", { name: `Designed emotion at ${HOSTILE_TITLE} (Use)` });
    await fireEvent.focus(point);
    expect(point.querySelector("text.value")?.textContent?.trim()).toBe("+0.5 <b>bold</b>");
    expect(container.querySelector("img, b")).toBeNull();
  });

  it("goes back to the map's value without a message of its own when the sender answers false", async () => {
    render(EmotionCurve, { map: mapWithEmotions(), onEdit: async () => false });
    await fireEvent.keyDown(slider("Spring campaign"), { key: "ArrowUp" });
    await vi.waitFor(() => expect(slider("Spring campaign").getAttribute("aria-valuenow")).toBe("1"));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("is read-only without onEdit", () => {
    render(EmotionCurve, { map: mapWithEmotions() });
    expect(screen.queryAllByRole("slider")).toEqual([]);
    expect(screen.getAllByRole("img")[0]!.getAttribute("aria-label")).toBe("Spring campaign (Awareness): +1, curious");
  });

  it("says so when there are no touchpoints", () => {
    render(EmotionCurve, { map: { ...fixtureMap, touchpoints: [] }, onEdit: async () => {} });
    expect(screen.getByText(/No touchpoints yet/)).toBeTruthy();
  });
});

describe("EmotionCurve, folded", () => {
  it("folds to its title and unfolds again", async () => {
    harness();
    const toggle = screen.getByRole("button", { name: "Hide emotion curve" });
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    await fireEvent.click(toggle);
    expect(screen.queryAllByRole("slider")).toEqual([]);
    expect(screen.getByRole("button", { name: "Show emotion curve" }).getAttribute("aria-expanded")).toBe("false");
    await fireEvent.click(screen.getByRole("button", { name: "Show emotion curve" }));
    expect(screen.getAllByRole("slider")).toHaveLength(5);
  });
});

describe("EmotionCurve, crowded", () => {
  function bigMap(n: number): JourneyMap {
    const map = structuredClone(fixtureMap);
    const base = map.touchpoints[0]!;
    map.touchpoints = Array.from({ length: n }, (_, i) => ({
      ...base,
      id: `tp-${i}`,
      title: `Touchpoint ${i}`,
      stage: map.stages[i % 3]!.id,
      designed_emotion: (i % 5) - 2,
    }));
    return map;
  }

  it("draws only the current point of hundreds, and Left/Right still reach every one", async () => {
    let map = bigMap(300);
    const edits: Edit[] = [];
    const view = render(EmotionCurve, {
      map,
      onEdit: async (edit: Edit) => {
        edits.push(edit);
        map = structuredClone(map);
        applyEditTo(map, structuredClone(edit));
        await view.rerender({ map });
      },
    });
    expect(screen.getAllByRole("slider")).toHaveLength(1);
    expect(document.querySelector("path.curve")?.getAttribute("d")?.split("C")).toHaveLength(300);
    const first = screen.getByRole("slider");
    expect(first.getAttribute("aria-label")).toBe("Designed emotion at Touchpoint 0 (Awareness)");
    first.focus();
    await fireEvent.keyDown(first, { key: "ArrowRight" });
    await vi.waitFor(() => expect(document.activeElement?.getAttribute("aria-label")).toBe("Designed emotion at Touchpoint 3 (Awareness)"));
    expect(screen.getAllByRole("slider")).toHaveLength(1);
    await fireEvent.keyDown(document.activeElement!, { key: "ArrowUp" });
    expect(edits[0]).toMatchObject({ item: { touchpoint: { id: "tp-3", designed_emotion: 1.5 } } });
  });
});
