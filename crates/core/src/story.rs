//! The strategy story: the plan that takes the organisation from today to the ideal journey.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Department, Id};

/// Everything the strategy team writes beside the map.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Story {
    #[serde(default)]
    pub style: Option<StrategyStyle>,
    #[serde(default)]
    pub narrative: Narrative,
    #[serde(default)]
    pub success_definitions: Vec<SuccessDefinition>,
    #[serde(default)]
    pub data_questions: Vec<DataQuestion>,
    #[serde(default)]
    pub capabilities: Vec<Capability>,
    #[serde(default)]
    pub weaknesses: Vec<Weakness>,
    #[serde(default)]
    pub assets: Vec<Asset>,
    #[serde(default)]
    pub kpis: Vec<Kpi>,
    #[serde(default)]
    pub initiatives: Vec<Initiative>,
    /// The team's own say on which disciplines the plan addresses, where Corridor cannot tell
    /// from the content (see `strategy::discipline_coverage`). At most one mark per discipline.
    #[serde(default)]
    pub discipline_marks: Vec<DisciplineMark>,
}

/// How the organisation means to act on its market.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum StrategyStyle {
    Classical,
    Adaptive,
    Shaping,
    Visionary,
}

impl StrategyStyle {
    pub const ALL: [StrategyStyle; 4] = [
        StrategyStyle::Classical,
        StrategyStyle::Adaptive,
        StrategyStyle::Shaping,
        StrategyStyle::Visionary,
    ];

    /// The question a team of this style keeps asking itself.
    pub fn guiding_question(self) -> &'static str {
        match self {
            StrategyStyle::Classical => "Where do we stand, and how do we hold that position?",
            StrategyStyle::Adaptive => "What is changing now, and how fast can we follow it?",
            StrategyStyle::Shaping => {
                "Who can we bring together to change the rules of the market?"
            }
            StrategyStyle::Visionary => "What future do we see first, and how do we build it?",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            StrategyStyle::Classical => "Classical",
            StrategyStyle::Adaptive => "Adaptive",
            StrategyStyle::Shaping => "Shaping",
            StrategyStyle::Visionary => "Visionary",
        }
    }
}

/// The story told to the organisation: opening, theme, climax, conclusion.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Narrative {
    /// Whether the story opens on the goals or on the problem.
    #[serde(default)]
    pub opening_kind: OpeningKind,
    #[serde(default)]
    pub opening: String,
    #[serde(default)]
    pub theme: String,
    /// The solutions the plan proposes.
    #[serde(default)]
    pub climax_solutions: String,
    /// What the team foresees once the solutions are in place.
    #[serde(default)]
    pub foreseen_outcomes: String,
    #[serde(default)]
    pub conclusion: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum OpeningKind {
    #[default]
    Goals,
    Problem,
}

/// What success means for one persona.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct SuccessDefinition {
    pub id: Id,
    pub persona: Id,
    #[serde(default)]
    pub goals: Vec<String>,
    #[serde(default)]
    pub metrics: Vec<Metric>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Metric {
    pub name: String,
    pub target: f64,
    pub unit: String,
}

/// One of the five questions every plan should answer from data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct DataQuestion {
    pub id: Id,
    pub question: DataQuestionKind,
    #[serde(default)]
    pub answer: String,
    /// What the answer rests on: a survey, a log, an interview.
    #[serde(default)]
    pub evidence: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DataQuestionKind {
    HowDoCustomersFindUs,
    WhyDoTheyChooseUs,
    HowEasyIsItToLeaveAReview,
    WhatBringsThemBack,
    HowOftenDoTheyNeedSupport,
}

impl DataQuestionKind {
    pub const ALL: [DataQuestionKind; 5] = [
        DataQuestionKind::HowDoCustomersFindUs,
        DataQuestionKind::WhyDoTheyChooseUs,
        DataQuestionKind::HowEasyIsItToLeaveAReview,
        DataQuestionKind::WhatBringsThemBack,
        DataQuestionKind::HowOftenDoTheyNeedSupport,
    ];

    pub fn text(self) -> &'static str {
        match self {
            DataQuestionKind::HowDoCustomersFindUs => "How do customers find us?",
            DataQuestionKind::WhyDoTheyChooseUs => "Why do they choose us?",
            DataQuestionKind::HowEasyIsItToLeaveAReview => "How easy is it to leave a review?",
            DataQuestionKind::WhatBringsThemBack => "What brings them back?",
            DataQuestionKind::HowOftenDoTheyNeedSupport => "How often do they need support?",
        }
    }
}

/// Something the organisation is already good at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Capability {
    pub id: Id,
    pub name: String,
    pub department: Department,
    #[serde(default)]
    pub notes: String,
}

/// Something the plan needs that the organisation lacks, and how it will get it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Weakness {
    pub id: Id,
    pub name: String,
    pub department: Department,
    pub remedy: Remedy,
    pub status: WorkStatus,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Remedy {
    Build,
    Hire,
    Partner,
    Acquire,
    StartupProgramme,
}

/// Where a piece of work stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum WorkStatus {
    Planned,
    InProgress,
    Done,
    Dropped,
}

/// An asset to build or buy, with what it costs and what it is expected to return.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Asset {
    pub id: Id,
    pub name: String,
    pub cost: f64,
    pub expected_return: f64,
    #[serde(default)]
    pub notes: String,
}

/// A key performance indicator of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Kpi {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub baseline: Option<f64>,
    pub target: f64,
    pub unit: String,
    /// The touchpoints this KPI measures.
    #[serde(default)]
    pub touchpoints: Vec<Id>,
}

/// A piece of work on the plan's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Initiative {
    pub id: Id,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub owner: Department,
    pub priority: Priority,
    pub status: WorkStatus,
    /// The touchpoints this initiative changes.
    #[serde(default)]
    pub touchpoints: Vec<Id>,
    /// The touchpoints whose gaps this initiative answers.
    #[serde(default)]
    pub gaps: Vec<Id>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    High,
    Medium,
    Low,
}

/// The six disciplines a customer-experience plan has to address.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Discipline {
    /// Where the organisation wants the experience to go, and why.
    Strategy,
    /// What the organisation knows about its customers, and how it finds out.
    Intelligence,
    /// The designed journey: touchpoints, targets, the corridor.
    Design,
    /// How the experience is measured against its targets.
    Measurement,
    /// Work that joins departments and channels into one experience.
    Connection,
    /// Running the plan: work under way in the organisation's daily operation.
    LiveOperation,
}

impl Discipline {
    pub const ALL: [Discipline; 6] = [
        Discipline::Strategy,
        Discipline::Intelligence,
        Discipline::Design,
        Discipline::Measurement,
        Discipline::Connection,
        Discipline::LiveOperation,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Discipline::Strategy => "Strategy",
            Discipline::Intelligence => "Intelligence",
            Discipline::Design => "Design",
            Discipline::Measurement => "Measurement",
            Discipline::Connection => "Connection",
            Discipline::LiveOperation => "Live operation",
        }
    }
}

/// The team's own say on one discipline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct DisciplineMark {
    pub discipline: Discipline,
    pub addressed: bool,
    /// Why: what in the plan (or outside it) addresses it, or why it does not.
    #[serde(default)]
    pub note: String,
}
