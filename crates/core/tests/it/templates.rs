//! Templates give sound maps with their documented stages; the outline shows a map's content.

use corridor_core::file::from_str;
use corridor_core::outline::{duration_text, outline};
use corridor_core::*;

use crate::common::{example_files, sound_map, t0, Ids};

fn instantiate(template: Template) -> JourneyMap {
    let mut ids = Ids::starting_at(100);
    template.instantiate(
        uuid::Uuid::from_u128(1),
        "From a template",
        &mut || ids.next(),
        t0(),
    )
}

fn stage_names(map: &JourneyMap) -> Vec<&str> {
    map.stages.iter().map(|s| s.name.as_str()).collect()
}

#[test]
fn every_template_gives_a_sound_map() {
    for template in Template::ALL {
        let map = instantiate(template);
        assert_eq!(validate(&map), Vec::<Problem>::new(), "{template:?}");
        assert_eq!(map.id, uuid::Uuid::from_u128(1));
        assert_eq!(map.title, "From a template");
        assert_eq!((map.created, map.modified), (t0(), t0()));
        assert_eq!(stage_names(&map), template.stage_names(), "{template:?}");
        let touchpoint_lanes = map
            .lanes
            .iter()
            .filter(|l| l.kind == LaneKind::Touchpoints)
            .count();
        assert_eq!(touchpoint_lanes, 1, "{template:?}");
        assert!(map.touchpoints.is_empty() && map.corridor.steps.is_empty());
        assert_eq!(Template::from_key(template.key()), Some(template));
    }
    assert_eq!(Template::from_key("nope"), None);
}

#[test]
fn the_catalogue_lists_every_template_with_what_a_new_map_gets() {
    let catalogue = Template::catalogue();
    let listed: Vec<Template> = catalogue.iter().map(|i| i.template).collect();
    assert_eq!(listed, Template::ALL);
    for info in &catalogue {
        let map = instantiate(info.template);
        assert_eq!(info.stages, stage_names(&map), "{:?}", info.template);
        assert_eq!(info.label, info.template.label());
        assert!(!info.description.trim().is_empty(), "{:?}", info.template);
    }
    let labels: std::collections::HashSet<&str> =
        catalogue.iter().map(|i| i.label.as_str()).collect();
    assert_eq!(labels.len(), catalogue.len(), "labels are distinct");
}

#[test]
fn templates_have_the_documented_stages() {
    // As DOMAIN.md and `corridor new --help` describe them.
    assert_eq!(
        stage_names(&instantiate(Template::Lifecycle)),
        [
            "Awareness",
            "Consideration",
            "Transaction",
            "Use",
            "Inactivity"
        ]
    );
    assert_eq!(
        stage_names(&instantiate(Template::Saas)),
        [
            "Discovery",
            "Evaluation",
            "Negotiation",
            "Onboarding",
            "Adoption",
            "Renewal"
        ]
    );
    assert_eq!(stage_names(&instantiate(Template::Blank)).len(), 1);
    let public = instantiate(Template::PublicService);
    assert!(public.stages.len() >= 3);
    assert!(public.stages.iter().all(|s| !s.name.trim().is_empty()));
}

#[test]
fn a_template_map_survives_the_file() {
    for template in Template::ALL {
        let map = instantiate(template);
        let text = file::to_string(&map);
        assert_eq!(from_str(&text), Ok(map), "{template:?}");
    }
}

