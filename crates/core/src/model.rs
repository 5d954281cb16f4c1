//! The journey map and everything on it, as plain data.
//!
//! A map is one value: it owns its personas, stages, touchpoints, lanes, corridor and strategy
//! story. Ids are UUIDs made at the edge (the app, the CLI, a test) and passed in; nothing here
//! generates one or reads a clock. Collections are `Vec`s whose order is meaningful (stage order,
//! lane order, card order within a stage), so the serialised form is stable.

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::story::Story;

/// A stable identifier, written as a hyphenated UUID string.
pub type Id = Uuid;

/// One customer journey: one persona's (or segment's) path through the organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct JourneyMap {
    pub id: Id,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// When the map was first made. Set by whoever creates it; kept by every save.
    pub created: DateTime<Utc>,
    /// When the map last changed. Set by the store when an edit lands.
    pub modified: DateTime<Utc>,
    /// The persona this map is drawn for, one of `personas`.
    #[serde(default)]
    pub persona: Option<Id>,
    #[serde(default)]
    pub personas: Vec<Persona>,
    /// The columns of the map, in order.
    pub stages: Vec<Stage>,
    /// The rows of the map, in order.
    #[serde(default)]
    pub lanes: Vec<Lane>,
    /// Touchpoints, in board order (within a stage, earlier entries sit higher).
    #[serde(default)]
    pub touchpoints: Vec<Touchpoint>,
    /// Cards in the lanes other than the touchpoint lane, in board order.
    #[serde(default)]
    pub lane_cards: Vec<LaneCard>,
    /// The ideal path through the touchpoints.
    #[serde(default)]
    pub corridor: Corridor,
    pub score_scale: ScoreScale,
    #[serde(default)]
    pub story: Story,
    /// The dot votes held on the map's cards in workshops, in the order they were opened.
    #[serde(default)]
    pub votes: Vec<Vote>,
}

/// Who the journey is for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Persona {
    pub id: Id,
    pub name: String,
    /// A sentence or two: who they are, in their situation.
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub goals: Vec<String>,
    #[serde(default)]
    pub needs: Vec<String>,
    /// What the ideal customer of this kind looks like, in the team's words.
    #[serde(default)]
    pub ideal_customer_notes: String,
}

/// An ordered column of the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub description: String,
}

/// A moment where the customer meets the organisation, directly or not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Touchpoint {
    pub id: Id,
    pub title: String,
    /// The stage (column) it sits in.
    pub stage: Id,
    pub channel: Channel,
    pub contact: Contact,
    pub owner: Department,
    pub control: Control,
    /// What the customer expects at this moment, in their words.
    #[serde(default)]
    pub expectation: String,
    /// The score the organisation aims for here, on the map's score scale.
    #[serde(default)]
    pub target_score: Option<f64>,
    #[serde(default)]
    pub involvement: Vec<Involvement>,
    /// The emotion the design intends, from -2 (very negative) to +2 (very positive).
    #[serde(default)]
    pub designed_emotion: Option<f64>,
    /// A word for the designed emotion ("relieved", "confident").
    #[serde(default)]
    pub emotion_label: String,
    #[serde(default)]
    pub moment_of_truth: bool,
    #[serde(default)]
    pub friction: Vec<Friction>,
    #[serde(default)]
    pub notes: String,
    /// The activity names under which this touchpoint appears in observed data.
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl Touchpoint {
    /// A touchpoint with its id, title and stage, and otherwise what the board gives a new one
    /// (ui/src/lib/boardEdits.ts `blankTouchpoint`): on the web, direct, owned, Service as owner,
    /// nothing else said. Set other fields with struct update syntax:
    /// `Touchpoint { channel: Channel::Phone, ..Touchpoint::new(id, "Call", stage) }`.
    pub fn new(id: Id, title: impl Into<String>, stage: Id) -> Self {
        Touchpoint {
            id,
            title: title.into(),
            stage,
            channel: Channel::Web,
            contact: Contact::Direct,
            owner: Department::Service,
            control: Control::Owned,
            expectation: String::new(),
            target_score: None,
            involvement: Vec::new(),
            designed_emotion: None,
            emotion_label: String::new(),
            moment_of_truth: false,
            friction: Vec::new(),
            notes: String::new(),
            aliases: Vec::new(),
        }
    }
}

