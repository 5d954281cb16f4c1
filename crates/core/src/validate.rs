//! Every problem of a map at once, each with the path to the field it concerns.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{CardTag, Channel, Department, Id, JourneyMap, LaneKind};

/// One thing wrong with a map. `path` points at the field, as in `touchpoints[3].stage`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// The bounds of a touchpoint's designed emotion.
pub const EMOTION_RANGE: (f64, f64) = (-2.0, 2.0);

struct Check<'a> {
    map: &'a JourneyMap,
    problems: Vec<Problem>,
}

/// A field's path. Validation runs on every edit the store accepts, so the paths of the
/// checks repeated per touchpoint are made only when there is a problem to report.
trait PathArg {
    fn into_path(self) -> String;
}

impl PathArg for String {
    fn into_path(self) -> String {
        self
    }
}

/// A path made on demand.
struct Lazy<F>(F);

impl<F: FnOnce() -> String> PathArg for Lazy<F> {
    fn into_path(self) -> String {
        (self.0)()
    }
}

impl Check<'_> {
    fn problem(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    fn non_empty(&mut self, path: impl PathArg, what: &str, value: &str) {
        if value.trim().is_empty() {
            self.problem(path.into_path(), format!("{what} is empty"));
        }
    }

    fn reference(&mut self, path: impl PathArg, what: &str, id: Id, known: &HashSet<Id>) {
        if !known.contains(&id) {
            self.problem(
                path.into_path(),
                format!("points to {what} {id}, which is not on this map"),
            );
        }
    }

    fn on_scale(&mut self, path: impl PathArg, value: f64) {
        let scale = &self.map.score_scale;
        if !scale.contains(value) {
            self.problem(
                path.into_path(),
                format!(
                    "{value} is outside the score scale {} ({} to {})",
                    scale.label, scale.min, scale.max
                ),
            );
        }
    }

    /// JSON has no NaN or infinity: such a number would be written as `null` and not read back.
    fn finite(&mut self, path: String, value: f64) {
        if !value.is_finite() {
            self.problem(path, format!("{value} is not a finite number"));
        }
    }

    fn channel(&mut self, path: impl PathArg, channel: &Channel) {
        if let Channel::Custom(name) = channel {
            self.non_empty(path, "the custom channel's name", name);
        }
    }

    fn department(&mut self, path: impl PathArg, department: &Department) {
        if let Department::Custom(name) = department {
            self.non_empty(path, "the custom department's name", name);
        }
    }
}

fn ids<T>(items: &[T], id: impl Fn(&T) -> Id) -> HashSet<Id> {
    items.iter().map(id).collect()
}

