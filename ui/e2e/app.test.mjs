// End-to-end tests of the built UI (ui/dist) in Chromium, with the Tauri IPC mocked in the page
// and answered from the real example maps in ../examples. Run `npm run build` first. The set-up is
// the shared harness.mjs.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { stepLabelOf } from "./examples.mjs";
import { examples, harness, openApp as openHarnessApp, summaries } from "./harness.mjs";

const SCREENSHOTS = {
  board: "/tmp/corridor-board.png",
  boardDark: "/tmp/corridor-board-dark.png",
  library: "/tmp/corridor-library.png",
};

const maps = examples.map((e) => e.map);
const mapSummaries = summaries(maps);
const retail = examples.find((e) => e.file.startsWith("retail"))?.map;
const saas = examples.find((e) => e.file.startsWith("saas"))?.map;

const h = harness();

/** A fresh page on the built UI, the IPC answered from `data` (the shared harness: nothing may leave the machine). */
function openApp(data = { summaries: mapSummaries, maps }, options = {}) {
  const { viewport = { width: 1280, height: 800 }, ...rest } = options;
  return openHarnessApp(h, data, { viewport, options: rest });
}

/** Corridor's own commands called so far (not the event plugin's). */
const appCommands = (page) =>
  page.evaluate(() => window.__ipcCalls.map((c) => c.cmd).filter((c) => !c.startsWith("plugin:")));
const boardRegion = (page) => page.getByRole("region", { name: "Board", exact: true });
const mapList = (page) => page.getByRole("list", { name: "Maps" });
const mapButton = (page, title) => mapList(page).getByRole("button", { name: title, exact: true });

describe("the examples", () => {
  test("there are two, with touchpoints and a corridor", () => {
    assert.ok(retail, "examples/retail-*.corridor.json");
    assert.ok(saas, "examples/saas-*.corridor.json");
    for (const map of maps) {
      assert.ok(map.touchpoints.length > 0, `${map.title} has touchpoints`);
      assert.ok(map.corridor.steps.length > 0, `${map.title} has a corridor`);
    }
    assert.equal(new Set(maps.map((m) => m.id)).size, maps.length, "the examples have distinct ids");
  });
});

