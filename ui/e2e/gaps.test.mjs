// The gap views in the built UI (ui/dist), in Chromium, with the Tauri IPC mocked: `gaps_report`
// and `gaps_compare` answer with real reports the engine made (fixtures/gap-report.json, written
// by crates/core/tests/it/gap_ui_fixture.rs). Run `npm run build` first.
// GAP_SCREENSHOTS=DIR also saves pictures of the overlay and of each chart, light and dark.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { callsOf, harness, invoke, openMap, retail, until } from "./harness.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const fixture = JSON.parse(readFileSync(join(here, "fixtures", "gap-report.json"), "utf8"));
const report = fixture.report;
const SHOTS = process.env.GAP_SCREENSHOTS;
assert.equal(report.map, retail.id, "the fixture is a report of the retail example");

/**
 * Runs in the page: answers the gap commands from the fixture (the segment "new" with its own
 * report), and holds `gaps_report` back while `window.__holdGaps` is a promise.
 */
function installGaps(fx) {
  window.__mockCommands = {
    ...(window.__mockCommands ?? {}),
    gaps_report: ({ filter }) => {
      const r = filter?.segment === "new" ? fx.segment_new : fx.report;
      return { ...r, filter: { segment: filter?.segment ?? null, from: filter?.from ?? null, to: filter?.to ?? null } };
    },
    gaps_compare: () => fx.compare.comparison,
  };
  const wrap = () => {
    const internals = window.__TAURI_INTERNALS__;
    if (!internals || internals.__gapsWrapped) return;
    const original = internals.invoke;
    internals.invoke = async (cmd, args, options) => {
      if (cmd === "gaps_report") window.__gapsAsked = (window.__gapsAsked ?? 0) + 1;
      if (cmd === "gaps_report" && window.__holdGaps) await window.__holdGaps;
      return original(cmd, args, options);
    };
    internals.__gapsWrapped = true;
  };
  wrap();
  document.addEventListener("DOMContentLoaded", wrap);
}

const h = harness();
const open = (options = {}) =>
  openMap(h, retail, { init: [{ content: `(${installGaps})(${JSON.stringify(fixture)})` }], ...options });

/** How the UI writes a score (lib/format.ts scoreText). */
const scoreText = (v) => (Number.isInteger(v) ? String(v) : String(Number(v.toFixed(2))));

async function showGaps(page) {
  await page.getByRole("region", { name: "Board", exact: true }).focus();
  await page.keyboard.press("g");
  await page.locator("[data-observed]").first().waitFor();
}

async function openGapsView(page) {
  await page.getByRole("tab", { name: "Gaps" }).click();
  await page.getByRole("table", { name: "Priority list" }).waitFor();
}

