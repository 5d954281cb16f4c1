// The room server for real (crates/room, through its example binary on 127.0.0.1), from
// Chromium at a phone's size: a phone joins with the token and votes, and the backend's tally
// changes; wrong or missing tokens get 403; an over-budget vote, malformed votes and a 1 MB
// body are refused and change nothing; a private round's ideas are unreadable by any request
// before the reveal and carry no author after it.
//
// `cargo test` builds the example into target/debug/examples/serve (scripts/test.sh runs this
// file after it); without it this file fails, saying so.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { harness, until } from "./harness.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const binary = process.env.CORRIDOR_ROOM_SERVE ?? join(here, "..", "..", "target", "debug", "examples", "serve");
if (!existsSync(binary)) {
  throw new Error(
    `${binary} is missing: run \`cargo test\` (or \`cargo build -p corridor-room --examples\`) at the repository root first; it builds the room's example server this test drives`,
  );
}
const shots = process.env.ROOM_SCREENSHOTS; // a folder: the phone page is saved there

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** Starts the example room (`vote` or `brainstorm`); its first line says where it is. */
async function startRoom(kind) {
  const child = spawn(binary, [kind], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout });
  const queue = [];
  const events = [];
  let wake = null;
  lines.on("line", (line) => {
    const value = JSON.parse(line);
    if ("event" in value) events.push(value.event);
    else queue.push(value);
    wake?.();
  });
  const next = async () => {
    const ok = await until(async () => queue.length > 0, 5000);
    assert.ok(ok, "the room answered on stdout");
    return queue.shift();
  };
  const info = await next();
  const room = {
    ...info,
    origin: new URL(info.url).origin,
    events,
    /** Asks the room as the app would (`tally`, `count`, `close`, `reveal`). */
    async ask(command) {
      child.stdin.write(`${command}\n`);
      return next();
    },
    async stop() {
      child.stdin.end();
      await new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
        child.on("exit", () => (clearTimeout(timer), resolve()));
      });
    },
  };
  return room;
}

/** A raw request to the room; answers the status, the body as text, and the headers. */
async function request(url, { method = "POST", body, type = "application/json" } = {}) {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { "content-type": type },
    body,
    redirect: "manual",
  });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

const api = (room, path) => `${room.url}api/${path}`;