/// How the customer meets the touchpoint. `custom` holds a channel of the team's own.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
// `Channel` is a name the Tauri runtime's TypeScript takes for itself; the container name
// changes nothing in the JSON.
#[serde(rename = "TouchpointChannel", rename_all = "snake_case")]
pub enum Channel {
    Web,
    MobileApp,
    Phone,
    InPerson,
    Email,
    Chat,
    Social,
    Partner,
    Other,
    Custom(String),
}

/// Who starts the contact: the customer (purchase, use) or not (advertising, news, reviews).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Contact {
    Direct,
    Indirect,
}

/// The department that owns a touchpoint. `custom` holds a department of the team's own.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Department {
    Marketing,
    Sales,
    Service,
    Finance,
    ECommerce,
    Logistics,
    Billing,
    Hr,
    Product,
    It,
    Custom(String),
}

/// Whether the organisation runs the touchpoint itself or an intermediary represents it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Control {
    Owned,
    Intermediary,
}

/// What the moment asks of the customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Involvement {
    Rational,
    Emotional,
    Sensorial,
    Physical,
}

/// A kind of friction the customer may feel at a touchpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Friction {
    Delay,
    Friction,
    Frustration,
    Doubt,
    Insecurity,
    Stress,
    LackOfTrust,
    Confusion,
}

/// A row of the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Lane {
    pub id: Id,
    pub kind: LaneKind,
    pub title: String,
    #[serde(default)]
    pub hidden: bool,
}

/// What a lane holds. The `touchpoints` lane shows the touchpoints; the others hold lane cards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum LaneKind {
    Touchpoints,
    CustomerActions,
    Thoughts,
    Feelings,
    PainPoints,
    Opportunities,
    Frontstage,
    Backstage,
    SupportingProcesses,
    Kpis,
    Custom,
}

impl LaneKind {
    /// The lane's usual title.
    pub fn default_title(self) -> &'static str {
        match self {
            LaneKind::Touchpoints => "Touchpoints",
            LaneKind::CustomerActions => "Customer actions",
            LaneKind::Thoughts => "Thoughts",
            LaneKind::Feelings => "Feelings",
            LaneKind::PainPoints => "Pain points",
            LaneKind::Opportunities => "Opportunities",
            LaneKind::Frontstage => "Frontstage",
            LaneKind::Backstage => "Backstage",
            LaneKind::SupportingProcesses => "Supporting processes",
            LaneKind::Kpis => "KPIs",
            LaneKind::Custom => "Custom",
        }
    }
}

/// A card in a lane, sitting in one stage column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct LaneCard {
    pub id: Id,
    pub lane: Id,
    pub stage: Id,
    pub text: String,
    #[serde(default)]
    pub notes: String,
    /// Who raised it in a workshop, or which table group: set when a card is captured.
    #[serde(default)]
    pub tag: Option<CardTag>,
}

/// Where a card captured in a workshop came from. A card from a private brainstorm carries at
/// most a table group, never a participant: its author stays anonymous.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum CardTag {
    /// A participant's name, as the facilitator typed it.
    Participant(String),
    /// A table group ("Table 3").
    TableGroup(String),
}

impl CardTag {
    /// The tag's text, whichever kind it is.
    pub fn text(&self) -> &str {
        match self {
            CardTag::Participant(name) | CardTag::TableGroup(name) => name,
        }
    }
}

/// A dot vote: a room spreads dots over a set of cards to rank them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Vote {
    pub id: Id,
    /// What the room is asked ("Which pain points first?").
    pub name: String,
    /// The cards voted on, in the order they are shown: lane cards and touchpoints, by id.
    pub cards: Vec<Id>,
    /// How many dots each person may place (several on one card if they like).
    pub dots_per_person: u32,
    pub status: VoteStatus,
    /// How many people placed at least one dot.
    #[serde(default)]
    pub voters: u32,
    /// The dots each card received, one entry per card of `cards`, in the same order. Empty
    /// while the vote is open: the count lives in the running session until it closes.
    #[serde(default)]
    pub tallies: Vec<Tally>,
    /// What the room decided in the light of the result.
    #[serde(default)]
    pub decision: String,
}

