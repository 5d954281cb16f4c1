// The library's actions against a mocked backend: new map from a template, rename, duplicate,
// delete. The backend here keeps its own list, as the store does, and the test reads it again
// when the library says the list changed.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { MapSummary, TemplateInfo } from "../../ipc";
import { HOSTILE_TITLE, fixtureSummaries } from "../../test/fixtures";
import Library from "../Library.svelte";

const catalogue: TemplateInfo[] = [
  { template: "lifecycle", label: "Customer lifecycle", description: "The lifecycle.", stages: ["Awareness", "Use"] },
  { template: "saas", label: "B2B / SaaS journey", description: "Software.", stages: ["Discovery", "Renewal"] },
  { template: "blank", label: "Blank map", description: "One stage.", stages: ["Stage 1"] },
];

let maps: MapSummary[];
let calls: { cmd: string; args: Record<string, unknown> }[];

function backend(fail: Record<string, { code: string; message: string }> = {}) {
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    if (fail[cmd]) throw fail[cmd];
    switch (cmd) {
      case "templates_list":
        return catalogue;
      case "maps_list":
        return structuredClone(maps);
      case "maps_create_from_template": {
        const t = catalogue.find((c) => c.template === args.template)!;
        const made = {
          id: `new-${maps.length}`,
          title: String(args.title),
          persona: null,
          stages: t.stages.length,
          touchpoints: 0,
          saved_at: "2026-03-01T09:00:00Z",
          revision: 0,
        };
        maps = [made, ...maps];
        return made;
      }
      case "maps_duplicate": {
        const original = maps.find((m) => m.id === args.id)!;
        const copy = { ...original, id: `copy-${maps.length}`, title: `${original.title} (copy)`, revision: 0 };
        maps = [copy, ...maps];
        return copy;
      }
      case "maps_delete":
        maps = maps.filter((m) => m.id !== args.id);
        return null;
      case "maps_edit": {
        const edit = args.edit as { op: string; title: string };
        maps = maps.map((m) => (m.id === args.id ? { ...m, title: edit.title, revision: m.revision + 1 } : m));
        return { id: args.id, revision: 1, summary: "rename map", saved_at: "", can_undo: true, can_redo: false };
      }
    }
    throw { code: "not_found", message: `unexpected ${cmd}` };
  });
}

function renderLibrary(onOpen = vi.fn()) {
  const view = render(Library, {
    maps: { status: "ready", data: maps },
    onOpen,
    onRetry: vi.fn(),
    onChanged: async () => {
      await view.rerender({ maps: { status: "ready", data: structuredClone(maps) } });
    },
  });
  return view;
}

const list = () => screen.getByRole("list", { name: "Maps" });
const itemOf = (title: string) =>
  within(list())
    .getAllByRole("listitem")
    .find((li) => li.querySelector("[id$='-title']")?.textContent === title)!;
/** What the live regions say. */
const said = () =>
  screen
    .getAllByRole("status")
    .map((e) => e.textContent)
    .join(" ");
const titles = () =>
  within(list())
    .getAllByRole("listitem")
    .map((li) => li.querySelector("[id$='-title']")?.textContent);

