// Words for the strategy story, as Corridor says them, and small helpers for the Story view.
// The figures (totals, coverage, the timeline's groups and overlaps) come from the backend.

import type {
  DataQuestionKind,
  Department,
  Discipline,
  Priority,
  Remedy,
  StrategyStyle,
  WorkStatus,
} from "../ipc";

export interface StyleInfo {
  style: StrategyStyle;
  label: string;
  /** The question a team of this style keeps asking (as in crates/core/src/story.rs). */
  question: string;
  /** When the style fits, in a sentence or two. */
  explanation: string;
}

export const STYLES: readonly StyleInfo[] = [
  {
    style: "classical",
    label: "Classical",
    question: "Where do we stand, and how do we hold that position?",
    explanation:
      "For a market that is stable and readable. Plan for the long run from a clear position, " +
      "and make every step of the journey reliably better than the competition's.",
  },
  {
    style: "adaptive",
    label: "Adaptive",
    question: "What is changing now, and how fast can we follow it?",
    explanation:
      "For a market that moves faster than a yearly plan. Run short experiments on the " +
      "journey, keep what the data supports, and let the rest go quickly.",
  },
  {
    style: "shaping",
    label: "Shaping",
    question: "Who can we bring together to change the rules of the market?",
    explanation:
      "For a market still open to being formed. Build the journey with partners, resellers and " +
      "customers themselves, so the whole ecosystem sets a new standard with you.",
  },
  {
    style: "visionary",
    label: "Visionary",
    question: "What future do we see first, and how do we build it?",
    explanation:
      "For a market where you see a shift before others do. Commit to a bold journey early and " +
      "build towards it, step by step, before the rest of the market arrives.",
  },
];

export const DATA_QUESTIONS: readonly { kind: DataQuestionKind; text: string }[] = [
  { kind: "how_do_customers_find_us", text: "How do customers find us?" },
  { kind: "why_do_they_choose_us", text: "Why do they choose us?" },
  { kind: "how_easy_is_it_to_leave_a_review", text: "How easy is it to leave a review?" },
  { kind: "what_brings_them_back", text: "What brings them back?" },
  { kind: "how_often_do_they_need_support", text: "How often do they need support?" },
];

export const REMEDIES: readonly { value: Remedy; label: string }[] = [
  { value: "build", label: "Build" },
  { value: "hire", label: "Hire" },
  { value: "partner", label: "Partner" },
  { value: "acquire", label: "Acquire" },
  { value: "startup_programme", label: "Startup programme" },
];

export const STATUSES: readonly { value: WorkStatus; label: string }[] = [
  { value: "planned", label: "Planned" },
  { value: "in_progress", label: "In progress" },
  { value: "done", label: "Done" },
  { value: "dropped", label: "Dropped" },
];

export const PRIORITIES: readonly { value: Priority; label: string }[] = [
  { value: "high", label: "High" },
  { value: "medium", label: "Medium" },
  { value: "low", label: "Low" },
];

export const DISCIPLINES: readonly { value: Discipline; label: string; about: string }[] = [
  { value: "strategy", label: "Strategy", about: "where the experience should go, and why" },
  { value: "intelligence", label: "Intelligence", about: "what you know of your customers, and how" },
  { value: "design", label: "Design", about: "the designed journey: touchpoints, targets, the corridor" },
  { value: "measurement", label: "Measurement", about: "how the experience is measured against its targets" },
  { value: "connection", label: "Connection", about: "work that joins departments and channels" },
  { value: "live_operation", label: "Live operation", about: "the plan at work in daily operation" },
];

/** The departments offered in a picker (a custom one already on the map is offered too). */
export const DEPARTMENTS: readonly Exclude<Department, { custom: string }>[] = [
  "marketing",
  "sales",
  "service",
  "finance",
  "e_commerce",
  "logistics",
  "billing",
  "hr",
  "product",
  "it",
];

export function labelOf<T extends string>(list: readonly { value: T; label: string }[], value: T): string {
  return list.find((x) => x.value === value)?.label ?? value;
}

/** A department as the value of a `<select>` option: its key, or `custom:Name`. */
export function departmentKey(d: Department): string {
  return typeof d === "string" ? d : `custom:${d.custom}`;
}

export function departmentFromKey(key: string): Department {
  return key.startsWith("custom:") ? { custom: key.slice("custom:".length) } : (key as Department);
}

/** A new id for an item the UI creates. */
export function newId(): string {
  return crypto.randomUUID();
}

/** Today as `YYYY-MM-DD` in the user's time zone (the default dates of a new initiative). */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `2026-03-31` → days since 1970-01-01 (dates are whole days, no time zone). */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.round(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 86_400_000);
}

/** A number as typed in a field: `null` for empty, `NaN` for something that is not a number. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/\s/g, "").replace(",", ".");
  if (t === "") return null;
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t) ? Number(t) : NaN;
}

/** A money-like amount, grouped by thousands, at most two decimals; "—" for no number. */
export function amountText(n: number | null | undefined, locale?: string): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  return n.toLocaleString(locale, { maximumFractionDigits: 2 });
}

export interface TimelineScale {
  start: number;
  end: number;
  /** First days of the months the range covers, for the axis. */
  months: { day: number; label: string }[];
}

/** The range of days the timeline shows (whole months around every initiative). */
export function timelineScale(ranges: { start: string; end: string }[], locale?: string): TimelineScale | null {
  if (ranges.length === 0) return null;
  const starts = ranges.map((r) => r.start).sort();
  const ends = ranges.map((r) => r.end).sort();
  const first = starts[0]!;
  const last = ends[ends.length - 1]! > starts[starts.length - 1]! ? ends[ends.length - 1]! : starts[starts.length - 1]!;
  let [y, m] = first.split("-").map(Number) as [number, number];
  const [ly, lm] = last.split("-").map(Number) as [number, number];
  const months: { day: number; label: string }[] = [];
  const fmt = new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" });
  while (y < ly || (y === ly && m <= lm)) {
    const day = Math.round(Date.UTC(y, m - 1, 1) / 86_400_000);
    months.push({ day, label: fmt.format(new Date(day * 86_400_000)) });
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  const end = Math.round(Date.UTC(y, m - 1, 1) / 86_400_000);
  return { start: months[0]!.day, end, months };
}
