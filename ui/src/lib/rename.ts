// Renaming a map from the library: an edit (`set_title`) like any other, so undo in the map
// takes it back. The library's summary carries the revision to make it against.

import { IpcError, applyEdit, openMap, type Applied, type MapSummary } from "../ipc";
import { titleProblem } from "./library";

/**
 * Give the map `title` (trimmed). A list read before another window changed the map has a
 * stale revision: the rename is then made once more against the latest one.
 */
export async function renameMap(map: MapSummary, title: string): Promise<Applied> {
  const problem = titleProblem(title);
  if (problem) throw new IpcError("invalid", problem);
  const edit = { op: "set_title", title: title.trim() } as const;
  try {
    return await applyEdit(map.id, map.revision, edit);
  } catch (err) {
    if (!(err instanceof IpcError) || err.code !== "conflict") throw err;
    const latest = await openMap(map.id);
    return applyEdit(map.id, latest.revision, edit);
  }
}
