// Present mode in the built UI (ui/dist), in Chromium, with the Tauri IPC mocked: the present
// commands are answered by a small model (present-mock.mjs) of crates/core/src/present.rs that, like the
// backend, tells every listener `present-changed`. Keys, spotlight, details, Escape, the timer
// (Playwright's clock drives the time) and captures landing as lane-card edits. Run
// `npm run build` first.

import assert from "node:assert/strict";
import { test } from "node:test";
import { callsOf, harness, openApp, openMap, retail, summaries, until } from "./harness.mjs";
import { installPresentMock } from "./present-mock.mjs";

const h = harness();
const stages = retail.stages;
const inStage = (i) => retail.touchpoints.filter((t) => t.stage === stages[i].id);

const heading = (page) => page.getByRole("heading", { level: 1 });

async function presentRetail(options) {
  const page = await openMap(h, retail, { init: [installPresentMock], ...options });
  await page.keyboard.press("F5");
  await heading(page).waitFor();
  return page;
}

test("F5 presents the map; arrows, Page Up/Down and Space walk the stages; Escape goes back to the board", async () => {
  const page = await presentRetail();
  assert.equal(await heading(page).textContent(), stages[0].name);
  assert.match(await page.getByText(/^Stage 1 of 5/).textContent(), new RegExp(retail.title));
  const walk = [
    ["ArrowRight", 1],
    ["PageDown", 2],
    [" ", 3],
    ["ArrowRight", 4],
    ["ArrowRight", 4],
    ["ArrowLeft", 3],
    ["PageUp", 2],
    ["Home", 0],
    ["End", 4],
  ];
  for (const [key, stage] of walk) {
    await page.keyboard.press(key === " " ? "Space" : key);
    assert.ok(await until(async () => (await heading(page).textContent()) === stages[stage].name), `${key} shows ${stages[stage].name}`);
  }
  const goes = await callsOf(page, "present_go");
  assert.deepEqual(goes.map((a) => a.to), ["next", "next", "next", "next", "next", "previous", "previous", "first", "last"]);
  // The emotion curve spans every stage and marks the one on screen.
  const curve = page.getByRole("figure", { name: "Emotion curve across the stages" });
  for (const s of stages) await curve.getByText(s.name, { exact: true }).waitFor();

  // F takes the window into full screen or out of it; F5 (a clicker's "start") does not reload.
  await page.keyboard.press("f");
  assert.ok(await until(async () => (await callsOf(page, "present_fullscreen")).length === 1), "F asks the backend");
  await page.evaluate(() =>
    window.addEventListener("keydown", (e) => {
      if (e.key === "F5") window.__f5Prevented = e.defaultPrevented;
    }),
  );
  await page.keyboard.press("F5");
  assert.equal(await page.evaluate(() => window.__f5Prevented), true, "F5 while presenting is kept from reloading");
  assert.equal(await heading(page).textContent(), stages[4].name);

  await page.keyboard.press("Escape");
  await page.getByRole("region", { name: "Board", exact: true }).waitFor();
  assert.equal((await callsOf(page, "present_stop")).length, 1);
  assert.equal(await page.getByTestId("audience-view").count(), 0);
  // The Present button starts it again, at the first stage.
  await page.getByRole("button", { name: "Present", exact: true }).click();
  assert.equal(await heading(page).textContent(), stages[0].name);
});

test("the spotlight lights one touchpoint and dims the rest; details show only when asked", async () => {
  const page = await presentRetail();
  const tps = inStage(0);
  const list = page.getByRole("list", { name: `Touchpoints of ${stages[0].name}` });
  const item = (t) => list.getByRole("listitem").filter({ hasText: t.title });
  const lit = async () => list.locator('li[aria-current="true"]').allTextContents();

  assert.deepEqual(await lit(), []);
  await page.keyboard.press("ArrowDown");
  assert.ok(await until(async () => (await lit()).join().includes(tps[0].title)), "Down lights the first");
  assert.match(await item(tps[1]).getAttribute("class"), /\bdim\b/);
  await page.keyboard.press("Tab");
  assert.ok(await until(async () => (await lit()).join().includes(tps[1].title)), "Tab lights the next");
  assert.match(await item(tps[0]).getAttribute("class"), /\bdim\b/);
  await page.keyboard.press("ArrowUp");
  assert.ok(await until(async () => (await lit()).join().includes(tps[0].title)), "Up goes back");

  // Details: hidden until D, then the lit touchpoint's expectation and the stage's lane cards.
  const expectation = `“${tps[0].expectation}”`;
  assert.equal(await page.getByText(expectation).count(), 0);
  const card = retail.lane_cards.find((c) => c.stage === stages[0].id);
  assert.equal(await page.getByText(card.text, { exact: true }).count(), 0);
  await page.keyboard.press("d");
  await page.getByText(expectation).waitFor();
  await page.getByText(card.text, { exact: true }).first().waitFor();
  // Only the lit touchpoint opens.
  assert.equal(await page.getByText(`“${tps[1].expectation}”`).count(), 0);
  await page.keyboard.press("d");
  assert.ok(await until(async () => (await page.getByText(expectation).count()) === 0), "D hides them again");
  // A click lights a touchpoint too; moving on puts the spotlight out.
  await item(tps[2]).getByRole("button").click();
  assert.ok(await until(async () => (await lit()).join().includes(tps[2].title)));
  await page.keyboard.press("ArrowRight");
  await page.getByRole("list", { name: `Touchpoints of ${stages[1].name}` }).waitFor();
  assert.equal(await page.locator('li[aria-current="true"]').count(), 0);
  assert.deepEqual(
    (await callsOf(page, "present_spotlight")).map((a) => a.to),
    ["next", "next", "previous", { touchpoint: tps[2].id }],
  );
});

