import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import { fixtureMap, fixtureSummaries } from "../test/fixtures";
import { IpcError, getMap, listMaps, toIpcError } from "./index";

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
