#!/usr/bin/env node
// Benchmark of the journey board in Chromium (not a test: it reports figures, it asserts
// nothing). Opens generated maps of 3,000 and 10,000 cards (a third touchpoints, the rest lane
// cards) in the built UI (ui/dist) with the Tauri IPC mocked as in the Playwright tests, and
// reports, as the median of 5 runs each:
//
//   mount        click on the map in the library → the board's cards are in the DOM (the end of
//                the script work that builds them; MutationObserver)
//   first paint  click → the end of the frame that shows the cards (a message posted from that
//                frame's animation frame callback is handled after its style, layout and paint)
//   open 2nd rAF the same to the next frame's animation frame callback (this script's first
//                method: it counts whatever runs between the two frames too)
//   details      click → the frame that shows the visible cards' details (a check for boards
//                that draw far cards as title-only shells; Corridor's board no longer does)
//   drag fps     frames per second during a drag of a card across the board with the pointer
//                moving every frame, counting only frames in which the page's drop feedback
//                followed the pointer (not every requestAnimationFrame callback)
//   longest      the longest frame during the drag
//   edit→DOM     Alt+↓ or Alt+↑ on the focused card → the card is in its new place in the DOM
//                (script work)
//   edit→paint   Alt+↓ or Alt+↑ on a card (an edit: sent, accepted, applied) → the end of the
//                frame that shows the card in its new place (a message posted from that frame's
//                animation frame callback is handled after its style, layout and paint); six
//                edits a page load (down, up, down…), the median of all of them
//   first edit   the same for the first edit of each page load alone (Alt+↓; it runs the edit's
//                code for the first time, which costs a few milliseconds more)
//   2nd rAF      edit → the next frame's animation frame callback (the script's first method: a
//                whole frame more than the paint)
//
// Usage: (cd ui && npm run build) && node scripts/bench-board.mjs [sizes...] [--runs N]
// Needs /usr/bin/chromium (or CHROMIUM_PATH).

import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const ui = join(root, "ui");
const require = createRequire(join(ui, "package.json"));
const { chromium } = require("playwright-core");
const { applierScript } = await import(pathToFileURL(join(ui, "e2e", "applier.mjs")).href);
const { installMockIpc } = await import(pathToFileURL(join(ui, "e2e", "mock-ipc.mjs")).href);
const { serve } = await import(pathToFileURL(join(ui, "e2e", "server.mjs")).href);
const { generate } = await import(pathToFileURL(join(ui, "e2e", "generated-map.mjs")).href);

