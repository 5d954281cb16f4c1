// The gap report as the views show it: the colour of a gap, the overlay on the board (per card,
// per stage, the ghost cards of blind spots), the priority list's sorting and filtering, the
// filters sent with `gapsReport`, and the initiative a gap becomes. Pure functions: every figure
// comes from the backend's report (docs/gaps.md); this module only arranges it.

import type {
  Department,
  Edit,
  TouchpointChannel,
  GapFilter,
  GapReport,
  Initiative,
  JourneyMap,
  PriorityItem,
  ScoreScale,
  StageReport,
  TouchpointGap,
} from "../ipc";
import { scoreText } from "./format";
import { channelLabel, departmentLabel } from "./labels";
import { isoDate, newId } from "./story";

// ---------------------------------------------------------------------------------------------
// Colour: a diverging blue–orange scale (readable with every common colour-vision deficiency:
// it varies in lightness and runs blue to orange, never red to green). Orange is below target,
// blue above; the further from target, the darker. The number is always shown beside it.

type Rgb = [number, number, number];

/** From far below target to far above (ColorBrewer PuOr's orange arm, RdBu's blue arm). */
const BELOW: Rgb[] = [
  [179, 88, 6],
  [224, 130, 20],
  [253, 184, 99],
];
const ABOVE: Rgb[] = [
  [146, 197, 222],
  [67, 147, 195],
  [33, 102, 172],
];
const NEUTRAL: Record<"light" | "dark", Rgb> = { light: [226, 230, 235], dark: [74, 85, 97] };

const hex = (c: Rgb) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}`;
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [0, 1, 2].map((i) => a[i]! + (b[i]! - a[i]!) * t) as Rgb;

/** Along a list of stops, t in [0, 1]. */
function along(stops: Rgb[], t: number): Rgb {
  const x = Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  return mix(stops[i]!, stops[i + 1]!, x - i);
}

/**
 * How far a gap may go before its colour is at the end of the scale: half the scale's span
 * (2 on a 1–5 scale), or 2 when the scale has no bounds.
 */
export function gapSpan(scale: Pick<ScoreScale, "min" | "max">): number {
  if (scale.min === null || scale.max === null || !(scale.max > scale.min)) return 2;
  return (scale.max - scale.min) / 2;
}

/** The colour of `gap` (mean − target) and a text colour readable on it; null gap: neutral. */
export function gapColour(
  gap: number | null | undefined,
  span: number,
  theme: "light" | "dark" = "light",
): { fill: string; text: string } {
  if (gap === null || gap === undefined || !Number.isFinite(gap)) {
    return { fill: hex(NEUTRAL[theme]), text: theme === "dark" ? "#ffffff" : "#000000" };
  }
  const t = Math.min(1, Math.abs(gap) / (span > 0 ? span : 2));
  const near = NEUTRAL[theme];
  // From neutral at 0 to the arm's first stop at a tenth of the span, then along the arm.
  let c: Rgb;
  if (t < 0.1) c = mix(near, gap < 0 ? BELOW[2]! : ABOVE[0]!, t / 0.1);
  else c = gap < 0 ? along([...BELOW].reverse(), (t - 0.1) / 0.9) : along(ABOVE, (t - 0.1) / 0.9);
  // Black or white, whichever stands out more: one of them always reaches 4.5:1 (the worst
  // case, a fill of luminance 0.18, gives 4.58 with both).
  const l = luminance(c);
  return { fill: hex(c), text: (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000000" : "#ffffff" };
}

/** Relative luminance (WCAG) of an sRGB colour. */
export function luminance(c: Rgb): number {
  const [r, g, b] = c.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio (WCAG) between two `#rrggbb` colours. */
