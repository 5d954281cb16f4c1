//! Workshop logic: a dot vote in progress, a private brainstorm round, and the workshop summary.
//!
//! Pure: no clock, no I/O, no randomness. The room server (crates/room) and the app keep one
//! [`VoteSession`] or [`BrainstormRound`] behind a lock and call these methods; what lands in
//! the map comes out as an [`Edit`] for the store, so it is undoable and journaled like any other.
//!
//! Devices are named by an id the phone's page makes up and keeps ([`check_device`]); the
//! session gives each device its own budget of dots. Ideas of a private round are held apart
//! from the devices that sent them (only a count per device is kept, to bound a flood) and can
//! not be read until the facilitator reveals the round.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

use serde::{Deserialize, Serialize};

use crate::edit::{Edit, Item};
use crate::model::{CardTag, Id, JourneyMap, LaneCard, LaneKind, Tally, Vote, VoteStatus};
use crate::report::markdown::escape;

/// The most dots a person may be given in one vote.
pub const MAX_DOTS_PER_PERSON: u32 = 100;
/// The most cards one vote may hold (a phone page lists them all).
pub const MAX_CARDS_PER_VOTE: usize = 200;
/// The most devices one vote or round accepts (a room of 30 with plenty to spare).
pub const MAX_DEVICES: usize = 500;
/// The longest device id the page may send.
pub const MAX_DEVICE_ID_LEN: usize = 64;
/// The longest idea, in characters.
pub const MAX_IDEA_CHARS: usize = 500;
/// The longest table-group tag, in characters.
pub const MAX_GROUP_CHARS: usize = 60;
/// The most ideas one device may send in one round.
pub const MAX_IDEAS_PER_DEVICE: usize = 50;

/// Why a workshop action was refused. Nothing changed when one is returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkshopError {
    #[error("the vote needs a name")]
    EmptyName,
    #[error("the vote needs at least one card")]
    NoCards,
    #[error("a vote holds at most {max} cards; this one has {count}")]
    TooManyCards { count: usize, max: usize },
    #[error("card {card} is not a lane card or touchpoint of this map")]
    NotOnMap { card: Id },
    #[error("card {card} is in the vote twice")]
    DuplicateCard { card: Id },
    #[error("each person needs between 1 and {max} dots, not {dots}")]
    BadBudget { dots: u32, max: u32 },
    #[error("card {card} is not in this vote")]
    UnknownCard { card: Id },
    #[error("a vote counts whole dots from 1 up, not {dots}")]
    BadDotCount { dots: u32 },
    #[error(
        "this device has placed {placed} of its {budget} dots: {asked} more would exceed its budget"
    )]
    OverBudget {
        budget: u32,
        placed: u32,
        asked: u32,
    },
    #[error("this device has {placed} dots on card {card}: it cannot take back {asked}")]
    NothingToRetract { card: Id, placed: u32, asked: u32 },
    #[error(
        "{dots} dots typed for {people} people with {budget} dots each: that is more than they had"
    )]
    TypedOverBudget { dots: u64, people: u32, budget: u32 },
    #[error("the device id must be 1 to {max} letters, digits, '-' or '_'", max = MAX_DEVICE_ID_LEN)]
    BadDevice,
    #[error("this vote or round already has {max} devices", max = MAX_DEVICES)]
    TooManyDevices,
    #[error("the vote is closed")]
    VoteClosed,
    #[error("vote {vote} is not on this map")]
    VoteNotOnMap { vote: Id },
    #[error("no stage {stage} on this map")]
    NoStage { stage: Id },
    #[error("no lane {lane} on this map")]
    NoLane { lane: Id },
    #[error("the touchpoint lane holds touchpoints, not ideas: choose another lane")]
    TouchpointLane,
    #[error("an idea needs some text")]
    EmptyIdea,
    #[error("an idea is at most {max} characters; this one has {chars}", max = MAX_IDEA_CHARS)]
    IdeaTooLong { chars: usize },
    #[error("a table group is at most {max} characters; this one has {chars}", max = MAX_GROUP_CHARS)]
    GroupTooLong { chars: usize },
    #[error("this device has sent {max} ideas, the most one round takes", max = MAX_IDEAS_PER_DEVICE)]
    TooManyIdeas,
    #[error("the round has been revealed: it takes no more ideas")]
    RoundRevealed,
    #[error("the ideas stay hidden until the facilitator reveals the round")]
    RoundHidden,
    #[error("only the facilitator can end a round")]
    NotFacilitator,
}