beforeEach(() => {
  maps = structuredClone(fixtureSummaries);
  calls = [];
});

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("New map", () => {
  it("creates a map from the chosen template with Enter in the title, and opens it", async () => {
    backend();
    const onOpen = vi.fn();
    renderLibrary(onOpen);
    await fireEvent.click(screen.getByRole("button", { name: "New map" }));
    const dialog = screen.getByRole("dialog", { name: "New map" });
    const title = within(dialog).getByRole("textbox", { name: "Title" });
    expect(document.activeElement).toBe(title);
    const saas = await within(dialog).findByRole("radio", { name: /B2B \/ SaaS journey/ });
    expect((within(dialog).getByRole("radio", { name: /Customer lifecycle/ }) as HTMLInputElement).checked).toBe(true);
    expect(dialog.textContent).toContain("2 stages: Discovery · Renewal");
    await fireEvent.click(saas);
    await fireEvent.input(title, { target: { value: "  Renewals 2027 " } });
    await fireEvent.submit(title.closest("form")!);
    await waitFor(() => expect(onOpen).toHaveBeenCalledOnce());
    expect(onOpen.mock.calls[0]![0]).toMatchObject({ title: "Renewals 2027", stages: 2 });
    expect(calls.find((c) => c.cmd === "maps_create_from_template")?.args).toEqual({
      template: "saas",
      title: "Renewals 2027",
    });
  });

  it("asks for a title instead of sending an empty one", async () => {
    backend();
    renderLibrary();
    await fireEvent.click(screen.getByRole("button", { name: "New map" }));
    const dialog = screen.getByRole("dialog", { name: "New map" });
    await within(dialog).findByRole("radio", { name: /Blank map/ });
    await fireEvent.click(within(dialog).getByRole("button", { name: "Create map" }));
    expect(dialog.textContent).toContain("A map needs a title.");
    expect(within(dialog).getByRole("textbox", { name: "Title" }).getAttribute("aria-invalid")).toBe("true");
    expect(calls.map((c) => c.cmd)).not.toContain("maps_create_from_template");
  });

  it("shows the backend's refusal and keeps the dialog", async () => {
    backend({ maps_create_from_template: { code: "disk_full", message: "The disk holding the workspace is full" } });
    const onOpen = vi.fn();
    renderLibrary(onOpen);
    await fireEvent.click(screen.getByRole("button", { name: "New map" }));
    const dialog = screen.getByRole("dialog", { name: "New map" });
    await within(dialog).findByRole("radio", { name: /Blank map/ });
    await fireEvent.input(within(dialog).getByRole("textbox", { name: "Title" }), { target: { value: "X" } });
    await fireEvent.click(within(dialog).getByRole("button", { name: "Create map" }));
    expect((await within(dialog).findByRole("alert")).textContent).toContain("The disk holding the workspace is full");
    expect(onOpen).not.toHaveBeenCalled();
  });

  it("says when the templates cannot be read, and tries again", async () => {
    let fail = true;
    mockIPC((cmd) => {
      if (cmd === "templates_list") {
        if (fail) throw { code: "storage", message: "broken" };
        return catalogue;
      }
      return [];
    });
    renderLibrary();
    await fireEvent.click(screen.getByRole("button", { name: "New map" }));
    const dialog = screen.getByRole("dialog", { name: "New map" });
    expect((await within(dialog).findByRole("alert")).textContent).toContain("broken");
    expect((within(dialog).getByRole("button", { name: "Create map" }) as HTMLButtonElement).disabled).toBe(true);
    fail = false;
    await fireEvent.click(within(dialog).getByRole("button", { name: "Try again" }));
    expect(await within(dialog).findByRole("radio", { name: /Blank map/ })).toBeTruthy();
  });

  it("is offered in an empty workspace too", async () => {
    maps = [];
    backend();
    renderLibrary();
    expect(screen.getByRole("heading", { name: "No maps yet" })).toBeTruthy();
    await fireEvent.click(screen.getByRole("button", { name: "New map" }));
    expect(screen.getByRole("dialog", { name: "New map" })).toBeTruthy();
  });
});

describe("Rename", () => {
  it("renames in place: Enter saves, the list shows the new title", async () => {
    backend();
    renderLibrary();
    await fireEvent.click(within(itemOf("SaaS onboarding")).getByRole("button", { name: "Rename" }));
    const field = screen.getByRole("textbox", { name: "New title for “SaaS onboarding”" });
    expect(document.activeElement).toBe(field);
    await fireEvent.input(field, { target: { value: "Onboarding, v2" } });
    await fireEvent.submit(field.closest("form")!);
    await waitFor(() => expect(titles()).toContain("Onboarding, v2"));
    expect(calls.find((c) => c.cmd === "maps_edit")?.args).toEqual({
      id: fixtureSummaries[1]!.id,
      baseRevision: 0,
      edit: { op: "set_title", title: "Onboarding, v2" },
    });
    expect(said()).toContain("Renamed “SaaS onboarding” to “Onboarding, v2”");
    expect(document.activeElement?.getAttribute("data-map-id")).toBe(fixtureSummaries[1]!.id);
  });

  it("Escape leaves the title as it was", async () => {
    backend();
    renderLibrary();
    const rename = within(itemOf("Patio makeover")).getByRole("button", { name: "Rename" });
    await fireEvent.click(rename);
    const field = screen.getByRole("textbox", { name: /New title for/ });
    await fireEvent.input(field, { target: { value: "Something else" } });
    await fireEvent.keyDown(field, { key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("textbox", { name: /New title for/ })).toBeNull());
    expect(titles()).toContain("Patio makeover");
    expect(calls.map((c) => c.cmd)).not.toContain("maps_edit");
  });

  it("an empty title is refused where it is typed", async () => {
    backend();
    renderLibrary();
    await fireEvent.click(within(itemOf("Patio makeover")).getByRole("button", { name: "Rename" }));
    const field = screen.getByRole("textbox", { name: /New title for/ });
    await fireEvent.input(field, { target: { value: "   " } });
    await fireEvent.submit(field.closest("form")!);
    expect(screen.getByRole("alert").textContent).toBe("A map needs a title.");
    expect(calls.map((c) => c.cmd)).not.toContain("maps_edit");
  });
});

