// The real app: a map made from a template through the "New map" dialog opens on its board,
// and is in the library, whole, after the app is quit and started again on the same workspace.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { launch, byText } from '../harness.js';

const TITLE = 'Renewing a passport, e2e';
// As crates/core/src/templates.rs lays out the public-service template.
const STAGES = ['Recognise the need', 'Find out', 'Apply', 'Wait for a decision', 'Receive the service', 'Follow up'];

let session;
let workspace;
after(async () => {
  await session?.stop();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

/** XPath for a button whose whole text is `text`. */
const button = (text) => `//button[normalize-space(.)="${text}"]`;

async function boardShows(browser, stages) {
  for (const name of stages) {
    await (await browser.$(`//section//h2[normalize-space(.)="${name}"]`)).waitForDisplayed({
      timeout: 10000,
      timeoutMsg: `the board should show the stage "${name}"`,
    });
  }
}

test('a map made from a template in the dialog is there after a relaunch', async () => {
  session = await launch();
  workspace = session.workspace;
  let { browser } = session;

  const newMap = await browser.$(button('New map'));
  await newMap.waitForDisplayed({ timeout: 20000, timeoutMsg: 'the library should offer "New map"' });
  await newMap.click();

  const dialog = await browser.$('//dialog[@open]');
  await dialog.waitForDisplayed({ timeout: 10000, timeoutMsg: 'the "New map" dialog should open' });
  const template = await browser.$('//dialog//label[.//*[normalize-space(text())="Public service journey"]]');
  await template.waitForDisplayed({ timeout: 10000, timeoutMsg: 'the dialog should list the templates' });
  await template.click();
  const title = await browser.$('//dialog//input[@type="text"]');
  await title.setValue(TITLE);
  if (process.env.CORRIDOR_NEW_MAP_SCREENSHOT) await browser.saveScreenshot(process.env.CORRIDOR_NEW_MAP_SCREENSHOT);
  // Enter in the title creates the map and opens it.
  await browser.keys('Enter');

  const heading = await browser.$(`//h1[normalize-space(.)="${TITLE}"]`);
  await heading.waitForDisplayed({ timeout: 10000, timeoutMsg: 'the new map should open on its board' });
  await boardShows(browser, STAGES);

  // Quit and start again on the same workspace.
  await session.stop({ keepWorkspace: true });
  session = await launch({ workspace });
  browser = session.browser;

  const entry = await browser.$(byText(TITLE));
  await entry.waitForDisplayed({ timeout: 20000, timeoutMsg: `the library should list "${TITLE}" after a relaunch` });
  const card = await browser.$(`//button[@data-map-id][.//*[normalize-space(text())="${TITLE}"]]`);
  const text = (await card.getProperty('textContent')).replace(/\s+/g, ' ');
  assert.ok(text.includes(`${STAGES.length} stages`), text);
  assert.ok(text.includes('0 touchpoints'), text);
  await card.click();
  await (await browser.$(`//h1[normalize-space(.)="${TITLE}"]`)).waitForDisplayed({ timeout: 10000 });
  await boardShows(browser, STAGES);
});