/// Check a map. An empty list means the map is sound.
pub fn validate(map: &JourneyMap) -> Vec<Problem> {
    let mut c = Check {
        map,
        problems: Vec::new(),
    };
    c.non_empty("title".to_string(), "the map's title", &map.title);
    check_scale(&mut c);
    check_unique_ids(&mut c);

    let personas = ids(&map.personas, |p| p.id);
    let stages = ids(&map.stages, |s| s.id);
    let lanes = ids(&map.lanes, |l| l.id);
    let touchpoints = ids(&map.touchpoints, |t| t.id);

    if let Some(persona) = map.persona {
        c.reference("persona".to_string(), "persona", persona, &personas);
    }
    for (i, p) in map.personas.iter().enumerate() {
        c.non_empty(format!("personas[{i}].name"), "the persona's name", &p.name);
    }
    if map.stages.is_empty() {
        c.problem("stages", "a map needs at least one stage");
    }
    for (i, s) in map.stages.iter().enumerate() {
        c.non_empty(format!("stages[{i}].name"), "the stage's name", &s.name);
    }
    let mut touchpoint_lanes = 0;
    for (i, lane) in map.lanes.iter().enumerate() {
        c.non_empty(format!("lanes[{i}].title"), "the lane's title", &lane.title);
        if lane.kind == LaneKind::Touchpoints {
            touchpoint_lanes += 1;
            if touchpoint_lanes == 2 {
                c.problem(
                    format!("lanes[{i}].kind"),
                    "only one lane may hold the touchpoints",
                );
            }
        }
    }
    for (i, t) in map.touchpoints.iter().enumerate() {
        let at = move |field: &'static str| Lazy(move || format!("touchpoints[{i}].{field}"));
        c.non_empty(at("title"), "the touchpoint's title", &t.title);
        c.reference(at("stage"), "stage", t.stage, &stages);
        c.channel(at("channel"), &t.channel);
        c.department(at("owner"), &t.owner);
        if let Some(target) = t.target_score {
            c.on_scale(at("target_score"), target);
        }
        if let Some(emotion) = t.designed_emotion {
            let (lo, hi) = EMOTION_RANGE;
            if !(lo..=hi).contains(&emotion) {
                c.problem(
                    format!("touchpoints[{i}].designed_emotion"),
                    format!("{emotion} is outside the emotion range {lo} to {hi}"),
                );
            }
        }
        for (j, alias) in t.aliases.iter().enumerate() {
            let path = Lazy(move || format!("touchpoints[{i}].aliases[{j}]"));
            c.non_empty(path, "an alias", alias);
        }
    }
    check_aliases(&mut c);
    let lane_kinds: HashMap<Id, LaneKind> = map.lanes.iter().map(|l| (l.id, l.kind)).collect();
    for (i, card) in map.lane_cards.iter().enumerate() {
        let at = move |field: &'static str| Lazy(move || format!("lane_cards[{i}].{field}"));
        c.non_empty(at("text"), "the card's text", &card.text);
        c.reference(at("lane"), "lane", card.lane, &lanes);
        c.reference(at("stage"), "stage", card.stage, &stages);
        if lane_kinds.get(&card.lane) == Some(&LaneKind::Touchpoints) {
            c.problem(
                format!("lane_cards[{i}].lane"),
                "the touchpoint lane holds touchpoints, not lane cards",
            );
        }
        match &card.tag {
            Some(CardTag::Participant(name)) => {
                c.non_empty(at("tag"), "the participant's name", name)
            }
            Some(CardTag::TableGroup(name)) => {
                c.non_empty(at("tag"), "the table group's name", name)
            }
            None => {}
        }
    }
    for (i, step) in map.corridor.steps.iter().enumerate() {
        c.reference(
            Lazy(move || format!("corridor.steps[{i}].touchpoint")),
            "touchpoint",
            step.touchpoint,
            &touchpoints,
        );
    }
    check_story(&mut c, &personas, &touchpoints);
    check_votes(&mut c, &touchpoints);
    c.problems
}

/// A vote names cards of the map (lane cards or touchpoints), each once, and its tallies count
/// no more dots than its voters had.
fn check_votes(c: &mut Check, touchpoints: &HashSet<Id>) {
    let map = c.map;
    let lane_cards = ids(&map.lane_cards, |x| x.id);
    for (i, vote) in map.votes.iter().enumerate() {
        let at = format!("votes[{i}]");
        c.non_empty(format!("{at}.name"), "the vote's name", &vote.name);
        if vote.dots_per_person == 0 {
            c.problem(
                format!("{at}.dots_per_person"),
                "each person needs at least one dot",
            );
        }
        let mut named = HashSet::new();
        for (j, &card) in vote.cards.iter().enumerate() {
            if !lane_cards.contains(&card) && !touchpoints.contains(&card) {
                c.problem(
                    format!("{at}.cards[{j}]"),
                    format!(
                        "points to card {card}, which is not a lane card or touchpoint of this map"
                    ),
                );
            }
            if !named.insert(card) {
                c.problem(
                    format!("{at}.cards[{j}]"),
                    format!("card {card} is in the vote twice"),
                );
            }
        }
        let mut tallied = HashSet::new();
        let mut dots: u64 = 0;
        for (j, tally) in vote.tallies.iter().enumerate() {
            if !named.contains(&tally.card) {
                c.problem(
                    format!("{at}.tallies[{j}].card"),
                    format!("card {} is not one of the vote's cards", tally.card),
                );
            }
            if !tallied.insert(tally.card) {
                c.problem(
                    format!("{at}.tallies[{j}].card"),
                    format!("card {} is tallied twice", tally.card),
                );
            }
            dots += u64::from(tally.dots);
        }
        let most = u64::from(vote.voters) * u64::from(vote.dots_per_person);
        if dots > most {
            c.problem(
                format!("{at}.tallies"),
                format!(
                    "{dots} dots counted, but {} voters with {} dots each have only {most}",
                    vote.voters, vote.dots_per_person
                ),
            );
        }
    }
}

