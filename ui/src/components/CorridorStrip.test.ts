import { fireEvent, render, screen, within } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { Edit, JourneyMap } from "../ipc";
import { applyEditTo } from "../lib/apply";
import { fixtureIds, fixtureMap } from "../test/fixtures";
import CorridorStrip from "./CorridorStrip.svelte";

/** The strip over a map that takes every edit, as the board's editor would once saved. */
function harness(options: { fail?: (edit: Edit) => boolean } = {}) {
  let map: JourneyMap = structuredClone(fixtureMap);
  const edits: Edit[] = [];
  const onSelect = vi.fn();
  let ids = 0;
  const view = render(CorridorStrip, {
    map,
    onSelect,
    newId: () => `new-${++ids}`,
    onEdit: async (edit: Edit) => {
      edits.push(structuredClone(edit));
      if (options.fail?.(edit)) throw new Error("the disk is full");
      map = structuredClone(map);
      applyEditTo(map, structuredClone(edit));
      await view.rerender({ map });
    },
  });
  return { edits, onSelect, current: () => map };
}

const chips = () => within(screen.getByRole("list", { name: "Corridor steps" })).getAllByRole("button");
const chipNames = () => chips().map((b) => b.getAttribute("aria-label"));

describe("CorridorStrip, read-only", () => {
  it("leads a step to its card and offers no editing", async () => {
    const onSelect = vi.fn();
    render(CorridorStrip, { map: fixtureMap, onSelect });
    await fireEvent.click(chips()[1]!);
    expect(onSelect).toHaveBeenCalledWith(fixtureIds.page);
    expect(screen.queryByRole("button", { name: /Add step/ })).toBeNull();
    expect(chips()[1]!.getAttribute("aria-pressed")).toBeNull();
  });
});

