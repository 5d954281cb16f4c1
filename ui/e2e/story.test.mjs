// The Story view in the built UI (ui/dist), in Chromium, with the Tauri IPC mocked: the mock
// backend applies each edit with the UI's copy of Edit::apply and answers `story_figures` with
// story-figures.mjs. Run `npm run build` first. The set-up is the shared harness.mjs.

import assert from "node:assert/strict";
import { test } from "node:test";
import { harness, openApp, retail, summaries } from "./harness.mjs";
import { installStoryFigures } from "./story-figures.mjs";

const SHOT = process.env.STORY_SCREENSHOT ?? "/tmp/corridor-story-e2e.png";

assert.ok(retail, "examples/retail-*.corridor.json");

/** The retail example with an empty story, so every part is filled by the test. */
function blankRetail() {
  const map = structuredClone(retail);
  map.story = {
    style: null,
    narrative: { opening_kind: "goals", opening: "", theme: "", climax_solutions: "", foreseen_outcomes: "", conclusion: "" },
    success_definitions: [],
    data_questions: [],
    capabilities: [],
    weaknesses: [],
    assets: [],
    kpis: [],
    initiatives: [],
    discipline_marks: [],
  };
  return map;
}

const h = harness();

async function openStory(map) {
  const page = await openApp(h, { summaries: summaries([map]), maps: [map] }, {
    viewport: { width: 1280, height: 900 },
    init: [installStoryFigures],
  });
  await page.getByRole("list", { name: "Maps" }).getByRole("button", { name: map.title, exact: true }).click();
  await page.getByRole("tab", { name: "Story" }).click();
  await page.getByRole("heading", { name: "Narrative" }).waitFor();
  return page;
}

const edits = (page) =>
  page.evaluate(() => window.__ipcCalls.filter((c) => c.cmd === "maps_edit").map((c) => c.args.edit));

/** Type into a field and leave it: one edit when it loses the focus. */
async function fill(locator, text) {
  await locator.fill(text);
  await locator.blur();
}

const motTitles = retail.touchpoints.filter((t) => t.moment_of_truth).map((t) => t.title);

