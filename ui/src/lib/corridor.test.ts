import { describe, expect, it } from "vitest";
import { HOSTILE_TITLE, fixtureIds, fixtureMap } from "../test/fixtures";
import { applyEditTo } from "./apply";
import { boardColumns } from "./board";
import {
  MAX_EXPECTED_SECS,
  connectorPath,
  dropTarget,
  durationParts,
  insertStepEdit,
  moveStepEdit,
  numberedSteps,
  parseDuration,
  removeStepEdit,
  replaceStepEdit,
  stepLabel,
  stepNumbersByTouchpoint,
  touchpointGroups,
  type DurationUnit,
} from "./corridor";

describe("stepNumbersByTouchpoint", () => {
  it.each([
    { steps: [], expected: {} },
    { steps: ["a", "b", "c"], expected: { a: [1], b: [2], c: [3] } },
    { steps: ["a", "b", "a", "c", "a"], expected: { a: [1, 3, 5], b: [2], c: [4] } },
  ])("numbers $steps", ({ steps, expected }) => {
    const numbers = stepNumbersByTouchpoint(steps.map((touchpoint) => ({ touchpoint })));
    expect(Object.fromEntries(numbers)).toEqual(expected);
  });

  it("gives a looping touchpoint every one of its steps", () => {
    const numbers = stepNumbersByTouchpoint(fixtureMap.corridor.steps);
    expect(numbers.get(fixtureIds.page)).toEqual([2, 4]);
    expect(numbers.get(fixtureIds.call)).toBeUndefined();
  });
});

describe("stepLabel", () => {
  it.each([
    { numbers: [], expected: "" },
    { numbers: [3], expected: "Step 3" },
    { numbers: [3, 9], expected: "Steps 3, 9" },
    { numbers: [1, 4, 12], expected: "Steps 1, 4, 12" },
  ])("$numbers -> '$expected'", ({ numbers, expected }) => {
    expect(stepLabel(numbers)).toBe(expected);
  });
});

describe("numberedSteps", () => {
  it("numbers the corridor from 1 and finds each touchpoint", () => {
    const steps = numberedSteps(fixtureMap);
    expect(steps.map((s) => [s.number, s.touchpoint?.title, s.step.optional])).toEqual([
      [1, "Spring campaign", true],
      [2, "Product page", false],
      [3, "Checkout", false],
      [4, "Product page", false],
    ]);
  });

  it("leaves the touchpoint undefined when the step names a missing one", () => {
    const steps = numberedSteps({
      touchpoints: [],
      corridor: { steps: [{ id: "s", touchpoint: "gone", optional: false, expected_secs_from_previous: null }] },
    });
    expect(steps[0]?.touchpoint).toBeUndefined();
  });
});

describe("editing the corridor", () => {
  const steps = fixtureMap.corridor.steps;

  it("inserts a whole new step at a position, or refuses one outside the corridor", () => {
    const edit = insertStepEdit(steps, 2, fixtureIds.call, "new-step");
    expect(edit).toEqual({
      op: "insert",
      index: 2,
      item: { corridor_step: { id: "new-step", touchpoint: fixtureIds.call, optional: false, expected_secs_from_previous: null } },
    });
    const map = structuredClone(fixtureMap);
    applyEditTo(map, edit);
    expect(map.corridor.steps.map((s) => s.touchpoint)).toEqual([
      fixtureIds.ad,
      fixtureIds.page,
      fixtureIds.call,
      fixtureIds.checkout,
      fixtureIds.page,
    ]);
    expect(insertStepEdit(steps, steps.length, fixtureIds.call, "x")).toMatchObject({ index: 4 });
    expect(() => insertStepEdit(steps, 5, fixtureIds.call, "x")).toThrow(/position 5 is outside the corridor, which has 4 steps/);
    expect(() => insertStepEdit(steps, -1, fixtureIds.call, "x")).toThrow(RangeError);
  });

  it("replaces a step whole with only the given fields changed", () => {
    const step = steps[1]!;
    expect(replaceStepEdit(step, { optional: true })).toEqual({
      op: "replace",
      item: { corridor_step: { ...step, optional: true } },
    });
    expect(replaceStepEdit(step, { expected_secs_from_previous: null })).toEqual({
      op: "replace",
      item: { corridor_step: { ...step, expected_secs_from_previous: null } },
    });
    expect(replaceStepEdit(step, { expected_secs_from_previous: 60 })).toMatchObject({
      item: { corridor_step: { expected_secs_from_previous: 60, optional: false } },
    });
  });

  it("removes a step by id", () => {
    expect(removeStepEdit(steps[0]!)).toEqual({ op: "remove", kind: "corridor_step", id: steps[0]!.id });
  });

  it.each([
    { from: 0, to: 2, order: [2, 3, 1, 4] },
    { from: 3, to: 0, order: [4, 1, 2, 3] },
    { from: 1, to: 2, order: [1, 3, 2, 4] },
  ])("moves step $from to $to as Edit::Move counts", ({ from, to, order }) => {
    const map = structuredClone(fixtureMap);
    const edit = moveStepEdit(map.corridor.steps, from, to);
    expect(edit).toEqual({ op: "move", kind: "corridor_step", id: steps[from]!.id, to });
    applyEditTo(map, edit!);
    expect(map.corridor.steps.map((s) => steps.indexOf(steps.find((x) => x.id === s.id)!) + 1)).toEqual(order);
  });

  it("makes no move to the same place or outside the corridor", () => {
    expect(moveStepEdit(steps, 1, 1)).toBeNull();
    expect(moveStepEdit(steps, 0, 4)).toBeNull();
    expect(moveStepEdit(steps, 0, -1)).toBeNull();
    expect(moveStepEdit(steps, 9, 0)).toBeNull();
  });

  it.each([
    { from: 0, gap: 0, to: 0 },
    { from: 0, gap: 1, to: 0 },
    { from: 0, gap: 2, to: 1 },
    { from: 0, gap: 4, to: 3 },
    { from: 3, gap: 0, to: 0 },
    { from: 2, gap: 2, to: 2 },
    { from: 2, gap: 3, to: 2 },
  ])("a step dragged from $from into gap $gap lands at $to", ({ from, gap, to }) => {
    expect(dropTarget(from, gap)).toBe(to);
  });
});

