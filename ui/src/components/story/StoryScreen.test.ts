import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { StoryFigures } from "../../ipc";
import { MapEditor } from "../../lib/editor.svelte";
import { fixtureMap } from "../../test/fixtures";
import StoryScreen from "./StoryScreen.svelte";

// The whole view mounts in each test; on a busy 2-core machine the first one can pass 5 s.
vi.setConfig({ testTimeout: 20_000 });

afterEach(() => {
  cleanup();
  clearMocks();
});

const figures: StoryFigures = {
  totals: { cost: 0, expected_return: 0, net: 0, return_ratio: null },
  uncovered_moments_of_truth: [],
  discipline_coverage: [],
  timeline: [],
};

type Call = { cmd: string; args: Record<string, unknown> };

function backend(options: { refuse?: string } = {}) {
  const calls: Call[] = [];
  let revision = 7;
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: args as Record<string, unknown> });
    if (cmd === "maps_open") return { map: fixtureMap, revision, saved_at: "2026-02-01T10:30:00Z", can_undo: false, can_redo: false };
    if (cmd === "story_figures") return figures;
    if (cmd === "maps_edit") {
      if (options.refuse) throw { code: "invalid", message: options.refuse };
      revision += 1;
      return { id: fixtureMap.id, revision, summary: "edit", saved_at: "2026-02-01T10:31:00Z", can_undo: true, can_redo: false };
    }
    if (cmd === "maps_undo") {
      revision += 1;
      return { id: fixtureMap.id, revision, summary: "undo", saved_at: "2026-02-01T10:32:00Z", can_undo: false, can_redo: true };
    }
    throw { code: "not_found", message: `no ${cmd}` };
  });
  return calls;
}

/** The map's editor, opened over the mocked backend. */
async function opened(): Promise<MapEditor> {
  const editor = new MapEditor(fixtureMap.id);
  await editor.open();
  return editor;
}

describe("StoryScreen", () => {
  it("sends edits in order, each against the revision the one before made", async () => {
    const calls = backend();
    render(StoryScreen, { editor: await opened() });
    await fireEvent.click(await screen.findByRole("radio", { name: /Shaping/ }));
    await fireEvent.click(screen.getByRole("radio", { name: /Visionary/ }));
    await expect.poll(() => (screen.getByRole("radio", { name: /Visionary/ }) as HTMLInputElement).checked).toBe(true);
    await screen.findByText("Saved");
    await expect.poll(() => calls.filter((c) => c.cmd === "maps_edit").length).toBe(2);
    const edits = calls.filter((c) => c.cmd === "maps_edit").map((c) => [c.args.baseRevision, c.args.edit]);
    expect(edits).toEqual([
      [7, { op: "set_story_style", style: "shaping" }],
      [8, { op: "set_story_style", style: "visionary" }],
    ]);
    expect((screen.getByRole("button", { name: "Undo" }) as HTMLButtonElement).disabled).toBe(false);
    await fireEvent.click(screen.getByRole("button", { name: "Undo" }));
    await expect.poll(() => calls.find((c) => c.cmd === "maps_undo")?.args.baseRevision).toBe(9);
  });

  it("shows a refused edit's reason and keeps the map as the store holds it", async () => {
    const calls = backend({ refuse: "story.initiatives[0].title: the initiative's title is empty" });
    render(StoryScreen, { editor: await opened() });
    await fireEvent.click(await screen.findByRole("radio", { name: /Classical/ }));
    expect((await screen.findByRole("alert")).textContent).toContain("the initiative's title is empty");
    expect(calls.filter((c) => c.cmd === "maps_edit").length).toBe(1);
    // The map as the store holds it: no style.
    await expect.poll(() => (screen.getByRole("radio", { name: /Classical/ }) as HTMLInputElement).checked).toBe(false);
  });
});
