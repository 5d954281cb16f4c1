// The import wizard's logic, apart from its components: the steps, the column roles and what
// a mapping still lacks, the progress bar's fraction and estimate, and the alias answers.

import type {
  BadRow,
  ColumnMapping,
  ConfirmedAlias,
  DatasetKind,
  ImportProgress,
  ImportSettings,
  UnmatchedName,
} from "../ipc";

export type Step = "file" | "preview" | "mapping" | "progress" | "aliases" | "done";

export const STEPS: { step: Step; label: string }[] = [
  { step: "file", label: "File" },
  { step: "preview", label: "Preview" },
  { step: "mapping", label: "Columns" },
  { step: "progress", label: "Import" },
  { step: "aliases", label: "Names" },
  { step: "done", label: "Done" },
];

export type Role = keyof ColumnMapping;

export interface RoleInfo {
  role: Role;
  label: string;
  required: boolean;
}

/** The roles a column can play in a dataset of `kind`, required ones first. */
export function rolesFor(kind: DatasetKind): RoleInfo[] {
  if (kind === "event_log") {
    return [
      { role: "case", label: "Case (one customer's journey)", required: true },
      { role: "activity", label: "Activity", required: true },
      { role: "timestamp", label: "Timestamp", required: true },
      { role: "channel", label: "Channel", required: false },
      { role: "score", label: "Score", required: false },
      { role: "segment", label: "Segment", required: false },
    ];
  }
  return [
    { role: "activity", label: "Touchpoint or activity scored", required: true },
    { role: "score", label: "Score", required: true },
    { role: "timestamp", label: "Date", required: false },
    { role: "respondent", label: "Respondent", required: false },
    { role: "channel", label: "Channel", required: false },
    { role: "segment", label: "Segment", required: false },
  ];
}

export function emptyMapping(): ColumnMapping {
  return { case: null, activity: null, timestamp: null, channel: null, score: null, segment: null, respondent: null };
}

/** `mapping` with `role` played by `column` (or by none); a column plays one role at most. */
export function setRole(mapping: ColumnMapping, role: Role, column: number | null): ColumnMapping {
  const next: ColumnMapping = { ...emptyMapping(), ...mapping };
  if (column !== null) {
    for (const key of Object.keys(next) as Role[]) {
      if (key !== role && next[key] === column) next[key] = null;
    }
  }
  next[role] = column;
  return next;
}

/** What keeps the mapping from being imported, said for people; empty when it can go. */
export function mappingProblems(kind: DatasetKind, mapping: ColumnMapping | null, columns: number): string[] {
  const m = mapping ?? emptyMapping();
  const problems: string[] = [];
  for (const r of rolesFor(kind)) {
    const c = m[r.role];
    if (c === null || c === undefined) {
      if (r.required) problems.push(`Choose the column that holds the ${r.label.toLowerCase()}.`);
    } else if (c < 0 || c >= columns) {
      problems.push(`The ${r.label.toLowerCase()} names column ${c + 1}, but the file has ${columns}.`);
    }
  }
  return problems;
}

/** Settings as sent to the import: the mapping limited to the kind's roles. */
export function importSettings(settings: ImportSettings, mapping: ColumnMapping | null): ImportSettings {
  if (settings.format === "xes") return { ...settings, columns: null };
  const m = mapping ?? emptyMapping();
  const kept = emptyMapping();
  for (const r of rolesFor(settings.kind)) kept[r.role] = m[r.role] ?? null;
  return { ...settings, columns: kept };
}

/** The share of the whole import done: reading is the first half, storing the second. */
export function fraction(p: ImportProgress | null): number {
  if (!p || p.total <= 0) return 0;
  const part = Math.min(1, p.bytes / p.total);
  return p.phase === "reading" ? part / 2 : 0.5 + part / 2;
}

/** Seconds left, from the share done and the time spent (null until there is enough to go on). */
export function remainingSeconds(done: number, elapsedMs: number): number | null {
  if (done <= 0.02 || elapsedMs < 300) return null;
  if (done >= 1) return 0;
  return (elapsedMs / 1000) * ((1 - done) / done);
}

/** "about 12 s left", "about 3 min left", "almost done". */
export function remainingText(seconds: number | null): string {
  if (seconds === null) return "estimating the time left…";
  if (seconds < 1) return "almost done";
  if (seconds < 90) return `about ${Math.ceil(seconds)} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}

/** The rows read, whole ("12,345 rows read"). */
export function rowsText(rows: number): string {
  return `${rows.toLocaleString("en-US")} ${rows === 1 ? "row" : "rows"} read`;
}

/** A bad row as people read it: "line 7, column timestamp: '31/02/2026' is not a date". */
export function badRowText(bad: BadRow): string {
  return `line ${bad.line}${bad.column ? `, column ${bad.column}` : ""}: ${bad.reason}`;
}

/** The first answer for each unmatched name: its suggested touchpoint, or none (left as is). */
export function initialAnswers(names: UnmatchedName[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) out[n.name] = n.suggestion?.touchpoint ?? "";
  return out;
}

/** The answers that name a touchpoint, as the backend takes them. */
export function confirmedAliases(answers: Record<string, string>): ConfirmedAlias[] {
  return Object.entries(answers)
    .filter(([, touchpoint]) => touchpoint !== "")
    .map(([activity, touchpoint]) => ({ activity, touchpoint }));
}

/** The file name's own text, shorn of folders, for the dataset's name. */
export function datasetName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, "").trim();
}

export const DELIMITERS: { value: string; label: string }[] = [
  { value: ",", label: "Comma (,)" },
  { value: ";", label: "Semicolon (;)" },
  { value: "\t", label: "Tab" },
  { value: "|", label: "Pipe (|)" },
];
