// How the board is drawn: the corridor's connectors never cover a card's text, the emotion
// curve's points sit over their stages' columns at any zoom, and a big board's windowed lists
// draw their cards in full, one under the other, and hold still beside the one that holds the view
// while cards above it are drawn for the first time.

import assert from "node:assert/strict";
import { test } from "node:test";
import { generate } from "./generated-map.mjs";
import { harness, openMap, retail, until } from "./harness.mjs";

const h = harness();

test("every expected time on a connector is in sight, none under a card", async () => {
  const page = await openMap(h, retail);
  await page.locator("svg.connectors text[data-connector-time]").first().waitFor({ state: "attached" });
  await page.addStyleTag({ content: "svg.connectors text { pointer-events: visiblePainted !important; }" });
  const result = await page.evaluate(() => {
    const hidden = [];
    let checked = 0;
    for (const text of document.querySelectorAll("svg.connectors text[data-connector-time]")) {
      const r = text.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
      checked += 1;
      const top = document.elementFromPoint(x, y);
      if (top !== text) hidden.push(`${text.textContent} under ${top?.closest("[data-card]")?.getAttribute("aria-label") ?? top?.tagName}`);
    }
    return { checked, hidden };
  });
  assert.ok(result.checked > 3, `some times are on screen: ${result.checked}`);
  assert.deepEqual(result.hidden, []);
});

test("no corridor connector covers the text of a card", async () => {
  const page = await openMap(h, retail);
  await page.locator("svg.connectors path[data-connector]").first().waitFor({ state: "attached" });
  // Let the test hit the connectors (they let pointer events through to the cards otherwise).
  await page.addStyleTag({ content: "svg.connectors path.line { pointer-events: visibleStroke !important; }" });
  const result = await page.evaluate(() => {
    const texts = [...document.querySelectorAll("article[data-card] .title, article[data-card] dd, [data-card='lane_card']")];
    let sampled = 0;
    const covered = [];
    for (const path of document.querySelectorAll("svg.connectors path.line")) {
      const length = path.getTotalLength();
      const matrix = path.getScreenCTM();
      for (let at = 0; at <= length; at += 6) {
        const p = path.getPointAtLength(at);
        const x = p.x * matrix.a + matrix.e;
        const y = p.y * matrix.d + matrix.f;
        if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
        for (const text of texts) {
          const r = text.getBoundingClientRect();
          if (x < r.left || x > r.right || y < r.top || y > r.bottom) continue;
          sampled += 1;
          const top = document.elementFromPoint(x, y);
          if (top === path || path.contains(top)) covered.push(`${path.dataset.connector} over “${text.textContent.trim().slice(0, 30)}”`);
        }
      }
    }
    return { sampled, covered, connectors: document.querySelectorAll("svg.connectors path.line").length };
  });
  assert.ok(result.connectors > 3, `the corridor is drawn: ${result.connectors}`);
  assert.ok(result.sampled > 0, "some connector passes where a card's text is (else the test checks nothing)");
  assert.deepEqual(result.covered, []);
});

test("the emotion curve's points sit over their stages' columns, at any zoom", async () => {
  const page = await openMap(h, retail, { viewport: { width: 1600, height: 900 } });
  const stageOf = new Map(retail.touchpoints.map((t) => [t.id, t.stage]));
  const check = async (label) => {
    await page.waitForTimeout(100);
    const off = await page.evaluate((stageOf) => {
      const bad = [];
      let n = 0;
      for (const g of document.querySelectorAll("g[data-point]")) {
        const stage = stageOf[g.dataset.point];
        const column = document.querySelector(`section[data-stage="${stage}"]`);
        if (!column) continue;
        const p = g.querySelector("circle.dot").getBoundingClientRect();
        const c = column.getBoundingClientRect();
        const x = p.left + p.width / 2;
        n += 1;
        if (x < c.left || x > c.right) bad.push(`${g.dataset.point}: ${x.toFixed(0)} not in ${c.left.toFixed(0)}–${c.right.toFixed(0)}`);
      }
      return { n, bad };
    }, Object.fromEntries(stageOf));
    assert.ok(off.n >= 5, `${label}: points drawn (${off.n})`);
    assert.deepEqual(off.bad, [], label);
  };
  await check("zoom 100%");
  await page.getByRole("button", { name: "Zoom out" }).click();
  await page.getByRole("button", { name: "Zoom out" }).click();
  await check("zoomed out");
  await page.getByRole("button", { name: "Zoom in" }).click();
  await page.getByRole("button", { name: "Zoom in" }).click();
  await page.getByRole("button", { name: "Zoom in" }).click();
  await check("zoomed in");
});