/// An alias as observed data is matched against it: case and runs of spaces ignored.
pub fn normalize_alias(alias: &str) -> String {
    alias
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// [`normalize_alias`], without a copy when the alias is already in normal form.
fn normalized(alias: &str) -> Cow<'_, str> {
    let normal = !alias.starts_with(' ')
        && !alias.ends_with(' ')
        && !alias.contains("  ")
        && alias
            .chars()
            .all(|ch| ch == ' ' || (!ch.is_whitespace() && ch.to_lowercase().eq([ch])));
    if normal {
        Cow::Borrowed(alias)
    } else {
        Cow::Owned(normalize_alias(alias))
    }
}

/// Observed activities are matched to touchpoints by alias, so one alias names one touchpoint.
fn check_aliases(c: &mut Check) {
    let map = c.map;
    let mut owner: HashMap<Cow<str>, usize> = HashMap::new();
    for (i, t) in map.touchpoints.iter().enumerate() {
        for (j, alias) in t.aliases.iter().enumerate() {
            let key = normalized(alias);
            if key.is_empty() {
                continue;
            }
            match owner.get(&key) {
                Some(&k) if k != i => c.problem(
                    format!("touchpoints[{i}].aliases[{j}]"),
                    format!(
                        "the alias \"{alias}\" also names \"{}\" (touchpoints[{k}]): an observed \
                         activity must match one touchpoint",
                        map.touchpoints[k].title
                    ),
                ),
                Some(_) => {}
                None => {
                    owner.insert(key, i);
                }
            }
        }
    }
}

fn check_scale(c: &mut Check) {
    let s = c.map.score_scale.clone();
    if !(s.min.is_finite() && s.max.is_finite()) || s.min >= s.max {
        c.problem(
            "score_scale",
            format!(
                "the scale runs from {} to {}: min must be below max",
                s.min, s.max
            ),
        );
        return;
    }
    if !s.contains(s.adds_at_or_above) {
        c.problem(
            "score_scale.adds_at_or_above",
            format!("{} is outside the scale", s.adds_at_or_above),
        );
    }
    if !s.contains(s.takes_away_at_or_below) {
        c.problem(
            "score_scale.takes_away_at_or_below",
            format!("{} is outside the scale", s.takes_away_at_or_below),
        );
    }
    if s.takes_away_at_or_below >= s.adds_at_or_above {
        c.problem(
            "score_scale",
            format!(
                "the take-away threshold ({}) must be below the adds threshold ({})",
                s.takes_away_at_or_below, s.adds_at_or_above
            ),
        );
    }
}

fn check_unique_ids(c: &mut Check) {
    let map = c.map;
    let story = &map.story;
    fn ids<T>(list: &[T], id: impl Fn(&T) -> Id) -> Vec<Id> {
        list.iter().map(id).collect()
    }
    let lists: [(&str, Vec<Id>); 14] = [
        ("personas", ids(&map.personas, |x| x.id)),
        ("stages", ids(&map.stages, |x| x.id)),
        ("lanes", ids(&map.lanes, |x| x.id)),
        ("touchpoints", ids(&map.touchpoints, |x| x.id)),
        ("lane_cards", ids(&map.lane_cards, |x| x.id)),
        ("corridor.steps", ids(&map.corridor.steps, |x| x.id)),
        (
            "story.success_definitions",
            ids(&story.success_definitions, |x| x.id),
        ),
        ("story.data_questions", ids(&story.data_questions, |x| x.id)),
        ("story.capabilities", ids(&story.capabilities, |x| x.id)),
        ("story.weaknesses", ids(&story.weaknesses, |x| x.id)),
        ("story.assets", ids(&story.assets, |x| x.id)),
        ("story.kpis", ids(&story.kpis, |x| x.id)),
        ("story.initiatives", ids(&story.initiatives, |x| x.id)),
        ("votes", ids(&map.votes, |x| x.id)),
    ];
    // Where each id was first seen: the map itself, or (list, index).
    let path = |at: Option<(&str, usize)>| match at {
        None => "id".to_string(),
        Some((name, i)) => format!("{name}[{i}].id"),
    };
    let mut seen: HashMap<Id, Option<(&str, usize)>> = HashMap::new();
    seen.insert(map.id, None);
    for (name, list) in &lists {
        for (i, &id) in list.iter().enumerate() {
            match seen.get(&id) {
                Some(&first) => {
                    let first = path(first);
                    c.problem(
                        path(Some((name, i))),
                        format!("id {id} is already used by {first}"),
                    );
                }
                None => {
                    seen.insert(id, Some((name, i)));
                }
            }
        }
    }
}