describe("a vote from the phones", () => {
  const h = harness();
  let room;
  after(async () => room?.stop());

  test("a phone joins with the token, places its dots, and the backend's tally follows", async () => {
    room = await startRoom("vote");
    h.context = await h.browser.newContext(PHONE);
    const page = await h.context.newPage();
    page.on("pageerror", (err) => h.problems.push(`page error: ${err.message}`));
    page.on("console", (msg) => msg.type() === "error" && h.problems.push(`console error: ${msg.text()}`));
    await page.goto(room.url);
    await page.getByRole("heading", { name: "Which pain points first?" }).waitFor();
    const [first, second] = room.cards;
    // Only the vote's cards are on the page.
    assert.equal(await page.locator("#cards > li").count(), room.cards.length);
    await page.getByRole("button", { name: `Add a dot to: ${first.text}` }).click();
    await page.getByRole("status").filter({ hasText: "" }).first().waitFor();
    await page.getByText("2 dots left of 3").waitFor();
    await page.getByRole("button", { name: `Add a dot to: ${first.text}` }).click();
    await page.getByText("1 dot left of 3").waitFor();
    await page.getByRole("button", { name: `Add a dot to: ${second.text}` }).click();
    await page.getByText("0 dots left of 3").waitFor();
    // Out of dots: every + is disabled.
    assert.equal(await page.getByRole("button", { name: /^Add a dot to/ }).and(page.locator(":enabled")).count(), 0);
    if (shots) await page.screenshot({ path: join(shots, "room-vote-phone.png"), fullPage: true });

    const tally = await room.ask("tally");
    assert.equal(tally.voters, 1);
    assert.deepEqual(
      tally.tally.slice(0, 2).map((t) => [t.card, t.dots]),
      [
        [first.id, 2],
        [second.id, 1],
      ],
    );
    assert.ok(await until(async () => room.events.length >= 3), "each dot was announced to the app");
    assert.deepEqual(room.events.at(-1).tallies, tally.tally);

    // The same device, one more dot: 409, nothing changes.
    const device = await page.evaluate(() => localStorage.getItem("corridor-room-device"));
    const res = await request(api(room, "dots"), { body: JSON.stringify({ device, card: room.cards[2].id, op: "cast", dots: 1 }) });
    const over = { status: res.status, body: JSON.parse(res.text) };
    assert.equal(over.status, 409);
    assert.match(over.body.error, /budget/);
    assert.deepEqual(await room.ask("tally"), tally);
  });

  test("without the token, with a wrong one or a near miss: 403, and nothing of the vote", async () => {
    const before = await room.ask("tally");
    const token = room.token;
    const wrong = [...token].map((c) => (c === "a" ? "b" : "a")).join("");
    const body = JSON.stringify({ device: "phone-x", card: room.cards[0].id, op: "cast", dots: 1 });
    const attempts = [
      [`${room.origin}/`, "GET"],
      [`${room.origin}/api/dots`, "POST"],
      [`${room.origin}/v/`, "GET"],
      [`${room.origin}/v/${wrong}/`, "GET"],
      [`${room.origin}/v/${wrong}/api/dots`, "POST"],
      [`${room.origin}/v/${token.slice(0, -1)}/api/dots`, "POST"],
      [`${room.origin}/v/${token}0/api/dots`, "POST"],
      [`${room.origin}/v/${token.toUpperCase()}/api/state`, "POST"],
    ];
    for (const [url, method] of attempts) {
      const res = await request(url, { method, body: method === "POST" ? body : undefined });
      assert.equal(res.status, 403, `${method} ${url}`);
      for (const card of room.cards) assert.ok(!res.text.includes(card.text), `${url} leaks a card`);
    }
    // The right token still works, and nothing changed.
    assert.equal((await request(api(room, "state"), { body: JSON.stringify({ device: "phone-x" }) })).status, 200);
    assert.deepEqual(await room.ask("tally"), before);
  });

  test("an over-budget vote, malformed votes and a 1 MB body are refused and change nothing", async () => {
    const before = await room.ask("tally");
    const eventsBefore = room.events.length;
    const card = room.cards[0].id;
    const dots = (value) => request(api(room, "dots"), { body: JSON.stringify(value) });
    const refused = [
      [await dots({ device: "phone-y", card, op: "cast", dots: 4 }), 409, /budget/],
      [await dots({ device: "phone-y", card: "00000000-0000-0000-0000-00000000abcd", op: "cast", dots: 1 }), 422, /not in this vote|card/],
      [await dots({ device: "phone-y", card, op: "cast", dots: 0 }), 422, /dot/],
      [await dots({ device: "not a device!", card, op: "cast", dots: 1 }), 422, /device/],
      [await dots({ device: "phone-y", card, op: "cast", dots: 1, extra: true }), 422, /unknown field/],
      [await dots({ device: "phone-y", card, op: "retract", dots: 1 }), 409, /./],
      [await request(api(room, "dots"), { body: "{not json" }), 400, /./],
      [await request(api(room, "dots"), { body: "x".repeat(1024 * 1024) }), 413, /bytes/],
      [await request(api(room, "dots"), { body: JSON.stringify({ device: "phone-y", card, op: "cast", dots: 1, pad: "x".repeat(1024 * 1024) }) }), 413, /bytes/],
      [await request(api(room, "dots"), { body: JSON.stringify({ device: "phone-y", card, op: "cast", dots: 1 }), type: "text/plain" }), 415, /./],
    ];
    for (const [res, status, message] of refused) {
      assert.equal(res.status, status, res.text);
      assert.match(JSON.parse(res.text).error, message);
    }
    assert.deepEqual(await room.ask("tally"), before);
    assert.equal(room.events.length, eventsBefore, "no refused request was announced");
  });
});

