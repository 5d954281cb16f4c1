// Maps for unit tests, in the shape the backend sends (every field present).

import type { JourneyMap, MapSummary, Touchpoint } from "../ipc";

export const HOSTILE_TITLE = "<img src=x onerror=alert(1)>";

const ids = {
  map: "00000000-0000-4000-8000-000000000001",
  persona: "00000000-0000-4000-8000-0000000000a1",
  awareness: "00000000-0000-4000-8000-000000000011",
  purchase: "00000000-0000-4000-8000-000000000012",
  use: "00000000-0000-4000-8000-000000000013",
  laneActions: "00000000-0000-4000-8000-000000000021",
  laneTouchpoints: "00000000-0000-4000-8000-000000000022",
  lanePains: "00000000-0000-4000-8000-000000000023",
  laneHidden: "00000000-0000-4000-8000-000000000024",
  ad: "00000000-0000-4000-8000-000000000031",
  page: "00000000-0000-4000-8000-000000000032",
  checkout: "00000000-0000-4000-8000-000000000033",
  call: "00000000-0000-4000-8000-000000000034",
  hostile: "00000000-0000-4000-8000-000000000035",
} as const;

function touchpoint(fields: Partial<Touchpoint> & Pick<Touchpoint, "id" | "title" | "stage">): Touchpoint {
  return {
    channel: "web",
    contact: "direct",
    owner: "marketing",
    control: "owned",
    expectation: "",
    target_score: null,
    involvement: [],
    designed_emotion: null,
    emotion_label: "",
    moment_of_truth: false,
    friction: [],
    notes: "",
    aliases: [],
    ...fields,
  };
}

export const fixtureMap: JourneyMap = {
  id: ids.map,
  title: "Patio makeover",
  description: "",
  created: "2026-01-01T00:00:00Z",
  modified: "2026-02-01T10:30:00Z",
  persona: ids.persona,
  personas: [
    { id: ids.persona, name: "Maya", summary: "", goals: [], needs: [], ideal_customer_notes: "" },
  ],
  stages: [
    { id: ids.awareness, name: "Awareness", description: "" },
    { id: ids.purchase, name: "Purchase", description: "Choosing and paying" },
    { id: ids.use, name: "Use", description: "" },
  ],
  lanes: [
    { id: ids.laneActions, kind: "customer_actions", title: "Customer actions", hidden: false },
    { id: ids.laneTouchpoints, kind: "touchpoints", title: "Touchpoints", hidden: false },
    { id: ids.lanePains, kind: "pain_points", title: "Pain points", hidden: false },
    { id: ids.laneHidden, kind: "backstage", title: "Backstage", hidden: true },
  ],
  touchpoints: [
    touchpoint({ id: ids.ad, title: "Spring campaign", stage: ids.awareness, channel: "social" }),
    touchpoint({
      id: ids.page,
      title: "Product page",
      stage: ids.purchase,
      owner: "e_commerce",
      target_score: 4.5,
      moment_of_truth: true,
      friction: ["doubt", "lack_of_trust"],
    }),
    touchpoint({ id: ids.checkout, title: "Checkout", stage: ids.purchase, channel: "mobile_app" }),
    touchpoint({
      id: ids.call,
      title: "Set-up call",
      stage: ids.use,
      channel: { custom: "video call" },
      owner: { custom: "Onboarding" },
    }),
    touchpoint({ id: ids.hostile, title: HOSTILE_TITLE, stage: ids.use, channel: "phone" }),
  ],
  lane_cards: [
    { id: "00000000-0000-4000-8000-000000000041", lane: ids.laneActions, stage: ids.awareness, text: "Scrolls for ideas", notes: "", tag: null },
    { id: "00000000-0000-4000-8000-000000000042", lane: ids.lanePains, stage: ids.purchase, text: "Unsure about the size", notes: "", tag: null },
    { id: "00000000-0000-4000-8000-000000000043", lane: ids.laneHidden, stage: ids.purchase, text: "Stock sync job", notes: "", tag: null },
  ],
  corridor: {
    steps: [
      { id: "00000000-0000-4000-8000-000000000051", touchpoint: ids.ad, optional: true, expected_secs_from_previous: null },
      { id: "00000000-0000-4000-8000-000000000052", touchpoint: ids.page, optional: false, expected_secs_from_previous: 172_800 },
      { id: "00000000-0000-4000-8000-000000000053", touchpoint: ids.checkout, optional: false, expected_secs_from_previous: 900 },
      { id: "00000000-0000-4000-8000-000000000054", touchpoint: ids.page, optional: false, expected_secs_from_previous: 3_600 },
    ],
  },
  votes: [],
  score_scale: { label: "CSAT 1-5", min: 1, max: 5, adds_at_or_above: 4, takes_away_at_or_below: 2 },
  story: {
    style: null,
    narrative: {
      opening_kind: "goals",
      opening: "",
      theme: "",
      climax_solutions: "",
      foreseen_outcomes: "",
      conclusion: "",
    },
    success_definitions: [],
    data_questions: [],
    capabilities: [],
    weaknesses: [],
    assets: [],
    kpis: [],
    initiatives: [],
    discipline_marks: [],
  },
};

export const fixtureIds = ids;

export const fixtureSummaries: MapSummary[] = [
  { id: ids.map, title: "Patio makeover", persona: "Maya", stages: 3, touchpoints: 5, saved_at: "2026-02-01T10:30:00Z", revision: 7 },
  { id: "00000000-0000-4000-8000-000000000002", title: "SaaS onboarding", persona: null, stages: 6, touchpoints: 20, saved_at: "2026-01-15T09:00:00Z", revision: 0 },
  { id: "00000000-0000-4000-8000-000000000003", title: HOSTILE_TITLE, persona: null, stages: 1, touchpoints: 1, saved_at: "2026-01-10T09:00:00Z", revision: 2 },
];