test("the timer: set, start, pause, add a minute, and a clear signal at zero in both views", async () => {
  const page = await openMap(h, retail, { init: [installPresentMock] });
  await page.clock.install({ time: new Date("2026-11-27T09:00:00Z") });
  await page.keyboard.press("F5");
  await heading(page).waitFor();
  // P: the presenter view in this window (no audience window open).
  await page.keyboard.press("p");
  const presenter = page.getByTestId("presenter-view");
  await presenter.waitFor();
  const box = presenter.getByRole("region", { name: "Timer" });
  const digits = box.getByRole("timer");
  await box.getByRole("textbox", { name: "Length (minutes)" }).fill("1");
  await box.getByRole("button", { name: "Set", exact: true }).click();
  assert.ok(await until(async () => (await digits.textContent()) === "1:00"), "set to one minute");
  await box.getByRole("button", { name: "Start", exact: true }).click();
  await box.getByRole("button", { name: "Pause", exact: true }).waitFor();
  await page.clock.runFor(30_000);
  assert.ok(await until(async () => (await digits.textContent()) === "0:30"), `30 s later: ${await digits.textContent()}`);
  await box.getByRole("button", { name: "Pause", exact: true }).click();
  await box.getByText("Paused", { exact: true }).waitFor();
  await page.clock.runFor(60_000);
  assert.equal(await digits.textContent(), "0:30", "a paused timer keeps its time");
  await box.getByRole("button", { name: "Add a minute" }).click();
  assert.ok(await until(async () => (await digits.textContent()) === "1:30"));
  await box.getByRole("button", { name: "Start", exact: true }).click();
  await box.getByRole("button", { name: "Pause", exact: true }).waitFor();
  // Back to the audience view: the timer shows there too, counting down from the same deadline.
  await page.keyboard.press("p");
  const audience = page.getByTestId("audience-view");
  await audience.waitFor();
  await page.clock.runFor(60_000);
  assert.ok(await until(async () => (await audience.getByRole("timer").textContent()) === "0:30"));
  await page.clock.runFor(31_000);
  const timer = audience.locator("[data-phase]");
  assert.ok(await until(async () => (await timer.getAttribute("data-phase")) === "up"), "zero is reached");
  assert.equal(await audience.getByRole("timer").textContent(), "0:00");
  await audience.getByText("Time's up", { exact: true }).first().waitFor();
  assert.equal(await timer.locator("[aria-live]").textContent(), "Time's up");
  const colours = await timer.evaluate((el) => getComputedStyle(el).backgroundColor);
  const plain = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(colours, plain, "the timer changes colour at zero");
  assert.deepEqual(
    (await callsOf(page, "present_timer")).map((a) => a.action),
    [{ set_seconds: 60 }, "start", "pause", "add_minute", "start"],
  );
});

