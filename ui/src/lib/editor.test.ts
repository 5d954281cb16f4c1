import { describe, expect, it, vi } from "vitest";
import { IpcError, type Edit } from "../ipc";
import { fakeBackend } from "../test/editorBackend";
import { fixtureMap } from "../test/fixtures";
import { MapEditor, SLOW_SAVE_MS } from "./editor.svelte";

const rename = (title: string): Edit => ({ op: "set_title", title });

describe("MapEditor", () => {
  it("opens the map at the backend's revision", async () => {
    const fake = fakeBackend();
    const editor = new MapEditor(fixtureMap.id, fake.backend);
    await editor.open();
    expect(editor.map?.title).toBe(fixtureMap.title);
    expect(editor.revision).toBe(5);
    expect([editor.canUndo, editor.canRedo]).toEqual([false, false]);
  });

  it("sends an edit against its revision and applies it locally, without reading the map again", async () => {
    const fake = fakeBackend();
    const editor = new MapEditor(fixtureMap.id, fake.backend);
    await editor.open();
    const before = editor.map;
    expect(await editor.edit(rename("Patio, phase two"))).toBe(true);
    expect(editor.map?.title).toBe("Patio, phase two");
    expect(editor.map).not.toBe(before);
    expect(before?.title).toBe(fixtureMap.title);
    expect(editor.revision).toBe(6);
    expect(editor.canUndo).toBe(true);
    expect(editor.save).toBe("saved");
    expect(fake.calls.map((c) => c.cmd)).toEqual(["open", "edit"]);
    expect(editor.map).toEqual(fake.map);
  });

  it("leaves the map it replaces as it was, whichever list the edit changes", async () => {
    const fake = fakeBackend();
    const editor = new MapEditor(fixtureMap.id, fake.backend);
    await editor.open();
    const vote = { id: "v1", name: "Dots", cards: [], dots_per_person: 3, status: "closed" as const, voters: 0, tallies: [], decision: "" };
    const edits: Edit[] = [
      { op: "insert", index: 0, item: { vote } },
      { op: "insert", index: 0, item: { persona: { ...fixtureMap.personas[0]!, id: "p-new" } } },
      { op: "remove", kind: "touchpoint", id: fixtureMap.touchpoints[0]!.id },
      { op: "move", kind: "stage", id: fixtureMap.stages[0]!.id, to: 1 },
    ];
    for (const edit of edits) {
      const before = editor.map!;
      const copy = structuredClone(before);
      expect(await editor.edit(edit)).toBe(true);
      expect(before).toEqual(copy);
      expect(editor.lastChange?.before).toBe(before);
    }
    expect(editor.map).toEqual(fake.map);
  });

  it("sends edits one at a time, each against the revision the one before left", async () => {
    const fake = fakeBackend();
    const editor = new MapEditor(fixtureMap.id, fake.backend);
    await editor.open();
    const stage = fixtureMap.stages[0]!;
    const results = await Promise.all([
      editor.edit(rename("one")),
      editor.edit({ op: "replace", item: { stage: { ...stage, name: "Seen" } } }),
      editor.edit(rename("three")),
    ]);
    expect(results).toEqual([true, true, true]);
    expect(fake.most).toBe(1);
    expect(fake.calls.filter((c) => c.cmd === "edit").map((c) => c.base)).toEqual([5, 6, 7]);
    expect(editor.revision).toBe(8);
    expect(editor.map).toEqual(fake.map);
    expect(editor.map?.stages[0]?.name).toBe("Seen");
  });

  it("reads the map again when the revision does not follow on", async () => {
    const fake = fakeBackend();
    const editor = new MapEditor(fixtureMap.id, fake.backend);
    await editor.open();
    fake.fail.skipRevision = true;
    await editor.edit(rename("jumped"));
    expect(fake.calls.map((c) => c.cmd)).toEqual(["open", "edit", "open"]);
    expect(editor.revision).toBe(7);
    expect(editor.map?.title).toBe("jumped");
  });

  it("on a conflict says so and shows the map as the backend has it", async () => {
    const fake = fakeBackend();
    const editor = new MapEditor(fixtureMap.id, fake.backend);
    await editor.open();
    // Another window moved the map on.
    fake.map.title = "Changed elsewhere";
    fake.revision = 9;
    expect(await editor.edit(rename("mine"))).toBe(false);
    expect(editor.failure?.error.code).toBe("conflict");
    expect(editor.save).toBe("failed");
    expect(editor.map?.title).toBe("Changed elsewhere");
    expect(editor.revision).toBe(9);
    // The next edit goes through, and clears the message.
    expect(await editor.edit(rename("mine"))).toBe(true);
    expect(editor.failure).toBeNull();
    expect(editor.save).toBe("saved");
  });

  it("a failed edit changes nothing and keeps its message", async () => {
    const fake = fakeBackend();
    const editor = new MapEditor(fixtureMap.id, fake.backend);
    await editor.open();
    const shown = editor.map;
    fake.fail.next = new IpcError("disk_full", "The disk is full");
    expect(await editor.edit(rename("lost"), "Renaming the map")).toBe(false);
    expect(editor.map).toBe(shown);
    expect(editor.revision).toBe(5);
    expect(editor.refusals).toBe(1);
    expect(editor.failure).toMatchObject({ what: "Renaming the map", error: { code: "disk_full", message: "The disk is full" } });
    editor.dismissFailure();
    expect(editor.failure).toBeNull();
  });

  it("undo and redo go to the backend and read the map again", async () => {
    const fake = fakeBackend();
    const editor = new MapEditor(fixtureMap.id, fake.backend);
    await editor.open();
    await editor.edit(rename("new"));
    expect(await editor.undo()).toBe(true);
    expect(editor.map?.title).toBe(fixtureMap.title);
    expect([editor.canUndo, editor.canRedo]).toEqual([false, true]);
    expect(await editor.redo()).toBe(true);
    expect(editor.map?.title).toBe("new");
    expect(fake.calls.map((c) => c.cmd)).toEqual(["open", "edit", "undo", "open", "redo", "open"]);
    expect(fake.calls.filter((c) => c.cmd === "undo" || c.cmd === "redo").map((c) => c.base)).toEqual([6, 7]);
    expect(await editor.redo()).toBe(false);
    expect(editor.failure?.error.code).toBe("nothing_to_redo");
  });

  it("removes with the backend's removal edit, dependents included", async () => {
    const fake = fakeBackend();
    const editor = new MapEditor(fixtureMap.id, fake.backend);
    await editor.open();
    const stage = fixtureMap.stages.find((s) => fixtureMap.touchpoints.some((t) => t.stage === s.id))!;
    expect(await editor.remove("stage", stage.id)).toBe(true);
    expect(editor.map?.stages.some((s) => s.id === stage.id)).toBe(false);
    expect(editor.map?.touchpoints.some((t) => t.stage === stage.id)).toBe(false);
    expect(editor.map).toEqual(fake.map);
    expect(fake.calls.map((c) => c.cmd)).toEqual(["open", "removal", "edit"]);
  });

  it("follows changes from other windows that are newer than what it shows", async () => {
    const fake = fakeBackend();
    const editor = new MapEditor(fixtureMap.id, fake.backend);
    await editor.open();
    await editor.changedElsewhere(5);
    expect(fake.calls.map((c) => c.cmd)).toEqual(["open"]);
    fake.map.title = "From the other window";
    fake.revision = 6;
    await editor.changedElsewhere(6);
    expect(editor.map?.title).toBe("From the other window");
    expect(editor.revision).toBe(6);
  });

  it("a map that cannot be opened gives its error", async () => {
    const fake = fakeBackend();
    const editor = new MapEditor("00000000-0000-4000-8000-00000000dead", fake.backend);
    await editor.open();
    expect(editor.map).toBeNull();
    expect(editor.loadError?.code).toBe("not_found");
  });
});

