import { emit } from "@tauri-apps/api/event";
import { clearMocks, mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import { fixtureMap, fixtureSummaries } from "../test/fixtures";
import {
  IpcError,
  applyEdit,
  createMapFromTemplate,
  createSnapshot,
  deleteMap,
  duplicateMap,
  deleteDataset,
  diffRevision,
  getDataset,
  getHistory,
  getMap,
  getRevision,
  listDatasets,
  listMaps,
  listSnapshots,
  listTemplates,
  onLibraryChanged,
  onMapChanged,
  onWorkspaceChanged,
  openFreshWorkspace,
  openMap,
  redo,
  restoreRevision,
  salvageWorkspace,
  toIpcError,
  undo,
  workspaceInfo,
  type Applied,
  type Edit,
  type LibraryChanged,
  type MapChanged,
  type TemplateInfo,
} from "./index";

afterEach(() => clearMocks());

describe("listMaps", () => {
  it("returns the backend's summaries as they come", async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      if (cmd === "maps_list") return fixtureSummaries;
      throw new Error(`unexpected ${cmd}`);
    });
    await expect(listMaps()).resolves.toEqual(fixtureSummaries);
    expect(calls).toEqual(["maps_list"]);
  });

  it("throws an IpcError with the backend's code and message", async () => {
    mockIPC(() => {
      // Tauri rejects with the serialised AppError.
      throw { code: "workspace_unavailable", message: "The workspace is on a missing drive" };
    });
    const err = await listMaps().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IpcError);
    expect(err).toMatchObject({ code: "workspace_unavailable", message: "The workspace is on a missing drive" });
  });
});

describe("getMap", () => {
  it("sends the id and returns the map", async () => {
    let seen: unknown;
    mockIPC((cmd, args) => {
      seen = { cmd, args };
      return fixtureMap;
    });
    await expect(getMap(fixtureMap.id)).resolves.toEqual(fixtureMap);
    expect(seen).toEqual({ cmd: "maps_get", args: { id: fixtureMap.id } });
  });

  it("turns not_found into an IpcError", async () => {
    mockIPC(() => {
      throw { code: "not_found", message: "No map with id 42" };
    });
    await expect(getMap("42")).rejects.toMatchObject({ name: "IpcError", code: "not_found", message: "No map with id 42" });
  });

  it("reports a broken bridge as ipc_failure", async () => {
    mockIPC(() => {
      throw new TypeError("bridge gone");
    });
    await expect(getMap("42")).rejects.toMatchObject({ code: "ipc_failure", message: "bridge gone" });
  });

  it("reports a bare string rejection as ipc_failure", async () => {
    mockIPC(() => Promise.reject("command maps_get not found"));
    await expect(getMap("42")).rejects.toMatchObject({ code: "ipc_failure", message: "command maps_get not found" });
  });
});

describe("toIpcError", () => {
  it("keeps an IpcError as it is", () => {
    const err = new IpcError("locked", "held by another window");
    expect(toIpcError(err)).toBe(err);
  });

  it("has a message for values it cannot read", () => {
    for (const value of [undefined, null, 42, "", { code: 1 }]) {
      const err = toIpcError(value);
      expect(err.code).toBe("ipc_failure");
      expect(err.message).not.toBe("");
    }
  });
});

const applied: Applied = {
  id: fixtureMap.id,
  revision: 8,
  summary: "rename map",
  saved_at: "2026-03-01T09:00:00Z",
  can_undo: true,
  can_redo: false,
};

/** Answers every command with `answer` and records what was called with what. */
function recordCalls(answer: unknown) {
  const calls: { cmd: string; args: unknown }[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args });
    return answer;
  });
  return calls;
}

describe("the wrappers of the workspace's commands", () => {
  const id = fixtureMap.id;
  const rename: Edit = { op: "set_title", title: "Patio, phase two" };
  // Each wrapper: the call, the command and arguments it must send.
  const cases: [string, () => Promise<unknown>, string, Record<string, unknown>][] = [
    ["openMap", () => openMap(id), "maps_open", { id }],
    ["applyEdit", () => applyEdit(id, 7, rename), "maps_edit", { id, baseRevision: 7, edit: rename }],
    ["undo", () => undo(id, 8), "maps_undo", { id, baseRevision: 8 }],
    ["redo", () => redo(id, 9), "maps_redo", { id, baseRevision: 9 }],
    ["getHistory", () => getHistory(id), "history_get", { id, limit: 50 }],
    ["getHistory with a limit", () => getHistory(id, 5), "history_get", { id, limit: 5 }],
    ["listSnapshots", () => listSnapshots(id), "snapshots_list", { id }],
    ["createSnapshot", () => createSnapshot(id, "after the March workshop"), "snapshots_create", { id, name: "after the March workshop" }],
    ["getRevision", () => getRevision(id, 3), "revisions_get", { id, revision: 3 }],
    ["diffRevision", () => diffRevision(id, 3), "revisions_diff", { id, revision: 3 }],
    ["restoreRevision", () => restoreRevision(id, 8, 3), "revisions_restore", { id, baseRevision: 8, revision: 3 }],
    ["listDatasets", () => listDatasets(id), "datasets_list", { map: id }],
    ["getDataset", () => getDataset("d1"), "datasets_get", { id: "d1" }],
    ["workspaceInfo", () => workspaceInfo(), "workspace_info", {}],
    ["openFreshWorkspace", () => openFreshWorkspace(), "workspace_open_fresh", {}],
    ["salvageWorkspace", () => salvageWorkspace(), "workspace_salvage", { folder: null }],
    ["salvageWorkspace into a folder", () => salvageWorkspace("/tmp/out"), "workspace_salvage", { folder: "/tmp/out" }],
  ];

  for (const [name, call, cmd, args] of cases) {
    it(`${name} sends ${cmd} and returns its answer`, async () => {
      const calls = recordCalls(applied);
      await expect(call()).resolves.toEqual(applied);
      expect(calls).toHaveLength(1);
      expect(calls[0]?.cmd).toBe(cmd);
      expect(calls[0]?.args ?? {}).toEqual(args);
    });
  }

  it("deleteDataset resolves to nothing", async () => {
    const calls = recordCalls(null);
    await expect(deleteDataset("d1")).resolves.toBeUndefined();
    expect(calls).toEqual([{ cmd: "datasets_delete", args: { id: "d1" } }]);
  });

  it("a stale edit rejects with the conflict code", async () => {
    mockIPC(() => {
      throw { code: "conflict", message: "the map changed since this edit was made" };
    });
    await expect(applyEdit(id, 1, rename)).rejects.toMatchObject({ name: "IpcError", code: "conflict" });
  });

  it("undo with nothing to undo rejects with its code", async () => {
    mockIPC(() => {
      throw { code: "nothing_to_undo", message: "the map has nothing to undo" };
    });
    await expect(undo(id, 0)).rejects.toMatchObject({ code: "nothing_to_undo" });
  });
});

