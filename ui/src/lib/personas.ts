// Personas as the personas panel edits them: every change is an `Edit` (insert, replace or
// remove of a `persona`, and `set_persona` for the one the map is drawn for).

import type { Edit, JourneyMap, Persona } from "../ipc";

/** What the persona form holds: lists as text, one entry per line. */
export interface PersonaDraft {
  name: string;
  summary: string;
  goals: string;
  needs: string;
  ideal_customer_notes: string;
}

export function emptyDraft(): PersonaDraft {
  return { name: "", summary: "", goals: "", needs: "", ideal_customer_notes: "" };
}

export function draftOf(p: Persona): PersonaDraft {
  return {
    name: p.name,
    summary: p.summary,
    goals: p.goals.join("\n"),
    needs: p.needs.join("\n"),
    ideal_customer_notes: p.ideal_customer_notes,
  };
}

/** One entry per non-blank line, trimmed. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

/** Why the draft cannot be saved, or null. */
export function draftProblem(draft: PersonaDraft): string | null {
  return draft.name.trim() === "" ? "A persona needs a name." : null;
}

/** The persona the draft describes, whole (every field present, as the backend sends it). */
export function personaOf(id: string, draft: PersonaDraft): Persona {
  return {
    id,
    name: draft.name.trim(),
    summary: draft.summary.trim(),
    goals: linesOf(draft.goals),
    needs: linesOf(draft.needs),
    ideal_customer_notes: draft.ideal_customer_notes.trim(),
  };
}

/** A new persona at the end of the list; `choose` also makes the map for them (one edit). */
export function addPersonaEdit(map: JourneyMap, persona: Persona, choose: boolean): Edit {
  const insert: Edit = { op: "insert", index: map.personas.length, item: { persona } };
  return choose ? { op: "batch", edits: [insert, { op: "set_persona", persona: persona.id }] } : insert;
}

/**
 * The persona changed; `chosen` says whether the map is to be for them afterwards. Only what
 * changes goes into the edit: nothing at all gives null.
 */
export function updatePersonaEdit(map: JourneyMap, persona: Persona, chosen: boolean): Edit | null {
  const before = map.personas.find((p) => p.id === persona.id);
  const edits: Edit[] = [];
  if (!before || JSON.stringify(before) !== JSON.stringify(persona)) {
    edits.push({ op: "replace", item: { persona } });
  }
  const isChosen = map.persona === persona.id;
  if (chosen !== isChosen) edits.push({ op: "set_persona", persona: chosen ? persona.id : null });
  if (edits.length === 0) return null;
  return edits.length === 1 ? edits[0]! : { op: "batch", edits };
}

/**
 * Remove a persona and what points at it, as `remove_with_dependents` in crates/core/src/edit.rs
 * does: the map's choice (if it is this persona), the persona's success definitions in the
 * strategy story, then the persona. One edit, so one undo brings all of it back.
 */
export function removePersonaEdit(map: JourneyMap, id: string): Edit {
  const edits: Edit[] = [];
  if (map.persona === id) edits.push({ op: "set_persona", persona: null });
  for (const def of map.story.success_definitions) {
    if (def.persona === id) edits.push({ op: "remove", kind: "success_definition", id: def.id });
  }
  edits.push({ op: "remove", kind: "persona", id });
  return { op: "batch", edits };
}

/** How many success definitions of the strategy story belong to the persona. */
export function successDefinitionsOf(map: JourneyMap, id: string): number {
  return map.story.success_definitions.filter((d) => d.persona === id).length;
}

/** A fresh id for a new persona. */
export function newId(): string {
  return crypto.randomUUID();
}