/// Check a device id as the page sends it: 1 to 64 ASCII letters, digits, `-` or `_`.
pub fn check_device(device: &str) -> Result<(), WorkshopError> {
    let ok = !device.is_empty()
        && device.len() <= MAX_DEVICE_ID_LEN
        && device
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(WorkshopError::BadDevice)
    }
}

/// Whether `card` is a lane card or a touchpoint of `map`.
fn on_map(map: &JourneyMap, card: Id) -> bool {
    map.lane_cards.iter().any(|c| c.id == card) || map.touchpoints.iter().any(|t| t.id == card)
}

/// One card's place in a vote's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Ranked {
    /// 1 for the most dots; cards with as many dots share a rank ("1, 1, 3").
    pub rank: u32,
    pub card: Id,
    pub dots: u32,
}

/// The result of a vote, most dots first; cards with as many dots keep the vote's order.
pub fn ranking(tallies: &[Tally]) -> Vec<Ranked> {
    let mut order: Vec<&Tally> = tallies.iter().collect();
    // A stable sort: ties keep the order of the vote's cards.
    order.sort_by_key(|t| std::cmp::Reverse(t.dots));
    let mut out: Vec<Ranked> = Vec::with_capacity(order.len());
    for (i, t) in order.into_iter().enumerate() {
        let rank = match out.last() {
            Some(prev) if prev.dots == t.dots => prev.rank,
            _ => i as u32 + 1,
        };
        out.push(Ranked {
            rank,
            card: t.card,
            dots: t.dots,
        });
    }
    out
}

/// A dot vote in progress: its cards, each device's dots, and dots typed on the laptop.
#[derive(Debug, Clone, PartialEq)]
pub struct VoteSession {
    vote: Vote,
    /// Each device's dots per card. Only cards with at least one dot are kept.
    ballots: HashMap<String, BTreeMap<Id, u32>>,
    /// Dots typed on the laptop (a show of hands, paper dots), per card.
    typed: BTreeMap<Id, u32>,
    /// How many people the typed dots stand for.
    typed_people: u32,
    closed: bool,
}

