// The Tauri IPC as the page sees it, answered from test data. Mirrors what `mockIPC` and
// `mockWindows` of @tauri-apps/api/mocks install on `window`, so @tauri-apps/api/core's
// `invoke` works unchanged. Runs in the page (page.addInitScript), before the app's scripts.

/**
 * `failures` make commands fail until a fresh workspace is opened (`workspace_open_fresh`).
 *
 * @param {{ summaries: any[], maps: any[], failures?: Record<string, { code: string, message: string }>, workspacePath?: string }} data
 */
export function installMockIpc(data) {
  const callbacks = new Map();
  const calls = [];
  const clone = (value) => JSON.parse(JSON.stringify(value));
  const workspacePath = data.workspacePath ?? "/home/ana/.local/share/studio.corridor.app/workspace";
  let fresh = false;
  // The mock backend's own state per map: revision and undo/redo stacks of inverse edits, the
  // edits applied by the UI's copy of `Edit::apply` (window.__corridorApply, see applier.mjs).
  const journal = new Map();
  const savedAt = "2026-11-20T10:00:00Z";
  function mapOf(id) {
    const map = data.maps.find((m) => m.id === id);
    if (!map) throw { code: "not_found", message: `No map with id ${id}` };
    if (!journal.has(id)) {
      const summary = data.summaries.find((s) => s.id === id);
      journal.set(id, { revision: summary?.revision ?? 1, undo: [], redo: [] });
    }
    return [map, journal.get(id)];
  }
  function applied(id, entry, summary) {
    return {
      id,
      revision: entry.revision,
      summary,
      saved_at: savedAt,
      can_undo: entry.undo.length > 0,
      can_redo: entry.redo.length > 0,
    };
  }
  function change(args, stack, other, label) {
    const [map, entry] = mapOf(args?.id);
    if (args?.baseRevision !== entry.revision) {
      throw { code: "conflict", message: `The map changed since revision ${args?.baseRevision}.` };
    }
    const edit = entry[stack].pop();
    if (!edit) throw { code: `nothing_to_${label}`, message: `Nothing to ${label}.` };
    entry[other].push(window.__corridorApply.applyEditTo(map, edit));
    entry.revision += 1;
    return applied(args.id, entry, label);
  }

  // corridor_core's `remove_with_dependents`, for the kinds the board removes: the batch that
  // removes the item and what points at it, each edit applied to a scratch copy as it goes.
  function removal(scratch, kind, id) {
    const kinds = { stage: "stages", lane: "lanes", touchpoint: "touchpoints", lane_card: "lane_cards" };
    if (!kinds[kind] || !scratch[kinds[kind]].some((x) => x.id === id)) {
      throw { code: "not_found", message: `no ${kind} with id ${id} on this map` };
    }
    const edits = [];
    const push = (edit) => {
      window.__corridorApply.applyEditTo(scratch, clone(edit));
      edits.push(edit);
    };
    const collect = (kind, id) => {
      if (kind === "stage") {
        for (const t of scratch.touchpoints.filter((t) => t.stage === id)) collect("touchpoint", t.id);
        for (const c of scratch.lane_cards.filter((c) => c.stage === id)) push({ op: "remove", kind: "lane_card", id: c.id });
      } else if (kind === "touchpoint") {
        for (const s of scratch.corridor.steps.filter((s) => s.touchpoint === id)) push({ op: "remove", kind: "corridor_step", id: s.id });
        for (const k of scratch.story.kpis.filter((k) => k.touchpoints.includes(id))) {
          push({ op: "replace", item: { kpi: { ...k, touchpoints: k.touchpoints.filter((t) => t !== id) } } });
        }
        for (const i of scratch.story.initiatives.filter((i) => i.touchpoints.includes(id) || i.gaps.includes(id))) {
          push({ op: "replace", item: { initiative: { ...i, touchpoints: i.touchpoints.filter((t) => t !== id), gaps: i.gaps.filter((t) => t !== id) } } });
        }
      } else if (kind === "lane") {
        for (const c of scratch.lane_cards.filter((c) => c.lane === id)) push({ op: "remove", kind: "lane_card", id: c.id });
      }
      push({ op: "remove", kind, id });
    };
    collect(kind, id);
    return { op: "batch", edits };
  }

  async function invoke(cmd, args) {
    calls.push({ cmd, args: clone(args ?? {}) });
    const failure = fresh ? undefined : data.failures?.[cmd];
    // Tauri rejects a failed command with the serialised error value.
    if (failure) throw clone(failure);
    switch (cmd) {
      case "plugin:event|listen":
        return args?.handler;
      case "plugin:event|unlisten":
        return null;
      case "workspace_info":
        return { path: fresh ? `${workspacePath}-fresh` : workspacePath, problem: null };
      case "workspace_open_fresh":
        fresh = true;
        return { path: `${workspacePath}-fresh`, problem: null };
      case "workspace_salvage": {
        const folder = args?.folder ?? `${workspacePath}-export`;
        return {
          folder,
          written: data.summaries.map((s) => ({
            id: s.id,
            title: s.title,
            file: `${folder}/${s.id}.corridor.json`,
            revision: s.revision,
            problems: 0,
          })),
          failed: [],
        };
      }
      case "maps_list":
        return clone(data.summaries);
      case "maps_get":
        return clone(mapOf(args?.id)[0]);
      case "maps_open": {
        const [map, entry] = mapOf(args?.id);
        const state = applied(args.id, entry, "");
        return { map: clone(map), revision: state.revision, saved_at: savedAt, can_undo: state.can_undo, can_redo: state.can_redo };
      }
      case "maps_edit": {
        const [map, entry] = mapOf(args?.id);
        if (args?.baseRevision !== entry.revision) {
          throw { code: "conflict", message: `The map changed since revision ${args?.baseRevision}.` };
        }
        let inverse;
        try {
          inverse = window.__corridorApply.applyEditTo(map, clone(args.edit));
        } catch (err) {
          throw { code: "invalid", message: String(err?.message ?? err) };
        }
        entry.undo.push(inverse);
        entry.redo = [];
        entry.revision += 1;
        return applied(args.id, entry, args.edit.op);
      }
      case "maps_removal": {
        const [map] = mapOf(args?.id);
        return removal(clone(map), args?.kind, args?.itemId);
      }
      case "maps_undo":
        return change(args, "undo", "redo", "undo");
      case "maps_redo":
        return change(args, "redo", "undo", "redo");
      // Files (FileMenu): `data.open` answers the open dialog ({ id, outcome, path } or
      // { error }), `data.datasets[mapId]` lists datasets, `data.exportDelay` (ms) keeps an
      // export pending, `data.exportError` makes it fail. Calls are in window.__ipcCalls.
      case "file_launch":
        return clone(data.launch ?? null);
      case "files_recent":
        return clone(data.recent ?? []);
      case "datasets_list":
        return clone(data.datasets?.[args?.map] ?? []);
      case "file_open":
      case "file_open_recent": {
        const answer = data.open;
        if (!answer) return null;
        if (answer.error) throw clone(answer.error);
        const summary = data.summaries.find((s) => s.id === answer.id);
        return { summary: clone(summary), outcome: answer.outcome ?? "imported", path: answer.path };
      }
      case "map_export": {
        await new Promise((resolve) => setTimeout(resolve, data.exportDelay ?? 0));
        if (data.exportError) throw clone(data.exportError);
        const kind = args?.kind?.kind;
        const ext = { native: "corridor.json", report_markdown: "md", report_html: "html", report_pdf: "pdf", gap_csv: "zip", gap_json: "json" }[kind] ?? kind;
        return { path: `/home/ana/Documents/map.${ext}`, bytes: 1536 };
      }
      default: {
        // Commands a test file answers itself (window.__mockCommands, e.g. story-figures.mjs).
        const extra = window.__mockCommands?.[cmd];
        if (extra) return clone(extra(args ?? {}, (id) => mapOf(id)[0]));
        throw `command ${cmd} not found`;
      }
    }
  }

  function transformCallback(callback, once = false) {
    const id = window.crypto.getRandomValues(new Uint32Array(1))[0];
    callbacks.set(id, (payload) => {
      if (once) callbacks.delete(id);
      return callback && callback(payload);
    });
    return id;
  }

  window.__TAURI_INTERNALS__ = {
    invoke,
    transformCallback,
    unregisterCallback: (id) => callbacks.delete(id),
    runCallback: (id, payload) => callbacks.get(id)?.(payload),
    callbacks,
    metadata: {
      currentWindow: { label: "main" },
      currentWebview: { windowLabel: "main", label: "main" },
    },
  };
  window.__TAURI_EVENT_PLUGIN_INTERNALS__ = { unregisterListener: (_event, id) => callbacks.delete(id) };
  window.__ipcCalls = calls;

  window.__cspViolations = [];
  document.addEventListener("securitypolicyviolation", (e) => {
    window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
  });
}
