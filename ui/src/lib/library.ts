import type { MapSummary } from "../ipc";

/** The maps whose title contains the query (case-insensitive), in the order given. */
export function filterMaps(maps: readonly MapSummary[], query: string): MapSummary[] {
  const needle = query.trim().toLocaleLowerCase();
  if (needle === "") return [...maps];
  return maps.filter((m) => m.title.toLocaleLowerCase().includes(needle));
}

/** Why a title cannot be used, or null when it can. */
export function titleProblem(title: string): string | null {
  return title.trim() === "" ? "A map needs a title." : null;
}

/** What a copy is called before the backend names it (for messages while it is made). */
export function copyTitleOf(title: string): string {
  return `${title.trim()} (copy)`;
}
