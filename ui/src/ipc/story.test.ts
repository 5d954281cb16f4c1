import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import { IpcError, storyFigures, type StoryFigures } from "./index";

afterEach(() => clearMocks());

const figures: StoryFigures = {
  totals: { cost: 50000, expected_return: 125000, net: 75000, return_ratio: 2.5 },
  uncovered_moments_of_truth: ["00000000-0000-4000-8000-000000000032"],
  discipline_coverage: [{ discipline: "design", addressed: true, source: "derived", evidence: "1 touchpoint with a target score" }],
  timeline: [{ label: "service", initiatives: [], overlaps: [] }],
};

describe("storyFigures", () => {
  it("sends the map and the grouping, and returns the figures as they come", async () => {
    const seen: unknown[] = [];
    mockIPC((cmd, args) => {
      seen.push([cmd, args]);
      return figures;
    });
    await expect(storyFigures("m-1", "stage")).resolves.toEqual(figures);
    expect(seen).toEqual([["story_figures", { id: "m-1", grouping: "stage" }]]);
  });

  it("throws an IpcError with the backend's code", async () => {
    mockIPC(() => {
      throw { code: "not_found", message: "No map with id m-2" };
    });
    const err = await storyFigures("m-2", "department").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IpcError);
    expect(err).toMatchObject({ code: "not_found", message: "No map with id m-2" });
  });
});
