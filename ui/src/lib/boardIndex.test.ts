import { describe, expect, it } from "vitest";
import type { Edit, JourneyMap, LaneCard, Touchpoint } from "../ipc";
import { fixtureIds, fixtureMap } from "../test/fixtures";
import { applyEditTo } from "./apply";
import { boardColumns } from "./board";
import { placeEdit } from "./boardEdits";
import { BoardIndex, memoOnItems, sameItems } from "./boardIndex";
import { freshLists } from "./editor.svelte";

/** Applies `edit` as the editor does (fresh lists, shared items) and returns the change. */
function step(map: JourneyMap, edit: Edit) {
  const after = freshLists(map);
  applyEditTo(after, structuredClone(edit));
  return { before: map, after, edit };
}

/** A small deterministic generator (the test must fail the same way every time). */
function random(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s % n;
  };
}

const plain = (columns: ReturnType<typeof boardColumns>) =>
  columns.map((c) => ({
    id: c.id,
    name: c.name,
    touchpoints: c.touchpoints.map((t) => t.id),
    cards: [...c.cards].filter(([, l]) => l.length > 0).map(([lane, l]) => [lane, l.map((x) => x.id)]).sort(),
  }));

describe("BoardIndex", () => {
  it("gives the same columns as grouping the whole map, edit after edit, rebuilding nothing", () => {
    const pick = random(7);
    const index = new BoardIndex();
    let map = structuredClone(fixtureMap);
    index.columnsOf(map);
    const laneIds = [fixtureIds.laneActions, fixtureIds.lanePains];
    let made = 0;
    for (let i = 0; i < 300; i++) {
      const stages = map.stages.map((s) => s.id);
      const r = pick(7);
      let edit: Edit | null = null;
      if (r === 0 || map.touchpoints.length < 2) {
        const t: Touchpoint = { ...fixtureMap.touchpoints[0]!, id: `new-tp-${made++}`, stage: stages[pick(stages.length)]! };
        edit = { op: "insert", index: pick(map.touchpoints.length + 1), item: { touchpoint: t } };
      } else if (r === 1 || map.lane_cards.length < 2) {
        const c: LaneCard = { ...fixtureMap.lane_cards[0]!, id: `new-lc-${made++}`, stage: stages[pick(stages.length)]!, lane: laneIds[pick(2)]! };
        edit = { op: "insert", index: pick(map.lane_cards.length + 1), item: { lane_card: c } };
      } else if (r === 2) {
        const t = map.touchpoints[pick(map.touchpoints.length)]!;
        edit = placeEdit(map, "touchpoint", t.id, { stage: stages[pick(stages.length)]!, before: null });
      } else if (r === 3) {
        const c = map.lane_cards[pick(map.lane_cards.length)]!;
        edit = placeEdit(map, "lane_card", c.id, { stage: stages[pick(stages.length)]!, lane: laneIds[pick(2)]!, before: null });
      } else if (r === 4) {
        const t = map.touchpoints[pick(map.touchpoints.length)]!;
        edit = { op: "move", kind: "touchpoint", id: t.id, to: pick(map.touchpoints.length) };
      } else if (r === 5) {
        const c = map.lane_cards[pick(map.lane_cards.length)]!;
        edit = pick(2) ? { op: "remove", kind: "lane_card", id: c.id } : { op: "replace", item: { lane_card: { ...c, text: `x${i}` } } };
      } else {
        const t = map.touchpoints[pick(map.touchpoints.length)]!;
        edit = {
          op: "batch",
          edits: [
            { op: "replace", item: { touchpoint: { ...t, title: `t${i}` } } },
            { op: "set_title", title: `Map ${i}` },
          ],
        };
      }
      if (!edit) continue;
      const change = step(map, edit);
      const before = index.columnsOf(map);
      const after = index.columnsOf(change.after, change);
      map = change.after;
      expect(plain(after)).toEqual(plain(boardColumns(map)));
      // Items are the map's own (a card drawn from the index is the one in the map).
      for (const c of after) for (const t of c.touchpoints) expect(map.touchpoints).toContain(t);
      // A column the edit did not touch is the same object.
      const touched = after.filter((c, k) => c !== before[k]);
      expect(touched.length).toBeLessThanOrEqual(2);
    }
    expect(index.rebuilds).toBe(1);
  });

  it("keeps every column when the edit moves no card", () => {
    const index = new BoardIndex();
    const before = index.columnsOf(fixtureMap);
    const change = step(fixtureMap, { op: "set_title", title: "Another" });
    const after = index.columnsOf(change.after, change);
    expect(after).toBe(before);
  });

  it("rebuilds for a stage edit, and for a map reached without a known edit", () => {
    const index = new BoardIndex();
    index.columnsOf(fixtureMap);
    const stage = fixtureMap.stages[0]!;
    const renamed = step(fixtureMap, { op: "replace", item: { stage: { ...stage, name: "Renamed" } } });
    expect(index.columnsOf(renamed.after, renamed)[0]!.name).toBe("Renamed");
    expect(index.rebuilds).toBe(2);
    const reloaded = structuredClone(renamed.after);
    // The change on record led to another map: it is not used.
    expect(plain(index.columnsOf(reloaded, renamed))).toEqual(plain(boardColumns(reloaded)));
    expect(index.rebuilds).toBe(3);
  });

  it("rebuilds when a touchpoint goes to or comes from a stage the map does not have", () => {
    const index = new BoardIndex();
    index.columnsOf(fixtureMap);
    const t = fixtureMap.touchpoints[0]!;
    const lost = step(fixtureMap, { op: "replace", item: { touchpoint: { ...t, stage: "gone" } } });
    const columns = index.columnsOf(lost.after, lost);
    expect(columns.at(-1)?.unplaced).toBe(true);
    expect(columns.at(-1)?.touchpoints.map((x) => x.id)).toEqual([t.id]);
    expect(index.rebuilds).toBe(2);
  });
});

describe("memoOnItems", () => {
  it("computes again only when the items change", () => {
    let runs = 0;
    const f = memoOnItems((xs: readonly number[]) => (runs += 1, xs.length));
    const a = [1, 2, 3];
    f(a);
    f([...a]);
    expect(runs).toBe(1);
    f([1, 2, 4]);
    expect(runs).toBe(2);
    expect(sameItems([1], [1, 2])).toBe(false);
  });
});
