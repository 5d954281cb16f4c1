import { render } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { GapReport, JourneyMap } from "../../../ipc";
import fixtureText from "../../../../e2e/fixtures/gap-report.json?raw";
import { boardOverlay, cardGap } from "../../../lib/gap";
import CardGap from "./CardGap.svelte";
import GhostCards from "./GhostCards.svelte";
import StageGap from "./StageGap.svelte";

const { map, report } = JSON.parse(fixtureText) as { map: JourneyMap; report: GapReport };
const overlay = boardOverlay(map, report);

describe("the card's band", () => {
  it("carries the raw observed mean in data-observed and shows it rounded, with target and gap", () => {
    const t = report.touchpoints.find((x) => x.mean !== null && x.gap !== null && x.gap < 0)!;
    const { container } = render(CardGap, { info: cardGap(overlay, t.touchpoint) });
    const num = container.querySelector("[data-observed]")!;
    expect(Number(num.getAttribute("data-observed"))).toBe(t.mean);
    expect(num.textContent).toBe(String(Number(t.mean!.toFixed(2))));
    expect(container.textContent).toContain(`vs ${Number(t.target!.toFixed(2))}`);
    expect(container.textContent).toContain("−");
    expect(container.querySelector("[aria-label$='below target']")).not.toBeNull();
  });

  it("marks a designed touchpoint the data never shows", () => {
    const u = report.blind_spots.unobserved_touchpoints[0]!;
    const { container } = render(CardGap, { info: cardGap(overlay, u.touchpoint) });
    expect(container.querySelector('[data-gap="unobserved"]')).not.toBeNull();
    expect(container.querySelector("[data-observed]")).toBeNull();
    expect(container.textContent).toContain("Not observed");
  });
});

describe("the stage line and the ghost cards", () => {
  it("show the stage's score, coverage and drop-off", () => {
    const s = report.stages.find((x) => x.drop_off !== null)!;
    const { container } = render(StageGap, { stage: overlay.stages.get(s.stage), span: overlay.span });
    expect(Number(container.querySelector("[data-stage-score]")!.getAttribute("data-stage-score"))).toBe(s.score);
    expect(container.textContent).toContain(`of ${s.touchpoints} observed`);
    expect(container.textContent).toMatch(new RegExp(`Drop-off\\s*${s.drop_off} \\(`));
  });

  it("list a stage's blind spots with their counts", () => {
    const stage = [...overlay.stages.values()].find((s) => s.ghosts.length > 0)!;
    const { getByRole } = render(GhostCards, { ghosts: stage.ghosts, stage: stage.report.name });
    const list = getByRole("list", { name: `Blind spots in ${stage.report.name}` });
    expect(list.querySelectorAll("li").length).toBe(stage.ghosts.length);
    expect(list.textContent).toContain(`${stage.ghosts[0]!.events} event`);
  });
});
