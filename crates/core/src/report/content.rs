//! What the report says, as neutral blocks the three writers turn into Markdown, HTML and PDF.

use super::{charts, timeline, ReportInputs};
use crate::model::{Id, JourneyMap};
use crate::outline::department_name;
use crate::render::layout::capitalised;
use crate::render::number;
use crate::story::{OpeningKind, Priority, Remedy, WorkStatus};
use crate::strategy::{
    asset_totals, discipline_coverage, timeline as timeline_groups, uncovered_moments_of_truth,
    CoverageSource, TimelineGrouping,
};

/// A run of text, bold or not.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
}

pub fn plain(text: impl Into<String>) -> Span {
    Span {
        text: text.into(),
        bold: false,
    }
}

pub fn bold(text: impl Into<String>) -> Span {
    Span {
        text: text.into(),
        bold: true,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub header: Vec<&'static str>,
    pub align: Vec<Align>,
    /// Relative column widths for the paginated writer.
    pub widths: Vec<f32>,
    pub rows: Vec<Vec<String>>,
    /// A last row set apart (totals).
    pub footer: Option<Vec<String>>,
}

/// The report's charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chart {
    /// The initiatives over months, by department.
    Timeline,
    /// Gap per touchpoint (needs the gap figures).
    Gaps,
}

impl Chart {
    /// The chart as an SVG document `width` units wide; `None` when there is nothing to draw.
    pub fn svg(self, inputs: &ReportInputs, width: f32) -> Option<String> {
        match self {
            Chart::Timeline => timeline::timeline_svg_width(inputs.map, width),
            Chart::Gaps => charts::gap_chart(inputs.map, &inputs.gaps?.overlay, width),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Title {
        title: String,
        lines: Vec<String>,
    },
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(Vec<Span>),
    /// Text the team wrote in Markdown (the narrative).
    Markdown(String),
    Bullets(Vec<Vec<Span>>),
    Table(Table),
    /// The map picture.
    Map,
    /// A chart, drawn by each writer at its own width, with a text alternative.
    Chart {
        chart: Chart,
        alt: String,
    },
    Note {
        warning: bool,
        text: String,
    },
}

fn heading(level: u8, text: &str) -> Block {
    Block::Heading {
        level,
        text: text.into(),
    }
}

fn para(spans: Vec<Span>) -> Block {
    Block::Paragraph(spans)
}

pub fn status_label(status: WorkStatus) -> &'static str {
    match status {
        WorkStatus::Planned => "planned",
        WorkStatus::InProgress => "in progress",
        WorkStatus::Done => "done",
        WorkStatus::Dropped => "dropped",
    }
}

fn remedy_label(remedy: Remedy) -> &'static str {
    match remedy {
        Remedy::Build => "build",
        Remedy::Hire => "hire",
        Remedy::Partner => "partner",
        Remedy::Acquire => "acquire",
        Remedy::StartupProgramme => "startup programme",
    }
}

