// End-to-end tests of corridor editing and the emotion curve, on the built UI (ui/dist) in
// Chromium with the Tauri IPC mocked (the mock backend applies edits with the UI's apply.ts).
// Run `npm run build` first. The set-up is the shared harness.mjs.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { examples, harness, invoke, openApp, retail, summaries } from "./harness.mjs";

const SCREENSHOTS = {
  light: "/tmp/corridor-curve.png",
  dark: "/tmp/corridor-curve-dark.png",
  dense: "/tmp/corridor-curve-dense.png",
};

const h = harness();

/** A fresh page on the built UI with the retail example open on the board. */
async function openRetail(options = {}, change = (map) => map) {
  // Each test gets its own copy: the mock backend changes the maps it is given.
  const maps = structuredClone(examples.map((e) => e.map)).map((m) => (m.id === retail.id ? change(m) : m));
  const page = await openApp(h, { summaries: summaries(maps), maps }, { viewport: { width: 1600, height: 1000 }, options });
  await page.getByRole("list", { name: "Maps" }).getByRole("button", { name: retail.title, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: retail.title }).waitFor();
  return page;
}

/** The edits the UI sent to the backend, in order. */
const sentEdits = (page) =>
  page.evaluate(() => window.__ipcCalls.filter((c) => c.cmd === "maps_edit").map((c) => c.args.edit));
/** The map as the mock backend holds it now. */
const backendMap = (page, id) => invoke(page, "maps_get", { id });
const stepList = (page) => page.getByRole("list", { name: "Corridor steps" });
const stepNames = (page) =>
  stepList(page).getByRole("button").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
const connectors = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("svg.connectors path.line")].map((p) => ({
      key: p.getAttribute("data-connector"),
      dashed: p.classList.contains("dashed"),
    })),
  );
const titleOf = (id) => retail.touchpoints.find((t) => t.id === id).title;