impl VoteSession {
    /// Open a vote on `cards` of `map`, giving each person `dots_per_person` dots. Returns the
    /// session and the edit that records the open vote in the map.
    pub fn open(
        map: &JourneyMap,
        id: Id,
        name: &str,
        cards: Vec<Id>,
        dots_per_person: u32,
    ) -> Result<(VoteSession, Edit), WorkshopError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(WorkshopError::EmptyName);
        }
        if cards.is_empty() {
            return Err(WorkshopError::NoCards);
        }
        if cards.len() > MAX_CARDS_PER_VOTE {
            return Err(WorkshopError::TooManyCards {
                count: cards.len(),
                max: MAX_CARDS_PER_VOTE,
            });
        }
        if !(1..=MAX_DOTS_PER_PERSON).contains(&dots_per_person) {
            return Err(WorkshopError::BadBudget {
                dots: dots_per_person,
                max: MAX_DOTS_PER_PERSON,
            });
        }
        for (i, &card) in cards.iter().enumerate() {
            if !on_map(map, card) {
                return Err(WorkshopError::NotOnMap { card });
            }
            if cards[..i].contains(&card) {
                return Err(WorkshopError::DuplicateCard { card });
            }
        }
        let vote = Vote {
            id,
            name: name.to_string(),
            cards,
            dots_per_person,
            status: VoteStatus::Open,
            voters: 0,
            tallies: Vec::new(),
            decision: String::new(),
        };
        let edit = Edit::Insert {
            index: map.votes.len() as u32,
            item: Item::Vote(vote.clone()),
        };
        Ok((VoteSession::resume(vote), edit))
    }

    /// Take up an open vote of the map again (after the app restarted): no dots yet.
    pub fn resume(vote: Vote) -> VoteSession {
        VoteSession {
            vote,
            ballots: HashMap::new(),
            typed: BTreeMap::new(),
            typed_people: 0,
            closed: false,
        }
    }

    pub fn id(&self) -> Id {
        self.vote.id
    }

    pub fn name(&self) -> &str {
        &self.vote.name
    }

    /// The vote's cards, in the order shown.
    pub fn cards(&self) -> &[Id] {
        &self.vote.cards
    }

    pub fn dots_per_person(&self) -> u32 {
        self.vote.dots_per_person
    }

    pub fn is_closed(&self) -> bool {
        self.closed
    }

    fn check_open(&self) -> Result<(), WorkshopError> {
        if self.closed {
            Err(WorkshopError::VoteClosed)
        } else {
            Ok(())
        }
    }

    fn check_card(&self, card: Id) -> Result<(), WorkshopError> {
        if self.vote.cards.contains(&card) {
            Ok(())
        } else {
            Err(WorkshopError::UnknownCard { card })
        }
    }

    /// The dots `device` has placed, over all cards.
    pub fn placed(&self, device: &str) -> u32 {
        self.ballots
            .get(device)
            .map_or(0, |b| b.values().sum::<u32>())
    }

    /// The dots `device` may still place.
    pub fn remaining(&self, device: &str) -> u32 {
        self.vote.dots_per_person - self.placed(device)
    }

    /// The dots `device` has on each card (cards without one left out).
    pub fn ballot(&self, device: &str) -> BTreeMap<Id, u32> {
        self.ballots.get(device).cloned().unwrap_or_default()
    }

    /// Place `dots` more dots of `device` on `card`. Returns the dots the device has left.
    pub fn cast(&mut self, device: &str, card: Id, dots: u32) -> Result<u32, WorkshopError> {
        self.check_open()?;
        check_device(device)?;
        self.check_card(card)?;
        if dots == 0 {
            return Err(WorkshopError::BadDotCount { dots });
        }
        let budget = self.vote.dots_per_person;
        let placed = self.placed(device);
        if dots > budget - placed {
            return Err(WorkshopError::OverBudget {
                budget,
                placed,
                asked: dots,
            });
        }
        if !self.ballots.contains_key(device) && self.ballots.len() >= MAX_DEVICES {
            return Err(WorkshopError::TooManyDevices);
        }
        *self
            .ballots
            .entry(device.to_string())
            .or_default()
            .entry(card)
            .or_default() += dots;
        Ok(budget - placed - dots)
    }

    /// Take back `dots` of the dots `device` placed on `card`. Returns the dots it has left.
    pub fn retract(&mut self, device: &str, card: Id, dots: u32) -> Result<u32, WorkshopError> {
        self.check_open()?;
        check_device(device)?;
        self.check_card(card)?;
        if dots == 0 {
            return Err(WorkshopError::BadDotCount { dots });
        }
        let placed = self
            .ballots
            .get(device)
            .and_then(|b| b.get(&card))
            .copied()
            .unwrap_or(0);
        if dots > placed {
            return Err(WorkshopError::NothingToRetract {
                card,
                placed,
                asked: dots,
            });
        }
        let ballot = self.ballots.get_mut(device).expect("the device has dots");
        if placed == dots {
            ballot.remove(&card);
        } else {
            ballot.insert(card, placed - dots);
        }
        if ballot.is_empty() {
            self.ballots.remove(device);
        }
        Ok(self.remaining(device))
    }

    /// Set the dots typed on the laptop, for rooms where phones can't reach it: `dots` per card
    /// (cards left out get none) standing for `people` people. Replaces what was typed before.
    pub fn set_typed(
        &mut self,
        dots: &BTreeMap<Id, u32>,
        people: u32,
    ) -> Result<(), WorkshopError> {
        self.check_open()?;
        for &card in dots.keys() {
            self.check_card(card)?;
        }
        let total: u64 = dots.values().map(|&d| u64::from(d)).sum();
        let budget = self.vote.dots_per_person;
        if total > u64::from(people) * u64::from(budget) {
            return Err(WorkshopError::TypedOverBudget {
                dots: total,
                people,
                budget,
            });
        }
        self.typed = dots
            .iter()
            .filter(|(_, &d)| d > 0)
            .map(|(&c, &d)| (c, d))
            .collect();
        self.typed_people = people;
        Ok(())
    }

    /// How many people voted: devices with at least one dot, plus the people typed in.
    pub fn voters(&self) -> u32 {
        self.ballots.len() as u32 + self.typed_people
    }

    /// The dots on each card of the vote, in the vote's order (cards without a dot included).
    pub fn tallies(&self) -> Vec<Tally> {
        self.vote
            .cards
            .iter()
            .map(|&card| Tally {
                card,
                dots: self
                    .ballots
                    .values()
                    .filter_map(|b| b.get(&card))
                    .sum::<u32>()
                    + self.typed.get(&card).copied().unwrap_or(0),
            })
            .collect()
    }

    /// The cards, most dots first.
    pub fn ranking(&self) -> Vec<Ranked> {
        ranking(&self.tallies())
    }

    /// Close the vote: no more dots. Returns the edit that stores it in `map`, closed, with its
    /// tallies, its voter count and the decision noted (replacing the open vote, or adding it
    /// when the map lacks it).
    pub fn close(&mut self, map: &JourneyMap, decision: &str) -> Result<Edit, WorkshopError> {
        self.check_open()?;
        let mut vote = self.vote.clone();
        // Cards removed from the map while the vote ran drop out of it.
        vote.cards.retain(|&c| on_map(map, c));
        vote.tallies = self
            .tallies()
            .into_iter()
            .filter(|t| vote.cards.contains(&t.card))
            .collect();
        vote.voters = self.voters();
        vote.status = VoteStatus::Closed;
        vote.decision = decision.trim().to_string();
        let edit = if map.vote(vote.id).is_some() {
            Edit::Replace {
                item: Item::Vote(vote),
            }
        } else {
            Edit::Insert {
                index: map.votes.len() as u32,
                item: Item::Vote(vote),
            }
        };
        self.closed = true;
        Ok(edit)
    }
}

