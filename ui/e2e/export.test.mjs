// The File menu in the built UI (Chromium, IPC mocked): keyboard use, Save As and every export
// through the backend's save dialog, progress while an export runs, Open… of a native file,
// the gap tables only with a dataset, and errors shown clearly.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { examples, harness, openApp, summaries } from "./harness.mjs";

const maps = examples.map((e) => e.map);
const mapSummaries = summaries(maps);
const retail = examples.find((e) => e.file.startsWith("retail")).map;
const saas = examples.find((e) => e.file.startsWith("saas")).map;

// The shared set-up: besides page errors, it checks the CSP and that nothing leaves the machine.
const h = harness();

/** The built UI on the retail map's board, the IPC answered from `extra` and the examples. */
async function board(extra = {}, options = {}) {
  const { viewport = { width: 1280, height: 800 }, ...rest } = options;
  const page = await openApp(h, { summaries: mapSummaries, maps, ...extra }, { viewport, options: rest });
  await page.getByRole("list", { name: "Maps" }).getByRole("button", { name: retail.title, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: retail.title }).waitFor();
  return page;
}

const fileButton = (page) => page.getByRole("button", { name: "File", exact: true });
const menu = (page) => page.getByRole("menu", { name: "File" });
const item = (page, name) => menu(page).getByRole("menuitem", { name, exact: true });
const exportCalls = (page) =>
  page.evaluate(() => window.__ipcCalls.filter((c) => c.cmd === "map_export").map((c) => c.args));
const focusedText = (page) => page.evaluate(() => document.activeElement?.textContent?.trim());

describe("the File menu", () => {
  test("works from the keyboard and Escape only closes it", async () => {
    const page = await board();
    await fileButton(page).focus();
    await page.keyboard.press("ArrowDown");
    await menu(page).waitFor();
    assert.equal(await fileButton(page).getAttribute("aria-expanded"), "true");
    assert.equal(await focusedText(page), "Open…");
    await page.keyboard.press("ArrowDown");
    assert.equal(await focusedText(page), "Save As…");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    assert.match(await focusedText(page), /Picture|Report|Gap|Save|Open/, "wraps to the last enabled item");
    await page.keyboard.press("Home");
    assert.equal(await focusedText(page), "Open…");
    await page.keyboard.press("Escape");
    await menu(page).waitFor({ state: "detached" });
    assert.equal(await fileButton(page).evaluate((b) => b === document.activeElement), true);
    // Still on the board: Escape closed the menu, it did not go back to the library.
    await page.getByRole("heading", { level: 1, name: retail.title }).waitFor();
    // Gap tables need a dataset: shown, but disabled with the reason.
    await page.keyboard.press("Enter");
    const csv = item(page, "Gap tables as CSV (zip)… Needs a dataset: import observed data first");
    assert.equal(await csv.getAttribute("aria-disabled"), "true");
  });

  test("exports a PNG at 2× through the backend's dialog, showing progress until it is written", async () => {
    const page = await board({ exportDelay: 600 });
    await fileButton(page).click();
    await item(page, "Picture as PNG, 2× size…").click();
    const status = page.getByRole("status").filter({ hasText: "Exporting" });
    await status.waitFor();
    assert.match(await status.innerText(), /Exporting Picture as PNG, 2× size…/);
    assert.equal(await fileButton(page).isDisabled(), true, "one export at a time");
    await page.getByRole("status").filter({ hasText: "Saved /home/ana/Documents/map.png (2 KB)" }).waitFor();
    assert.deepEqual(await exportCalls(page), [{ map: retail.id, kind: { kind: "png", scale: 2 } }]);
    await page.screenshot({ path: "/tmp/corridor-export-done.png" });
  });

  test("Save As and every export send the map and the kind, and nothing else", async () => {
    const page = await board({ datasets: { [retail.id]: [{ id: "d1", name: "log.csv" }] } });
    const choices = [
      ["Save As…", { kind: "native" }],
      ["Picture as SVG…", { kind: "svg" }],
      ["Picture as PDF…", { kind: "pdf", paper: "a4" }],
      ["Report as Markdown…", { kind: "report_markdown" }],
      ["Report as HTML…", { kind: "report_html" }],
      ["Report as PDF…", { kind: "report_pdf", paper: "a4" }],
      ["Gap tables as CSV (zip)…", { kind: "gap_csv" }],
      ["Gap tables as JSON…", { kind: "gap_json" }],
    ];
    for (const [name] of choices) {
      await fileButton(page).click();
      // The datasets are read when the menu opens: wait for the gap items to be enabled.
      if (name.startsWith("Gap")) await menu(page).locator('[role="menuitem"]:not([aria-disabled])', { hasText: name }).waitFor();
      await item(page, name).click();
      await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
    }
    const calls = await exportCalls(page);
    assert.deepEqual(calls, choices.map(([, kind]) => ({ map: retail.id, kind })));
    for (const args of calls) assert.deepEqual(Object.keys(args).sort(), ["kind", "map"], "no path from the UI");
  });

  test("Open… brings a file in and shows its map", async () => {
    const page = await board({ open: { id: saas.id, outcome: "imported", path: "/home/ana/saas.corridor.json" } });
    await fileButton(page).click();
    await item(page, "Open…").click();
    await page.getByRole("heading", { level: 1, name: saas.title }).waitFor();
    await page.getByRole("status").filter({ hasText: "Opened /home/ana/saas.corridor.json" }).waitFor();
  });

  test("recent files are listed and open again", async () => {
    const recent = [{ path: "/home/ana/saas.corridor.json", title: saas.title, at: "2026-11-27T10:00:00Z" }];
    const page = await board({ recent, open: { id: saas.id, outcome: "already_here", path: recent[0].path } });
    await fileButton(page).click();
    await menu(page).getByText("Recent files").waitFor();
    await item(page, saas.title).click();
    await page.getByRole("heading", { level: 1, name: saas.title }).waitFor();
    const call = await page.evaluate(() => window.__ipcCalls.find((c) => c.cmd === "file_open_recent")?.args);
    assert.deepEqual(call, { path: recent[0].path });
  });

  test("a file from a newer Corridor, or a failed export, is a clear message", async () => {
    const error = { code: "newer_version", message: "/home/ana/new.corridor.json: this file was written by a newer Corridor" };
    const page = await board({ open: { error }, exportError: { code: "export_failed", message: "cannot make the PNG picture: scale too large" } });
    await fileButton(page).click();
    await item(page, "Open…").click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    assert.match(await alert.innerText(), /Made by a newer Corridor[\s\S]*written by a newer Corridor/);
    await page.getByRole("heading", { level: 1, name: retail.title }).waitFor();
    await alert.getByRole("button", { name: "Dismiss" }).click();
    await fileButton(page).click();
    await item(page, "Picture as PNG…").click();
    await page.getByRole("alert").filter({ hasText: "The export could not be made" }).waitFor();
    await page.screenshot({ path: "/tmp/corridor-export-error.png" });
  });

  test("the open menu reads well in the dark theme", async () => {
    const page = await board({ recent: [{ path: "/home/ana/a.corridor.json", title: "A map", at: "2026-11-27T10:00:00Z" }] }, { colorScheme: "dark" });
    await fileButton(page).click();
    await menu(page).getByText("Recent files").waitFor();
    await page.screenshot({ path: "/tmp/corridor-file-menu-dark.png" });
  });
});
