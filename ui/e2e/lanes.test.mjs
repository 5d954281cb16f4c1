// Lanes reorder on the board itself: drag a lane's name onto another's, or Alt+↑/↓ on it. Each
// move is one `Edit` (a `move` of the lane), held by the backend.

import assert from "node:assert/strict";
import { test } from "node:test";
import { callsOf, drag, harness, invoke, openMap, retail, until } from "./harness.mjs";

const h = harness();
const visible = retail.lanes.filter((l) => l.kind === "touchpoints" || !l.hidden);
const laneOrder = async (page) => (await invoke(page, "maps_get", { id: retail.id })).lanes.map((l) => l.id);
const rowNames = async (page) => (await page.locator(".row-labels h3").allTextContents()).map((t) => t.trim());
const moves = async (page) => (await callsOf(page, "maps_edit")).map((a) => a.edit).filter((e) => e.op === "move" && e.kind === "lane");

test("a lane dragged onto another takes its place, as one edit", async () => {
  const page = await openMap(h, retail);
  // The whole board in the window, so that both names are on screen.
  await page.getByRole("button", { name: "Fit to screen" }).click();
  const [c, , , a] = visible;
  const head = (lane) => page.locator(`[data-lane-head="${lane.id}"]`);
  await drag(page, head(a), head(c));
  const before = retail.lanes.map((l) => l.id);
  const expected = before.filter((id) => id !== a.id);
  expected.splice(before.indexOf(c.id), 0, a.id);
  assert.ok(await until(async () => (await laneOrder(page)).join() === expected.join()), "the backend has the new order");
  assert.equal((await moves(page)).length, 1);
  // The board shows it: the rows follow the lanes' order.
  const names = await rowNames(page);
  assert.equal(names[0], a.title, names.join(", "));
  assert.equal(names[1], c.title, names.join(", "));
});

test("Alt+↑ and Alt+↓ on a lane's name move it past its neighbouring row, the focus staying on it", async () => {
  const page = await openMap(h, retail);
  const lane = visible[2];
  const above = visible[1];
  const head = page.locator(`[data-lane-head="${lane.id}"]`);
  await head.focus();
  await page.keyboard.press("Alt+ArrowUp");
  assert.ok(
    await until(async () => {
      const order = await laneOrder(page);
      return order.indexOf(lane.id) < order.indexOf(above.id);
    }),
    "moved above its neighbour",
  );
  await until(async () => (await page.evaluate(() => document.activeElement?.dataset.laneHead)) === lane.id);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.laneHead), lane.id, "the focus stays on the lane");
  let names = await rowNames(page);
  assert.equal(names.indexOf(lane.title), 1, names.join(", "));
  await page.keyboard.press("Alt+ArrowDown");
  assert.ok(await until(async () => (await laneOrder(page)).join() === retail.lanes.map((l) => l.id).join()), "back in place");
  names = await rowNames(page);
  assert.equal(names.indexOf(lane.title), 2, names.join(", "));
  assert.equal((await moves(page)).length, 2, "one edit per move");
  // The first row cannot go up: nothing is sent.
  await page.locator(`[data-lane-head="${visible[0].id}"]`).focus();
  await page.keyboard.press("Alt+ArrowUp");
  await page.waitForFunction(() => true);
  assert.equal((await moves(page)).length, 2);
});