export function contrast(a: string, b: string): number {
  const rgb = (h: string): Rgb => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
  const [x, y] = [luminance(rgb(a)), luminance(rgb(b))].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/** The colour key of the views: a few gaps from far below to far above target. */
export function legendStops(span: number, theme: "light" | "dark" = "light") {
  return [-1, -0.5, 0, 0.5, 1].map((k) => ({ gap: k * span, ...gapColour(k * span, span, theme) }));
}

// ---------------------------------------------------------------------------------------------
// Numbers as text.

/** A signed gap: "+0.4", "−1.25", "0". */
export function gapText(gap: number | null | undefined): string {
  if (gap === null || gap === undefined || !Number.isFinite(gap)) return "–";
  const text = scoreText(Math.abs(gap));
  if (text === "0") return "0";
  return `${gap < 0 ? "−" : "+"}${text}`;
}

/** A mean or a score, two decimals at most; a dash for none. */
export const meanText = (v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v) ? "–" : scoreText(v);

/** A share as a whole percentage ("42%"); a dash for none. */
export const shareText = (v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v) ? "–" : `${Math.round(v * 100)}%`;

/** An owner department as the report names it (`e_commerce`, or a custom name), for people. */
export const ownerText = (owner: string) => departmentLabel(owner as Department);

/** A channel as the report names it (`in_person`, or a custom name), for people. */
export const channelText = (channel: string) => channelLabel(channel as TouchpointChannel);

/** A control group (`owned`, `intermediary`), for people. */
export const controlText = (group: string) =>
  group === "owned" ? "Owned" : group === "intermediary" ? "Via intermediary" : group;

/** A number with `digits` decimals; a dash for none. */
export const fixedText = (v: number | null | undefined, digits = 2) =>
  v === null || v === undefined || !Number.isFinite(v) ? "–" : v.toFixed(digits);

/** Below, near or above target, for people (the colour is never the only sign). */
export function gapWords(gap: number | null | undefined): string {
  if (gap === null || gap === undefined || !Number.isFinite(gap)) return "no target or no data";
  if (gap < 0) return `${gapText(gap)} below target`;
  if (gap > 0) return `${gapText(gap)} above target`;
  return "on target";
}

// ---------------------------------------------------------------------------------------------
// The overlay on the board.

/** A blind spot: an observed activity matched to no touchpoint, shown in its likely stage. */
export interface GhostCard {
  name: string;
  events: number;
  cases: number;
  /** The suggested touchpoint's title, if the engine has one. */
  suggestion: string | null;
  /** How the stage was chosen. */
  why: "suggestion" | "neighbour" | "first stage";
}

export interface StageOverlay {
  report: StageReport;
  ghosts: GhostCard[];
  /** Of its designed touchpoints, how many have an event or a score (data coverage). */
  observedTouchpoints: number;
}

export interface BoardOverlay {
  /** Per touchpoint id. */
  touchpoints: Map<string, TouchpointGap>;
  /** Per stage id. */
  stages: Map<string, StageOverlay>;
  /** Designed touchpoints with no event and no score. */
  unobserved: Set<string>;
  /** Half the scale's span, for the colours. */
  span: number;
  scale: ScoreScale;
}

/**
 * The overlay of `report` on `map`'s board. A blind spot goes to the stage of its suggested
 * touchpoint; without one, to the stage of the matched activity it most often follows or
 * precedes (the report's directly-follows counts); else to the first stage.
 */
export function boardOverlay(map: JourneyMap, report: GapReport): BoardOverlay {
  const touchpoints = new Map(report.touchpoints.map((t) => [t.touchpoint, t]));
  const stageOf = new Map(map.touchpoints.map((t) => [t.id, t.stage]));
  const matched = new Map(report.activities.filter((a) => a.touchpoint).map((a) => [a.activity, a.touchpoint!]));
  const unobserved = new Set(report.blind_spots.unobserved_touchpoints.map((t) => t.touchpoint));
  const stages = new Map<string, StageOverlay>(
    report.stages.map((s) => [
      s.stage,
      {
        report: s,
        ghosts: [],
        observedTouchpoints: report.touchpoints.filter((t) => t.stage === s.stage && !unobserved.has(t.touchpoint)).length,
      },
    ]),
  );
  const first = map.stages[0]?.id;
  for (const u of report.blind_spots.unmatched_activities) {
    let stage: string | undefined;
    let why: GhostCard["why"] = "first stage";
    if (u.suggestion && stageOf.has(u.suggestion.touchpoint)) {
      stage = stageOf.get(u.suggestion.touchpoint);
      why = "suggestion";
    } else {
      let best = 0;
      for (const e of report.dfg) {
        const other = e.from === u.name ? e.to : e.to === u.name ? e.from : null;
        const tp = other === null ? undefined : matched.get(other);
        if (tp && stageOf.has(tp) && e.count > best) {
          best = e.count;
          stage = stageOf.get(tp);
          why = "neighbour";
        }
      }
    }
    stage ??= first;
    const entry = stage === undefined ? undefined : stages.get(stage);
    entry?.ghosts.push({
      name: u.name,
      events: u.count,
      cases: u.cases,
      suggestion: u.suggestion?.title ?? null,
      why,
    });
  }
  return {
    touchpoints,
    stages,
    unobserved,
    span: gapSpan(report.score_scale),
    scale: report.score_scale,
  };
}

// ---------------------------------------------------------------------------------------------
// The priority list.

export type PriorityKey = "rank" | "title" | "stage" | "owner" | "gap" | "reach" | "impact";

export interface PriorityRow extends PriorityItem {
  stageName: string;
}

export interface PriorityQuery {
  text: string;
  /** A stage id, or "" for every stage. */
  stage: string;
  /** An owner, or "" for every owner. */
  owner: string;
  key: PriorityKey;
  descending: boolean;
}

export const DEFAULT_QUERY: PriorityQuery = { text: "", stage: "", owner: "", key: "rank", descending: false };

/** The report's priority list with stage names. */
export function priorityRows(report: GapReport): PriorityRow[] {
  const names = new Map(report.stages.map((s) => [s.stage, s.name]));
  return report.priority.map((p) => ({ ...p, stageName: names.get(p.stage) ?? "" }));
}

/** The rows that match `q`, sorted by its key (ties by rank). */
export function queryRows(rows: readonly PriorityRow[], q: PriorityQuery): PriorityRow[] {
  const text = q.text.trim().toLocaleLowerCase();
  const kept = rows.filter(
    (r) =>
      (q.stage === "" || r.stage === q.stage) &&
      (q.owner === "" || r.owner === q.owner) &&
      (text === "" || `${r.title} ${r.stageName} ${r.owner} ${ownerText(r.owner)}`.toLocaleLowerCase().includes(text)),
  );
  const value = (r: PriorityRow): number | string =>
    q.key === "title" ? r.title : q.key === "stage" ? r.stageName : q.key === "owner" ? ownerText(r.owner) : (r[q.key] ?? 0);
  const sign = q.descending ? -1 : 1;
  return kept.sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const c = typeof x === "string" ? x.localeCompare(y as string) : x - (y as number);
    return c !== 0 ? sign * c : a.rank - b.rank;
  });
}

