//! proptest generators: random sound maps, and random edits that apply to a given map.
//!
//! Edits are generated as [`Plan`]s: choices made by index ("the 3rd non-empty kind", "the
//! item at this position"), resolved against the map they will meet, so every resolved edit
//! applies, and a batch's later edits are resolved against the state its earlier ones leave.

use chrono::Duration;
use corridor_core::edit::kind_name;
use corridor_core::*;
use proptest::prelude::*;
use proptest::sample::{subsequence, Index};
use uuid::Uuid;

use crate::common::{date, t0, Ids};

/// Ids of generated maps start here; fresh ids for inserted items start at `FRESH`.
const FRESH: u128 = 1 << 64;

/// A dangling id, used when an item must point at a kind the map has none of.
pub const NOWHERE: Id = Uuid::from_u128(u128::MAX);

pub fn fresh_ids() -> Ids {
    Ids::starting_at(FRESH)
}

const CHANNELS: [Channel; 9] = [
    Channel::Web,
    Channel::MobileApp,
    Channel::Phone,
    Channel::InPerson,
    Channel::Email,
    Channel::Chat,
    Channel::Social,
    Channel::Partner,
    Channel::Other,
];

const CARD_LANES: [LaneKind; 10] = [
    LaneKind::CustomerActions,
    LaneKind::Thoughts,
    LaneKind::Feelings,
    LaneKind::PainPoints,
    LaneKind::Opportunities,
    LaneKind::Frontstage,
    LaneKind::Backstage,
    LaneKind::SupportingProcesses,
    LaneKind::Kpis,
    LaneKind::Custom,
];

fn pick(ids: &[Id], at: &Index) -> Id {
    if ids.is_empty() {
        NOWHERE
    } else {
        ids[at.index(ids.len())]
    }
}

fn picks(ids: &[Id], at: &[Index]) -> Vec<Id> {
    if ids.is_empty() {
        Vec::new()
    } else {
        at.iter().map(|i| pick(ids, i)).collect()
    }
}

type TouchpointSpec = (Index, u8, Option<f64>, Option<f64>, bool, Vec<u8>);
type InitiativeSpec = (u16, i64, i64, Vec<Index>, Vec<Index>);
type VoteSpec = (Vec<Index>, u32, bool, Vec<u32>, u32, u16);

/// A random map that `validate` finds sound, using every collection.
pub fn arb_map() -> impl Strategy<Value = JourneyMap> {
    let layout = (
        1usize..5,
        0usize..3,
        prop::option::of(any::<Index>()),
        prop::collection::vec(0usize..CARD_LANES.len(), 0..4),
        prop::option::of(any::<Index>()),
    );
    let touchpoint: BoxedStrategy<TouchpointSpec> = (
        any::<Index>(),
        0u8..10,
        prop::option::of(1.0f64..=5.0),
        prop::option::of(-2.0f64..=2.0),
        any::<bool>(),
        prop::collection::vec(any::<u8>(), 0..2),
    )
        .boxed();
    let board = (
        prop::collection::vec(touchpoint, 0..6),
        prop::collection::vec((any::<Index>(), any::<Index>()), 0..5),
        prop::collection::vec((any::<Index>(), any::<bool>(), any::<Option<u32>>()), 0..6),
    );
    let initiative: BoxedStrategy<InitiativeSpec> = (
        any::<u16>(),
        0i64..700,
        0i64..400,
        prop::collection::vec(any::<Index>(), 0..3),
        prop::collection::vec(any::<Index>(), 0..2),
    )
        .boxed();
    let story = (
        prop::option::of(prop::sample::select(StrategyStyle::ALL.to_vec())),
        prop::collection::vec(any::<Index>(), 0..3),
        subsequence(DataQuestionKind::ALL.to_vec(), 0..=5),
        (
            0usize..3,
            0usize..3,
            prop::collection::vec(0.0f64..1e6, 0..3),
        ),
        prop::collection::vec(prop::collection::vec(any::<Index>(), 0..3), 0..3),
        prop::collection::vec(initiative, 0..3),
    );
    let vote: BoxedStrategy<VoteSpec> = (
        prop::collection::vec(any::<Index>(), 0..4),
        1u32..6,
        any::<bool>(),
        prop::collection::vec(0u32..20, 0..4),
        0u32..3,
        any::<u16>(),
    )
        .boxed();
    let votes = prop::collection::vec(vote, 0..3);
    (layout, board, story, votes).prop_map(|(layout, board, story, votes)| {
        let mut map = build(layout, board, story);
        let mut ids = Ids::starting_at(FRESH / 2);
        for spec in votes {
            let vote = make_vote(ids.next(), spec, &map);
            map.votes.push(vote);
        }
        map
    })
}

