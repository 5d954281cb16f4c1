import { describe, expect, it } from "vitest";
import { fixtureIds, fixtureMap } from "../test/fixtures";
import { numberedSteps, stepLabel, stepNumbersByTouchpoint } from "./corridor";

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
