import { describe, expect, it } from "vitest";
import type { Edit, JourneyMap } from "../ipc";
import { fixtureMap } from "../test/fixtures";
import { applyEditTo } from "./apply";
import { boardColumns } from "./board";
import {
  addLaneCard,
  addTouchpoint,
  duplicateTouchpoint,
  laneDropEdit,
  laneShiftEdit,
  neighbourPlace,
  placeEdit,
  shiftEdit,
} from "./boardEdits";

const fresh = (): JourneyMap => structuredClone(fixtureMap);
const titlesIn = (map: JourneyMap, stageName: string) =>
  boardColumns(map)
    .find((c) => c.name === stageName)!
    .touchpoints.map((t) => t.title);
const stageId = (map: JourneyMap, name: string) => map.stages.find((s) => s.name === name)!.id;
const tpId = (map: JourneyMap, title: string) => map.touchpoints.find((t) => t.title === title)!.id;

describe("board edits", () => {
  it("adds a touchpoint at the end of its stage, with every field set", () => {
    const map = fresh();
    const { edit, id } = addTouchpoint(map, stageId(map, "Purchase"), "Gift wrap");
    applyEditTo(map, edit);
    expect(titlesIn(map, "Purchase").at(-1)).toBe("Gift wrap");
    const made = map.touchpoints.find((t) => t.id === id)!;
    expect(Object.keys(made).sort()).toEqual(Object.keys(fixtureMap.touchpoints[0]!).sort());
  });

  it("reorders within a stage: before a card, and to the end", () => {
    const map = fresh();
    const purchase = stageId(map, "Purchase");
    const [a, b] = titlesIn(map, "Purchase");
    const edit = placeEdit(map, "touchpoint", tpId(map, b!), { stage: purchase, before: tpId(map, a!) });
    expect(edit?.op).toBe("move");
    applyEditTo(map, edit!);
    expect(titlesIn(map, "Purchase")).toEqual([b, a]);
    applyEditTo(map, placeEdit(map, "touchpoint", tpId(map, b!), { stage: purchase, before: null })!);
    expect(titlesIn(map, "Purchase")).toEqual([a, b]);
    // Already there: nothing to do.
    expect(placeEdit(map, "touchpoint", tpId(map, b!), { stage: purchase, before: null })).toBeNull();
  });

  it("moves to another stage in one batch (stage and position), undone by one inverse", () => {
    const map = fresh();
    const before = structuredClone(map);
    const title = titlesIn(map, "Purchase")[1]!;
    const use = stageId(map, "Use");
    const first = titlesIn(map, "Use")[0]!;
    const edit = placeEdit(map, "touchpoint", tpId(map, title), { stage: use, before: tpId(map, first) })!;
    expect(["batch", "replace"]).toContain(edit.op);
    const inverse = applyEditTo(map, edit);
    expect(titlesIn(map, "Use").slice(0, 2)).toEqual([title, first]);
    applyEditTo(map, inverse);
    expect(map).toEqual(before);
  });

  it("Alt+arrow places: up, down, to the neighbouring stage, none past an edge", () => {
    const map = fresh();
    const [a, b] = titlesIn(map, "Purchase");
    expect(neighbourPlace(map, "touchpoint", tpId(map, a!), "up")).toBeNull();
    const down = neighbourPlace(map, "touchpoint", tpId(map, a!), "down")!;
    applyEditTo(map, placeEdit(map, "touchpoint", tpId(map, a!), down)!);
    expect(titlesIn(map, "Purchase")).toEqual([b, a]);
    const right = neighbourPlace(map, "touchpoint", tpId(map, a!), "right")!;
    expect(right.stage).toBe(stageId(map, "Use"));
    const last = map.stages.at(-1)!;
    const inLast = map.touchpoints.find((t) => t.stage === last.id)!;
    expect(neighbourPlace(map, "touchpoint", inLast.id, "right")).toBeNull();
  });

  it("moves a lane card to another lane and stage", () => {
    const map = fresh();
    const card = map.lane_cards[0]!;
    const lane = map.lanes.find((l) => l.kind !== "touchpoints" && l.id !== card.lane)!;
    const stage = map.stages.find((s) => s.id !== card.stage)!;
    applyEditTo(map, placeEdit(map, "lane_card", card.id, { stage: stage.id, lane: lane.id, before: null })!);
    const moved = map.lane_cards.find((c) => c.id === card.id)!;
    expect([moved.stage, moved.lane]).toEqual([stage.id, lane.id]);
  });

  it("duplicates right after the original; adds lane cards at the end of their cell", () => {
    const map = fresh();
    const original = map.touchpoints[1]!;
    const { edit, id } = duplicateTouchpoint(map, original.id)!;
    applyEditTo(map, edit);
    expect(map.touchpoints[2]).toEqual({ ...original, id, title: `${original.title} (copy)` });
    const lane = map.lanes.find((l) => l.kind === "pain_points")!;
    const made = addLaneCard(map, lane.id, original.stage, "Too slow");
    applyEditTo(map, made.edit);
    const cell = map.lane_cards.filter((c) => c.lane === lane.id && c.stage === original.stage);
    expect(cell.at(-1)?.text).toBe("Too slow");
  });

  it("shifts stages and lanes by one, and not past the ends", () => {
    const map = fresh();
    expect(shiftEdit(map.stages, "stage", map.stages[0]!.id, -1)).toBeNull();
    const edit = shiftEdit(map.stages, "stage", map.stages[0]!.id, 1)!;
    const names = map.stages.map((s) => s.name);
    applyEditTo(map, edit);
    expect(map.stages.map((s) => s.name)).toEqual([names[1], names[0], ...names.slice(2)]);
  });
});

