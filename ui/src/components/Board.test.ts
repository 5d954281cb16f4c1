import { render, screen, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
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
