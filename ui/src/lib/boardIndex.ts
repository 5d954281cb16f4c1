// The board's columns kept up to date by the edits themselves. `boardColumns` groups every card
// of the map by stage and lane; on a map of 10,000 cards doing that after every edit (and giving
// every stage column a new object, so that every column redraws) costs more than a frame. The
// index keeps the columns and, when it is told which edit led from the map it holds to the new
// one, rebuilds only the cells (stage × lane) that edit touched: every other column keeps its
// object, and every other cell its array, so the views drawn from them are left alone.
//
// A cell the edit touched is rebuilt by one pass over its collection (the order of a cell is the
// order of its cards in the map's list, which a `move` changes). Edits of stages, or of cards
// whose stage is not on the map (the catch-all column), rebuild everything, as does any map
// reached without a known edit (an undo, a reload, another window's change).

import type { Edit, JourneyMap, LaneCard, Touchpoint } from "../ipc";
import { unpackItem } from "./apply";
import { boardColumns, type BoardColumn } from "./board";

type Source = Pick<JourneyMap, "stages" | "touchpoints" | "lane_cards">;

/** An accepted edit and the maps before and after it (see `MapEditor.lastChange`). */
export interface MapChange {
  before: unknown;
  after: unknown;
  edit: Edit;
}

/** More cells than this touched by one edit: rebuilding all is as cheap. */
const MAX_CELLS = 8;

export class BoardIndex {
  private source: Source | null = null;
  private columns: BoardColumn[] = [];
  /** Where each card is: a touchpoint's stage, a lane card's stage and lane. */
  private touchpointStage = new Map<string, string>();
  private cardPlace = new Map<string, { stage: string; lane: string }>();
  /** How many times the whole board was regrouped (for tests). */
  rebuilds = 0;

  /**
   * The columns of `map`. When `change` is the edit that turned the map this index holds into
   * `map`, only the cells it touched are rebuilt; otherwise everything is.
   */
  columnsOf(map: Source, change?: MapChange | null): BoardColumn[] {
    if (map === this.source) return this.columns;
    const incremental =
      this.source !== null && change != null && change.before === this.source && change.after === map
        ? this.apply(map, change.edit)
        : null;
    if (incremental) this.columns = incremental;
    else this.rebuild(map);
    this.source = map;
    return this.columns;
  }

  private rebuild(map: Source) {
    this.rebuilds += 1;
    this.columns = boardColumns(map);
    this.touchpointStage = new Map(map.touchpoints.map((t) => [t.id, t.stage]));
    this.cardPlace = new Map(map.lane_cards.map((c) => [c.id, { stage: c.stage, lane: c.lane }]));
  }

  /** The new columns after `edit`, or null when it calls for a rebuild. */
  private apply(map: Source, edit: Edit): BoardColumn[] | null {
    const stages = new Set(this.columns.filter((c) => !c.unplaced).map((c) => c.id));
    const touchpointCells = new Set<string>();
    const cardCells = new Map<string, { stage: string; lane: string }>();
    // Where cards go, noted as the edit goes (a batch may insert a card, then move it).
    const tpStage = new Map<string, string | null>();
    const cardAt = new Map<string, { stage: string; lane: string } | null>();
    const stageOf = (id: string) => (tpStage.has(id) ? tpStage.get(id) : this.touchpointStage.get(id));
    const placeOf = (id: string) => (cardAt.has(id) ? cardAt.get(id) : this.cardPlace.get(id));
    const touch = (stage: string | null | undefined) => {
      if (stage == null || !stages.has(stage)) return false;
      touchpointCells.add(stage);
      return true;
    };
    const touchCard = (place: { stage: string; lane: string } | null | undefined) => {
      if (!place) return false;
      // A lane card whose stage is gone is on no column: nothing to redraw.
      if (stages.has(place.stage)) cardCells.set(`${place.stage}|${place.lane}`, place);
      return true;
    };

    const visit = (e: Edit): boolean => {
      switch (e.op) {
        case "batch":
          return e.edits.every((inner) => visit(inner as Edit));
        case "insert":
        case "replace": {
          const [kind, entity] = unpackItem(e.item);
          if (kind === "stage") return false;
          if (kind === "touchpoint") {
            const t = entity as Touchpoint;
            if (e.op === "replace" && !touch(stageOf(t.id))) return false;
            tpStage.set(t.id, t.stage);
            return touch(t.stage);
          }
          if (kind === "lane_card") {
            const c = entity as LaneCard;
            if (e.op === "replace" && !touchCard(placeOf(c.id))) return false;
            const place = { stage: c.stage, lane: c.lane };
            cardAt.set(c.id, place);
            return touchCard(place);
          }
          return true;
        }
        case "remove":
        case "move": {
          if (e.kind === "stage") return false;
          if (e.kind === "touchpoint") {
            const ok = touch(stageOf(e.id));
            if (e.op === "remove") tpStage.set(e.id, null);
            return ok;
          }
          if (e.kind === "lane_card") {
            const ok = touchCard(placeOf(e.id));
            if (e.op === "remove") cardAt.set(e.id, null);
            return ok;
          }
          return true;
        }
        default:
          // The map's title, description, persona, scale, story: no card moves.
          return true;
      }
    };
    if (!visit(edit)) return null;
    if (touchpointCells.size + cardCells.size > MAX_CELLS) return null;
    if (touchpointCells.size === 0 && cardCells.size === 0) return this.columns;

    for (const [id, stage] of tpStage) {
      if (stage === null) this.touchpointStage.delete(id);
      else this.touchpointStage.set(id, stage);
    }
    for (const [id, place] of cardAt) {
      if (place === null) this.cardPlace.delete(id);
      else this.cardPlace.set(id, place);
    }

    const changed = new Map<string, BoardColumn>();
    const columnOf = (id: string) => changed.get(id) ?? this.columns.find((c) => c.id === id)!;
    for (const stage of touchpointCells) {
      const touchpoints = map.touchpoints.filter((t) => t.stage === stage);
      changed.set(stage, { ...columnOf(stage), touchpoints });
    }
    for (const { stage, lane } of cardCells.values()) {
      const list = map.lane_cards.filter((c) => c.stage === stage && c.lane === lane);
      const column = columnOf(stage);
      const cards = new Map(column.cards);
      if (list.length > 0) cards.set(lane, list);
      else cards.delete(lane);
      changed.set(stage, { ...column, cards });
    }
    return this.columns.map((c) => changed.get(c.id) ?? c);
  }
}

/** True when `a` and `b` hold the same items in the same order (items are replaced, never changed). */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * `compute(list)`, recomputed only when the list's items change: a derived value over one of the
 * map's lists that an unrelated edit (which gives every list a fresh array) leaves as it was.
 */
export function memoOnItems<T, R>(compute: (list: readonly T[]) => R): (list: readonly T[]) => R {
  let last: readonly T[] | null = null;
  let value: R;
  return (list) => {
    if (last === null || !sameItems(last, list)) {
      value = compute(list);
      last = list;
    }
    return value;
  };
}
