// The vote panel in the built UI with the IPC mocked (vote-mock.mjs stands for the workshop
// service): opened from the keyboard, a vote on every opportunity with the QR code and link, a
// phone's dots and typed ones arriving in the live ranked tally and on the board's cards, a
// refusal shown as the backend worded it, and the close with a decision; light and dark.
import assert from "node:assert/strict";
import { test } from "node:test";
import { callsOf, harness, openMap, retail, until } from "./harness.mjs";
import { installVoteMock } from "./vote-mock.mjs";

const h = harness();
const shots = process.env.VOTE_SCREENSHOTS;
const QR = `window.__qrSvg = ${JSON.stringify(
  "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'><rect width='10' height='10' fill='#fff'/><rect x='1' y='1' width='3' height='3'/><rect x='6' y='1' width='3' height='3'/><rect x='1' y='6' width='3' height='3'/></svg>",
)};`;

const opportunities = () => {
  const lane = retail.lanes.find((l) => l.kind === "opportunities").id;
  const order = new Map(retail.stages.map((s, i) => [s.id, i]));
  return retail.lane_cards.filter((c) => c.lane === lane).sort((a, b) => order.get(a.stage) - order.get(b.stage));
};

test("a vote on every opportunity: QR, phone and typed dots live on the tally and the board, closed with a decision", async () => {
  const page = await openMap(h, retail, { init: [QR, installVoteMock] });
  const cards = opportunities();
  assert.ok(cards.length >= 2, "the retail example has opportunities");

  // The panel from the keyboard: its heading takes the focus.
  await page.getByRole("button", { name: "Workshop" }).focus();
  await page.keyboard.press("Enter");
  const panel = page.getByRole("complementary", { name: "Workshop" });
  await panel.getByRole("heading", { name: "Workshop", exact: true }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Workshop");

  await panel.getByLabel("Every opportunity").check();
  await panel.getByText(`${cards.length} cards in the vote`).waitFor();
  await panel.getByLabel("Question").fill("Which opportunity first?");
  await panel.getByLabel("Dots per person").fill("3");
  await panel.getByRole("button", { name: "Open the vote" }).click();
  await panel.getByRole("img", { name: /^QR code of the voting link 192\.168\.1\.20:41234\/v\/0123/ }).waitFor();
  await panel.getByText("192.168.1.20:41234/v/0123456789abcdef0123456789abcdef/").waitFor();
  const [open] = await callsOf(page, "workshop_vote_open");
  assert.deepEqual(open.cards, cards.map((c) => c.id));
  assert.equal(open.dotsPerPerson, 3);

  // A phone votes (the backend's event), then a typed vote; the tally ranks them.
  await page.evaluate((card) => window.__voteMock.phone("phone-1", card, 2), cards[1].id);
  const tally = panel.getByRole("list", { name: "Live tally of Which opportunity first?" });
  await until(async () => (await tally.locator("li").first().textContent()).includes(cards[1].text));
  await panel.getByLabel("Voter").fill("Table 3");
  await panel.getByLabel("Card", { exact: true }).selectOption(cards[0].id);
  await panel.getByLabel("Dots", { exact: true }).fill("3");
  await panel.getByRole("button", { name: "Set dots" }).click();
  await panel.getByText(`Table 3: 3 dots on “${cards[0].text}”`).waitFor();
  await panel.getByTestId("voters").filter({ hasText: "2 voters" }).waitFor();
  const rows = await tally.locator("li").allTextContents();
  assert.match(rows[0], /^\s*1\s/);
  assert.ok(rows[0].includes(cards[0].text) && rows[0].includes("3 dots"), rows[0]);
  assert.ok(rows[1].includes(cards[1].text) && rows[1].includes("2 dots"), rows[1]);

  // The dots on the board's cards, with their accessible names.
  await page.locator(`#lc-${cards[0].id}`).getByRole("img", { name: "3 dots in the vote" }).waitFor();
  await page.locator(`#lc-${cards[1].id}`).getByRole("img", { name: "2 dots in the vote" }).waitFor();

  // Over budget: refused with the backend's words; nothing changes.
  await panel.getByLabel("Card", { exact: true }).selectOption(cards[1].id);
  await panel.getByLabel("Dots", { exact: true }).fill("1");
  await panel.getByRole("button", { name: "Set dots" }).click();
  await panel.getByRole("alert").filter({ hasText: "would exceed its budget" }).waitFor();
  assert.deepEqual(await tally.locator("li").allTextContents(), rows);

  if (shots) {
    for (const theme of ["light", "dark"]) {
      await page.evaluate((t) => document.documentElement.setAttribute("data-theme", t), theme);
      await page.waitForTimeout(100);
      await panel.screenshot({ path: `${shots}/vote-panel-${theme}.png` });
    }
  }

  await panel.getByLabel("Decision").fill("Start with click and collect");
  await panel.getByRole("button", { name: "Close the vote" }).click();
  const result = panel.getByRole("list", { name: "Result of Which opportunity first?" }).first();
  await result.waitFor();
  assert.match((await result.locator("li").first().textContent()) ?? "", new RegExp(cards[0].text.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  await panel.getByText("Start with click and collect").first().waitFor();
  const [close] = await callsOf(page, "workshop_vote_close");
  assert.equal(close.decision, "Start with click and collect");
  // The closed vote's dots stay on the board.
  await page.locator(`#lc-${cards[0].id}`).getByRole("img", { name: "3 dots in the vote" }).waitFor();

  // Escape closes the panel and gives the focus back to its button.
  await panel.getByRole("heading", { name: "Workshop", exact: true }).focus();
  await page.keyboard.press("Escape");
  await until(async () => (await panel.count()) === 0);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Workshop");
});