test("G shows the overlay: each card's observed score and the stage figures are the report's", async () => {
  const page = await open();
  const toggle = page.getByRole("button", { name: "Show gaps" });
  assert.equal(await toggle.getAttribute("aria-pressed"), "false");
  assert.equal(await page.locator("[data-observed]").count(), 0, "no overlay before it is asked for");
  await showGaps(page);
  assert.equal(await toggle.getAttribute("aria-pressed"), "true");
  assert.deepEqual(await callsOf(page, "gaps_report"), [{ map: retail.id, filter: { segment: null, from: null, to: null } }]);

  const scored = report.touchpoints.filter((t) => t.mean !== null);
  assert.ok(scored.length >= 5, "the fixture scores several touchpoints");
  for (const t of scored) {
    const cell = page.getByRole("article", { name: t.title, exact: true }).locator("[data-observed]");
    assert.equal(Number(await cell.getAttribute("data-observed")), t.mean, t.title);
    assert.equal((await cell.textContent()).trim(), scoreText(t.mean), t.title);
  }
  // Below target orange, above blue: a negative and a positive gap differ in colour.
  const below = scored.find((t) => t.gap < -0.5);
  const above = scored.find((t) => t.gap > 0.1);
  const fill = (t) =>
    page.getByRole("article", { name: t.title, exact: true }).locator("[data-gap]").evaluate((el) => getComputedStyle(el).backgroundColor);
  const [b, a] = [await fill(below), await fill(above)];
  const rgb = (s) => s.match(/\d+/g).map(Number);
  assert.ok(rgb(b)[0] > rgb(b)[2], `below target is orange: ${b}`);
  assert.ok(rgb(a)[2] > rgb(a)[0], `above target is blue: ${a}`);

  // Designed but never observed.
  for (const u of report.blind_spots.unobserved_touchpoints) {
    const card = page.getByRole("article", { name: u.title, exact: true });
    assert.equal(await card.locator('[data-gap="unobserved"]').count(), 1, u.title);
  }
  // Blind spots as ghost cards, each once.
  const ghosts = await page.locator("[data-ghost]").evaluateAll((els) => els.map((e) => e.dataset.ghost).sort());
  assert.deepEqual(ghosts, report.blind_spots.unmatched_activities.map((u) => u.name).sort());
  // Stage headers: score, coverage, drop-off.
  for (const s of report.stages) {
    const head = page.locator(`[data-stage-gap="${s.stage}"]`);
    assert.equal(Number(await head.locator("[data-stage-score]").getAttribute("data-stage-score")), s.score, s.name);
    const text = await head.textContent();
    if (s.drop_off !== null) assert.match(text, new RegExp(`Drop-off\\s*${s.drop_off} \\(`), s.name);
  }
  if (SHOTS) {
    await page.getByRole("region", { name: "Board", exact: true }).evaluate((el) => (el.scrollTop = 230));
    await page.screenshot({ path: join(SHOTS, "gap-overlay.png") });
  }

  await page.keyboard.press("g");
  await until(async () => (await page.locator("[data-observed]").count()) === 0);
  assert.equal(await page.locator("[data-observed]").count(), 0, "G again hides it");
});

test("the last report stays while a new one computes, and an edit asks for a new one", async () => {
  const page = await open();
  await showGaps(page);
  await page.evaluate(() => {
    window.__holdGaps = new Promise((r) => (window.__releaseGaps = r));
  });
  // An edit: rename a touchpoint through the backend mock as this window would.
  const title = report.touchpoints[0].title;
  await page.getByRole("article", { name: title, exact: true }).click();
  const field = page.getByRole("textbox", { name: "Title", exact: true });
  await field.fill(`${title} (renamed)`);
  await field.press("Tab");
  assert.ok(await until(async () => (await callsOf(page, "maps_edit")).length === 1), "the rename was sent");
  assert.ok(await until(() => page.evaluate(() => window.__gapsAsked === 2)), "the edit asked for a new report");
  await page.getByText("Computing…").waitFor();
  assert.ok((await page.locator("[data-observed]").count()) > 0, "the last report is still shown");
  // The page still answers while the report computes.
  await page.keyboard.press("Escape");
  await page.evaluate(() => window.__releaseGaps());
  assert.ok(await until(async () => (await page.getByText("Computing…").count()) === 0));
  assert.equal((await callsOf(page, "gaps_report")).length, 2);
});

test("filters send the segment and the window; a bad window is refused with a reason", async () => {
  const page = await open();
  await openGapsView(page);
  const filter = page.getByRole("form", { name: "Filter" });
  // The segments to pick from are the ones the data names, as the report lists them.
  const segment = filter.getByLabel("Filter: segment");
  const choices = await segment.locator("option").evaluateAll((os) => os.map((o) => o.value).filter((v) => v !== ""));
  assert.ok(report.segments.includes("new"), "the fixture's data has a segment called new");
  assert.deepEqual(choices, report.segments);
  await segment.selectOption("new");
  await filter.getByLabel("Filter: from").fill("2025-03-01");
  await filter.getByLabel("Filter: before").fill("2025-09-01");
  await filter.getByRole("button", { name: "Apply" }).click();
  await until(async () => (await callsOf(page, "gaps_report")).length === 2);
  const calls = await callsOf(page, "gaps_report");
  assert.deepEqual(calls.at(-1), {
    map: retail.id,
    filter: { segment: "new", from: "2025-03-01T00:00:00Z", to: "2025-09-01T00:00:00Z" },
  });
  // The segment's own report is shown (its case count differs from the whole data's).
  assert.notEqual(fixture.segment_new.totals.cases, report.totals.cases);
  const cases = page.locator('[aria-label="Headline figures"]');
  assert.ok(await until(async () => (await cases.textContent()).includes(`Cases${fixture.segment_new.totals.cases}`)));

  await filter.getByLabel("Filter: from").fill("2025-09-01");
  await filter.getByLabel("Filter: before").fill("2025-03-01");
  await filter.getByRole("button", { name: "Apply" }).click();
  await page.getByRole("alert").filter({ hasText: "The window is empty" }).waitFor();
  assert.equal((await callsOf(page, "gaps_report")).length, 2, "nothing sent for an empty window");
});

