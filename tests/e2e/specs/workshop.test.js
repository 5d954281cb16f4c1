// The real app through a workshop: open the retail example, present it and capture two ideas
// from the presenter view, run a dot vote typed on the laptop (the room server starts with it)
// and close it with a decision, end the workshop (a named snapshot) and save its summary, quit,
// relaunch on the same workspace, and find the captured cards, the vote (its dots on the cards
// and its result) and the snapshot. Also writes docs/workshop-vote-panel.png when
// WORKSHOP_SCREENSHOTS names a folder.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch, examples, byText } from '../harness.js';

let session;
let kept;
const saveDir = mkdtempSync(path.join(tmpdir(), 'corridor-workshop-save-'));
after(async () => {
  await session?.stop();
  if (kept) rmSync(kept, { recursive: true, force: true });
  rmSync(saveDir, { recursive: true, force: true });
});

const retail = examples().find((m) => m.title.startsWith('Northwind'));
const button = (name) => `//button[normalize-space(.)=${JSON.stringify(name)}]`;
// One word each: typing through WebKitWebDriver's keys can drop a space.
const IDEAS = ['Queueing', 'Parking'];

async function shown(browser, xpath, what, timeout = 15000) {
  const el = await browser.$(xpath);
  await el.waitForDisplayed({ timeout, timeoutMsg: `${what} should show` });
  return el;
}

async function openRetail(browser) {
  await (await shown(browser, byText(retail.title), 'the retail example', 20000)).click();
  await shown(browser, button('Workshop'), 'the Workshop button');
}

test('a workshop: capture in present mode, a typed vote, the end; all there after a restart', async () => {
  session = await launch({ env: { CORRIDOR_TEST_SAVE_DIR: saveDir } });
  let { browser } = session;
  await openRetail(browser);

  // Present, the presenter view, two ideas captured into the first stage.
  await browser.keys('F5');
  await shown(browser, `//h1[normalize-space(.)=${JSON.stringify(retail.stages[0].name)}]`, 'the first stage');
  await browser.keys('p');
  await shown(browser, '//section[@aria-label="Presenter view"]', 'the presenter view');
  const field = await shown(browser, '//label[span[normalize-space(.)="What the room said"]]//input', 'the capture box');
  await field.click();
  for (const idea of IDEAS) {
    await browser.keys([...idea]);
    await browser.keys('Enter');
    await shown(browser, `//p[@role="status" and contains(., ${JSON.stringify(`“${idea}”`)})]`, `the capture of ${idea}`);
  }
  await (await shown(browser, button('End presentation (Esc)'), 'the way out')).click();
  for (const idea of IDEAS) await shown(browser, `//*[@data-card="lane_card" and starts-with(normalize-space(.), "${idea}")]`, `${idea} on the board`);

  // The workshop panel: a vote on the two captured cards, 3 dots each.
  await (await browser.$(button('Workshop'))).click();
  await (await shown(browser, '//label[contains(., "Cards I choose")]/input', 'the card choice')).click();
  for (const idea of IDEAS) {
    await (await shown(browser, `//ul[@aria-label="Cards to vote on"]//label[starts-with(normalize-space(.), "${idea}")]/input`, `${idea} to choose`)).click();
  }
  await shown(browser, '//p[@role="status" and normalize-space(.)="2 cards in the vote"]', 'two cards chosen');
  await (await browser.$('//label[contains(., "Question")]/input')).setValue('Which first?');
  await (await browser.$(button('Open the vote'))).click();
  await shown(browser, '//img[starts-with(@alt, "QR code of the voting link")]', 'the QR code');
  const url = await (await browser.$('//*[@data-testid="vote-url"]')).getText();
  assert.match(url, /^[\d.]+:\d+\/v\/[0-9a-f]{32}\/$/, 'a short link with its token');

  // Typed votes: Ana 2 dots on the first idea, Ben 1 on the second.
  const typeVote = async (voter, idea, dots) => {
    await (await browser.$('//label[contains(., "Voter")]/input')).setValue(voter);
    await (await browser.$('//label[normalize-space(.)="Card"]/following-sibling::select')).selectByVisibleText(idea);
    await (await browser.$('//label[normalize-space(.)="Dots" or starts-with(normalize-space(.), "Dots")]/input[@type="number"]')).setValue(String(dots));
    await (await browser.$(button('Set dots'))).click();
    await shown(browser, `//p[@role="status" and starts-with(normalize-space(.), "${voter}:")]`, `${voter}'s typed vote`);
  };
  await typeVote('Ana', IDEAS[0], 2);
  await typeVote('Ben', IDEAS[1], 1);
  await shown(browser, '//*[@data-testid="voters" and normalize-space(.)="2 voters"]', 'two voters');
  const tally = await browser.$$('//ol[starts-with(@aria-label, "Live tally")]/li');
  assert.equal(tally.length, 2);
  assert.match(await tally[0].getText(), /Queueing[\s\S]*2 dots/);
  if (process.env.WORKSHOP_SCREENSHOTS) {
    await browser.pause(300);
    await browser.saveScreenshot(path.join(process.env.WORKSHOP_SCREENSHOTS, 'workshop-vote-panel.png'));
  }

  await (await browser.$('//label[contains(., "Decision")]/textarea')).setValue('Fix the queue');
  await (await browser.$(button('Close the vote'))).click();
  await shown(browser, '//h4[normalize-space(.)="Result: Which first?"]', 'the result');

  // The end: a named snapshot, and the summary saved as Markdown.
  await (await browser.$('//label[contains(., "Snapshot name")]/input')).setValue('Workshop Northwind');
  await (await browser.$(button('End workshop'))).click();
  await shown(browser, '//p[@role="status" and contains(., "Workshop Northwind")]', 'the snapshot taken');
  await (await browser.$(button('Save the summary as Markdown…'))).click();
  await shown(browser, '//p[@role="status" and starts-with(normalize-space(.), "Summary saved to")]', 'the summary saved');
  const [file] = readdirSync(saveDir);
  assert.match(file, /workshop\.md$/);
  const summary = readFileSync(path.join(saveDir, file), 'utf8');
  for (const idea of IDEAS) assert.ok(summary.includes(idea), `the summary lists ${idea}:\n${summary}`);
  assert.ok(summary.includes('Which first?') && summary.includes('Fix the queue'), summary);

  // Quit, relaunch on the same workspace.
  kept = session.workspace;
  await session.stop({ keepWorkspace: true });
  session = await launch({ workspace: kept });
  browser = session.browser;
  await openRetail(browser);
  for (const [i, idea] of IDEAS.entries()) {
    const card = await shown(browser, `//*[@data-card="lane_card" and starts-with(normalize-space(.), "${idea}")]`, `${idea} after the restart`);
    // The closed vote's dots are drawn on its cards.
    const badge = await card.$('.//*[@role="img"]');
    assert.equal(await badge.getAttribute('aria-label'), `${i === 0 ? '2 dots' : '1 dot'} in the vote`);
  }
  await (await browser.$(button('Workshop'))).click();
  const held = await shown(browser, '//details[summary[contains(., "Which first?")]]', 'the vote held');
  await (await held.$('./summary')).click();
  await shown(browser, '//details//p[contains(., "Fix the queue")]', 'the decision');
  await shown(browser, '//ul[@aria-label="Snapshots"]/li[contains(., "Workshop Northwind")]', 'the snapshot in the history');
});
