// What a board card's height depends on, as a key: a big board's windowed lists count a card
// they have not drawn yet as the mean of the drawn cards of its key (see WindowedList's `shape`).
// The keys only group cards; the heights come from measuring them.

import type { LaneCard, Touchpoint } from "../ipc";

/**
 * How long `text` is, in steps of `step` characters, from 1 to `max`: a finer measure than its
 * lines (where a text wraps depends on its words; the keys only need to group texts of about the
 * same height).
 */
export function lengthStep(text: string, step: number, max: number): number {
  return Math.min(max, Math.max(1, Math.ceil(text.trim().length / step)));
}

/**
 * A touchpoint card: its title's length (about half a line a step; cut after three lines), whether it shows a target, a row of
 * flags (moment of truth, via an intermediary, indirect), friction chips (one row, or more), and
 * the gap overlay's row.
 */
export function touchpointShape(t: Touchpoint, withGap: boolean): string {
  const flags = t.moment_of_truth || t.control === "intermediary" || t.contact === "indirect";
  const chips = t.friction.length === 0 ? 0 : t.friction.length <= 2 ? 1 : 2;
  return `${lengthStep(t.title, 13, 7)}|${t.target_score === null ? "" : "t"}${flags ? "f" : ""}${chips}${withGap ? "g" : ""}`;
}

/** A lane card: its text's length (about half a line a step; cut after four lines). */
export function laneCardShape(c: LaneCard): string {
  return `${lengthStep(c.text, 17, 9)}`;
}
