//! A readable, plain-text outline of a map, as `corridor show` prints it.

use std::fmt::Write;

use crate::model::{Channel, Department, Id, JourneyMap};
use crate::story::{Priority, Remedy, WorkStatus};
use crate::strategy::{
    asset_totals, discipline_coverage, timeline, uncovered_moments_of_truth, CoverageSource,
    TimelineGrouping,
};

/// A channel's name as users read it.
pub fn channel_name(channel: &Channel) -> &str {
    match channel {
        Channel::Web => "web",
        Channel::MobileApp => "mobile app",
        Channel::Phone => "phone",
        Channel::InPerson => "in person",
        Channel::Email => "email",
        Channel::Chat => "chat",
        Channel::Social => "social",
        Channel::Partner => "partner/agent",
        Channel::Other => "other",
        Channel::Custom(name) => name,
    }
}

/// A department's name as users read it.
pub fn department_name(department: &Department) -> &str {
    match department {
        Department::Marketing => "marketing",
        Department::Sales => "sales",
        Department::Service => "service",
        Department::Finance => "finance",
        Department::ECommerce => "e-commerce",
        Department::Logistics => "inventory/logistics",
        Department::Billing => "billing",
        Department::Hr => "HR",
        Department::Product => "product",
        Department::It => "IT",
        Department::Custom(name) => name,
    }
}

/// Seconds as a short duration ("90 s", "15 min", "1.5 h", "3 d").
pub fn duration_text(secs: u32) -> String {
    let unit = |value: f64, name: &str| {
        let rounded = (value * 10.0).round() / 10.0;
        if rounded.fract() == 0.0 {
            format!("{rounded:.0} {name}")
        } else {
            format!("{rounded:.1} {name}")
        }
    };
    match secs {
        s if s < 120 => format!("{s} s"),
        s if s < 3600 => format!("{} min", s / 60),
        s if s < 2 * 86400 => unit(f64::from(s) / 3600.0, "h"),
        s => unit(f64::from(s) / 86400.0, "d"),
    }
}

/// The outline: title, persona, stages with their touchpoints, the corridor, the story headings.
pub fn outline(map: &JourneyMap) -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "{}", map.title);
    if !map.description.is_empty() {
        let _ = writeln!(w, "{}", map.description);
    }
    if let Some(p) = map.persona.and_then(|id| map.persona_by_id(id)) {
        let _ = writeln!(w, "Persona: {}", p.name);
    }
    let _ = writeln!(
        w,
        "Score scale: {} ({} to {}; adds at {} or above, takes away at {} or below)",
        map.score_scale.label,
        map.score_scale.min,
        map.score_scale.max,
        map.score_scale.adds_at_or_above,
        map.score_scale.takes_away_at_or_below
    );
    let _ = writeln!(w, "\nStages ({}):", map.stages.len());
    for (i, stage) in map.stages.iter().enumerate() {
        let _ = writeln!(w, "{}. {}", i + 1, stage.name);
        for t in map.touchpoints_in(stage.id) {
            let mut marks = Vec::new();
            if t.moment_of_truth {
                marks.push("moment of truth".to_string());
            }
            if let Some(target) = t.target_score {
                marks.push(format!("target {target}"));
            }
            let marks = if marks.is_empty() {
                String::new()
            } else {
                format!(" [{}]", marks.join(", "))
            };
            let _ = writeln!(
                w,
                "   - {} ({}, {}){}",
                t.title,
                channel_name(&t.channel),
                department_name(&t.owner),
                marks
            );
        }
    }
    let _ = writeln!(w, "\nCorridor ({} steps):", map.corridor.steps.len());
    for (i, step) in map.corridor.steps.iter().enumerate() {
        let title = map
            .touchpoint(step.touchpoint)
            .map_or("(missing touchpoint)", |t| &t.title);
        let mut extra = Vec::new();
        if step.optional {
            extra.push("optional".to_string());
        }
        if let Some(secs) = step.expected_secs_from_previous {
            extra.push(format!("after {}", duration_text(secs)));
        }
        let extra = if extra.is_empty() {
            String::new()
        } else {
            format!(" ({})", extra.join(", "))
        };
        let _ = writeln!(w, "{:>3}. {}{}", i + 1, title, extra);
    }
    let story = &map.story;
    let _ = writeln!(w, "\nStrategy story:");
    if let Some(style) = story.style {
        let _ = writeln!(
            w,
            "  Style: {} ({})",
            style.label(),
            style.guiding_question()
        );
    }
    let n = &story.narrative;
    for (heading, text) in [
        ("Opening", &n.opening),
        ("Theme", &n.theme),
        ("Climax", &n.climax_solutions),
        ("Foreseen outcomes", &n.foreseen_outcomes),
        ("Conclusion", &n.conclusion),
    ] {
        if !text.trim().is_empty() {
            let _ = writeln!(w, "  {heading}:");
            for line in text.trim().lines() {
                let _ = writeln!(w, "    {line}");
            }
        }
    }
    story_details(map, w);
    out
}

fn status_name(status: WorkStatus) -> &'static str {
    match status {
        WorkStatus::Planned => "planned",
        WorkStatus::InProgress => "in progress",
        WorkStatus::Done => "done",
        WorkStatus::Dropped => "dropped",
    }
}

