import { describe, expect, it } from "vitest";
import { fixtureIds, fixtureMap } from "../test/fixtures";
import { applyEditTo } from "./apply";
import { boardColumns } from "./board";
import {
  EMOTION_MAX,
  EMOTION_MIN,
  columnBand,
  curvePath,
  curvePiece,
  joinCurve,
  emotionEdit,
  emotionPoints,
  emotionText,
  emotionValueText,
  keyedEmotion,
  pointX,
  snapEmotion,
  valueY,
  yValue,
  type Plot,
} from "./emotion";

const withEmotions = {
  ...fixtureMap,
  touchpoints: fixtureMap.touchpoints.map((t, i) => ({ ...t, designed_emotion: [1, -0.5, null, 2, 0][i] ?? null })),
};

describe("emotionPoints", () => {
  it("lists every touchpoint in board column order with its place in its column", () => {
    const points = emotionPoints(boardColumns(withEmotions));
    expect(points.map((p) => [p.touchpoint.title, p.stage, p.column, p.slot, p.slots, p.value])).toEqual([
      ["Spring campaign", "Awareness", 0, 0, 1, 1],
      ["Product page", "Purchase", 1, 0, 2, -0.5],
      ["Checkout", "Purchase", 1, 1, 2, null],
      ["Set-up call", "Use", 2, 0, 2, 2],
      [withEmotions.touchpoints[4]!.title, "Use", 2, 1, 2, 0],
    ]);
  });

  it("follows the stage order, not the order of the touchpoint list", () => {
    const reordered = { ...withEmotions, stages: [...withEmotions.stages].reverse() };
    expect(emotionPoints(boardColumns(reordered)).map((p) => p.stage)).toEqual([
      "Use",
      "Use",
      "Purchase",
      "Purchase",
      "Awareness",
    ]);
  });
});

describe("values", () => {
  it.each([
    { value: 0.31, grid: 0.1, out: 0.3 },
    { value: 0.25, grid: 0.5, out: 0.5 },
    { value: 7, grid: 0.1, out: EMOTION_MAX },
    { value: -3.2, grid: 0.5, out: EMOTION_MIN },
    { value: 0.1 + 0.2, grid: 0.1, out: 0.3 },
  ])("snaps $value to $out on a grid of $grid", ({ value, grid, out }) => {
    expect(snapEmotion(value, grid)).toBe(out);
  });

  it.each([
    { value: 1, key: "ArrowUp", out: 1.5 },
    { value: 1.3, key: "ArrowUp", out: 1.5 },
    { value: 1.3, key: "ArrowDown", out: 1 },
    { value: 1.5, key: "ArrowDown", out: 1 },
    { value: 2, key: "ArrowUp", out: 2 },
    { value: -2, key: "ArrowDown", out: -2 },
    { value: null, key: "ArrowUp", out: 0 },
    { value: null, key: "ArrowDown", out: 0 },
    { value: 0.2, key: "PageUp", out: 1.2 },
    { value: -1.5, key: "PageDown", out: -2 },
    { value: 0.7, key: "Home", out: EMOTION_MIN },
    { value: null, key: "End", out: EMOTION_MAX },
    { value: 1, key: "ArrowLeft", out: null },
    { value: 1, key: "a", out: null },
  ])("$key from $value gives $out", ({ value, key, out }) => {
    expect(keyedEmotion(value, key)).toBe(out);
  });

  it.each([
    { value: 1.5, label: "", text: "+1.5, very positive" },
    { value: -2, label: "", text: "−2, very negative" },
    { value: 0, label: "", text: "0, neutral" },
    { value: 0.5, label: "relieved", text: "+0.5, relieved" },
    { value: null, label: "relieved", text: "not set" },
  ])("says $value ($label) as '$text'", ({ value, label, text }) => {
    expect(emotionValueText(value, label)).toBe(text);
  });

  it("writes values with a sign", () => {
    expect([1, -1.25, 0].map(emotionText)).toEqual(["+1", "−1.25", "0"]);
  });
});

