// End-to-end tests of the library's actions and the personas panel, on the built UI (ui/dist) in
// Chromium with the Tauri IPC mocked in the page (mock-ipc.mjs: it keeps its own list of maps,
// makes maps from templates, copies and deletes them, and applies edits with the UI's copy of
// `Edit::apply`). Run `npm run build` first. The set-up is the shared harness.mjs.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { examples, harness, openApp as openHarnessApp, summaries } from "./harness.mjs";

const SCREENSHOTS = {
  library: "/tmp/corridor-library-actions.png",
  newMap: "/tmp/corridor-new-map.png",
  newMapDark: "/tmp/corridor-new-map-dark.png",
  deleteMap: "/tmp/corridor-delete-map.png",
  personas: "/tmp/corridor-personas.png",
  personasDark: "/tmp/corridor-personas-dark.png",
};

const maps = examples.map((e) => e.map);
const retail = examples.find((e) => e.file.startsWith("retail"))?.map;
const saas = examples.find((e) => e.file.startsWith("saas"))?.map;

const h = harness();

/** A fresh page on the built UI, the IPC answered from a fresh copy of the examples. */
async function openApp(options = {}) {
  const data = { summaries: summaries(maps), maps: structuredClone(maps) };
  const { viewport = { width: 1280, height: 800 }, ...rest } = options;
  const page = await openHarnessApp(h, data, { viewport, options: rest });
  await page.getByRole("heading", { name: "Journey maps" }).waitFor();
  return page;
}

const appCommands = (page) =>
  page.evaluate(() => window.__ipcCalls.filter((c) => !c.cmd.startsWith("plugin:")).map((c) => c.cmd));
const lastCall = (page, cmd) =>
  page.evaluate((cmd) => window.__ipcCalls.filter((c) => c.cmd === cmd).at(-1)?.args, cmd);
const mapList = (page) => page.getByRole("list", { name: "Maps" });
const mapButton = (page, title) => mapList(page).getByRole("button", { name: title, exact: true });
/** The titles listed, in order. */
const listedTitles = (page) =>
  mapList(page)
    .locator("button[data-map-id] [id$='-title']")
    .allInnerTexts();
/** The list item of the map titled `title`. */
const itemOf = (page, title) =>
  mapList(page)
    .getByRole("listitem")
    .filter({ has: page.getByRole("button", { name: title, exact: true }) });
/** Waits until the list shows `n` maps. */
const waitForCount = (page, n) =>
  page.waitForFunction((n) => document.querySelectorAll("button[data-map-id]").length === n, n);
const mapsText = (n) => (n === 1 ? "1 map" : `${n} maps`);

describe("a new map from a template", () => {
  test("the dialog lists the templates; Enter in the title creates the map and opens it", async () => {
    const page = await openApp();
    await page.getByRole("button", { name: "New map" }).click();
    const dialog = page.getByRole("dialog", { name: "New map" });
    await dialog.waitFor();
    const radios = dialog.getByRole("radio");
    await radios.first().waitFor();
    assert.equal(await radios.count(), 4);
    assert.ok(await dialog.getByRole("radio", { name: /Customer lifecycle/ }).isChecked(), "lifecycle is the default");
    await page.screenshot({ path: SCREENSHOTS.newMap });

    await dialog.getByRole("radio", { name: /B2B \/ SaaS journey/ }).check();
    // The focus went to the title when the dialog opened; put it back there and type.
    const title = dialog.getByRole("textbox", { name: "Title" });
    await title.fill("Renewals 2027");
    await title.press("Enter");

    await page.getByRole("heading", { level: 1, name: "Renewals 2027" }).waitFor();
    const board = page.getByRole("region", { name: "Board", exact: true });
    assert.deepEqual(await board.locator("section.stage h2").allInnerTexts(), [
      "Discovery",
      "Evaluation",
      "Negotiation",
      "Onboarding",
      "Adoption",
      "Renewal",
    ]);
    assert.deepEqual(await lastCall(page, "maps_create_from_template"), {
      template: "saas",
      title: "Renewals 2027",
    });

    // Back in the library the new map is listed first, and has the focus.
    await page.keyboard.press("Escape");
    await page.getByRole("heading", { name: "Journey maps" }).waitFor();
    assert.equal((await listedTitles(page))[0], "Renewals 2027");
    assert.ok((await itemOf(page, "Renewals 2027").innerText()).includes("6 stages"));
    await page.waitForFunction(() => document.activeElement?.textContent?.includes("Renewals 2027"));
  });

  test("by keyboard alone, and an empty title is refused in the dialog", async () => {
    const page = await openApp();
    const newMap = page.getByRole("button", { name: "New map" });
    await newMap.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "New map" });
    await dialog.getByRole("radio").first().waitFor();
    // The title field has the focus: Enter with nothing typed asks for a title.
    await page.keyboard.press("Enter");
    await dialog.getByText("A map needs a title.").waitFor();
    assert.ok(!(await appCommands(page)).includes("maps_create_from_template"));
    // Escape closes the dialog and gives the focus back to "New map".
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    await page.waitForFunction(() => document.activeElement?.textContent?.trim() === "New map");

    await page.keyboard.press("Enter");
    await dialog.getByRole("radio").first().waitFor();
    await page.keyboard.type("Passport renewal");
    // Tab to the templates; arrows choose one (the blank map is the last).
    await page.keyboard.press("Tab");
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    const chosen = await dialog.getByRole("radio", { checked: true }).getAttribute("value");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Passport renewal" }).waitFor();
    assert.equal((await lastCall(page, "maps_create_from_template")).template, chosen);
  });
});

