// Find in map: every card whose title, text or notes hold the query, in the board's reading
// order (stage by stage; in a stage the touchpoints, then each shown lane's cards from the top).
// It searches the model, not the DOM, so it finds cards the windowed board has not mounted.

import type { BoardColumn, BoardRow } from "./board";

export interface FindMatch {
  kind: "touchpoint" | "lane_card";
  id: string;
  /** The DOM id of the card (`tp-…`, `lc-…`). */
  dom: string;
  /** What the list of matches shows: the card's title or text. */
  label: string;
  /** Where the card sits: "Stage" or "Stage · Lane". */
  where: string;
  /** True when the query was found only in the notes. */
  inNotes: boolean;
}

/** Lower case, accents and case folded, so "Cafe" finds "Café". */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLocaleLowerCase();
}

/**
 * An item's folded label and notes, worked out once per item (an edit replaces an item, it never
 * changes one), so that each key typed searches 10,000 cards in a millisecond or two.
 */
const folded = new WeakMap<object, [string, string]>();
function foldedOf(item: object, label: string, notes: string): [string, string] {
  let hit = folded.get(item);
  if (!hit) {
    hit = [fold(label), notes ? fold(notes) : ""];
    folded.set(item, hit);
  }
  return hit;
}

/**
 * The cards holding `query` (trimmed; case and accents ignored), in reading order. An empty query
 * finds nothing. Cards of hidden lanes are not on the board and are not found.
 */
export function findCards(columns: readonly BoardColumn[], rows: readonly BoardRow[], query: string): FindMatch[] {
  const q = fold(query.trim());
  if (q === "") return [];
  const out: FindMatch[] = [];
  const test = (item: object, label: string, notes: string) => {
    const [l, n] = foldedOf(item, label, notes);
    if (l.includes(q)) return 1;
    if (n.includes(q)) return 2;
    return 0;
  };
  for (const column of columns) {
    for (const row of rows) {
      if (row.kind === "touchpoints") {
        for (const t of column.touchpoints) {
          const hit = test(t, t.title, t.notes);
          if (hit) {
            out.push({ kind: "touchpoint", id: t.id, dom: `tp-${t.id}`, label: t.title, where: column.name, inNotes: hit === 2 });
          }
        }
      } else {
        for (const c of column.cards.get(row.lane.id) ?? []) {
          const hit = test(c, c.text, c.notes);
          if (hit) {
            out.push({ kind: "lane_card", id: c.id, dom: `lc-${c.id}`, label: c.text, where: `${column.name} · ${row.title}`, inNotes: hit === 2 });
          }
        }
      }
    }
  }
  return out;
}

/** The index after `current` going `step` (+1 or −1) through `count` matches, wrapping around. */
export function stepMatch(current: number, step: 1 | -1, count: number): number {
  if (count === 0) return -1;
  if (current < 0) return step === 1 ? 0 : count - 1;
  return (current + step + count) % count;
}
