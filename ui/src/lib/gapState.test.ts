import { describe, expect, it, vi } from "vitest";
import type { GapFilter, GapReport } from "../ipc";
import { ALL, GapState, type GapBackend } from "./gapState.svelte";

/** A backend whose answers the test releases by hand. */
function held() {
  const pending: { filter: GapFilter; resolve: (r: GapReport | null) => void; reject: (e: unknown) => void }[] = [];
  const backend: GapBackend = {
    gapsReport: (_map, filter) => new Promise((resolve, reject) => pending.push({ filter, resolve, reject })),
    gapsCompare: async () => null,
  };
  return { backend, pending };
}
const fake = (cases: number) => ({ totals: { cases } }) as unknown as GapReport;
const settle = () => new Promise((r) => setTimeout(r, 0));

describe("the gap report's state", () => {
  it("reads nothing until a view wants it, then reads once", async () => {
    const { backend, pending } = held();
    const g = new GapState("m", backend);
    g.stale();
    expect(pending.length).toBe(0);
    g.setWanted(true);
    expect(pending.length).toBe(1);
    expect(pending[0]!.filter).toEqual(ALL);
    pending[0]!.resolve(fake(3));
    await settle();
    expect(g.status).toBe("ready");
    g.setWanted(true);
    expect(pending.length).toBe(1);
  });

  it("keeps the last report while a newer one computes, and the latest request wins", async () => {
    const { backend, pending } = held();
    const g = new GapState("m", backend);
    g.setWanted(true);
    pending[0]!.resolve(fake(1));
    await settle();
    void g.setFilter({ segment: "a", from: null, to: null });
    void g.setFilter({ segment: "b", from: null, to: null });
    expect(g.status).toBe("loading");
    expect(g.report?.totals.cases).toBe(1);
    pending[2]!.resolve(fake(3));
    await settle();
    pending[1]!.resolve(fake(2));
    await settle();
    expect(g.report?.totals.cases).toBe(3);
    expect(g.status).toBe("ready");
  });

  it("says so when the map has no data, and when the report fails", async () => {
    const { backend, pending } = held();
    const g = new GapState("m", backend);
    g.setWanted(true);
    pending[0]!.resolve(null);
    await settle();
    expect(g.status).toBe("no-data");
    void g.load();
    pending[1]!.reject({ code: "invalid_input", message: "the time window is empty" });
    await settle();
    expect(g.status).toBe("failed");
    expect(g.error?.message).toBe("the time window is empty");
  });

  it("reads again a little after a change, once for a burst of changes", async () => {
    vi.useFakeTimers();
    try {
      const { backend, pending } = held();
      const g = new GapState("m", backend);
      g.setWanted(true);
      g.stale();
      g.stale();
      g.stale();
      expect(pending.length).toBe(1);
      vi.advanceTimersByTime(300);
      expect(pending.length).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
