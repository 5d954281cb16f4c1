// A stand-in for the board's editor store (lib/editor.svelte.ts of the `board` branch, which
// queues, journals and re-reads): just enough to send the corridor's and the emotion curve's
// edits through the backend and show them, until that store is merged. Every edit goes to the
// backend against the map's revision; once accepted it is applied to a copy with apply.ts.

import { applyEdit, openMap, toIpcError, type Edit, type JourneyMap } from "../ipc";
import { applyEditTo } from "./apply";

export class LocalEditor {
  map = $state.raw<JourneyMap>() as JourneyMap;
  private revision: number | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(map: JourneyMap) {
    this.map = map;
  }

  /** Sends `edit`; resolves once saved and shown. Rejects with the backend's error. */
  edit(edit: Edit): Promise<boolean> {
    const run = this.queue.then(() => this.send(edit));
    this.queue = run.catch(() => {});
    return run;
  }

  private async send(edit: Edit): Promise<boolean> {
    try {
      if (this.revision === null) {
        const state = await openMap(this.map.id);
        this.map = state.map;
        this.revision = state.revision;
      }
      const applied = await applyEdit(this.map.id, this.revision, edit);
      const next = structuredClone(this.map);
      applyEditTo(next, structuredClone(edit));
      this.map = next;
      this.revision = applied.revision;
      return true;
    } catch (err) {
      // Read the map again before the next edit: it may have moved on.
      this.revision = null;
      throw toIpcError(err);
    }
  }
}
