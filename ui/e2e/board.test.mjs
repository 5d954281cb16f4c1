// End-to-end tests of editing on the board, in Chromium, against the built UI (ui/dist) with the
// Tauri IPC mocked in the page: the mock backend applies, undoes and redoes every edit with the
// UI's copy of `Edit::apply`, so what the board shows after a change is what the backend holds.
// Run `npm run build` first. The set-up (server, browser, mock-backed pages, the no-errors check)
// is the shared harness.mjs.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { drag, harness, invoke, openMap, retail, until } from "./harness.mjs";

const SCREENSHOTS = {
  light: "/tmp/corridor-board-edit-light.png",
  dark: "/tmp/corridor-board-edit-dark.png",
};

const h = harness();

/** The retail example (or `map`) open on the board, the IPC answered by the mock backend. */
const openBoard = ({ failures, options, map = retail } = {}) =>
  openMap(h, map, { extra: failures ? { failures } : {}, options });

const stage = (page, name) => page.getByRole("region", { name, exact: true });
const cardTitles = (page, name) =>
  stage(page, name)
    .getByRole("article")
    .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
const edits = (page) =>
  page.evaluate(() => window.__ipcCalls.filter((c) => c.cmd === "maps_edit").map((c) => c.args.edit));
const stageNames = (page) => page.getByRole("region", { name: "Board", exact: true }).locator("section.stage h2").allInnerTexts();
const saved = (page) => page.getByRole("status").filter({ hasText: "Saved" }).waitFor();

/** The map as the mock backend holds it now. */
const backendOf = (page, id) => invoke(page, "maps_get", { id });

