// The emotion curve: the designed emotion of each touchpoint, across the stages in board order,
// and the edits that change it.

import type { Edit, Touchpoint } from "../ipc";
import type { BoardColumn } from "./board";
import { scoreText } from "./format";

/** The range of `designed_emotion` (crates/core/src/validate.rs `EMOTION_RANGE`). */
export const EMOTION_MIN = -2;
export const EMOTION_MAX = 2;
/** What Up and Down change a point by; values snap to this grid. */
export const EMOTION_STEP = 0.5;
/** What a dragged point snaps to. */
export const DRAG_SNAP = 0.1;

/** One touchpoint on the curve. */
export interface EmotionPoint {
  touchpoint: Touchpoint;
  /** The board column it sits in, and its place among the column's touchpoints. */
  column: number;
  slot: number;
  slots: number;
  stage: string;
  /** Null when no emotion is designed for it yet. */
  value: number | null;
}

/** Every touchpoint of the board, in column order then board order within its column. */
export function emotionPoints(columns: readonly BoardColumn[]): EmotionPoint[] {
  return columns.flatMap((column, c) => columnPoints(column, c));
}

/** The points of one column, the `c`-th of the board. */
export function columnPoints(column: BoardColumn, c: number): EmotionPoint[] {
  return column.touchpoints.map((touchpoint, slot) => ({
    touchpoint,
    column: c,
    slot,
    slots: column.touchpoints.length,
    stage: column.name,
    value: isEmotion(touchpoint.designed_emotion) ? touchpoint.designed_emotion : null,
  }));
}

function isEmotion(value: number | null): value is number {
  return value !== null && Number.isFinite(value);
}

/** A value kept inside the range and rounded to `grid` (no floating-point dust: 0.30000000000000004). */
export function snapEmotion(value: number, grid = DRAG_SNAP): number {
  const clamped = Math.min(EMOTION_MAX, Math.max(EMOTION_MIN, value));
  const snapped = Math.round(clamped / grid) * grid;
  return Number(Math.min(EMOTION_MAX, Math.max(EMOTION_MIN, snapped)).toFixed(6));
}

/**
 * The value after one key press: Up/Down go to the next mark of the `EMOTION_STEP` grid above or
 * below (1.3 goes up to 1.5, down to 1), Page Up/Down by 1, Home/End to the ends. An unset value
 * becomes neutral (0) on Up or Down. Null for a key that does not change it (Left and Right move
 * between points instead).
 */
export function keyedEmotion(value: number | null, key: string): number | null {
  const from = value ?? 0;
  const step = EMOTION_STEP;
  const eps = 1e-9;
  switch (key) {
    case "ArrowUp":
      return value === null ? 0 : snapEmotion(Math.floor(from / step + eps) * step + step, step);
    case "ArrowDown":
      return value === null ? 0 : snapEmotion(Math.ceil(from / step - eps) * step - step, step);
    case "PageUp":
      return snapEmotion(from + 1, DRAG_SNAP);
    case "PageDown":
      return snapEmotion(from - 1, DRAG_SNAP);
    case "Home":
      return EMOTION_MIN;
    case "End":
      return EMOTION_MAX;
    default:
      return null;
  }
}

/** The touchpoint with its designed emotion set, sent whole. Null when nothing would change. */
export function emotionEdit(touchpoint: Touchpoint, value: number | null): Edit | null {
  const next = value === null ? null : snapEmotion(value, 1e-6);
  if (next === touchpoint.designed_emotion) return null;
  return { op: "replace", item: { touchpoint: { ...touchpoint, designed_emotion: next } } };
}

/** A word for a value on the range, for when the team gave none. */
export function emotionWord(value: number): string {
  if (value <= -1.5) return "very negative";
  if (value <= -0.5) return "negative";
  if (value < 0.5) return "neutral";
  if (value < 1.5) return "positive";
  return "very positive";
}

/** "+1.5", "0", "−2": a value as the curve writes it. */
export function emotionText(value: number): string {
  if (value === 0) return "0";
  return value > 0 ? `+${scoreText(value)}` : `−${scoreText(-value)}`;
}

