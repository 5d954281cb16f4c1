import { describe, expect, it } from "vitest";
import { fixtureIds, fixtureMap } from "../test/fixtures";
import { UNPLACED_COLUMN_ID, boardColumns, boardRows, personaName } from "./board";

describe("boardRows", () => {
  it("follows the lane order and leaves hidden lanes out", () => {
    expect(boardRows(fixtureMap).map((r) => [r.kind, r.title])).toEqual([
      ["lane", "Customer actions"],
      ["touchpoints", "Touchpoints"],
      ["lane", "Pain points"],
    ]);
  });

  it("puts the touchpoints first when the map has no touchpoints lane", () => {
    expect(boardRows({ lanes: [] }).map((r) => r.kind)).toEqual(["touchpoints"]);
  });
});

describe("boardColumns", () => {
  it("puts touchpoints and lane cards under their stage in board order", () => {
    const columns = boardColumns(fixtureMap);
    expect(columns.map((c) => [c.name, c.touchpoints.map((t) => t.title)])).toEqual([
      ["Awareness", ["Spring campaign"]],
      ["Purchase", ["Product page", "Checkout"]],
      ["Use", ["Set-up call", "<img src=x onerror=alert(1)>"]],
    ]);
    expect(columns[1]?.cards.get(fixtureIds.lanePains)?.map((c) => c.text)).toEqual(["Unsure about the size"]);
  });

  it("gathers touchpoints of a missing stage in a column of their own", () => {
    const columns = boardColumns({
      ...fixtureMap,
      touchpoints: [{ ...fixtureMap.touchpoints[0]!, stage: "gone" }],
    });
    expect(columns.at(-1)).toMatchObject({ id: UNPLACED_COLUMN_ID, unplaced: true });
    expect(columns.at(-1)?.touchpoints).toHaveLength(1);
  });
});

describe("personaName", () => {
  it("names the chosen persona, or nobody", () => {
    expect(personaName(fixtureMap)).toBe("Maya");
    expect(personaName({ ...fixtureMap, persona: null })).toBeNull();
    expect(personaName({ ...fixtureMap, persona: "unknown" })).toBeNull();
  });
});
