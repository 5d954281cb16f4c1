// The charts of the Gaps view as data: for each, the ECharts option and the same figures as a
// table (the text alternative). Only what the charts need is registered with ECharts (line, bar,
// sankey, heatmap; SVG renderer), so the bundle carries no more of it than that.

import type { GapReport, JourneyMap } from "../ipc";
import { channelText, controlText, fixedText, gapColour, ownerText, gapText, meanText, shareText } from "./gap";

/** The colours a chart takes from the app's theme (CSS variables). */
export interface Palette {
  text: string;
  muted: string;
  border: string;
  surface: string;
  accent: string;
  theme: "light" | "dark";
}

export const LIGHT: Palette = {
  text: "#17232e",
  muted: "#566575",
  border: "#d8dee6",
  surface: "#ffffff",
  accent: "#1b4d6e",
  theme: "light",
};

/** A table for people who cannot see the chart: a caption, headers, rows of text. */
export interface ChartTable {
  caption: string;
  head: string[];
  rows: string[][];
}

export interface ChartSpec {
  /** The chart's accessible name. */
  label: string;
  // ECharts' option type is large; the builders below are checked by the tests instead.
  option: Record<string, unknown>;
  table: ChartTable;
  /** Height in px. */
  height: number;
}

const BLUE = "#2166ac";
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';
const ORANGE = "#e08214";
const base = (p: Palette) => ({
  animation: false,
  // A named font: ECharts measures text for layout, and "inherit" measures wrong.
  textStyle: { color: p.text, fontFamily: FONT },
  tooltip: { trigger: "item", confine: true },
});
const axis = (p: Palette) => ({
  axisLine: { lineStyle: { color: p.border } },
  axisLabel: { color: p.muted },
  splitLine: { lineStyle: { color: p.border } },
});
const short = (s: string, n = 22) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Designed emotion (−2 to 2) against the observed mean score, along the corridor's steps. */
export function emotionVsObserved(map: JourneyMap, report: GapReport, p: Palette = LIGHT): ChartSpec {
  const byId = new Map(map.touchpoints.map((t) => [t.id, t]));
  const gaps = new Map(report.touchpoints.map((t) => [t.touchpoint, t]));
  const steps = report.corridor.map((s, i) => ({
    label: `${i + 1}. ${s.title}`,
    emotion: byId.get(s.touchpoint)?.designed_emotion ?? null,
    mean: gaps.get(s.touchpoint)?.mean ?? null,
    target: gaps.get(s.touchpoint)?.target ?? null,
  }));
  const scale = report.score_scale;
  return {
    label: "Designed emotion against observed score along the corridor",
    height: 300,
    option: {
      ...base(p),
      tooltip: { trigger: "axis", confine: true },
      legend: { top: 0, itemGap: 18, textStyle: { color: p.text, fontFamily: FONT } },
      // Room on the left for the first step's slanted label (ECharts' containLabel leaves it cut).
      grid: { left: 96, right: 48, top: 44, bottom: 8, containLabel: true },
      xAxis: {
        type: "category",
        data: steps.map((s) => s.label),
        ...axis(p),
        axisLabel: { color: p.muted, rotate: 30, formatter: (v: string) => short(v, 18) },
      },
      yAxis: [
        { type: "value", name: "Emotion", min: -2, max: 2, ...axis(p), nameTextStyle: { color: p.muted } },
        {
          type: "value",
          name: "Score",
          min: scale.min ?? undefined,
          max: scale.max ?? undefined,
          ...axis(p),
          splitLine: { show: false },
          nameTextStyle: { color: p.muted },
        },
      ],
      series: [
        {
          name: "Designed emotion",
          type: "line",
          data: steps.map((s) => s.emotion),
          lineStyle: { color: p.muted, type: "dashed", width: 2 },
          itemStyle: { color: p.muted },
          symbol: "diamond",
          symbolSize: 8,
          connectNulls: true,
        },
        {
          name: "Observed score",
          type: "line",
          yAxisIndex: 1,
          data: steps.map((s) => s.mean),
          lineStyle: { color: BLUE, width: 3 },
          itemStyle: { color: BLUE },
          symbolSize: 8,
          connectNulls: false,
        },
        {
          name: "Target",
          type: "line",
          yAxisIndex: 1,
          data: steps.map((s) => s.target),
          lineStyle: { color: ORANGE, type: "dotted", width: 2 },
          itemStyle: { color: ORANGE },
          symbol: "rect",
          symbolSize: 6,
        },
      ],
    },
    table: {
      caption: "Designed emotion, observed mean score and target per corridor step",
      head: ["Step", "Designed emotion", "Observed score", "Target"],
      rows: steps.map((s) => [s.label, meanText(s.emotion), meanText(s.mean), meanText(s.target)]),
    },
  };
}