/** What a screen reader hears for a point: the value, the team's word for it, or "not set". */
export function emotionValueText(value: number | null, label: string): string {
  if (value === null) return "not set";
  const word = label.trim() || emotionWord(value);
  return `${emotionText(value)}, ${word}`;
}

// ---- Geometry: the plot is `width` × `height` pixels, with `pad` pixels above and below.

export interface Plot {
  width: number;
  height: number;
  /** Space above the top value and below the bottom one. */
  pad: number;
  columns: number;
  /** Pixels between columns, to line up with a board whose columns have a gap. */
  gap: number;
  /**
   * Where each column really is (left edge and width, in the plot's pixels), when the board has
   * measured its stage columns; otherwise the width is split evenly.
   */
  bands?: readonly { x: number; width: number }[];
}

/** The left edge and the width of column `c`. */
export function columnBand(plot: Plot, c: number): { x: number; width: number } {
  const measured = plot.bands?.[c];
  if (measured && plot.bands!.length === plot.columns) return measured;
  const n = Math.max(1, plot.columns);
  const width = Math.max(0, (plot.width - plot.gap * (n - 1)) / n);
  return { x: c * (width + plot.gap), width };
}

/** The x of a point: its column's band split evenly among the column's touchpoints. */
export function pointX(plot: Plot, p: Pick<EmotionPoint, "column" | "slot" | "slots">): number {
  const band = columnBand(plot, p.column);
  return band.x + (band.width * (p.slot + 0.5)) / Math.max(1, p.slots);
}

/** The y of a value (the top is `EMOTION_MAX`). */
export function valueY(plot: Plot, value: number): number {
  const inner = plot.height - 2 * plot.pad;
  return plot.pad + ((EMOTION_MAX - value) / (EMOTION_MAX - EMOTION_MIN)) * inner;
}

/** The value at a y, unsnapped but inside the range. */
export function yValue(plot: Plot, y: number): number {
  const inner = Math.max(1, plot.height - 2 * plot.pad);
  const value = EMOTION_MAX - ((y - plot.pad) / inner) * (EMOTION_MAX - EMOTION_MIN);
  return Math.min(EMOTION_MAX, Math.max(EMOTION_MIN, value));
}

/**
 * A smooth SVG path through the points, left to right: cubic segments whose handles are
 * horizontal, so the curve never overshoots a point's value. Empty for no points.
 */
export function curvePath(points: readonly { x: number; y: number }[]): string {
  return joinCurve([curvePiece(points)]);
}

/**
 * One run of `curvePath`, to be joined with others (`joinCurve`): its first and last point and
 * the segments between its own points. A board keeps one per column, so an edit in one column
 * works out that column's piece only.
 */
export interface CurvePiece {
  first: { x: number; y: number } | null;
  last: { x: number; y: number } | null;
  inner: string;
}

export function curvePiece(points: readonly { x: number; y: number }[]): CurvePiece {
  if (points.length === 0) return { first: null, last: null, inner: "" };
  let inner = "";
  for (let i = 1; i < points.length; i++) inner += segment(points[i - 1]!, points[i]!);
  return { first: points[0]!, last: points.at(-1)!, inner };
}

/** The pieces joined left to right: the same path as `curvePath` over all their points. */
export function joinCurve(pieces: readonly CurvePiece[]): string {
  let d = "";
  let prev: { x: number; y: number } | null = null;
  for (const piece of pieces) {
    if (!piece.first) continue;
    d += prev === null ? `M${r1(piece.first.x)} ${r1(piece.first.y)}` : segment(prev, piece.first);
    d += piece.inner;
    prev = piece.last;
  }
  return d;
}

const r1 = (n: number) => Number(n.toFixed(1));

function segment(prev: { x: number; y: number }, p: { x: number; y: number }): string {
  const mid = (prev.x + p.x) / 2;
  return ` C${r1(mid)} ${r1(prev.y)} ${r1(mid)} ${r1(p.y)} ${r1(p.x)} ${r1(p.y)}`;
}