describe("the library's actions", () => {
  test("rename in place, then search finds the new title", async () => {
    const page = await openApp();
    const item = itemOf(page, retail.title);
    await item.getByRole("button", { name: "Rename" }).click();
    const field = page.getByRole("textbox", { name: `New title for “${retail.title}”` });
    await field.waitFor();
    assert.equal(await field.inputValue(), retail.title);
    await field.fill("Sofa shopping, spring 2027");
    await field.press("Enter");
    await mapButton(page, "Sofa shopping, spring 2027").waitFor();
    assert.ok(!(await listedTitles(page)).includes(retail.title));
    const edit = await lastCall(page, "maps_edit");
    assert.deepEqual(edit.edit, { op: "set_title", title: "Sofa shopping, spring 2027" });
    await page.getByRole("status").filter({ hasText: "Renamed" }).waitFor();

    // Escape abandons a rename.
    await itemOf(page, saas.title).getByRole("button", { name: "Rename" }).click();
    const other = page.getByRole("textbox", { name: `New title for “${saas.title}”` });
    await other.fill("Not this");
    await other.press("Escape");
    await other.waitFor({ state: "detached" });
    assert.ok((await listedTitles(page)).includes(saas.title));

    const search = page.getByRole("searchbox", { name: "Search maps by title" });
    await search.fill("SPRING 2027");
    await waitForCount(page, 1);
    assert.deepEqual(await listedTitles(page), ["Sofa shopping, spring 2027"]);

    // The renamed map opens under its new title.
    await mapButton(page, "Sofa shopping, spring 2027").click();
    await page.getByRole("heading", { level: 1, name: "Sofa shopping, spring 2027" }).waitFor();
  });

  test("duplicate makes a copy with the same content, listed and focused", async () => {
    const page = await openApp();
    const before = (await listedTitles(page)).length;
    await itemOf(page, retail.title).getByRole("button", { name: "Duplicate" }).click();
    const copyTitle = `${retail.title} (copy)`;
    await mapButton(page, copyTitle).waitFor();
    assert.equal((await listedTitles(page)).length, before + 1);
    await page.waitForFunction((t) => document.activeElement?.textContent?.includes(t), copyTitle);
    await page.getByRole("status").filter({ hasText: `Made “${copyTitle}”` }).waitFor();
    await page.screenshot({ path: SCREENSHOTS.library });

    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: copyTitle }).waitFor();
    assert.equal(await page.getByRole("region", { name: "Board", exact: true }).getByRole("article").count(), retail.touchpoints.length);

    // A second copy is numbered.
    await page.getByRole("button", { name: "Back to library" }).click();
    await itemOf(page, retail.title).getByRole("button", { name: "Duplicate" }).click();
    await mapButton(page, `${retail.title} (copy 2)`).waitFor();
  });

  test("delete asks first, naming the map; keeping it changes nothing", async () => {
    const page = await openApp();
    const before = await listedTitles(page);
    await itemOf(page, saas.title).getByRole("button", { name: "Delete" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    assert.equal(await dialog.getByRole("heading").innerText(), `Delete “${saas.title}”?`);
    assert.ok((await dialog.innerText()).includes("cannot be undone"));
    await page.screenshot({ path: SCREENSHOTS.deleteMap });
    // The safe answer has the focus: Enter keeps the map.
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "detached" });
    assert.deepEqual(await listedTitles(page), before);
    assert.ok(!(await appCommands(page)).includes("maps_delete"));

    await itemOf(page, saas.title).getByRole("button", { name: "Delete" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete map" }).click();
    await page.getByRole("alertdialog").waitFor({ state: "detached" });
    await waitForCount(page, before.length - 1);
    assert.ok(!(await listedTitles(page)).includes(saas.title));
    await page.getByRole("status").filter({ hasText: `Deleted “${saas.title}”.` }).waitFor();
    assert.deepEqual(await lastCall(page, "maps_delete"), { id: saas.id });
    // The focus stays in the list, on a map that is still there.
    const focused = await page.evaluate(() => document.activeElement?.getAttribute("data-map-id"));
    assert.ok(focused && focused !== saas.id, `focus on ${focused}`);
    await page.getByText(`${mapsText(before.length - 1)} in this workspace`).waitFor();
  });

  test("deleting the last map leaves the empty state, which offers a new map", async () => {
    const page = await openApp();
    for (const title of await listedTitles(page)) {
      await itemOf(page, title).getByRole("button", { name: "Delete" }).click();
      await page.getByRole("alertdialog").getByRole("button", { name: "Delete map" }).click();
      await page.getByRole("alertdialog").waitFor({ state: "detached" });
      await mapButton(page, title).waitFor({ state: "detached" });
    }
    await page.getByRole("heading", { name: "No maps yet" }).waitFor();
    await page.getByRole("button", { name: "New map" }).click();
    await page.getByRole("dialog", { name: "New map" }).waitFor();
  });
});

