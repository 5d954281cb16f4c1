// How a map is laid out on the board: stages as columns, lanes as rows.

import type { JourneyMap, Lane, LaneCard, Stage, Touchpoint } from "../ipc";

/** A column of the board: a stage, or the catch-all for touchpoints whose stage is gone. */
export interface BoardColumn {
  id: string;
  name: string;
  description: string;
  touchpoints: Touchpoint[];
  /** Lane cards of this column, by lane id, in board order. */
  cards: Map<string, LaneCard[]>;
  /** True for the catch-all column, which is not a stage of the map. */
  unplaced: boolean;
}

export type BoardRow =
  | { kind: "touchpoints"; key: string; title: string }
  | { kind: "lane"; key: string; title: string; lane: Lane };

export const UNPLACED_COLUMN_ID = "unplaced";

/** Above this many cards the board mounts only the cards near the view. */
export const WINDOW_CARDS = 600;

/**
 * The rows of the board, in lane order, without hidden lanes. The touchpoints row is always
 * there: where the map's touchpoints lane sits, or first when the map has none.
 */
export function boardRows(map: Pick<JourneyMap, "lanes">): BoardRow[] {
  const rows: BoardRow[] = [];
  let touchpointsPlaced = false;
  for (const lane of map.lanes) {
    if (lane.kind === "touchpoints") {
      if (touchpointsPlaced) continue;
      touchpointsPlaced = true;
      rows.push({ kind: "touchpoints", key: lane.id, title: lane.title || "Touchpoints" });
    } else if (!lane.hidden) {
      rows.push({ kind: "lane", key: lane.id, title: lane.title, lane });
    }
  }
  if (!touchpointsPlaced) rows.unshift({ kind: "touchpoints", key: "touchpoints", title: "Touchpoints" });
  return rows;
}

/** The board's columns: the map's stages in order, each with its touchpoints and lane cards. */
export function boardColumns(
  map: Pick<JourneyMap, "stages" | "touchpoints" | "lane_cards">,
): BoardColumn[] {
  const column = (stage: Stage, unplaced: boolean): BoardColumn => ({
    id: stage.id,
    name: stage.name,
    description: stage.description,
    touchpoints: [],
    cards: new Map(),
    unplaced,
  });
  const columns = map.stages.map((s) => column(s, false));
  const byId = new Map(columns.map((c) => [c.id, c] as const));
  let unplaced: BoardColumn | undefined;
  for (const touchpoint of map.touchpoints) {
    let target = byId.get(touchpoint.stage);
    if (!target) {
      unplaced ??= column(
        { id: UNPLACED_COLUMN_ID, name: "No stage", description: "Touchpoints whose stage is missing." },
        true,
      );
      target = unplaced;
    }
    target.touchpoints.push(touchpoint);
  }
  for (const card of map.lane_cards) {
    const target = byId.get(card.stage);
    if (!target) continue;
    const list = target.cards.get(card.lane);
    if (list) list.push(card);
    else target.cards.set(card.lane, [card]);
  }
  if (unplaced) columns.push(unplaced);
  return columns;
}

/** The name of the persona the map is drawn for, if one is chosen and exists. */
export function personaName(map: Pick<JourneyMap, "persona" | "personas">): string | null {
  if (!map.persona) return null;
  return map.personas.find((p) => p.id === map.persona)?.name ?? null;
}

/** What can be dragged on the board. */
export type DragItem = { kind: "touchpoint" | "lane_card" | "stage" | "lane"; id: string };

/** What a stage column asks the board to do; the board turns each into an edit. */
export interface BoardActions {
  open(kind: "touchpoint" | "lane_card", id: string): void;
  addTouchpoint(stage: string, title: string): Promise<boolean>;
  addCard(lane: string, stage: string, text: string): Promise<boolean>;
  renameStage(id: string, name: string): void;
  moveStage(id: string, delta: number): void;
  deleteStage(id: string): void;
  dragStart(item: DragItem, event: DragEvent): void;
  dragEnd(): void;
  /** The item being dragged, if any. */
  dragging(): DragItem | null;
  /** Drop the dragged card into a cell (before a card, or at the end when `before` is null). */
  dropCard(stage: string, lane: string | null, before: string | null): void;
  /** Drop the dragged stage on the stage `target`. */
  dropStage(target: string): void;
}

/**
 * The card a drop at height `y` lands before: the first card of the cell whose middle is below
 * `y`; null for the end of the cell.
 */
export function dropBefore(cards: { id: string; top: number; height: number }[], y: number): string | null {
  return cards.find((c) => y < c.top + c.height / 2)?.id ?? null;
}