fn check_story(c: &mut Check, personas: &HashSet<Id>, touchpoints: &HashSet<Id>) {
    let story = &c.map.story;
    for (i, def) in story.success_definitions.iter().enumerate() {
        let at = format!("story.success_definitions[{i}]");
        c.reference(format!("{at}.persona"), "persona", def.persona, personas);
        for (j, m) in def.metrics.iter().enumerate() {
            c.non_empty(
                format!("{at}.metrics[{j}].name"),
                "the metric's name",
                &m.name,
            );
            c.finite(format!("{at}.metrics[{j}].target"), m.target);
        }
    }
    let mut asked = HashSet::new();
    for (i, q) in story.data_questions.iter().enumerate() {
        if !asked.insert(q.question) {
            c.problem(
                format!("story.data_questions[{i}].question"),
                "this question is answered twice",
            );
        }
    }
    for (i, cap) in story.capabilities.iter().enumerate() {
        c.non_empty(
            format!("story.capabilities[{i}].name"),
            "the capability's name",
            &cap.name,
        );
        c.department(
            format!("story.capabilities[{i}].department"),
            &cap.department,
        );
    }
    for (i, w) in story.weaknesses.iter().enumerate() {
        c.non_empty(
            format!("story.weaknesses[{i}].name"),
            "the weakness's name",
            &w.name,
        );
        c.department(format!("story.weaknesses[{i}].department"), &w.department);
    }
    for (i, a) in story.assets.iter().enumerate() {
        c.non_empty(
            format!("story.assets[{i}].name"),
            "the asset's name",
            &a.name,
        );
        if a.cost < 0.0 {
            c.problem(
                format!("story.assets[{i}].cost"),
                format!("cost {} is negative", a.cost),
            );
        }
        c.finite(format!("story.assets[{i}].cost"), a.cost);
        c.finite(
            format!("story.assets[{i}].expected_return"),
            a.expected_return,
        );
    }
    for (i, k) in story.kpis.iter().enumerate() {
        c.non_empty(format!("story.kpis[{i}].name"), "the KPI's name", &k.name);
        if let Some(baseline) = k.baseline {
            c.finite(format!("story.kpis[{i}].baseline"), baseline);
        }
        c.finite(format!("story.kpis[{i}].target"), k.target);
        for (j, t) in k.touchpoints.iter().enumerate() {
            c.reference(
                format!("story.kpis[{i}].touchpoints[{j}]"),
                "touchpoint",
                *t,
                touchpoints,
            );
        }
    }
    let mut marked = HashSet::new();
    for (i, mark) in story.discipline_marks.iter().enumerate() {
        if !marked.insert(mark.discipline) {
            c.problem(
                format!("story.discipline_marks[{i}].discipline"),
                format!("{} is marked twice", mark.discipline.label()),
            );
        }
    }
    for (i, init) in story.initiatives.iter().enumerate() {
        let at = format!("story.initiatives[{i}]");
        c.non_empty(format!("{at}.title"), "the initiative's title", &init.title);
        c.department(format!("{at}.owner"), &init.owner);
        if init.end < init.start {
            c.problem(
                format!("{at}.end"),
                format!("ends on {} before it starts on {}", init.end, init.start),
            );
        }
        for (j, t) in init.touchpoints.iter().enumerate() {
            c.reference(
                format!("{at}.touchpoints[{j}]"),
                "touchpoint",
                *t,
                touchpoints,
            );
        }
        for (j, t) in init.gaps.iter().enumerate() {
            c.reference(format!("{at}.gaps[{j}]"), "touchpoint", *t, touchpoints);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_alias_is_borrowed_only_when_it_is_already_normal() {
        for alias in [
            "checkout started",
            "Checkout Started",
            " checkout",
            "checkout ",
            "check  out",
            "check\tout",
            "check\u{a0}out",
            "ǅemal",
            "İstanbul",
            "ΣΟΦΙΑ",
            "",
            "utm_source=instagram",
        ] {
            let fast = normalized(alias);
            assert_eq!(fast, normalize_alias(alias), "{alias:?}");
            assert_eq!(matches!(fast, Cow::Borrowed(_)), fast == alias, "{alias:?}");
        }
    }
}
