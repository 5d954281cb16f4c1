import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Edit, JourneyMap } from "../ipc";
import { applyEditTo } from "../lib/apply";
import { HOSTILE_TITLE, fixtureIds, fixtureMap } from "../test/fixtures";
import PersonasPanel from "./PersonasPanel.svelte";

afterEach(() => cleanup());

/** The panel over a map that takes each edit as the backend would: applied, then shown. */
function renderPanel(map: JourneyMap = structuredClone(fixtureMap), refuse?: string) {
  const edits: Edit[] = [];
  const onClose = vi.fn();
  let current = map;
  const view = render(PersonasPanel, {
    map: current,
    onClose,
    onEdit: async (edit: Edit) => {
      if (refuse) throw new Error(refuse);
      edits.push(edit);
      current = structuredClone(current);
      applyEditTo(current, edit);
      await view.rerender({ map: current });
    },
  });
  return { edits, onClose, current: () => current };
}

const list = () => screen.getByRole("list", { name: "Personas of this map" });
const chooser = () => screen.getByRole("combobox", { name: "This map is for" }) as HTMLSelectElement;

describe("PersonasPanel", () => {
  it("lists the personas and which one the map is for", () => {
    renderPanel();
    expect(screen.getByRole("complementary", { name: "Personas" })).toBeTruthy();
    expect(within(list()).getByRole("heading", { name: "Maya" })).toBeTruthy();
    expect(list().textContent).toContain("Map is for them");
    expect(chooser().value).toBe(fixtureIds.persona);
  });

  it("creates a persona with every field; Enter in the name saves", async () => {
    const map = structuredClone(fixtureMap);
    map.persona = null;
    const { edits, current } = renderPanel(map);
    await fireEvent.click(screen.getByRole("button", { name: "Add persona" }));
    const form = screen.getByRole("form", { name: "New persona" });
    const name = within(form).getByRole("textbox", { name: "Name" });
    expect(document.activeElement).toBe(name);
    await fireEvent.input(name, { target: { value: " Leo " } });
    await fireEvent.input(within(form).getByRole("textbox", { name: "Who they are" }), {
      target: { value: "Runs a small bakery" },
    });
    await fireEvent.input(within(form).getByRole("textbox", { name: /Goals/ }), {
      target: { value: "Pay suppliers on time\n\nGrow online orders" },
    });
    await fireEvent.input(within(form).getByRole("textbox", { name: /Needs/ }), { target: { value: "Clear prices" } });
    await fireEvent.input(within(form).getByRole("textbox", { name: "Ideal-customer notes" }), {
      target: { value: "Orders weekly" },
    });
    // The map has no persona yet: the new one is chosen unless unticked.
    expect((within(form).getByRole("checkbox", { name: "The map is for this persona" }) as HTMLInputElement).checked).toBe(
      true,
    );
    await fireEvent.submit(form);
    await waitFor(() => expect(edits).toHaveLength(1));
    const leo = current().personas[1]!;
    expect(leo).toMatchObject({
      name: "Leo",
      summary: "Runs a small bakery",
      goals: ["Pay suppliers on time", "Grow online orders"],
      needs: ["Clear prices"],
      ideal_customer_notes: "Orders weekly",
    });
    expect(edits[0]).toEqual({
      op: "batch",
      edits: [
        { op: "insert", index: 1, item: { persona: leo } },
        { op: "set_persona", persona: leo.id },
      ],
    });
    expect(current().persona).toBe(leo.id);
    expect(within(list()).getByRole("heading", { name: "Leo" })).toBeTruthy();
    expect(list().textContent).toContain("Grow online orders");
    await waitFor(() => expect(document.activeElement?.textContent?.trim()).toBe("Add persona"));
  });

  it("refuses a persona without a name, and sends nothing", async () => {
    const { edits } = renderPanel();
    await fireEvent.click(screen.getByRole("button", { name: "Add persona" }));
    const form = screen.getByRole("form", { name: "New persona" });
    await fireEvent.submit(form);
    expect(form.textContent).toContain("A persona needs a name.");
    expect(edits).toEqual([]);
  });

  it("edits a persona with a replace", async () => {
    const { edits, current } = renderPanel();
    await fireEvent.click(screen.getByRole("button", { name: "Edit Maya" }));
    const form = screen.getByRole("form", { name: "Edit Maya" });
    expect((within(form).getByRole("textbox", { name: "Name" }) as HTMLInputElement).value).toBe("Maya");
    await fireEvent.input(within(form).getByRole("textbox", { name: /Needs/ }), { target: { value: "Weekend delivery" } });
    await fireEvent.submit(form);
    await waitFor(() => expect(edits).toHaveLength(1));
    expect(edits[0]).toEqual({
      op: "replace",
      item: { persona: { ...fixtureMap.personas[0], needs: ["Weekend delivery"] } },
    });
    expect(current().personas[0]!.needs).toEqual(["Weekend delivery"]);
    await waitFor(() => expect(document.activeElement?.getAttribute("aria-label")).toBe("Edit Maya"));
  });

  it("Escape in the form cancels it without closing the panel", async () => {
    const { edits, onClose } = renderPanel();
    await fireEvent.click(screen.getByRole("button", { name: "Edit Maya" }));
    const name = screen.getByRole("textbox", { name: "Name" });
    await fireEvent.input(name, { target: { value: "Changed" } });
    await fireEvent.keyDown(name, { key: "Escape" });
    expect(screen.queryByRole("form")).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
    expect(edits).toEqual([]);
    // A second Escape closes the panel.
    await fireEvent.keyDown(screen.getByRole("button", { name: "Edit Maya" }), { key: "Escape" });
    expect(onClose).toHaveBeenCalledOnce();
  });

  it("chooses who the map is for", async () => {
    const map = structuredClone(fixtureMap);
    map.personas.push({ id: "p2", name: "Omar", summary: "", goals: [], needs: [], ideal_customer_notes: "" });
    const { edits, current } = renderPanel(map);
    await fireEvent.change(chooser(), { target: { value: "p2" } });
    await waitFor(() => expect(edits).toEqual([{ op: "set_persona", persona: "p2" }]));
    expect(current().persona).toBe("p2");
    await fireEvent.change(chooser(), { target: { value: "" } });
    await waitFor(() => expect(edits[1]).toEqual({ op: "set_persona", persona: null }));
  });

  it("deletes a persona after a confirm, with what points at it", async () => {
    const { edits, current } = renderPanel();
    await fireEvent.click(screen.getByRole("button", { name: "Delete Maya" }));
    const confirm = screen.getByRole("group", { name: "Delete Maya?" });
    expect(document.activeElement?.textContent).toBe("Keep");
    await fireEvent.click(within(confirm).getByRole("button", { name: "Delete persona" }));
    await waitFor(() => expect(edits).toHaveLength(1));
    expect(edits[0]).toEqual({
      op: "batch",
      edits: [
        { op: "set_persona", persona: null },
        { op: "remove", kind: "persona", id: fixtureIds.persona },
      ],
    });
    expect(current().personas).toEqual([]);
    expect(screen.getByText(/No personas yet/)).toBeTruthy();
    expect(chooser().value).toBe("");
  });

  it("shows the backend's refusal", async () => {
    renderPanel(structuredClone(fixtureMap), "The map changed since revision 3");
    await fireEvent.change(chooser(), { target: { value: "" } });
    expect((await screen.findByRole("alert")).textContent).toContain("The map changed since revision 3");
  });

  it("shows names as text", () => {
    const map = structuredClone(fixtureMap);
    map.personas[0]!.name = HOSTILE_TITLE;
    renderPanel(map);
    expect(within(list()).getByRole("heading", { name: HOSTILE_TITLE })).toBeTruthy();
    expect(document.querySelector("img")).toBeNull();
  });

  it("closes with its button", async () => {
    const { onClose } = renderPanel();
    await fireEvent.click(screen.getByRole("button", { name: "Close personas" }));
    expect(onClose).toHaveBeenCalledOnce();
  });
});
