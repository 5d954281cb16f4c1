// The state of one map open for editing on the board. Every change is an `Edit` sent to the
// backend against the revision the board shows; once the backend has accepted it (durable), the
// same edit is applied to the board's copy with apply.ts. Whenever the board's copy might differ
// from the backend's (an undo or redo, a revision that does not follow on, a conflict, a change
// made in another window) the map is read again with `openMap`. Changes are sent one at a time:
// a change asked for while another is in flight waits its turn.

import * as ipc from "../ipc";
import type { Applied, Edit, IpcError, ItemKind, JourneyMap, MapState } from "../ipc";
import { applyEditTo } from "./apply";

/** The backend calls the editor makes (the ipc module; tests pass their own). */
export interface EditorBackend {
  openMap(id: string): Promise<MapState>;
  applyEdit(id: string, baseRevision: number, edit: Edit): Promise<Applied>;
  undo(id: string, baseRevision: number): Promise<Applied>;
  redo(id: string, baseRevision: number): Promise<Applied>;
  removalEdit(id: string, kind: ItemKind, itemId: string): Promise<Edit>;
}

/** Whether the latest change reached the disk. */
export type SaveState = "idle" | "saving" | "saved" | "failed";

/** How long a change may take before the status says "Saving…" (most are saved well within). */
export const SLOW_SAVE_MS = 400;

/** A change that did not happen, for people: what was tried and why it failed. */
export interface EditFailure {
  what: string;
  error: IpcError;
}

export class MapEditor {
  readonly id: string;
  /** The map as the backend has it (a copy kept in step). Replaced, never mutated, on change. */
  map = $state.raw<JourneyMap | null>(null);
  revision = $state(0);
  canUndo = $state(false);
  canRedo = $state(false);
  /** Why the map could not be opened (nothing to show then). */
  loadError = $state.raw<IpcError | null>(null);
  save = $state<SaveState>("idle");
  /** A change has been saving for longer than `SLOW_SAVE_MS`. */
  slowSave = $state(false);
  savedAt = $state<string | null>(null);
  /** The latest change that failed, until the next one succeeds or it is dismissed. */
  failure = $state.raw<EditFailure | null>(null);
  /** How many changes the backend refused without the map moving on (see `send`). */
  refusals = $state(0);
  /** What the latest accepted change did ("add touchpoint", "undo add touchpoint"). */
  lastSummary = $state("");
  /**
   * The latest edit applied to this copy, with the maps before and after it (not reactive: read
   * with `map`). Views that index the map (the board's columns) update from it instead of
   * reading the whole map again; after a reload it no longer leads to `map`.
   */
  lastChange: { before: JourneyMap; after: JourneyMap; edit: Edit } | null = null;

  private readonly backend: EditorBackend;
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private slowTimer: ReturnType<typeof setTimeout> | undefined;
  /** What the status said before the changes in flight began. */
  private settled = "";

  constructor(id: string, backend: EditorBackend = ipc) {
    this.id = id;
    this.backend = backend;
  }

  /** Read the map (again) from the backend. */
  open(): Promise<void> {
    return this.enqueue(() => this.reload(), false);
  }

  /** Send `edit`; resolves true once it is saved and shown, false when it failed. */
  edit(edit: Edit, what = "The change"): Promise<boolean> {
    return this.enqueue(() => this.send(edit, what));
  }

  /**
   * Remove an item and whatever points at it, as the backend's `remove_with_dependents` works it
   * out on the map as it is when the removal's turn comes.
   */
  remove(kind: ItemKind, itemId: string, what = "The removal"): Promise<boolean> {
    return this.enqueue(async () => {
      let edit: Edit;
      try {
        edit = await this.backend.removalEdit(this.id, kind, itemId);
      } catch (err) {
        this.fail(what, err);
        return false;
      }
      return this.send(edit, what);
    });
  }

  undo(): Promise<boolean> {
    return this.enqueue(() => this.step("undo"));
  }

  redo(): Promise<boolean> {
    return this.enqueue(() => this.step("redo"));
  }

  /** Another window changed the map: read it again unless this copy is already that new. */
  changedElsewhere(revision: number): Promise<void> {
    return this.enqueue(async () => {
      if (revision > this.revision || this.map === null) await this.reload();
    }, false);
  }

  dismissFailure() {
    this.failure = null;
  }

  /** True while a change is being sent or waits to be. */
  get busy(): boolean {
    return this.save === "saving";
  }

