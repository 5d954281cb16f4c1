import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import { fixtureSummaries } from "../test/fixtures";
import { renameMap } from "./rename";

afterEach(() => clearMocks());

const applied = (revision: number) => ({
  id: fixtureSummaries[0]!.id,
  revision,
  summary: "rename map",
  saved_at: "2026-03-01T09:00:00Z",
  can_undo: true,
  can_redo: false,
});

describe("renameMap", () => {
  it("sends a set_title edit, trimmed, against the listed revision", async () => {
    const calls: unknown[] = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      return applied(8);
    });
    await expect(renameMap(fixtureSummaries[0]!, "  Garden makeover ")).resolves.toMatchObject({ revision: 8 });
    expect(calls).toEqual([
      {
        cmd: "maps_edit",
        args: { id: fixtureSummaries[0]!.id, baseRevision: 7, edit: { op: "set_title", title: "Garden makeover" } },
      },
    ]);
  });

  it("refuses an empty title without asking the backend", async () => {
    const calls: string[] = [];
    mockIPC((cmd) => calls.push(cmd));
    await expect(renameMap(fixtureSummaries[0]!, "  ")).rejects.toMatchObject({
      code: "invalid",
      message: "A map needs a title.",
    });
    expect(calls).toEqual([]);
  });

  it("makes the rename again against the latest revision after a conflict", async () => {
    const bases: unknown[] = [];
    mockIPC((cmd, args) => {
      const a = args as { baseRevision?: number };
      if (cmd === "maps_open") return { map: {}, revision: 9, saved_at: "", can_undo: true, can_redo: false };
      bases.push(a.baseRevision);
      if (a.baseRevision === 7) throw { code: "conflict", message: "moved on" };
      return applied(10);
    });
    await expect(renameMap(fixtureSummaries[0]!, "Garden")).resolves.toMatchObject({ revision: 10 });
    expect(bases).toEqual([7, 9]);
  });

  it("passes other failures on", async () => {
    mockIPC(() => {
      throw { code: "not_found", message: "no map" };
    });
    await expect(renameMap(fixtureSummaries[0]!, "Garden")).rejects.toMatchObject({ code: "not_found" });
  });
});
