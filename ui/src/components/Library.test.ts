import { fireEvent, render, screen, within } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import { IpcError } from "../ipc";
import { HOSTILE_TITLE, fixtureSummaries } from "../test/fixtures";
import Library from "./Library.svelte";

describe("Library", () => {
  it("lists the maps in the order given, with their counts", () => {
    render(Library, { maps: { status: "ready", data: fixtureSummaries }, onOpen: vi.fn(), onRetry: vi.fn() });
    const items = within(screen.getByRole("list", { name: "Maps" })).getAllByRole("button");
    expect(items.map((b) => b.querySelector("[id$='-title']")?.textContent)).toEqual([
      "Patio makeover",
      "SaaS onboarding",
      HOSTILE_TITLE,
    ]);
    expect(items[0]?.textContent).toContain("3 stages");
    expect(items[0]?.textContent).toContain("5 touchpoints");
    expect(items[0]?.textContent).toContain("Maya");
    expect(document.querySelector("img")).toBeNull();
  });

  it("filters by title and opens a map on click", async () => {
    const onOpen = vi.fn();
    render(Library, { maps: { status: "ready", data: fixtureSummaries }, onOpen, onRetry: vi.fn() });
    await fireEvent.input(screen.getByRole("searchbox", { name: "Search maps by title" }), {
      target: { value: "saas" },
    });
    const items = within(screen.getByRole("list", { name: "Maps" })).getAllByRole("button");
    expect(items).toHaveLength(1);
    await fireEvent.click(items[0]!);
    expect(onOpen).toHaveBeenCalledWith(fixtureSummaries[1]);
  });

  it("says when no map matches the search", async () => {
    render(Library, { maps: { status: "ready", data: fixtureSummaries }, query: "zzz", onOpen: vi.fn(), onRetry: vi.fn() });
    expect(screen.getByRole("heading", { name: "No maps match “zzz”" })).toBeTruthy();
  });

  it("has an empty state", () => {
    render(Library, { maps: { status: "ready", data: [] }, onOpen: vi.fn(), onRetry: vi.fn() });
    expect(screen.getByRole("heading", { name: "No maps yet" })).toBeTruthy();
  });

  it("shows the error's message and offers to try again", async () => {
    const onRetry = vi.fn();
    const error = new IpcError("storage", "The stored record 42 cannot be read");
    render(Library, { maps: { status: "error", error }, onOpen: vi.fn(), onRetry });
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("The workspace could not be read");
    expect(alert.textContent).toContain("The stored record 42 cannot be read");
    await fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it("offers the ways out when the workspace cannot be opened", async () => {
    const onRetry = vi.fn();
    const error = new IpcError("workspace_unavailable", "Cannot open /home/ana/.corridor: permission denied");
    render(Library, { maps: { status: "error", error }, onOpen: vi.fn(), onRetry });
    const dialog = screen.getByRole("alertdialog", { name: "The workspace could not be opened" });
    expect(dialog.textContent).toContain("Cannot open /home/ana/.corridor: permission denied");
    expect(dialog.textContent).toContain("Nothing has been deleted");
    const buttons = within(dialog).getAllByRole("button").map((b) => b.textContent?.trim());
    expect(buttons).toEqual(["Open a fresh workspace", "Export what can be read", "Try again"]);
    expect(document.activeElement?.textContent?.trim()).toBe("Open a fresh workspace");
    await fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(onRetry).toHaveBeenCalledOnce();
  });
});
