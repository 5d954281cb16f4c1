// A generated map of `cards` cards for the board's benchmark (scripts/bench-board.mjs) and the
// Playwright tests of big boards: 12 stages, 7 lanes, a third of the cards touchpoints (titled
// "Touchpoint N: …"), the rest lane cards ("Card N in its lane"), spread over every cell.

const hex = (n, width = 12) => n.toString(16).padStart(width, "0");
const uuid = (kind, n) => `00000000-0000-4000-${hex(kind, 4)}-${hex(n)}`;

/** A map of `cards` cards over 12 stages and 7 lanes: a third touchpoints, the rest lane cards. */
export function generate(cards) {
  const stages = Array.from({ length: 12 }, (_, i) => ({ id: uuid(1, i), name: `Stage ${i + 1}`, description: "" }));
  const kinds = ["customer_actions", "thoughts", "feelings", "pain_points", "opportunities", "backstage"];
  const lanes = [
    { id: uuid(2, 0), kind: "touchpoints", title: "Touchpoints", hidden: false },
    ...kinds.map((kind, i) => ({ id: uuid(2, i + 1), kind, title: kind.replace("_", " "), hidden: false })),
  ];
  const channels = ["web", "mobile_app", "phone", "email", "chat", "in_person"];
  const nTp = Math.round(cards / 3);
  const touchpoints = Array.from({ length: nTp }, (_, i) => ({
    id: uuid(3, i),
    title: `Touchpoint ${i + 1}: a moment where the customer meets the organisation`,
    stage: stages[i % stages.length].id,
    channel: channels[i % channels.length],
    contact: i % 4 === 0 ? "indirect" : "direct",
    owner: "service",
    control: "owned",
    expectation: "",
    target_score: 4,
    involvement: [],
    designed_emotion: null,
    emotion_label: "",
    moment_of_truth: i % 9 === 0,
    friction: i % 5 === 0 ? ["delay"] : [],
    notes: "",
    aliases: [],
  }));
  const laneCards = Array.from({ length: cards - nTp }, (_, i) => ({
    id: uuid(4, i),
    lane: lanes[1 + (i % kinds.length)].id,
    stage: stages[Math.floor(i / kinds.length) % stages.length].id,
    text: `Card ${i + 1} in its lane`,
    notes: "",
  }));
  return {
    id: uuid(9, cards),
    title: `Generated map, ${cards} cards`,
    description: "",
    created: "2026-01-01T00:00:00Z",
    modified: "2026-01-01T00:00:00Z",
    persona: null,
    personas: [],
    stages,
    lanes,
    touchpoints,
    lane_cards: laneCards,
    corridor: { steps: [] },
    story: {
      style: null,
      narrative: { opening: "", theme: "", climax: "", conclusion: "" },
      success_definitions: [],
      data_questions: [],
      capabilities: [],
      weaknesses: [],
      assets: [],
      kpis: [],
      initiatives: [],
      discipline_marks: [],
    },
    score_scale: { label: "CSAT 1-5", min: 1, max: 5, adds_at_or_above: 4, takes_away_at_or_below: 2 },
  };
}

