// Measures a large import in the real app (docs/performance.md): the retail example, a generated
// log (CORRIDOR_IMPORT_FILE, e.g. 1M events from crates/core/examples/gap_scale) imported through
// the wizard; samples the progress bar while it runs, the page's timer delays (a frozen webview
// shows as a long gap) and the round trip of a cheap command (a busy main thread shows as a slow
// one); then the time until the board shows observed scores. Not a test: run it under Xvfb:
//   CORRIDOR_IMPORT_FILE=/tmp/corridor-bench-1000000.csv xvfb-run -a node tests/e2e/tools/import-1m.js
import { launch, examples, byText } from '../harness.js';

const file = process.env.CORRIDOR_IMPORT_FILE;
if (!file) throw new Error('set CORRIDOR_IMPORT_FILE to the log to import');
const retail = examples().find((m) => m.title.startsWith('Northwind'));
const session = await launch({ env: { CORRIDOR_TEST_OPEN_PATH: file } });
const { browser } = session;
const wizard = '//dialog[.//h2[normalize-space()="Import observed data"]]';
try {
  await (await browser.$(byText(retail.title))).waitForDisplayed({ timeout: 30000 });
  await (await browser.$(byText(retail.title))).click();
  await (await browser.$('//*[@role="region" and @aria-label="Board"]')).waitForDisplayed({ timeout: 20000 });
  await (await browser.$('//button[normalize-space()="Data"]')).click();
  await (await browser.$('//aside//button[normalize-space()="Import data…"]')).click();
  let t = Date.now();
  await (await browser.$(`${wizard}//button[normalize-space()="Choose a file…"]`)).click();
  await (await browser.$(`${wizard}//*[@role="region"]`)).waitForDisplayed({ timeout: 60000 });
  const previewMs = Date.now() - t;
  await (await browser.$(`${wizard}//button[normalize-space()="Next: columns"]`)).click();

  // Probes in the page: timer delays, and the round trip of `workspace_info` every 100 ms.
  await browser.execute(() => {
    const p = { maxTimerGap: 0, maxIpc: 0, ipcCalls: 0, samples: [], stop: false, t0: performance.now() };
    window.__probe = p;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      p.maxTimerGap = Math.max(p.maxTimerGap, now - last - 50);
      last = now;
      const bar = document.querySelector('[role="progressbar"]');
      if (bar) p.samples.push([Math.round(now), bar.getAttribute('aria-valuenow'), bar.getAttribute('aria-valuetext')]);
      if (p.stop) clearInterval(timer);
    }, 50);
    (async () => {
      while (!p.stop) {
        const s = performance.now();
        await window.__TAURI_INTERNALS__.invoke('workspace_info', {});
        p.maxIpc = Math.max(p.maxIpc, performance.now() - s);
        p.ipcCalls++;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
  });
  t = Date.now();
  await (await browser.$(`${wizard}//button[normalize-space()="Import"]`)).click();
  const names = await browser.$(`${wizard}//h3[normalize-space()="Names in the data that match no touchpoint"]`);
  const stored = await browser.$(`${wizard}//h3[normalize-space()="Stored beside the map"]`);
  await browser.waitUntil(async () => (await names.isExisting()) || (await stored.isExisting()), {
    timeout: 600000,
    interval: 200,
  });
  const importMs = Date.now() - t;
  const probe = await browser.execute(() => {
    window.__probe.stop = true;
    return window.__probe;
  });
  if (await names.isExisting()) await (await browser.$(`${wizard}//button[normalize-space()="Skip"]`)).click();
  await (await browser.$(`${wizard}//button[normalize-space()="Close"]`)).click();
  t = Date.now();
  await (await browser.$('//button[normalize-space()="Show gaps"]')).click();
  await (await browser.$('//*[@data-observed]')).waitForExist({ timeout: 600000 });
  const reportMs = Date.now() - t;
  const distinct = [...new Set(probe.samples.map((s) => s[1]))];
  const at = (pct) => probe.samples.find((s) => Number(s[1]) >= pct)?.[0] - probe.t0;
  const readMs = Math.round(at(50));
  const storedMs = Math.round(at(100));
  console.log(
    JSON.stringify(
      {
        file,
        previewMs,
        importMs,
        readingMs: readMs,
        storingMs: storedMs - readMs,
        namesAfterStoreMs: importMs - storedMs,
        progressSamples: probe.samples.length,
        distinctProgressValues: distinct.length,
        lastProgress: probe.samples.at(-1)?.[2],
        someProgress: probe.samples.filter((_, i) => i % Math.max(1, Math.floor(probe.samples.length / 6)) === 0).map((s) => s[2]),
        maxTimerDelayMs: Math.round(probe.maxTimerGap),
        maxIpcRoundTripMs: Math.round(probe.maxIpc),
        ipcCallsDuringImport: probe.ipcCalls,
        reportMs,
      },
      null,
      2,
    ),
  );
} finally {
  await session.stop();
}
