import { describe, expect, it } from "vitest";
import type { Edit, JourneyMap } from "../ipc";
import cases from "../test/edit-cases.json";
import { fixtureMap } from "../test/fixtures";
import { EditApplyError, applyEditTo } from "./apply";

type Chain = { before: JourneyMap; steps: { edit: Edit; inverse: Edit }[]; after: JourneyMap; failing: Edit };
const chains = (cases as unknown as { chains: Chain[] }).chains;
const copy = <T>(value: T): T => structuredClone(value);

describe("applyEditTo reproduces Edit::apply (cases written by crates/core)", () => {
  it("has cases to replay", () => {
    expect(chains.length).toBeGreaterThan(0);
    expect(chains.every((c) => c.steps.length > 0)).toBe(true);
  });

  chains.forEach((chain, n) => {
    it(`chain ${n}: every edit lands where Rust put it, with the same inverse`, () => {
      const map = copy(chain.before);
      for (const step of chain.steps) {
        expect(applyEditTo(map, copy(step.edit))).toEqual(step.inverse);
      }
      expect(map).toEqual(chain.after);
    });

    it(`chain ${n}: undoing every step in reverse gives the map back`, () => {
      const map = copy(chain.after);
      for (const step of [...chain.steps].reverse()) applyEditTo(map, copy(step.inverse));
      expect(map).toEqual(chain.before);
    });

    it(`chain ${n}: a failing batch throws and changes nothing`, () => {
      const map = copy(chain.after);
      expect(() => applyEditTo(map, copy(chain.failing))).toThrow(EditApplyError);
      expect(map).toEqual(chain.after);
    });
  });
});

describe("applyEditTo errors", () => {
  it("refuses a duplicate id, a position past the end and an unknown id", () => {
    const map = copy(fixtureMap);
    const stage = copy(map.stages[0]);
    if (!stage) throw new Error("the fixture has stages");
    expect(() => applyEditTo(map, { op: "insert", index: 0, item: { stage } })).toThrow(/already on this map/);
    const fresh = { ...stage, id: "00000000-0000-4000-8000-0000000000ff" };
    expect(() => applyEditTo(map, { op: "insert", index: 99, item: { stage: fresh } })).toThrow(/outside the stage list/);
    expect(() => applyEditTo(map, { op: "remove", kind: "stage", id: fresh.id })).toThrow(/no stage with id/);
    expect(() => applyEditTo(map, { op: "move", kind: "stage", id: stage.id, to: map.stages.length })).toThrow(
      /outside the stage list/,
    );
    expect(map).toEqual(fixtureMap);
  });
});
