// The edits the board makes: pure functions from the map (and what the person did) to an `Edit`.
// The board sends them through the editor store; nothing here talks to the backend.

import type { Edit, JourneyMap, Lane, LaneCard, LaneKind, Stage, Touchpoint } from "../ipc";

export const newId = (): string => crypto.randomUUID();

/** A touchpoint with every field set (the `_Serialize` shape apply.ts relies on). */
export function blankTouchpoint(stage: string, title: string): Touchpoint {
  return {
    id: newId(),
    title,
    stage,
    channel: "web",
    contact: "direct",
    owner: "service",
    control: "owned",
    expectation: "",
    target_score: null,
    involvement: [],
    designed_emotion: null,
    emotion_label: "",
    moment_of_truth: false,
    friction: [],
    notes: "",
    aliases: [],
  };
}

/** Insert at the end of the stage's touchpoints (just after the last one on the map's list). */
export function addTouchpoint(map: JourneyMap, stage: string, title: string): { edit: Edit; id: string } {
  const touchpoint = blankTouchpoint(stage, title);
  const index = endOfCell(map.touchpoints, (t) => t.stage === stage);
  return { edit: { op: "insert", index, item: { touchpoint } }, id: touchpoint.id };
}

/** A copy just after the original, with a new id and "(copy)" after its title. */
export function duplicateTouchpoint(map: JourneyMap, id: string): { edit: Edit; id: string } | null {
  const index = map.touchpoints.findIndex((t) => t.id === id);
  const original = map.touchpoints[index];
  if (!original) return null;
  const touchpoint: Touchpoint = {
    ...structuredClone(original),
    id: newId(),
    title: `${original.title} (copy)`,
  };
  return { edit: { op: "insert", index: index + 1, item: { touchpoint } }, id: touchpoint.id };
}

export function addLaneCard(map: JourneyMap, lane: string, stage: string, text: string): { edit: Edit; id: string } {
  const card: LaneCard = { id: newId(), lane, stage, text, notes: "", tag: null };
  const index = endOfCell(map.lane_cards, (c) => c.stage === stage && c.lane === lane);
  return { edit: { op: "insert", index, item: { lane_card: card } }, id: card.id };
}

export function duplicateLaneCard(map: JourneyMap, id: string): { edit: Edit; id: string } | null {
  const index = map.lane_cards.findIndex((c) => c.id === id);
  const original = map.lane_cards[index];
  if (!original) return null;
  const card: LaneCard = { ...original, id: newId() };
  return { edit: { op: "insert", index: index + 1, item: { lane_card: card } }, id: card.id };
}

export function addStage(map: JourneyMap, name: string): { edit: Edit; id: string } {
  const stage: Stage = { id: newId(), name, description: "" };
  return { edit: { op: "insert", index: map.stages.length, item: { stage } }, id: stage.id };
}

export const LANE_KINDS: { kind: Exclude<LaneKind, "touchpoints">; title: string }[] = [
  { kind: "customer_actions", title: "Customer actions" },
  { kind: "thoughts", title: "Thoughts" },
  { kind: "feelings", title: "Feelings" },
  { kind: "pain_points", title: "Pain points" },
  { kind: "opportunities", title: "Opportunities" },
  { kind: "frontstage", title: "Frontstage" },
  { kind: "backstage", title: "Backstage" },
  { kind: "supporting_processes", title: "Supporting processes" },
  { kind: "kpis", title: "KPIs" },
  { kind: "custom", title: "Custom lane" },
];

export function addLane(map: JourneyMap, kind: LaneKind, title: string): { edit: Edit; id: string } {
  const lane: Lane = { id: newId(), kind, title, hidden: false };
  return { edit: { op: "insert", index: map.lanes.length, item: { lane } }, id: lane.id };
}

/** Move an item of an ordered list (stages, lanes) by `delta` places; null at either end. */
export function shiftEdit(
  list: { id: string }[],
  kind: "stage" | "lane",
  id: string,
  delta: number,
): Edit | null {
  const from = list.findIndex((x) => x.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= list.length) return null;
  return { op: "move", kind, id, to };
}

/**
 * Move a lane past its neighbour on the board (`delta` −1: the row above, +1: the row below),
 * hidden lanes skipped; null at either end.
 */
export function laneShiftEdit(lanes: { id: string }[], rows: readonly { key: string }[], id: string, delta: -1 | 1): Edit | null {
  const at = rows.findIndex((r) => r.key === id);
  const neighbour = at < 0 ? undefined : rows[at + delta];
  return neighbour ? laneDropEdit(lanes, id, neighbour.key) : null;
}

