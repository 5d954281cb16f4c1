// How long the real app takes to show the gap report of a big dataset, and whether the window
// stays responsive meanwhile (the longest gap between animation frames while it computes). Not a
// test: CORRIDOR_GAP_WORKSPACE must hold the retail example with a dataset imported.
import { launch, examples, byText } from '../harness.js';

const workspace = process.env.CORRIDOR_GAP_WORKSPACE;
if (!workspace) throw new Error('set CORRIDOR_GAP_WORKSPACE');
const retail = examples().find((m) => m.title.startsWith('Northwind'));
const session = await launch({ workspace });
const { browser } = session;
try {
  const entry = await browser.$(byText(retail.title));
  await entry.waitForDisplayed({ timeout: 30000 });
  await entry.click();
  await (await browser.$('//*[@role="region" and @aria-label="Board"]')).waitForDisplayed({ timeout: 10000 });
  await browser.execute(() => {
    window.__frames = { max: 0, last: performance.now(), start: performance.now(), done: null, long: [] };
    const tick = (t) => {
      const gap = t - window.__frames.last;
      if (gap > 100) window.__frames.long.push([Math.round(window.__frames.last - window.__frames.start), Math.round(gap)]);
      window.__frames.max = Math.max(window.__frames.max, gap);
      window.__frames.last = t;
      if (!document.querySelector('[data-observed]')) requestAnimationFrame(tick);
      else window.__frames.done = performance.now();
    };
    requestAnimationFrame(tick);
  });
  await (await browser.$('//button[normalize-space(.)="Show gaps"]')).click();
  await (await browser.$('//*[@data-observed]')).waitForExist({ timeout: 600000, interval: 200 });
  await browser.pause(300);
  const f = await browser.execute(() => window.__frames);
  const status = await browser.execute(() => document.querySelector('[role="status"]')?.textContent ?? '');
  console.log(`overlay shown ${Math.round(f.done - f.start)} ms after the click; longest frame gap meanwhile ${Math.round(f.max)} ms; gaps over 100 ms [at, length]: ${JSON.stringify(f.long)}`);
  await (await browser.$('//button[@role="tab" and normalize-space(.)="Gaps"]')).click();
  await (await browser.$('//table[@aria-label="Priority list"]')).waitForDisplayed({ timeout: 600000 });
  console.log(`Gaps view status: ${await browser.execute(() => document.querySelector('.gaps-view .status')?.textContent?.trim())} ${status}`);
} finally {
  await session.stop();
}
