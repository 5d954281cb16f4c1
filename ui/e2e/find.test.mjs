// Find in map on a big board: the search covers the model, so a card the windowed board has not
// mounted is found, scrolled to, mounted and focused; Enter, F3 and Shift+F3 step through the
// matches; Escape closes.

import assert from "node:assert/strict";
import { test } from "node:test";
import { generate } from "./generated-map.mjs";
import { harness, openMap, until } from "./harness.mjs";

const h = harness();
const map = generate(3000);
// One card far down a column of the last stage: a title no other card has.
const far = map.touchpoints.filter((t) => t.stage === map.stages[11].id).at(-3);
far.title = "Renewal reminder that nobody reads";
// Three cards holding "parcel": two titles and one only in the notes, in three stages.
const parcels = [map.touchpoints[4], map.touchpoints[500], map.lane_cards[1500]];
parcels[0].title = "Parcel tracking page";
parcels[1].notes = "The parcel arrives late here";
parcels[2].text = "Waits for the parcel";

const focused = (page) => page.evaluate(() => document.activeElement?.id ?? "");

test("find reaches a card that is not mounted, and steps through every match", async () => {
  const page = await openMap(h, map, { viewport: { width: 1400, height: 900 } });
  await page.locator("article[data-card]").first().waitFor();
  assert.equal(await page.locator(`[id="tp-${far.id}"]`).count(), 0, "the far card is not mounted");

  // The button opens the search; so does Ctrl+F (tested below).
  await page.getByRole("button", { name: "Find in map" }).click();
  const field = page.getByRole("searchbox", { name: "Find in map" });
  assert.equal(await field.evaluate((el) => el === document.activeElement), true, "the field takes the focus");
  await field.fill("nobody reads");
  const count = page.getByRole("search", { name: "Find in map" }).getByRole("status");
  await until(async () => (await count.textContent()) === "1 match");
  assert.equal(await count.textContent(), "1 match");
  await field.press("Enter");
  await until(async () => (await focused(page)) === `tp-${far.id}`);
  assert.equal(await focused(page), `tp-${far.id}`, "the match is mounted and focused");
  assert.equal(await count.textContent(), "1 of 1 match");
  // In view, and its place in its whole column is there for screen readers.
  const box = await page.locator(`[id="tp-${far.id}"]`).boundingBox();
  const view = await page.getByRole("region", { name: "Board", exact: true }).boundingBox();
  assert.ok(box.y >= view.y - 1 && box.y + 20 <= view.y + view.height, `the card is in view: ${box.y} in ${view.y}+${view.height}`);
  const column = map.touchpoints.filter((t) => t.stage === far.stage);
  const slot = page.locator(`[id="tp-${far.id}"]`).locator("xpath=..");
  assert.equal(await slot.getAttribute("aria-posinset"), String(column.indexOf(far) + 1));

  // Escape on the card closes the search and leaves the focus on the card.
  await page.keyboard.press("Escape");
  await page.getByRole("search", { name: "Find in map" }).waitFor({ state: "detached" });
  assert.equal(await focused(page), `tp-${far.id}`);

  // Ctrl+F opens it again; three matches (one in the notes), listed with a count.
  await page.keyboard.press("Control+f");
  await field.fill("PARCEL");
  await until(async () => (await count.textContent()) === "3 matches");
  const listed = page.getByRole("list", { name: "Matches" }).getByRole("button");
  assert.equal(await listed.count(), 3);
  assert.match(await listed.nth(1).textContent(), /in the notes/);
  const order = parcels.map((x) => (x.lane ? `lc-${x.id}` : `tp-${x.id}`));
  await field.press("Enter");
  await until(async () => (await focused(page)) === order[0]);
  assert.equal(await focused(page), order[0]);
  // F3 from the card goes on, Shift+F3 back, wrapping around.
  await page.keyboard.press("F3");
  await until(async () => (await focused(page)) === order[1]);
  assert.equal(await focused(page), order[1]);
  await page.keyboard.press("F3");
  await until(async () => (await focused(page)) === order[2]);
  assert.equal(await focused(page), order[2]);
  assert.equal(await count.textContent(), "3 of 3 matches");
  await page.keyboard.press("F3");
  await until(async () => (await focused(page)) === order[0]);
  assert.equal(await focused(page), order[0], "wraps to the first");
  await page.keyboard.press("Shift+F3");
  await until(async () => (await focused(page)) === order[2]);
  assert.equal(await focused(page), order[2], "and back to the last");
  // A listed match goes there on a click.
  await listed.nth(1).click();
  await until(async () => (await focused(page)) === order[1]);
  assert.equal(await focused(page), order[1]);
  // Escape in the field closes it.
  await field.focus();
  await field.press("Escape");
  await page.getByRole("search", { name: "Find in map" }).waitFor({ state: "detached" });
  assert.equal(await focused(page), order[1], "back to the card gone to last");
});

test("nothing found says so", async () => {
  const page = await openMap(h, map);
  await page.keyboard.press("Control+f");
  const field = page.getByRole("searchbox", { name: "Find in map" });
  await field.fill("no card says this");
  const count = page.getByRole("search", { name: "Find in map" }).getByRole("status");
  await until(async () => (await count.textContent()) === "No matches");
  assert.equal(await count.textContent(), "No matches");
  assert.equal(await page.getByRole("button", { name: "Next match" }).isDisabled(), true);
});
