// The corridor (the ideal path) as the board shows it: numbered steps, and the step numbers
// each touchpoint carries.

import type { CorridorStep, Edit, JourneyMap, Touchpoint } from "../ipc";

export interface NumberedStep {
  /** 1-based position in the corridor. */
  number: number;
  step: CorridorStep;
  /** Undefined when the step names a touchpoint the map does not have. */
  touchpoint: Touchpoint | undefined;
}

/** The corridor's steps in order, numbered from 1, each with its touchpoint. */
export function numberedSteps(map: Pick<JourneyMap, "corridor" | "touchpoints">): NumberedStep[] {
  // Only the touchpoints the corridor names (a big map has thousands, a corridor a few dozen).
  const wanted = new Set(map.corridor.steps.map((s) => s.touchpoint));
  const byId = new Map<string, Touchpoint>();
  if (wanted.size > 0) for (const t of map.touchpoints) if (wanted.has(t.id)) byId.set(t.id, t);
  return map.corridor.steps.map((step, i) => ({
    number: i + 1,
    step,
    touchpoint: byId.get(step.touchpoint),
  }));
}

/**
 * For each touchpoint on the corridor, the numbers of its steps in ascending order. A touchpoint
 * the corridor visits twice (a loop) has two numbers.
 */
export function stepNumbersByTouchpoint(
  steps: readonly Pick<CorridorStep, "touchpoint">[],
): Map<string, number[]> {
  const out = new Map<string, number[]>();
  steps.forEach((step, i) => {
    const numbers = out.get(step.touchpoint);
    if (numbers) numbers.push(i + 1);
    else out.set(step.touchpoint, [i + 1]);
  });
  return out;
}

/** "Step 3", "Steps 3, 9", or "" for a touchpoint off the corridor. */
export function stepLabel(numbers: readonly number[]): string {
  if (numbers.length === 0) return "";
  if (numbers.length === 1) return `Step ${numbers[0]}`;
  return `Steps ${numbers.join(", ")}`;
}

// ---- Editing the corridor: each function returns the `Edit` that makes one change. Items are
// sent whole (every field of the `_Serialize` shape), as apply.ts and the backend expect.

/** The largest expected time a step can hold: `expected_secs_from_previous` is a u32. */
export const MAX_EXPECTED_SECS = 4_294_967_295;

/** A fresh step on `touchpoint`: not optional, no expected time. */
export function newStep(id: string, touchpoint: string): CorridorStep {
  return { id, touchpoint, optional: false, expected_secs_from_previous: null };
}

/** Put a new step on `touchpoint` at `index` of the corridor (`index` = length appends). */
export function insertStepEdit(
  steps: readonly CorridorStep[],
  index: number,
  touchpoint: string,
  id: string,
): Edit {
  if (!Number.isInteger(index) || index < 0 || index > steps.length) {
    throw new RangeError(`position ${index} is outside the corridor, which has ${steps.length} steps`);
  }
  return { op: "insert", index, item: { corridor_step: newStep(id, touchpoint) } };
}

/** Take a step off the corridor. */
export function removeStepEdit(step: Pick<CorridorStep, "id">): Edit {
  return { op: "remove", kind: "corridor_step", id: step.id };
}

/** The step with some fields changed, sent whole. */
export function replaceStepEdit(step: CorridorStep, change: Partial<Omit<CorridorStep, "id">>): Edit {
  const item: CorridorStep = {
    id: step.id,
    touchpoint: change.touchpoint ?? step.touchpoint,
    optional: change.optional ?? step.optional,
    expected_secs_from_previous:
      change.expected_secs_from_previous !== undefined
        ? change.expected_secs_from_previous
        : step.expected_secs_from_previous,
  };
  return { op: "replace", item: { corridor_step: item } };
}

/**
 * Move the step at `from` to position `to` (counted after it is taken out, as `Edit::Move`
 * counts). Null when there is nothing to do: the same place, or a place outside the corridor.
 */
export function moveStepEdit(steps: readonly CorridorStep[], from: number, to: number): Edit | null {
  const step = steps[from];
  if (!step || !Number.isInteger(to) || to < 0 || to >= steps.length || to === from) return null;
  return { op: "move", kind: "corridor_step", id: step.id, to };
}

/**
 * Where a dragged step lands when dropped before the step at `gap` (0 = first, length = after
 * the last): its position once taken out, as `Edit::Move` counts.
 */
export function dropTarget(from: number, gap: number): number {
  return gap > from ? gap - 1 : gap;
}

// ---- The expected time between steps, as a number and a unit the user picks.

export type DurationUnit = "s" | "min" | "h" | "d";

export const DURATION_UNITS: readonly { unit: DurationUnit; secs: number; label: string }[] = [
  { unit: "min", secs: 60, label: "minutes" },
  { unit: "h", secs: 3_600, label: "hours" },
  { unit: "d", secs: 86_400, label: "days" },
  { unit: "s", secs: 1, label: "seconds" },
];

