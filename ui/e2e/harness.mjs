// The shared set-up of the Playwright tests: the built UI (ui/dist) served with the app's own
// CSP, one headless Chromium, and pages whose Tauri IPC is answered by the mock backend
// (mock-ipc.mjs, which applies edits with the UI's own `apply.ts`). Every page records its
// errors, CSP violations and remote requests; `finish()` fails the test when there were any.
//
//   import { harness, openMap, until, drag } from "./harness.mjs";
//   const h = harness();                       // registers before/after/afterEach hooks
//   test("…", async () => { const page = await openMap(h, retail); … });

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { after, afterEach, before } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { applierScript } from "./applier.mjs";
import { readExamples, summaries } from "./examples.mjs";
import { installMockIpc } from "./mock-ipc.mjs";
import { serve } from "./server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const dist = join(here, "..", "dist");
export const examplesDir = join(here, "..", "..", "examples");
export const csp = JSON.parse(readFileSync(join(here, "..", "..", "tauri.conf.json"), "utf8")).app?.security?.csp;
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

if (!existsSync(join(dist, "index.html"))) {
  throw new Error(`${dist}/index.html is missing: run \`npm run build\` before \`npm run test:e2e\``);
}

/** The example maps (examples/*.corridor.json), read once. */
export const examples = await readExamples(examplesDir);
/** The retail example map. */
export const retail = examples.find((e) => e.file.startsWith("retail"))?.map;
export { summaries };

/**
 * Registers the hooks of one test file: a server and a browser for the file, a fresh context per
 * test, and the check that no page logged an error, broke the CSP or reached out.
 * @returns {{ server: any, browser: any, context: any, problems: string[] }}
 */
export function harness() {
  const h = { server: undefined, browser: undefined, context: undefined, problems: [] };
  before(async () => {
    h.server = await serve(dist, { csp });
    h.browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
  });
  after(async () => {
    await h.browser?.close();
    await h.server?.close();
  });
  afterEach(async () => {
    if (!h.context) return;
    for (const page of h.context.pages()) {
      const violations = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
      h.problems.push(...violations.map((v) => `CSP violation: ${v}`));
    }
    await h.context.close();
    h.context = undefined;
    const problems = h.problems;
    h.problems = [];
    assert.deepEqual(problems, [], "the page logged errors, broke the CSP or reached out");
  });
  return h;
}

/**
 * A page of the built UI with the IPC answered by the mock backend holding `data`
 * (`{ summaries, maps, failures, … }`, see mock-ipc.mjs). Requests to anything but the test
 * server are refused and reported.
 */
export async function openApp(h, data, { viewport = { width: 1400, height: 900 }, options = {}, init = [] } = {}) {
  h.context = await h.browser.newContext({ viewport, ...options });
  h.problems = [];
  await h.context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(h.server.url) || url.startsWith("data:")) return route.continue();
    h.problems.push(`remote request: ${url}`);
    return route.abort();
  });
  const page = await h.context.newPage();
  page.on("pageerror", (err) => h.problems.push(`page error: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") h.problems.push(`console error: ${msg.text()}`);
  });
  await page.addInitScript({ content: await applierScript() });
  await page.addInitScript(installMockIpc, data);
  for (const script of init) await page.addInitScript(script);
  await page.goto(h.server.url);
  return page;
}

/** `map` open on its board (the mock backend holds it, plus `extra` data). */
export async function openMap(h, map = retail, { extra = {}, ...rest } = {}) {
  const data = { summaries: summaries([map]), maps: [structuredClone(map)], ...extra };
  const page = await openApp(h, data, rest);
  await page.getByRole("list", { name: "Maps" }).getByRole("button", { name: map.title, exact: true }).click();
  await page.getByRole("region", { name: "Board", exact: true }).waitFor();
  return page;
}

/** Waits until `check` holds, `ms` at most; returns whether it did. */
export async function until(check, ms = 5000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

/** Drags `source` onto `target` (at `position` in it, else its middle) as a hand would. */
export async function drag(page, source, target, position) {
  const from = await source.boundingBox();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 6, from.y + from.height / 2 + 6);
  const to = await target.boundingBox();
  const x = to.x + (position?.x ?? to.width / 2);
  const y = to.y + (position?.y ?? to.height / 2);
  await page.mouse.move(x, y, { steps: 8 });
  await page.mouse.up();
}

/** The IPC calls of `cmd` the page made, their arguments in order. */
export const callsOf = (page, cmd) =>
  page.evaluate((cmd) => window.__ipcCalls.filter((c) => c.cmd === cmd).map((c) => c.args), cmd);

/** A command invoked on the mock backend from the test (e.g. `maps_get`). */
export const invoke = (page, cmd, args) =>
  page.evaluate(([cmd, args]) => window.__TAURI_INTERNALS__.invoke(cmd, args), [cmd, args]);