describe("the personas panel", () => {
  test("create, edit, choose and delete personas; the library shows who the map is for", async () => {
    const page = await openApp();
    await mapButton(page, saas.title).click();
    await page.getByRole("heading", { level: 1, name: saas.title }).waitFor();
    await page.getByRole("button", { name: "Personas" }).click();
    const panel = page.getByRole("complementary", { name: "Personas" });
    await panel.waitFor();
    const personasList = panel.getByRole("list", { name: "Personas of this map" });
    assert.equal(await personasList.getByRole("heading", { level: 3 }).count(), saas.personas.length);

    // Create one; the map is for them.
    await panel.getByRole("button", { name: "Add persona" }).click();
    const form = panel.getByRole("form", { name: "New persona" });
    await form.getByRole("textbox", { name: /Goals/ }).fill("Launch in a week\nNo surprises on the invoice");
    await form.getByRole("textbox", { name: /Needs/ }).fill("A named contact");
    await form.getByRole("textbox", { name: "Who they are" }).fill("Head of operations at a 40-person firm");
    await form.getByRole("checkbox", { name: "The map is for this persona" }).check();
    const name = form.getByRole("textbox", { name: "Name" });
    await name.fill("Priya");
    await name.press("Enter");
    await personasList.getByRole("heading", { name: "Priya" }).waitFor();
    assert.ok((await panel.innerText()).includes("No surprises on the invoice"));
    await page.getByRole("banner").getByText("Priya").waitFor();
    const insert = await lastCall(page, "maps_edit");
    assert.equal(insert.edit.op, "batch");
    assert.deepEqual(insert.edit.edits.map((e) => e.op), ["insert", "set_persona"]);
    await page.screenshot({ path: SCREENSHOTS.personas });

    // Edit it.
    await panel.getByRole("button", { name: "Edit Priya" }).click();
    const editForm = panel.getByRole("form", { name: "Edit Priya" });
    await editForm.getByRole("textbox", { name: "Ideal-customer notes" }).fill("Signs within a month");
    await editForm.getByRole("button", { name: "Save persona" }).click();
    await panel.getByText("Signs within a month").waitFor();
    assert.equal((await lastCall(page, "maps_edit")).edit.op, "replace");

    // Choose nobody, then Priya again, with the select.
    const chooser = panel.getByRole("combobox", { name: "This map is for" });
    await chooser.selectOption({ label: "No persona chosen" });
    await page.getByRole("banner").getByText("No persona chosen").waitFor();
    await chooser.selectOption({ label: "Priya" });
    await page.getByRole("banner").getByText("Priya").waitFor();

    // The library lists the map as for Priya.
    await page.getByRole("button", { name: "Close personas" }).click();
    await panel.waitFor({ state: "detached" });
    await page.waitForFunction(() => document.activeElement?.textContent?.trim() === "Personas");
    await page.getByRole("button", { name: "Back to library" }).click();
    await page.getByRole("heading", { name: "Journey maps" }).waitFor();
    assert.ok((await itemOf(page, saas.title).innerText()).includes("For Priya"));

    // Delete her: asked first; the map is for nobody afterwards.
    await mapButton(page, saas.title).click();
    await page.getByRole("button", { name: "Personas" }).click();
    await panel.getByRole("button", { name: "Delete Priya" }).click();
    await panel.getByRole("group", { name: "Delete Priya?" }).getByRole("button", { name: "Delete persona" }).click();
    await personasList.getByRole("heading", { name: "Priya" }).waitFor({ state: "detached" });
    assert.equal(await chooser.inputValue(), "");
    // Escape closes the panel, and a second Escape goes back to the library.
    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "detached" });
    await page.getByRole("heading", { level: 1, name: saas.title }).waitFor();
  });

  test("a persona needs a name; the panel in the dark theme", async () => {
    const page = await openApp({ colorScheme: "dark" });
    await mapButton(page, retail.title).click();
    await page.getByRole("button", { name: "Personas" }).click();
    const panel = page.getByRole("complementary", { name: "Personas" });
    await panel.getByRole("button", { name: "Add persona" }).click();
    const form = panel.getByRole("form", { name: "New persona" });
    await form.getByRole("textbox", { name: "Name" }).press("Enter");
    await form.getByText("A persona needs a name.").waitFor();
    assert.ok(!(await appCommands(page)).includes("maps_edit"));
    await page.screenshot({ path: SCREENSHOTS.personasDark });
  });
});

describe("dark theme", () => {
  test("the new map dialog", async () => {
    const page = await openApp({ colorScheme: "dark" });
    await page.getByRole("button", { name: "New map" }).click();
    await page.getByRole("dialog", { name: "New map" }).getByRole("radio").first().waitFor();
    await page.screenshot({ path: SCREENSHOTS.newMapDark });
  });
});
