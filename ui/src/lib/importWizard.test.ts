import { describe, expect, it } from "vitest";
import {
  badRowText,
  confirmedAliases,
  emptyMapping,
  fraction,
  importSettings,
  initialAnswers,
  mappingProblems,
  remainingSeconds,
  remainingText,
  rowsText,
  setRole,
} from "./importWizard";
import type { ImportSettings } from "../ipc";

const settings: ImportSettings = {
  kind: "event_log",
  format: "csv",
  delimiter: ",",
  has_header: true,
  columns: null,
  date_order: "auto",
  lifecycle: "complete_only",
  strict: false,
};

describe("column mapping", () => {
  it("gives a column one role at most", () => {
    let m = setRole(emptyMapping(), "case", 0);
    m = setRole(m, "activity", 1);
    m = setRole(m, "activity", 0);
    expect(m.case).toBeNull();
    expect(m.activity).toBe(0);
    m = setRole(m, "activity", null);
    expect(m.activity).toBeNull();
  });

  it("names each missing required role and columns past the end", () => {
    const m = setRole(setRole(emptyMapping(), "case", 0), "timestamp", 4);
    const problems = mappingProblems("event_log", m, 3);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain("activity");
    expect(problems[1]).toContain("column 5, but the file has 3");
    const scores = setRole(setRole(emptyMapping(), "activity", 0), "score", 1);
    expect(mappingProblems("score_table", scores, 2)).toEqual([]);
    expect(mappingProblems("event_log", scores, 2).join(" ")).toContain("case");
  });

  it("sends only the kind's roles", () => {
    const m = { ...emptyMapping(), activity: 0, score: 1, case: 2, respondent: 3 };
    const s = importSettings({ ...settings, kind: "event_log" }, m);
    expect(s.columns).toEqual({ ...emptyMapping(), activity: 0, score: 1, case: 2 });
    expect(importSettings({ ...settings, format: "xes" }, m).columns).toBeNull();
  });
});

describe("progress", () => {
  it("reads the first half and stores the second", () => {
    expect(fraction(null)).toBe(0);
    expect(fraction({ phase: "reading", bytes: 50, total: 100, rows: 9 })).toBeCloseTo(0.25);
    expect(fraction({ phase: "storing", bytes: 100, total: 100, rows: 9 })).toBe(1);
  });

  it("estimates the time left from the pace so far", () => {
    expect(remainingSeconds(0.01, 5000)).toBeNull();
    expect(remainingSeconds(0.25, 3000)).toBeCloseTo(9);
    expect(remainingText(9)).toBe("about 9 s left");
    expect(remainingText(600)).toBe("about 10 min left");
    expect(remainingText(null)).toContain("estimating");
    expect(rowsText(1234567)).toBe("1,234,567 rows read");
  });
});

describe("errors and aliases", () => {
  it("says where a bad row is", () => {
    expect(badRowText({ line: 7, column: "timestamp", reason: "'31/02/2026' is not a date" })).toBe(
      "line 7, column timestamp: '31/02/2026' is not a date",
    );
    expect(badRowText({ line: 2, column: null, reason: "empty" })).toBe("line 2: empty");
  });

  it("starts from the suggestions and sends only the names given a touchpoint", () => {
    const answers = initialAnswers([
      { name: "add_to_cart", count: 3, cases: 2, suggestion: { touchpoint: "t1", title: "Add to cart", similarity: 0.9 } },
      { name: "Password reset", count: 1, cases: 1, suggestion: null },
    ]);
    expect(answers).toEqual({ add_to_cart: "t1", "Password reset": "" });
    answers["Password reset"] = "t2";
    answers.add_to_cart = "";
    expect(confirmedAliases(answers)).toEqual([{ activity: "Password reset", touchpoint: "t2" }]);
  });
});
