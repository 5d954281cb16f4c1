import { describe, expect, it } from "vitest";
import { fixtureIds, fixtureMap } from "../test/fixtures";
import { boardColumns, boardRows } from "./board";
import { findCards, fold, stepMatch } from "./boardFind";

const find = (map: typeof fixtureMap, q: string) => findCards(boardColumns(map), boardRows(map), q);

describe("findCards", () => {
  it("finds titles and card texts in reading order, case and accents ignored", () => {
    const map = {
      ...fixtureMap,
      touchpoints: fixtureMap.touchpoints.map((t) => (t.id === fixtureIds.checkout ? { ...t, title: "Café checkout" } : t)),
    };
    // Stage by stage; in a stage row by row (customer actions come before the touchpoints).
    expect(find(map, "I").map((m) => m.label)).toEqual([
      "Scrolls for ideas",
      "Spring campaign",
      "Unsure about the size",
      "<img src=x onerror=alert(1)>",
    ]);
    expect(find(map, "cafe").map((m) => [m.label, m.kind, m.where])).toEqual([["Café checkout", "touchpoint", "Purchase"]]);
    expect(find(map, "  SIZE ").map((m) => [m.dom, m.where])).toEqual([
      ["lc-00000000-0000-4000-8000-000000000042", "Purchase · Pain points"],
    ]);
  });

  it("finds notes, says so, and leaves hidden lanes and an empty query out", () => {
    const map = {
      ...fixtureMap,
      touchpoints: fixtureMap.touchpoints.map((t) => (t.id === fixtureIds.ad ? { ...t, notes: "Runs on the radio too" } : t)),
    };
    expect(find(map, "radio")).toMatchObject([{ id: fixtureIds.ad, inNotes: true }]);
    expect(find(map, "Stock sync")).toEqual([]);
    expect(find(map, "   ")).toEqual([]);
    // Markup is text: it is found as the characters it is.
    expect(find(map, "<img")).toHaveLength(1);
  });

  it("folds accents and case", () => {
    expect(fold("Ünïcode CAFÉ")).toBe("unicode cafe");
  });
});

describe("stepMatch", () => {
  it("steps forward and back, wrapping, from no match chosen yet", () => {
    expect(stepMatch(-1, 1, 3)).toBe(0);
    expect(stepMatch(-1, -1, 3)).toBe(2);
    expect(stepMatch(2, 1, 3)).toBe(0);
    expect(stepMatch(0, -1, 3)).toBe(2);
    expect(stepMatch(0, 1, 0)).toBe(-1);
  });
});
