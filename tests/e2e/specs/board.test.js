// The real app: edits on the board go through the backend and survive a restart. Adds a stage
// and two touchpoints by quick capture, undoes the second, quits, relaunches on the same
// workspace and finds the map as it was left.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { launch, examples, byText } from '../harness.js';

let session;
let kept;
after(async () => {
  await session?.stop();
  if (kept) rmSync(kept, { recursive: true, force: true });
});

const stageSection = (name) => `//section[.//h2[normalize-space()='${name}']]`;
const cardsIn = (name) => `${stageSection(name)}//article[@data-card='touchpoint']`;

async function openMap(browser, title) {
  const entry = await browser.$(byText(title));
  await entry.waitForDisplayed({ timeout: 20000, timeoutMsg: `the library should list "${title}"` });
  await entry.click();
  await (await browser.$("//button[@aria-label='Undo']")).waitForExist({ timeout: 10000 });
}

async function titlesIn(browser, stage) {
  const cards = await browser.$$(cardsIn(stage));
  const titles = [];
  for (const card of cards) titles.push(await card.getAttribute('aria-label'));
  return titles;
}

test('a stage and touchpoints added on the board, one undone, are there after a restart', async () => {
  const map = examples().reduce((a, b) => (b.touchpoints.length < a.touchpoints.length ? b : a));
  session = await launch();
  let { browser } = session;
  await openMap(browser, map.title);

  await (await browser.$("//button[contains(normalize-space(.), 'Add stage')]")).click();
  const name = await browser.$("//input[@aria-label='Stage name']");
  await name.waitForDisplayed({ timeout: 10000 });
  // Typed into the focused field (its text selected): WebKitWebDriver's clear blurs the field,
  // which ends renaming.
  await browser.keys([...'Loyalty']);
  await browser.keys('Enter');
  await (await browser.$(stageSection('Loyalty'))).waitForExist({ timeout: 10000 });

  await (await browser.$(`${stageSection('Loyalty')}//button[@aria-label='Add touchpoint']`)).click();
  const capture = await browser.$("//input[@aria-label='New touchpoint title in Loyalty']");
  await capture.waitForDisplayed({ timeout: 10000 });
  // One word each: typing through WebKitWebDriver's keys can drop a space.
  for (const title of ['Welcome', 'Statement']) {
    await browser.keys([...title]);
    await browser.keys('Enter');
    await (await browser.$(`${cardsIn('Loyalty')}[@aria-label='${title}']`)).waitForExist({ timeout: 10000 });
  }
  assert.deepEqual(await titlesIn(browser, 'Loyalty'), ['Welcome', 'Statement']);

  await (await browser.$("//button[@aria-label='Undo']")).click();
  await browser.waitUntil(async () => (await titlesIn(browser, 'Loyalty')).length === 1, {
    timeout: 10000,
    timeoutMsg: 'Undo should take the last touchpoint back',
  });
  await (await browser.$("//*[@role='status'][normalize-space()='Saved']")).waitForExist({ timeout: 10000 });

  const workspace = session.workspace;
  kept = workspace;
  await session.stop({ keepWorkspace: true });
  session = await launch({ workspace });
  browser = session.browser;
  await openMap(browser, map.title);
  await (await browser.$(stageSection('Loyalty'))).waitForExist({ timeout: 10000 });
  assert.deepEqual(await titlesIn(browser, 'Loyalty'), ['Welcome']);
  // Redo is still there after the restart: the journal keeps it.
  const redo = await browser.$("//button[@aria-label='Redo']");
  assert.equal(await redo.getProperty('disabled'), false);
});
