// The import wizard against the mock backend: file → preview → columns → progress → names →
// done; cancel stores nothing; an error names its line; a file dropped on the window is sent as
// bytes. The import commands are answered by `installImportMock` below (a plain reading of
// src-tauri/src/commands/imports.rs; the real ones are tested in crates/store/tests/it/imports.rs
// and through the app in tests/e2e/specs/gaps.test.js).

import assert from "node:assert/strict";
import { test } from "node:test";
import { callsOf, harness, openMap, retail, until } from "./harness.mjs";

const h = harness();

const CSV = [
  "case,activity,timestamp,channel,score,segment",
  "C1,Product page viewed,2026-03-01T10:00:00Z,web,4,new",
  "C1,add_to_cart,2026-03-01T10:05:00Z,web,,new",
  "C2,Password reset,2026-03-02T09:00:00Z,web,,trade",
  "C2,Chat started,2026-03-02T09:03:00Z,chat,2,trade",
].join("\n");

function installImportMock(config) {
  const state = { cancelled: false, datasets: [], staged: null, upload: "" };
  window.__importState = state;
  const lines = config.csv.split("\n");
  const headers = lines[0].split(",");
  const rows = lines.slice(1).map((l) => l.split(","));
  const emit = (event, payload) => {
    for (const c of window.__ipcCalls.filter((c) => c.cmd === "plugin:event|listen" && c.args.event === event)) {
      window.__TAURI_INTERNALS__.runCallback(c.args.handler, { event, id: 1, payload });
    }
  };
  const settings = {
    kind: "event_log",
    format: "csv",
    delimiter: ",",
    has_header: true,
    columns: { case: 0, activity: 1, timestamp: 2, channel: 3, score: 4, segment: 5, respondent: null },
    date_order: "auto",
    lifecycle: "complete_only",
    strict: false,
  };
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  window.__mockCommands = {
    import_pick: () => (state.staged = { file: "f-1", name: "retail.events.csv", bytes: 4_000_000 }),
    import_upload_begin: ({ name, size }) => (state.staged = { file: "f-drop", name, bytes: size }),
    import_upload_chunk: ({ offset, data }) => {
      const text = atob(data);
      if (offset !== state.upload.length) throw { code: "invalid", message: "out of order" };
      state.upload += text;
      return state.upload.length;
    },
    import_preview_file: ({ settings: given }) => ({
      name: state.staged.name,
      bytes: state.staged.bytes,
      settings: given ? { ...given, columns: given.columns ?? settings.columns } : settings,
      headers,
      rows,
      lifecycle_column: null,
      ambiguous_date: null,
    }),
    import_run: async ({ map, name, settings: used }) => {
      state.cancelled = false;
      state.used = used;
      const total = state.staged.bytes;
      const steps = config.steps ?? 4;
      for (let i = 1; i <= steps; i++) {
        await sleep(config.stepMs ?? 30);
        if (state.cancelled) throw { code: "cancelled", message: "cancelled; nothing was stored" };
        emit("import-progressed", {
          file: state.staged.file,
          progress: { phase: "reading", bytes: (total * i) / steps, total, rows: 250_000 * i },
        });
      }
      if (config.error) throw config.error;
      const dataset = {
        id: "d-1",
        map,
        name: name || state.staged.name,
        source: state.staged.name,
        settings: used,
        imported: "2026-11-27T06:00:00Z",
        bytes: total,
        rows: 1_000_000,
        bad_rows: 2,
      };
      state.datasets.push(dataset);
      emit("datasets-changed", { map, dataset: "d-1", change: "added", origin: "main" });
      return {
        dataset,
        kept: 999_998,
        skipped_lifecycle: 0,
        first_bad: [
          { line: 7, column: "timestamp", reason: "'31/02/2026' is not a date" },
          { line: 12, column: "case", reason: "the case is empty" },
        ],
      };
    },
    import_cancel: () => {
      state.cancelled = true;
      return null;
    },
    import_discard: () => null,
    datasets_list: () => state.datasets,
    datasets_unmatched: () => ({
      unmatched_activities: [
        { name: "Password reset", count: 44, cases: 40, suggestion: null },
        {
          name: "chat_open",
          count: 29,
          cases: 29,
          suggestion: { touchpoint: config.chat, title: "Live chat with a garden advisor", similarity: 0.74 },
        },
      ],
      unmatched_subjects: [],
      unobserved_touchpoints: [],
    }),
    aliases_edit: ({ confirmed }, mapOf) => {
      const m = mapOf(config.mapId);
      const edits = [];
      for (const t of m.touchpoints) {
        const names = confirmed.filter((c) => c.touchpoint === t.id).map((c) => c.activity);
        if (names.length > 0) edits.push({ op: "replace", item: { touchpoint: { ...t, aliases: [...t.aliases, ...names] } } });
      }
      return edits.length > 0 ? { op: "batch", edits } : null;
    },
  };
}