describe("lane moves on the board", () => {
  const lanes = [{ id: "a" }, { id: "hidden" }, { id: "b" }, { id: "c" }];
  const rows = [{ key: "a" }, { key: "b" }, { key: "c" }];
  const moved = (edit: Edit | null) => {
    if (!edit || edit.op !== "move") return null;
    const list = lanes.map((l) => l.id).filter((x) => x !== edit.id);
    list.splice(edit.to, 0, edit.id);
    return list;
  };

  it("moves past the neighbouring row, skipping hidden lanes", () => {
    expect(moved(laneShiftEdit(lanes, rows, "b", -1))).toEqual(["b", "a", "hidden", "c"]);
    expect(moved(laneShiftEdit(lanes, rows, "a", 1))).toEqual(["hidden", "b", "a", "c"]);
    expect(moved(laneShiftEdit(lanes, rows, "c", -1))).toEqual(["a", "hidden", "c", "b"]);
    expect(laneShiftEdit(lanes, rows, "a", -1)).toBeNull();
    expect(laneShiftEdit(lanes, rows, "c", 1)).toBeNull();
  });

  it("a dropped lane takes the target's place", () => {
    expect(moved(laneDropEdit(lanes, "a", "c"))).toEqual(["hidden", "b", "c", "a"]);
    expect(moved(laneDropEdit(lanes, "c", "a"))).toEqual(["c", "a", "hidden", "b"]);
    expect(laneDropEdit(lanes, "a", "a")).toBeNull();
    expect(laneDropEdit(lanes, "touchpoints", "a")).toBeNull();
  });
});

describe("moving cards with the keys on a crowded map", () => {
  it("swaps a card with its neighbour in the cell, whatever lies between them in the map's lists", () => {
    const map = fresh();
    let seed = 11;
    const pick = (n: number) => ((seed = (seed * 16807) % 2147483647) % n);
    // Cards added to random stages, so that each stage's cards are spread through the list.
    for (let i = 0; i < 60; i++) applyEditTo(map, addTouchpoint(map, map.stages[pick(map.stages.length)]!.id, `Extra ${i}`).edit);
    for (let round = 0; round < 200; round++) {
      const t = map.touchpoints[pick(map.touchpoints.length)]!;
      const direction = pick(2) === 0 ? "up" : "down";
      const column = boardColumns(map).find((c) => c.id === t.stage)!;
      const cell = column.touchpoints.map((x) => x.id);
      const at = cell.indexOf(t.id);
      const other = direction === "up" ? at - 1 : at + 1;
      const place = neighbourPlace(map, "touchpoint", t.id, direction);
      if (other < 0 || other >= cell.length) {
        expect(place).toBeNull();
        continue;
      }
      applyEditTo(map, placeEdit(map, "touchpoint", t.id, place!)!);
      const expected = [...cell];
      [expected[at], expected[other]] = [expected[other]!, expected[at]!];
      expect(boardColumns(map).find((c) => c.id === t.stage)!.touchpoints.map((x) => x.id)).toEqual(expected);
    }
  });
});

