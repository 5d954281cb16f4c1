// The present commands for the mocked IPC: a small model of crates/core/src/present.rs kept in
// the page, which, like the backend, tells every `present-changed` listener of each change.
// Install with `openMap(h, map, { init: [installPresentMock] })`; it runs in the page.

export function installPresentMock() {
  let view = null;
  let seq = 0;
  const emit = () => {
    for (const call of window.__ipcCalls) {
      if (call.cmd === "plugin:event|listen" && call.args.event === "present-changed") {
        window.__TAURI_INTERNALS__.runCallback(call.args.handler, {
          event: "present-changed",
          id: 0,
          payload: JSON.parse(JSON.stringify({ view, seq, origin: "main" })),
        });
      }
    }
  };
  const changed = () => {
    seq += 1;
    if (view) view.seq = seq;
    // The backend announces after answering.
    setTimeout(emit, 0);
    return view;
  };
  const need = () => {
    if (!view) throw { code: "not_found", message: "No presentation is running: choose Present on a map first." };
    return view.presentation;
  };
  const left = (t, now) => (t.deadline_ms === null ? t.remaining_ms : Math.max(0, t.deadline_ms - now));
  window.__presentMock = { emit, get view() { return view; }, set(next) { view = next; return changed(); } };
  window.__mockCommands = {
    ...(window.__mockCommands ?? {}),
    present_start: ({ map, stage }, mapOf) => {
      const m = mapOf(map);
      if (m.stages.length === 0) throw { code: "invalid", message: `the map "${m.title}" has no stages to present` };
      view = {
        seq: 0,
        audience: false,
        presentation: {
          map,
          stage,
          spotlight: null,
          details: false,
          blank: false,
          timer: { duration_ms: 300000, deadline_ms: null, remaining_ms: 300000 },
          captured: [],
        },
      };
      return changed();
    },
    present_get: () => view,
    present_go: ({ to }, mapOf) => {
      const p = need();
      const last = mapOf(p.map).stages.length - 1;
      const target =
        to === "next" ? Math.min(p.stage + 1, last) : to === "previous" ? Math.max(p.stage - 1, 0) : to === "first" ? 0 : to === "last" ? last : to.index;
      if (target !== p.stage) Object.assign(p, { stage: target, spotlight: null, details: false });
      p.blank = false;
      return changed();
    },
    present_spotlight: ({ to }, mapOf) => {
      const p = need();
      const m = mapOf(p.map);
      const order = m.touchpoints.filter((t) => t.stage === m.stages[p.stage].id).map((t) => t.id);
      const at = order.indexOf(p.spotlight);
      if (to === "off") p.spotlight = null;
      else if (to === "next") p.spotlight = at < 0 ? (order[0] ?? null) : (order[at + 1] ?? null);
      else if (to === "previous") p.spotlight = at < 0 ? (order.at(-1) ?? null) : at === 0 ? null : order[at - 1];
      else p.spotlight = to.touchpoint;
      return changed();
    },
    present_details: ({ shown }) => {
      need().details = shown;
      return changed();
    },
    present_blank: ({ blank }) => {
      need().blank = blank;
      return changed();
    },
    present_timer: ({ action }) => {
      const t = need().timer;
      const now = Date.now();
      if (action === "start" && t.deadline_ms === null) t.deadline_ms = now + (t.remaining_ms || t.duration_ms);
      else if (action === "pause" && t.deadline_ms !== null) Object.assign(t, { remaining_ms: left(t, now), deadline_ms: null });
      else if (action === "add_minute") {
        if (t.deadline_ms === null) t.remaining_ms += 60000;
        else t.deadline_ms = now + left(t, now) + 60000;
      } else if (action === "reset") Object.assign(t, { deadline_ms: null, remaining_ms: t.duration_ms });
      else if (action.set_seconds) Object.assign(t, { duration_ms: action.set_seconds * 1000, remaining_ms: action.set_seconds * 1000, deadline_ms: null });
      return changed();
    },
    present_captured: ({ card }) => {
      need().captured.push(card);
      return changed();
    },
    present_audience: ({ open }) => {
      need();
      view.audience = open;
      return changed();
    },
    present_fullscreen: () => true,
    present_stop: () => {
      view = null;
      changed();
      return null;
    },
  };
}