describe("the library", () => {
  test("lists every example, in the backend's order, with its counts", async () => {
    const page = await openApp();
    await page.getByRole("heading", { name: "Journey maps" }).waitFor();
    const items = mapList(page).locator("button[data-map-id]");
    await assert.doesNotReject(items.first().waitFor());
    assert.equal(await items.count(), mapSummaries.length);
    for (const [i, summary] of mapSummaries.entries()) {
      const item = items.nth(i);
      assert.equal(await item.getAttribute("data-map-id"), summary.id);
      const text = await item.innerText();
      assert.ok(text.includes(summary.title), `${summary.title} is listed`);
      assert.ok(text.includes(`${summary.touchpoints} touchpoints`), `${summary.title}: ${text}`);
      assert.ok(text.includes(`${summary.stages} stages`), `${summary.title}: ${text}`);
      if (summary.persona) assert.ok(text.includes(summary.persona), `persona of ${summary.title}`);
    }
    await page.screenshot({ path: SCREENSHOTS.library });
  });

  test("search filters by title", async () => {
    const page = await openApp();
    const search = page.getByRole("searchbox", { name: "Search maps by title" });
    await search.waitFor();
    // A word of the first title that no other title has, typed in another case.
    const [first, ...others] = mapSummaries;
    const word = first.title
      .split(/[^\p{L}\p{N}]+/u)
      .find((w) => w.length >= 4 && !others.some((o) => o.title.toLowerCase().includes(w.toLowerCase())));
    assert.ok(word, `a word only "${first.title}" has`);
    await search.fill(word.toUpperCase());
    await page.waitForFunction(
      (n) => document.querySelectorAll("[data-map-id]").length === n,
      mapSummaries.filter((m) => m.title.toLowerCase().includes(word.toLowerCase())).length,
    );
    assert.deepEqual(await mapList(page).locator("button[data-map-id]").evaluateAll((els) => els.map((e) => e.dataset.mapId)), [
      first.id,
    ]);

    await search.fill("no title has this in it 0451");
    await page.getByRole("heading", { name: /No maps match/ }).waitFor();
    await page.getByRole("button", { name: "Clear search" }).click();
    await assert.doesNotReject(mapButton(page, others[0].title).waitFor());
    assert.equal(await mapList(page).locator("button[data-map-id]").count(), mapSummaries.length);
  });

  test("an error from maps_list shows its message", async () => {
    const message = "The stored record 5b1c0f7e cannot be read: unknown map record version 9";
    const page = await openApp({
      summaries: mapSummaries,
      maps,
      failures: { maps_list: { code: "storage", message } },
    });
    const alert = page.getByRole("alert");
    await alert.waitFor();
    const text = await alert.innerText();
    assert.ok(text.includes(message), text);
    assert.ok(text.includes("The workspace could not be read"), text);
    assert.ok(text.includes("storage"), text);
    assert.equal(await page.getByRole("button", { name: "Try again" }).count(), 1);
  });

  test("a workspace that cannot be opened offers an export and a fresh workspace", async () => {
    const message = "the workspace at /home/ana/ws is damaged (2 of the 5 maps it should hold cannot be found)";
    const page = await openApp({
      summaries: mapSummaries,
      maps,
      workspacePath: "/home/ana/ws",
      failures: { maps_list: { code: "workspace_unavailable", message } },
    });
    const dialog = page.getByRole("alertdialog", { name: "The workspace could not be opened" });
    await dialog.waitFor();
    const text = await dialog.innerText();
    assert.ok(text.includes(message), text);
    assert.ok(text.includes("Nothing has been deleted"), text);
    await page.getByText("/home/ana/ws", { exact: true }).waitFor();
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent?.trim()),
      "Open a fresh workspace",
    );

    await page.getByRole("button", { name: "Export what can be read" }).click();
    await page.getByText(`${mapSummaries.length} maps exported to /home/ana/ws-export`).waitFor();
    const exported = page.getByRole("list", { name: "Exported maps" }).getByRole("listitem");
    assert.deepEqual(await exported.allInnerTexts(), mapSummaries.map((s) => s.title));

    await page.getByRole("button", { name: "Open a fresh workspace" }).click();
    await page.getByRole("heading", { name: "Journey maps" }).waitFor();
    await assert.doesNotReject(mapButton(page, mapSummaries[0].title).waitFor());
    const cmds = await appCommands(page);
    assert.deepEqual(cmds.filter((c) => c.startsWith("workspace_")), [
      "workspace_info",
      "workspace_salvage",
      "workspace_open_fresh",
    ]);
  });
});