describe("editing the board", () => {
  test("add a stage, name it, quick-capture three touchpoints; the backend holds them", async () => {
    const page = await openBoard();
    const undo = page.getByRole("button", { name: "Undo", exact: true });
    assert.equal(await undo.isDisabled(), true, "nothing to undo on a fresh map");

    await page.getByRole("button", { name: "Add stage" }).click();
    const name = page.getByRole("textbox", { name: "Stage name" });
    await name.waitFor();
    await name.fill("Loyalty");
    await name.press("Enter");
    await stage(page, "Loyalty").waitFor();
    assert.deepEqual(await stageNames(page), [...retail.stages.map((s) => s.name), "Loyalty"]);

    await stage(page, "Loyalty").getByRole("button", { name: "Add touchpoint" }).click();
    const capture = page.getByRole("textbox", { name: "New touchpoint title in Loyalty" });
    for (const title of ["Welcome back mail", "Points statement", "<img src=x onerror=alert(1)>"]) {
      await capture.fill(title);
      await capture.press("Enter");
      await stage(page, "Loyalty").getByRole("article", { name: title, exact: true }).waitFor();
    }
    assert.deepEqual(await cardTitles(page, "Loyalty"), [
      "Welcome back mail",
      "Points statement",
      "<img src=x onerror=alert(1)>",
    ]);
    assert.equal(await page.locator("article img").count(), 0, "the hostile title stays text");
    await saved(page);
    assert.equal(await undo.isDisabled(), false);

    const map = await backendOf(page, retail.id);
    const loyalty = map.stages.find((s) => s.name === "Loyalty");
    assert.ok(loyalty, "the backend has the stage");
    assert.deepEqual(
      map.touchpoints.filter((t) => t.stage === loyalty.id).map((t) => t.title),
      ["Welcome back mail", "Points statement", "<img src=x onerror=alert(1)>"],
    );
    const ops = (await edits(page)).map((e) => e.op);
    assert.deepEqual(ops, ["insert", "replace", "insert", "insert", "insert"]);
  });

  test("the side panel edits a touchpoint's fields; each change is an edit", async () => {
    const page = await openBoard();
    const first = retail.touchpoints[0];
    await page.locator(`[id="tp-${first.id}"]`).click();
    const panel = page.getByRole("complementary", { name: "Touchpoint" });
    await panel.waitFor();
    const title = panel.getByRole("textbox", { name: "Title" });
    assert.equal(await title.inputValue(), first.title);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("type")), "text", "focus in the panel");

    await title.fill("Spring campaign");
    await title.press("Enter");
    await page.getByRole("article", { name: "Spring campaign", exact: true }).waitFor();
    await panel.getByRole("combobox", { name: "Channel" }).selectOption("email");
    await panel.getByRole("combobox", { name: "Owner department" }).selectOption("custom");
    const dept = panel.getByRole("textbox", { name: "Department name" });
    await dept.fill("Brand studio");
    await dept.press("Tab");
    await panel.getByRole("checkbox", { name: "Moment of truth" }).setChecked(!first.moment_of_truth);
    await panel.getByRole("group", { name: "Friction" }).getByRole("checkbox", { name: "Confusion" }).check();
    await panel.getByRole("spinbutton", { name: /Target score/ }).fill("4.5");
    await panel.getByRole("spinbutton", { name: /Target score/ }).press("Tab");
    await panel.getByRole("combobox", { name: "Designed emotion" }).selectOption("2");
    const aliases = panel.getByRole("textbox", { name: /Aliases/ });
    await aliases.fill("campaign_click\nad_view");
    await aliases.press("Tab");
    await saved(page);
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent?.trim()),
      "Duplicate",
      "an accepted edit leaves the focus where the person put it",
    );

    const card = page.getByRole("article", { name: "Spring campaign", exact: true });
    const text = (await card.textContent()) ?? "";
    assert.ok(text.includes("Email"), text);
    assert.ok(text.includes("Brand studio"), text);
    assert.ok(text.includes("Confusion"), text);
    const map = await backendOf(page, retail.id);
    const tp = map.touchpoints.find((t) => t.id === first.id);
    assert.equal(tp.title, "Spring campaign");
    assert.equal(tp.channel, "email");
    assert.deepEqual(tp.owner, { custom: "Brand studio" });
    assert.equal(tp.moment_of_truth, !first.moment_of_truth);
    assert.ok(tp.friction.includes("confusion"));
    assert.equal(tp.target_score, 4.5);
    assert.equal(tp.designed_emotion, 2);
    assert.deepEqual(tp.aliases, ["campaign_click", "ad_view"]);
    assert.ok((await edits(page)).every((e) => e.op === "replace"));

    // Escape closes the panel and gives the focus back to the card.
    await panel.getByRole("textbox", { name: "Notes" }).focus();
    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "detached" });
    await page.waitForFunction((id) => document.activeElement?.id === `tp-${id}`, first.id);
    // Escape in the panel did not leave the board.
    assert.equal(await page.getByRole("region", { name: "Board", exact: true }).count(), 1);

    // Duplicate from the panel: a copy right after it.
    await card.click();
    await panel.getByRole("button", { name: "Duplicate" }).click();
    await page.getByRole("article", { name: "Spring campaign (copy)", exact: true }).waitFor();
    const titles = await cardTitles(page, "Awareness");
    assert.equal(titles.indexOf("Spring campaign (copy)"), titles.indexOf("Spring campaign") + 1);
  });

  test("drag a card to another stage, then undo and redo with the keyboard and the buttons", async () => {
    const page = await openBoard();
    const [from, to] = retail.stages;
    const moving = retail.touchpoints.find((t) => t.stage === from.id);
    const before = await cardTitles(page, to.name);
    await drag(page, page.locator(`[id="tp-${moving.id}"]`), stage(page, to.name).getByRole("article").first(), { x: 30, y: 8 });
    await stage(page, to.name).getByRole("article", { name: moving.title, exact: true }).waitFor();
    assert.deepEqual(await cardTitles(page, to.name), [moving.title, ...before], "dropped before the first card");
    assert.equal((await backendOf(page, retail.id)).touchpoints.find((t) => t.id === moving.id).stage, to.id);

    // Ctrl+Z puts it back (one edit: the stage change and the position together).
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("Control+z");
    await stage(page, from.name).getByRole("article", { name: moving.title, exact: true }).waitFor();
    assert.deepEqual(await cardTitles(page, to.name), before);
    assert.deepEqual(
      (await backendOf(page, retail.id)).touchpoints.map((t) => t.id),
      retail.touchpoints.map((t) => t.id),
      "undo restored the order exactly",
    );
    await page.keyboard.press("Control+Shift+z");
    await stage(page, to.name).getByRole("article", { name: moving.title, exact: true }).waitFor();
    await page.getByRole("button", { name: "Undo", exact: true }).click();
    await stage(page, from.name).getByRole("article", { name: moving.title, exact: true }).waitFor();
    await page.keyboard.press("Control+y");
    await stage(page, to.name).getByRole("article", { name: moving.title, exact: true }).waitFor();
    const cmds = await page.evaluate(() => window.__ipcCalls.map((c) => c.cmd).filter((c) => c.startsWith("maps_")));
    assert.deepEqual(
      cmds.filter((c) => c !== "maps_list" && c !== "maps_get"),
      ["maps_open", "maps_edit", "maps_undo", "maps_open", "maps_redo", "maps_open", "maps_undo", "maps_open", "maps_redo", "maps_open"],
    );
    await page.waitForFunction(() => document.querySelector('[aria-label="Redo"]')?.disabled === true);
  });

  test("reorder within a stage by drag", async () => {
    const page = await openBoard({ options: { viewport: { width: 1400, height: 1500 } } });
    const first = retail.stages[0];
    const titles = await cardTitles(page, first.name);
    assert.ok(titles.length >= 3);
    const cards = stage(page, first.name).getByRole("article");
    // Drag the first card onto the upper half of the fourth: it lands before it.
    await drag(page, cards.first(), cards.nth(3), { x: 20, y: 8 });
    const expected = [titles[1], titles[2], titles[0], ...titles.slice(3)];
    await until(async () => JSON.stringify(await cardTitles(page, first.name)) === JSON.stringify(expected));
    assert.deepEqual(await cardTitles(page, first.name), expected);
  });

  test("keyboard: arrows move the focus, Alt+arrows move the card, Enter opens, Delete deletes, Ctrl+Z restores", async () => {
    const page = await openBoard();
    const [s1, s2] = retail.stages;
    const inS1 = retail.touchpoints.filter((t) => t.stage === s1.id);
    const inS2 = retail.touchpoints.filter((t) => t.stage === s2.id);
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent);

    await page.locator(`[id="tp-${inS1[0].id}"]`).focus();
    await page.keyboard.press("ArrowDown");
    assert.equal(await focused(), inS1[1].title);
    await page.keyboard.press("ArrowRight");
    assert.equal(await focused(), inS2[1].title);
    await page.keyboard.press("ArrowUp");
    assert.equal(await focused(), inS2[0].title);
    await page.keyboard.press("ArrowLeft");
    assert.equal(await focused(), inS1[0].title);
    // Visible focus: an outline is drawn.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, "none");

    // Alt+Down moves the card one place down; Alt+Right to the next stage, focus kept.
    await page.keyboard.press("Alt+ArrowDown");
    await page.waitForFunction((id) => document.activeElement?.id === `tp-${id}`, inS1[0].id);
    await page.waitForFunction((want) => {
      const s = [...document.querySelectorAll("section")].find((x) => x.querySelector("h2")?.textContent.trim() === want.stage);
      return s && [...s.querySelectorAll("article")].map((a) => a.getAttribute("aria-label"))[1] === want.title;
    }, { stage: s1.name, title: inS1[0].title });
    await page.keyboard.press("Alt+ArrowRight");
    await stage(page, s2.name).getByRole("article", { name: inS1[0].title, exact: true }).waitFor();
    await page.waitForFunction((id) => document.activeElement?.id === `tp-${id}`, inS1[0].id);

    // Enter opens the panel; Escape closes it.
    await page.keyboard.press("Enter");
    await page.getByRole("complementary", { name: "Touchpoint" }).waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("complementary", { name: "Touchpoint" }).waitFor({ state: "detached" });
    await page.waitForFunction((id) => document.activeElement?.id === `tp-${id}`, inS1[0].id);

    // Delete removes it (and its corridor steps); Ctrl+Z brings it all back.
    const steps = retail.corridor.steps.filter((s) => s.touchpoint === inS1[0].id).length;
    await page.keyboard.press("Delete");
    await page.locator(`[id="tp-${inS1[0].id}"]`).waitFor({ state: "detached" });
    let map = await backendOf(page, retail.id);
    assert.equal(map.touchpoints.some((t) => t.id === inS1[0].id), false);
    assert.equal(map.corridor.steps.length, retail.corridor.steps.length - steps);
    assert.ok(await page.evaluate(() => document.activeElement?.dataset.card), "the focus stays on a card");
    await page.keyboard.press("Control+z");
    await page.locator(`[id="tp-${inS1[0].id}"]`).waitFor();
    map = await backendOf(page, retail.id);
    assert.equal(map.corridor.steps.length, retail.corridor.steps.length);
  });

  test("stages: rename with F2, move with Alt+arrow and buttons, delete removes what is in them", async () => {
    const page = await openBoard();
    const [a, b] = retail.stages;
    const head = stage(page, a.name).getByRole("heading", { level: 2 });
    await head.focus();
    await page.keyboard.press("F2");
    const input = page.getByRole("textbox", { name: "Stage name" });
    await input.fill("Noticing");
    await input.press("Enter");
    await stage(page, "Noticing").waitFor();
    await page.keyboard.press("Alt+ArrowRight");
    await until(async () => (await stageNames(page))[0] === b.name);
    assert.deepEqual((await stageNames(page)).slice(0, 2), [b.name, "Noticing"]);
    await stage(page, "Noticing").getByRole("button", { name: "Move stage left" }).click();
    await until(async () => (await stageNames(page))[0] === "Noticing");
    assert.equal((await stageNames(page))[0], "Noticing");

    // Deleting a stage removes its touchpoints, lane cards and their corridor steps, as core does.
    const tps = retail.touchpoints.filter((t) => t.stage === a.id).map((t) => t.id);
    const cards = retail.lane_cards.filter((c) => c.stage === a.id).length;
    await stage(page, "Noticing").getByRole("button", { name: "Delete stage" }).click();
    await stage(page, "Noticing").waitFor({ state: "detached" });
    const map = await backendOf(page, retail.id);
    assert.equal(map.stages.length, retail.stages.length - 1);
    assert.equal(map.touchpoints.length, retail.touchpoints.length - tps.length);
    assert.equal(map.lane_cards.length, retail.lane_cards.length - cards);
    assert.equal(map.corridor.steps.filter((s) => tps.includes(s.touchpoint)).length, 0);
    assert.ok(await page.evaluate(() => window.__ipcCalls.some((c) => c.cmd === "maps_removal" && c.args.kind === "stage")));

    await page.getByRole("button", { name: "Undo", exact: true }).click();
    await stage(page, "Noticing").waitFor();
    const back = await backendOf(page, retail.id);
    assert.equal(back.touchpoints.length, retail.touchpoints.length);
    assert.equal(back.corridor.steps.length, retail.corridor.steps.length);
  });

  test("lanes: hide, show, reorder, add a custom lane and a card in it", async () => {
    const page = await openBoard();
    await page.getByRole("button", { name: "Lanes…" }).click();
    const menu = page.getByRole("dialog", { name: "Lanes" });
    const lane = retail.lanes.find((l) => l.kind === "pain_points");
    const first = stage(page, retail.stages[0].name);
    await first.getByRole("group", { name: `${lane.title} in ${retail.stages[0].name}` }).waitFor();
    await menu.getByRole("checkbox", { name: new RegExp(`^${lane.title}`) }).uncheck();
    await first.getByRole("group", { name: `${lane.title} in ${retail.stages[0].name}` }).waitFor({ state: "detached" });
    await menu.getByRole("checkbox", { name: new RegExp(`^${lane.title}`) }).check();
    await first.getByRole("group", { name: `${lane.title} in ${retail.stages[0].name}` }).waitFor();

    const i = retail.lanes.findIndex((l) => l.id === lane.id);
    await menu.getByRole("button", { name: `Move ${lane.title} up` }).click();
    // Wait on the backend's state, not on the "Saved" status (already there from the toggles).
    await until(async () => (await backendOf(page, retail.id)).lanes.findIndex((l) => l.id === lane.id) === i - 1);
    let map = await backendOf(page, retail.id);
    assert.equal(map.lanes.findIndex((l) => l.id === lane.id), i - 1);

    await menu.getByRole("combobox", { name: "Kind" }).selectOption("custom");
    await menu.getByRole("textbox", { name: "Title" }).fill("Partner view");
    await menu.getByRole("button", { name: "Add lane" }).click();
    const cell = first.getByRole("group", { name: `Partner view in ${retail.stages[0].name}` });
    await cell.waitFor();
    await page.keyboard.press("Escape");
    await menu.waitFor({ state: "detached" });
    await cell.getByRole("button", { name: /Add card/ }).click();
    const capture = cell.getByRole("textbox");
    await capture.fill("Reseller sees the campaign");
    await capture.press("Enter");
    await cell.getByText("Reseller sees the campaign").waitFor();
    map = await backendOf(page, retail.id);
    const custom = map.lanes.find((l) => l.title === "Partner view");
    assert.equal(custom.kind, "custom");
    assert.equal(map.lane_cards.filter((c) => c.lane === custom.id).length, 1);

    // A lane card opens in the panel too: edit its text, duplicate it, delete the copy.
    await cell.getByText("Reseller sees the campaign").click();
    const panel = page.getByRole("complementary", { name: "Partner view card" });
    const text = panel.getByRole("textbox", { name: "Text" });
    await text.fill("Reseller shares the campaign");
    await text.press("Tab");
    await cell.getByText("Reseller shares the campaign").waitFor();
    await panel.getByRole("button", { name: "Duplicate" }).click();
    await until(async () => (await cell.getByText("Reseller shares the campaign").count()) === 2);
    assert.equal(await cell.getByText("Reseller shares the campaign").count(), 2);
    await panel.getByRole("button", { name: "Delete" }).click();
    await until(async () => (await cell.getByText("Reseller shares the campaign").count()) === 1);
    map = await backendOf(page, retail.id);
    assert.deepEqual(
      map.lane_cards.filter((c) => c.lane === custom.id).map((c) => c.text),
      ["Reseller shares the campaign"],
    );
  });

  test("reorder stages by dragging a stage's name onto another stage", async () => {
    const page = await openBoard();
    const [a, b, c] = retail.stages;
    await drag(page, stage(page, a.name).getByRole("heading", { level: 2 }), stage(page, c.name).getByRole("heading", { level: 2 }));
    await until(async () => (await stageNames(page))[2] === a.name);
    assert.deepEqual((await stageNames(page)).slice(0, 3), [b.name, c.name, a.name]);
    assert.deepEqual(
      (await backendOf(page, retail.id)).stages.map((s) => s.name).slice(0, 3),
      [b.name, c.name, a.name],
    );
  });

  test("a failed edit says so, changes nothing, and the board stays usable", async () => {
    const message = "The disk holding the workspace is full (/home/ana/ws)";
    const page = await openBoard({ failures: { maps_edit: { code: "disk_full", message } } });
    await page.getByRole("button", { name: "Add stage" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    const text = await alert.innerText();
    assert.ok(text.includes(message), text);
    assert.ok(text.includes("The disk is full"), text);
    assert.ok(await page.getByRole("status").filter({ hasText: "Not saved" }).count());
    assert.deepEqual(await stageNames(page), retail.stages.map((s) => s.name));
    await page.getByRole("button", { name: "Dismiss" }).click();
    await alert.waitFor({ state: "detached" });
  });

  test("zoom, fit to screen, and the theme toggle (remembered); screenshots light and dark", async () => {
    const page = await openBoard({ options: { colorScheme: "light" } });
    await page.screenshot({ path: SCREENSHOTS.light });
    const zoomOf = () => page.locator(".board").evaluate((el) => getComputedStyle(el).zoom);
    await page.getByRole("button", { name: "Zoom out" }).click();
    assert.equal(await zoomOf(), "0.9");
    await page.keyboard.press("Control+0");
    assert.equal(await zoomOf(), "1");
    await page.getByRole("button", { name: "Fit to screen" }).click();
    const fitted = Number(await zoomOf());
    assert.ok(fitted < 1, `fit zooms out a big board: ${fitted}`);
    const fits = await page.getByRole("region", { name: "Board", exact: true }).evaluate((el) => el.scrollWidth <= el.clientWidth + 2);
    assert.ok(fits, "the whole width is visible");
    await page.keyboard.press("Control+0");

    const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const light = await bg();
    await page.getByRole("button", { name: "Switch to dark theme" }).click();
    assert.notEqual(await bg(), light);
    await page.screenshot({ path: SCREENSHOTS.dark });
    await page.reload();
    await page.getByRole("list", { name: "Maps" }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark", "remembered");
    assert.notEqual(await bg(), light);
  });

  test("with no theme chosen the app shows the system's, and follows it when it changes", async () => {
    const page = await openMap(h, retail, { options: { colorScheme: "dark" } });
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    assert.equal(await theme(), "dark");
    const dark = await bg();
    await page.emulateMedia({ colorScheme: "light" });
    assert.ok(await until(async () => (await theme()) === "light"), "follows the system to light");
    assert.notEqual(await bg(), dark);
    // A theme chosen in the app stays, whatever the system does.
    await page.getByRole("button", { name: "Switch to dark theme" }).click();
    await page.emulateMedia({ colorScheme: "light" });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.emulateMedia({ colorScheme: "light" });
    assert.equal(await theme(), "dark");
    assert.equal(await bg(), dark);
  });

  test("a big map mounts only the cards near the view; the keyboard still reaches every card", async () => {
    const map = structuredClone(retail);
    map.id = "00000000-0000-4000-8000-00000000b16a";
    map.title = "A big map";
    const stageIds = map.stages.map((s) => s.id);
    map.corridor.steps = [];
    map.story.kpis = [];
    map.story.initiatives = [];
    map.touchpoints = Array.from({ length: 700 }, (_, i) => ({
      ...retail.touchpoints[i % retail.touchpoints.length],
      id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      title: `Generated touchpoint ${i}`,
      stage: stageIds[i % stageIds.length],
    }));
    const page = await openBoard({ map });
    const first = page.locator(`[id="tp-${map.touchpoints[0].id}"]`);
    await first.waitFor();
    const mounted = await page.locator("article[data-card]").count();
    assert.ok(mounted > 0 && mounted < 150, `only the cards near the view are mounted: ${mounted}`);
    const column = map.touchpoints.filter((t) => t.stage === stageIds[0]);
    // Screen readers hear each card's place in the whole column.
    const list = page.getByRole("list", { name: `Touchpoints in ${map.stages[0].name}` });
    assert.equal(await list.getByRole("listitem").first().getAttribute("aria-setsize"), String(column.length));
    assert.equal(await page.locator(`[id="tp-${column.at(-1).id}"]`).count(), 0, "the last card is not mounted");

    // The arrow keys walk down the column to its far end, mounting cards as they go.
    await first.focus();
    for (let i = 1; i < column.length; i++) await page.keyboard.press("ArrowDown");
    await page.waitForFunction((id) => document.activeElement?.id === `tp-${id}`, column.at(-1).id);
    const slot = page.locator(`[id="tp-${column.at(-1).id}"]`).locator("xpath=..");
    assert.equal(await slot.getAttribute("aria-posinset"), String(column.length));
    // Right goes to the next stage's card at the same place, mounted for it.
    await page.keyboard.press("ArrowRight");
    const next = map.touchpoints.filter((t) => t.stage === stageIds[1]);
    await page.waitForFunction((id) => document.activeElement?.id === `tp-${id}`, next[column.length - 1].id);
    // An edit there still works: Delete removes it from the backend.
    await page.keyboard.press("Delete");
    await until(async () => !(await backendOf(page, map.id)).touchpoints.some((t) => t.id === next[column.length - 1].id));
    assert.equal((await backendOf(page, map.id)).touchpoints.length, 699);
  });
});