const chat = retail.touchpoints.find((t) => t.title.startsWith("Live chat")).id;
const faq = retail.touchpoints.find((t) => t.title.startsWith("Product page")).id;

async function open(config = {}) {
  const page = await openMap(h, retail, {
    init: [{ content: `(${installImportMock})(${JSON.stringify({ csv: CSV, chat, mapId: retail.id, ...config })})` }],
  });
  return page;
}

async function toColumns(page) {
  await page.getByRole("button", { name: "Data", exact: true }).click();
  await page.getByRole("button", { name: "Import data…" }).click();
  const wizard = page.getByRole("dialog", { name: "Import observed data" });
  await wizard.getByRole("button", { name: "Choose a file…" }).click();
  await wizard.getByRole("region", { name: /The first rows of retail.events.csv/ }).waitFor();
  await wizard.getByRole("button", { name: "Next: columns" }).click();
  return wizard;
}

test("the wizard goes from the file to the names and lists the dataset beside the map", async () => {
  const page = await open();
  await page.getByRole("button", { name: "Data", exact: true }).click();
  const panel = page.getByRole("complementary", { name: "Observed data" });
  await panel.getByText("No data yet").waitFor();
  await panel.getByRole("button", { name: "Import data…" }).click();
  const wizard = page.getByRole("dialog", { name: "Import observed data" });
  await wizard.getByRole("button", { name: "Choose a file…" }).click();

  // Preview: the first rows as the reader splits them.
  const table = wizard.getByRole("region", { name: "The first rows of retail.events.csv" }).getByRole("table");
  await table.waitFor();
  assert.deepEqual(
    await table.getByRole("columnheader").allTextContents(),
    ["#", "case", "activity", "timestamp", "channel", "score", "segment"],
  );
  assert.equal(await table.getByRole("row").count(), 5);
  assert.equal(await table.getByRole("row").nth(3).getByRole("cell").nth(2).textContent(), "Password reset");

  // Columns: suggested, editable; a column plays one role at most.
  await wizard.getByRole("button", { name: "Next: columns" }).click();
  const activity = wizard.getByLabel("Activity", { exact: true });
  assert.equal(await activity.inputValue(), "1");
  assert.equal(await wizard.getByLabel("Case (one customer's journey)").inputValue(), "0");
  await activity.selectOption({ label: "case" });
  assert.equal(await wizard.getByLabel("Case (one customer's journey)").inputValue(), "");
  assert.ok(await wizard.getByRole("button", { name: "Import" }).isDisabled());
  await wizard.getByText(/Choose the column that holds the case/).waitFor();
  await wizard.getByLabel("Case (one customer's journey)").selectOption({ label: "case" });
  await activity.selectOption({ label: "activity" });
  await wizard.getByLabel("Name of the dataset").fill("Web analytics, Q1");
  await wizard.getByRole("button", { name: "Import" }).click();

  // Progress, then the names that match no touchpoint.
  await wizard.getByRole("progressbar", { name: "Import progress" }).waitFor();
  await wizard.getByRole("heading", { name: "Names in the data that match no touchpoint" }).waitFor();
  const [run] = await callsOf(page, "import_run");
  assert.equal(run.name, "Web analytics, Q1");
  assert.deepEqual(
    { case: run.settings.columns.case, activity: run.settings.columns.activity },
    { case: 0, activity: 1 },
  );
  const chatSelect = wizard.getByRole("combobox", { name: "Touchpoint for chat_open" });
  assert.equal(await chatSelect.inputValue(), chat, "the suggestion is chosen first");
  const reset = wizard.getByRole("combobox", { name: "Touchpoint for Password reset" });
  assert.equal(await reset.inputValue(), "");
  await reset.selectOption(faq);
  await wizard.getByRole("button", { name: "Confirm names" }).click();

  // Done: one edit through the map's editor, the bad rows with their lines.
  await wizard.getByRole("heading", { name: "Stored beside the map" }).waitFor();
  await wizard.getByText("2 names were saved as aliases").waitFor();
  await wizard.getByText("line 7, column timestamp: '31/02/2026' is not a date").waitFor();
  const edits = await callsOf(page, "maps_edit");
  assert.equal(edits.length, 1);
  const replaced = edits[0].edit.edits.map((e) => [e.item.touchpoint.id, e.item.touchpoint.aliases.at(-1)]);
  assert.deepEqual(replaced.sort(), [[chat, "chat_open"], [faq, "Password reset"]].sort());
  await wizard.getByRole("button", { name: "Close" }).click();
  assert.ok(await until(async () => (await page.getByRole("dialog").count()) === 0));
  await panel.getByRole("listitem", { name: "Web analytics, Q1" }).waitFor();
  assert.match(await panel.getByRole("listitem").first().textContent(), /1,000,000 rows \(2 bad\)/);
});

