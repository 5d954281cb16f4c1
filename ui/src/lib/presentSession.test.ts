import { describe, expect, it } from "vitest";
import type { PresentView } from "../ipc";
import { IpcError } from "../ipc";
import { PresentSession, type PresentBackend } from "./present.svelte";

const view = (seq: number, stage: number): PresentView => ({
  seq,
  audience: false,
  presentation: {
    map: "m",
    stage,
    spotlight: null,
    details: false,
    blank: false,
    timer: { duration_ms: 60_000, deadline_ms: null, remaining_ms: 60_000 },
    captured: [],
  },
});

function backend(over: Partial<PresentBackend> = {}): PresentBackend {
  const refuse = () => Promise.reject(new IpcError("not_found", "No presentation is running"));
  return {
    presentStart: async () => view(1, 0),
    presentGet: async () => null,
    presentGo: refuse,
    presentSpotlight: refuse,
    presentDetails: refuse,
    presentBlank: refuse,
    presentTimer: refuse,
    presentCaptured: refuse,
    presentAudience: refuse,
    presentFullscreen: async () => true,
    presentStop: async () => {},
    ...over,
  };
}

describe("the present session of a window", () => {
  it("keeps the newest news: an older event arriving late changes nothing", () => {
    const s = new PresentSession(backend());
    s.take(view(3, 2), 3);
    s.take(view(2, 1), 2);
    expect(s.view?.presentation.stage).toBe(2);
    s.take(view(4, 3), 4);
    expect(s.view?.presentation.stage).toBe(3);
    // The end of the presentation is news too.
    s.take(null, 5);
    expect(s.view).toBeNull();
  });

  it("shows the backend's answer, and its refusal as a message", async () => {
    const s = new PresentSession(backend({ presentGo: async () => view(2, 1) }));
    expect(await s.start("m")).toBe(true);
    expect(await s.go("next")).toBe(true);
    expect(s.view?.presentation.stage).toBe(1);
    expect(await s.details(true)).toBe(false);
    expect(s.error?.message).toBe("No presentation is running");
    expect(s.view?.presentation.stage).toBe(1);
    expect(await s.stop()).toBe(true);
    expect([s.view, s.error]).toEqual([null, null]);
  });
});
