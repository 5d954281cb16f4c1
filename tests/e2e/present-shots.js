// Present mode in the real app, and docs/present-audience.png, docs/present-audience-dark.png and
// docs/present-presenter.png from it (scripts/screenshot.sh runs this under Xvfb at 1280x720):
// F5 on the retail example shows the presentation full screen; P switches to the presenter
// view; "Open audience window" opens the second window, which shows the same stage and follows
// the presenter; closing it leaves the presenter usable; Escape goes back to the board.
// Run: node present-shots.js OUT_DIR (with DISPLAY set).
import { launch, examples, byText } from './harness.js';

const out = process.argv[2] ?? '/tmp';
const retail = examples().find((m) => m.title.startsWith('Northwind'));
const session = await launch();
const { browser } = session;

const stageHeading = (name) => `//h1[normalize-space(.)=${JSON.stringify(name)}]`;
const button = (name) => `//button[normalize-space(.)=${JSON.stringify(name)}]`;
async function shown(xpath, what) {
  const el = await browser.$(xpath);
  await el.waitForDisplayed({ timeout: 15000, timeoutMsg: `${what} should show` });
  return el;
}
async function key(k) {
  await browser.keys(k);
}

try {
  await (await shown(byText(retail.title), 'the retail example')).click();
  await shown('//button[normalize-space(.)="Present"]', 'the Present button');
  await key('F5');
  await shown(stageHeading(retail.stages[0].name), 'the first stage');
  await key('ArrowRight');
  await shown(stageHeading(retail.stages[1].name), 'the second stage');

  // The presenter view here, then the audience window beside it.
  await key('p');
  await shown('//section[@aria-label="Presenter view"]', 'the presenter view');
  await (await shown(button('Start'), 'the timer')).click();
  await (await shown(button('Open audience window'), 'the audience window button')).click();
  const main = await browser.getWindowHandle();
  await browser.waitUntil(async () => (await browser.getWindowHandles()).length === 2, {
    timeout: 15000,
    timeoutMsg: 'a second window should open',
  });
  const audience = (await browser.getWindowHandles()).find((h) => h !== main);
  await browser.switchToWindow(audience);
  await shown(stageHeading(retail.stages[1].name), 'the stage in the audience window');
  // A clicker on the projector's side works too: the spotlight on the second touchpoint.
  await browser.execute(() => document.documentElement.setAttribute('data-theme', 'light'));
  await key('ArrowDown');
  await key('ArrowDown');
  await shown('//li[@aria-current="true"]', 'the spotlight');
  await browser.pause(800);
  await browser.saveScreenshot(`${out}/present-audience.png`);
  await browser.execute(() => document.documentElement.setAttribute('data-theme', 'dark'));
  await key('d');
  await shown('//p[contains(@class, "expectation")]', 'the details');
  await browser.pause(800);
  await browser.saveScreenshot(`${out}/present-audience-dark.png`);

  // The presenter sees the same stage and spotlight, and moves on; the audience follows.
  await browser.switchToWindow(main);
  await browser.execute(() => document.documentElement.setAttribute('data-theme', 'light'));
  await shown('//button[@aria-pressed="true" and contains(@class, "tp")]', 'the spotlight in the presenter view');
  await browser.pause(500);
  await browser.saveScreenshot(`${out}/present-presenter.png`);
  await key('ArrowRight');
  await browser.switchToWindow(audience);
  await shown(stageHeading(retail.stages[2].name), 'the audience window following the presenter');
  await browser.switchToWindow(main);

  // A capture typed in the presenter view shows in the audience window's details.
  const said = `Checkout hides the delivery cost ${Date.now().toString(36)}`;
  await (await shown('//label[span[normalize-space(.)="What the room said"]]/input', 'the capture field')).setValue(said);
  await key('Enter');
  await shown(`//*[@role="status" and contains(., ${JSON.stringify(said)})]`, 'the capture confirmed');
  await (await shown(button('Details (D)'), 'the details button')).click();
  await browser.switchToWindow(audience);
  await shown(`//li[normalize-space(.)=${JSON.stringify(said)}]`, 'the captured card in the audience window');
  await browser.switchToWindow(main);

  // Closing the audience window leaves the presenter usable.
  await (await shown(button('Close audience window'), 'the close button')).click();
  await browser.waitUntil(async () => (await browser.getWindowHandles()).length === 1, { timeout: 15000 });
  await shown(button('Open audience window'), 'the presenter, still usable');
  await key('Escape');
  await shown('//*[@aria-label="Board"]', 'the board again');
  console.log(`wrote ${out}/present-audience.png, present-audience-dark.png and present-presenter.png`);
} finally {
  await session.stop();
}