test("a success definition, an initiative and a KPI, with the timeline and the warning", async () => {
  const page = await openStory(blankRetail());
  const warning = page.getByRole("list", { name: "Uncovered moments of truth" });
  assert.deepEqual(await warning.getByRole("listitem").allTextContents().then((l) => l.map((t) => t.split("·")[0].trim())), motTitles);

  // Success for the first persona: goals and a metric with target and unit.
  const persona = retail.personas[0];
  const success = page.getByRole("article", { name: `Success for ${persona.name}` });
  await success.getByRole("button", { name: `Define success for ${persona.name}` }).click();
  await fill(success.getByLabel(`Goals of ${persona.name} (one per line)`), "Use the patio every evening\n\nFinish in three weekends");
  await success.getByRole("button", { name: `Add a metric for ${persona.name}` }).click();
  await fill(success.getByLabel("Metric 1 name"), "Weekends to finish");
  await fill(success.getByLabel("Metric 1 target"), "3");
  await fill(success.getByLabel("Metric 1 unit"), "weekends");

  // An initiative, linked to the first moment of truth.
  await page.getByRole("button", { name: "Add an initiative" }).click();
  const init = page.getByRole("listitem", { name: "Initiative New initiative" });
  await fill(init.getByLabel("Initiative 1"), "Stock by store on every page");
  const first = page.getByRole("listitem", { name: "Initiative Stock by store on every page" });
  await first.getByLabel("Start").fill("2027-01-04");
  await first.getByLabel("End").fill("2027-03-31");
  await first.getByLabel("Owner department").selectOption({ label: "E-commerce" });
  await first.getByText("Choose touchpoints").first().click();
  await first.getByRole("checkbox", { name: motTitles[0] }).check();

  // A second initiative of the same department whose dates overlap the first.
  await page.getByRole("button", { name: "Add an initiative" }).click();
  await fill(page.getByRole("listitem", { name: "Initiative New initiative" }).getByLabel("Initiative 2"), "Reviews with photos");
  const second = page.getByRole("listitem", { name: "Initiative Reviews with photos" });
  await second.getByLabel("Start").fill("2027-03-31");
  await second.getByLabel("End").fill("2027-05-15");
  await second.getByLabel("Owner department").selectOption({ label: "E-commerce" });

  // A KPI with baseline, target and unit, measuring the second moment of truth.
  await page.getByRole("button", { name: "Add a KPI" }).click();
  const kpi = page.getByRole("listitem", { name: "KPI New KPI" });
  await fill(kpi.getByLabel("KPI 1"), "Store visit satisfaction");
  const k = page.getByRole("listitem", { name: "KPI Store visit satisfaction" });
  await fill(k.getByLabel("Baseline"), "3.9");
  await fill(k.getByLabel("Target"), "4,5");
  await fill(k.getByLabel("Unit"), "CSAT");
  await k.getByText("Choose touchpoints").click();
  await k.getByRole("checkbox", { name: motTitles[1] }).check();

  // The warning lists only what nothing covers now.
  await page.waitForFunction(
    (n) => document.querySelectorAll('[aria-label="Uncovered moments of truth"] li').length === n,
    motTitles.length - 2,
  );
  const left = (await warning.getByRole("listitem").allTextContents()).map((t) => t.split("·")[0].trim());
  assert.deepEqual(left, motTitles.slice(2));

  // The timeline: one E-commerce group, both initiatives in date order, their overlap named.
  const group = page.getByRole("group", { name: "e-commerce" });
  await group.getByText("1 overlap").waitFor();
  const rows = await group.getByTestId("timeline-row").allTextContents();
  assert.equal(rows.length, 2);
  assert.match(rows[0], /^Stock by store on every page/);
  assert.match(rows[0], /overlaps Reviews with photos/);
  assert.match(rows[1], /^Reviews with photos/);

  // By stage: the linked initiative sits under its touchpoint's stage, the other under "No stage".
  await page.getByRole("radio", { name: "By stage" }).click();
  const stage = retail.stages.find((s) => s.id === retail.touchpoints.find((t) => t.title === motTitles[0]).stage).name;
  await page.getByRole("group", { name: stage }).getByText("Stock by store on every page").waitFor();
  await page.getByRole("group", { name: "No stage" }).getByText("Reviews with photos").waitFor();

  // Every change went as one whole edit.
  const sent = await edits(page);
  const def = sent.filter((e) => e.item?.success_definition).at(-1).item.success_definition;
  assert.deepEqual(def.goals, ["Use the patio every evening", "Finish in three weekends"]);
  assert.deepEqual(def.metrics, [{ name: "Weekends to finish", target: 3, unit: "weekends" }]);
  const kpiSent = sent.filter((e) => e.item?.kpi).at(-1).item.kpi;
  assert.deepEqual({ ...kpiSent, id: "" }, { id: "", name: "Store visit satisfaction", baseline: 3.9, target: 4.5, unit: "CSAT", touchpoints: [retail.touchpoints.find((t) => t.title === motTitles[1]).id] });
  const titles = sent.filter((e) => e.op === "replace" && e.item.initiative).map((e) => e.item.initiative.title);
  assert.ok(titles.includes("Stock by store on every page"));
  // One edit per change: 1 insert + goals + add metric + 3 metric fields = 6 for the definition.
  assert.equal(sent.filter((e) => e.item?.success_definition).length, 6);

  await page.screenshot({ path: SHOT, fullPage: false });
});

test("undo takes the last story change back", async () => {
  const page = await openStory(blankRetail());
  await page.getByRole("radio", { name: /Visionary/ }).check();
  await page.getByRole("button", { name: "Undo" }).waitFor();
  await page.waitForFunction(() => !document.querySelector("button[aria-keyshortcuts='Control+Z']").disabled);
  await page.getByRole("button", { name: "Undo" }).click();
  await page.waitForFunction(() => !document.querySelector('input[value="visionary"]').checked);
  const calls = await page.evaluate(() => window.__ipcCalls.map((c) => c.cmd));
  assert.ok(calls.includes("maps_undo"));
});

test("a story full of markup shows it as text", async () => {
  const map = blankRetail();
  const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  map.story.narrative.opening = `# ${payload}\n\n- ${payload}\n\n**${payload}**`;
  map.story.narrative.theme = payload;
  const page = await openStory(map);
  const preview = page.getByRole("region", { name: "Opening: the goals: preview" });
  assert.match(await preview.textContent(), /<img src=x onerror="window.__pwned=1"><script>/);
  assert.equal(await page.locator(".md img, .md script").count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
});
