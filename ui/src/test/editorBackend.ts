// A backend in memory for the editor store's tests: applies edits with apply.ts, keeps undo and
// redo stacks, answers conflicts as the store does, and counts calls.

import { IpcError, type Applied, type Edit, type ItemKind, type JourneyMap, type MapState } from "../ipc";
import { applyEditTo } from "../lib/apply";
import type { EditorBackend } from "../lib/editor.svelte";
import { fixtureMap } from "./fixtures";

export function fakeBackend(start: JourneyMap = fixtureMap) {
  const map = structuredClone(start);
  let revision = 5;
  const undo: Edit[] = [];
  const redo: Edit[] = [];
  const calls: { cmd: string; base?: number }[] = [];
  let inFlight = 0;
  let most = 0;
  const fail: { next?: IpcError; skipRevision?: boolean } = {};
  const answer = (): Applied => ({
    id: map.id,
    revision,
    summary: "change",
    saved_at: "2026-02-01T10:30:00Z",
    can_undo: undo.length > 0,
    can_redo: redo.length > 0,
  });
  const slow = async <T>(work: () => T): Promise<T> => {
    inFlight += 1;
    most = Math.max(most, inFlight);
    await new Promise((r) => setTimeout(r, 2));
    inFlight -= 1;
    return work();
  };
  const backend: EditorBackend = {
    openMap: (id: string) =>
      slow((): MapState => {
        calls.push({ cmd: "open" });
        if (id !== map.id) throw new IpcError("not_found", "no such map");
        return {
          map: structuredClone(map),
          revision,
          saved_at: "2026-02-01T10:30:00Z",
          can_undo: undo.length > 0,
          can_redo: redo.length > 0,
        };
      }),
    applyEdit: (_id, base, edit) =>
      slow(() => {
        calls.push({ cmd: "edit", base });
        if (fail.next) {
          const err = fail.next;
          fail.next = undefined;
          throw err;
        }
        if (base !== revision) throw new IpcError("conflict", `the map changed since revision ${base}`);
        undo.push(applyEditTo(map, structuredClone(edit)));
        redo.length = 0;
        revision += fail.skipRevision ? 2 : 1;
        return answer();
      }),
    undo: (_id, base) =>
      slow(() => {
        calls.push({ cmd: "undo", base });
        const edit = undo.pop();
        if (!edit) throw new IpcError("nothing_to_undo", "Nothing to undo.");
        redo.push(applyEditTo(map, edit));
        revision += 1;
        return answer();
      }),
    redo: (_id, base) =>
      slow(() => {
        calls.push({ cmd: "redo", base });
        const edit = redo.pop();
        if (!edit) throw new IpcError("nothing_to_redo", "Nothing to redo.");
        undo.push(applyEditTo(map, edit));
        revision += 1;
        return answer();
      }),
    removalEdit: (_id, kind: ItemKind, itemId) =>
      slow((): Edit => {
        calls.push({ cmd: "removal" });
        // Stage removal with its touchpoints, as core's remove_with_dependents does.
        const edits: Edit[] = map.touchpoints
          .filter((t) => kind === "stage" && t.stage === itemId)
          .map((t) => ({ op: "remove", kind: "touchpoint", id: t.id }));
        edits.push({ op: "remove", kind, id: itemId });
        return { op: "batch", edits };
      }),
  };
  return {
    backend,
    calls,
    fail,
    get map() {
      return map;
    },
    get revision() {
      return revision;
    },
    set revision(r: number) {
      revision = r;
    },
    get most() {
      return most;
    },
  };
}

