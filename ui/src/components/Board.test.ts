import { fireEvent, render, screen, within } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import { MapEditor } from "../lib/editor.svelte";
import { fakeBackend } from "../test/editorBackend";
import { HOSTILE_TITLE, fixtureIds, fixtureMap } from "../test/fixtures";
import Board from "./Board.svelte";

describe("Board", () => {
  it("shows the stages as columns with their touchpoint counts", () => {
    render(Board, { map: fixtureMap });
    const stages = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(stages).toEqual(["Corridor", "Emotion curve", "Awareness", "Purchase", "Use"]);
    const purchase = screen.getByRole("region", { name: "Purchase" });
    expect(within(purchase).getByText("2 touchpoints")).toBeTruthy();
  });

  it("shows each touchpoint as a card in its stage, with its facts", () => {
    render(Board, { map: fixtureMap });
    const purchase = screen.getByRole("region", { name: "Purchase" });
    const cards = within(purchase).getAllByRole("article");
    expect(cards.map((c) => c.getAttribute("aria-label"))).toEqual(["Product page", "Checkout"]);

    const page = screen.getByRole("article", { name: "Product page" });
    expect(within(page).getByText("Steps 2, 4")).toBeTruthy();
    expect(within(page).getByText("Moment of truth")).toBeTruthy();
    expect(within(page).getByText("E-commerce")).toBeTruthy();
    expect(page.textContent).toContain("4.5");
    expect(within(page).getByRole("list", { name: "Friction" }).textContent).toContain("Lack of trust");

    const call = screen.getByRole("article", { name: "Set-up call" });
    expect(within(call).getByText("video call")).toBeTruthy();
    expect(within(call).getByText("Onboarding")).toBeTruthy();
    expect(within(call).queryByText(/^Steps? /)).toBeNull();
  });

  it("renders a title full of markup as text", () => {
    const { container } = render(Board, { map: fixtureMap });
    const card = screen.getByRole("article", { name: HOSTILE_TITLE });
    expect(within(card).getByRole("heading", { level: 3 }).textContent).toBe(HOSTILE_TITLE);
    expect(container.querySelector("img")).toBeNull();
    expect(document.getElementById(`tp-${fixtureIds.hostile}`)).toBe(card);
  });

  it("lists the corridor in order, marking optional steps and expected times", () => {
    render(Board, { map: fixtureMap });
    const corridor = screen.getByRole("region", { name: "Corridor" });
    const steps = within(corridor).getAllByRole("button");
    expect(steps.map((b) => b.getAttribute("aria-label"))).toEqual([
      "Step 1: Spring campaign, optional",
      "Step 2: Product page, expected 2 d after the previous step",
      "Step 3: Checkout, expected 15 min after the previous step",
      "Step 4: Product page, expected 1 h after the previous step",
    ]);
    expect(steps[0]?.textContent).toContain("optional");
    expect(corridor.textContent).toContain("2 d");
  });

  it("shows lane cards in their lanes and leaves hidden lanes out", () => {
    render(Board, { map: fixtureMap });
    expect(screen.getByRole("list", { name: "Pain points in Purchase" }).textContent).toContain(
      "Unsure about the size",
    );
    expect(screen.queryByText("Stock sync job")).toBeNull();
  });

  it("says so when the map has no stages", () => {
    render(Board, { map: { ...fixtureMap, stages: [], touchpoints: [], lane_cards: [] } });
    expect(screen.getByText("This map has no stages yet.")).toBeTruthy();
  });
});

describe("Board, editing", () => {
  async function editable() {
    const fake = fakeBackend();
    const editor = new MapEditor(fixtureMap.id, fake.backend);
    await editor.open();
    const view = render(Board, { map: editor.map!, editor });
    // The board follows the editor's map as MapScreen passes it.
    const follow = async () => {
      await view.rerender({ map: editor.map!, editor });
    };
    return { fake, editor, follow };
  }

  it("names its controls, and Undo and Redo are off until there is something to do", async () => {
    await editable();
    expect((screen.getByRole("button", { name: "Undo" }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole("button", { name: "Redo" }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole("button", { name: "Add stage" })).toBeTruthy();
    expect(screen.getAllByRole("button", { name: "Add touchpoint" }).length).toBe(fixtureMap.stages.length);
  });

  it("quick capture adds a touchpoint per Enter and keeps the field for the next", async () => {
    const { editor, fake, follow } = await editable();
    const purchase = screen.getByRole("region", { name: "Purchase" });
    await fireEvent.click(within(purchase).getByRole("button", { name: "Add touchpoint" }));
    const input = within(purchase).getByRole("textbox", { name: "New touchpoint title in Purchase" }) as HTMLInputElement;
    await fireEvent.input(input, { target: { value: "Gift wrap" } });
    await fireEvent.keyDown(input, { key: "Enter" });
    await vi.waitFor(() => expect(editor.revision).toBe(6));
    await follow();
    expect(within(purchase).getByRole("article", { name: "Gift wrap" })).toBeTruthy();
    expect(input.value).toBe("");
    expect(fake.map.touchpoints.some((t) => t.title === "Gift wrap")).toBe(true);
    expect((screen.getByRole("button", { name: "Undo" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("Delete on a focused card removes it; Enter opens the panel with its fields", async () => {
    const { editor, fake, follow } = await editable();
    const card = screen.getByRole("article", { name: "Checkout" });
    await fireEvent.keyDown(card, { key: "Enter" });
    const panel = screen.getByRole("complementary", { name: "Touchpoint" });
    expect((within(panel).getByRole("textbox", { name: "Title" }) as HTMLInputElement).value).toBe("Checkout");
    await fireEvent.keyDown(card, { key: "Delete" });
    await vi.waitFor(() => expect(editor.revision).toBe(6));
    await follow();
    expect(screen.queryByRole("article", { name: "Checkout" })).toBeNull();
    expect(fake.map.touchpoints.some((t) => t.title === "Checkout")).toBe(false);
  });
});

describe("Board, big maps", () => {
  it("mounts only some cards of a big map, each list telling its full size", async () => {
    const stage = fixtureMap.stages[0]!;
    const touchpoints = Array.from({ length: 700 }, (_, i) => ({
      ...fixtureMap.touchpoints[0]!,
      id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      title: `Generated ${i}`,
      stage: stage.id,
    }));
    render(Board, { map: { ...fixtureMap, touchpoints, corridor: { steps: [] } } });
    const list = screen.getByRole("list", { name: `Touchpoints in ${stage.name}` });
    // The lists measure the view together once the board is in the DOM (a microtask later).
    const items = await within(list).findAllByRole("listitem");
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThan(50);
    expect(items[0]?.getAttribute("aria-setsize")).toBe("700");
    expect(items[0]?.getAttribute("aria-posinset")).toBe("1");
    // The list keeps the height of every card (none measured here: each at the estimate of
    // 180 px with its gap), so the board scrolls as if all were there.
    expect(list.style.height).toBe(`${700 * 180}px`);
  });
});
