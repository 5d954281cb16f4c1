// Text for numbers, durations and dates, as the UI writes them.

const UNITS = [
  { secs: 86_400, label: "d" },
  { secs: 3_600, label: "h" },
  { secs: 60, label: "min" },
  { secs: 1, label: "s" },
] as const;

/**
 * A duration in seconds as short text, at most two units: "45 s", "15 min", "1 h 30 min",
 * "2 d", "2 d 3 h". Empty for no duration (null or not a finite, non-negative number).
 */
export function durationText(secs: number | null | undefined): string {
  if (secs === null || secs === undefined || !Number.isFinite(secs) || secs < 0) return "";
  let rest = Math.round(secs);
  if (rest === 0) return "0 s";
  const parts: string[] = [];
  for (const unit of UNITS) {
    if (parts.length === 2) break;
    const n = Math.floor(rest / unit.secs);
    if (n > 0) {
      parts.push(`${n} ${unit.label}`);
      rest -= n * unit.secs;
    } else if (parts.length > 0) {
      // Never skip a unit in the middle ("1 d 5 s" reads as noise): stop at the first gap.
      break;
    }
  }
  return parts.join(" ");
}

/** A timestamp as a readable local date and time ("26 Nov 2026, 14:05"). */
export function dateTimeText(iso: string, locale?: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    ...(timeZone === undefined ? {} : { timeZone }),
  }).format(date);
}

/** A score without trailing zeros: 4 -> "4", 4.5 -> "4.5", 4.25 -> "4.25". */
export function scoreText(score: number): string {
  return Number.isInteger(score) ? String(score) : String(Number(score.toFixed(2)));
}

/** "1 stage", "5 stages". */
export function countText(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