const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
/** Edits timed on each page load. */
const EDITS = 6;
const sizes = args.filter((a, i) => /^\d+$/.test(a) && !(runsAt >= 0 && i === runsAt + 1)).map(Number);
const SIZES = sizes.length > 0 ? sizes : [3000, 10000];
const dist = process.env.BENCH_DIST ?? join(ui, "dist");
if (!existsSync(join(dist, "index.html"))) throw new Error("ui/dist is missing: run `npm run build` in ui first");
const csp = JSON.parse(readFileSync(join(root, "tauri.conf.json"), "utf8")).app?.security?.csp;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function once(browser, server, map) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  const summary = {
    id: map.id,
    title: map.title,
    persona: null,
    stages: map.stages.length,
    touchpoints: map.touchpoints.length,
    saved_at: "2026-01-01T00:00:00Z",
    revision: 1,
    problems: 0,
  };
  await page.addInitScript({ content: await applierScript() });
  await page.addInitScript(installMockIpc, { summaries: [summary], maps: [map] });
  await page.goto(server.url);
  await page.locator("[data-map-id]").first().waitFor();

  // Open: mount and first paint.
  const open = await page.evaluate(
    () =>
      new Promise((resolve) => {
        let mount = null;
        const t0 = performance.now();
        const seen = () => {
          if (mount !== null || !document.querySelector("[data-card]")) return;
          mount = performance.now() - t0;
          observer.disconnect();
          // The frame that shows them: a message posted from its animation frame callback is
          // handled once its style, layout and paint are done (as for edit→paint below); the
          // second animation frame is kept for comparison.
          let firstPaint = null;
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => (firstPaint = performance.now() - t0);
            channel.port2.postMessage(0);
            requestAnimationFrame(() => {
              const openRaf2 = performance.now() - t0;
              const inDom = document.querySelectorAll("[data-card]").length;
              // Big maps draw a card's details once it is near the view: wait for those too.
              const details = () => {
                if (!document.querySelector("article[data-card] dl")) return requestAnimationFrame(details);
                requestAnimationFrame(() =>
                  requestAnimationFrame(() => resolve({ mount, firstPaint, openRaf2, detailsPaint: performance.now() - t0, inDom })),
                );
              };
              details();
            });
          });
        };
        const observer = new MutationObserver(seen);
        observer.observe(document.body, { childList: true, subtree: true });
        document.querySelector("[data-map-id]").click();
      }),
  );

  // Drag a card from the first stage across four stages for two seconds, the pointer moving on
  // every animation frame (synthetic drag events: the browser's own drag image is drawn outside
  // the page's frames). A frame counts when the page's drop feedback followed the pointer in it:
  // the touchpoint cell under the pointer is highlighted as the drop target.
  const board = page.getByRole("region", { name: "Board", exact: true });
  await board.waitFor();
  await page.waitForTimeout(300);
  const drag = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const source = document.querySelector("section[data-stage] article[data-card]");
        const target = document.querySelectorAll("section[data-stage]")[4].querySelector("article[data-card]");
        const a = source.getBoundingClientRect();
        const b = target.getBoundingClientRect();
        const dataTransfer = new DataTransfer();
        // What makes a frame long (Long Animation Frames API: the scripts that ran in it).
        const long = [];
        const loaf = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            long.push({
              duration: Math.round(e.duration),
              blocking: Math.round(e.blockingDuration ?? 0),
              render: Math.round(e.renderStart ? e.startTime + e.duration - e.renderStart : 0),
              styleLayout: Math.round(e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0),
              scripts: (e.scripts ?? []).map((s) => `${s.invoker} ${Math.round(s.duration)}ms ${s.sourceFunctionName ?? ""}`),
            });
          }
        });
        try {
          loaf.observe({ type: "long-animation-frame", buffered: false });
        } catch {}
        source.dispatchEvent(new DragEvent("dragstart", { bubbles: true, dataTransfer }));
        const frames = [];
        let moved = 0;
        let start = null;
        const tick = (t) => {
          start ??= t;
          frames.push(t);
          const p = Math.min(1, (t - start) / 2000);
          const x = a.x + a.width / 2 + (b.x + b.width / 2 - (a.x + a.width / 2)) * p;
          const y = a.y + 20 + (b.y + 20 - (a.y + 20)) * p;
          const under = document.elementFromPoint(x, y);
          if (under) {
            under.dispatchEvent(new DragEvent("dragover", { bubbles: true, cancelable: true, clientX: x, clientY: y, dataTransfer }));
            const cell = under.closest(".cell");
            if (cell?.classList.contains("over")) moved += 1;
          }
          if (p < 1) requestAnimationFrame(tick);
          else {
            source.dispatchEvent(new DragEvent("dragend", { bubbles: true, dataTransfer }));
            const gaps = frames.slice(1).map((t, i) => t - frames[i]);
            const seconds = (frames.at(-1) - frames[0]) / 1000;
            setTimeout(() => {
              loaf.disconnect();
              resolve({ dragFps: moved / seconds, rafFps: frames.length / seconds, longest: Math.max(...gaps), longFrames: long });
            }, 50);
          }
        };
        requestAnimationFrame(tick);
      }),
  );

  // Edit to paint: Alt+↓ on the first visible card, once the focus on it has been drawn (as when
  // a person presses the keys on the card they are on: the clock starts at the key press), then
  // Alt+↑ and Alt+↓ in turn on the same card (it keeps the focus), EDITS edits in all with a pause
  // between them. The first edit of a page is reported apart: it runs code for the first time.
  await page.waitForTimeout(200);
  await page.evaluate(() => document.querySelector("section[data-stage] article[data-card]").focus());
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  const edits = [];
  for (let k = 0; k < EDITS; k++) {
    edits.push(
      await page.evaluate(
        (key) =>
          new Promise((resolve) => {
            const card = document.activeElement.closest("article[data-card]");
            const list = card.closest("[data-cell], ol");
            const place = () => [...list.querySelectorAll("article[data-card]")].indexOf(card);
            const before = place();
            const observer = new MutationObserver(() => {
              if (place() === before) return;
              observer.disconnect();
              const dom = performance.now() - t0;
              // The frame that shows the change: its animation frame callback runs, then its
              // style, layout and paint; a message posted from the callback is handled once that
              // frame is done (the usual "next paint" probe). The second animation frame (this
              // script's first method) comes a whole frame later still; kept for comparison.
              let paint = null;
              requestAnimationFrame(() => {
                const channel = new MessageChannel();
                channel.port1.onmessage = () => {
                  paint = performance.now() - t0;
                };
                channel.port2.postMessage(0);
                requestAnimationFrame(() => {
                  const second = performance.now() - t0;
                  const done = () => (paint === null ? setTimeout(done, 0) : resolve({ paint, raf2: second, dom }));
                  done();
                });
              });
            });
            observer.observe(list, { childList: true, subtree: true });
            const t0 = performance.now();
            card.dispatchEvent(new KeyboardEvent("keydown", { key, altKey: true, bubbles: true }));
          }),
        k % 2 === 0 ? "ArrowDown" : "ArrowUp",
      ),
    );
    await page.waitForTimeout(150);
  }
  const edit = {
    editFirst: edits[0].paint,
    editDoms: edits.map((e) => e.dom),
    edits: edits.map((e) => e.paint),
    editRaf2s: edits.map((e) => e.raf2),
  };
  if (process.env.BENCH_DEBUG) {
    console.log(JSON.stringify(edit));
    console.log(`drag: longest ${drag.longest.toFixed(0)} ms; long animation frames: ${JSON.stringify(drag.longFrames)}`);
  }
  await context.close();
  return { ...open, ...drag, ...edit };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const server = await serve(dist, { csp });
const f = (x, digits = 0) => x.toFixed(digits);
console.log(`median of ${RUNS} runs, headless Chromium, ${new Date().toISOString()}`);
console.log(`edits: ${EDITS} a page load; "first edit" is the median of the loads' first edits, the others of all ${EDITS * RUNS}`);
console.log("| cards | cards in the DOM | mount | first paint | open 2nd rAF | details painted | drag fps (frames that followed) | rAF fps | longest frame | edit→DOM | edit→paint | first edit→paint | edit→2nd rAF |");
console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
try {
  for (const size of SIZES) {
    const map = generate(size);
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await once(browser, server, map));
    const m = (k) => median(runs.map((r) => r[k]));
    const all = (k) => median(runs.flatMap((r) => r[k]));
    console.log(
      `| ${size} | ${m("inDom")} | ${f(m("mount"))} ms | ${f(m("firstPaint"))} ms | ${f(m("openRaf2"))} ms | ${f(m("detailsPaint"))} ms | ${f(m("dragFps"))} | ${f(m("rafFps"))} | ${f(m("longest"))} ms | ${f(all("editDoms"), 1)} ms | ${f(all("edits"), 1)} ms | ${f(m("editFirst"), 1)} ms | ${f(all("editRaf2s"), 1)} ms |`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