describe("emotionEdit", () => {
  const page = fixtureMap.touchpoints.find((t) => t.id === fixtureIds.page)!;

  it("replaces the whole touchpoint with the new emotion, leaving the rest as it was", () => {
    const edit = emotionEdit(page, 1.5);
    expect(edit).toEqual({ op: "replace", item: { touchpoint: { ...page, designed_emotion: 1.5 } } });
    const map = structuredClone(fixtureMap);
    applyEditTo(map, edit!);
    expect(map.touchpoints.find((t) => t.id === fixtureIds.page)).toEqual({ ...page, designed_emotion: 1.5 });
  });

  it("clears the emotion, and sends nothing when the value is unchanged", () => {
    const set = { ...page, designed_emotion: 1 };
    expect(emotionEdit(set, null)).toMatchObject({ item: { touchpoint: { designed_emotion: null } } });
    expect(emotionEdit(set, 1)).toBeNull();
    expect(emotionEdit(page, null)).toBeNull();
  });

  it("keeps the value inside the range", () => {
    expect(emotionEdit(page, 9)).toMatchObject({ item: { touchpoint: { designed_emotion: EMOTION_MAX } } });
  });
});

describe("geometry", () => {
  const plot: Plot = { width: 620, height: 140, pad: 20, columns: 3, gap: 10 };

  it("splits the width into columns with gaps between them", () => {
    expect([0, 1, 2].map((c) => columnBand(plot, c))).toEqual([
      { x: 0, width: 200 },
      { x: 210, width: 200 },
      { x: 420, width: 200 },
    ]);
  });

  it("spreads the touchpoints of a column evenly across it", () => {
    expect(pointX(plot, { column: 1, slot: 0, slots: 1 })).toBe(310);
    expect(pointX(plot, { column: 1, slot: 0, slots: 2 })).toBe(260);
    expect(pointX(plot, { column: 1, slot: 1, slots: 2 })).toBe(360);
  });

  it("maps values to heights and back", () => {
    expect(valueY(plot, EMOTION_MAX)).toBe(20);
    expect(valueY(plot, EMOTION_MIN)).toBe(120);
    expect(valueY(plot, 0)).toBe(70);
    for (const v of [-2, -1.5, 0, 0.3, 2]) expect(yValue(plot, valueY(plot, v))).toBeCloseTo(v, 9);
    expect(yValue(plot, -50)).toBe(EMOTION_MAX);
    expect(yValue(plot, 500)).toBe(EMOTION_MIN);
  });

  it("draws a curve through every point with horizontal handles", () => {
    expect(curvePath([])).toBe("");
    expect(curvePath([{ x: 10, y: 20 }])).toBe("M10 20");
    expect(curvePath([{ x: 0, y: 10 }, { x: 100, y: 50 }, { x: 150, y: 30 }])).toBe(
      "M0 10 C50 10 50 50 100 50 C125 50 125 30 150 30",
    );
  });

  it("joins pieces cut anywhere into the path drawn over all their points", () => {
    // Written out again here (not through curvePiece): the path as one loop over every point.
    const whole = (points: { x: number; y: number }[]) => {
      const r = (n: number) => Number(n.toFixed(1));
      let d = "";
      points.forEach((p, i) => {
        if (i === 0) d = `M${r(p.x)} ${r(p.y)}`;
        else {
          const q = points[i - 1]!;
          const mid = (q.x + p.x) / 2;
          d += ` C${r(mid)} ${r(q.y)} ${r(mid)} ${r(p.y)} ${r(p.x)} ${r(p.y)}`;
        }
      });
      return d;
    };
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let round = 0; round < 200; round++) {
      const points = Array.from({ length: Math.floor(rand() * 12) }, (_, i) => ({ x: i * 13.37 + rand(), y: rand() * 120 }));
      const pieces = [];
      let at = 0;
      while (at < points.length || rand() < 0.3) {
        const n = Math.floor(rand() * 4);
        pieces.push(curvePiece(points.slice(at, at + n)));
        at += n;
        if (pieces.length > 40) break;
      }
      const covered = points.slice(0, Math.min(at, points.length));
      expect(joinCurve(pieces)).toBe(whole(covered));
    }
    expect(joinCurve([curvePiece([]), curvePiece([])])).toBe("");
  });
});

describe("columnBand with measured columns", () => {
  it("uses the board's measured places when there is one per column", () => {
    const bands = [
      { x: 0, width: 300 },
      { x: 320, width: 180 },
    ];
    const plot = { width: 500, height: 190, pad: 34, columns: 2, gap: 12, bands };
    expect(columnBand(plot, 1)).toEqual({ x: 320, width: 180 });
    expect(pointX(plot, { column: 1, slot: 0, slots: 2 })).toBe(320 + 45);
    // A stale measure (another number of columns) is not used.
    expect(columnBand({ ...plot, columns: 3 }, 1).x).not.toBe(320);
  });
});
