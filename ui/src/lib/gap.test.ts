import { describe, expect, it } from "vitest";
import type { GapReport, JourneyMap, WindowComparison } from "../ipc";
import fixtureText from "../../e2e/fixtures/gap-report.json?raw";
import {
  boardOverlay,
  cardGap,
  contrast,
  DEFAULT_QUERY,
  filterOf,
  gapColour,
  gapSpan,
  gapText,
  initiativeFor,
  legendStops,
  priorityRows,
  queryRows,
  sortBy,
} from "./gap";
import { channelMatrix, corridorPairs, emotionVsObserved, priorityImpact, rollUps, stageFunnel, variantFlow } from "./gapCharts";

// A real report: the engine's, on the retail example (crates/core/tests/it/gap_ui_fixture.rs).
const fixture = JSON.parse(fixtureText) as { map: JourneyMap; report: GapReport; compare: { comparison: WindowComparison } };
const { map, report } = fixture;

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

describe("the gap colour scale", () => {
  it("runs orange below target and blue above, neutral on target and without data", () => {
    const [r1, , b1] = rgb(gapColour(-1.5, 2).fill);
    const [r2, , b2] = rgb(gapColour(1.5, 2).fill);
    expect(r1).toBeGreaterThan(b1);
    expect(b2).toBeGreaterThan(r2);
    expect(gapColour(0, 2).fill).toBe(gapColour(null, 2).fill);
    expect(gapColour(null, 2, "dark").fill).not.toBe(gapColour(null, 2, "light").fill);
  });

  it("darkens with the size of the gap on each side, so it reads without hue", () => {
    const lum = (g: number) => {
      const [r, g2, b] = rgb(gapColour(g, 2).fill);
      return 0.2126 * r + 0.7152 * g2 + 0.0722 * b;
    };
    for (const side of [-1, 1]) {
      const steps = [0.3, 0.8, 1.4, 2].map((g) => lum(side * g));
      for (let i = 1; i < steps.length; i++) expect(steps[i]!).toBeLessThan(steps[i - 1]!);
    }
    expect(gapColour(-5, 2).fill).toBe(gapColour(-2, 2).fill);
  });

  it("keeps its number readable: text on every fill has a contrast of at least 4.5", () => {
    for (let g = -2.5; g <= 2.5; g += 0.05) {
      for (const theme of ["light", "dark"] as const) {
        const c = gapColour(g, 2, theme);
        expect(contrast(c.fill, c.text), `gap ${g} ${theme}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it("spans half the scale", () => {
    expect(gapSpan({ min: 1, max: 5 })).toBe(2);
    expect(gapSpan({ min: 0, max: 10 })).toBe(5);
    expect(gapSpan({ min: null, max: null })).toBe(2);
    expect(legendStops(2).map((s) => s.gap)).toEqual([-2, -1, 0, 1, 2]);
  });

  it("writes gaps with a sign", () => {
    expect(gapText(-1.0597)).toBe("−1.06");
    expect(gapText(0.4)).toBe("+0.4");
    expect(gapText(0)).toBe("0");
    expect(gapText(null)).toBe("–");
  });
});

describe("the overlay", () => {
  const overlay = boardOverlay(map, report);

  it("gives each card the report's figures and marks the unobserved", () => {
    for (const t of report.touchpoints) expect(cardGap(overlay, t.touchpoint).gap).toBe(t);
    const unobserved = report.blind_spots.unobserved_touchpoints.map((t) => t.touchpoint);
    expect(unobserved.length).toBeGreaterThan(0);
    for (const id of unobserved) expect(cardGap(overlay, id).unobserved).toBe(true);
    expect(overlay.span).toBe(2);
  });

  it("puts every blind spot once in a stage: by its suggestion, else by its neighbours", () => {
    const ghosts = [...overlay.stages.values()].flatMap((s) => s.ghosts.map((g) => ({ ...g, stage: s.report.stage })));
    expect(ghosts.map((g) => g.name).sort()).toEqual(report.blind_spots.unmatched_activities.map((u) => u.name).sort());
    for (const g of ghosts) {
      const u = report.blind_spots.unmatched_activities.find((x) => x.name === g.name)!;
      if (u.suggestion) {
        expect(g.why).toBe("suggestion");
        expect(g.stage).toBe(map.touchpoints.find((t) => t.id === u.suggestion!.touchpoint)!.stage);
      } else {
        expect(g.why).not.toBe("suggestion");
      }
    }
  });

  it("counts a stage's observed touchpoints", () => {
    for (const s of report.stages) {
      const inStage = report.touchpoints.filter((t) => t.stage === s.stage);
      const seen = inStage.filter((t) => t.events > 0 || t.observations > 0).length;
      expect(overlay.stages.get(s.stage)!.observedTouchpoints).toBe(seen);
    }
  });
});

describe("the priority list", () => {
  const rows = priorityRows(report);

  it("keeps the report's rank order by default and names the stages", () => {
    expect(queryRows(rows, DEFAULT_QUERY).map((r) => r.rank)).toEqual(report.priority.map((p) => p.rank));
    expect(rows.every((r) => r.stageName !== "")).toBe(true);
  });

  it("sorts by a column, the same column again the other way", () => {
    let q = sortBy(DEFAULT_QUERY, "impact");
    expect(q.descending).toBe(true);
    const impacts = queryRows(rows, q).map((r) => r.impact!);
    expect(impacts).toEqual([...impacts].sort((a, b) => b - a));
    q = sortBy(q, "impact");
    expect(queryRows(rows, q).map((r) => r.impact!)).toEqual([...impacts].reverse());
    const titles = queryRows(rows, sortBy(DEFAULT_QUERY, "title")).map((r) => r.title);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
  });

  it("filters by stage, owner and text", () => {
    const stage = rows[0]!.stage;
    expect(queryRows(rows, { ...DEFAULT_QUERY, stage }).every((r) => r.stage === stage)).toBe(true);
    const owner = rows[0]!.owner;
    const byOwner = queryRows(rows, { ...DEFAULT_QUERY, owner });
    expect(byOwner.length).toBe(rows.filter((r) => r.owner === owner).length);
    const word = rows[0]!.title.split(" ")[0]!.toUpperCase();
    expect(queryRows(rows, { ...DEFAULT_QUERY, text: word }).map((r) => r.touchpoint)).toContain(rows[0]!.touchpoint);
    expect(queryRows(rows, { ...DEFAULT_QUERY, text: "no such words at all" })).toEqual([]);
  });

  it("turns a gap into an initiative linked to its touchpoint, inserted at the end", () => {
    const item = report.priority[0]!;
    const { id, edit } = initiativeFor(map, item, new Date(2026, 2, 15));
    expect(edit).toMatchObject({
      op: "insert",
      index: map.story.initiatives.length,
      item: { initiative: { id, start: "2026-03-15", end: "2026-06-15", touchpoints: [item.touchpoint], gaps: [item.touchpoint], priority: "high", status: "planned" } },
    });
  });
});

describe("the filter form", () => {
  it("makes the filter the backend reads", () => {
    expect(filterOf({ segment: " new ", from: "2025-01-01", to: "" })).toEqual({
      filter: { segment: "new", from: "2025-01-01T00:00:00Z", to: null },
    });
    expect(filterOf({ segment: "", from: "", to: "" })).toEqual({ filter: { segment: null, from: null, to: null } });
  });

  it("refuses a date that is not one and an empty window, saying which", () => {
    expect(filterOf({ segment: "", from: "2025-13-45", to: "" })).toEqual({ error: 'From: "2025-13-45" is not a date (YYYY-MM-DD).' });
    expect("error" in filterOf({ segment: "", from: "2025-05-01", to: "2025-05-01" })).toBe(true);
  });
});

describe("the charts", () => {
  it("draw the report's figures and list the same in their tables", () => {
    const e = emotionVsObserved(map, report);
    expect(e.table.rows.length).toBe(report.corridor.length);
    const f = stageFunnel(report);
    expect(f.table.rows.map((r) => r[1])).toEqual(report.stages.map((s) => String(s.cases)));
    const p = priorityImpact(report);
    const series = (p.option.series as { data: { value: number }[] }[])[0]!;
    expect(series.data.map((d) => d.value)).toEqual(report.priority.slice(0, 12).map((x) => x.impact));
    const c = channelMatrix(report);
    const cells = (c.option.series as { data: unknown[] }[])[0]!.data;
    expect(cells.length).toBe(report.channels.matrix.length);
    expect(rollUps(report, "departments").table.rows.length).toBe(report.departments.length);
    expect(rollUps(report, "control").table.rows.length).toBe(report.control.length);
  });

  it("highlight the corridor's steps in the variant flow", () => {
    const pairs = corridorPairs(report);
    expect(pairs.size).toBeGreaterThan(0);
    const v = variantFlow(report);
    const links = (v.option.series as { links: { lineStyle: { color: string } }[] }[])[0]!.links;
    const blue = links.filter((l) => l.lineStyle.color === "#2166ac").length;
    expect(blue).toBeGreaterThan(0);
    expect(blue).toBeLessThan(links.length);
  });
});
