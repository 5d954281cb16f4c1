//! The strategy report: its sections in every format, the gap hooks, and user text that stays
//! text (XSS payloads in every story field).

use corridor_core::report::{html, markdown, Figure, PriorityRow, ReportGaps, ReportInputs};
use corridor_core::*;

use crate::common::{example_files, id, sound_map};
use crate::render::overlay;

const PAYLOAD: &str = "<script>alert(1)</script><img src=x onerror=alert(2)>";

/// The sound map with the payload in every text a user can write that the report prints.
pub fn poisoned() -> JourneyMap {
    let p = |label: &str| format!("{label} {PAYLOAD}");
    let mut map = sound_map();
    map.title = p("title");
    map.description = p("description");
    map.stages[0].name = p("stage");
    map.touchpoints[0].title = p("touchpoint");
    map.touchpoints[1].owner = Department::Custom(p("owner"));
    map.touchpoints[2].channel = Channel::Custom(p("channel"));
    map.lane_cards[0].text = p("card");
    map.score_scale.label = p("scale");
    let persona = &mut map.personas[0];
    persona.name = p("persona");
    persona.summary = p("summary");
    persona.goals = vec![p("goal")];
    persona.needs = vec![p("need")];
    persona.ideal_customer_notes = p("ideal");
    let story = &mut map.story;
    let n = &mut story.narrative;
    n.opening = p("opening");
    n.theme =
        format!("theme [link](javascript:alert(3)) ![img](http://evil.example/x.png) {PAYLOAD}");
    n.climax_solutions = p("climax");
    n.foreseen_outcomes = p("outcomes");
    n.conclusion = p("conclusion");
    story.success_definitions[0].goals = vec![p("success goal")];
    story.success_definitions[0].metrics[0].name = p("metric");
    story.success_definitions[0].metrics[0].unit = p("unit");
    story.data_questions[0].answer = p("answer");
    story.data_questions[0].evidence = p("evidence");
    story.capabilities[0].name = p("capability");
    story.capabilities[0].notes = p("capability notes");
    story.capabilities[0].department = Department::Custom(p("department"));
    story.weaknesses[0].name = p("weakness");
    story.weaknesses[0].notes = p("weakness notes");
    story.assets[0].name = p("asset");
    story.assets[0].notes = p("asset notes");
    story.kpis[0].name = p("kpi");
    story.kpis[0].unit = p("kpi unit");
    story.initiatives[0].title = p("initiative");
    story.initiatives[0].description = p("initiative description");
    story.discipline_marks.push(DisciplineMark {
        discipline: Discipline::Measurement,
        addressed: true,
        note: p("mark"),
    });
    map
}

#[test]
fn html_keeps_every_user_text_as_text() {
    let map = poisoned();
    let html = html(&ReportInputs {
        map: &map,
        gaps: None,
    });
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "a script tag got through");
    assert!(!lower.contains("<img"), "an img tag got through");
    assert!(
        !lower.contains("javascript:alert"),
        "a javascript: link got through"
    );
    assert!(
        !lower.contains("evil.example"),
        "a remote image got through"
    );
    // The escaped forms are there, once per field at least.
    let escaped = html
        .matches("&lt;script&gt;alert(1)&lt;/script&gt;")
        .count();
    assert!(escaped >= 30, "{escaped} escaped payloads");
    for label in [
        "opening",
        "climax",
        "outcomes",
        "conclusion",
        "success goal",
        "metric",
        "answer",
        "evidence",
        "capability notes",
        "weakness notes",
        "asset notes",
        "kpi",
        "initiative",
        "mark",
        "persona",
        "summary",
        "goal",
        "need",
        "ideal",
        "description",
        "department",
    ] {
        assert!(
            lower.contains(&format!("{label} &lt;script&gt;")),
            "{label} is missing or not escaped"
        );
    }
    // No script can run and nothing remote can load, whatever slips past.
    assert!(html.contains("Content-Security-Policy"));
    assert!(html.contains("default-src 'none'"));
}

