// The real app, the board's whole round trip (issue #6): a map made from a template in the
// "New map" dialog; a stage and three touchpoints added on the board; one touchpoint dragged to
// another stage; that move undone; the app quit and started again on the same workspace; the map
// found exactly as it was left: the same stored map, field for field, and the same board.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { launch, byText } from '../harness.js';

const TITLE = 'Passport renewal, the round trip';
const STAGE = 'Loyalty';
const TOUCHPOINTS = ['Welcome', 'Statement', 'Renewal'];
// The stage the dragged card goes to: the public-service template's last stage, the new
// stage's left neighbour.
const OTHER = 'Follow up';

let session;
let kept;
after(async () => {
  await session?.stop();
  if (kept) rmSync(kept, { recursive: true, force: true });
});

const button = (text) => `//button[normalize-space(.)="${text}"]`;
const stageSection = (name) => `//section[contains(@class, 'stage')][.//h2[normalize-space()='${name}']]`;
const cardsIn = (name) => `${stageSection(name)}//article[@data-card='touchpoint']`;

async function titlesIn(browser, stage) {
  const titles = [];
  for (const card of await browser.$$(cardsIn(stage))) titles.push(await card.getAttribute('aria-label'));
  return titles;
}

/** The map as the backend stores it, through the app's own IPC. */
async function storedMap(browser, id) {
  return browser.executeAsync((mapId, done) => {
    window.__TAURI_INTERNALS__
      .invoke('maps_get', { id: mapId })
      .then((map) => done({ map }))
      .catch((error) => done({ error: String(error?.message ?? JSON.stringify(error)) }));
  }, id);
}

async function saved(browser) {
  await (await browser.$("//*[@role='status'][normalize-space()='Saved']")).waitForExist({
    timeout: 10000,
    timeoutMsg: 'the board should say the change is saved',
  });
}

