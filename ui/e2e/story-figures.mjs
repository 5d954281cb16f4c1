// The mock backend's answer to `story_figures`: a plain-JavaScript reading of the rules in
// docs/story.md (crates/core/src/strategy.rs is the real one, tested against hand-computed values
// in crates/core and through the real app in tests/e2e/specs/story.test.js). Install in the page
// with `page.addInitScript(installStoryFigures)`; it runs there, so it is self-contained.

export function installStoryFigures() {
  const DEPARTMENTS = {
    marketing: "marketing",
    sales: "sales",
    service: "service",
    finance: "finance",
    e_commerce: "e-commerce",
    logistics: "inventory/logistics",
    billing: "billing",
    hr: "HR",
    product: "product",
    it: "IT",
  };
  const department = (d) => (typeof d === "string" ? DEPARTMENTS[d] : d.custom);
  const live = (i) => i.status !== "dropped";

  function totals(story) {
    const cost = story.assets.reduce((s, a) => s + a.cost, 0);
    const ret = story.assets.reduce((s, a) => s + a.expected_return, 0);
    return { cost, expected_return: ret, net: ret - cost, return_ratio: cost > 0 ? ret / cost : null };
  }

  function uncovered(map) {
    const s = map.story;
    const covered = (id) =>
      s.initiatives.some((i) => live(i) && (i.touchpoints.includes(id) || i.gaps.includes(id))) ||
      s.kpis.some((k) => k.touchpoints.includes(id));
    return map.touchpoints.filter((t) => t.moment_of_truth && !covered(t.id)).map((t) => t.id);
  }

  // Only what the Playwright tests read: marks win, otherwise a short derived reading.
  function coverage(map) {
    const s = map.story;
    const derived = {
      strategy: s.style !== null && s.narrative.opening.trim() !== "" && s.narrative.climax_solutions.trim() !== "",
      intelligence: s.data_questions.some((q) => q.answer.trim() !== "" && q.evidence.trim() !== ""),
      design: map.touchpoints.some((t) => t.target_score !== null) && map.corridor.steps.length > 0,
      measurement: s.kpis.some((k) => k.baseline !== null && k.baseline !== undefined && k.touchpoints.length > 0),
      connection: false,
      live_operation: s.initiatives.some((i) => i.status === "in_progress" || i.status === "done"),
    };
    return Object.keys(derived).map((d) => {
      const mark = s.discipline_marks.find((m) => m.discipline === d);
      return mark
        ? { discipline: d, addressed: mark.addressed, source: "marked", evidence: mark.note }
        : { discipline: d, addressed: derived[d], source: "derived", evidence: "(mock)" };
    });
  }

  function group(label, list) {
    list = [...list].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
    const overlaps = [];
    list.forEach((a, i) => {
      for (const b of list.slice(i + 1)) if (a.start <= b.end && b.start <= a.end) overlaps.push([a.id, b.id]);
    });
    return { label, initiatives: list.map((i) => i.id), overlaps };
  }

  function timeline(map, grouping) {
    const groups = [];
    if (grouping === "department") {
      for (const i of map.story.initiatives) {
        const label = department(i.owner);
        const g = groups.find((x) => x[0] === label);
        if (g) g[1].push(i);
        else groups.push([label, [i]]);
      }
    } else {
      const byStage = new Map();
      const none = [];
      for (const i of map.story.initiatives) {
        const stages = new Set(
          [...i.touchpoints, ...i.gaps]
            .map((id) => map.touchpoints.find((t) => t.id === id))
            .filter(Boolean)
            .map((t) => map.stages.findIndex((s) => s.id === t.stage))
            .filter((n) => n >= 0),
        );
        if (stages.size === 0) none.push(i);
        for (const n of stages) byStage.set(n, [...(byStage.get(n) ?? []), i]);
      }
      for (const n of [...byStage.keys()].sort((a, b) => a - b)) groups.push([map.stages[n].name, byStage.get(n)]);
      if (none.length) groups.push(["No stage", none]);
    }
    return groups.map(([label, list]) => group(label, list));
  }

  window.__mockCommands = {
    ...(window.__mockCommands ?? {}),
    story_figures(args, mapOf) {
      const map = mapOf(args.id);
      return {
        totals: totals(map.story),
        uncovered_moments_of_truth: uncovered(map),
        discipline_coverage: coverage(map),
        timeline: timeline(map, args.grouping),
      };
    },
  };
}
