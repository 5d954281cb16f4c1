// The real app on a fresh workspace: the library lists the seeded examples, and opening one
// shows its stages and touchpoints on the board.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, examples, byText, cardTitle } from '../harness.js';

let session;
before(async () => {
  session = await launch();
});
after(async () => {
  await session?.stop();
});

test('the library lists every example map, and a map opens on its board', async () => {
  const { browser } = session;
  const maps = examples();
  assert.ok(maps.length >= 2, 'the repository ships at least two examples');

  for (const map of maps) {
    const entry = await browser.$(byText(map.title));
    await entry.waitForDisplayed({ timeout: 20000, timeoutMsg: `the library should list "${map.title}"` });
  }

  const map = maps.reduce((a, b) => (b.touchpoints.length > a.touchpoints.length ? b : a));
  await (await browser.$(byText(map.title))).click();

  const firstStage = map.stages[0];
  await (await browser.$(byText(firstStage.name))).waitForDisplayed({
    timeout: 10000,
    timeoutMsg: `the board should show the stage "${firstStage.name}"`,
  });
  const touchpoint = map.touchpoints.find((t) => t.stage === firstStage.id) ?? map.touchpoints[0];
  const card = await browser.$(cardTitle(touchpoint.title));
  await card.waitForDisplayed({ timeout: 10000 });
  // WebKitWebDriver's getText answers '' in this app; the DOM's own text is what we check.
  assert.equal((await card.getProperty('textContent')).trim(), touchpoint.title);

  // The README's screenshot is taken from this very board (scripts/screenshot.sh), in the light
  // theme whatever the webview remembers from an earlier run.
  if (process.env.CORRIDOR_SCREENSHOT) {
    if (await (await browser.$("//html[@data-theme='dark']")).isExisting()) {
      await (await browser.$("//button[@aria-label='Switch to light theme']")).click();
      await (await browser.$("//html[@data-theme='dark']")).waitForExist({ timeout: 10000, reverse: true });
    }
    await browser.saveScreenshot(process.env.CORRIDOR_SCREENSHOT);
  }
  // And in the dark theme (docs/board-dark.png), through the board's own toggle.
  if (process.env.CORRIDOR_SCREENSHOT_DARK) {
    await (await browser.$("//button[@aria-label='Switch to dark theme']")).click();
    await (await browser.$("//html[@data-theme='dark']")).waitForExist({ timeout: 10000 });
    await browser.saveScreenshot(process.env.CORRIDOR_SCREENSHOT_DARK);
  }
});
