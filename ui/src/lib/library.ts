import type { MapSummary } from "../ipc";

/** The maps whose title contains the query (case-insensitive), in the order given. */
export function filterMaps(maps: readonly MapSummary[], query: string): MapSummary[] {
  const needle = query.trim().toLocaleLowerCase();
  if (needle === "") return [...maps];
  return maps.filter((m) => m.title.toLocaleLowerCase().includes(needle));
}
