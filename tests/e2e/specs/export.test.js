// The real app's File menu: export a map to PNG and Save As the native file, with the save
// dialog answered by CORRIDOR_TEST_SAVE_DIR; Open… the saved file again (CORRIDOR_TEST_OPEN_PATH)
// and find it unchanged; and a native file named on the command line opens on its board.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch, examples, byText, root } from '../harness.js';

const saveDir = mkdtempSync(path.join(tmpdir(), 'corridor-e2e-save-'));
const openPath = path.join(mkdtempSync(path.join(tmpdir(), 'corridor-e2e-open-')), 'reopen.corridor.json');

let session;
before(async () => {
  session = await launch({ env: { CORRIDOR_TEST_SAVE_DIR: saveDir, CORRIDOR_TEST_OPEN_PATH: openPath } });
});
after(async () => {
  await session?.stop();
  rmSync(saveDir, { recursive: true, force: true });
  rmSync(path.dirname(openPath), { recursive: true, force: true });
});

/** Open the File menu and choose `label`, then wait until the status line says `done`. */
async function choose(browser, label, done) {
  const file = await browser.$('//button[normalize-space()="File"]');
  await file.waitForClickable({ timeout: 10000 });
  await file.click();
  const item = await browser.$(`//*[@role="menuitem"][normalize-space(.//span)="${label}"]`);
  await item.waitForDisplayed({ timeout: 10000, timeoutMsg: `the File menu should offer "${label}"` });
  await item.click();
  const status = await browser.$(`//*[@role="status"][contains(normalize-space(), "${done}")]`);
  await status.waitForExist({ timeout: 60000, timeoutMsg: `the status should say "${done}" after "${label}"` });
  return (await status.getProperty('textContent')).trim();
}

const filesIn = (dir, ext) => readdirSync(dir).filter((f) => f.endsWith(ext));

test('exports a map to PNG and the native file through the menu, and the file opens back unchanged', async () => {
  const { browser } = session;
  const map = examples().find((m) => m.title.startsWith('Northwind')) ?? examples()[0];
  const entry = await browser.$(byText(map.title));
  await entry.waitForDisplayed({ timeout: 20000 });
  await entry.click();
  await (await browser.$(byText(map.stages[0].name))).waitForDisplayed({ timeout: 10000 });

  // PNG: a real picture, written where the dialog said and nowhere else.
  await choose(browser, 'Picture as PNG…', 'Saved');
  const pngs = filesIn(saveDir, '.png');
  assert.equal(pngs.length, 1, `one PNG in ${saveDir}: ${readdirSync(saveDir)}`);
  const png = readFileSync(path.join(saveDir, pngs[0]));
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  assert.ok(width > 1000 && height > 1000, `a whole map at scale 1: ${width} × ${height}`);
  assert.ok(png.length > 50000, `not blank: ${png.length} bytes`);

  // Save As: the canonical native file, the same text as the example it was seeded from.
  await choose(browser, 'Save As…', 'Saved');
  const natives = filesIn(saveDir, '.corridor.json');
  assert.equal(natives.length, 1);
  const saved = readFileSync(path.join(saveDir, natives[0]), 'utf8');
  const exampleFile = readdirSync(path.join(root, 'examples')).find((f) =>
    readFileSync(path.join(root, 'examples', f), 'utf8').includes(map.id));
  assert.equal(saved, readFileSync(path.join(root, 'examples', exampleFile), 'utf8'), 'Save As writes the canonical file');
  assert.deepEqual(readdirSync(saveDir).sort(), [...pngs, ...natives].sort(), 'no temporary file left behind');

  // Open… the saved file: the workspace already holds this very map, so nothing changes.
  copyFileSync(path.join(saveDir, natives[0]), openPath);
  const said = await choose(browser, 'Open…', 'already in the workspace');
  assert.match(said, /already in the workspace/);
  await (await browser.$(`//h1[normalize-space()="${map.title}"]`)).waitForDisplayed({ timeout: 10000 });
  // Saved again, it is the same bytes.
  await choose(browser, 'Save As…', 'Saved');
  assert.equal(readFileSync(path.join(saveDir, natives[0]), 'utf8'), saved);
});

test('a native file named on the command line is brought in and opened', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'corridor-e2e-arg-'));
  const map = JSON.parse(readFileSync(path.join(root, 'examples', readdirSync(path.join(root, 'examples'))[0]), 'utf8'));
  map.map.id = '00000000-0000-4000-8000-00000000e2e0';
  map.map.title = 'Opened from the command line';
  const file = path.join(dir, 'given.corridor.json');
  writeFileSync(file, JSON.stringify(map, null, 2));
  const other = await launch({ args: [file] });
  try {
    const heading = await other.browser.$('//h1[normalize-space()="Opened from the command line"]');
    await heading.waitForDisplayed({ timeout: 20000, timeoutMsg: 'the board of the given file should open' });
  } finally {
    await other.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