/// Whether a vote still takes dots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum VoteStatus {
    Open,
    Closed,
}

/// The dots one card received in a vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Tally {
    pub card: Id,
    pub dots: u32,
}

/// The ideal path through the touchpoints.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Corridor {
    /// In order. A touchpoint may appear in more than one step: real journeys loop.
    #[serde(default)]
    pub steps: Vec<CorridorStep>,
}

/// One step of the corridor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct CorridorStep {
    pub id: Id,
    pub touchpoint: Id,
    /// A customer may skip an optional step and still be on the corridor.
    #[serde(default)]
    pub optional: bool,
    /// The expected time from the previous step to this one, in seconds.
    #[serde(default)]
    pub expected_secs_from_previous: Option<u32>,
}

/// The scale scores are given on, with the thresholds that split each observed moment into
/// adds / neutral / takes away.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct ScoreScale {
    /// A short name ("CSAT 1-5").
    pub label: String,
    pub min: f64,
    pub max: f64,
    /// A score at or above this adds to the experience.
    pub adds_at_or_above: f64,
    /// A score at or below this takes away from the experience.
    pub takes_away_at_or_below: f64,
}

impl ScoreScale {
    /// The common 1-5 satisfaction scale: 4 and 5 add, 1 and 2 take away.
    pub fn csat_1_to_5() -> ScoreScale {
        ScoreScale {
            label: "CSAT 1-5".into(),
            min: 1.0,
            max: 5.0,
            adds_at_or_above: 4.0,
            takes_away_at_or_below: 2.0,
        }
    }

    /// Whether a score lies on the scale.
    pub fn contains(&self, score: f64) -> bool {
        score.is_finite() && score >= self.min && score <= self.max
    }
}

impl JourneyMap {
    /// An empty map with the given stage names, the standard lanes and a 1-5 scale.
    /// `ids` hands out fresh ids; `now` is the creation time.
    pub fn new(
        id: Id,
        title: &str,
        stage_names: &[&str],
        ids: &mut dyn FnMut() -> Id,
        now: DateTime<Utc>,
    ) -> JourneyMap {
        let stages = stage_names
            .iter()
            .map(|name| Stage {
                id: ids(),
                name: (*name).to_string(),
                description: String::new(),
            })
            .collect();
        let lanes = [
            LaneKind::CustomerActions,
            LaneKind::Touchpoints,
            LaneKind::Thoughts,
            LaneKind::Feelings,
            LaneKind::PainPoints,
            LaneKind::Opportunities,
            LaneKind::Frontstage,
            LaneKind::Backstage,
            LaneKind::SupportingProcesses,
            LaneKind::Kpis,
        ]
        .into_iter()
        .map(|kind| Lane {
            id: ids(),
            kind,
            title: kind.default_title().into(),
            hidden: false,
        })
        .collect();
        JourneyMap {
            id,
            title: title.to_string(),
            description: String::new(),
            created: now,
            modified: now,
            persona: None,
            personas: Vec::new(),
            stages,
            lanes,
            touchpoints: Vec::new(),
            lane_cards: Vec::new(),
            corridor: Corridor::default(),
            score_scale: ScoreScale::csat_1_to_5(),
            story: Story::default(),
            votes: Vec::new(),
        }
    }

    pub fn stage(&self, id: Id) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    pub fn touchpoint(&self, id: Id) -> Option<&Touchpoint> {
        self.touchpoints.iter().find(|t| t.id == id)
    }

    pub fn vote(&self, id: Id) -> Option<&Vote> {
        self.votes.iter().find(|v| v.id == id)
    }

    /// The text of a card that may be voted on: a lane card's text or a touchpoint's title.
    pub fn card_text(&self, id: Id) -> Option<&str> {
        self.lane_cards
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.text.as_str())
            .or_else(|| self.touchpoint(id).map(|t| t.title.as_str()))
    }

    pub fn persona_by_id(&self, id: Id) -> Option<&Persona> {
        self.personas.iter().find(|p| p.id == id)
    }

    /// The touchpoints of one stage, in board order.
    pub fn touchpoints_in(&self, stage: Id) -> impl Iterator<Item = &Touchpoint> {
        self.touchpoints.iter().filter(move |t| t.stage == stage)
    }
}
