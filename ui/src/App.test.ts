import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import App from "./App.svelte";
import { fixtureMap, fixtureSummaries } from "./test/fixtures";

afterEach(() => clearMocks());

describe("App", () => {
  it("opens a map from the library and goes back with Escape", async () => {
    mockIPC((cmd, args) => {
      if (cmd === "maps_list") return fixtureSummaries;
      if (cmd === "maps_get" && (args as { id: string }).id === fixtureMap.id) return fixtureMap;
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

  it("shows the workspace error from maps_list", async () => {
    mockIPC(() => {
      throw { code: "workspace_unavailable", message: "Another program holds the workspace lock" };
    });
    render(App);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Another program holds the workspace lock");
  });
});
