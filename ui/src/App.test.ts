import { emit } from "@tauri-apps/api/event";
import { clearMocks, mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import App from "./App.svelte";
import { fixtureMap, fixtureSummaries } from "./test/fixtures";

/** What `maps_open` answers: the map at revision 1. */
const opened = (map: typeof fixtureMap) => ({
  map,
  revision: 1,
  saved_at: "2026-02-01T10:30:00Z",
  can_undo: false,
  can_redo: false,
});

afterEach(() => {
  // Unmount (and stop listening) while the mocked bridge is still there.
  cleanup();
  clearMocks();
});

describe("App", () => {
  it("opens a map from the library and goes back with Escape", async () => {
    mockIPC((cmd, args) => {
      if (cmd === "maps_list") return fixtureSummaries;
      if (cmd === "maps_open" && (args as { id: string }).id === fixtureMap.id) return opened(fixtureMap);
      throw { code: "not_found", message: "no such map" };
    });
    render(App);
    const item = await screen.findByRole("button", { name: "Patio makeover" });
    await fireEvent.click(item);

    expect(await screen.findByRole("article", { name: "Checkout" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Patio makeover");
    expect(screen.getByRole("button", { name: "Back to library" })).toBeTruthy();

    await fireEvent.keyDown(window, { key: "Escape" });
    expect(await screen.findByRole("heading", { name: "Journey maps" })).toBeTruthy();
    expect(document.activeElement?.getAttribute("data-map-id")).toBe(fixtureMap.id);
  });

  it("shows why a map could not be opened", async () => {
    mockIPC((cmd) => {
      if (cmd === "maps_list") return fixtureSummaries;
      throw { code: "not_found", message: "The map is gone" };
    });
    render(App);
    await fireEvent.click(await screen.findByRole("button", { name: "SaaS onboarding" }));
    expect((await screen.findByRole("alert")).textContent).toContain("The map is gone");
    await fireEvent.click(screen.getByRole("button", { name: "Back to library" }));
    expect(await screen.findByRole("heading", { name: "Journey maps" })).toBeTruthy();
  });

  it("shows the workspace error from maps_list, and opens a fresh workspace", async () => {
    let fresh = false;
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      if (cmd === "workspace_info") return { path: "/home/ana/ws", problem: null };
      if (cmd === "workspace_open_fresh") {
        fresh = true;
        return { path: "/home/ana/ws-fresh-20260301-090000", problem: null };
      }
      if (cmd === "maps_list" && fresh) return fixtureSummaries;
      throw { code: "workspace_unavailable", message: "Another program holds the workspace lock" };
    });
    render(App);
    const dialog = await screen.findByRole("alertdialog");
    expect(dialog.textContent).toContain("Another program holds the workspace lock");
    expect((await screen.findByText("/home/ana/ws")).tagName).toBe("CODE");

    await fireEvent.click(screen.getByRole("button", { name: "Open a fresh workspace" }));
    expect(await screen.findByRole("button", { name: "Patio makeover" })).toBeTruthy();
    expect(calls.filter((c) => c === "workspace_open_fresh")).toHaveLength(1);
    expect(calls.at(-1)).toBe("maps_list");
  });

  it("exports what can be read from a workspace that cannot be opened", async () => {
    mockIPC((cmd, args) => {
      if (cmd === "workspace_info") return { path: "/home/ana/ws", problem: null };
      if (cmd === "workspace_salvage") {
        expect(args).toEqual({ folder: null });
        return {
          folder: "/home/ana/ws-export-20260301-090000",
          written: [
            { id: "1", title: "Patio makeover", file: "/x/patio.corridor.json", revision: 4, problems: 0 },
            { id: "2", title: "SaaS onboarding", file: "/x/saas.corridor.json", revision: null, problems: 0 },
          ],
          failed: [{ what: "map 3", reason: "its record cannot be read as a map" }],
        };
      }
      throw { code: "workspace_unavailable", message: "The workspace is damaged" };
    });
    render(App);
    await screen.findByRole("alertdialog");
    await fireEvent.click(screen.getByRole("button", { name: "Export what can be read" }));
    const status = await screen.findByText(/maps exported to/);
    expect(status.textContent).toContain("2 maps exported to /home/ana/ws-export-20260301-090000");
    const exported = screen.getByRole("list", { name: "Exported maps" });
    expect(within(exported).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Patio makeover",
      "SaaS onboarding",
    ]);
    expect(screen.getByRole("list", { name: "Could not be read" }).textContent).toContain(
      "map 3: its record cannot be read as a map",
    );
  });

  it("says so when the export fails", async () => {
    mockIPC((cmd) => {
      if (cmd === "workspace_salvage") throw { code: "storage", message: "cannot write /home/ana: disk full" };
      throw { code: "workspace_unavailable", message: "The workspace is damaged" };
    });
    render(App);
    await screen.findByRole("alertdialog");
    await fireEvent.click(screen.getByRole("button", { name: "Export what can be read" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Nothing could be exported: cannot write /home/ana: disk full",
    );
  });

  it("shows a change made in another window", async () => {
    mockWindows("main", "second");
    let title = "Patio makeover";
    mockIPC(
      (cmd, args) => {
        if (cmd === "maps_list") return fixtureSummaries.map((s) => (s.id === fixtureMap.id ? { ...s, title } : s));
        if (cmd === "maps_open" && (args as { id: string }).id === fixtureMap.id) return opened({ ...fixtureMap, title });
        throw { code: "not_found", message: "no such map" };
      },
      { shouldMockEvents: true },
    );
    render(App);
    await screen.findByRole("button", { name: "Patio makeover" });
    title = "Patio makeover, phase two";
    await emit("map-changed", { map: fixtureMap.id, revision: 8, summary: "rename map", origin: "second" });
    expect(await screen.findByRole("button", { name: "Patio makeover, phase two" })).toBeTruthy();

    // On the board too; this window's own echo is ignored.
    await fireEvent.click(screen.getByRole("button", { name: "Patio makeover, phase two" }));
    await screen.findByRole("heading", { level: 1, name: "Patio makeover, phase two" });
    title = "Patio, final";
    await emit("map-changed", { map: fixtureMap.id, revision: 9, summary: "rename map", origin: "main" });
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Patio makeover, phase two");
    await emit("map-changed", { map: fixtureMap.id, revision: 10, summary: "rename map", origin: "second" });
    expect(await screen.findByRole("heading", { level: 1, name: "Patio, final" })).toBeTruthy();
  });

  it("reads the list again when another window adds or deletes a map, and leaves a deleted map", async () => {
    mockWindows("main", "second");
    let listed = fixtureSummaries;
    mockIPC(
      (cmd, args) => {
        if (cmd === "maps_list") return listed;
        if (cmd === "maps_open" && (args as { id: string }).id === fixtureMap.id) return opened(fixtureMap);
        throw { code: "not_found", message: "no such map" };
      },
      { shouldMockEvents: true },
    );
    render(App);
    await screen.findByRole("button", { name: "Patio makeover" });
    listed = [{ ...fixtureSummaries[1]!, id: "made-elsewhere", title: "Made elsewhere" }, ...fixtureSummaries];
    await emit("library-changed", { map: "made-elsewhere", change: "added", origin: "second" });
    expect(await screen.findByRole("button", { name: "Made elsewhere" })).toBeTruthy();

    // The map open here is deleted in the other window: back to the library, without it.
    await fireEvent.click(screen.getByRole("button", { name: "Patio makeover" }));
    await screen.findByRole("heading", { level: 1, name: "Patio makeover" });
    listed = listed.filter((m) => m.id !== fixtureMap.id);
    await emit("library-changed", { map: fixtureMap.id, change: "deleted", origin: "second" });
    expect(await screen.findByRole("heading", { name: "Journey maps" })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole("button", { name: "Patio makeover" })).toBeNull());
  });

  it("the personas panel sends its edits against the map's revision and shows them", async () => {
    const edits: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "maps_list") return fixtureSummaries;
      if (cmd === "maps_open") return { ...opened(fixtureMap), revision: 7 };
      if (cmd === "maps_edit") {
        const a = args as { baseRevision: number; edit: unknown };
        edits.push(a);
        return { id: fixtureMap.id, revision: a.baseRevision + 1, summary: "", saved_at: "", can_undo: true, can_redo: false };
      }
      throw { code: "not_found", message: "no such map" };
    });
    render(App);
    await fireEvent.click(await screen.findByRole("button", { name: "Patio makeover" }));
    await fireEvent.click(await screen.findByRole("button", { name: "Personas" }));
    const chooser = screen.getByRole("combobox", { name: "This map is for" });
    await fireEvent.change(chooser, { target: { value: "" } });
    await waitFor(() => expect(screen.getByRole("banner").textContent).toContain("No persona chosen"));
    await fireEvent.change(chooser, { target: { value: fixtureMap.persona } });
    await waitFor(() => expect(screen.getByRole("banner").textContent).toContain("For Maya"));
    // The map opened at revision 7: the edits follow on from it.
    expect(edits).toEqual([
      { id: fixtureMap.id, baseRevision: 7, edit: { op: "set_persona", persona: null } },
      { id: fixtureMap.id, baseRevision: 8, edit: { op: "set_persona", persona: fixtureMap.persona } },
    ]);
    // Escape closes the panel first, and only then leaves the board.
    await fireEvent.keyDown(chooser, { key: "Escape" });
    expect(screen.queryByRole("complementary", { name: "Personas" })).toBeNull();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Patio makeover");
  });
});