/// Who asks: only the facilitator may end a brainstorm round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Facilitator,
    Participant,
}

/// An idea of a private round, once revealed: its text and table group, no author.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Idea {
    pub text: String,
    pub group: Option<String>,
}

/// A silent brainstorm: participants send ideas for one stage and lane; nobody reads them until
/// the facilitator reveals the round, and then they carry no author.
#[derive(Debug, Clone, PartialEq)]
pub struct BrainstormRound {
    stage: Id,
    lane: Id,
    prompt: String,
    /// The ideas, apart from who sent them.
    ideas: Vec<Idea>,
    /// How many ideas each device sent: a bound on floods, and nothing else.
    sent: HashMap<String, usize>,
    revealed: bool,
}

impl BrainstormRound {
    /// Open a round for ideas that will land in `stage` and `lane` of `map`.
    pub fn open(
        map: &JourneyMap,
        stage: Id,
        lane: Id,
        prompt: &str,
    ) -> Result<BrainstormRound, WorkshopError> {
        if map.stage(stage).is_none() {
            return Err(WorkshopError::NoStage { stage });
        }
        let Some(found) = map.lanes.iter().find(|l| l.id == lane) else {
            return Err(WorkshopError::NoLane { lane });
        };
        if found.kind == LaneKind::Touchpoints {
            return Err(WorkshopError::TouchpointLane);
        }
        Ok(BrainstormRound {
            stage,
            lane,
            prompt: prompt.trim().to_string(),
            ideas: Vec::new(),
            sent: HashMap::new(),
            revealed: false,
        })
    }

    pub fn stage(&self) -> Id {
        self.stage
    }

    pub fn lane(&self) -> Id {
        self.lane
    }

    /// What the room is asked.
    pub fn prompt(&self) -> &str {
        &self.prompt
    }

    /// How many ideas are in: the one thing anyone may know before the reveal.
    pub fn count(&self) -> usize {
        self.ideas.len()
    }

    pub fn is_revealed(&self) -> bool {
        self.revealed
    }

    /// How many ideas `device` has sent.
    pub fn sent_by(&self, device: &str) -> usize {
        self.sent.get(device).copied().unwrap_or(0)
    }

    /// Take an idea from `device`, optionally with a table group. Returns the ideas in so far.
    pub fn submit(
        &mut self,
        device: &str,
        text: &str,
        group: Option<&str>,
    ) -> Result<usize, WorkshopError> {
        if self.revealed {
            return Err(WorkshopError::RoundRevealed);
        }
        check_device(device)?;
        let text = text.trim();
        if text.is_empty() {
            return Err(WorkshopError::EmptyIdea);
        }
        let chars = text.chars().count();
        if chars > MAX_IDEA_CHARS {
            return Err(WorkshopError::IdeaTooLong { chars });
        }
        let group = group.map(str::trim).filter(|g| !g.is_empty());
        if let Some(g) = group {
            let chars = g.chars().count();
            if chars > MAX_GROUP_CHARS {
                return Err(WorkshopError::GroupTooLong { chars });
            }
        }
        let sent = self.sent_by(device);
        if sent >= MAX_IDEAS_PER_DEVICE {
            return Err(WorkshopError::TooManyIdeas);
        }
        if sent == 0 && self.sent.len() >= MAX_DEVICES {
            return Err(WorkshopError::TooManyDevices);
        }
        self.sent.insert(device.to_string(), sent + 1);
        self.ideas.push(Idea {
            text: text.to_string(),
            group: group.map(str::to_string),
        });
        Ok(self.ideas.len())
    }

    /// The ideas, once revealed: sorted by table group and text, so their order tells nothing
    /// of who sent what when. Before the reveal: [`WorkshopError::RoundHidden`].
    pub fn ideas(&self) -> Result<&[Idea], WorkshopError> {
        if self.revealed {
            Ok(&self.ideas)
        } else {
            Err(WorkshopError::RoundHidden)
        }
    }