describe("a private brainstorm from the phones", () => {
  const h = harness();
  let room;
  after(async () => room?.stop());

  test("ideas are unreadable by any request before the reveal and carry no author after it", async () => {
    room = await startRoom("brainstorm");
    h.context = await h.browser.newContext(PHONE);
    const page = await h.context.newPage();
    page.on("pageerror", (err) => h.problems.push(`page error: ${err.message}`));
    page.on("console", (msg) => msg.type() === "error" && h.problems.push(`console error: ${msg.text()}`));
    const bodies = [];
    page.on("response", async (res) => bodies.push(await res.text().catch(() => "")));
    await page.goto(room.url);
    await page.getByRole("heading", { name: "What slows you down?" }).waitFor();
    const ideas = [
      ["The fitting room queue at lunch time", "Table 2"],
      ["Nobody answers the store's phone", ""],
    ];
    for (const [text, group] of ideas) {
      await page.getByLabel("Your idea").fill(text);
      await page.getByLabel("Table group (optional)").fill(group);
      await page.getByRole("button", { name: "Send idea" }).click();
      await page.getByText(/You have sent/).filter({ hasText: String(ideas.indexOf(ideas.find((i) => i[0] === text)) + 1) }).waitFor();
    }
    await page.getByText("2 ideas in so far.").waitFor();
    if (shots) await page.screenshot({ path: join(shots, "room-brainstorm-phone.png"), fullPage: true });
    assert.deepEqual(await room.ask("count"), { count: 2 });

    // Every way in, before the reveal: the sender, another phone, the page and its script.
    const device = await page.evaluate(() => localStorage.getItem("corridor-room-device"));
    for (const who of [device, "another-phone", "projector"]) {
      bodies.push((await request(api(room, "state"), { body: JSON.stringify({ device: who }) })).text);
    }
    for (const path of ["", "room.js", "room.css", "api/ideas"]) {
      bodies.push((await request(`${room.url}${path}`, { method: "GET" })).text);
    }
    bodies.push(...room.events.map((e) => JSON.stringify(e)));
    for (const body of bodies) {
      for (const [text] of ideas) assert.ok(!body.includes(text), `an idea leaked before the reveal: ${body.slice(0, 200)}`);
    }

    // The facilitator reveals (the app's side): lane cards without author, the group kept.
    const { revealed } = await room.ask("reveal");
    const cards = revealed.edits.map((e) => e.item.lane_card);
    assert.deepEqual(cards.map((c) => c.text).sort(), ideas.map(([t]) => t).sort());
    const grouped = cards.find((c) => c.text === ideas[0][0]);
    assert.deepEqual(grouped.tag, { table_group: "Table 2" });
    assert.equal(cards.find((c) => c.text === ideas[1][0]).tag ?? null, null);
    assert.ok(!JSON.stringify(revealed).includes(device), "the device id is nowhere in the cards");

    // After it, the phones read the ideas: text and group only.
    const after = JSON.parse((await request(api(room, "state"), { body: JSON.stringify({ device: "another-phone" }) })).text);
    assert.equal(after.revealed, true);
    for (const idea of after.ideas) assert.deepEqual(Object.keys(idea).filter((k) => !["text", "group"].includes(k)), []);
    assert.ok(!JSON.stringify(after).includes(device));
    await page.reload();
    await page.getByText("The round is revealed. Thank you!").waitFor();
    // A participant cannot end a round: there is no route for it.
    const end = await request(`${room.url}api/reveal`, { body: JSON.stringify({ device }) });
    assert.equal(end.status, 404);
  });
});