/** An expected time as the field shows it: the largest unit it is a whole number of. */
export function durationParts(secs: number | null): { amount: string; unit: DurationUnit } {
  if (secs === null || secs <= 0) return { amount: secs === 0 ? "0" : "", unit: "min" };
  for (const unit of ["d", "h", "min"] as const) {
    const size = unitSecs(unit);
    if (secs % size === 0) return { amount: String(secs / size), unit };
  }
  return { amount: String(secs), unit: "s" };
}

function unitSecs(unit: DurationUnit): number {
  return DURATION_UNITS.find((u) => u.unit === unit)?.secs ?? 1;
}

/** The expected time typed into the field: seconds, none (an empty field), or why not. */
export type DurationInput = { ok: true; secs: number | null } | { ok: false; error: string };

/**
 * Reads the amount typed in the field, in `unit`. Empty means no expected time. Fractions are
 * allowed when they make whole seconds ("1.5" hours); anything else is refused with a reason.
 */
export function parseDuration(amount: string, unit: DurationUnit): DurationInput {
  const text = amount.trim().replace(",", ".");
  if (text === "") return { ok: true, secs: null };
  if (!/^\d+(\.\d+)?$/.test(text)) {
    return { ok: false, error: `“${amount.trim()}” is not a number: type a whole or decimal number, like 15 or 1.5.` };
  }
  const label = DURATION_UNITS.find((u) => u.unit === unit)?.label ?? unit;
  const exact = Number(text) * unitSecs(unit);
  const secs = Math.round(exact);
  if (Math.abs(exact - secs) > 1e-6) {
    return { ok: false, error: `${text} ${label} is not a whole number of seconds.` };
  }
  if (secs > MAX_EXPECTED_SECS) {
    return { ok: false, error: `${text} ${label} is too long: at most 49,710 days.` };
  }
  return { ok: true, secs };
}

/** A stage and its touchpoints, in board order: what a step can be put on. */
export interface TouchpointGroup {
  stage: string;
  touchpoints: Touchpoint[];
}

/** The touchpoints a step can name, grouped by board column, in board order. */
export function touchpointGroups(
  columns: readonly { name: string; touchpoints: Touchpoint[] }[],
): TouchpointGroup[] {
  return columns
    .filter((c) => c.touchpoints.length > 0)
    .map((c) => ({ stage: c.name, touchpoints: c.touchpoints }));
}

// ---- Connectors between the cards on the board.

/** A card's box, in the overlay's pixels. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** One connector: an SVG path and where its middle is (for the expected time). */
export interface Connector {
  d: string;
  mid: { x: number; y: number };
}

const r1 = (n: number) => Number(n.toFixed(1));

function cubic(p0: [number, number], p1: [number, number], p2: [number, number], p3: [number, number]): Connector {
  const d = `M${r1(p0[0])} ${r1(p0[1])} C${r1(p1[0])} ${r1(p1[1])} ${r1(p2[0])} ${r1(p2[1])} ${r1(p3[0])} ${r1(p3[1])}`;
  // The curve's point at t = 1/2.
  const mid = (i: 0 | 1) => r1((p0[i] + 3 * p1[i] + 3 * p2[i] + p3[i]) / 8);
  return { d, mid: { x: mid(0), y: mid(1) } };
}

/**
 * The connector from card `a` to card `b`: side to side when `b` stands in a column to the right
 * (or left), bottom to top when it sits below in the same column, and round the right-hand side
 * when it sits above or is the same card (a loop).
 */
export function connectorPath(a: Box, b: Box): Connector {
  const ay = a.top + a.height / 2;
  const by = b.top + b.height / 2;
  const aRight = a.left + a.width;
  const bRight = b.left + b.width;
  if (b.left >= aRight) {
    const h = Math.max(16, (b.left - aRight) / 2);
    return cubic([aRight, ay], [aRight + h, ay], [b.left - h, by], [b.left, by]);
  }
  if (bRight <= a.left) {
    const h = Math.max(24, (a.left - bRight) / 2);
    return cubic([a.left, ay], [a.left - h, ay], [bRight + h, by], [bRight, by]);
  }
  if (b.top >= a.top + a.height) {
    const ax = a.left + a.width / 2;
    const bx = b.left + b.width / 2;
    const aBottom = a.top + a.height;
    const v = Math.max(8, (b.top - aBottom) / 2);
    return cubic([ax, aBottom], [ax, aBottom + v], [bx, b.top - v], [bx, b.top]);
  }
  // Above in the same column, or the same card: out of the right side and back into it.
  const out = Math.max(aRight, bRight);
  const reach = 28 + Math.min(40, Math.abs(ay - by) / 8);
  if (a === b || (a.left === b.left && a.top === b.top)) {
    return cubic([aRight, ay - 8], [aRight + reach, ay - 24], [aRight + reach, ay + 24], [aRight, ay + 8]);
  }
  return cubic([aRight, ay], [out + reach, ay], [out + reach, by], [bRight, by]);
}