/// A sound vote on some of the map's lane cards and touchpoints.
fn make_vote(
    id: Id,
    (cards, dots_per_person, closed, dots, extra_voters, salt): VoteSpec,
    map: &JourneyMap,
) -> Vote {
    let candidates: Vec<Id> = map
        .lane_cards
        .iter()
        .map(|c| c.id)
        .chain(map.touchpoints.iter().map(|t| t.id))
        .collect();
    let mut chosen: Vec<Id> = Vec::new();
    for card in picks(&candidates, &cards) {
        if !chosen.contains(&card) {
            chosen.push(card);
        }
    }
    let tallies: Vec<Tally> = if closed {
        chosen
            .iter()
            .zip(dots.iter().chain(std::iter::repeat(&0)))
            .map(|(&card, &dots)| Tally { card, dots })
            .collect()
    } else {
        Vec::new()
    };
    let sum: u32 = tallies.iter().map(|t| t.dots).sum();
    Vote {
        id,
        name: format!("Vote {salt}"),
        cards: chosen,
        dots_per_person,
        status: if closed {
            VoteStatus::Closed
        } else {
            VoteStatus::Open
        },
        voters: sum.div_ceil(dots_per_person) + extra_voters,
        tallies,
        decision: if salt.is_multiple_of(2) {
            String::new()
        } else {
            format!("Decision {salt}")
        },
    }
}

#[allow(clippy::type_complexity)]
fn build(
    (n_stages, n_personas, chosen, card_lanes, touchpoint_lane): (
        usize,
        usize,
        Option<Index>,
        Vec<usize>,
        Option<Index>,
    ),
    (touchpoints, cards, steps): (
        Vec<TouchpointSpec>,
        Vec<(Index, Index)>,
        Vec<(Index, bool, Option<u32>)>,
    ),
    (style, success, questions, (n_caps, n_weak, assets), kpis, initiatives): (
        Option<StrategyStyle>,
        Vec<Index>,
        Vec<DataQuestionKind>,
        (usize, usize, Vec<f64>),
        Vec<Vec<Index>>,
        Vec<InitiativeSpec>,
    ),
) -> JourneyMap {
    let mut ids = Ids::starting_at(1);
    let map_id = ids.next();
    let mut map = JourneyMap::new(map_id, "Generated", &[], &mut || Uuid::nil(), t0());
    map.lanes.clear();
    map.stages = (0..n_stages)
        .map(|i| Stage {
            id: ids.next(),
            name: format!("Stage {i}"),
            description: String::new(),
        })
        .collect();
    map.personas = (0..n_personas)
        .map(|i| Persona {
            id: ids.next(),
            name: format!("Persona {i}"),
            summary: String::new(),
            goals: Vec::new(),
            needs: Vec::new(),
            ideal_customer_notes: String::new(),
        })
        .collect();
    let persona_ids: Vec<Id> = map.personas.iter().map(|p| p.id).collect();
    map.persona = chosen
        .filter(|_| !persona_ids.is_empty())
        .map(|i| pick(&persona_ids, &i));
    for kind in card_lanes {
        let kind = CARD_LANES[kind];
        map.lanes.push(crate::common::lane(ids.next(), kind));
    }
    if let Some(at) = touchpoint_lane {
        let at = at.index(map.lanes.len() + 1);
        map.lanes
            .insert(at, crate::common::lane(ids.next(), LaneKind::Touchpoints));
    }
    let stage_ids: Vec<Id> = map.stages.iter().map(|s| s.id).collect();
    for (i, (stage, channel, target, emotion, truth, aliases)) in
        touchpoints.into_iter().enumerate()
    {
        let mut t = crate::common::touchpoint(
            ids.next(),
            &format!("Touchpoint {i}"),
            pick(&stage_ids, &stage),
        );
        t.channel = match CHANNELS.get(channel as usize) {
            Some(c) => c.clone(),
            None => Channel::Custom(format!("custom {i}")),
        };
        t.target_score = target;
        t.designed_emotion = emotion;
        t.moment_of_truth = truth;
        t.aliases = aliases
            .iter()
            .map(|a| format!("activity {i}.{a}"))
            .collect();
        map.touchpoints.push(t);
    }
    let card_lane_ids: Vec<Id> = map
        .lanes
        .iter()
        .filter(|l| l.kind != LaneKind::Touchpoints)
        .map(|l| l.id)
        .collect();
    if !card_lane_ids.is_empty() {
        for (i, (lane, stage)) in cards.into_iter().enumerate() {
            map.lane_cards.push(crate::common::card(
                ids.next(),
                pick(&card_lane_ids, &lane),
                pick(&stage_ids, &stage),
                &format!("Card {i}"),
            ));
        }
    }
    let tp_ids: Vec<Id> = map.touchpoints.iter().map(|t| t.id).collect();
    if !tp_ids.is_empty() {
        for (touchpoint, optional, secs) in steps {
            map.corridor.steps.push(CorridorStep {
                id: ids.next(),
                touchpoint: pick(&tp_ids, &touchpoint),
                optional,
                expected_secs_from_previous: secs,
            });
        }
    }
    let story = &mut map.story;
    story.style = style;
    if !persona_ids.is_empty() {
        for persona in success {
            story.success_definitions.push(SuccessDefinition {
                id: ids.next(),
                persona: pick(&persona_ids, &persona),
                goals: vec!["a goal".into()],
                metrics: Vec::new(),
            });
        }
    }
    for question in questions {
        story.data_questions.push(DataQuestion {
            id: ids.next(),
            question,
            answer: String::new(),
            evidence: String::new(),
        });
    }
    for i in 0..n_caps {
        story.capabilities.push(Capability {
            id: ids.next(),
            name: format!("Capability {i}"),
            department: Department::Product,
            notes: String::new(),
        });
    }
    for i in 0..n_weak {
        story.weaknesses.push(Weakness {
            id: ids.next(),
            name: format!("Weakness {i}"),
            department: Department::Custom("Legal".into()),
            remedy: Remedy::Hire,
            status: WorkStatus::Planned,
            notes: String::new(),
        });
    }
    for (i, cost) in assets.into_iter().enumerate() {
        story.assets.push(Asset {
            id: ids.next(),
            name: format!("Asset {i}"),
            cost,
            expected_return: cost * 2.0,
            notes: String::new(),
        });
    }
    for (i, links) in kpis.into_iter().enumerate() {
        story.kpis.push(Kpi {
            id: ids.next(),
            name: format!("KPI {i}"),
            baseline: None,
            target: 1.0,
            unit: "share".into(),
            touchpoints: picks(&tp_ids, &links),
        });
    }
    for (salt, start, days, links, gaps) in initiatives {
        let start = date(2026, 1, 1) + Duration::days(start);
        story.initiatives.push(Initiative {
            id: ids.next(),
            title: format!("Initiative {salt}"),
            description: String::new(),
            start,
            end: start + Duration::days(days),
            owner: Department::Sales,
            priority: Priority::Medium,
            status: WorkStatus::Planned,
            touchpoints: picks(&tp_ids, &links),
            gaps: picks(&tp_ids, &gaps),
        });
    }
    map
}

