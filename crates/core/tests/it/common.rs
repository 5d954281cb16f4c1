//! Fixtures shared by the core tests: a deterministic id source, a hand-made sound map whose
//! layout the tests know by heart, and the example files read from disk.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use corridor_core::*;
use uuid::Uuid;

/// Hands out `Uuid::from_u128(1)`, `Uuid::from_u128(2)`, … (core has no v4 ids).
#[derive(Debug, Default)]
pub struct Ids(pub u128);

impl Ids {
    pub fn starting_at(first: u128) -> Ids {
        Ids(first - 1)
    }

    pub fn next(&mut self) -> Id {
        self.0 += 1;
        Uuid::from_u128(self.0)
    }
}

pub fn t0() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-02-03T04:05:06Z")
        .unwrap()
        .with_timezone(&Utc)
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn touchpoint(id: Id, title: &str, stage: Id) -> Touchpoint {
    Touchpoint {
        owner: Department::Marketing,
        ..Touchpoint::new(id, title, stage)
    }
}

pub fn lane(id: Id, kind: LaneKind) -> Lane {
    Lane {
        id,
        kind,
        title: kind.default_title().into(),
        hidden: false,
    }
}

pub fn card(id: Id, lane: Id, stage: Id, text: &str) -> LaneCard {
    LaneCard {
        id,
        lane,
        stage,
        text: text.into(),
        notes: String::new(),
        tag: None,
    }
}

pub fn step(id: Id, touchpoint: Id) -> CorridorStep {
    CorridorStep {
        id,
        touchpoint,
        optional: false,
        expected_secs_from_previous: None,
    }
}

/// The id `n` of the sound map (ids there are `Uuid::from_u128(n)`).
pub fn id(n: u128) -> Id {
    Uuid::from_u128(n)
}