test('a map from a template, edited on the board, one move undone, is exactly as left after a restart', async () => {
  session = await launch();
  kept = session.workspace;
  let { browser } = session;

  // A new map from the public-service template, through the dialog.
  const newMap = await browser.$(button('New map'));
  await newMap.waitForDisplayed({ timeout: 20000, timeoutMsg: 'the library should offer "New map"' });
  await newMap.click();
  const template = await browser.$('//dialog//label[.//*[normalize-space(text())="Public service journey"]]');
  await template.waitForDisplayed({ timeout: 10000, timeoutMsg: 'the dialog should list the templates' });
  await template.click();
  await (await browser.$('//dialog//input[@type="text"]')).setValue(TITLE);
  await browser.keys('Enter');
  await (await browser.$(`//h1[normalize-space(.)="${TITLE}"]`)).waitForDisplayed({ timeout: 10000 });

  // A stage, named as it is added.
  await (await browser.$("//button[contains(normalize-space(.), 'Add stage')]")).click();
  await (await browser.$("//input[@aria-label='Stage name']")).waitForDisplayed({ timeout: 10000 });
  // Typed into the focused field: WebKitWebDriver's clear blurs it, which ends the renaming.
  await browser.keys([...STAGE]);
  await browser.keys('Enter');
  await (await browser.$(stageSection(STAGE))).waitForExist({ timeout: 10000 });

  // Three touchpoints by quick capture (one word each: WebKitWebDriver's keys can drop a space).
  await (await browser.$(`${stageSection(STAGE)}//button[@aria-label='Add touchpoint']`)).click();
  await (await browser.$(`//input[@aria-label='New touchpoint title in ${STAGE}']`)).waitForDisplayed({ timeout: 10000 });
  for (const title of TOUCHPOINTS) {
    await browser.keys([...title]);
    await browser.keys('Enter');
    await (await browser.$(`${cardsIn(STAGE)}[@aria-label='${title}']`)).waitForExist({ timeout: 10000 });
  }
  await browser.keys('Escape');
  assert.deepEqual(await titlesIn(browser, STAGE), TOUCHPOINTS);
  await saved(browser);

  const id = await (await browser.$(`${cardsIn(STAGE)}[@aria-label='Renewal']`)).getAttribute('data-id');
  const mapId = await browser.executeAsync((title, done) => {
    window.__TAURI_INTERNALS__.invoke('maps_list', {}).then((maps) => done(maps.find((m) => m.title === title)?.id));
  }, TITLE);
  assert.ok(mapId, 'the new map is in the workspace');
  const beforeMove = await storedMap(browser, mapId);
  assert.equal(beforeMove.error, undefined);

  // Drag "Renewal" onto the other stage's touchpoints. The board uses HTML5 drag and drop, which
  // WebDriver's pointer actions do not start in WebKitWebDriver (they move the pointer, no drag
  // session begins), so the drag's events are dispatched in the real webview, in the order and
  // with the positions a pointer drag produces; the app's own handlers do the rest.
  const dropped = await browser.execute(
    (cardXpath, targetXpath) => {
      const find = (xpath) =>
        document.evaluate(xpath, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;
      const card = find(cardXpath);
      const target = find(targetXpath);
      if (!card || !target) return 'card or target not found';
      const dataTransfer = new DataTransfer();
      const at = (el) => {
        const r = el.getBoundingClientRect();
        return { clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 };
      };
      const fire = (el, type, point) =>
        el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer, ...point }));
      fire(card, 'dragstart', at(card));
      fire(target, 'dragenter', at(target));
      fire(target, 'dragover', at(target));
      fire(target, 'drop', at(target));
      fire(card, 'dragend', at(target));
      return 'dropped';
    },
    `${cardsIn(STAGE)}[@aria-label='Renewal']`,
    `${stageSection(OTHER)}//*[@aria-label='Touchpoints in ${OTHER}']`,
  );
  assert.equal(dropped, 'dropped');
  await browser.waitUntil(async () => (await titlesIn(browser, OTHER)).includes('Renewal'), {
    timeout: 10000,
    timeoutMsg: `the dragged card should land in "${OTHER}"`,
  });
  assert.deepEqual(await titlesIn(browser, STAGE), ['Welcome', 'Statement']);
  await saved(browser);
  const moved = await storedMap(browser, mapId);
  assert.equal(moved.map.touchpoints.find((t) => t.id === id).stage, beforeMove.map.stages.find((s) => s.name === OTHER).id);

  // Undo the move: the card is back where it was, and so is the stored map.
  await (await browser.$("//button[@aria-label='Undo']")).click();
  await browser.waitUntil(async () => (await titlesIn(browser, STAGE)).length === 3, {
    timeout: 10000,
    timeoutMsg: 'Undo should bring the card back',
  });
  await saved(browser);
  const left = await storedMap(browser, mapId);
  // Undo is a change like any other: the map's `modified` time moves on, nothing else differs.
  assert.notEqual(left.map.modified, beforeMove.map.modified);
  assert.deepEqual({ ...left.map, modified: null }, { ...beforeMove.map, modified: null }, 'undo restores the map');
  const board = {};
  for (const stage of left.map.stages) board[stage.name] = await titlesIn(browser, stage.name);

  // Quit, start again on the same workspace, open the map.
  await session.stop({ keepWorkspace: true });
  session = await launch({ workspace: kept });
  browser = session.browser;
  const entry = await browser.$(byText(TITLE));
  await entry.waitForDisplayed({ timeout: 20000, timeoutMsg: `the library should list "${TITLE}" after a restart` });
  await entry.click();
  await (await browser.$(stageSection(STAGE))).waitForExist({ timeout: 10000 });

  const after = await storedMap(browser, mapId);
  assert.deepEqual(after.map, left.map, 'the stored map is exactly as it was left');
  for (const stage of after.map.stages) assert.deepEqual(await titlesIn(browser, stage.name), board[stage.name], stage.name);
  // The undone move can be redone: the journal survived the restart too.
  assert.equal(await (await browser.$("//button[@aria-label='Redo']")).getProperty('disabled'), false);
});