/// An edit, as choices to be resolved against the map it meets.
#[derive(Debug, Clone)]
pub enum Plan {
    SetTitle(u16),
    SetDescription(u16),
    SetPersona(Option<Index>),
    SetScoreScale(f64, f64),
    SetStoryStyle(Option<StrategyStyle>),
    SetNarrative(u16),
    SetDisciplineMarks(Vec<(usize, bool)>),
    Insert(Index, Index, u16, [Index; 2]),
    Replace(Index, Index, u16, [Index; 2]),
    Remove(Index, Index),
    Move(Index, Index, Index),
    RemoveWithDependents(Index, Index),
    Batch(Vec<Plan>),
}

pub fn arb_plan() -> impl Strategy<Value = Plan> {
    let leaf = prop_oneof![
        1 => any::<u16>().prop_map(Plan::SetTitle),
        1 => any::<u16>().prop_map(Plan::SetDescription),
        1 => any::<Option<Index>>().prop_map(Plan::SetPersona),
        1 => (-10.0f64..10.0, 0.5f64..10.0).prop_map(|(min, span)| Plan::SetScoreScale(min, span)),
        1 => prop::option::of(prop::sample::select(StrategyStyle::ALL.to_vec()))
            .prop_map(Plan::SetStoryStyle),
        1 => any::<u16>().prop_map(Plan::SetNarrative),
        1 => prop::collection::vec((0..Discipline::ALL.len(), any::<bool>()), 0..4)
            .prop_map(Plan::SetDisciplineMarks),
        2 => (any::<Index>(), any::<Index>(), any::<u16>(), any::<[Index; 2]>())
            .prop_map(|(k, at, salt, r)| Plan::Insert(k, at, salt, r)),
        2 => (any::<Index>(), any::<Index>(), any::<u16>(), any::<[Index; 2]>())
            .prop_map(|(k, which, salt, r)| Plan::Replace(k, which, salt, r)),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(k, which)| Plan::Remove(k, which)),
        2 => (any::<Index>(), any::<Index>(), any::<Index>())
            .prop_map(|(k, which, to)| Plan::Move(k, which, to)),
        1 => (any::<Index>(), any::<Index>())
            .prop_map(|(k, which)| Plan::RemoveWithDependents(k, which)),
    ];
    leaf.prop_recursive(2, 12, 4, |inner| {
        prop::collection::vec(inner, 0..4).prop_map(Plan::Batch)
    })
}