describe("Duplicate", () => {
  it("adds the copy to the list, says so and focuses it", async () => {
    backend();
    renderLibrary();
    await fireEvent.click(within(itemOf("Patio makeover")).getByRole("button", { name: "Duplicate" }));
    await waitFor(() => expect(titles()).toContain("Patio makeover (copy)"));
    await waitFor(() => expect(said()).toContain("Made “Patio makeover (copy)”"));
    const copy = maps.find((m) => m.title === "Patio makeover (copy)")!;
    await waitFor(() => expect(document.activeElement?.getAttribute("data-map-id")).toBe(copy.id));
  });

  it("says why a copy could not be made", async () => {
    backend({ maps_duplicate: { code: "not_found", message: "No map with id x" } });
    renderLibrary();
    await fireEvent.click(within(itemOf("Patio makeover")).getByRole("button", { name: "Duplicate" }));
    expect((await screen.findByRole("alert")).textContent).toContain("No map with id x");
    expect(titles()).toHaveLength(3);
  });
});

describe("Delete", () => {
  it("asks first, naming the map, with the focus on keeping it", async () => {
    backend();
    renderLibrary();
    await fireEvent.click(within(itemOf(HOSTILE_TITLE)).getByRole("button", { name: "Delete" }));
    const dialog = screen.getByRole("alertdialog");
    expect(dialog.querySelector("h2")?.textContent).toBe(`Delete “${HOSTILE_TITLE}”?`);
    expect(dialog.querySelector("img")).toBeNull();
    expect(dialog.textContent?.replace(/\s+/g, " ")).toContain("cannot be undone");
    expect(document.activeElement?.textContent).toBe("Keep the map");
    await fireEvent.click(within(dialog).getByRole("button", { name: "Keep the map" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(titles()).toContain(HOSTILE_TITLE);
    expect(calls.map((c) => c.cmd)).not.toContain("maps_delete");
  });

  it("deletes on confirmation and moves the focus to the next map", async () => {
    backend();
    renderLibrary();
    await fireEvent.click(within(itemOf("Patio makeover")).getByRole("button", { name: "Delete" }));
    await fireEvent.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Delete map" }));
    await waitFor(() => expect(titles()).not.toContain("Patio makeover"));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(said()).toContain("Deleted “Patio makeover”.");
    expect(calls.find((c) => c.cmd === "maps_delete")?.args).toEqual({ id: fixtureSummaries[0]!.id });
    await waitFor(() => expect(document.activeElement?.getAttribute("data-map-id")).toBe(fixtureSummaries[1]!.id));
  });

  it("keeps the dialog with the reason when the delete fails", async () => {
    backend({ maps_delete: { code: "locked", message: "The workspace is in use" } });
    renderLibrary();
    await fireEvent.click(within(itemOf("Patio makeover")).getByRole("button", { name: "Delete" }));
    const dialog = screen.getByRole("alertdialog");
    await fireEvent.click(within(dialog).getByRole("button", { name: "Delete map" }));
    expect((await within(dialog).findByRole("alert")).textContent).toContain("The workspace is in use");
    expect(titles()).toContain("Patio makeover");
  });
});

describe("search", () => {
  it("still filters by title with the actions there", async () => {
    backend();
    renderLibrary();
    await fireEvent.input(screen.getByRole("searchbox", { name: "Search maps by title" }), {
      target: { value: "PATIO" },
    });
    expect(titles()).toEqual(["Patio makeover"]);
  });
});