#[test]
fn the_outline_of_the_sound_map() {
    let expected = "\
Buying a bike
From the first ad to the first repair.
Persona: Mara, first-time buyer
Score scale: CSAT 1-5 (1 to 5; adds at 4 or above, takes away at 2 or below)

Stages (3):
1. Awareness
   - Sees an ad (social, marketing) [target 3.5]
2. Purchase
   - Checks out online (web, e-commerce) [moment of truth, target 4.5]
3. Use
   - Calls support (smoke signals, service)

Corridor (3 steps):
  1. Sees an ad
  2. Checks out online (after 24 h)
  3. Calls support (optional)

Strategy story:
  Style: Adaptive (What is changing now, and how fast can we follow it?)
  Opening:
    Half of the carts are abandoned.
  Theme:
    Make paying boring
  Climax:
    One-page checkout.
  Foreseen outcomes:
    Fewer calls.
  Conclusion:
    Ship it by spring.
  Success:
    for Mara, first-time buyer:
      - rides to work within a week
      - days to first ride: 7 days
  Data questions:
    How do customers find us?
      Social ads
      (evidence: web analytics)
  Capabilities:
    - Repair workshop (service)
  Weaknesses:
    - Payments (e-commerce): partner, planned
  Assets:
    - Checkout rebuild: cost 40000, expected return 120000
    Total: cost 40000, expected return 120000, net 80000, return ratio 3
  KPIs:
    - Checkout completion: 0.5 → 0.8 share
      measures: Checks out online; Calls support
  Initiatives (by department):
    e-commerce:
      - 2026-01-01 to 2026-03-31  One-page checkout (high priority, in progress)
  Disciplines:
    yes Strategy: Adaptive style; the narrative has an opening and a climax
    yes Intelligence: 1 data question answered with evidence
    yes Design: 2 touchpoints with a target score; a corridor of 3 steps
    yes Measurement: 1 KPI with a baseline, tied to touchpoints
    no  Connection: no initiative spans more than one department or channel
    yes Live operation: 1 piece of work under way or done
";
    assert_eq!(outline(&sound_map()), expected);
}

#[test]
fn narrative_sections_are_printed_whole_and_indented() {
    let mut map = sound_map();
    map.story.narrative.conclusion = "\n  Ship it by spring.\nThen measure.\n\n".into();
    map.story.narrative.theme = "   ".into();
    let out = outline(&map);
    assert!(
        out.contains("  Climax:\n    One-page checkout.\n  Foreseen outcomes:\n    Fewer calls.\n  Conclusion:\n    Ship it by spring.\n    Then measure.\n  Success:\n"),
        "{out}"
    );
    // A blank section is left out.
    assert!(!out.contains("Theme"), "{out}");
}

#[test]
fn durations_read_naturally() {
    assert_eq!(duration_text(0), "0 s");
    assert_eq!(duration_text(119), "119 s");
    assert_eq!(duration_text(120), "2 min");
    assert_eq!(duration_text(3599), "59 min");
    assert_eq!(duration_text(3600), "1 h");
    assert_eq!(duration_text(5400), "1.5 h");
    // Hours and days are rounded to a tenth: 7199 s is 1.9997 h.
    assert_eq!(duration_text(7199), "2 h");
    assert_eq!(duration_text(36 * 3600), "36 h");
    assert_eq!(duration_text(2 * 86400), "2 d");
    assert_eq!(duration_text(2 * 86400 + 12 * 3600), "2.5 d");
    assert_eq!(duration_text(3 * 86400), "3 d");
}

#[test]
fn the_outline_of_each_example_shows_its_stages_touchpoints_and_corridor() {
    for (name, text) in example_files() {
        let map = from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let out = outline(&map);
        assert!(out.starts_with(&format!("{}\n", map.title)), "{name}");
        // Stages in order, each as its own numbered line.
        let mut from = 0;
        for (i, stage) in map.stages.iter().enumerate() {
            let line = format!("\n{}. {}\n", i + 1, stage.name);
            let at = out[from..]
                .find(&line)
                .unwrap_or_else(|| panic!("{name}: stage line {line:?} missing or out of order"));
            from += at + 1;
        }
        for t in &map.touchpoints {
            assert!(
                out.contains(&format!("   - {} (", t.title)),
                "{name}: touchpoint {}",
                t.title
            );
        }
        assert!(
            out.contains(&format!(
                "\nCorridor ({} steps):\n",
                map.corridor.steps.len()
            )),
            "{name}"
        );
        assert!(out.contains("\nStrategy story:\n"), "{name}");
    }
}