#[test]
fn markdown_keeps_every_user_text_as_text() {
    let map = poisoned();
    let md = markdown(&ReportInputs {
        map: &map,
        gaps: None,
    });
    assert!(!md.contains("<script"), "{md}");
    assert!(!md.contains("<img"), "{md}");
    assert!(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn the_report_has_every_section_and_figure() {
    let map = sound_map();
    let inputs = ReportInputs {
        map: &map,
        gaps: None,
    };
    let md = markdown(&inputs);
    for heading in [
        "# Buying a bike",
        "## Persona",
        "## The journey map",
        "## Observed experience and gaps",
        "## Strategy",
        "### Opening: the problem",
        "### Climax: the solutions",
        "## What success means",
        "## What the data says",
        "## Capabilities",
        "## Weaknesses and their remedies",
        "## Assets, costs and expected return",
        "## Key performance indicators",
        "## Initiatives",
        "## Disciplines",
    ] {
        assert!(md.contains(heading), "{heading}\n{md}");
    }
    assert!(md.contains("**Adaptive style.** Our guiding question: What is changing now"));
    assert!(
        md.contains("| **Total** | **40,000** | **120,000** | **net 80,000** |"),
        "{md}"
    );
    assert!(
        md.contains("**Return ratio:** 3 (expected return ÷ cost)"),
        "{md}"
    );
    assert!(md.contains("No dataset is linked"), "the gap placeholder");
    assert!(md.contains("| One-page checkout | E-commerce | 2026-01-01 | 2026-03-31 | high |"));
    assert!(md.contains("- Checks out online (web, e-commerce, target 4.5, corridor step 2) **moment of truth**"), "{md}");

    let html = html(&inputs);
    assert!(html.contains("<svg"), "the map inline");
    assert!(
        html.contains("<title>Initiative timeline</title>"),
        "the timeline chart"
    );
    assert!(html.contains("font-family:'Noto Sans'"));
    assert!(
        !html.contains("src=\"http") && !html.contains("href=\"http"),
        "nothing remote"
    );
    assert!(html.contains("@page{size:A4"));
}

#[test]
fn an_uncovered_moment_of_truth_is_warned_about() {
    let mut map = sound_map();
    map.story.kpis.clear();
    map.story.initiatives.clear();
    let md = markdown(&ReportInputs {
        map: &map,
        gaps: None,
    });
    assert!(
        md.contains(
            "> **Warning:** Moments of truth that no initiative or KPI covers: Checks out online."
        ),
        "{md}"
    );
}

pub fn gaps() -> ReportGaps {
    ReportGaps {
        source: "412 cases, January to March 2027".into(),
        summary: vec![Figure {
            label: "Stages met".into(),
            value: "2 of 3".into(),
        }],
        overlay: overlay(),
        priorities: vec![PriorityRow {
            touchpoint: id(41),
            gap: -1.3,
            reach: 0.62,
            impact: 1.61,
        }],
    }
}

#[test]
fn gap_figures_slot_in_when_a_dataset_is_linked() {
    let map = sound_map();
    let gaps = gaps();
    let inputs = ReportInputs {
        map: &map,
        gaps: Some(&gaps),
    };
    let md = markdown(&inputs);
    assert!(!md.contains("No dataset is linked"));
    assert!(md.contains("**Observed data:** 412 cases, January to March 2027"));
    assert!(md.contains("| Stages met | 2 of 3 |"), "{md}");
    assert!(
        md.contains("| 1 | Checks out online | -1.3 | 62% | 1.61 |"),
        "{md}"
    );
    let html = html(&inputs);
    assert!(
        html.contains("<title>Gap per touchpoint</title>"),
        "the gap chart"
    );
    assert!(
        html.contains("Observed 3.2 · gap -1.3"),
        "the map coloured by its gaps"
    );
}

#[test]
fn the_examples_make_reports() {
    for (name, text) in example_files() {
        let map = file::from_str(&text).unwrap();
        let inputs = ReportInputs {
            map: &map,
            gaps: None,
        };
        let md = markdown(&inputs);
        for t in &map.story.initiatives {
            assert!(
                md.contains(&corridor_core_md_escape(&t.title)),
                "{name}: {}",
                t.title
            );
        }
        let html = html(&inputs);
        assert!(html.len() > 100_000, "{name}");
    }
}

fn corridor_core_md_escape(text: &str) -> String {
    text.replace('&', "\\&")
        .replace('*', "\\*")
        .replace('_', "\\_")
}

/// The sound map with two votes: a closed one (a tie for second place, a decision) and an open
/// one, both on its lane cards and touchpoints.
fn voted() -> JourneyMap {
    let mut map = sound_map();
    let a = map.lane_cards[0].id;
    let b = map.touchpoints[0].id;
    let c = map.touchpoints[1].id;
    let d = map.touchpoints[2].id;
    map.votes = vec![
        Vote {
            id: id(900),
            name: format!("Which first? {PAYLOAD}"),
            cards: vec![a, b, c, d],
            dots_per_person: 3,
            status: VoteStatus::Closed,
            voters: 4,
            tallies: vec![
                Tally { card: a, dots: 2 },
                Tally { card: b, dots: 5 },
                Tally { card: c, dots: 2 },
                Tally { card: d, dots: 0 },
            ],
            decision: format!("Fix the ad first {PAYLOAD}"),
        },
        Vote {
            id: id(901),
            name: "Still counting".into(),
            cards: vec![a],
            dots_per_person: 2,
            status: VoteStatus::Open,
            voters: 0,
            tallies: vec![],
            decision: String::new(),
        },
    ];
    map
}

#[test]
fn votes_appear_ranked_with_their_decision_in_every_format() {
    let map = voted();
    let inputs = ReportInputs {
        map: &map,
        gaps: None,
    };
    let md = markdown(&inputs);
    let section = &md[md.find("## Workshop votes").expect("a votes section")..];
    assert!(
        section.contains("4 voters, 3 dots each, on 4 cards."),
        "{section}"
    );
    // Most dots first; the tie shares rank 2 in the vote's order; the last is rank 4.
    let rows: Vec<&str> = section
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| Rank") && !l.starts_with("| ---"))
        .take(4)
        .collect();
    let text =
        |i: usize| corridor_core_md_escape(map.card_text(map.votes[0].tallies[i].card).unwrap());
    let expect = [(1, 1, 5), (2, 0, 2), (2, 2, 2), (4, 3, 0)];
    assert_eq!(rows.len(), 4, "{section}");
    for (row, (rank, card, dots)) in rows.iter().zip(expect) {
        assert!(row.starts_with(&format!("| {rank} |")), "{row}");
        assert!(row.contains(&text(card)), "{row} lacks {}", text(card));
        assert!(row.trim_end().ends_with(&format!("| {dots} |")), "{row}");
    }
    assert!(
        section.contains("**Decision:** Fix the ad first"),
        "{section}"
    );
    assert!(section.contains("### Still counting"));
    assert!(section.contains("Still open (2 dots per person)"));

    let page = html(&inputs);
    assert!(page.contains("Workshop votes"));
    assert!(page.contains("Fix the ad first"));
    assert!(
        !page.contains(PAYLOAD),
        "the vote's texts are escaped in HTML"
    );
    assert!(
        !md.contains("<script>"),
        "the vote's texts are escaped in Markdown"
    );

    // No votes: no section.
    let mut plain = sound_map();
    plain.votes.clear();
    assert!(!markdown(&ReportInputs {
        map: &plain,
        gaps: None
    })
    .contains("Workshop votes"));
}