test("captures typed on the keyboard land as lane cards in the stage on screen, undoable", async () => {
  const page = await presentRetail();
  await page.keyboard.press("ArrowRight");
  await page.getByRole("heading", { level: 1, name: stages[1].name }).waitFor();
  await page.keyboard.press("p");
  const capture = page.getByRole("region", { name: `Capture in ${stages[1].name}` });
  await capture.waitFor();

  // Keyboard only: the kind's radios, the text, Enter; the tag stays for the next one.
  await capture.getByRole("radio", { name: "Idea" }).focus();
  await page.keyboard.press("ArrowRight"); // to "Pain point"
  assert.ok(await capture.getByRole("radio", { name: "Pain point" }).isChecked());
  await page.keyboard.press("Tab");
  await page.keyboard.type("Delivery slots are shown too late");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Table 2");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Enter");
  await capture.getByText(/Captured “Delivery slots are shown too late” as a pain point/).waitFor();
  const field = capture.getByLabel("What the room said");
  assert.equal(await field.inputValue(), "", "the field is ready for the next");
  assert.ok(await field.evaluate((el) => el === document.activeElement), "and keeps the focus");

  // A question: the map has no questions lane, so one is added with the card, in one edit.
  await page.keyboard.press("Shift+Tab"); // back to the radios
  await page.keyboard.press("ArrowRight"); // "Question"
  await page.keyboard.press("Tab");
  await page.keyboard.type("Who assembles the set?");
  await page.keyboard.press("Enter");
  await capture.getByText(/Captured “Who assembles the set\?” as a question/).waitFor();

  const edits = (await callsOf(page, "maps_edit")).map((a) => a.edit);
  assert.equal(edits.length, 2);
  const pain = retail.lanes.find((l) => l.kind === "pain_points");
  assert.equal(edits[0].op, "insert");
  assert.deepEqual(
    { ...edits[0].item.lane_card, id: undefined },
    { id: undefined, lane: pain.id, stage: stages[1].id, text: "Delivery slots are shown too late", notes: "", tag: { table_group: "Table 2" } },
  );
  // At the end of the stage's pain points, after the cards already there.
  const before = retail.lane_cards.map((c, i) => ({ c, i })).filter(({ c }) => c.stage === stages[1].id && c.lane === pain.id);
  assert.equal(edits[0].index, before.at(-1).i + 1);
  assert.equal(edits[1].op, "batch");
  assert.deepEqual(edits[1].edits[0].item.lane, { ...edits[1].edits[0].item.lane, kind: "custom", title: "Questions", hidden: false });
  assert.equal(edits[1].edits[1].item.lane_card.lane, edits[1].edits[0].item.lane.id);
  assert.equal(edits[1].edits[1].item.lane_card.stage, stages[1].id);
  // The backend holds both cards, and the presentation noted them for the workshop summary.
  const map = await page.evaluate((id) => window.__TAURI_INTERNALS__.invoke("maps_get", { id }), retail.id);
  const texts = map.lane_cards.filter((c) => c.stage === stages[1].id).map((c) => c.text);
  assert.ok(texts.includes("Delivery slots are shown too late") && texts.includes("Who assembles the set?"));
  assert.deepEqual(
    (await callsOf(page, "present_captured")).map((a) => a.card),
    [edits[0].item.lane_card.id, edits[1].edits[1].item.lane_card.id],
  );

  // Escape in the field with text clears it and stays; in the empty field it leaves.
  await page.keyboard.type("half a thought");
  await page.keyboard.press("Escape");
  assert.equal(await field.inputValue(), "");
  assert.equal(await page.getByTestId("presenter-view").count(), 1, "still presenting");
  assert.equal((await callsOf(page, "present_stop")).length, 0);
  await page.keyboard.press("Escape");
  await page.getByRole("region", { name: "Board", exact: true }).waitFor();
  assert.equal((await callsOf(page, "maps_undo")).length, 0, "leaving is not undoing");
  // Ctrl+Z outside the fields undoes the last capture.
  await page.keyboard.press("F5");
  await page.keyboard.press("p");
  await page.getByTestId("presenter-view").waitFor();
  await page.getByTestId("presenter-view").click({ position: { x: 5, y: 200 } });
  await page.keyboard.press("Control+z");
  assert.ok(await until(async () => (await callsOf(page, "maps_undo")).length === 1), "Ctrl+Z undoes");
  const after = await page.evaluate((id) => window.__TAURI_INTERNALS__.invoke("maps_get", { id }), retail.id);
  assert.ok(!after.lane_cards.some((c) => c.text === "Who assembles the set?"), "the question is gone");
});