/// The kinds of which `map` holds at least one.
pub fn present_kinds(map: &JourneyMap) -> Vec<ItemKind> {
    ItemKind::ALL
        .iter()
        .copied()
        .filter(|k| k.count(map) > 0)
        .collect()
}

/// Turn a plan into an edit that applies to `map`.
pub fn resolve(plan: &Plan, map: &JourneyMap, fresh: &mut Ids) -> Edit {
    let present = present_kinds(map);
    let fallback = Edit::SetTitle {
        title: "Nothing to pick".into(),
    };
    match plan {
        Plan::SetTitle(n) => Edit::SetTitle {
            title: format!("Title {n}"),
        },
        Plan::SetDescription(n) => Edit::SetDescription {
            description: format!("Description {n}"),
        },
        Plan::SetPersona(choice) => Edit::SetPersona {
            persona: choice
                .as_ref()
                .map(|i| pick(&ItemKind::Persona.ids(map), i)),
        },
        Plan::SetScoreScale(min, span) => Edit::SetScoreScale {
            scale: ScoreScale {
                label: format!("{min} to {}", min + span),
                min: *min,
                max: min + span,
                adds_at_or_above: min + span * 0.75,
                takes_away_at_or_below: min + span * 0.25,
            },
        },
        Plan::SetStoryStyle(style) => Edit::SetStoryStyle { style: *style },
        Plan::SetNarrative(n) => Edit::SetNarrative {
            narrative: Narrative {
                opening: format!("Opening {n}"),
                theme: format!("Theme {n}"),
                ..Narrative::default()
            },
        },
        Plan::SetDisciplineMarks(marks) => {
            let mut seen = std::collections::HashSet::new();
            Edit::SetDisciplineMarks {
                marks: marks
                    .iter()
                    .filter(|(d, _)| seen.insert(*d))
                    .map(|(d, addressed)| DisciplineMark {
                        discipline: Discipline::ALL[*d],
                        addressed: *addressed,
                        note: format!("note {d}"),
                    })
                    .collect(),
            }
        }
        Plan::Insert(kind, at, salt, refs) => {
            let kind = ItemKind::ALL[kind.index(ItemKind::ALL.len())];
            Edit::Insert {
                index: at.index(kind.count(map) + 1) as u32,
                item: make_item(kind, fresh.next(), *salt, refs, map),
            }
        }
        Plan::Replace(kind, which, salt, refs) if !present.is_empty() => {
            let kind = present[kind.index(present.len())];
            let id = pick(&kind.ids(map), which);
            Edit::Replace {
                item: make_item(kind, id, *salt, refs, map),
            }
        }
        Plan::Remove(kind, which) if !present.is_empty() => {
            let kind = present[kind.index(present.len())];
            Edit::Remove {
                kind,
                id: pick(&kind.ids(map), which),
            }
        }
        Plan::Move(kind, which, to) if !present.is_empty() => {
            let kind = present[kind.index(present.len())];
            Edit::Move {
                kind,
                id: pick(&kind.ids(map), which),
                to: to.index(kind.count(map)) as u32,
            }
        }
        Plan::RemoveWithDependents(kind, which) => {
            let kinds: Vec<ItemKind> = [
                ItemKind::Stage,
                ItemKind::Touchpoint,
                ItemKind::Lane,
                ItemKind::Persona,
                ItemKind::LaneCard,
            ]
            .into_iter()
            .filter(|k| k.count(map) > 0)
            .collect();
            if kinds.is_empty() {
                return fallback;
            }
            let kind = kinds[kind.index(kinds.len())];
            remove_with_dependents(map, kind, pick(&kind.ids(map), which))
                .expect("the item is on the map")
        }
        Plan::Batch(plans) => {
            let mut scratch = map.clone();
            let mut edits = Vec::new();
            for plan in plans {
                let edit = resolve(plan, &scratch, fresh);
                edit.apply(&mut scratch)
                    .expect("a resolved edit applies to the map it was resolved against");
                edits.push(edit);
            }
            Edit::Batch { edits }
        }
        Plan::Replace(..) | Plan::Remove(..) | Plan::Move(..) => fallback,
    }
}

