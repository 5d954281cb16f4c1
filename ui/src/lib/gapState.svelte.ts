// The gap report of one open map, as the board's overlay and the Gaps view read it. The report is
// computed by the backend off the main thread; while a new one computes, the last one stays on
// screen (`loading` says a newer one is coming). Only the latest request's answer is kept, so a
// slow old answer never replaces a newer one. Map edits (this window's or another's: both move
// the editor's revision) and dataset changes ask for a new report, a little later, once.

import * as ipc from "../ipc";
import type { GapFilter, GapReport, IpcError, WindowComparison } from "../ipc";

export interface GapBackend {
  gapsReport(map: string, filter: GapFilter): Promise<GapReport | null>;
  gapsCompare(map: string, before: GapFilter, after: GapFilter): Promise<WindowComparison | null>;
}

export type GapStatus = "idle" | "loading" | "ready" | "no-data" | "failed";

export const ALL: GapFilter = { segment: null, from: null, to: null };

export class GapState {
  readonly mapId: string;
  /** The latest report received (kept while a newer one computes); null before the first. */
  report = $state.raw<GapReport | null>(null);
  status = $state<GapStatus>("idle");
  error = $state.raw<IpcError | null>(null);
  filter = $state.raw<GapFilter>(ALL);
  /** Whether a view shows the report: nothing is computed before one does. */
  wanted = $state(false);
  /** How long the latest report took, in ms (shown to people, and measured in tests). */
  took = $state<number | null>(null);

  comparison = $state.raw<WindowComparison | null>(null);
  compareStatus = $state<GapStatus>("idle");
  compareError = $state.raw<IpcError | null>(null);

  private readonly backend: GapBackend;
  private seq = 0;
  private compareSeq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(mapId: string, backend: GapBackend = ipc) {
    this.mapId = mapId;
    this.backend = backend;
  }

  /** Whether a view shows the report; when one starts to, read it unless it is current. */
  setWanted(wanted: boolean) {
    this.wanted = wanted;
    if (wanted && this.status === "idle") void this.load();
  }

  /** Read the report through `filter` (now). */
  setFilter(filter: GapFilter) {
    this.filter = filter;
    return this.load();
  }

  /** The map or its data changed: read the report again soon, if anyone shows it. */
  stale(delayMs = 250) {
    if (!this.wanted) {
      // Read again when a view next shows it (an answer in flight is for the old map).
      this.seq += 1;
      this.status = "idle";
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(), delayMs);
  }

  async load(): Promise<void> {
    clearTimeout(this.timer);
    const seq = ++this.seq;
    const filter = this.filter;
    this.status = "loading";
    const started = performance.now();
    try {
      const report = await this.backend.gapsReport(this.mapId, filter);
      if (seq !== this.seq) return;
      this.took = Math.round(performance.now() - started);
      this.report = report;
      this.error = null;
      this.status = report === null ? "no-data" : "ready";
    } catch (err) {
      if (seq !== this.seq) return;
      this.error = ipc.toIpcError(err);
      this.status = "failed";
    }
  }

  async compare(before: GapFilter, after: GapFilter): Promise<void> {
    const seq = ++this.compareSeq;
    this.compareStatus = "loading";
    try {
      const comparison = await this.backend.gapsCompare(this.mapId, before, after);
      if (seq !== this.compareSeq) return;
      this.comparison = comparison;
      this.compareError = null;
      this.compareStatus = comparison === null ? "no-data" : "ready";
    } catch (err) {
      if (seq !== this.compareSeq) return;
      this.compareError = ipc.toIpcError(err);
      this.compareStatus = "failed";
    }
  }

  dispose() {
    clearTimeout(this.timer);
    this.seq += 1;
    this.compareSeq += 1;
  }
}