test("the priority list sorts and filters, and links each gap to its card on the board", async () => {
  const page = await open();
  await openGapsView(page);
  const table = page.getByRole("table", { name: "Priority list" });
  const titles = () => table.locator("tbody tr td:nth-child(2)").allTextContents();
  assert.deepEqual((await titles()).map((t) => t.trim()), report.priority.map((p) => p.title), "rank order at first");

  await table.getByRole("button", { name: /^Gap/ }).click();
  const byGap = [...report.priority].sort((a, b) => a.gap - b.gap || a.rank - b.rank).map((p) => p.title);
  assert.deepEqual((await titles()).map((t) => t.trim()), byGap, "most negative gap first");
  assert.equal(await table.locator("th[aria-sort=ascending]").textContent().then((t) => t.trim().startsWith("Gap")), true);
  await table.getByRole("button", { name: /^Gap/ }).click();
  const byGapDown = [...report.priority].sort((a, b) => b.gap - a.gap || a.rank - b.rank).map((p) => p.title);
  assert.deepEqual((await titles()).map((t) => t.trim()), byGapDown, "again: the other way");

  const stage = report.stages.find((s) => report.priority.filter((p) => p.stage === s.stage).length >= 1);
  await page.getByLabel("Priority list stage").selectOption(stage.stage);
  const inStage = report.priority.filter((p) => p.stage === stage.stage).map((p) => p.title).sort();
  assert.deepEqual((await titles()).map((t) => t.trim()).sort(), inStage);
  await page.getByLabel("Priority list stage").selectOption("");
  const first = report.priority[0];
  await page.getByLabel("Find in the priority list").fill(first.title.slice(0, 12));
  assert.ok((await titles()).map((t) => t.trim()).includes(first.title));
  assert.ok((await titles()).length < report.priority.length);

  await table.getByRole("button", { name: first.title, exact: true }).click();
  assert.equal(await page.getByRole("tab", { name: "Board" }).getAttribute("aria-selected"), "true");
  assert.ok(await until(() => page.evaluate(() => document.activeElement?.id)
    .then((id) => id === `tp-${first.touchpoint}`)), "the card has the focus");
});

test("Create initiative adds an initiative linked to the gap's touchpoint, as an edit that undo takes back", async () => {
  const page = await open();
  await openGapsView(page);
  const item = report.priority[1];
  const before = (await invoke(page, "maps_get", { id: retail.id })).story.initiatives.length;
  await page.getByRole("button", { name: `Create initiative for ${item.title}` }).click();
  assert.ok(await until(async () => (await callsOf(page, "maps_edit")).length === 1));
  const [call] = await callsOf(page, "maps_edit");
  assert.equal(call.edit.op, "insert");
  assert.deepEqual(call.edit.item.initiative.touchpoints, [item.touchpoint]);
  assert.deepEqual(call.edit.item.initiative.gaps, [item.touchpoint]);
  const stored = await invoke(page, "maps_get", { id: retail.id });
  assert.equal(stored.story.initiatives.length, before + 1);
  assert.equal(stored.story.initiatives.at(-1).touchpoints[0], item.touchpoint);
  await page.locator(`tr[data-touchpoint="${item.touchpoint}"]`).getByText("In the plan").waitFor();
  await page.getByRole("status").filter({ hasText: `Close the gap at ${item.title}` }).waitFor();

  await page.getByRole("tab", { name: "Board" }).click();
  await page.getByRole("region", { name: "Board", exact: true }).focus();
  await page.keyboard.press("Control+z");
  assert.ok(await until(async () => (await invoke(page, "maps_get", { id: retail.id })).story.initiatives.length === before), "undone");
});

