import { describe, expect, it } from "vitest";
import type { JourneyMap } from "../ipc";
import { fixtureIds, fixtureMap } from "../test/fixtures";
import { applyEditTo } from "./apply";
import {
  addPersonaEdit,
  draftOf,
  draftProblem,
  emptyDraft,
  linesOf,
  personaOf,
  removePersonaEdit,
  successDefinitionsOf,
  updatePersonaEdit,
} from "./personas";

const copy = (): JourneyMap => structuredClone(fixtureMap);
const NEW_ID = "00000000-0000-4000-8000-0000000000b2";

describe("persona drafts", () => {
  it("turn lines into lists and back, dropping blank lines and spaces around", () => {
    expect(linesOf(" Save time \n\n  Pay less\r\n ")).toEqual(["Save time", "Pay less"]);
    const draft = { ...emptyDraft(), name: "  Leo ", goals: "a\n\nb", needs: "c", summary: " s " };
    const persona = personaOf(NEW_ID, draft);
    expect(persona).toEqual({
      id: NEW_ID,
      name: "Leo",
      summary: "s",
      goals: ["a", "b"],
      needs: ["c"],
      ideal_customer_notes: "",
    });
    expect(draftOf(persona)).toEqual({ name: "Leo", summary: "s", goals: "a\nb", needs: "c", ideal_customer_notes: "" });
  });

  it("need a name", () => {
    expect(draftProblem({ ...emptyDraft(), name: "   " })).toBe("A persona needs a name.");
    expect(draftProblem({ ...emptyDraft(), name: "Leo" })).toBeNull();
  });
});

describe("persona edits", () => {
  it("add at the end, and choose the new persona in the same edit when asked", () => {
    const map = copy();
    const leo = personaOf(NEW_ID, { ...emptyDraft(), name: "Leo" });
    expect(addPersonaEdit(map, leo, false)).toEqual({ op: "insert", index: 1, item: { persona: leo } });
    const edit = addPersonaEdit(map, leo, true);
    const inverse = applyEditTo(map, edit);
    expect(map.personas.map((p) => p.name)).toEqual(["Maya", "Leo"]);
    expect(map.persona).toBe(NEW_ID);
    // One edit: one undo takes both back.
    applyEditTo(map, inverse);
    expect(map).toEqual(fixtureMap);
  });

  it("send only what changed", () => {
    const map = copy();
    const maya = map.personas[0]!;
    expect(updatePersonaEdit(map, { ...maya }, true)).toBeNull();
    expect(updatePersonaEdit(map, { ...maya }, false)).toEqual({ op: "set_persona", persona: null });
    const renamed = { ...maya, name: "Maya R." };
    expect(updatePersonaEdit(map, renamed, true)).toEqual({ op: "replace", item: { persona: renamed } });
    const both = updatePersonaEdit(map, renamed, false)!;
    applyEditTo(map, both);
    expect(map.personas[0]!.name).toBe("Maya R.");
    expect(map.persona).toBeNull();
  });

  it("remove a persona with the map's choice and its success definitions, in one edit", () => {
    const map = copy();
    const other = "00000000-0000-4000-8000-0000000000c1";
    map.personas.push({ id: other, name: "Omar", summary: "", goals: [], needs: [], ideal_customer_notes: "" });
    map.story.success_definitions = [
      { id: "00000000-0000-4000-8000-0000000000d1", persona: fixtureIds.persona, goals: ["x"], metrics: [] },
      { id: "00000000-0000-4000-8000-0000000000d2", persona: other, goals: [], metrics: [] },
    ];
    const before = structuredClone(map);
    expect(successDefinitionsOf(map, fixtureIds.persona)).toBe(1);
    const inverse = applyEditTo(map, removePersonaEdit(map, fixtureIds.persona));
    expect(map.persona).toBeNull();
    expect(map.personas.map((p) => p.name)).toEqual(["Omar"]);
    expect(map.story.success_definitions.map((d) => d.persona)).toEqual([other]);
    applyEditTo(map, inverse);
    expect(map).toEqual(before);
  });

  it("remove a persona the map is not for without touching the choice", () => {
    const map = copy();
    map.persona = null;
    expect(removePersonaEdit(map, fixtureIds.persona)).toEqual({
      op: "batch",
      edits: [{ op: "remove", kind: "persona", id: fixtureIds.persona }],
    });
  });
});