/**
 * A lane dropped on another: it takes that lane's place (after it when coming from above, before
 * it when coming from below); null when either is not a lane of the map or they are the same.
 */
export function laneDropEdit(lanes: { id: string }[], id: string, target: string): Edit | null {
  const from = lanes.findIndex((l) => l.id === id);
  const to = lanes.findIndex((l) => l.id === target);
  if (from < 0 || to < 0 || from === to) return null;
  return { op: "move", kind: "lane", id, to };
}

/** Where a card goes: a stage (and, for lane cards, a lane), before a card or at the end. */
export interface Place {
  stage: string;
  lane?: string;
  /** The card to go before; null for the end of the cell. */
  before: string | null;
}

/**
 * The edit that puts a touchpoint or a lane card at `place`: a `replace` when its stage (or lane)
 * changes, a `move` on the map's list when its position among the cell's cards changes, both in
 * one batch when both do. Null when nothing would change.
 */
export function placeEdit(map: JourneyMap, kind: "touchpoint" | "lane_card", id: string, place: Place): Edit | null {
  const list: (Touchpoint | LaneCard)[] = kind === "touchpoint" ? map.touchpoints : map.lane_cards;
  const from = list.findIndex((x) => x.id === id);
  const item = list[from];
  if (!item || place.before === id) return null;
  const lane = "lane" in item ? (place.lane ?? item.lane) : undefined;
  const inCell = (x: Touchpoint | LaneCard) =>
    x.stage === place.stage && (lane === undefined || ("lane" in x && x.lane === lane));
  const edits: Edit[] = [];
  const moved = item.stage !== place.stage || ("lane" in item && item.lane !== lane);
  if (moved) {
    const changed = kind === "touchpoint" ? { ...item, stage: place.stage } : { ...item, stage: place.stage, lane: lane! };
    edits.push(
      kind === "touchpoint"
        ? { op: "replace", item: { touchpoint: changed as Touchpoint } }
        : { op: "replace", item: { lane_card: changed as LaneCard } },
    );
  }
  // Where it goes in the list without it (worked out on the list itself, no copy).
  let to: number;
  if (place.before !== null) {
    const at = list.findIndex((x) => x.id === place.before);
    if (at < 0) return null;
    to = at > from ? at - 1 : at;
  } else {
    const last = lastIndex(list, (x) => x.id !== id && inCell(x));
    to = last < 0 ? from : last > from ? last : last + 1;
  }
  if (to !== from) edits.push({ op: "move", kind, id, to });
  if (edits.length === 0) return null;
  return edits.length === 1 ? edits[0]! : { op: "batch", edits };
}

/**
 * The place one step away from a card in its cell: `up` before the card above it, `down` after
 * the card below it, `left`/`right` at the end of the same cell in the neighbouring stage. Null
 * at an edge.
 */
export function neighbourPlace(
  map: JourneyMap,
  kind: "touchpoint" | "lane_card",
  id: string,
  direction: "up" | "down" | "left" | "right",
): Place | null {
  const list: (Touchpoint | LaneCard)[] = kind === "touchpoint" ? map.touchpoints : map.lane_cards;
  const item = list.find((x) => x.id === id);
  if (!item) return null;
  const lane = "lane" in item ? item.lane : undefined;
  if (direction === "left" || direction === "right") {
    const s = map.stages.findIndex((x) => x.id === item.stage);
    const next = map.stages[s + (direction === "left" ? -1 : 1)];
    if (s < 0 || !next) return null;
    return { stage: next.id, lane, before: null };
  }
  // The neighbours in the cell, found by walking the map's list from the card (no copy of it: a
  // big map's list has thousands of cards, a cell's neighbour is usually a few entries away).
  const from = list.indexOf(item);
  const inCell = (x: Touchpoint | LaneCard) => x.stage === item.stage && (lane === undefined || ("lane" in x && x.lane === lane));
  if (direction === "up") {
    for (let i = from - 1; i >= 0; i--) if (inCell(list[i]!)) return { stage: item.stage, lane, before: list[i]!.id };
    return null;
  }
  let below = -1;
  for (let i = from + 1; i < list.length; i++) {
    if (!inCell(list[i]!)) continue;
    if (below >= 0) return { stage: item.stage, lane, before: list[i]!.id };
    below = i;
  }
  return below >= 0 ? { stage: item.stage, lane, before: null } : null;
}

/** The index just after the last entry matching `inCell`, or the end of the list. */
function endOfCell<T>(list: T[], inCell: (x: T) => boolean): number {
  const last = lastIndex(list, inCell);
  return last < 0 ? list.length : last + 1;
}

function lastIndex<T>(list: T[], test: (x: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!)) return i;
  return -1;
}