describe("the corridor on the board", () => {
  test("is drawn between the cards and lets the pointer through to them", async () => {
    const page = await openRetail();
    const steps = retail.corridor.steps;
    await page.waitForFunction(() => Number(document.querySelector("svg.connectors")?.getAttribute("data-connectors")) > 0);
    const drawn = await connectors(page);
    // One connector per pair of consecutive steps whose cards are both on the page (all are here).
    assert.equal(drawn.length, steps.length - 1);
    for (let i = 1; i < steps.length; i++) {
      const c = drawn.find((d) => d.key === `${steps[i - 1].id}>${steps[i].id}`);
      assert.ok(c, `a connector from step ${i} to ${i + 1}`);
      assert.equal(c.dashed, steps[i - 1].optional || steps[i].optional, `step ${i} to ${i + 1} dashed iff optional`);
    }
    // Under the middle of a connector that crosses a card, the card (not the overlay) gets the pointer.
    const hit = await page.evaluate(() => {
      const svg = document.querySelector("svg.connectors");
      for (const path of svg.querySelectorAll("path.line")) {
        const len = path.getTotalLength();
        for (let f = 0.02; f < 1; f += 0.02) {
          const pt = path.getPointAtLength(len * f);
          const box = svg.getBoundingClientRect();
          const el = document.elementFromPoint(box.left + pt.x, box.top + pt.y);
          const card = el?.closest("article");
          if (card) return { card: card.id, inOverlay: svg.contains(el) };
        }
      }
      return null;
    });
    assert.ok(hit, "some connector passes over a card");
    assert.equal(hit.inOverlay, false);
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("svg.connectors")).pointerEvents), "none");
  });

  test("adds a step, marks it optional, times it and reorders by keys and by drag, each through the backend", async () => {
    const page = await openRetail();
    const n = retail.corridor.steps.length;
    const lastStage = retail.stages.at(-1);
    const added = retail.touchpoints.filter((t) => t.stage === lastStage.id).at(-1);
    const addedCard = page.locator(`[id="tp-${added.id}"]`);
    const before = await addedCard.innerText();

    // Add a step at the end.
    await page.getByRole("button", { name: "Add step" }).click();
    await page.getByRole("combobox", { name: new RegExp(`Step ${n + 1} \\(at the end\\): touchpoint`) }).selectOption(added.id);
    await page.getByRole("button", { name: "Add to corridor" }).click();
    await page.getByRole("group", { name: `Step ${n + 1}: ${added.title}` }).waitFor();
    let edits = await sentEdits(page);
    assert.equal(edits.length, 1);
    assert.equal(edits[0].op, "insert");
    assert.equal(edits[0].index, n);
    assert.deepEqual(Object.keys(edits[0].item.corridor_step).sort(), ["expected_secs_from_previous", "id", "optional", "touchpoint"]);
    assert.equal(edits[0].item.corridor_step.touchpoint, added.id);
    const newId = edits[0].item.corridor_step.id;
    assert.match(newId, /^[0-9a-f-]{36}$/);
    assert.equal((await stepNames(page)).length, n + 1);
    // The board shows it: the card carries its new step number, a connector leads to it.
    await page.waitForFunction(([id, n]) => document.getElementById(`tp-${id}`)?.innerText.includes(`${n}`), [added.id, n + 1]);
    assert.notEqual(await addedCard.innerText(), before);
    await page.waitForFunction((key) => !!document.querySelector(`[data-connector="${key}"]`), `${retail.corridor.steps.at(-1).id}>${newId}`);

    // Mark it optional: the connector into it turns dashed.
    await page.getByRole("checkbox", { name: "Optional step" }).check();
    await page.waitForFunction((n) => document.querySelectorAll('[aria-label^="Step"][aria-label*="optional"]').length > 0 && [...document.querySelectorAll("ol[aria-label='Corridor steps'] button")][n]?.getAttribute("aria-label").includes("optional"), n);
    edits = await sentEdits(page);
    assert.deepEqual(edits[1], { op: "replace", item: { corridor_step: { id: newId, touchpoint: added.id, optional: true, expected_secs_from_previous: null } } });
    // The connectors are redrawn in the frame after the edit: wait for it, then read them all.
    await page.waitForFunction((id) => !!document.querySelector(`svg.connectors path.line.dashed[data-connector$=">${id}"]`), newId);
    const into = (await connectors(page)).filter((c) => c.key.endsWith(`>${newId}`));
    assert.deepEqual(into.map((c) => c.dashed), [true]);

    // An expected time that is not one is refused, with the reason; 2 hours is taken.
    const amount = page.getByRole("textbox", { name: `Expected time after step ${n}` });
    await amount.fill("two");
    await page.getByRole("button", { name: "Set time" }).click();
    assert.match(await page.getByRole("alert").innerText(), /“two” is not a number/);
    assert.equal((await sentEdits(page)).length, 2);
    await amount.fill("2");
    await page.getByRole("combobox", { name: "Unit of the expected time" }).selectOption("h");
    await page.getByRole("button", { name: "Set time" }).click();
    await page.waitForFunction(async () => window.__ipcCalls.filter((c) => c.cmd === "maps_edit").length === 3);
    edits = await sentEdits(page);
    assert.equal(edits[2].item.corridor_step.expected_secs_from_previous, 7200);
    await page.getByRole("button", { name: new RegExp(`^Step ${n + 1}: .*optional, expected 2 h after the previous step$`) }).waitFor();

    // Alt+Left moves it one place earlier, keeping the focus on it.
    const chip = stepList(page).getByRole("button").nth(n);
    await chip.focus();
    await page.keyboard.press("Alt+ArrowLeft");
    await page.getByRole("button", { name: new RegExp(`^Step ${n}: ${added.title}, optional`) }).waitFor();
    edits = await sentEdits(page);
    assert.deepEqual(edits[3], { op: "move", kind: "corridor_step", id: newId, to: n - 1 });
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("aria-label")?.split(",")[0]), `Step ${n}: ${added.title}`);

    // Drag step 1 past step 3.
    const firstId = retail.corridor.steps[0].id;
    const first = stepList(page).getByRole("button").nth(0);
    const third = stepList(page).getByRole("button").nth(2);
    // The strip scrolled to the end with the focus: bring its start back into view.
    await first.scrollIntoViewIfNeeded();
    const from = await first.boundingBox();
    const to = await third.boundingBox();
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height / 2, { steps: 3 });
    await page.mouse.move(to.x + to.width * 0.9, to.y + to.height / 2, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(() => window.__ipcCalls.filter((c) => c.cmd === "maps_edit").length === 5);
    edits = await sentEdits(page);
    assert.deepEqual(edits[4], { op: "move", kind: "corridor_step", id: firstId, to: 2 });
    const names = await stepNames(page);
    assert.ok(names[2].startsWith(`Step 3: ${titleOf(retail.corridor.steps[0].touchpoint)}`), names[2]);

    // The backend holds exactly what the strip shows.
    const saved = await backendMap(page, retail.id);
    const shown = (await stepNames(page)).map((s) => s.split(",")[0]);
    assert.deepEqual(
      saved.corridor.steps.map((s, i) => `Step ${i + 1}: ${titleOf(s.touchpoint)}`),
      shown,
    );
    assert.deepEqual(saved.corridor.steps.find((s) => s.id === newId), {
      id: newId,
      touchpoint: added.id,
      optional: true,
      expected_secs_from_previous: 7200,
    });
    // Every edit went against the revision the backend had: none failed.
    assert.equal(await page.getByRole("alert").count(), 0);
  });

  test("removes a step with Delete", async () => {
    const page = await openRetail();
    const steps = retail.corridor.steps;
    await stepList(page).getByRole("button").nth(1).focus();
    await page.keyboard.press("Delete");
    await page.waitForFunction((n) => document.querySelectorAll("ol[aria-label='Corridor steps'] button").length === n, steps.length - 1);
    assert.deepEqual(await sentEdits(page), [{ op: "remove", kind: "corridor_step", id: steps[1].id }]);
    const saved = await backendMap(page, retail.id);
    assert.deepEqual(saved.corridor.steps.map((s) => s.id), steps.filter((_, i) => i !== 1).map((s) => s.id));
  });
});

