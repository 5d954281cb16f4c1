import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Edit, JourneyMap, StoryFigures } from "../../ipc";
import { HOSTILE_TITLE, fixtureIds, fixtureMap } from "../../test/fixtures";
import StoryView from "./StoryView.svelte";

// The whole view mounts in each test; on a busy 2-core machine the first one can pass 5 s.
vi.setConfig({ testTimeout: 20_000 });

afterEach(() => {
  cleanup();
  clearMocks();
});

const INIT_A = "00000000-0000-4000-8000-0000000000b1";
const INIT_B = "00000000-0000-4000-8000-0000000000b2";

function storyMap(): JourneyMap {
  const map = structuredClone(fixtureMap);
  map.story.initiatives = [
    { id: INIT_A, title: "Stock by store", description: "", start: "2027-01-04", end: "2027-03-31", owner: "e_commerce", priority: "high", status: "planned", touchpoints: [fixtureIds.page], gaps: [] },
    { id: INIT_B, title: "Reviews with photos", description: "", start: "2027-03-31", end: "2027-05-15", owner: "e_commerce", priority: "low", status: "in_progress", touchpoints: [], gaps: [] },
  ];
  map.story.assets = [{ id: "00000000-0000-4000-8000-0000000000c1", name: "Stock feed", cost: 40000, expected_return: 120000, notes: "" }];
  return map;
}

/** Figures as the backend would send them; the view must show these, not compute its own. */
const figures: StoryFigures = {
  totals: { cost: 1234, expected_return: 5678, net: 4444, return_ratio: 4.6 },
  uncovered_moments_of_truth: [fixtureIds.page],
  discipline_coverage: [
    { discipline: "strategy", addressed: false, source: "derived", evidence: "no strategic style chosen" },
    { discipline: "measurement", addressed: true, source: "marked", evidence: "the monthly survey" },
  ],
  timeline: [{ label: "e-commerce", initiatives: [INIT_A, INIT_B], overlaps: [[INIT_A, INIT_B]] }],
};

function setup(map = storyMap()) {
  const asked: unknown[] = [];
  mockIPC((cmd, args) => {
    if (cmd === "story_figures") {
      asked.push(args);
      return figures;
    }
    throw { code: "not_found", message: `no ${cmd}` };
  });
  const onEdit = vi.fn<(edit: Edit) => void>();
  const view = render(StoryView, { map, revision: 3, onEdit });
  return { onEdit, asked, view };
}

describe("StoryView", () => {
  it("shows the four styles with their questions and sends the chosen one", async () => {
    const { onEdit } = setup();
    for (const q of [
      "Where do we stand, and how do we hold that position?",
      "What is changing now, and how fast can we follow it?",
      "Who can we bring together to change the rules of the market?",
      "What future do we see first, and how do we build it?",
    ]) {
      expect(screen.getByText(q)).toBeTruthy();
    }
    await fireEvent.click(screen.getByRole("radio", { name: /Adaptive/ }));
    expect(onEdit).toHaveBeenCalledWith({ op: "set_story_style", style: "adaptive" });
  });

  it("shows the backend's figures: the warning, the totals, the coverage and the timeline", async () => {
    const { asked } = setup();
    const warning = await screen.findByRole("list", { name: "Uncovered moments of truth" });
    expect(within(warning).getByText("Product page")).toBeTruthy();
    expect(asked).toEqual([{ id: fixtureMap.id, grouping: "department" }]);
    expect(screen.getByTestId("total-cost").textContent).toBe((1234).toLocaleString());
    expect(screen.getByTestId("return-ratio").textContent).toBe("4.6 : 1");
    expect(screen.getByTestId("coverage-measurement").textContent).toContain("marked by the team");
    expect(screen.getByTestId("coverage-measurement").textContent).toContain("the monthly survey");
    const group = screen.getByRole("group", { name: "e-commerce" });
    const rows = within(group).getAllByTestId("timeline-row");
    expect(rows.map((r) => r.querySelector(".name")?.textContent)).toEqual(["Stock by store", "Reviews with photos"]);
    expect(rows[0]!.textContent).toContain("overlaps Reviews with photos");
    expect(rows[1]!.textContent).toContain("overlaps Stock by store");
  });

  it("asks again when the grouping changes", async () => {
    const { asked } = setup();
    await screen.findByRole("group", { name: "e-commerce" });
    await fireEvent.click(screen.getByRole("radio", { name: "By stage" }));
    await vi.waitFor(() => expect(asked).toContainEqual({ id: fixtureMap.id, grouping: "stage" }));
  });

  it("saves a narrative section once, on blur, with the whole narrative", async () => {
    const { onEdit } = setup();
    const theme = screen.getByLabelText("Theme");
    await fireEvent.input(theme, { target: { value: "One **season**, one budget" } });
    const preview = screen.getByRole("region", { name: "Theme: preview" });
    expect(preview.querySelector("strong")?.textContent).toBe("season");
    await fireEvent.blur(theme);
    await fireEvent.blur(theme);
    expect(onEdit).toHaveBeenCalledTimes(1);
    expect(onEdit).toHaveBeenCalledWith({
      op: "set_narrative",
      narrative: { ...fixtureMap.story.narrative, theme: "One **season**, one budget" },
    });
  });

  it("refuses a number that is not one, sending nothing", async () => {
    const { onEdit } = setup();
    const cost = screen.getByLabelText("Asset 1 cost");
    await fireEvent.input(cost, { target: { value: "12k" } });
    await fireEvent.blur(cost);
    expect(screen.getByRole("alert").textContent).toContain("“12k” is not a number");
    expect(onEdit).not.toHaveBeenCalled();
    await fireEvent.input(cost, { target: { value: "12 500,5" } });
    await fireEvent.blur(cost);
    expect(onEdit).toHaveBeenCalledWith({
      op: "replace",
      item: { asset: { ...storyMap().story.assets[0]!, cost: 12500.5 } },
    });
  });

  it("shows markup in every story text as text", async () => {
    const map = storyMap();
    const n = map.story.narrative;
    for (const key of ["opening", "theme", "climax_solutions", "foreseen_outcomes", "conclusion"] as const) n[key] = HOSTILE_TITLE;
    map.story.initiatives[0]!.title = HOSTILE_TITLE;
    map.story.assets[0]!.name = HOSTILE_TITLE;
    map.story.data_questions = [{ id: "00000000-0000-4000-8000-0000000000d1", question: "what_brings_them_back", answer: HOSTILE_TITLE, evidence: HOSTILE_TITLE }];
    const { view } = setup(map);
    await screen.findByRole("group", { name: "e-commerce" });
    expect(view.container.querySelector("img")).toBeNull();
    const previews = screen.getAllByRole("region", { name: /: preview$/ });
    expect(previews).toHaveLength(5);
    for (const p of previews) expect(p.textContent).toContain(HOSTILE_TITLE);
    expect(within(screen.getByRole("group", { name: "e-commerce" })).getByText(HOSTILE_TITLE)).toBeTruthy();
  });
});