describe("the board", () => {
  test("opening the retail example with Enter shows its stages, touchpoints and corridor", async () => {
    const page = await openApp();
    const item = mapButton(page, retail.title);
    await item.focus();
    await page.keyboard.press("Enter");

    await page.getByRole("heading", { level: 1, name: retail.title }).waitFor();
    assert.deepEqual(await appCommands(page), ["maps_list", "file_launch", "maps_open"]);

    // Stages as columns, in order, each with its touchpoint count.
    const stageHeads = boardRegion(page).locator("section.stage h2");
    assert.deepEqual(await stageHeads.allInnerTexts(), retail.stages.map((s) => s.name));
    for (const stage of retail.stages) {
      const n = retail.touchpoints.filter((t) => t.stage === stage.id).length;
      const column = page.getByRole("region", { name: stage.name, exact: true });
      assert.ok((await column.innerText()).includes(`${n} touchpoint`), `${stage.name} has ${n}`);
    }

    // Every touchpoint is a card, under its stage, in board order.
    assert.equal(await page.getByRole("article").count(), retail.touchpoints.length);
    const firstStage = retail.stages.find((s) => retail.touchpoints.some((t) => t.stage === s.id));
    const inFirst = retail.touchpoints.filter((t) => t.stage === firstStage.id).map((t) => t.title);
    const column = page.getByRole("region", { name: firstStage.name, exact: true });
    assert.deepEqual(await column.getByRole("article").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label"))), inFirst);
    const sample = retail.touchpoints[0];
    await assert.doesNotReject(page.getByRole("heading", { level: 3, name: sample.title, exact: true }).first().waitFor());

    // The corridor: step 1's touchpoint carries its step number; the strip lists every step.
    const first = retail.corridor.steps[0];
    const firstCard = page.locator(`[id="tp-${first.touchpoint}"]`);
    const label = stepLabelOf(retail, first.touchpoint);
    assert.match(label, /^Steps? 1\b/);
    assert.ok((await firstCard.innerText()).includes(label), `card of step 1 shows "${label}"`);
    const strip = page.getByRole("list", { name: "Corridor steps" });
    assert.equal(await strip.getByRole("button").count(), retail.corridor.steps.length);
    const firstStep = strip.getByRole("button").first();
    const firstTitle = retail.touchpoints.find((t) => t.id === first.touchpoint).title;
    assert.ok((await firstStep.innerText()).includes(firstTitle));
    if (first.optional) assert.ok((await firstStep.innerText()).includes("optional"));
    // A touchpoint the corridor visits twice shows both numbers.
    const loop = retail.touchpoints.find((t) => stepLabelOf(retail, t.id).startsWith("Steps "));
    if (loop) {
      const text = await page.locator(`[id="tp-${loop.id}"]`).innerText();
      assert.ok(text.includes(stepLabelOf(retail, loop.id)), text);
    }

    // Lanes: visible lanes are rows; their cards sit in them.
    const visibleCard = retail.lane_cards.find((c) => !retail.lanes.find((l) => l.id === c.lane)?.hidden);
    if (visibleCard) assert.ok((await page.getByText(visibleCard.text, { exact: true }).count()) > 0);

    await page.screenshot({ path: SCREENSHOTS.board });

    // Choosing a step in the strip opens it; "Show on board" brings its card into focus.
    const last = retail.corridor.steps.at(-1);
    await strip.getByRole("button").last().click();
    await page.getByRole("button", { name: "Show on board" }).click();
    await page.waitForFunction((id) => document.activeElement?.id === `tp-${id}`, last.touchpoint);

    // Escape returns to the library, with the focus on the map just closed.
    await page.keyboard.press("Escape");
    await page.getByRole("heading", { name: "Journey maps" }).waitFor();
    await page.waitForFunction((id) => document.activeElement?.getAttribute("data-map-id") === id, retail.id);
  });

  test("the second example opens by click; custom channels show their names; Back returns", async () => {
    const page = await openApp();
    await mapButton(page, saas.title).click();
    await page.getByRole("heading", { level: 1, name: saas.title }).waitFor();
    assert.equal(await page.getByRole("article").count(), saas.touchpoints.length);
    for (const t of saas.touchpoints.filter((t) => typeof t.channel === "object")) {
      const text = await page.locator(`[id="tp-${t.id}"]`).innerText();
      assert.ok(text.toLowerCase().includes(t.channel.custom.toLowerCase()), `${t.title}: ${text}`);
    }
    for (const lane of saas.lanes.filter((l) => l.hidden)) {
      assert.equal(await page.getByText(lane.title, { exact: true }).count(), 0, `hidden lane ${lane.title}`);
    }
    await page.getByRole("button", { name: "Back to library" }).click();
    await page.getByRole("heading", { name: "Journey maps" }).waitFor();
  });

  test("a narrow window scrolls the board, not the page", async () => {
    const page = await openApp(undefined, { viewport: { width: 800, height: 600 } });
    await mapButton(page, retail.title).click();
    const board = boardRegion(page);
    await board.waitFor();
    const sizes = await board.evaluate((el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
      page: document.documentElement.scrollWidth,
      window: window.innerWidth,
    }));
    assert.ok(sizes.scroll > sizes.client, `the board scrolls: ${JSON.stringify(sizes)}`);
    assert.ok(sizes.page <= sizes.window, `the page does not: ${JSON.stringify(sizes)}`);
  });

  test("dark theme", async () => {
    const page = await openApp(undefined, { colorScheme: "dark" });
    await mapButton(page, saas.title).click();
    await boardRegion(page).waitFor();
    const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    assert.notEqual(bg, "rgb(243, 245, 248)", "the dark background is used");
    await page.screenshot({ path: SCREENSHOTS.boardDark });
  });

  test("titles are text, never markup", async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const map = structuredClone(retail);
    map.id = "00000000-0000-4000-8000-00000000e711";
    map.title = `${evil} map`;
    map.touchpoints[0].title = evil;
    const page = await openApp({ summaries: summaries([map]), maps: [map] });
    await mapButton(page, map.title).click();
    await page.getByRole("heading", { level: 1, name: map.title }).waitFor();
    await page.getByRole("heading", { level: 3, name: evil, exact: true }).first().waitFor();
    assert.equal(await page.locator("main img, section img, article img, header img").count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
  });
});