test("a big board's windowed lists draw every mounted card in full, none over another", async () => {
  const page = await openMap(h, generate(3000), { viewport: { width: 1400, height: 900 } });
  await page.locator("[data-slot] article[data-card]").first().waitFor();
  // Scroll down a little so that cards above the view are mounted too, then let them be measured.
  await page.locator(".scroller").evaluate((el) => el.scrollBy(0, 900));
  await page.waitForTimeout(400);
  const lists = await page.evaluate(() =>
    [...document.querySelectorAll("[data-cell]")].map((list) => {
      const slots = [...list.querySelectorAll("[data-slot]")].map((slot) => {
        const card = slot.firstElementChild;
        return {
          top: parseFloat(slot.style.top),
          height: slot.getBoundingClientRect().height,
          visibility: getComputedStyle(card).contentVisibility,
        };
      });
      return { cell: list.dataset.cell, slots };
    }),
  );
  const slots = lists.flatMap((l) => l.slots);
  assert.ok(slots.length > 20, `cards mounted: ${slots.length}`);
  // A card skipped by content-visibility would report its placeholder height to the list.
  assert.deepEqual([...new Set(slots.map((s) => s.visibility))], ["visible"]);
  for (const { cell, slots } of lists) {
    const sorted = [...slots].sort((a, b) => a.top - b.top);
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1];
      assert.ok(prev.top + prev.height <= sorted[i].top + 0.5, `${cell}: a card at ${prev.top.toFixed(0)} px (${prev.height.toFixed(0)} px high) runs into the next at ${sorted[i].top.toFixed(0)} px`);
    }
  }
});

test("scrolling up into cards never drawn, the columns beside the focused one move with the scroll, not by their cards' heights", async () => {
  // Cards of many heights: titles and texts of many lengths, friction chips and flags on some.
  const map = generate(3000);
  const words = "the customer reads a long letter about the renewal of the contract and calls the service line twice".split(" ");
  map.touchpoints.forEach((t, i) => (t.title = words.slice(0, 2 + ((i * 7) % 15)).join(" ")));
  map.lane_cards.forEach((c, i) => (c.text = words.slice(0, 1 + ((i * 5) % 17)).join(" ")));
  const [held, beside] = [map.stages[5], map.stages[4]];
  const needle = map.touchpoints.filter((t) => t.stage === held.id).at(-40);
  needle.title = "Needle in the middle of a long column";
  const page = await openMap(h, map, { viewport: { width: 1400, height: 900 } });
  await page.locator("article[data-card]").first().waitFor();
  // Find jumps into the middle of the column: nothing above the view there has been drawn.
  await page.getByRole("button", { name: "Find in map" }).click();
  await page.getByRole("searchbox", { name: "Find in map" }).fill("Needle in the middle");
  await page.getByRole("searchbox", { name: "Find in map" }).press("Enter");
  await until(async () => (await page.evaluate(() => document.activeElement?.id)) === `tp-${needle.id}`);
  await page.keyboard.press("Escape");
  await page.waitForTimeout(400);
  // Where the touchpoint cards of a column whose tops are in view are (still mounted once the
  // board has scrolled up by 250 px: a list mounts its cards 300 px past the view).
  const tops = () =>
    page.evaluate(
      (stages) =>
        stages.map((stage) => {
          const view = document.querySelector(".scroller").getBoundingClientRect();
          const list = document.querySelector(`section[data-stage="${stage}"] [data-cell$="|touchpoints"]`);
          const out = {};
          for (const card of list.querySelectorAll("article[data-card]")) {
            const r = card.getBoundingClientRect();
            if (r.top > view.top && r.top < view.bottom) out[card.id] = r.top;
          }
          return out;
        }),
      [held.id, beside.id],
    );
  const moves = [];
  for (let step = 0; step < 12; step++) {
    const before = await tops();
    await page.locator(".scroller").evaluate((el) => el.scrollBy(0, -250));
    await page.waitForTimeout(250);
    const after = await tops();
    const moved = (k) => Object.keys(before[k]).filter((id) => id in after[k]).map((id) => after[k][id] - before[k][id]);
    const [a, b] = [moved(0), moved(1)];
    if (a.length > 0 && b.length > 0) moves.push({ step, held: a[0], beside: b[0] });
  }
  assert.ok(moves.length >= 4, `steps with cards of both columns in view: ${JSON.stringify(moves)}`);
  for (const m of moves) {
    assert.ok(Math.abs(m.beside - m.held) <= 1, `step ${m.step}: the focused column moved ${m.held.toFixed(1)} px, the one beside it ${m.beside.toFixed(1)} px`);
  }
});