    /// End the round and show its ideas. Only the facilitator may. Returns the edit that adds
    /// one lane card per idea in the round's stage and lane (ids from `ids`), with no author,
    /// only the table group when one was given. `map` is the map the edit will meet.
    pub fn reveal(
        &mut self,
        by: Role,
        map: &JourneyMap,
        ids: &mut dyn FnMut() -> Id,
    ) -> Result<Edit, WorkshopError> {
        if by != Role::Facilitator {
            return Err(WorkshopError::NotFacilitator);
        }
        if self.revealed {
            return Err(WorkshopError::RoundRevealed);
        }
        if map.stage(self.stage).is_none() {
            return Err(WorkshopError::NoStage { stage: self.stage });
        }
        if !map.lanes.iter().any(|l| l.id == self.lane) {
            return Err(WorkshopError::NoLane { lane: self.lane });
        }
        self.ideas
            .sort_by(|a, b| (&a.group, &a.text).cmp(&(&b.group, &b.text)));
        self.sent.clear();
        self.revealed = true;
        let start = map.lane_cards.len();
        let edits = self
            .ideas
            .iter()
            .enumerate()
            .map(|(i, idea)| Edit::Insert {
                index: (start + i) as u32,
                item: Item::LaneCard(LaneCard {
                    id: ids(),
                    lane: self.lane,
                    stage: self.stage,
                    text: idea.text.clone(),
                    notes: String::new(),
                    tag: idea.group.clone().map(CardTag::TableGroup),
                }),
            })
            .collect();
        Ok(Edit::Batch { edits })
    }
}

/// What a workshop did, as the app tracked it: the cards captured (by id, in capture order),
/// the votes held, and the decisions noted beyond the votes' own.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WorkshopRecord {
    pub captured: Vec<Id>,
    pub votes: Vec<Id>,
    pub decisions: Vec<String>,
}