fn remedy_name(remedy: Remedy) -> &'static str {
    match remedy {
        Remedy::Build => "build",
        Remedy::Hire => "hire",
        Remedy::Partner => "partner",
        Remedy::Acquire => "acquire",
        Remedy::StartupProgramme => "startup programme",
    }
}

fn priority_name(priority: Priority) -> &'static str {
    match priority {
        Priority::High => "high",
        Priority::Medium => "medium",
        Priority::Low => "low",
    }
}

/// A number without a needless ".0".
fn num(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        format!("{}", (value * 100.0).round() / 100.0)
    }
}

fn titles(map: &JourneyMap, ids: &[Id]) -> String {
    ids.iter()
        .map(|id| {
            map.touchpoint(*id)
                .map_or("(missing touchpoint)", |t| &t.title)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The story's lists, the figures computed from them, and its warnings.
fn story_details(map: &JourneyMap, w: &mut String) {
    let story = &map.story;
    if !story.success_definitions.is_empty() {
        let _ = writeln!(w, "  Success:");
        for def in &story.success_definitions {
            let who = map
                .persona_by_id(def.persona)
                .map_or("(missing persona)", |p| &p.name);
            let _ = writeln!(w, "    for {who}:");
            for goal in &def.goals {
                let _ = writeln!(w, "      - {goal}");
            }
            for m in &def.metrics {
                let _ = writeln!(w, "      - {}: {} {}", m.name, num(m.target), m.unit);
            }
        }
    }
    if !story.data_questions.is_empty() {
        let _ = writeln!(w, "  Data questions:");
        for q in &story.data_questions {
            let _ = writeln!(w, "    {}", q.question.text());
            if !q.answer.trim().is_empty() {
                let _ = writeln!(w, "      {}", q.answer.trim());
            }
            if !q.evidence.trim().is_empty() {
                let _ = writeln!(w, "      (evidence: {})", q.evidence.trim());
            }
        }
    }
    if !story.capabilities.is_empty() {
        let _ = writeln!(w, "  Capabilities:");
        for c in &story.capabilities {
            let _ = writeln!(w, "    - {} ({})", c.name, department_name(&c.department));
        }
    }
    if !story.weaknesses.is_empty() {
        let _ = writeln!(w, "  Weaknesses:");
        for x in &story.weaknesses {
            let _ = writeln!(
                w,
                "    - {} ({}): {}, {}",
                x.name,
                department_name(&x.department),
                remedy_name(x.remedy),
                status_name(x.status)
            );
        }
    }
    if !story.assets.is_empty() {
        let _ = writeln!(w, "  Assets:");
        for a in &story.assets {
            let _ = writeln!(
                w,
                "    - {}: cost {}, expected return {}",
                a.name,
                num(a.cost),
                num(a.expected_return)
            );
        }
        let t = asset_totals(story);
        let ratio = t
            .return_ratio
            .map_or("none (nothing costs anything)".into(), |r| {
                format!("{}", (r * 100.0).round() / 100.0)
            });
        let _ = writeln!(
            w,
            "    Total: cost {}, expected return {}, net {}, return ratio {ratio}",
            num(t.cost),
            num(t.expected_return),
            num(t.net)
        );
    }
    if !story.kpis.is_empty() {
        let _ = writeln!(w, "  KPIs:");
        for k in &story.kpis {
            let from = k
                .baseline
                .map(|b| format!("{} → ", num(b)))
                .unwrap_or_default();
            let _ = writeln!(w, "    - {}: {from}{} {}", k.name, num(k.target), k.unit);
            if !k.touchpoints.is_empty() {
                let _ = writeln!(w, "      measures: {}", titles(map, &k.touchpoints));
            }
        }
    }
    if !story.initiatives.is_empty() {
        let _ = writeln!(w, "  Initiatives (by department):");
        for group in timeline(map, TimelineGrouping::Department) {
            let _ = writeln!(w, "    {}:", group.label);
            for id in &group.initiatives {
                let Some(i) = story.initiatives.iter().find(|i| i.id == *id) else {
                    continue;
                };
                let _ = writeln!(
                    w,
                    "      - {} to {}  {} ({} priority, {})",
                    i.start,
                    i.end,
                    i.title,
                    priority_name(i.priority),
                    status_name(i.status)
                );
            }
            for [a, b] in &group.overlaps {
                let name = |id: &Id| {
                    story
                        .initiatives
                        .iter()
                        .find(|i| i.id == *id)
                        .map_or("?", |i| &i.title)
                };
                let _ = writeln!(w, "      overlap: {} / {}", name(a), name(b));
            }
        }
    }
    let _ = writeln!(w, "  Disciplines:");
    for c in discipline_coverage(map) {
        let mark = if c.addressed { "yes" } else { "no " };
        let by = match c.source {
            CoverageSource::Derived => "",
            CoverageSource::Marked => " (marked by the team)",
        };
        let _ = writeln!(w, "    {mark} {}: {}{by}", c.discipline.label(), c.evidence);
    }
    let uncovered = uncovered_moments_of_truth(map);
    if !uncovered.is_empty() {
        let _ = writeln!(
            w,
            "  Warning: moments of truth no initiative or KPI covers: {}",
            titles(map, &uncovered)
        );
    }
}
