import { describe, expect, it } from "vitest";
import { fixtureSummaries } from "../test/fixtures";
import { filterMaps } from "./library";

describe("filterMaps", () => {
  it("matches part of the title, ignoring case and spaces around", () => {
    expect(filterMaps(fixtureSummaries, "  PATIO ").map((m) => m.title)).toEqual(["Patio makeover"]);
    expect(filterMaps(fixtureSummaries, "")).toHaveLength(3);
    expect(filterMaps(fixtureSummaries, "nothing like it")).toEqual([]);
  });
});
