// Screenshots of the gap views from the real app (scripts/screenshot.sh runs it under Xvfb):
// the board with "Show gaps" on, and the Gaps view with its charts, light and dark. Not a test:
// it expects a workspace (CORRIDOR_GAP_WORKSPACE) that already holds the retail example with a
// dataset imported by `corridor import-data`, and writes PNGs into CORRIDOR_GAP_SCREENSHOTS.
import path from 'node:path';
import { launch, examples, byText } from '../harness.js';

const workspace = process.env.CORRIDOR_GAP_WORKSPACE;
const out = process.env.CORRIDOR_GAP_SCREENSHOTS;
if (!workspace || !out) throw new Error('set CORRIDOR_GAP_WORKSPACE and CORRIDOR_GAP_SCREENSHOTS');
const retail = examples().find((m) => m.title.startsWith('Northwind'));

const session = await launch({ workspace });
const { browser } = session;
try {
  await browser.setWindowSize(1440, 900).catch(() => {});
  const entry = await browser.$(byText(retail.title));
  await entry.waitForDisplayed({ timeout: 30000 });
  await entry.click();
  const board = await browser.$('//*[@role="region" and @aria-label="Board"]');
  await board.waitForDisplayed({ timeout: 10000 });
  await (await browser.$('//button[normalize-space(.)="Show gaps"]')).click();
  await (await browser.$('//*[@data-observed]')).waitForExist({ timeout: 60000, timeoutMsg: 'no observed score on the board: was a dataset imported?' });
  const shown = await browser.execute(() => document.querySelector('[data-observed]')?.getAttribute('data-observed'));
  console.log(`first observed score on the board: ${shown}`);
  await browser.execute(() => {
    const el = document.querySelector('[role="region"][aria-label="Board"]');
    if (el) el.scrollTop = 230;
  });
  await browser.pause(400);
  await browser.saveScreenshot(path.join(out, 'gap-overlay.png'));

  await (await browser.$('//button[@role="tab" and normalize-space(.)="Gaps"]')).click();
  await (await browser.$('//table[@aria-label="Priority list"]')).waitForDisplayed({ timeout: 60000 });
  await browser.pause(800);
  await browser.saveScreenshot(path.join(out, 'gaps-view.png'));
  await browser.execute(() => document.querySelector('[data-chart="emotion"]')?.closest('section')?.scrollIntoView());
  await browser.pause(800);
  await browser.saveScreenshot(path.join(out, 'gap-charts.png'));
  await browser.execute(() => document.querySelector('[data-chart="channels"]')?.closest('section')?.scrollIntoView());
  await browser.pause(800);
  await browser.saveScreenshot(path.join(out, 'gap-charts-2.png'));
  await browser.execute(() => (document.documentElement.dataset.theme = 'dark'));
  await browser.pause(800);
  await browser.saveScreenshot(path.join(out, 'gap-charts-dark.png'));
  await (await browser.$('//button[@role="tab" and normalize-space(.)="Board"]')).click();
  await (await browser.$('//*[@data-observed]')).waitForExist({ timeout: 30000 });
  await browser.execute(() => {
    const el = document.querySelector('[role="region"][aria-label="Board"]');
    if (el) el.scrollTop = 230;
  });
  await browser.pause(400);
  await browser.saveScreenshot(path.join(out, 'gap-overlay-dark.png'));
} finally {
  await session.stop();
}