describe("MapEditor save state", () => {
  it("reading the map is not saving; a change is, until it is saved", async () => {
    const fake = fakeBackend();
    const editor = new MapEditor(fixtureMap.id, fake.backend);
    await editor.open();
    expect(editor.save).toBe("idle");
    const pending = editor.edit({ op: "set_title", title: "x" });
    expect(editor.save).toBe("saving");
    await pending;
    expect(editor.save).toBe("saved");
    fake.revision = 10;
    const reading = editor.changedElsewhere(10);
    expect(editor.save).toBe("saved");
    await reading;
    expect(editor.revision).toBe(10);
  });

  it("says Saving… only for a change that takes a while; a quick one goes straight to Saved", async () => {
    vi.useFakeTimers();
    try {
      const fake = fakeBackend();
      const editor = new MapEditor(fixtureMap.id, fake.backend);
      const opening = editor.open();
      await vi.advanceTimersByTimeAsync(5);
      await opening;
      expect(editor.statusText).toBe("");
      // The fake backend answers in 2 ms: never "Saving…".
      const seen = new Set<string>();
      const quick = editor.edit({ op: "set_title", title: "quick" });
      seen.add(editor.statusText);
      await vi.advanceTimersByTimeAsync(5);
      await quick;
      seen.add(editor.statusText);
      expect([...seen]).toEqual(["", "Saved"]);
      // A change held back past the threshold says so, then Saved.
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const applyEdit = fake.backend.applyEdit;
      fake.backend.applyEdit = async (...args) => {
        await gate;
        return applyEdit(...args);
      };
      const slow = editor.edit({ op: "set_title", title: "slow" });
      expect(editor.statusText).toBe("Saved");
      await vi.advanceTimersByTimeAsync(SLOW_SAVE_MS + 10);
      expect(editor.statusText).toBe("Saving…");
      release();
      await vi.advanceTimersByTimeAsync(5);
      await slow;
      expect(editor.statusText).toBe("Saved");
      expect(editor.slowSave).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
