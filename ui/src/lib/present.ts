// Present mode's pure helpers: what a slide shows, the keys, the timer's text, and the edit a
// capture makes. The presentation itself (stage, spotlight, details, timer) lives in the backend
// (crates/core/src/present.rs); nothing here talks to it.

import type { CardTag, Edit, JourneyMap, Lane, LaneCard, PresentTimer, Stage, Touchpoint } from "../ipc";
import { boardRows } from "./board";
import { newId } from "./boardEdits";

// ---- What one stage shows

export interface Slide {
  stage: Stage;
  /** Position of the stage (from 0) and how many there are. */
  index: number;
  count: number;
  touchpoints: Touchpoint[];
  /** The stage's lane cards, by visible lane in board order (lanes with no card left out). */
  lanes: { lane: Lane; cards: LaneCard[] }[];
  next: Stage | null;
}

/** The slide of the stage at `index` (kept inside the map's stages); null for a map without stages. */
export function slideOf(map: JourneyMap, index: number): Slide | null {
  const count = map.stages.length;
  if (count === 0) return null;
  const i = Math.min(Math.max(0, index), count - 1);
  const stage = map.stages[i]!;
  const lanes = boardRows(map)
    .flatMap((row) => (row.kind === "lane" ? [row.lane] : []))
    .map((lane) => ({
      lane,
      cards: map.lane_cards.filter((c) => c.stage === stage.id && c.lane === lane.id),
    }))
    .filter((l) => l.cards.length > 0);
  return {
    stage,
    index: i,
    count,
    touchpoints: map.touchpoints.filter((t) => t.stage === stage.id),
    lanes,
    next: map.stages[i + 1] ?? null,
  };
}

// ---- Keys (a presenter clicker sends arrows, Page Up/Down, sometimes Space)

export type PresentKey =
  | { kind: "go"; to: "next" | "previous" | "first" | "last" }
  | { kind: "spotlight"; to: "next" | "previous" }
  | { kind: "details" }
  | { kind: "blank" }
  | { kind: "fullscreen" }
  | { kind: "presenter" }
  | { kind: "undo" }
  | { kind: "leave" };

/**
 * What a key press does in present mode; null when present mode leaves it alone. `inField`: the
 * press is in a text field (only Escape counts there); `tabSpotlights`: Tab moves the spotlight
 * (the audience view, which has no fields; in the presenter view Tab moves the focus).
 */
export function presentKey(
  e: Pick<KeyboardEvent, "key" | "shiftKey" | "ctrlKey" | "metaKey" | "altKey">,
  inField: boolean,
  tabSpotlights: boolean,
): PresentKey | null {
  if (e.key === "Escape") return { kind: "leave" };
  if (inField || e.altKey) return null;
  if (e.ctrlKey || e.metaKey) {
    return e.key.toLowerCase() === "z" && !e.shiftKey ? { kind: "undo" } : null;
  }
  switch (e.key) {
    case "ArrowRight":
    case "PageDown":
    case " ":
      return { kind: "go", to: "next" };
    case "ArrowLeft":
    case "PageUp":
      return { kind: "go", to: "previous" };
    case "Home":
      return { kind: "go", to: "first" };
    case "End":
      return { kind: "go", to: "last" };
    case "ArrowDown":
      return { kind: "spotlight", to: "next" };
    case "ArrowUp":
      return { kind: "spotlight", to: "previous" };
    case "Tab":
      return tabSpotlights ? { kind: "spotlight", to: e.shiftKey ? "previous" : "next" } : null;
    case "d":
    case "D":
      return { kind: "details" };
    case "f":
    case "F":
      return { kind: "fullscreen" };
    case "p":
    case "P":
      return { kind: "presenter" };
    // B, or the full stop a clicker's "blank screen" button sends.
    case "b":
    case "B":
    case ".":
      return { kind: "blank" };
    default:
      return null;
  }
}

// ---- The timer (a deadline while it runs, so every window computes the same time left)

export type TimerPhase = "ready" | "running" | "paused" | "up";

/** Milliseconds left at `now` (ms since the epoch), never below zero. */
export function timeLeft(timer: PresentTimer, now: number): number {
  return timer.deadline_ms === null ? timer.remaining_ms : Math.max(0, timer.deadline_ms - now);
}