describe("CorridorStrip, editing", () => {
  it("adds a step at the end for a chosen touchpoint", async () => {
    const { edits, current } = harness();
    await fireEvent.click(screen.getByRole("button", { name: "Add step" }));
    const select = screen.getByRole("combobox", { name: /Step 5 \(at the end\): touchpoint/ });
    await fireEvent.change(select, { target: { value: fixtureIds.call } });
    await fireEvent.click(screen.getByRole("button", { name: "Add to corridor" }));
    expect(edits).toEqual([
      {
        op: "insert",
        index: 4,
        item: { corridor_step: { id: "new-1", touchpoint: fixtureIds.call, optional: false, expected_secs_from_previous: null } },
      },
    ]);
    expect(current().corridor.steps).toHaveLength(5);
    expect(chipNames()[4]).toBe("Step 5: Set-up call");
    // The new step is chosen, ready to edit.
    await vi.waitFor(() => expect(screen.getByRole("group", { name: "Step 5: Set-up call" })).toBeTruthy());
    expect(screen.getByRole("status").textContent).toBe("Set-up call added as step 5.");
    expect(document.activeElement).toBe(chips()[4]);
  });

  it("inserts a step between two steps", async () => {
    const { edits } = harness();
    await fireEvent.click(chips()[1]!);
    await fireEvent.click(screen.getByRole("button", { name: "Insert step after" }));
    await fireEvent.change(screen.getByRole("combobox", { name: /New step 3: touchpoint/ }), {
      target: { value: fixtureIds.call },
    });
    await fireEvent.submit(screen.getByRole("form", { name: "New corridor step" }));
    expect(edits[0]).toMatchObject({ op: "insert", index: 2 });
    expect(chipNames().map((n) => n!.split(",")[0])).toEqual([
      "Step 1: Spring campaign",
      "Step 2: Product page",
      "Step 3: Set-up call",
      "Step 4: Checkout",
      "Step 5: Product page",
    ]);
  });

  it("marks a step optional with the whole step sent", async () => {
    const { edits, current } = harness();
    await fireEvent.click(chips()[2]!);
    const group = screen.getByRole("group", { name: "Step 3: Checkout" });
    await fireEvent.click(within(group).getByRole("checkbox", { name: "Optional step" }));
    expect(edits).toEqual([{ op: "replace", item: { corridor_step: { ...fixtureMap.corridor.steps[2]!, optional: true } } }]);
    expect(current().corridor.steps[2]!.optional).toBe(true);
    expect(chipNames()[2]).toBe("Step 3: Checkout, optional, expected 15 min after the previous step");
  });

  it("sets the expected time in the chosen unit and refuses what is not a duration", async () => {
    const { edits } = harness();
    await fireEvent.click(chips()[2]!);
    const amount = screen.getByRole("textbox", { name: "Expected time after step 2" }) as HTMLInputElement;
    expect(amount.value).toBe("15");
    expect((screen.getByRole("combobox", { name: "Unit of the expected time" }) as HTMLSelectElement).value).toBe("min");

    await fireEvent.input(amount, { target: { value: "soon" } });
    await fireEvent.click(screen.getByRole("button", { name: "Set time" }));
    expect(screen.getByRole("alert").textContent).toContain("“soon” is not a number");
    expect(amount.getAttribute("aria-invalid")).toBe("true");
    expect(edits).toEqual([]);

    await fireEvent.input(amount, { target: { value: "1.5" } });
    await fireEvent.change(screen.getByRole("combobox", { name: "Unit of the expected time" }), { target: { value: "h" } });
    await fireEvent.click(screen.getByRole("button", { name: "Set time" }));
    expect(edits).toEqual([
      { op: "replace", item: { corridor_step: { ...fixtureMap.corridor.steps[2]!, expected_secs_from_previous: 5_400 } } },
    ]);
    expect(chipNames()[2]).toBe("Step 3: Checkout, expected 1 h 30 min after the previous step");
    expect(screen.queryByRole("alert")).toBeNull();

    await fireEvent.input(amount, { target: { value: "" } });
    await fireEvent.click(screen.getByRole("button", { name: "Set time" }));
    expect(edits[1]).toMatchObject({ item: { corridor_step: { expected_secs_from_previous: null } } });
  });

  it("has no expected time for the first step", async () => {
    harness();
    await fireEvent.click(chips()[0]!);
    expect(screen.queryByRole("textbox", { name: /Expected time/ })).toBeNull();
    expect(screen.getByText(/The first step has no expected time/)).toBeTruthy();
  });

  it("moves a step with Alt+Arrow keys and keeps the focus on it", async () => {
    const { edits } = harness();
    const first = fixtureMap.corridor.steps[0]!;
    chips()[0]!.focus();
    await fireEvent.keyDown(chips()[0]!, { key: "ArrowRight", altKey: true });
    expect(edits).toEqual([{ op: "move", kind: "corridor_step", id: first.id, to: 1 }]);
    expect(chipNames()[1]).toBe("Step 2: Spring campaign, optional");
    await vi.waitFor(() => expect(document.activeElement).toBe(chips()[1]));
    await fireEvent.keyDown(chips()[1]!, { key: "End", altKey: true });
    expect(edits[1]).toEqual({ op: "move", kind: "corridor_step", id: first.id, to: 3 });
    // At the end already: nothing to send.
    await fireEvent.keyDown(chips()[3]!, { key: "ArrowDown", altKey: true });
    expect(edits).toHaveLength(2);
    // A plain arrow is not a move.
    await fireEvent.keyDown(chips()[3]!, { key: "ArrowLeft" });
    expect(edits).toHaveLength(2);
  });

  it("moves a step by dragging it past others", async () => {
    const { edits } = harness();
    // Lay the chips out 100 px apart (happy-dom has no layout).
    const items = screen.getByRole("list", { name: "Corridor steps" }).querySelectorAll<HTMLElement>("[data-step-id]");
    items.forEach((item, i) => {
      item.getBoundingClientRect = () => ({ left: i * 100, width: 80, top: 0, height: 30, right: i * 100 + 80, bottom: 30, x: i * 100, y: 0, toJSON() {} }) as DOMRect;
    });
    const chip = chips()[0]!;
    await fireEvent.pointerDown(chip, { button: 0, clientX: 40, pointerId: 1 });
    await fireEvent.pointerMove(chip, { clientX: 260, pointerId: 1 });
    expect(items[3]!.classList.contains("drop-before")).toBe(true);
    await fireEvent.pointerUp(chip, { clientX: 260, pointerId: 1 });
    await fireEvent.click(chip);
    expect(edits).toEqual([{ op: "move", kind: "corridor_step", id: fixtureMap.corridor.steps[0]!.id, to: 2 }]);
    // The click that ends a drag does not open the editor.
    expect(screen.queryByRole("group")).toBeNull();
  });

  it("removes a step from its editor or with Delete", async () => {
    const { edits } = harness();
    await fireEvent.click(chips()[3]!);
    await fireEvent.click(screen.getByRole("button", { name: "Remove step" }));
    expect(edits).toEqual([{ op: "remove", kind: "corridor_step", id: fixtureMap.corridor.steps[3]!.id }]);
    expect(chips()).toHaveLength(3);
    expect(screen.queryByRole("group")).toBeNull();
    await fireEvent.keyDown(chips()[0]!, { key: "Delete" });
    expect(edits[1]).toEqual({ op: "remove", kind: "corridor_step", id: fixtureMap.corridor.steps[0]!.id });
    // The first step has nothing before it: its expected time is not shown.
    expect(chipNames()[0]).toBe("Step 1: Product page");
  });

  it("shows a failed edit and leaves the step as it was", async () => {
    const { current } = harness({ fail: () => true });
    await fireEvent.click(chips()[1]!);
    const box = screen.getByRole("checkbox", { name: "Optional step" }) as HTMLInputElement;
    await fireEvent.click(box);
    expect(screen.getByRole("alert").textContent).toContain("Marking step 2 optional failed: the disk is full");
    expect(box.checked).toBe(false);
    expect(current().corridor.steps[1]!.optional).toBe(false);
  });

  it("leaves the message to the sender when it answers false", async () => {
    render(CorridorStrip, { map: fixtureMap, onSelect: () => {}, onEdit: async () => false });
    await fireEvent.click(chips()[1]!);
    const box = screen.getByRole("checkbox", { name: "Optional step" }) as HTMLInputElement;
    await fireEvent.click(box);
    await vi.waitFor(() => expect(box.checked).toBe(false));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("names every control", async () => {
    harness();
    await fireEvent.click(chips()[1]!);
    await fireEvent.click(screen.getByRole("button", { name: "Insert step before" }));
    for (const el of document.querySelectorAll("button, input, select")) {
      const name =
        el.getAttribute("aria-label") ??
        (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ??
        el.closest("label")?.textContent ??
        el.textContent;
      expect(name?.trim(), el.outerHTML).toBeTruthy();
    }
  });
});
