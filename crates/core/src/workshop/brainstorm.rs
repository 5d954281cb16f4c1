//! The private brainstorm round: ideas held apart from their senders until the facilitator
//! reveals the round.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{
    check_device, WorkshopError, MAX_DEVICES, MAX_GROUP_CHARS, MAX_IDEAS_PER_DEVICE, MAX_IDEA_CHARS,
};
use crate::edit::{Edit, Item};
use crate::model::{CardTag, Id, JourneyMap, LaneCard, LaneKind};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::fixture::{id, map};

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
}