describe("the emotion curve", () => {
  test("a point dragged up or keyed down changes the touchpoint's designed emotion in the backend", async () => {
    const page = await openRetail();
    const t = retail.touchpoints.find((t) => t.designed_emotion !== null && t.designed_emotion <= 1);
    const stage = retail.stages.find((s) => s.id === t.stage).name;
    const point = page.getByRole("slider", { name: `Designed emotion at ${t.title} (${stage})`, exact: true });
    assert.equal(await point.getAttribute("aria-valuenow"), String(t.designed_emotion));
    assert.equal(await point.getAttribute("aria-valuemin"), "-2");
    assert.equal(await point.getAttribute("aria-valuemax"), "2");

    // The plot spans −2..+2 over its height less 34 px above and below: find one unit in pixels.
    const unit = await page.evaluate(() => {
      const svg = document.querySelector("section[aria-labelledby] svg[role='group']");
      return (Number(svg.getAttribute("height")) - 68) / 4;
    });
    const box = await point.boundingBox();
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y - unit * 0.5, { steps: 4 });
    await page.mouse.move(x, y - unit, { steps: 4 });
    // Held while dragging, nothing sent yet.
    assert.equal(await point.getAttribute("aria-valuenow"), String(t.designed_emotion + 1));
    assert.equal((await sentEdits(page)).length, 0);
    await page.mouse.up();
    await page.waitForFunction(() => window.__ipcCalls.some((c) => c.cmd === "maps_edit"));
    let edits = await sentEdits(page);
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0], { op: "replace", item: { touchpoint: { ...t, designed_emotion: t.designed_emotion + 1 } } });

    // Down with the keyboard: one step of 0.5.
    await point.focus();
    await page.keyboard.press("ArrowDown");
    await page.waitForFunction(() => window.__ipcCalls.filter((c) => c.cmd === "maps_edit").length === 2);
    await page.waitForFunction(([sel, v]) => document.querySelector(sel)?.getAttribute("aria-valuenow") === v, [`[data-point="${t.id}"]`, String(t.designed_emotion + 0.5)]);
    edits = await sentEdits(page);
    assert.equal(edits[1].item.touchpoint.designed_emotion, t.designed_emotion + 0.5);
    assert.match(await point.getAttribute("aria-valuetext"), new RegExp(`^\\+${t.designed_emotion + 0.5}, `));

    const saved = await backendMap(page, retail.id);
    assert.deepEqual(saved.touchpoints.find((x) => x.id === t.id), { ...t, designed_emotion: t.designed_emotion + 0.5 });
    await page.screenshot({ path: SCREENSHOTS.light });
  });

  test("on a crowded curve a press on the plot takes the nearest point and drags it", async () => {
    // 400 touchpoints: too many to draw one by one.
    const page = await openRetail({}, (map) => {
      const copies = [];
      for (let i = 0; i < 16; i++) {
        for (const t of map.touchpoints) {
          copies.push({ ...t, id: `${t.id.slice(0, 24)}${String(i).padStart(4, "0")}${t.id.slice(28)}`, title: `${t.title} #${i}` });
        }
      }
      return { ...map, touchpoints: copies, corridor: { steps: [] } };
    });
    await page.getByRole("slider").first().waitFor();
    assert.equal(await page.getByRole("slider").count(), 1);
    const plot = await page.evaluate(() => {
      const svg = document.querySelector("svg[role='group']");
      const box = svg.getBoundingClientRect();
      return { left: box.left, top: box.top, width: box.width, height: Number(svg.getAttribute("height")) };
    });
    const yOf = (v) => plot.top + 34 + ((2 - v) / 4) * (plot.height - 68);
    const x = plot.left + plot.width * 0.6;
    await page.mouse.move(x, yOf(-1.5));
    await page.mouse.down();
    // The nearest point is now the one slider, focused, at the pressed value.
    await page.waitForFunction(() => document.activeElement?.getAttribute("role") === "slider");
    const name = await page.evaluate(() => document.activeElement.getAttribute("aria-label"));
    await page.mouse.move(x, yOf(0), { steps: 4 });
    await page.mouse.move(x, yOf(1.5), { steps: 4 });
    await page.mouse.up();
    await page.waitForFunction(() => window.__ipcCalls.some((c) => c.cmd === "maps_edit"));
    const [edit] = await sentEdits(page);
    assert.equal(name, `Designed emotion at ${edit.item.touchpoint.title} (${retail.stages.find((s) => s.id === edit.item.touchpoint.stage).name})`);
    assert.ok(Math.abs(edit.item.touchpoint.designed_emotion - 1.5) <= 0.1, `${edit.item.touchpoint.designed_emotion}`);
    assert.equal(await page.getByRole("slider").count(), 1);
    await page.screenshot({ path: SCREENSHOTS.dense, clip: { x: 0, y: 0, width: 1600, height: 420 } });
  });

  test("lines up with the stage columns, also when the board scrolls sideways", async () => {
    const page = await openRetail({ viewport: { width: 1100, height: 800 } });
    await page.getByRole("slider").first().waitFor();
    const edges = () =>
      page.evaluate(() => ({
        bands: [...document.querySelectorAll("svg[role='group'] rect.band")].map((r) => Math.round(r.getBoundingClientRect().left)),
        stages: [...document.querySelectorAll("section.stage")].map((s) => Math.round(s.getBoundingClientRect().left)),
      }));
    let { bands, stages } = await edges();
    assert.equal(bands.length, retail.stages.length);
    for (let i = 0; i < bands.length; i++) assert.ok(Math.abs(bands[i] - stages[i]) <= 1, `stage ${i + 1}: ${bands[i]} vs ${stages[i]}`);
    await page.getByRole("region", { name: "Board", exact: true }).evaluate((el) => el.scrollTo({ left: 400 }));
    ({ bands, stages } = await edges());
    for (let i = 0; i < bands.length; i++) assert.ok(Math.abs(bands[i] - stages[i]) <= 1, `scrolled, stage ${i + 1}: ${bands[i]} vs ${stages[i]}`);
  });

  test("zooms with the board: the curve stays lined up, connectors stay on the cards, a drag still lands", async () => {
    const page = await openRetail();
    await page.waitForFunction(() => Number(document.querySelector("svg.connectors")?.getAttribute("data-connectors")) > 0);
    await page.getByRole("button", { name: "Fit to screen" }).click();
    await page.getByRole("button", { name: "Zoom out" }).click();
    const zoom = Number(await page.locator(".board").evaluate((el) => getComputedStyle(el).zoom));
    assert.ok(zoom < 1, `zoomed out: ${zoom}`);
    await page.waitForTimeout(100);
    const geometry = await page.evaluate(() => {
      const bands = [...document.querySelectorAll("svg[role='group'] rect.band")].map((r) => r.getBoundingClientRect().left);
      const stages = [...document.querySelectorAll("section.stage")].map((s) => s.getBoundingClientRect().left);
      // The start of each connector against the card of its first step.
      const svg = document.querySelector("svg.connectors");
      const box = svg.getBoundingClientRect();
      const scale = box.width / Number(svg.getAttribute("width"));
      const starts = [...svg.querySelectorAll("path.line")].map((p) => {
        const pt = p.getPointAtLength(0);
        const x = box.left + pt.x * scale;
        const y = box.top + pt.y * scale;
        const from = p.getAttribute("data-connector").split(">")[0];
        return { x, y, from };
      });
      return { bands, stages, starts };
    });
    for (let i = 0; i < geometry.bands.length; i++) {
      assert.ok(Math.abs(geometry.bands[i] - geometry.stages[i]) <= 1.5, `stage ${i + 1}: ${geometry.bands[i]} vs ${geometry.stages[i]}`);
    }
    for (const s of geometry.starts) {
      const step = retail.corridor.steps.find((x) => x.id === s.from);
      const card = await page.locator(`[id="tp-${step.touchpoint}"]`).boundingBox();
      const onEdge = s.x >= card.x - 2 && s.x <= card.x + card.width + 2 && s.y >= card.y - 2 && s.y <= card.y + card.height + 2;
      assert.ok(onEdge, `connector from ${step.touchpoint} starts on its card`);
    }
    // Keyboard and a drag on the zoomed curve.
    const t = retail.touchpoints.find((t) => t.designed_emotion === 0);
    const point = page.locator(`[data-point="${t.id}"]`);
    const box = await point.boundingBox();
    const unit = ((190 - 68) / 4) * zoom;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - unit, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => window.__ipcCalls.some((c) => c.cmd === "maps_edit"));
    const [edit] = await sentEdits(page);
    assert.ok(Math.abs(edit.item.touchpoint.designed_emotion - 1) <= 0.1, `${edit.item.touchpoint.designed_emotion}`);
  });

  test("dark theme", async () => {
    const page = await openRetail({ colorScheme: "dark" });
    await page.waitForFunction(() => Number(document.querySelector("svg.connectors")?.getAttribute("data-connectors")) > 0);
    await stepList(page).getByRole("button").nth(2).click();
    await page.getByRole("group", { name: /^Step 3: / }).waitFor();
    const colours = await page.evaluate(() => ({
      line: getComputedStyle(document.querySelector("svg.connectors path.line")).stroke,
      bg: getComputedStyle(document.body).backgroundColor,
    }));
    assert.notEqual(colours.line, colours.bg);
    assert.equal(colours.line, "rgb(255, 209, 102)", "the corridor is gold on dark");
    await page.screenshot({ path: SCREENSHOTS.dark });
  });

  test("follows the theme chosen in the app, not only the system's", async () => {
    const page = await openRetail({ colorScheme: "light" });
    await page.waitForFunction(() => Number(document.querySelector("svg.connectors")?.getAttribute("data-connectors")) > 0);
    const stroke = () => page.evaluate(() => getComputedStyle(document.querySelector("svg.connectors path.line")).stroke);
    const curve = () => page.evaluate(() => getComputedStyle(document.querySelector("path.curve")).stroke);
    assert.equal(await stroke(), "rgb(27, 77, 110)");
    await page.getByRole("button", { name: "Switch to dark theme" }).click();
    await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
    assert.equal(await stroke(), "rgb(255, 209, 102)");
    assert.equal(await curve(), "rgb(255, 209, 102)");
  });
});
