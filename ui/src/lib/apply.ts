// The UI's copy of `Edit::apply` (crates/core/src/edit.rs): once the backend has accepted an edit
// (durable, revision n+1), the UI applies the same edit to the map it holds instead of fetching
// the whole map again. The backend stays the only source of truth: a revision that does not
// follow on, an undo or a redo makes the UI fetch the map (see docs/architecture.md).
//
// It must behave exactly as the Rust code: same positions, same errors, all-or-none batches.
// Items are applied as given, so the UI builds them whole (the `_Serialize` shape), never relying
// on the backend's defaults. The Playwright mock of the backend (ui/e2e/) runs this file too.

import type { Edit, Item, ItemKind, JourneyMap } from "../ipc";

/** Why an edit could not be applied; the map is unchanged when one is thrown. */
export class EditApplyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EditApplyError";
  }
}

type Entity = { id: string };

/** The collection of the map that holds items of `kind` (the `items!` table of edit.rs). */
export function collectionOf(map: JourneyMap, kind: ItemKind): Entity[] {
  switch (kind) {
    case "persona":
      return map.personas;
    case "stage":
      return map.stages;
    case "lane":
      return map.lanes;
    case "touchpoint":
      return map.touchpoints;
    case "lane_card":
      return map.lane_cards;
    case "corridor_step":
      return map.corridor.steps;
    case "success_definition":
      return map.story.success_definitions;
    case "data_question":
      return map.story.data_questions;
    case "capability":
      return map.story.capabilities;
    case "weakness":
      return map.story.weaknesses;
    case "asset":
      return map.story.assets;
    case "kpi":
      return map.story.kpis;
    case "initiative":
      return map.story.initiatives;
    case "vote":
      return map.votes;
  }
}

/** The kind of an item and the item itself (`{ touchpoint: {...} }` → ["touchpoint", {...}]). */
export function unpackItem(item: Item): [ItemKind, Entity] {
  const keys = Object.keys(item);
  if (keys.length !== 1) throw new EditApplyError(`an item has exactly one kind, not ${keys.length}`);
  const kind = keys[0] as ItemKind;
  const entity = (item as unknown as Record<string, Entity | undefined>)[kind];
  if (!entity) throw new EditApplyError(`the ${kind} item is empty`);
  return [kind, entity];
}

function packItem(kind: ItemKind, entity: Entity): Item {
  return { [kind]: entity } as unknown as Item;
}

/** The entry at `index`, which the caller has just found. */
function at(list: Entity[], index: number): Entity {
  const entity = list[index];
  if (!entity) throw new EditApplyError(`no entry at position ${index}`);
  return entity;
}

function position(list: Entity[], kind: ItemKind, id: string): number {
  const index = list.findIndex((x) => x.id === id);
  if (index < 0) throw new EditApplyError(`no ${kind} with id ${id} on this map`);
  return index;
}

/**
 * Apply `edit` to `map` in place and return the edit that undoes it. On error `map` is unchanged.
 */
export function applyEditTo(map: JourneyMap, edit: Edit): Edit {
  switch (edit.op) {
    case "set_title": {
      const title = map.title;
      map.title = edit.title;
      return { op: "set_title", title };
    }
    case "set_description": {
      const description = map.description;
      map.description = edit.description;
      return { op: "set_description", description };
    }
    case "set_persona": {
      const persona = map.persona;
      map.persona = edit.persona ?? null;
      return { op: "set_persona", persona };
    }
    case "set_score_scale": {
      const scale = map.score_scale;
      map.score_scale = edit.scale as JourneyMap["score_scale"];
      return { op: "set_score_scale", scale };
    }
    case "set_story_style": {
      const style = map.story.style;
      map.story.style = edit.style ?? null;
      return { op: "set_story_style", style };
    }
    case "set_narrative": {
      const narrative = map.story.narrative;
      map.story.narrative = edit.narrative as JourneyMap["story"]["narrative"];
      return { op: "set_narrative", narrative };
    }
    case "set_discipline_marks": {
      const marks = map.story.discipline_marks;
      map.story.discipline_marks = (edit.marks ?? []) as JourneyMap["story"]["discipline_marks"];
      return { op: "set_discipline_marks", marks };
    }
    case "insert": {
      const [kind, entity] = unpackItem(edit.item);
      const list = collectionOf(map, kind);
      if (list.some((x) => x.id === entity.id)) {
        throw new EditApplyError(`a ${kind} with id ${entity.id} is already on this map`);
      }
      if (edit.index > list.length) {
        throw new EditApplyError(
          `position ${edit.index} is outside the ${kind} list, which has ${list.length} entries`,
        );
      }
      list.splice(edit.index, 0, entity);
      return { op: "remove", kind, id: entity.id };
    }
    case "replace": {
      const [kind, entity] = unpackItem(edit.item);
      const list = collectionOf(map, kind);
      const index = position(list, kind, entity.id);
      const old = at(list, index);
      list[index] = entity;
      return { op: "replace", item: packItem(kind, old) };
    }
    case "remove": {
      const list = collectionOf(map, edit.kind);
      const index = position(list, edit.kind, edit.id);
      const old = at(list, index);
      list.splice(index, 1);
      return { op: "insert", index, item: packItem(edit.kind, old) };
    }
    case "move": {
      const list = collectionOf(map, edit.kind);
      const from = position(list, edit.kind, edit.id);
      if (edit.to >= list.length) {
        throw new EditApplyError(
          `position ${edit.to} is outside the ${edit.kind} list, which has ${list.length} entries`,
        );
      }
      const item = at(list, from);
      list.splice(from, 1);
      list.splice(edit.to, 0, item);
      return { op: "move", kind: edit.kind, id: edit.id, to: from };
    }
    case "batch": {
      const undo: Edit[] = [];
      for (const inner of edit.edits) {
        try {
          undo.push(applyEditTo(map, inner));
        } catch (err) {
          // Each inverse was made against the state it now meets again.
          for (const inverse of [...undo].reverse()) applyEditTo(map, inverse);
          throw err;
        }
      }
      return { op: "batch", edits: undo.reverse() };
    }
  }
}