test("the audience window shows the running presentation and follows the presenter's changes", async () => {
  // The page of the window labelled "audience" (runs after the mock IPC is installed).
  const labelAudience = () => {
    window.__TAURI_INTERNALS__.metadata = {
      currentWindow: { label: "audience" },
      currentWebview: { windowLabel: "audience", label: "audience" },
    };
  };
  const running = () => {
    window.__presentMock.set({
      seq: 0,
      audience: true,
      presentation: {
        map: window.__retailId,
        stage: 2,
        spotlight: null,
        details: false,
        timer: { duration_ms: 300000, deadline_ms: null, remaining_ms: 300000 },
        captured: [],
      },
    });
  };
  const page = await openApp(
    h,
    { summaries: summaries([retail]), maps: [structuredClone(retail)] },
    { init: [labelAudience, installPresentMock, `window.__retailId = ${JSON.stringify(retail.id)};`, running] },
  );
  await page.getByRole("heading", { level: 1, name: stages[2].name }).waitFor();
  // No library, no board, no presenter controls: the clean presentation.
  assert.equal(await page.getByRole("list", { name: "Maps" }).count(), 0);
  assert.equal(await page.getByTestId("presenter-view").count(), 0);
  // The presenter moves on in the other window: the backend's event brings it here.
  await page.evaluate(() => {
    const v = structuredClone(window.__presentMock.view);
    v.presentation.stage = 3;
    window.__presentMock.set(v);
  });
  await page.getByRole("heading", { level: 1, name: stages[3].name }).waitFor();
  // An older event arriving late is ignored.
  await page.evaluate(() => {
    const payload = { view: { ...window.__presentMock.view, seq: 1, presentation: { ...window.__presentMock.view.presentation, stage: 0 } }, seq: 1, origin: "main" };
    for (const call of window.__ipcCalls) {
      if (call.cmd === "plugin:event|listen" && call.args.event === "present-changed") {
        window.__TAURI_INTERNALS__.runCallback(call.args.handler, { event: "present-changed", id: 0, payload });
      }
    }
  });
  await page.waitForTimeout(100);
  assert.equal(await heading(page).textContent(), stages[3].name);
  // Keys work here too (a clicker plugged into the projector's machine).
  await page.keyboard.press("PageDown");
  await page.getByRole("heading", { level: 1, name: stages[4].name }).waitFor();
  // The presentation ends: the window says so.
  await page.evaluate(() => window.__presentMock.set(null));
  await page.getByText(/No presentation is running/).waitFor();
});

test("the presenter opens and closes the audience window; while it is open this window stays the presenter's", async () => {
  const page = await presentRetail();
  // With no audience window, this window shows the presentation; P gives the presenter view.
  assert.equal(await page.getByTestId("presenter-view").count(), 0);
  await page.keyboard.press("p");
  const presenter = page.getByTestId("presenter-view");
  await presenter.getByRole("button", { name: "Open audience window" }).click();
  await presenter.getByRole("button", { name: "Close audience window" }).waitFor();
  // P no longer switches away: the audience has its own window.
  await page.keyboard.press("p");
  assert.equal(await page.getByTestId("audience-view").count(), 0);
  // The presenter's keys drive the presentation the audience window shows.
  await page.keyboard.press("ArrowRight");
  await presenter.getByText(`Stage 2 of 5: ${stages[1].name}`).waitFor();
  await presenter.getByRole("button", { name: "Close audience window" }).click();
  await presenter.getByRole("button", { name: "Open audience window" }).waitFor();
  assert.deepEqual((await callsOf(page, "present_audience")).map((a) => a.open), [true, false]);
});

test("B blanks the screen for the room; B again, a click or the next stage shows it; the presenter view says so", async () => {
  const page = await presentRetail();
  const list = page.getByRole("list", { name: `Touchpoints of ${stages[0].name}` });
  await list.waitFor();
  const blank = page.getByRole("button", { name: /^Blank screen: show the map again/ });
  await page.keyboard.press("b");
  await blank.waitFor();
  assert.equal(await list.count(), 0, "nothing of the map is on screen");
  assert.equal(await blank.evaluate((el) => getComputedStyle(el).backgroundColor), "rgb(0, 0, 0)");
  await page.keyboard.press("b");
  await list.waitFor();
  // "." (what a clicker's blank-screen button sends) blanks too; a click on the blank screen
  // shows the map again.
  await page.keyboard.press(".");
  await blank.click();
  await list.waitFor();
  // Moving on shows the screen again, on the next stage.
  await page.keyboard.press("b");
  await blank.waitFor();
  await page.keyboard.press("ArrowRight");
  await page.getByRole("list", { name: `Touchpoints of ${stages[1].name}` }).waitFor();
  // The presenter view (P) has a button for it and says what the room sees.
  await page.keyboard.press("p");
  const button = page.getByRole("button", { name: "Blank screen (B)" });
  assert.equal(await button.getAttribute("aria-pressed"), "false");
  await button.click();
  await page.getByRole("status").filter({ hasText: "The audience sees a blank screen" }).waitFor();
  assert.equal(await button.getAttribute("aria-pressed"), "true");
  assert.deepEqual(
    (await callsOf(page, "present_blank")).map((a) => a.blank),
    [true, false, true, false, true, true],
  );
});