export function timerPhase(timer: PresentTimer, now: number): TimerPhase {
  if (timeLeft(timer, now) === 0) return "up";
  if (timer.deadline_ms !== null) return "running";
  return timer.remaining_ms === timer.duration_ms ? "ready" : "paused";
}

/** "4:05", "1:02:03": whole seconds, rounded up (a timer shows 0:00 only when time is up). */
export function timerText(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/** "4 minutes 5 seconds": the time left as a screen reader says it. */
export function timerSpoken(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  const parts = [];
  if (m > 0) parts.push(`${m} minute${m === 1 ? "" : "s"}`);
  if (s > 0 || m === 0) parts.push(`${s} second${s === 1 ? "" : "s"}`);
  return parts.join(" ");
}

/** Minutes typed by the facilitator as seconds for the backend; null when not a length. */
export function minutesToSeconds(text: string): number | null {
  const value = Number(text.trim().replace(",", "."));
  if (!Number.isFinite(value) || value <= 0) return null;
  return Math.round(value * 60);
}

// ---- Capture: what the room says lands as a lane card of the stage on screen

export type CaptureKind = "idea" | "pain_point" | "question" | "opportunity";

export const CAPTURE_KINDS: { kind: CaptureKind; label: string; lane: string }[] = [
  { kind: "idea", label: "Idea", lane: "Ideas" },
  { kind: "pain_point", label: "Pain point", lane: "Pain points" },
  { kind: "question", label: "Question", lane: "Questions" },
  { kind: "opportunity", label: "Opportunity", lane: "Opportunities" },
];

/**
 * The lane a capture of `kind` goes to: pain points and opportunities to the map's lane of that
 * kind; ideas and questions to a custom lane titled "Ideas" or "Questions". A visible lane is
 * preferred; when the map has none, a new lane (returned with `create`) is added after the last.
 */
export function captureLane(map: Pick<JourneyMap, "lanes">, kind: CaptureKind): { lane: Lane; create: boolean } {
  const info = CAPTURE_KINDS.find((k) => k.kind === kind)!;
  const singular = info.label.toLowerCase();
  const fits = (lane: Lane): boolean => {
    if (kind === "pain_point") return lane.kind === "pain_points";
    if (kind === "opportunity") return lane.kind === "opportunities";
    const title = lane.title.trim().toLowerCase();
    return lane.kind === "custom" && (title === info.lane.toLowerCase() || title === singular);
  };
  const found = map.lanes.find((l) => fits(l) && !l.hidden) ?? map.lanes.find(fits);
  if (found) return { lane: found, create: false };
  const laneKind = kind === "pain_point" ? "pain_points" : kind === "opportunity" ? "opportunities" : "custom";
  return { lane: { id: newId(), kind: laneKind, title: info.lane, hidden: false }, create: true };
}

/** A tag as the facilitator typed it: blank means none. */
export function captureTag(text: string, as: "participant" | "table_group"): CardTag | null {
  const t = text.trim();
  if (t === "") return null;
  return as === "participant" ? { participant: t } : { table_group: t };
}

/**
 * The edit that captures `text` as a lane card at the end of `stage`'s cell in the lane for
 * `kind` (adding that lane first when the map has none, in one undoable batch). Null for blank
 * text.
 */
export function captureEdit(
  map: JourneyMap,
  stage: string,
  kind: CaptureKind,
  text: string,
  tag: CardTag | null,
): { edit: Edit; card: LaneCard; lane: Lane; created: boolean } | null {
  const t = text.trim();
  if (t === "") return null;
  const { lane, create } = captureLane(map, kind);
  const card: LaneCard = { id: newId(), lane: lane.id, stage, text: t, notes: "", tag };
  let index = map.lane_cards.length;
  for (let i = map.lane_cards.length - 1; i >= 0; i--) {
    const c = map.lane_cards[i]!;
    if (c.stage === stage && c.lane === lane.id) {
      index = i + 1;
      break;
    }
  }
  const insertCard: Edit = { op: "insert", index, item: { lane_card: card } };
  const edit: Edit = create
    ? { op: "batch", edits: [{ op: "insert", index: map.lanes.length, item: { lane } }, insertCard] }
    : insertCard;
  return { edit, card, lane, created: create };
}
