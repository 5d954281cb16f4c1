// The corridor (the ideal path) as the board shows it: numbered steps, and the step numbers
// each touchpoint carries.

import type { CorridorStep, JourneyMap, Touchpoint } from "../ipc";

export interface NumberedStep {
  /** 1-based position in the corridor. */
  number: number;
  step: CorridorStep;
  /** Undefined when the step names a touchpoint the map does not have. */
  touchpoint: Touchpoint | undefined;
}

/** The corridor's steps in order, numbered from 1, each with its touchpoint. */
export function numberedSteps(map: Pick<JourneyMap, "corridor" | "touchpoints">): NumberedStep[] {
  const byId = new Map(map.touchpoints.map((t) => [t.id, t] as const));
  return map.corridor.steps.map((step, i) => ({
    number: i + 1,
    step,
    touchpoint: byId.get(step.touchpoint),
  }));
}

/**
 * For each touchpoint on the corridor, the numbers of its steps in ascending order. A touchpoint
 * the corridor visits twice (a loop) has two numbers.
 */
export function stepNumbersByTouchpoint(
  steps: readonly Pick<CorridorStep, "touchpoint">[],
): Map<string, number[]> {
  const out = new Map<string, number[]>();
  steps.forEach((step, i) => {
    const numbers = out.get(step.touchpoint);
    if (numbers) numbers.push(i + 1);
    else out.set(step.touchpoint, [i + 1]);
  });
  return out;
}

/** "Step 3", "Steps 3, 9", or "" for a touchpoint off the corridor. */
export function stepLabel(numbers: readonly number[]): string {
  if (numbers.length === 0) return "";
  if (numbers.length === 1) return `Step ${numbers[0]}`;
  return `Steps ${numbers.join(", ")}`;
}
