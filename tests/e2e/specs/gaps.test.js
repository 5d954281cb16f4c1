// The real app's import wizard and gap overlay: open the retail example, import the example
// event log through File → Import data… (the dialog answered by CORRIDOR_TEST_OPEN_PATH), check
// and confirm the suggested columns, answer the names step, then show gaps on the board and read
// a touchpoint's observed score: it must be what `corridor gap` computes on the same two files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { launch, examples, byText, root } from '../harness.js';

const mapFile = path.join(root, 'examples/retail-omnichannel.corridor.json');
const dataFile = path.join(root, 'examples/retail-omnichannel.events.csv');
const cli = process.env.CORRIDOR_CLI ?? path.join(root, 'target/debug/corridor');

let session;
before(async () => {
  session = await launch({ env: { CORRIDOR_TEST_OPEN_PATH: dataFile } });
});
after(async () => {
  await session?.stop();
});

/** The gap report of the example map against the example log, from the command line. */
function cliReport() {
  assert.ok(existsSync(cli), `the corridor CLI is missing at ${cli}: build it (cargo build -p corridor-cli)`);
  return JSON.parse(execFileSync(cli, ['gap', mapFile, dataFile, '--format', 'json'], { encoding: 'utf8' }));
}

test('imports the example log through the wizard and the board shows the observed score `corridor gap` computes', async () => {
  const { browser } = session;
  const retail = examples().find((m) => m.title.startsWith('Northwind'));
  const entry = await browser.$(byText(retail.title));
  await entry.waitForDisplayed({ timeout: 30000 });
  await entry.click();
  const board = await browser.$('//*[@role="region" and @aria-label="Board"]');
  await board.waitForDisplayed({ timeout: 20000 });

  // File → Import data… opens the wizard; the file comes from the (answered) dialog.
  await (await browser.$('//button[normalize-space()="File"]')).click();
  const item = await browser.$('//*[@role="menuitem"][normalize-space(.//span)="Import data…"]');
  await item.waitForDisplayed({ timeout: 10000 });
  await item.click();
  const wizard = '//dialog[@aria-labelledby][.//h2[normalize-space()="Import observed data"]]';
  await (await browser.$(`${wizard}//button[normalize-space()="Choose a file…"]`)).click();

  // The preview: the file's first rows, split as the reader splits them.
  const region = await browser.$(`${wizard}//*[@role="region" and @aria-label="The first rows of retail-omnichannel.events.csv"]`);
  await region.waitForDisplayed({ timeout: 30000 });
  const heads = await browser.execute(
    (xp) =>
      [...document.evaluate(xp, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue.querySelectorAll('thead th')].map(
        (th) => th.textContent.trim(),
      ),
    `${wizard}//*[@role="region"]`,
  );
  assert.deepEqual(heads, ['#', 'case', 'activity', 'timestamp', 'channel', 'score', 'segment']);
  await (await browser.$(`${wizard}//button[normalize-space()="Next: columns"]`)).click();

  // The columns: suggested from the header names; confirmed as they are.
  const roleValue = async (label) => {
    const select = await browser.$(`${wizard}//label[normalize-space()=${JSON.stringify(label)}]/following-sibling::select[1]`);
    await select.waitForDisplayed({ timeout: 10000 });
    return select.getValue();
  };
  assert.equal(await roleValue("Case (one customer's journey)"), '0');
  assert.equal(await roleValue('Activity'), '1');
  assert.equal(await roleValue('Timestamp'), '2');
  assert.equal(await roleValue('Score (optional)'), '4');
  await (await browser.$(`${wizard}//button[normalize-space()="Import"]`)).click();

  // The names that match no touchpoint: answered with the suggestions as they are (a suggested
  // touchpoint gets a new alias, so the touchpoint read below is one no suggestion names).
  const names = await browser.$(`${wizard}//h3[normalize-space()="Names in the data that match no touchpoint"]`);
  const stored = await browser.$(`${wizard}//h3[normalize-space()="Stored beside the map"]`);
  await browser.waitUntil(async () => (await names.isExisting()) || (await stored.isExisting()), {
    timeout: 60000,
    timeoutMsg: 'the import should end on the names step or the done step',
  });
  let suggested = [];
  if (await names.isExisting()) {
    suggested = await browser.execute(
      (xp) =>
        [...document.evaluate(xp, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue.querySelectorAll('tbody select')]
          .map((s) => s.value)
          .filter((v) => v !== ''),
      wizard,
    );
    await (await browser.$(`${wizard}//button[normalize-space()="Confirm names"]`)).click();
  }
  await stored.waitForDisplayed({ timeout: 30000 });
  const summary = await (await browser.$(`${wizard}//section[.//h3[normalize-space()="Stored beside the map"]]/p[1]`)).getText();
  const lines = cliReport();
  assert.match(summary, new RegExp(`${lines.totals.events.toLocaleString('en-US')} of`), summary);
  await (await browser.$(`${wizard}//button[normalize-space()="Close"]`)).click();

  // The board with gaps shown: the observed mean on a card equals the CLI's.
  const report = cliReport();
  const touchpoint = report.touchpoints.find(
    (t) => t.mean !== null && t.event_scores > 20 && !suggested.includes(t.touchpoint),
  );
  assert.ok(touchpoint, 'the example log scores some touchpoint');
  await (await browser.$('//button[normalize-space()="Show gaps"]')).click();
  const observed = await browser.$(`//article[@aria-label=${JSON.stringify(touchpoint.title)}]//*[@data-observed]`);
  await observed.waitForExist({ timeout: 60000, timeoutMsg: `no observed score on "${touchpoint.title}"` });
  const raw = Number(await observed.getAttribute('data-observed'));
  assert.ok(Math.abs(raw - touchpoint.mean) < 1e-9, `board ${raw}, corridor gap ${touchpoint.mean}`);
  const shown = (await observed.getProperty('textContent')).trim();
  assert.equal(Number(shown), Math.round(touchpoint.mean * 100) / 100, `shown as ${shown}`);

  // The dataset is listed beside the map.
  await (await browser.$('//button[normalize-space()="Data"]')).click();
  await (await browser.$('//aside//li[@aria-label="retail-omnichannel.events.csv"]')).waitForDisplayed({ timeout: 10000 });
});
