import { describe, expect, it } from "vitest";
import type { JourneyMap, PresentTimer } from "../ipc";
import { fixtureMap } from "../test/fixtures";
import { applyEditTo } from "./apply";
import {
  captureEdit,
  captureLane,
  captureTag,
  minutesToSeconds,
  presentKey,
  slideOf,
  timeLeft,
  timerPhase,
  timerSpoken,
  timerText,
} from "./present";

const fresh = (): JourneyMap => structuredClone(fixtureMap);
const key = (k: string, mods: Partial<KeyboardEvent> = {}) => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe("slides", () => {
  it("shows one stage with its touchpoints, its lane cards by visible lane, and the next stage", () => {
    const map = fresh();
    const first = slideOf(map, 0)!;
    expect(first.stage.name).toBe("Awareness");
    expect([first.index, first.count]).toEqual([0, 3]);
    expect(first.touchpoints.map((t) => t.title)).toEqual(
      map.touchpoints.filter((t) => t.stage === map.stages[0]!.id).map((t) => t.title),
    );
    expect(first.next?.name).toBe("Purchase");
    // Lane cards of hidden lanes stay off the slide.
    for (const { lane, cards } of first.lanes) {
      expect(lane.hidden).toBe(false);
      expect(cards.every((c) => c.stage === first.stage.id && c.lane === lane.id)).toBe(true);
    }
    const last = slideOf(map, 2)!;
    expect(last.next).toBeNull();
    // A stage index past the end (a stage deleted while presenting) shows the last one.
    expect(slideOf(map, 9)!.stage.name).toBe(last.stage.name);
    expect(slideOf({ ...map, stages: [] }, 0)).toBeNull();
  });
});

describe("keys", () => {
  const cases: [string, Partial<KeyboardEvent>, ReturnType<typeof presentKey>][] = [
    ["ArrowRight", {}, { kind: "go", to: "next" }],
    ["PageDown", {}, { kind: "go", to: "next" }],
    [" ", {}, { kind: "go", to: "next" }],
    ["ArrowLeft", {}, { kind: "go", to: "previous" }],
    ["PageUp", {}, { kind: "go", to: "previous" }],
    ["Home", {}, { kind: "go", to: "first" }],
    ["End", {}, { kind: "go", to: "last" }],
    ["ArrowDown", {}, { kind: "spotlight", to: "next" }],
    ["ArrowUp", {}, { kind: "spotlight", to: "previous" }],
    ["Tab", {}, { kind: "spotlight", to: "next" }],
    ["Tab", { shiftKey: true }, { kind: "spotlight", to: "previous" }],
    ["d", {}, { kind: "details" }],
    ["D", { shiftKey: true }, { kind: "details" }],
    ["f", {}, { kind: "fullscreen" }],
    ["p", {}, { kind: "presenter" }],
    ["b", {}, { kind: "blank" }],
    ["B", { shiftKey: true }, { kind: "blank" }],
    [".", {}, { kind: "blank" }],
    ["z", { ctrlKey: true }, { kind: "undo" }],
    ["z", { metaKey: true }, { kind: "undo" }],
    ["z", { ctrlKey: true, shiftKey: true }, null],
    ["Escape", {}, { kind: "leave" }],
    ["ArrowRight", { altKey: true }, null],
    ["x", {}, null],
  ];
  it.each(cases)("%s %o", (k, mods, expected) => {
    expect(presentKey(key(k, mods), false, true)).toEqual(expected);
  });

  it("leaves Tab to the focus in the presenter view, and every key but Escape to text fields", () => {
    expect(presentKey(key("Tab"), false, false)).toBeNull();
    for (const k of ["ArrowRight", " ", "d", "b", ".", "PageDown"]) expect(presentKey(key(k), true, true)).toBeNull();
    expect(presentKey(key("Escape"), true, true)).toEqual({ kind: "leave" });
  });
});

