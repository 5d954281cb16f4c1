import { describe, expect, it } from "vitest";
import { countText, dateTimeText, durationText, scoreText } from "./format";

describe("durationText", () => {
  it.each([
    { secs: null, expected: "" },
    { secs: undefined, expected: "" },
    { secs: -5, expected: "" },
    { secs: Number.NaN, expected: "" },
    { secs: 0, expected: "0 s" },
    { secs: 45, expected: "45 s" },
    { secs: 90, expected: "1 min 30 s" },
    { secs: 120, expected: "2 min" },
    { secs: 900, expected: "15 min" },
    { secs: 3_600, expected: "1 h" },
    { secs: 5_400, expected: "1 h 30 min" },
    { secs: 7_205, expected: "2 h" },
    { secs: 86_400, expected: "1 d" },
    { secs: 172_800, expected: "2 d" },
    { secs: 183_600, expected: "2 d 3 h" },
    { secs: 86_400 + 60, expected: "1 d" },
    { secs: 5_184_000, expected: "60 d" },
  ])("$secs s -> '$expected'", ({ secs, expected }) => {
    expect(durationText(secs)).toBe(expected);
  });
});

describe("dateTimeText", () => {
  it("writes a readable date and time in the given locale and zone", () => {
    expect(dateTimeText("2026-11-12T16:05:00Z", "en-GB", "UTC")).toBe("12 Nov 2026, 16:05");
    // ICU versions differ on the space before AM (U+0020 or U+202F).
    expect(dateTimeText("2026-11-12T16:05:00Z", "en-US", "America/New_York")).toMatch(/^Nov 12, 2026, 11:05\sAM$/);
  });

  it("gives back text it cannot read as a date", () => {
    expect(dateTimeText("not a date")).toBe("not a date");
  });
});

describe("scoreText and countText", () => {
  it.each([
    [4, "4"],
    [4.5, "4.5"],
    [4.25, "4.25"],
    [3.3333, "3.33"],
    [-2, "-2"],
  ])("score %s -> %s", (score, expected) => {
    expect(scoreText(score)).toBe(expected);
  });

  it("pluralises", () => {
    expect(countText(1, "stage", "stages")).toBe("1 stage");
    expect(countText(0, "stage", "stages")).toBe("0 stages");
    expect(countText(25, "touchpoint", "touchpoints")).toBe("25 touchpoints");
  });
});