/// A sound map that uses every collection. Its ids are fixed so tests can name them:
///
/// - map 1; persona 10 (chosen); stages 20 "Awareness", 21 "Purchase", 22 "Use"
/// - lanes 30 customer actions, 31 touchpoints, 32 pain points
/// - touchpoints 40 "Sees an ad" (stage 20), 41 "Checks out online" (21), 42 "Calls support" (22)
/// - lane cards 50 (lane 30, stage 20), 51 (lane 32, stage 21)
/// - corridor steps 60 → 40, 61 → 41, 62 → 42 (optional)
/// - vote 90 on cards 51 and 41 (closed, 4 voters of 3 dots: 7 and 5); card 51 tagged "Table 2"
/// - story: success definition 70 (persona 10), data question 71, capability 72, weakness 73,
///   asset 74, KPI 75 (touchpoints 41, 42), initiative 76 (touchpoints 41, gaps 41)
pub fn sound_map() -> JourneyMap {
    let mut t40 = touchpoint(id(40), "Sees an ad", id(20));
    t40.target_score = Some(3.5);
    t40.designed_emotion = Some(0.5);
    t40.contact = Contact::Indirect;
    t40.channel = Channel::Social;
    let mut t41 = touchpoint(id(41), "Checks out online", id(21));
    t41.target_score = Some(4.5);
    t41.designed_emotion = Some(-1.0);
    t41.moment_of_truth = true;
    t41.owner = Department::ECommerce;
    t41.aliases = vec!["checkout".into()];
    let mut t42 = touchpoint(id(42), "Calls support", id(22));
    t42.channel = Channel::Custom("smoke signals".into());
    t42.owner = Department::Service;
    let mut s61 = step(id(61), id(41));
    s61.expected_secs_from_previous = Some(86_400);
    let mut s62 = step(id(62), id(42));
    s62.optional = true;
    JourneyMap {
        id: id(1),
        title: "Buying a bike".into(),
        description: "From the first ad to the first repair.".into(),
        created: t0(),
        modified: t0(),
        persona: Some(id(10)),
        personas: vec![Persona {
            id: id(10),
            name: "Mara, first-time buyer".into(),
            summary: "Commutes 8 km a day.".into(),
            goals: vec!["a bike that lasts".into()],
            needs: vec!["advice".into()],
            ideal_customer_notes: String::new(),
        }],
        stages: vec![
            Stage {
                id: id(20),
                name: "Awareness".into(),
                description: String::new(),
            },
            Stage {
                id: id(21),
                name: "Purchase".into(),
                description: String::new(),
            },
            Stage {
                id: id(22),
                name: "Use".into(),
                description: String::new(),
            },
        ],
        lanes: vec![
            lane(id(30), LaneKind::CustomerActions),
            lane(id(31), LaneKind::Touchpoints),
            lane(id(32), LaneKind::PainPoints),
        ],
        touchpoints: vec![t40, t41, t42],
        lane_cards: vec![
            card(id(50), id(30), id(20), "Scrolls the social feed"),
            LaneCard {
                tag: Some(CardTag::TableGroup("Table 2".into())),
                ..card(id(51), id(32), id(21), "Payment fails twice")
            },
        ],
        corridor: Corridor {
            steps: vec![step(id(60), id(40)), s61, s62],
        },
        score_scale: ScoreScale::csat_1_to_5(),
        story: Story {
            style: Some(StrategyStyle::Adaptive),
            narrative: Narrative {
                opening_kind: OpeningKind::Problem,
                opening: "Half of the carts are abandoned.".into(),
                theme: "Make paying boring".into(),
                climax_solutions: "One-page checkout.".into(),
                foreseen_outcomes: "Fewer calls.".into(),
                conclusion: "Ship it by spring.".into(),
            },
            success_definitions: vec![SuccessDefinition {
                id: id(70),
                persona: id(10),
                goals: vec!["rides to work within a week".into()],
                metrics: vec![Metric {
                    name: "days to first ride".into(),
                    target: 7.0,
                    unit: "days".into(),
                }],
            }],
            data_questions: vec![DataQuestion {
                id: id(71),
                question: DataQuestionKind::HowDoCustomersFindUs,
                answer: "Social ads".into(),
                evidence: "web analytics".into(),
            }],
            capabilities: vec![Capability {
                id: id(72),
                name: "Repair workshop".into(),
                department: Department::Service,
                notes: String::new(),
            }],
            weaknesses: vec![Weakness {
                id: id(73),
                name: "Payments".into(),
                department: Department::ECommerce,
                remedy: Remedy::Partner,
                status: WorkStatus::Planned,
                notes: String::new(),
            }],
            assets: vec![Asset {
                id: id(74),
                name: "Checkout rebuild".into(),
                cost: 40_000.0,
                expected_return: 120_000.0,
                notes: String::new(),
            }],
            kpis: vec![Kpi {
                id: id(75),
                name: "Checkout completion".into(),
                baseline: Some(0.5),
                target: 0.8,
                unit: "share".into(),
                touchpoints: vec![id(41), id(42)],
            }],
            initiatives: vec![Initiative {
                id: id(76),
                title: "One-page checkout".into(),
                description: String::new(),
                start: date(2026, 1, 1),
                end: date(2026, 3, 31),
                owner: Department::ECommerce,
                priority: Priority::High,
                status: WorkStatus::InProgress,
                touchpoints: vec![id(41)],
                gaps: vec![id(41)],
            }],
            discipline_marks: Vec::new(),
        },
        votes: vec![Vote {
            id: id(90),
            name: "What do we fix first?".into(),
            cards: vec![id(51), id(41)],
            dots_per_person: 3,
            status: VoteStatus::Closed,
            voters: 4,
            tallies: vec![
                Tally {
                    card: id(51),
                    dots: 7,
                },
                Tally {
                    card: id(41),
                    dots: 5,
                },
            ],
            decision: "Start with failing payments.".into(),
        }],
    }
}

pub fn repo_dir(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(name)
}

/// Every `*.corridor.json` in `examples/`, as (file name, text), sorted by name.
pub fn example_files() -> Vec<(String, String)> {
    let dir = repo_dir("examples");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".corridor.json"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no *.corridor.json in {}", dir.display());
    out
}

/// The paths of a map's problems, in the order `validate` reports them.
pub fn problem_paths(map: &JourneyMap) -> Vec<String> {
    validate(map).into_iter().map(|p| p.path).collect()
}
