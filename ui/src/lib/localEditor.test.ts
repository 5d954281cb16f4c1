import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Edit } from "../ipc";
import { fixtureMap } from "../test/fixtures";

const backend = vi.hoisted(() => ({ openMap: vi.fn(), applyEdit: vi.fn() }));
vi.mock("../ipc", async (original) => ({ ...(await original<typeof import("../ipc")>()), ...backend }));

const { LocalEditor } = await import("./localEditor.svelte");
const { IpcError } = await import("../ipc");

const optional: Edit = {
  op: "replace",
  item: { corridor_step: { ...fixtureMap.corridor.steps[1]!, optional: true } },
};

describe("LocalEditor", () => {
  beforeEach(() => {
    backend.openMap.mockReset().mockResolvedValue({ map: structuredClone(fixtureMap), revision: 7, saved_at: "", can_undo: false, can_redo: false });
    let revision = 7;
    backend.applyEdit.mockReset().mockImplementation(async () => ({ revision: ++revision }));
  });

  it("sends each edit against the latest revision and shows it once accepted", async () => {
    const editor = new LocalEditor(structuredClone(fixtureMap));
    expect(await editor.edit(optional)).toBe(true);
    expect(await editor.edit({ op: "remove", kind: "corridor_step", id: fixtureMap.corridor.steps[0]!.id })).toBe(true);
    expect(backend.openMap).toHaveBeenCalledTimes(1);
    expect(backend.applyEdit.mock.calls.map((c) => c[1])).toEqual([7, 8]);
    expect(editor.map.corridor.steps.map((s) => s.optional)).toEqual([true, false, false]);
  });

  it("leaves the map as it was when the backend refuses, and reads it again before the next edit", async () => {
    const editor = new LocalEditor(structuredClone(fixtureMap));
    backend.applyEdit.mockRejectedValueOnce({ code: "conflict", message: "The map changed since revision 7." });
    await expect(editor.edit(optional)).rejects.toBeInstanceOf(IpcError);
    expect(editor.map.corridor.steps[1]!.optional).toBe(false);
    await editor.edit(optional);
    expect(backend.openMap).toHaveBeenCalledTimes(2);
    expect(editor.map.corridor.steps[1]!.optional).toBe(true);
  });
});