  /**
   * The save status for people: "Saved", "Not saved", or "Saving…" once a change takes longer
   * than `SLOW_SAVE_MS`; a quick save leaves the status as it was until it says "Saved" (no
   * flicker, and a screen reader hears one word per change).
   */
  get statusText(): string {
    if (this.save === "saving") return this.slowSave ? "Saving…" : this.settled;
    return settledText(this.save);
  }

  /** Run `task` after the ones before it; `saving`: it changes the map (shows "Saving…"). */
  private enqueue<T>(task: () => Promise<T>, saving = true): Promise<T> {
    if (saving) {
      if (this.pending === 0) {
        this.settled = settledText(this.save);
        this.slowTimer = setTimeout(() => (this.slowSave = true), SLOW_SAVE_MS);
      }
      this.pending += 1;
      this.save = "saving";
    }
    const run = this.queue.then(task).finally(() => {
      if (!saving) return;
      this.pending -= 1;
      if (this.pending > 0) return;
      clearTimeout(this.slowTimer);
      this.slowSave = false;
      if (this.save === "saving") this.save = this.failure ? "failed" : "saved";
    });
    this.queue = run.catch(() => {});
    return run;
  }

  private async reload(): Promise<void> {
    try {
      const state = await this.backend.openMap(this.id);
      this.map = state.map;
      this.revision = state.revision;
      this.canUndo = state.can_undo;
      this.canRedo = state.can_redo;
      this.savedAt = state.saved_at;
      this.loadError = null;
    } catch (err) {
      const error = ipc.toIpcError(err);
      if (this.map === null) this.loadError = error;
      else this.failure = { what: "Reading the map again", error };
    }
  }

  private async send(edit: Edit, what: string): Promise<boolean> {
    if (this.map === null) {
      this.fail(what, new ipc.IpcError("not_found", "The map is not open."));
      return false;
    }
    const base = this.revision;
    let applied: Applied;
    try {
      applied = await this.backend.applyEdit(this.id, base, edit);
    } catch (err) {
      this.fail(what, err);
      // The map moved on under us (another window): show it as it is now.
      if (ipc.toIpcError(err).code === "conflict") await this.reload();
      // Otherwise nothing changed, but a view may already show the change (a ticked radio, a
      // typed field): `refusals` tells such views to draw the map as the store holds it again.
      else this.refusals += 1;
      return false;
    }
    this.accepted(applied);
    if (applied.revision !== base + 1) {
      await this.reload();
      return true;
    }
    // The backend has it; bring the board's copy in step without reading the whole map again.
    // A fresh top and fresh lists (the items in them are shared: an edit replaces an item, it
    // never changes one), so that everything drawn from the map sees the change.
    const next = freshLists(this.map);
    try {
      applyEditTo(next, structuredClone(edit));
    } catch {
      await this.reload();
      return true;
    }
    this.lastChange = { before: this.map, after: next, edit };
    this.map = next;
    this.revision = applied.revision;
    return true;
  }

  private async step(which: "undo" | "redo"): Promise<boolean> {
    if (this.map === null) return false;
    try {
      const applied = await (which === "undo"
        ? this.backend.undo(this.id, this.revision)
        : this.backend.redo(this.id, this.revision));
      this.accepted(applied);
    } catch (err) {
      this.fail(which === "undo" ? "Undo" : "Redo", err);
      if (ipc.toIpcError(err).code !== "conflict") return false;
    }
    await this.reload();
    return this.failure === null;
  }

  private accepted(applied: Applied) {
    this.failure = null;
    this.canUndo = applied.can_undo;
    this.canRedo = applied.can_redo;
    this.savedAt = applied.saved_at;
    this.lastSummary = applied.summary;
  }

  private fail(what: string, err: unknown) {
    this.failure = { what, error: ipc.toIpcError(err) };
    this.save = "failed";
  }
}

function settledText(save: SaveState): string {
  return save === "saved" ? "Saved" : save === "failed" ? "Not saved" : "";
}

/** A copy of the map's top and of its lists, sharing the items. */
export function freshLists(map: JourneyMap): JourneyMap {
  return {
    ...map,
    personas: [...map.personas],
    stages: [...map.stages],
    lanes: [...map.lanes],
    touchpoints: [...map.touchpoints],
    lane_cards: [...map.lane_cards],
    corridor: { ...map.corridor, steps: [...map.corridor.steps] },
    votes: [...(map.votes ?? [])],
    story: {
      ...map.story,
      success_definitions: [...map.story.success_definitions],
      data_questions: [...map.story.data_questions],
      capabilities: [...map.story.capabilities],
      weaknesses: [...map.story.weaknesses],
      assets: [...map.story.assets],
      kpis: [...map.story.kpis],
      initiatives: [...map.story.initiatives],
    },
  };
}
