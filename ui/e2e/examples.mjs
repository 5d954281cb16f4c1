// The example maps from ../examples, in the shape the backend sends them (every field present,
// as serde writes the `_Serialize` types), and the summaries `maps_list` would make of them.

import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * @param {string} dir
 * @returns {Promise<{ file: string, map: any }[]>}
 */
export async function readExamples(dir) {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".corridor.json")).sort();
  const out = [];
  for (const file of files) {
    const doc = JSON.parse(await readFile(join(dir, file), "utf8"));
    out.push({ file, map: normaliseMap(doc.map) });
  }
  return out;
}

/** Fills in what serde's defaults would. */
export function normaliseMap(m) {
  return {
    id: m.id,
    title: m.title,
    description: m.description ?? "",
    created: m.created,
    modified: m.modified,
    persona: m.persona ?? null,
    personas: (m.personas ?? []).map((p) => ({
      id: p.id,
      name: p.name,
      summary: p.summary ?? "",
      goals: p.goals ?? [],
      needs: p.needs ?? [],
      ideal_customer_notes: p.ideal_customer_notes ?? "",
    })),
    stages: m.stages.map((s) => ({ id: s.id, name: s.name, description: s.description ?? "" })),
    lanes: (m.lanes ?? []).map((l) => ({ id: l.id, kind: l.kind, title: l.title, hidden: l.hidden ?? false })),
    touchpoints: (m.touchpoints ?? []).map((t) => ({
      id: t.id,
      title: t.title,
      stage: t.stage,
      channel: t.channel,
      contact: t.contact,
      owner: t.owner,
      control: t.control,
      expectation: t.expectation ?? "",
      target_score: t.target_score ?? null,
      involvement: t.involvement ?? [],
      designed_emotion: t.designed_emotion ?? null,
      emotion_label: t.emotion_label ?? "",
      moment_of_truth: t.moment_of_truth ?? false,
      friction: t.friction ?? [],
      notes: t.notes ?? "",
      aliases: t.aliases ?? [],
    })),
    lane_cards: (m.lane_cards ?? []).map((c) => ({ ...c, notes: c.notes ?? "", tag: c.tag ?? null })),
    corridor: {
      steps: (m.corridor?.steps ?? []).map((s) => ({
        id: s.id,
        touchpoint: s.touchpoint,
        optional: s.optional ?? false,
        expected_secs_from_previous: s.expected_secs_from_previous ?? null,
      })),
    },
    score_scale: m.score_scale,
    story: normaliseStory(m.story ?? {}),
    votes: m.votes ?? [],
  };
}

/** What the store's `list` returns: most recently saved first, then by title. */
export function summaries(maps) {
  return maps
    .map((m) => ({
      id: m.id,
      title: m.title,
      persona: m.personas.find((p) => p.id === m.persona)?.name ?? null,
      stages: m.stages.length,
      touchpoints: m.touchpoints.length,
      saved_at: m.modified,
      revision: 0,
    }))
    .sort((a, b) => b.saved_at.localeCompare(a.saved_at) || a.title.localeCompare(b.title));
}

/** "Step 3" / "Steps 3, 9", as the board labels a touchpoint on the corridor. */
export function stepLabelOf(map, touchpointId) {
  const numbers = map.corridor.steps.flatMap((s, i) => (s.touchpoint === touchpointId ? [i + 1] : []));
  if (numbers.length === 0) return "";
  return numbers.length === 1 ? `Step ${numbers[0]}` : `Steps ${numbers.join(", ")}`;
}

/** The story with serde's defaults filled in. */
function normaliseStory(s) {
  const n = s.narrative ?? {};
  return {
    style: s.style ?? null,
    narrative: {
      opening_kind: n.opening_kind ?? "goals",
      opening: n.opening ?? "",
      theme: n.theme ?? "",
      climax_solutions: n.climax_solutions ?? "",
      foreseen_outcomes: n.foreseen_outcomes ?? "",
      conclusion: n.conclusion ?? "",
    },
    success_definitions: (s.success_definitions ?? []).map((d) => ({ goals: [], metrics: [], ...d })),
    data_questions: (s.data_questions ?? []).map((q) => ({ answer: "", evidence: "", ...q })),
    capabilities: (s.capabilities ?? []).map((c) => ({ notes: "", ...c })),
    weaknesses: (s.weaknesses ?? []).map((w) => ({ notes: "", ...w })),
    assets: (s.assets ?? []).map((a) => ({ notes: "", ...a })),
    kpis: (s.kpis ?? []).map((k) => ({ baseline: null, touchpoints: [], ...k })),
    initiatives: (s.initiatives ?? []).map((i) => ({ description: "", touchpoints: [], gaps: [], ...i })),
    discipline_marks: (s.discipline_marks ?? []).map((m) => ({ note: "", ...m })),
  };
}