test("Cancel stops the import, stores nothing and keeps the choices", async () => {
  const page = await open({ steps: 100, stepMs: 40 });
  const wizard = await toColumns(page);
  await wizard.getByRole("button", { name: "Import" }).click();
  const bar = wizard.getByRole("progressbar", { name: "Import progress" });
  assert.ok(await until(async () => Number(await bar.getAttribute("aria-valuenow")) > 0));
  await wizard.getByText(/[\d,]+ rows read/).waitFor();
  await wizard.getByRole("button", { name: "Cancel import" }).click();
  await wizard.getByText("The import was cancelled; nothing was stored.").waitFor();
  assert.equal(await callsOf(page, "import_cancel").then((c) => c.length), 1);
  assert.equal(await wizard.getByLabel("Activity", { exact: true }).inputValue(), "1");
  await wizard.getByRole("button", { name: "Cancel", exact: true }).click();
  await page.getByRole("complementary", { name: "Observed data" }).getByText("No data yet").waitFor();
});

test("a file that cannot be read says which line, and nothing is stored", async () => {
  const message =
    "cannot read the dataset's source retail.events.csv: line 3, column timestamp: '31/02/2026' is not a date; nothing was stored";
  const page = await open({ error: { code: "bad_file", message } });
  const wizard = await toColumns(page);
  await wizard.getByLabel(/Stop at the first bad row/).check();
  await wizard.getByRole("button", { name: "Import" }).click();
  const alert = wizard.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /line 3, column timestamp/);
  const [run] = await callsOf(page, "import_run");
  assert.equal(run.settings.strict, true);
  assert.equal(await page.evaluate(() => window.__importState.datasets.length), 0);
  // Still on the columns step, to try again.
  await wizard.getByRole("button", { name: "Import" }).waitFor();
});

test("a file dropped on the window is sent as bytes and previewed", async () => {
  const page = await open();
  const text = "case;activity;timestamp\nC9;Chat started;2026-03-02T09:03:00Z\n";
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "dropped.csv", { type: "text/csv" }));
    const board = document.querySelector("main") ?? document.body;
    board.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
    board.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, text);
  const wizard = page.getByRole("dialog", { name: "Import observed data" });
  await wizard.getByRole("region", { name: "The first rows of dropped.csv" }).waitFor();
  assert.equal(await page.evaluate(() => window.__importState.upload), text);
  const [begin] = await callsOf(page, "import_upload_begin");
  assert.deepEqual(begin, { name: "dropped.csv", size: text.length });
});