describe("change events", () => {
  function change(origin: string, revision: number): MapChanged {
    return { map: fixtureMap.id, revision, summary: "add touchpoint", origin };
  }

  it("onMapChanged hears other windows and not this window's own echo", async () => {
    mockWindows("main", "second");
    mockIPC(() => null, { shouldMockEvents: true });
    const heard: MapChanged[] = [];
    const stop = await onMapChanged((c) => heard.push(c));
    await emit("map-changed", change("second", 4));
    await emit("map-changed", change("main", 5));
    await emit("map-changed", change("second", 6));
    expect(heard.map((c) => c.revision)).toEqual([4, 6]);
    stop();
    await emit("map-changed", change("second", 7));
    expect(heard).toHaveLength(2);
  });

  it("onWorkspaceChanged hears other windows only", async () => {
    mockWindows("main");
    mockIPC(() => null, { shouldMockEvents: true });
    const heard: string[] = [];
    await onWorkspaceChanged((c) => heard.push(c.path ?? ""));
    await emit("workspace-changed", { path: "/ws-fresh", origin: "main" });
    await emit("workspace-changed", { path: "/ws-other", origin: "second" });
    expect(heard).toEqual(["/ws-other"]);
  });

  it("onLibraryChanged hears maps added or deleted in other windows only", async () => {
    mockWindows("main");
    mockIPC(() => null, { shouldMockEvents: true });
    const heard: LibraryChanged[] = [];
    await onLibraryChanged((c) => heard.push(c));
    await emit("library-changed", { map: "a", change: "added", origin: "main" });
    await emit("library-changed", { map: "b", change: "deleted", origin: "second" });
    expect(heard).toEqual([{ map: "b", change: "deleted", origin: "second" }]);
  });
});

describe("the library's commands", () => {
  const summary = { ...fixtureSummaries[0], id: "new-id", title: "Moving house", revision: 0 };

  it("listTemplates returns the catalogue", async () => {
    const catalogue: TemplateInfo[] = [
      { template: "lifecycle", label: "Customer lifecycle", description: "d", stages: ["Awareness"] },
    ];
    mockIPC((cmd) => (cmd === "templates_list" ? catalogue : null));
    await expect(listTemplates()).resolves.toEqual(catalogue);
  });

  it("createMapFromTemplate sends the template and title", async () => {
    let seen: unknown;
    mockIPC((cmd, args) => {
      seen = { cmd, args };
      return summary;
    });
    await expect(createMapFromTemplate("saas", "Moving house")).resolves.toEqual(summary);
    expect(seen).toEqual({ cmd: "maps_create_from_template", args: { template: "saas", title: "Moving house" } });
  });

  it("createMapFromTemplate passes on a refused title", async () => {
    mockIPC(() => {
      throw { code: "invalid", message: "title: the map's title is empty" };
    });
    await expect(createMapFromTemplate("blank", " ")).rejects.toMatchObject({ name: "IpcError", code: "invalid" });
  });

  it("duplicateMap and deleteMap send the id", async () => {
    const seen: unknown[] = [];
    mockIPC((cmd, args) => {
      seen.push({ cmd, args });
      return cmd === "maps_duplicate" ? summary : null;
    });
    await expect(duplicateMap("m1")).resolves.toEqual(summary);
    await expect(deleteMap("m1")).resolves.toBeUndefined();
    expect(seen).toEqual([
      { cmd: "maps_duplicate", args: { id: "m1" } },
      { cmd: "maps_delete", args: { id: "m1" } },
    ]);
  });

  it("deleteMap of a map that is gone fails with not_found", async () => {
    mockIPC(() => {
      throw { code: "not_found", message: "no map with id m1" };
    });
    await expect(deleteMap("m1")).rejects.toMatchObject({ code: "not_found" });
  });
});
