"use strict";
// The phone's page of a Corridor room: one vote or one private brainstorm round. Everything the
// participant's text touches is set with textContent, never as HTML.
(() => {
  const base = location.pathname.endsWith("/") ? location.pathname : location.pathname + "/";
  const KEY = "corridor-room-device";
  let device = null;
  try { device = localStorage.getItem(KEY); } catch (_) { device = null; }
  if (!device || !/^[A-Za-z0-9_-]{1,64}$/.test(device)) {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    device = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    try { localStorage.setItem(KEY, device); } catch (_) { /* private mode: one id per visit */ }
  }
  const $ = (id) => document.getElementById(id);
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

  async function call(path, body) {
    const res = await fetch(base + "api/" + path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(Object.assign({ device }, body || {})),
      cache: "no-store",
      credentials: "omit",
    });
    let data = null;
    try { data = await res.json(); } catch (_) { data = null; }
    if (!res.ok) throw new Error((data && data.error) || `the laptop refused (${res.status})`);
    return data;
  }

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  function showVote(s) {
    $("vote").hidden = false;
    $("title").textContent = s.name;
    $("status").textContent = s.closed
      ? "The vote is closed. Thank you!"
      : `Spread your dots over the cards below (several on one card if you like).`;
    $("budget").textContent = s.closed ? "" : `${plural(s.remaining, "dot", "dots")} left of ${s.dots_per_person}`;
    const list = $("cards");
    list.replaceChildren();
    for (const card of s.cards) {
      const li = el("li");
      li.append(el("span", card.text, "text"));
      const row = el("div", undefined, "row");
      const dots = el("span", "●".repeat(card.mine), "dots");
      dots.setAttribute("aria-label", `your dots: ${card.mine}`);
      const minus = el("button", "−", "minus");
      minus.type = "button";
      minus.setAttribute("aria-label", `Take back a dot from: ${card.text}`);
      minus.disabled = s.closed || card.mine === 0;
      minus.addEventListener("click", () => act({ card: card.id, op: "retract", dots: 1 }));
      const plus = el("button", "+");
      plus.type = "button";
      plus.setAttribute("aria-label", `Add a dot to: ${card.text}`);
      plus.disabled = s.closed || s.remaining === 0;
      plus.addEventListener("click", () => act({ card: card.id, op: "cast", dots: 1 }));
      row.append(dots, minus, plus);
      li.append(row);
      list.append(li);
    }
  }

  function showBrainstorm(s) {
    $("brainstorm").hidden = false;
    $("title").textContent = s.prompt || "Private brainstorm";
    $("prompt").textContent = `For ${s.stage}, ${s.lane}. Nobody sees the ideas, the projector included, until the facilitator reveals them; they carry no name.`;
    $("idea-form").hidden = s.revealed;
    $("status").textContent = s.revealed
      ? "The round is revealed. Thank you!"
      : `${plural(s.count, "idea", "ideas")} in so far.`;
    $("sent").textContent = s.revealed ? "" : `You have sent ${plural(s.sent, "idea", "ideas")}.`;
    const list = $("ideas");
    list.replaceChildren();
    for (const idea of s.ideas || []) {
      const li = el("li", idea.text);
      if (idea.group) li.append(el("div", idea.group, "group"));
      list.append(li);
    }
  }

  function show(s) {
    $("error").textContent = "";
    if (s.kind === "vote") showVote(s);
    else showBrainstorm(s);
  }

  async function act(body) {
    try { show(await call("dots", body)); } catch (err) { $("error").textContent = err.message; }
  }

  async function refresh() {
    try { show(await call("state")); } catch (err) { $("error").textContent = err.message; }
  }

  $("idea-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = $("idea").value;
    const group = $("group").value.trim();
    try {
      show(await call("ideas", { text, group: group || null }));
      $("idea").value = "";
      $("idea").focus();
    } catch (err) {
      $("error").textContent = err.message;
    }
  });

  refresh();
  setInterval(refresh, 4000);
})();
