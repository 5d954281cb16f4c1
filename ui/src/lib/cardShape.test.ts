import { describe, expect, it } from "vitest";
import type { LaneCard, Touchpoint } from "../ipc";
import { laneCardShape, lengthStep, touchpointShape } from "./cardShape";

const tp = (over: Partial<Touchpoint>): Touchpoint =>
  ({
    id: "t",
    title: "Checkout",
    stage: "s",
    moment_of_truth: false,
    control: "owned",
    contact: "direct",
    friction: [],
    target_score: null,
    ...over,
  }) as Touchpoint;

describe("card shapes", () => {
  it("measures a text's length in steps, from 1 to the cap", () => {
    expect(lengthStep("", 13, 7)).toBe(1);
    expect(lengthStep("   abc   ", 13, 7)).toBe(1);
    expect(lengthStep("a".repeat(13), 13, 7)).toBe(1);
    expect(lengthStep("a".repeat(14), 13, 7)).toBe(2);
    expect(lengthStep("a".repeat(500), 13, 7)).toBe(7);
  });

  it("tells touchpoint cards apart by what changes their height, and only by that", () => {
    const plain = touchpointShape(tp({}), false);
    expect(touchpointShape(tp({ id: "other", stage: "x" }), false)).toBe(plain);
    const different = [
      touchpointShape(tp({ title: "A title long enough to take a second line on the card" }), false),
      touchpointShape(tp({ target_score: 4 }), false),
      touchpointShape(tp({ moment_of_truth: true }), false),
      touchpointShape(tp({ control: "intermediary" }), false),
      touchpointShape(tp({ contact: "indirect" }), false),
      touchpointShape(tp({ friction: ["delay"] }), false),
      touchpointShape(tp({ friction: ["delay", "doubt", "confusion"] }), false),
      touchpointShape(tp({}), true),
    ];
    for (const key of different) expect(key).not.toBe(plain);
    // One row of flags whichever flags it holds.
    expect(touchpointShape(tp({ moment_of_truth: true }), false)).toBe(touchpointShape(tp({ contact: "indirect" }), false));
  });

  it("tells lane cards apart by their text's length", () => {
    const card = (text: string) => ({ id: "c", text }) as LaneCard;
    expect(laneCardShape(card("Short"))).toBe(laneCardShape(card("Brief")));
    expect(laneCardShape(card("A much longer text that wraps onto more lines"))).not.toBe(laneCardShape(card("Short")));
  });
});