pub fn priority_label(priority: Priority) -> &'static str {
    match priority {
        Priority::High => "high",
        Priority::Medium => "medium",
        Priority::Low => "low",
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

fn table(header: Vec<&'static str>, align: Vec<Align>, widths: Vec<f32>) -> Table {
    Table {
        header,
        align,
        widths,
        rows: Vec::new(),
        footer: None,
    }
}

/// Everything the report says, in order.
pub fn build(inputs: &ReportInputs) -> Vec<Block> {
    let map = inputs.map;
    let story = &map.story;
    let mut out = Vec::new();
    let mut lines = Vec::new();
    if !map.description.trim().is_empty() {
        lines.push(map.description.trim().to_string());
    }
    let s = &map.score_scale;
    lines.push(format!(
        "Score scale: {} ({} to {}; a moment adds at {} or above and takes away at {} or below)",
        s.label,
        number(s.min),
        number(s.max),
        number(s.adds_at_or_above),
        number(s.takes_away_at_or_below)
    ));
    lines.push(format!(
        "{} stages, {} touchpoints, a corridor of {} steps. Last changed {}.",
        map.stages.len(),
        map.touchpoints.len(),
        map.corridor.steps.len(),
        map.modified.format("%-d %B %Y")
    ));
    out.push(Block::Title {
        title: map.title.clone(),
        lines,
    });

    personas(map, &mut out);
    out.push(heading(2, "The journey map"));
    out.push(Block::Map);
    gaps(inputs, &mut out);

    out.push(heading(2, "Strategy"));
    match story.style {
        Some(style) => out.push(para(vec![
            bold(format!("{} style. ", style.label())),
            plain(format!(
                "Our guiding question: {}",
                style.guiding_question()
            )),
        ])),
        None => out.push(para(vec![plain("No strategic style chosen yet.")])),
    }
    let n = &story.narrative;
    let opening = match n.opening_kind {
        OpeningKind::Goals => "Opening: the goals",
        OpeningKind::Problem => "Opening: the problem",
    };
    for (title, text) in [
        (opening, &n.opening),
        ("Theme", &n.theme),
        ("Climax: the solutions", &n.climax_solutions),
        ("Foreseen outcomes", &n.foreseen_outcomes),
        ("Conclusion", &n.conclusion),
    ] {
        if !text.trim().is_empty() {
            out.push(heading(3, title));
            out.push(Block::Markdown(text.trim().to_string()));
        }
    }

    success(map, &mut out);
    questions_and_capabilities(map, &mut out);
    assets_and_kpis(map, &mut out);
    initiatives(map, &mut out);
    votes(map, &mut out);

    out.push(heading(2, "Disciplines"));
    let mut t = table(
        vec!["Discipline", "Addressed", "Why"],
        vec![Align::Left, Align::Left, Align::Left],
        vec![1.2, 0.8, 4.0],
    );
    for c in discipline_coverage(map) {
        let why = match c.source {
            CoverageSource::Derived => c.evidence.clone(),
            CoverageSource::Marked if c.evidence.trim().is_empty() => "marked by the team".into(),
            CoverageSource::Marked => format!("{} (marked by the team)", c.evidence.trim()),
        };
        let yes = if c.addressed { "yes" } else { "no" };
        t.rows
            .push(vec![c.discipline.label().into(), yes.into(), why]);
    }
    out.push(Block::Table(t));
    let uncovered = uncovered_moments_of_truth(map);
    if !uncovered.is_empty() {
        out.push(Block::Note {
            warning: true,
            text: format!(
                "Moments of truth that no initiative or KPI covers: {}.",
                titles(map, &uncovered)
            ),
        });
    }
    out
}

fn personas(map: &JourneyMap, out: &mut Vec<Block>) {
    if map.personas.is_empty() {
        return;
    }
    out.push(heading(
        2,
        if map.personas.len() == 1 {
            "Persona"
        } else {
            "Personas"
        },
    ));
    for p in &map.personas {
        let chosen = if map.persona == Some(p.id) {
            " (this map's persona)"
        } else {
            ""
        };
        out.push(heading(3, &format!("{}{chosen}", p.name)));
        if !p.summary.trim().is_empty() {
            out.push(para(vec![plain(p.summary.trim())]));
        }
        let mut items = Vec::new();
        for (label, list) in [("Goals: ", &p.goals), ("Needs: ", &p.needs)] {
            if !list.is_empty() {
                items.push(vec![bold(label), plain(list.join("; "))]);
            }
        }
        if !p.ideal_customer_notes.trim().is_empty() {
            items.push(vec![
                bold("The ideal customer: "),
                plain(p.ideal_customer_notes.trim()),
            ]);
        }
        if !items.is_empty() {
            out.push(Block::Bullets(items));
        }
    }
}

fn gaps(inputs: &ReportInputs, out: &mut Vec<Block>) {
    let map = inputs.map;
    out.push(heading(2, "Observed experience and gaps"));
    let Some(gaps) = inputs.gaps else {
        out.push(Block::Note {
            warning: false,
            text: "No dataset is linked to this map, so there is no gap summary, gap chart or \
                   priority list yet. Link observed data (an event log or a score table) and \
                   export again: they appear here."
                .into(),
        });
        return;
    };
    if !gaps.source.trim().is_empty() {
        out.push(para(vec![
            bold("Observed data: "),
            plain(gaps.source.trim()),
        ]));
    }
    if !gaps.summary.is_empty() {
        let mut t = table(
            vec!["Figure", "Value"],
            vec![Align::Left, Align::Right],
            vec![3.0, 1.5],
        );
        for f in &gaps.summary {
            t.rows.push(vec![f.label.clone(), f.value.clone()]);
        }
        out.push(Block::Table(t));
    }
    if Chart::Gaps.svg(inputs, timeline::WIDTH).is_some() {
        out.push(Block::Chart {
            chart: Chart::Gaps,
            alt: "Gap per touchpoint: observed score minus target".into(),
        });
    }
    out.push(heading(3, "Priorities"));
    if gaps.priorities.is_empty() {
        out.push(para(vec![plain(
            "No touchpoint falls short of its target.",
        )]));
    } else {
        let mut t = table(
            vec!["#", "Touchpoint", "Gap", "Reach", "Impact"],
            vec![
                Align::Right,
                Align::Left,
                Align::Right,
                Align::Right,
                Align::Right,
            ],
            vec![0.4, 4.0, 0.9, 0.9, 0.9],
        );
        for (i, p) in gaps.priorities.iter().enumerate() {
            t.rows.push(vec![
                (i + 1).to_string(),
                titles(map, &[p.touchpoint]),
                number(p.gap),
                format!("{}%", number((p.reach * 1000.0).round() / 10.0)),
                number(p.impact),
            ]);
        }
        out.push(Block::Table(t));
    }
}

fn success(map: &JourneyMap, out: &mut Vec<Block>) {
    let story = &map.story;
    if story.success_definitions.is_empty() {
        return;
    }
    out.push(heading(2, "What success means"));
    for def in &story.success_definitions {
        let who = map
            .persona_by_id(def.persona)
            .map_or("(missing persona)", |p| &p.name);
        out.push(heading(3, &format!("For {who}")));
        let mut items: Vec<Vec<Span>> = def.goals.iter().map(|g| vec![plain(g)]).collect();
        for m in &def.metrics {
            items.push(vec![
                bold(format!("{}: ", m.name)),
                plain(format!("{} {}", number(m.target), m.unit)),
            ]);
        }
        if !items.is_empty() {
            out.push(Block::Bullets(items));
        }
    }
}

fn questions_and_capabilities(map: &JourneyMap, out: &mut Vec<Block>) {
    let story = &map.story;
    if !story.data_questions.is_empty() {
        out.push(heading(2, "What the data says"));
        let mut t = table(
            vec!["Question", "Answer", "Evidence"],
            vec![Align::Left; 3],
            vec![1.6, 3.0, 1.6],
        );
        for q in &story.data_questions {
            t.rows.push(vec![
                q.question.text().into(),
                q.answer.trim().into(),
                q.evidence.trim().into(),
            ]);
        }
        out.push(Block::Table(t));
    }
    if !story.capabilities.is_empty() {
        out.push(heading(2, "Capabilities"));
        let mut t = table(
            vec!["Capability", "Department", "Notes"],
            vec![Align::Left; 3],
            vec![2.0, 1.2, 3.0],
        );
        for c in &story.capabilities {
            t.rows.push(vec![
                c.name.clone(),
                capitalised(department_name(&c.department)),
                c.notes.trim().into(),
            ]);
        }
        out.push(Block::Table(t));
    }
    if !story.weaknesses.is_empty() {
        out.push(heading(2, "Weaknesses and their remedies"));
        let mut t = table(
            vec!["Weakness", "Department", "Remedy", "Status", "Notes"],
            vec![Align::Left; 5],
            vec![2.0, 1.2, 1.0, 0.9, 2.4],
        );
        for w in &story.weaknesses {
            t.rows.push(vec![
                w.name.clone(),
                capitalised(department_name(&w.department)),
                remedy_label(w.remedy).into(),
                status_label(w.status).into(),
                w.notes.trim().into(),
            ]);
        }
        out.push(Block::Table(t));
    }
}

fn assets_and_kpis(map: &JourneyMap, out: &mut Vec<Block>) {
    let story = &map.story;
    if !story.assets.is_empty() {
        out.push(heading(2, "Assets, costs and expected return"));
        let mut t = table(
            vec!["Asset", "Cost", "Expected return", "Notes"],
            vec![Align::Left, Align::Right, Align::Right, Align::Left],
            vec![2.2, 1.0, 1.2, 2.4],
        );
        for a in &story.assets {
            t.rows.push(vec![
                a.name.clone(),
                money(a.cost),
                money(a.expected_return),
                a.notes.trim().into(),
            ]);
        }
        let totals = asset_totals(story);
        t.footer = Some(vec![
            "Total".into(),
            money(totals.cost),
            money(totals.expected_return),
            format!("net {}", money(totals.net)),
        ]);
        out.push(Block::Table(t));
        let ratio = match totals.return_ratio {
            Some(r) => format!("{} (expected return ÷ cost)", number(r)),
            None => "none: nothing costs anything".into(),
        };
        out.push(para(vec![bold("Return ratio: "), plain(ratio)]));
    }
    if !story.kpis.is_empty() {
        out.push(heading(2, "Key performance indicators"));
        let mut t = table(
            vec!["KPI", "Baseline", "Target", "Unit", "Measures"],
            vec![
                Align::Left,
                Align::Right,
                Align::Right,
                Align::Left,
                Align::Left,
            ],
            vec![2.0, 0.8, 0.8, 0.9, 2.6],
        );
        for k in &story.kpis {
            t.rows.push(vec![
                k.name.clone(),
                k.baseline.map(number).unwrap_or_else(|| "-".into()),
                number(k.target),
                k.unit.clone(),
                titles(map, &k.touchpoints),
            ]);
        }
        out.push(Block::Table(t));
    }
}

/// An amount with thousands separated by thin spaces' plain cousin, the comma.
pub fn money(value: f64) -> String {
    let text = number(value);
    let (sign, rest) = text
        .strip_prefix('-')
        .map_or(("", text.as_str()), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

fn initiatives(map: &JourneyMap, out: &mut Vec<Block>) {
    let story = &map.story;
    if story.initiatives.is_empty() {
        return;
    }
    out.push(heading(2, "Initiatives"));
    out.push(Block::Chart {
        chart: Chart::Timeline,
        alt: "The initiatives on a timeline, by department".into(),
    });
    let mut t = table(
        vec![
            "Initiative",
            "Department",
            "Start",
            "End",
            "Priority",
            "Status",
            "Touchpoints",
        ],
        vec![Align::Left; 7],
        vec![2.4, 1.1, 0.95, 0.95, 0.75, 0.85, 2.2],
    );
    let mut overlaps = Vec::new();
    for group in timeline_groups(map, TimelineGrouping::Department) {
        for id in &group.initiatives {
            let Some(i) = story.initiatives.iter().find(|i| i.id == *id) else {
                continue;
            };
            let mut linked = i.touchpoints.clone();
            for g in &i.gaps {
                if !linked.contains(g) {
                    linked.push(*g);
                }
            }
            t.rows.push(vec![
                i.title.clone(),
                capitalised(&group.label),
                i.start.to_string(),
                i.end.to_string(),
                priority_label(i.priority).into(),
                status_label(i.status).into(),
                titles(map, &linked),
            ]);
        }
        let name = |id: &Id| {
            story
                .initiatives
                .iter()
                .find(|i| i.id == *id)
                .map_or("?", |i| i.title.as_str())
        };
        for [a, b] in &group.overlaps {
            overlaps.push(vec![
                bold(format!("{}: ", capitalised(&group.label))),
                plain(format!("{} overlaps {}", name(a), name(b))),
            ]);
        }
    }
    out.push(Block::Table(t));
    if !overlaps.is_empty() {
        out.push(para(vec![plain(
            "Initiatives of one department that run at the same time:",
        )]));
        out.push(Block::Bullets(overlaps));
    }
}

/// The dot votes held in workshops: each with its question, voters, a ranking table (ties share
/// a rank) and the decision the room took. A vote still open says so, without numbers.
fn votes(map: &JourneyMap, out: &mut Vec<Block>) {
    if map.votes.is_empty() {
        return;
    }
    out.push(heading(2, "Workshop votes"));
    for vote in &map.votes {
        out.push(heading(3, &vote.name));
        if vote.status == crate::model::VoteStatus::Open {
            out.push(para(vec![plain(format!(
                "Still open ({} dots per person): its result is counted when it closes.",
                vote.dots_per_person
            ))]));
            continue;
        }
        let voters = if vote.voters == 1 {
            "1 voter".to_string()
        } else {
            format!("{} voters", vote.voters)
        };
        out.push(para(vec![plain(format!(
            "{voters}, {} dots each, on {} cards.",
            vote.dots_per_person,
            vote.cards.len()
        ))]));
        let mut t = table(
            vec!["Rank", "Card", "Dots"],
            vec![Align::Right, Align::Left, Align::Right],
            vec![0.5, 5.0, 0.6],
        );
        for r in crate::workshop::ranking(&vote.tallies) {
            t.rows.push(vec![
                r.rank.to_string(),
                map.card_text(r.card)
                    .unwrap_or("(card removed)")
                    .to_string(),
                r.dots.to_string(),
            ]);
        }
        out.push(Block::Table(t));
        if !vote.decision.trim().is_empty() {
            out.push(para(vec![
                bold("Decision: "),
                plain(vote.decision.trim().to_string()),
            ]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::money;

    #[test]
    fn money_groups_thousands() {
        assert_eq!(money(120000.0), "120,000");
        assert_eq!(money(-1234567.5), "-1,234,567.5");
        assert_eq!(money(999.0), "999");
        assert_eq!(money(0.0), "0");
    }
}