/** Cases reaching each stage, and how many of them stop there. */
export function stageFunnel(report: GapReport, p: Palette = LIGHT): ChartSpec {
  const stages = report.stages;
  return {
    label: "Stage funnel: cases reaching each stage and dropping off there",
    height: 260,
    option: {
      ...base(p),
      tooltip: { trigger: "axis", confine: true },
      legend: { top: 0, itemGap: 18, textStyle: { color: p.text, fontFamily: FONT } },
      grid: { left: 56, right: 24, top: 36, bottom: 40 },
      xAxis: { type: "category", data: stages.map((s) => s.name), ...axis(p) },
      yAxis: { type: "value", name: "Cases", ...axis(p), nameTextStyle: { color: p.muted } },
      series: [
        {
          name: "Continue",
          type: "bar",
          stack: "cases",
          data: stages.map((s) => s.cases - (s.drop_off ?? 0)),
          itemStyle: { color: BLUE },
        },
        {
          name: "Drop off here",
          type: "bar",
          stack: "cases",
          data: stages.map((s) => s.drop_off ?? 0),
          itemStyle: { color: ORANGE },
          label: {
            show: true,
            position: "top",
            color: p.text,
            formatter: (x: { dataIndex: number }) => {
              const s = stages[x.dataIndex];
              return s && s.drop_off_share !== null ? `−${shareText(s.drop_off_share)}` : "";
            },
          },
        },
      ],
    },
    table: {
      caption: "Cases per stage, reach and drop-off",
      head: ["Stage", "Cases", "Reach", "Drop-off", "Drop-off share"],
      rows: stages.map((s) => [
        s.name,
        String(s.cases),
        shareText(s.reach),
        s.drop_off === null ? "–" : String(s.drop_off),
        shareText(s.drop_off_share),
      ]),
    },
  };
}