/// An item of `kind` with the given id; its links point at things on `map` where it has any.
pub fn make_item(kind: ItemKind, id: Id, salt: u16, refs: &[Index; 2], map: &JourneyMap) -> Item {
    let name = format!("{} {salt}", kind_name(kind));
    let stage = pick(&ItemKind::Stage.ids(map), &refs[0]);
    let touchpoint = pick(&ItemKind::Touchpoint.ids(map), &refs[1]);
    let department = if salt.is_multiple_of(2) {
        Department::Billing
    } else {
        Department::Custom(format!("dept {salt}"))
    };
    match kind {
        ItemKind::Persona => Item::Persona(Persona {
            id,
            name,
            summary: format!("summary {salt}"),
            goals: Vec::new(),
            needs: vec!["speed".into()],
            ideal_customer_notes: String::new(),
        }),
        ItemKind::Stage => Item::Stage(Stage {
            id,
            name,
            description: String::new(),
        }),
        ItemKind::Lane => {
            let mut lane = crate::common::lane(id, CARD_LANES[salt as usize % CARD_LANES.len()]);
            lane.hidden = salt.is_multiple_of(3);
            Item::Lane(lane)
        }
        ItemKind::Touchpoint => {
            let mut t = crate::common::touchpoint(id, &name, stage);
            t.channel = CHANNELS[salt as usize % CHANNELS.len()].clone();
            t.target_score = Some(f64::from(salt % 5) + 1.0);
            t.friction = vec![Friction::Delay];
            Item::Touchpoint(t)
        }
        ItemKind::LaneCard => {
            let lane = pick(&ItemKind::Lane.ids(map), &refs[1]);
            let mut card = crate::common::card(id, lane, stage, &name);
            card.tag = match salt % 3 {
                0 => None,
                1 => Some(CardTag::Participant(format!("Person {salt}"))),
                _ => Some(CardTag::TableGroup(format!("Table {salt}"))),
            };
            Item::LaneCard(card)
        }
        ItemKind::Vote => Item::Vote(make_vote(
            id,
            (
                refs.to_vec(),
                u32::from(salt % 5) + 1,
                salt.is_multiple_of(2),
                vec![u32::from(salt % 7), 1],
                u32::from(salt % 3),
                salt,
            ),
            map,
        )),
        ItemKind::CorridorStep => Item::CorridorStep(CorridorStep {
            id,
            touchpoint,
            optional: salt.is_multiple_of(2),
            expected_secs_from_previous: Some(u32::from(salt)),
        }),
        ItemKind::SuccessDefinition => Item::SuccessDefinition(SuccessDefinition {
            id,
            persona: pick(&ItemKind::Persona.ids(map), &refs[0]),
            goals: vec![name],
            metrics: Vec::new(),
        }),
        ItemKind::DataQuestion => Item::DataQuestion(DataQuestion {
            id,
            question: DataQuestionKind::ALL[salt as usize % DataQuestionKind::ALL.len()],
            answer: name,
            evidence: String::new(),
        }),
        ItemKind::Capability => Item::Capability(Capability {
            id,
            name,
            department,
            notes: String::new(),
        }),
        ItemKind::Weakness => Item::Weakness(Weakness {
            id,
            name,
            department,
            remedy: Remedy::Acquire,
            status: WorkStatus::Dropped,
            notes: String::new(),
        }),
        ItemKind::Asset => Item::Asset(Asset {
            id,
            name,
            cost: f64::from(salt),
            expected_return: 0.5,
            notes: String::new(),
        }),
        ItemKind::Kpi => Item::Kpi(Kpi {
            id,
            name,
            baseline: Some(f64::from(salt)),
            target: 3.0,
            unit: "pts".into(),
            touchpoints: vec![touchpoint],
        }),
        ItemKind::Initiative => Item::Initiative(Initiative {
            id,
            title: name,
            description: String::new(),
            start: date(2027, 1, 1),
            end: date(2027, 6, 30),
            owner: department,
            priority: Priority::Low,
            status: WorkStatus::Done,
            touchpoints: vec![touchpoint],
            gaps: Vec::new(),
        }),
    }
}
