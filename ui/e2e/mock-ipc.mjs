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
  // The library's commands (new map from a template, duplicate, delete): the templates are the
  // core's (crates/core/src/templates.rs), unless the test gives its own.
  const templates = data.templates ?? [
    { template: "lifecycle", label: "Customer lifecycle", description: "The customer lifecycle, from first hearing of you to drifting away.", stages: ["Awareness", "Consideration", "Transaction", "Use", "Inactivity"] },
    { template: "saas", label: "B2B / SaaS journey", description: "A B2B software journey, from discovery to renewal.", stages: ["Discovery", "Evaluation", "Negotiation", "Onboarding", "Adoption", "Renewal"] },
    { template: "public-service", label: "Public service journey", description: "A citizen's path through a public service.", stages: ["Recognise the need", "Find out", "Apply", "Wait for a decision", "Receive the service", "Follow up"] },
    { template: "blank", label: "Blank map", description: "One stage and nothing else: start from scratch.", stages: ["Stage 1"] },
  ];
  const newId = () => window.crypto.randomUUID();
  const laneKinds = [
    ["customer_actions", "Customer actions"],
    ["touchpoints", "Touchpoints"],
    ["thoughts", "Thoughts"],
    ["feelings", "Feelings"],
    ["pain_points", "Pain points"],
    ["opportunities", "Opportunities"],
    ["frontstage", "Frontstage"],
    ["backstage", "Backstage"],
    ["supporting_processes", "Supporting processes"],
    ["kpis", "KPIs"],
  ];
  function summaryOf(map, revision) {
    return {
      id: map.id,
      title: map.title,
      persona: map.personas.find((p) => p.id === map.persona)?.name ?? null,
      stages: map.stages.length,
      touchpoints: map.touchpoints.length,
      saved_at: savedAt,
      revision,
    };
  }
  /** The library's summary of a map follows its edits (title, persona, counts, revision). */
  function resummarise(id) {
    const i = data.summaries.findIndex((s) => s.id === id);
    const [map, entry] = mapOf(id);
    if (i >= 0) data.summaries[i] = { ...summaryOf(map, entry.revision), saved_at: data.summaries[i].saved_at };
  }
  function addMap(map) {
    data.maps.push(map);
    journal.set(map.id, { revision: 0, undo: [], redo: [] });
    const summary = summaryOf(map, 0);
    data.summaries.unshift(summary);
    return clone(summary);
  }
  function createFromTemplate(args) {
    const info = templates.find((t) => t.template === args?.template);
    if (!info) throw { code: "invalid", message: `unknown template ${args?.template}` };
    const title = String(args?.title ?? "").trim();
    if (title === "") throw { code: "invalid", message: `the map "${args?.title}" has 1 problem(s): title: the map's title is empty` };
    return addMap({
      id: newId(),
      title,
      description: "",
      created: savedAt,
      modified: savedAt,
      persona: null,
      personas: [],
      stages: info.stages.map((name) => ({ id: newId(), name, description: "" })),
      lanes: laneKinds.map(([kind, title]) => ({ id: newId(), kind, title, hidden: false })),
      touchpoints: [],
      lane_cards: [],
      corridor: { steps: [] },
      score_scale: { label: "CSAT 1-5", min: 1, max: 5, adds_at_or_above: 4, takes_away_at_or_below: 2 },
      story: {
        style: null,
        narrative: { opening_kind: "goals", opening: "", theme: "", climax_solutions: "", foreseen_outcomes: "", conclusion: "" },
        success_definitions: [],
        data_questions: [],
        capabilities: [],
        weaknesses: [],
        assets: [],
        kpis: [],
        initiatives: [],
        discipline_marks: [],
      },
    });
  }
  function duplicate(args) {
    const [map] = mapOf(args?.id);
    const taken = new Set(data.summaries.map((s) => s.title));
    let title = `${map.title.trim()} (copy)`;
    for (let n = 2; taken.has(title); n++) title = `${map.title.trim()} (copy ${n})`;
    return addMap({ ...clone(map), id: newId(), title, created: savedAt, modified: savedAt });
  }
  function remove(args) {
    mapOf(args?.id);
    data.maps = data.maps.filter((m) => m.id !== args.id);
    data.summaries = data.summaries.filter((s) => s.id !== args.id);
    journal.delete(args.id);
    return null;
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
    resummarise(args.id);
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
    // A test file's own answers (window.__mockCommands) come first; they may be async.
    const own = window.__mockCommands?.[cmd];
    if (own) return clone((await own(args ?? {}, (id) => mapOf(id)[0])) ?? null);
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
        resummarise(args.id);
        return applied(args.id, entry, args.edit.op);
      }
      case "templates_list":
        return clone(templates);
      case "maps_create_from_template":
        return createFromTemplate(args);
      case "maps_duplicate":
        return duplicate(args);
      case "maps_delete":
        return remove(args);
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
