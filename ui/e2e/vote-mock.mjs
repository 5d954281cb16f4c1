// The workshop's vote commands for the mocked IPC: a small model of src-tauri/src/workshop.rs
// kept in the page (one open vote; typed voters with a budget each; the ranking with shared
// ranks). Like the backend it announces each change of the tally as `vote-changed`, and
// `window.__voteMock.phone(device, card, dots)` stands for a phone voting over the room.
// Install with `openMap(h, map, { init: [installVoteMock] })`; it runs in the page.

export function installVoteMock() {
  let open = null;
  let revision = 1000;
  const ranking = (tallies) => {
    const order = tallies.map((t, i) => [t, i]).sort((a, b) => b[0].dots - a[0].dots || a[1] - b[1]);
    return order.map(([t], i) => ({
      rank: order.findIndex(([u]) => u.dots === t.dots) + 1 || i + 1,
      card: t.card,
      dots: t.dots,
    }));
  };
  const view = () => {
    const tallies = open.vote.cards.map((card) => ({
      card,
      dots: Object.values(open.ballots).reduce((n, b) => n + (b[card] ?? 0), 0),
    }));
    const voters = Object.values(open.ballots).filter((b) => Object.values(b).some((d) => d > 0)).length;
    const typed = Object.entries(open.typed).map(([name, device]) => ({
      name,
      dots: Object.entries(open.ballots[device] ?? {}).map(([card, dots]) => ({ card, dots })),
    }));
    return { map: open.map, vote: open.vote, tallies, voters, ranking: ranking(tallies), typed, room: open.room };
  };
  const emit = () => {
    for (const call of window.__ipcCalls) {
      if (call.cmd === "plugin:event|listen" && call.args.event === "vote-changed") {
        window.__TAURI_INTERNALS__.runCallback(call.args.handler, {
          event: "vote-changed",
          id: 0,
          payload: JSON.parse(JSON.stringify({ vote: view() })),
        });
      }
    }
  };
  const place = (device, card, dots) => {
    const ballot = (open.ballots[device] ??= {});
    const others = Object.entries(ballot).reduce((n, [c, d]) => n + (c === card ? 0 : d), 0);
    if (others + dots > open.vote.dots_per_person) {
      throw {
        code: "invalid",
        message: `this device has placed ${others} of its ${open.vote.dots_per_person} dots: ${dots} more would exceed its budget`,
      };
    }
    ballot[card] = dots;
  };
  const applied = (map) => ({ id: map, revision: ++revision, summary: "vote", saved_at: "2026-03-01T09:00:00Z", can_undo: true, can_redo: false });
  window.__voteMock = {
    phone(device, card, dots) {
      place(device, card, dots);
      emit();
    },
  };
  window.__mockCommands = {
    ...(window.__mockCommands ?? {}),
    workshop_start: () => null,
    workshop_status: () => ({ vote: open ? view() : null, round: null, interrupted: null, busy_elsewhere: false }),
    workshop_vote_open: ({ map, name, cards, dotsPerPerson }, mapOf) => {
      if (open) throw { code: "already_exists", message: "a vote is open: close it before opening another" };
      const m = mapOf(map);
      m.votes ??= [];
      const vote = { id: `vote-${m.votes.length + 1}`, name, cards, dots_per_person: dotsPerPerson, status: "open", voters: 0, tallies: [], decision: "" };
      m.votes.push(structuredClone(vote));
      open = {
        map,
        vote,
        ballots: {},
        typed: {},
        room: { url: "http://192.168.1.20:41234/v/0123456789abcdef0123456789abcdef/", qr_svg: window.__qrSvg, loopback_only: false },
      };
      return { applied: applied(map), vote: view() };
    },
    workshop_vote_type: ({ voter, card, dots }) => {
      const device = (open.typed[voter] ??= `laptop-${Object.keys(open.typed).length + 1}`);
      place(device, card, dots);
      setTimeout(emit, 0);
      return view();
    },
    workshop_vote_close: ({ map, decision }, mapOf) => {
      const v = view();
      const m = mapOf(map);
      const i = m.votes.findIndex((x) => x.id === v.vote.id);
      m.votes[i] = { ...v.vote, status: "closed", voters: v.voters, tallies: v.tallies, decision: decision.trim() };
      open = null;
      return applied(map);
    },
    workshop_vote_results: ({ map, vote }, mapOf) => ranking(mapOf(map).votes.find((v) => v.id === vote).tallies),
    snapshots_list: () => [],
  };
}