/** A click on a column's header: the same key flips the order; a new key starts in its natural order. */
export function sortBy(q: PriorityQuery, key: PriorityKey): PriorityQuery {
  if (q.key === key) return { ...q, descending: !q.descending };
  // Impact and reach read best largest first; a gap most negative first; text A to Z.
  return { ...q, key, descending: key === "impact" || key === "reach" };
}

/** The initiative that answers a gap: linked to its touchpoint, owned by its owner, three months. */
export function initiativeFor(map: JourneyMap, item: PriorityItem, today: Date): { id: string; edit: Edit } {
  const tp = map.touchpoints.find((t) => t.id === item.touchpoint);
  const end = new Date(today.getFullYear(), today.getMonth() + 3, today.getDate());
  const initiative: Initiative = {
    id: newId(),
    title: `Close the gap at ${item.title}`,
    description: `Observed ${gapWords(item.gap)} (impact ${fixedText(item.impact)}, rank ${item.rank} in the priority list).`,
    start: isoDate(today),
    end: isoDate(end),
    owner: tp?.owner ?? "service",
    priority: item.rank <= 3 ? "high" : item.rank <= 8 ? "medium" : "low",
    status: "planned",
    touchpoints: [item.touchpoint],
    gaps: [item.touchpoint],
  };
  return {
    id: initiative.id,
    edit: { op: "insert", index: map.story.initiatives.length, item: { initiative } },
  };
}

// ---------------------------------------------------------------------------------------------
// Filters.

/** What the filter form holds: a segment and dates as typed (`YYYY-MM-DD`, or empty). */
export interface FilterForm {
  segment: string;
  from: string;
  to: string;
}

export const EMPTY_FORM: FilterForm = { segment: "", from: "", to: "" };

/** The filter sent with `gapsReport`, or why the form does not make one. */
export function filterOf(form: FilterForm): { filter: GapFilter } | { error: string } {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  for (const [name, v] of [
    ["From", form.from],
    ["To", form.to],
  ] as const) {
    if (v !== "" && (!day.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)))) {
      return { error: `${name}: "${v}" is not a date (YYYY-MM-DD).` };
    }
  }
  if (form.from !== "" && form.to !== "" && form.from >= form.to) {
    return { error: `The window is empty: ${form.from} is not before ${form.to}.` };
  }
  const segment = form.segment.trim();
  return {
    filter: {
      segment: segment === "" ? null : segment,
      from: form.from === "" ? null : `${form.from}T00:00:00Z`,
      to: form.to === "" ? null : `${form.to}T00:00:00Z`,
    },
  };
}

/** The filter as a short phrase ("segment new, from 2025-01-01"). */
export function filterText(filter: GapFilter): string {
  const parts: string[] = [];
  if (filter.segment) parts.push(`segment ${filter.segment}`);
  if (filter.from) parts.push(`from ${filter.from.slice(0, 10)}`);
  if (filter.to) parts.push(`before ${filter.to.slice(0, 10)}`);
  return parts.length === 0 ? "all data" : parts.join(", ");
}

/** What a touchpoint's card shows of the report. */
export interface CardGapInfo {
  gap: TouchpointGap | null;
  unobserved: boolean;
  span: number;
  scale: ScoreScale;
}

/** The card's part of the overlay (undefined when the report does not know the touchpoint). */
export function cardGap(overlay: BoardOverlay, touchpoint: string): CardGapInfo {
  return {
    gap: overlay.touchpoints.get(touchpoint) ?? null,
    unobserved: overlay.unobserved.has(touchpoint),
    span: overlay.span,
    scale: overlay.scale,
  };
}