/// The workshop summary as Markdown: captured items per stage (in stage order), each vote with
/// its ranking and decision, and the decisions noted. Cards or votes no longer on the map are
/// left out. User text is escaped.
pub fn summary_markdown(map: &JourneyMap, record: &WorkshopRecord) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Workshop summary: {}\n", escape(&map.title));

    out.push_str("## Captured\n\n");
    let captured: Vec<&LaneCard> = record
        .captured
        .iter()
        .filter_map(|id| map.lane_cards.iter().find(|c| c.id == *id))
        .collect();
    if captured.is_empty() {
        out.push_str("Nothing was captured.\n\n");
    }
    for stage in &map.stages {
        let here: Vec<&&LaneCard> = captured.iter().filter(|c| c.stage == stage.id).collect();
        if here.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### {}\n", escape(&stage.name));
        for card in here {
            let lane = map
                .lanes
                .iter()
                .find(|l| l.id == card.lane)
                .map_or("?", |l| l.title.as_str());
            let _ = write!(out, "- {}: {}", escape(lane), escape(&card.text));
            match &card.tag {
                Some(CardTag::TableGroup(g)) => {
                    let _ = write!(out, " (table group: {})", escape(g));
                }
                Some(CardTag::Participant(p)) => {
                    let _ = write!(out, " (from {})", escape(p));
                }
                None => {}
            }
            out.push('\n');
        }
        out.push('\n');
    }

    out.push_str("## Votes\n\n");
    let votes: Vec<&Vote> = record.votes.iter().filter_map(|id| map.vote(*id)).collect();
    if votes.is_empty() {
        out.push_str("No vote was held.\n\n");
    }
    for vote in votes {
        let status = match vote.status {
            VoteStatus::Open => "still open",
            VoteStatus::Closed => "closed",
        };
        let _ = writeln!(
            out,
            "### {}\n\n{} vote: {} {}, {} {} each.\n",
            escape(&vote.name),
            capitalised(status),
            vote.voters,
            if vote.voters == 1 { "voter" } else { "voters" },
            vote.dots_per_person,
            if vote.dots_per_person == 1 {
                "dot"
            } else {
                "dots"
            },
        );
        if vote.tallies.is_empty() {
            out.push_str("No result recorded.\n\n");
        } else {
            // A table, not a numbered list: renderers renumber lists and would hide ties.
            out.push_str("| Rank | Card | Dots |\n| ---: | --- | ---: |\n");
            for r in ranking(&vote.tallies) {
                let text = map
                    .card_text(r.card)
                    .unwrap_or("(a card no longer on the map)");
                let _ = writeln!(out, "| {} | {} | {} |", r.rank, escape(text), r.dots);
            }
            out.push('\n');
        }
        if !vote.decision.is_empty() {
            let _ = writeln!(out, "Decision: {}\n", escape(&vote.decision));
        }
    }

    out.push_str("## Decisions\n\n");
    let decisions: Vec<&str> = record
        .decisions
        .iter()
        .map(|d| d.trim())
        .filter(|d| !d.is_empty())
        .collect();
    if decisions.is_empty() {
        out.push_str("No other decision was noted.\n");
    }
    for d in decisions {
        let _ = writeln!(out, "- {}", escape(d));
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use uuid::Uuid;

    use super::*;
    use crate::model::{Channel, Contact, Control, Department, Touchpoint};

    fn id(n: u128) -> Id {
        Uuid::from_u128(n)
    }

    /// Stages 2 "Onboarding" and 3 "Use"; lanes 4 to 13 in `JourneyMap::new`'s order (5 holds
    /// the touchpoints, 8 the pain points); pain points 100 (stage 2) and 101 (stage 3);
    /// touchpoint 200 (stage 2).
    fn map() -> JourneyMap {
        let mut n = 1;
        let mut ids = || {
            n += 1;
            id(n)
        };
        let now = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
        let mut map = JourneyMap::new(id(1), "Onboarding", &["Onboarding", "Use"], &mut ids, now);
        let pains = map
            .lanes
            .iter()
            .find(|l| l.kind == LaneKind::PainPoints)
            .unwrap()
            .id;
        assert_eq!(pains, id(8));
        for (n, text, stage) in [(100, "Too many forms", 2), (101, "Slow approval", 3)] {
            map.lane_cards.push(LaneCard {
                id: id(n),
                lane: pains,
                stage: id(stage),
                text: text.into(),
                notes: String::new(),
                tag: None,
            });
        }
        map.touchpoints.push(Touchpoint {
            id: id(200),
            title: "Welcome call".into(),
            stage: id(2),
            channel: Channel::Phone,
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
        });
        map
    }

    fn open(map: &JourneyMap, dots: u32) -> VoteSession {
        let (session, edit) = VoteSession::open(
            map,
            id(300),
            "Fix first?",
            vec![id(100), id(101), id(200)],
            dots,
        )
        .unwrap();
        let mut copy = map.clone();
        edit.apply(&mut copy).unwrap();
        assert_eq!(copy.votes.len(), 1);
        assert_eq!(copy.votes[0].status, VoteStatus::Open);
        assert!(
            crate::validate(&copy).is_empty(),
            "{:?}",
            crate::validate(&copy)
        );
        session
    }

    #[test]
    fn opening_refuses_a_bad_vote() {
        let map = map();
        let try_open = |name: &str, cards: Vec<Id>, dots| {
            VoteSession::open(&map, id(300), name, cards, dots)
                .map(|_| ())
                .unwrap_err()
        };
        assert_eq!(try_open(" ", vec![id(100)], 3), WorkshopError::EmptyName);
        assert_eq!(try_open("V", vec![], 3), WorkshopError::NoCards);
        assert_eq!(
            try_open("V", vec![id(100)], 0),
            WorkshopError::BadBudget { dots: 0, max: 100 }
        );
        assert_eq!(
            try_open("V", vec![id(999)], 3),
            WorkshopError::NotOnMap { card: id(999) }
        );
        // A stage is not a card.
        assert_eq!(
            try_open("V", vec![id(2)], 3),
            WorkshopError::NotOnMap { card: id(2) }
        );
        assert_eq!(
            try_open("V", vec![id(100), id(100)], 3),
            WorkshopError::DuplicateCard { card: id(100) }
        );
    }

    #[test]
    fn dots_are_cast_and_retracted_within_each_device_budget() {
        let map = map();
        let mut s = open(&map, 3);
        assert_eq!(s.cast("phone-a", id(100), 2), Ok(1));
        assert_eq!(s.cast("phone-a", id(200), 1), Ok(0));
        assert_eq!(
            s.cast("phone-a", id(101), 1),
            Err(WorkshopError::OverBudget {
                budget: 3,
                placed: 3,
                asked: 1
            })
        );
        // Another phone has its own budget.
        assert_eq!(
            s.cast("phone-b", id(100), 4),
            Err(WorkshopError::OverBudget {
                budget: 3,
                placed: 0,
                asked: 4
            })
        );
        assert_eq!(s.cast("phone-b", id(100), 3), Ok(0));
        assert_eq!(
            s.cast("phone-b", id(999), 1),
            Err(WorkshopError::UnknownCard { card: id(999) })
        );
        assert_eq!(s.cast("phone b", id(100), 1), Err(WorkshopError::BadDevice));
        assert_eq!(
            s.cast("phone-c", id(100), 0),
            Err(WorkshopError::BadDotCount { dots: 0 })
        );
        assert_eq!(
            s.retract("phone-a", id(101), 1),
            Err(WorkshopError::NothingToRetract {
                card: id(101),
                placed: 0,
                asked: 1
            })
        );
        assert_eq!(s.retract("phone-a", id(100), 1), Ok(1));
        assert_eq!(s.cast("phone-a", id(101), 1), Ok(0));
        // a: 100 ×1, 101 ×1, 200 ×1; b: 100 ×3.
        let t = s.tallies();
        assert_eq!(
            t.iter().map(|t| (t.card, t.dots)).collect::<Vec<_>>(),
            [(id(100), 4), (id(101), 1), (id(200), 1)]
        );
        assert_eq!(s.voters(), 2);
        assert_eq!(
            s.ranking(),
            [
                Ranked {
                    rank: 1,
                    card: id(100),
                    dots: 4
                },
                Ranked {
                    rank: 2,
                    card: id(101),
                    dots: 1
                },
                Ranked {
                    rank: 2,
                    card: id(200),
                    dots: 1
                },
            ]
        );
        // A device that takes back all its dots no longer counts as a voter.
        s.retract("phone-b", id(100), 3).unwrap();
        assert_eq!(s.voters(), 1);
        assert_eq!(s.remaining("phone-b"), 3);
    }

    #[test]
    fn ties_share_a_rank_and_keep_the_vote_order() {
        let t = |card, dots| Tally {
            card: id(card),
            dots,
        };
        let ranks: Vec<(u32, Id)> = ranking(&[t(1, 2), t(2, 5), t(3, 2), t(4, 0), t(5, 5)])
            .into_iter()
            .map(|r| (r.rank, r.card))
            .collect();
        assert_eq!(
            ranks,
            [(1, id(2)), (1, id(5)), (3, id(1)), (3, id(3)), (5, id(4))]
        );
    }

    #[test]
    fn typed_dots_count_with_their_people() {
        let map = map();
        let mut s = open(&map, 2);
        s.cast("phone-a", id(101), 2).unwrap();
        let typed = BTreeMap::from([(id(100), 3), (id(101), 2)]);
        assert_eq!(
            s.set_typed(&typed, 2),
            Err(WorkshopError::TypedOverBudget {
                dots: 5,
                people: 2,
                budget: 2
            })
        );
        s.set_typed(&typed, 3).unwrap();
        assert_eq!(s.voters(), 4);
        assert_eq!(s.tallies()[0].dots, 3);
        assert_eq!(s.tallies()[1].dots, 4);
        let bad = BTreeMap::from([(id(7), 1)]);
        assert_eq!(
            s.set_typed(&bad, 9),
            Err(WorkshopError::UnknownCard { card: id(7) })
        );
        assert_eq!(s.voters(), 4, "a refused typing changes nothing");
    }

    #[test]
    fn closing_stores_the_tallies_and_refuses_more_dots() {
        let mut map = map();
        let (mut s, opened) =
            VoteSession::open(&map, id(300), "Fix first?", vec![id(100), id(101)], 2).unwrap();
        opened.apply(&mut map).unwrap();
        s.cast("a", id(101), 2).unwrap();
        s.cast("b", id(100), 1).unwrap();
        let edit = s.close(&map, " Fix approvals ").unwrap();
        assert!(matches!(edit, Edit::Replace { .. }));
        edit.apply(&mut map).unwrap();
        let vote = &map.votes[0];
        assert_eq!(vote.status, VoteStatus::Closed);
        assert_eq!(vote.voters, 2);
        assert_eq!(vote.decision, "Fix approvals");
        assert_eq!(
            vote.tallies,
            [
                Tally {
                    card: id(100),
                    dots: 1
                },
                Tally {
                    card: id(101),
                    dots: 2
                }
            ]
        );
        assert!(crate::validate(&map).is_empty());
        assert_eq!(s.cast("c", id(100), 1), Err(WorkshopError::VoteClosed));
        assert_eq!(s.close(&map, "").unwrap_err(), WorkshopError::VoteClosed);
    }

    #[test]
    fn a_vote_closed_without_its_open_record_is_inserted() {
        let map = map();
        let (mut s, _) = VoteSession::open(&map, id(300), "V", vec![id(200)], 1).unwrap();
        s.cast("a", id(200), 1).unwrap();
        let edit = s.close(&map, "").unwrap();
        assert!(matches!(edit, Edit::Insert { index: 0, .. }));
    }

    #[test]
    fn ideas_stay_hidden_until_the_facilitator_reveals_them_without_author() {
        let mut map = map();
        let mut round = BrainstormRound::open(&map, id(2), id(8), "What slows you down?").unwrap();
        assert_eq!(
            round.submit("phone-a", "  Waiting for the code ", None),
            Ok(1)
        );
        assert_eq!(
            round.submit("phone-b", "Another password", Some("Table 2")),
            Ok(2)
        );
        assert_eq!(
            round.submit("phone-a", "   ", None),
            Err(WorkshopError::EmptyIdea)
        );
        assert_eq!(
            round.submit("phone-a", &"x".repeat(501), None),
            Err(WorkshopError::IdeaTooLong { chars: 501 })
        );
        assert_eq!(round.count(), 2);
        assert_eq!(round.ideas(), Err(WorkshopError::RoundHidden));
        let mut n = 1000;
        let mut ids = || {
            n += 1;
            id(n)
        };
        assert_eq!(
            round.reveal(Role::Participant, &map, &mut ids),
            Err(WorkshopError::NotFacilitator)
        );
        assert!(!round.is_revealed());
        let edit = round.reveal(Role::Facilitator, &map, &mut ids).unwrap();
        edit.apply(&mut map).unwrap();
        assert!(crate::validate(&map).is_empty());
        let new: Vec<&LaneCard> = map.lane_cards.iter().skip(2).collect();
        // Sorted by group then text: no group first.
        assert_eq!(new[0].text, "Waiting for the code");
        assert_eq!(new[0].tag, None);
        assert_eq!(new[1].text, "Another password");
        assert_eq!(new[1].tag, Some(CardTag::TableGroup("Table 2".into())));
        assert!(new
            .iter()
            .all(|c| c.stage == id(2) && c.lane == id(8) && c.notes.is_empty()));
        assert_eq!(round.ideas().unwrap().len(), 2);
        assert_eq!(
            round.sent_by("phone-a"),
            0,
            "no link to devices is kept after the reveal"
        );
        assert_eq!(
            round.submit("phone-c", "late", None),
            Err(WorkshopError::RoundRevealed)
        );
    }

    #[test]
    fn a_round_needs_a_stage_and_a_card_lane() {
        let map = map();
        assert_eq!(
            BrainstormRound::open(&map, id(99), id(8), "").unwrap_err(),
            WorkshopError::NoStage { stage: id(99) }
        );
        assert_eq!(
            BrainstormRound::open(&map, id(2), id(5), "").unwrap_err(),
            WorkshopError::TouchpointLane
        );
    }

    #[test]
    fn the_summary_lists_captures_by_stage_votes_ranked_and_decisions() {
        let mut map = map();
        map.lane_cards[1].tag = Some(CardTag::TableGroup("Table *2*".into()));
        let (mut s, opened) = VoteSession::open(
            &map,
            id(300),
            "Fix first?",
            vec![id(100), id(101), id(200)],
            3,
        )
        .unwrap();
        opened.apply(&mut map).unwrap();
        s.cast("a", id(101), 3).unwrap();
        s.cast("b", id(200), 1).unwrap();
        s.close(&map, "Approvals first")
            .unwrap()
            .apply(&mut map)
            .unwrap();
        let record = WorkshopRecord {
            captured: vec![id(101), id(100), id(555)],
            votes: vec![id(300)],
            decisions: vec!["Call Ana about forms".into(), " ".into()],
        };
        let md = summary_markdown(&map, &record);
        assert_eq!(
            md,
            "# Workshop summary: Onboarding\n\n\
             ## Captured\n\n\
             ### Onboarding\n\n\
             - Pain points: Too many forms\n\n\
             ### Use\n\n\
             - Pain points: Slow approval (table group: Table \\*2\\*)\n\n\
             ## Votes\n\n\
             ### Fix first?\n\n\
             Closed vote: 2 voters, 3 dots each.\n\n\
             | Rank | Card | Dots |\n| ---: | --- | ---: |\n\
             | 1 | Slow approval | 3 |\n\
             | 2 | Welcome call | 1 |\n\
             | 3 | Too many forms | 0 |\n\n\
             Decision: Approvals first\n\n\
             ## Decisions\n\n\
             - Call Ana about forms\n"
        );
    }

    #[test]
    fn an_empty_workshop_says_so() {
        let md = summary_markdown(&map(), &WorkshopRecord::default());
        assert!(md.contains("Nothing was captured."));
        assert!(md.contains("No vote was held."));
        assert!(md.ends_with("No other decision was noted.\n"));
    }
}