/** The priority list's impact, largest first, coloured by gap. */
export function priorityImpact(report: GapReport, p: Palette = LIGHT, limit = 12): ChartSpec {
  const items = report.priority.slice(0, limit);
  const span = report.score_scale.min !== null && report.score_scale.max !== null ? (report.score_scale.max - report.score_scale.min) / 2 : 2;
  return {
    label: "Priority list: impact of each negative gap",
    height: Math.max(160, 36 + items.length * 28),
    option: {
      ...base(p),
      grid: { left: 16, right: 56, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", name: "Impact", ...axis(p), nameTextStyle: { color: p.muted } },
      yAxis: {
        type: "category",
        inverse: true,
        data: items.map((i) => `${i.rank}. ${i.title}`),
        ...axis(p),
        axisLabel: { color: p.text, formatter: (v: string) => short(v, 30) },
      },
      series: [
        {
          name: "Impact",
          type: "bar",
          data: items.map((i) => ({ value: i.impact, itemStyle: { color: gapColour(i.gap, span).fill } })),
          label: { show: true, position: "right", color: p.text, formatter: (x: { value: number | null }) => fixedText(x.value) },
        },
      ],
    },
    table: {
      caption: "Negative gaps by impact (|gap| × reach × weight)",
      head: ["Rank", "Touchpoint", "Gap", "Reach", "Weight", "Impact"],
      rows: items.map((i) => [String(i.rank), i.title, gapText(i.gap), shareText(i.reach), String(i.weight), fixedText(i.impact)]),
    },
  };
}

/**
 * Activity pairs that are a step of the corridor: the first matched to one step's touchpoint,
 * the second to the next step's.
 */
export function corridorPairs(report: GapReport): Set<string> {
  const byTouchpoint = new Map<string, string[]>();
  for (const a of report.activities) {
    if (!a.touchpoint) continue;
    byTouchpoint.set(a.touchpoint, [...(byTouchpoint.get(a.touchpoint) ?? []), a.activity]);
  }
  const pairs = new Set<string>();
  for (let k = 1; k < report.corridor.length; k++) {
    for (const from of byTouchpoint.get(report.corridor[k - 1]!.touchpoint) ?? []) {
      for (const to of byTouchpoint.get(report.corridor[k]!.touchpoint) ?? []) pairs.add(`${from}\u0000${to}`);
    }
  }
  return pairs;
}

/**
 * The most frequent variants as a flow: a node per activity at each position, so the graph has
 * no cycles. Links that are a step of the corridor are drawn in blue, the others grey.
 */
export function variantFlow(report: GapReport, p: Palette = LIGHT, limit = 10, depth = 6): ChartSpec {
  const variants = report.variants.slice(0, limit);
  const onCorridor = corridorPairs(report);
  const nodes = new Map<string, { name: string; label: string; depth: number }>();
  const links = new Map<string, { source: string; target: string; value: number; corridor: boolean }>();
  for (const v of variants) {
    const acts = v.activities.slice(0, depth);
    acts.forEach((a, i) => {
      const id = `${i + 1}·${a}`;
      if (!nodes.has(id)) nodes.set(id, { name: id, label: a, depth: i });
      if (i === 0) return;
      const from = `${i}·${acts[i - 1]}`;
      const key = `${from}→${id}`;
      const link = links.get(key) ?? { source: from, target: id, value: 0, corridor: onCorridor.has(`${acts[i - 1]}\u0000${a}`) };
      link.value += v.count;
      links.set(key, link);
    });
  }
  const labels = new Map([...nodes.values()].map((n) => [n.name, n.label]));
  const columns = Math.max(1, ...[...nodes.values()].map((n) => n.depth + 1));
  return {
    label: `Variants: the ${variants.length} most frequent paths, corridor steps in blue`,
    height: 380,
    option: {
      ...base(p),
      series: [
        {
          type: "sankey",
          left: 8,
          right: 110,
          top: 8,
          bottom: 8,
          nodeGap: 14,
          nodeWidth: 12,
          draggable: false,
          layoutIterations: 32,
          emphasis: { focus: "adjacency" },
          data: [...nodes.values()].map((n) => ({ name: n.name, depth: n.depth, itemStyle: { color: p.accent } })),
          links: [...links.values()].map((l) => ({
            source: l.source,
            target: l.target,
            value: l.value,
            lineStyle: { color: l.corridor ? BLUE : p.muted, opacity: l.corridor ? 0.6 : 0.22 },
          })),
          label: {
            color: p.text,
            fontSize: 11,
            fontFamily: FONT,
            width: Math.max(60, Math.floor(560 / columns) - 24),
            overflow: "truncate",
            formatter: (x: { name: string }) => labels.get(x.name) ?? x.name,
          },
        },
      ],
    },
    table: {
      caption: "The most frequent variants",
      head: ["Cases", "Share", "Outcome", "Fitness", "Activities"],
      rows: variants.map((v) => [
        String(v.count),
        shareText(v.share),
        v.outcome.replace("_", " "),
        fixedText(v.fitness),
        v.activities.join(" → "),
      ]),
    },
  };
}

/** Switches between channels from one event of a case to the next. */
export function channelMatrix(report: GapReport, p: Palette = LIGHT): ChartSpec {
  const names = report.channels.channels.map((c) => c.channel);
  const shown = names.map(channelText);
  const max = Math.max(1, ...report.channels.matrix.map((m) => m.count));
  const light = p.theme === "light" ? [240, 244, 248] : [30, 42, 54];
  const cell = (count: number) => {
    const t = count / max;
    const c = [33, 102, 172].map((v, i) => Math.round(light[i]! + (v - light[i]!) * t));
    return `rgb(${c.join(",")})`;
  };
  const data = report.channels.matrix.map((m) => ({
    value: [names.indexOf(m.to), names.indexOf(m.from), m.count],
    itemStyle: { color: cell(m.count) },
    label: { color: m.count / max > 0.5 ? "#ffffff" : p.text },
  }));
  return {
    label: "Channel switches: from the channel of one event (rows) to the channel of the next (columns)",
    height: Math.max(220, 80 + names.length * 36),
    option: {
      ...base(p),
      grid: { left: 16, right: 16, top: 16, bottom: 28, containLabel: true },
      xAxis: {
        type: "category",
        data: shown,
        name: "to channel",
        nameLocation: "middle",
        nameGap: 48,
        ...axis(p),
        axisLabel: { color: p.muted, interval: 0, rotate: 30 },
      },
      yAxis: { type: "category", data: shown, inverse: true, ...axis(p), axisLabel: { color: p.muted, interval: 0 } },
      series: [{ type: "heatmap", data, label: { show: true }, itemStyle: { borderColor: p.surface, borderWidth: 2 } }],
    },
    table: {
      caption: `Channel switches (${report.channels.switches} of ${report.channels.steps} steps, ${shareText(report.channels.switch_share)})`,
      head: ["From", "To", "Switches"],
      rows: report.channels.matrix.map((m) => [channelText(m.from), channelText(m.to), String(m.count)]),
    },
  };
}

/** Mean score against target per department or per control. */
export function rollUps(report: GapReport, which: "departments" | "control", p: Palette = LIGHT): ChartSpec {
  const groups = which === "departments" ? report.departments : report.control;
  const title = which === "departments" ? "Owner department" : "Control";
  const name = which === "departments" ? ownerText : controlText;
  return {
    label: `${title} roll-up: mean score against target`,
    height: Math.max(200, 60 + groups.length * 34),
    option: {
      ...base(p),
      tooltip: { trigger: "axis", confine: true },
      legend: { top: 0, itemGap: 18, textStyle: { color: p.text, fontFamily: FONT } },
      grid: { left: 16, right: 40, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: "value",
        min: report.score_scale.min ?? undefined,
        max: report.score_scale.max ?? undefined,
        ...axis(p),
      },
      yAxis: { type: "category", inverse: true, data: groups.map((g) => name(g.group)), ...axis(p), axisLabel: { color: p.text } },
      series: [
        { name: "Observed mean", type: "bar", data: groups.map((g) => g.mean), itemStyle: { color: BLUE } },
        { name: "Target", type: "bar", data: groups.map((g) => g.target), itemStyle: { color: ORANGE } },
      ],
    },
    table: {
      caption: `${title}: observed mean, target and impact of the negative gaps`,
      head: [title, "Touchpoints (observed)", "Mean", "Target", "Experience", "Negative gaps", "Impact"],
      rows: groups.map((g) => [
        name(g.group),
        `${g.touchpoints} (${g.observed})`,
        meanText(g.mean),
        meanText(g.target),
        g.experience === null ? "–" : g.experience.toFixed(0),
        String(g.negative_gaps),
        fixedText(g.impact),
      ]),
    },
  };
}

/** The chart colours of the theme shown now (the app's CSS variables). */
export function readPalette(): Palette {
  if (typeof document === "undefined") return LIGHT;
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const bg = v("--bg", "#f3f5f8");
  const dark = bg.startsWith("#") && bg.length === 7 && parseInt(bg.slice(1, 3), 16) < 80;
  return {
    text: v("--text", LIGHT.text),
    muted: v("--muted", LIGHT.muted),
    border: v("--border", LIGHT.border),
    surface: v("--surface", LIGHT.surface),
    accent: dark ? v("--rule", LIGHT.accent) : v("--brand", LIGHT.accent),
    theme: dark ? "dark" : "light",
  };
}
