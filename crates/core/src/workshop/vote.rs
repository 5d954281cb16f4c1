//! The dot vote: a [`VoteSession`] in progress and the [`ranking`] of its result.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::{
    check_device, on_map, WorkshopError, MAX_CARDS_PER_VOTE, MAX_DEVICES, MAX_DOTS_PER_PERSON,
};
use crate::edit::{Edit, Item};
use crate::model::{Id, JourneyMap, Tally, Vote, VoteStatus};

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

#[cfg(test)]
mod tests;