test("compare mode puts two windows side by side with the change per touchpoint", async () => {
  const page = await open();
  await openGapsView(page);
  await page.getByRole("button", { name: "Compare windows" }).click();
  const a = page.getByRole("form", { name: "Window A" });
  const b = page.getByRole("form", { name: "Window B" });
  await a.getByLabel("Window A: from").fill("2025-01-01");
  await a.getByLabel("Window A: before").fill("2025-07-01");
  await a.getByRole("button", { name: "Set A" }).click();
  await b.getByLabel("Window B: from").fill("2025-07-01");
  await b.getByLabel("Window B: before").fill("2026-01-01");
  await b.getByRole("button", { name: "Set B" }).click();
  await page.getByRole("table", { name: "Change per touchpoint" }).waitFor();
  assert.deepEqual(await callsOf(page, "gaps_compare"), [
    {
      map: retail.id,
      before: { segment: null, from: "2025-01-01T00:00:00Z", to: "2025-07-01T00:00:00Z" },
      after: { segment: null, from: "2025-07-01T00:00:00Z", to: "2026-01-01T00:00:00Z" },
    },
  ]);
  const c = fixture.compare.comparison;
  const rows = page.getByRole("table", { name: "Change per touchpoint" }).locator("tbody tr");
  assert.equal(await rows.count(), c.touchpoints.length);
  const changed = c.touchpoints.find((t) => t.mean_change !== null && t.mean_change !== 0);
  const cell = page.locator(`tr[data-touchpoint="${changed.touchpoint}"] [data-change]`);
  assert.equal(Number(await cell.getAttribute("data-change")), changed.mean_change);
  if (SHOTS) await page.screenshot({ path: join(SHOTS, "gap-compare.png"), fullPage: true });
});

test("every chart is drawn (SVG), named, and has its table; light and dark", async () => {
  const page = await open({ viewport: { width: 1400, height: 1000 } });
  await openGapsView(page);
  const ids = ["emotion", "funnel", "impact", "variants", "channels", "departments", "control"];
  for (const id of ids) {
    const figure = page.locator(`[data-chart="${id}"]`);
    const img = figure.locator('[role="img"]');
    assert.ok((await img.getAttribute("aria-label")).length > 10, id);
    assert.ok(await until(async () => (await img.locator("svg path, svg rect").count()) > 0), `${id} drawn`);
    assert.ok((await figure.locator("tbody tr").count()) > 0, `${id} has a table`);
  }
  // The impact table lists the priority list's first items, in order.
  const impact = await page.locator('[data-chart="impact"] tbody tr td:nth-child(2)').allTextContents();
  assert.deepEqual(impact, report.priority.slice(0, impact.length).map((p) => p.title));
  // The sweep as badges, one per stage, with the report's status.
  const statuses = await page.locator("[data-status]").evaluateAll((els) => els.map((e) => e.dataset.status));
  assert.deepEqual(statuses, report.stages.map((s) => s.status));
  if (SHOTS) {
    await page.screenshot({ path: join(SHOTS, "gaps-view.png"), fullPage: true });
    for (const id of ids) await page.locator(`[data-chart="${id}"]`).locator("..").screenshot({ path: join(SHOTS, `gap-chart-${id}.png`) });
    await page.evaluate(() => (document.documentElement.dataset.theme = "dark"));
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, "gaps-view-dark.png"), fullPage: true });
    await page.getByRole("tab", { name: "Board" }).click();
    await showGaps(page);
    await page.getByRole("region", { name: "Board", exact: true }).evaluate((el) => (el.scrollTop = 230));
    await page.screenshot({ path: join(SHOTS, "gap-overlay-dark.png") });
  }
});