describe("expected time", () => {
  it.each([
    { secs: null, amount: "", unit: "min" },
    { secs: 0, amount: "0", unit: "min" },
    { secs: 45, amount: "45", unit: "s" },
    { secs: 900, amount: "15", unit: "min" },
    { secs: 5_400, amount: "90", unit: "min" },
    { secs: 7_200, amount: "2", unit: "h" },
    { secs: 172_800, amount: "2", unit: "d" },
  ])("shows $secs s as $amount $unit", ({ secs, amount, unit }) => {
    expect(durationParts(secs)).toEqual({ amount, unit });
  });

  it.each([
    { amount: "", unit: "h", secs: null },
    { amount: "  ", unit: "d", secs: null },
    { amount: "15", unit: "min", secs: 900 },
    { amount: "1.5", unit: "h", secs: 5_400 },
    { amount: "1,5", unit: "h", secs: 5_400 },
    { amount: "0", unit: "d", secs: 0 },
    { amount: " 2 ", unit: "d", secs: 172_800 },
    { amount: "49710", unit: "d", secs: 4_294_944_000 },
    { amount: "4294967295", unit: "s", secs: MAX_EXPECTED_SECS },
  ])("reads '$amount' $unit", ({ amount, unit, secs }) => {
    expect(parseDuration(amount, unit as DurationUnit)).toEqual({ ok: true, secs });
  });

  it("refuses a time longer than a step can hold", () => {
    expect(parseDuration("49711", "d")).toEqual({ ok: false, error: "49711 days is too long: at most 49,710 days." });
    expect(parseDuration("4294967296", "s")).toEqual({ ok: false, error: "4294967296 seconds is too long: at most 49,710 days." });
  });

  it.each([
    { amount: "-5", error: "“-5” is not a number: type a whole or decimal number, like 15 or 1.5." },
    { amount: "abc", error: "“abc” is not a number: type a whole or decimal number, like 15 or 1.5." },
    { amount: "1e3", error: "“1e3” is not a number: type a whole or decimal number, like 15 or 1.5." },
  ])("refuses '$amount'", ({ amount, error }) => {
    expect(parseDuration(amount, "min")).toEqual({ ok: false, error });
  });

  it("refuses a fraction of a second", () => {
    expect(parseDuration("1.5", "s")).toEqual({ ok: false, error: "1.5 seconds is not a whole number of seconds." });
    expect(parseDuration("0.01", "min")).toEqual({ ok: false, error: "0.01 minutes is not a whole number of seconds." });
  });
});

describe("touchpointGroups", () => {
  it("groups the touchpoints by board column and leaves empty columns out", () => {
    const groups = touchpointGroups(boardColumns({ ...fixtureMap, stages: [...fixtureMap.stages, { id: "s4", name: "Empty", description: "" }] }));
    expect(groups.map((g) => [g.stage, g.touchpoints.map((t) => t.title)])).toEqual([
      ["Awareness", ["Spring campaign"]],
      ["Purchase", ["Product page", "Checkout"]],
      ["Use", ["Set-up call", HOSTILE_TITLE]],
    ]);
  });
});

describe("connectorPath", () => {
  const box = (left: number, top: number, width = 100, height = 60) => ({ left, top, width, height });

  it("joins a card to one in a column to its right, side to side", () => {
    const c = connectorPath(box(0, 0), box(200, 100));
    expect(c.d).toBe("M100 30 C150 30 150 130 200 130");
    expect(c.mid).toEqual({ x: 150, y: 80 });
  });

  it("joins a card to one in a column to its left, from its left side", () => {
    const c = connectorPath(box(300, 0), box(0, 0));
    expect(c.d).toBe("M300 30 C200 30 200 30 100 30");
  });

  it("joins a card to the one below it in the same column, bottom to top", () => {
    const c = connectorPath(box(0, 0), box(0, 100));
    expect(c.d).toBe("M50 60 C50 80 50 80 50 100");
  });

  it("goes round the right side to a card above in the same column", () => {
    const c = connectorPath(box(0, 100), box(0, 0));
    expect(c.d.startsWith("M100 130 C")).toBe(true);
    expect(c.d.endsWith(" 100 30")).toBe(true);
    expect(c.mid.x).toBeGreaterThan(100);
  });

  it("draws a loop for a step back to the same card", () => {
    const a = box(0, 0);
    const c = connectorPath(a, { ...a });
    expect(c.d).toBe("M100 22 C128 6 128 54 100 38");
  });
});
