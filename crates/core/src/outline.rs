//! A readable, plain-text outline of a map, as `corridor show` prints it.

use std::fmt::Write;

use crate::model::{Channel, Department, JourneyMap};

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
    for (heading, count) in [
        ("Success definitions", story.success_definitions.len()),
        ("Data questions", story.data_questions.len()),
        ("Capabilities", story.capabilities.len()),
        ("Weaknesses", story.weaknesses.len()),
        ("Assets", story.assets.len()),
        ("KPIs", story.kpis.len()),
        ("Initiatives", story.initiatives.len()),
    ] {
        if count > 0 {
            let _ = writeln!(w, "  {heading}: {count}");
        }
    }
    out
}