describe("the timer", () => {
  const T0 = 1_800_000_000_000;
  const stopped = (remaining: number, duration = 300_000): PresentTimer => ({
    duration_ms: duration,
    deadline_ms: null,
    remaining_ms: remaining,
  });
  const running = (deadline: number): PresentTimer => ({ duration_ms: 300_000, deadline_ms: deadline, remaining_ms: 300_000 });

  it("computes the time left from the deadline, so every window agrees", () => {
    expect(timeLeft(running(T0 + 90_000), T0)).toBe(90_000);
    expect(timeLeft(running(T0 + 90_000), T0 + 100_000)).toBe(0);
    expect(timeLeft(stopped(42_000), T0 + 1e9)).toBe(42_000);
  });

  it("knows its phase", () => {
    expect(timerPhase(stopped(300_000), T0)).toBe("ready");
    expect(timerPhase(stopped(10_000), T0)).toBe("paused");
    expect(timerPhase(running(T0 + 1), T0)).toBe("running");
    expect(timerPhase(running(T0), T0)).toBe("up");
    expect(timerPhase(stopped(0), T0)).toBe("up");
  });

  it("writes the time left in whole seconds, rounded up", () => {
    const cases: [number, string, string][] = [
      [300_000, "5:00", "5 minutes"],
      [299_001, "5:00", "5 minutes"],
      [299_000, "4:59", "4 minutes 59 seconds"],
      [61_000, "1:01", "1 minute 1 second"],
      [500, "0:01", "1 second"],
      [0, "0:00", "0 seconds"],
      [3_723_000, "1:02:03", "62 minutes 3 seconds"],
      [-5, "0:00", "0 seconds"],
    ];
    for (const [ms, text, spoken] of cases) {
      expect([timerText(ms), timerSpoken(ms)]).toEqual([text, spoken]);
    }
  });

  it("reads minutes as the facilitator types them", () => {
    expect(minutesToSeconds("5")).toBe(300);
    expect(minutesToSeconds(" 1,5 ")).toBe(90);
    expect(minutesToSeconds("0.25")).toBe(15);
    for (const bad of ["", "0", "-3", "five", "Infinity"]) expect(minutesToSeconds(bad)).toBeNull();
  });
});

describe("captures", () => {
  it("go to the map's lane of their kind, preferring a visible one", () => {
    const map = fresh();
    expect(captureLane(map, "pain_point")).toEqual({ lane: map.lanes.find((l) => l.kind === "pain_points"), create: false });
    const hiddenOnly = { lanes: [{ id: "h", kind: "opportunities" as const, title: "Opportunities", hidden: true }] };
    expect(captureLane(hiddenOnly, "opportunity")).toEqual({ lane: hiddenOnly.lanes[0], create: false });
    const ideas = { lanes: [{ id: "i", kind: "custom" as const, title: " ideas ", hidden: false }] };
    expect(captureLane(ideas, "idea").lane.id).toBe("i");
    // None yet: a new lane, titled for its kind.
    const made = captureLane(map, "question");
    expect(made.create).toBe(true);
    expect(made.lane).toMatchObject({ kind: "custom", title: "Questions", hidden: false });
    expect(captureLane(map, "opportunity").lane).toMatchObject({ kind: "opportunities", title: "Opportunities" });
  });

  it("land at the end of the stage's cell as one edit, undone by its inverse", () => {
    const map = fresh();
    const stage = map.stages[1]!.id;
    const pains = map.lanes.find((l) => l.kind === "pain_points")!;
    const before = structuredClone(map);
    const made = captureEdit(map, stage, "pain_point", "  Checkout asks for the card twice ", captureTag("Table 4", "table_group"))!;
    expect(made.created).toBe(false);
    const inverse = applyEditTo(map, made.edit);
    const cell = map.lane_cards.filter((c) => c.stage === stage && c.lane === pains.id);
    expect(cell.at(-1)).toEqual({
      id: made.card.id,
      lane: pains.id,
      stage,
      text: "Checkout asks for the card twice",
      notes: "",
      tag: { table_group: "Table 4" },
    });
    applyEditTo(map, inverse);
    expect(map).toEqual(before);
  });

  it("add the lane first when the map has none for the kind, in the same edit", () => {
    const map = fresh();
    const stage = map.stages[0]!.id;
    const made = captureEdit(map, stage, "idea", "A patio planner on the store's screens", captureTag("Ana", "participant"))!;
    expect(made.created).toBe(true);
    expect(made.edit.op).toBe("batch");
    const inverse = applyEditTo(map, made.edit);
    expect(map.lanes.at(-1)).toMatchObject({ kind: "custom", title: "Ideas" });
    expect(map.lane_cards.find((c) => c.id === made.card.id)).toMatchObject({ lane: made.lane.id, tag: { participant: "Ana" } });
    applyEditTo(map, inverse);
    expect(map.lanes.some((l) => l.title === "Ideas")).toBe(false);
  });

  it("refuse blank text; a blank tag is none", () => {
    expect(captureEdit(fresh(), fixtureMap.stages[0]!.id, "idea", "   ", null)).toBeNull();
    expect(captureTag("  ", "participant")).toBeNull();
    expect(captureTag(" Table 1 ", "table_group")).toEqual({ table_group: "Table 1" });
  });
});
