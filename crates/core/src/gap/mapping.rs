//! Which touchpoint an observed name (an activity, or a score table's subject) stands for.
//!
//! A name matches, in this order of precedence:
//! 1. a touchpoint's alias, exactly;
//! 2. a touchpoint's alias after [`normalize_alias`] (case and runs of spaces ignored);
//! 3. a touchpoint's title, exactly, if no other touchpoint has that title;
//! 4. a touchpoint's title after `normalize_alias`, if no other touchpoint's title normalises
//!    the same.
//!
//! Titles count because a score table names touchpoints by title more often than not, and a
//! map drafted from a log has its activity names as titles; aliases win because they are what
//! the user declared. Validation keeps an alias to one touchpoint; should a map break that, the
//! first touchpoint in board order wins. A name that matches nothing is a blind spot, listed
//! with the most similar touchpoint ([`super::similarity`]) when the similarity is at least
//! [`SUGGEST_AT_LEAST`]; once the user confirms, [`aliases_edit`] turns the answers into one
//! [`Edit`] that adds them as aliases.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::edit::{Edit, Item};
use crate::model::{Id, JourneyMap};
use crate::validate::normalize_alias;

use super::similarity::similarity;

/// The least similarity at which an unmatched name gets a suggested touchpoint.
pub const SUGGEST_AT_LEAST: f64 = 0.7;

/// How a name was matched to its touchpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    Alias,
    AliasNormalized,
    Title,
    TitleNormalized,
}

/// The touchpoints of a map, indexed by everything observed data may call them.
#[derive(Debug)]
pub struct AliasIndex<'m> {
    map: &'m JourneyMap,
    alias: HashMap<&'m str, usize>,
    alias_norm: HashMap<String, usize>,
    title: HashMap<&'m str, Option<usize>>,
    title_norm: HashMap<String, Option<usize>>,
}

/// A touchpoint an unmatched name may stand for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Suggestion {
    /// Index into the map's touchpoints.
    pub touchpoint: usize,
    pub similarity: f64,
}

impl<'m> AliasIndex<'m> {
    pub fn new(map: &'m JourneyMap) -> AliasIndex<'m> {
        let mut index = AliasIndex {
            map,
            alias: HashMap::new(),
            alias_norm: HashMap::new(),
            title: HashMap::new(),
            title_norm: HashMap::new(),
        };
        for (i, t) in map.touchpoints.iter().enumerate() {
            for a in &t.aliases {
                index.alias.entry(a.as_str()).or_insert(i);
                index.alias_norm.entry(normalize_alias(a)).or_insert(i);
            }
            // A title shared by two touchpoints names neither.
            index
                .title
                .entry(t.title.as_str())
                .and_modify(|v| *v = None)
                .or_insert(Some(i));
            index
                .title_norm
                .entry(normalize_alias(&t.title))
                .and_modify(|v| *v = None)
                .or_insert(Some(i));
        }
        index
    }

    /// The touchpoint (index into the map's touchpoints) `name` stands for, and how.
    pub fn resolve(&self, name: &str) -> Option<(usize, MatchKind)> {
        if let Some(&i) = self.alias.get(name) {
            return Some((i, MatchKind::Alias));
        }
        let norm = normalize_alias(name);
        if let Some(&i) = self.alias_norm.get(&norm) {
            return Some((i, MatchKind::AliasNormalized));
        }
        if let Some(&Some(i)) = self.title.get(name) {
            return Some((i, MatchKind::Title));
        }
        if let Some(&Some(i)) = self.title_norm.get(&norm) {
            return Some((i, MatchKind::TitleNormalized));
        }
        None
    }

    /// The touchpoint whose title or one of whose aliases is most similar to `name`, if that
    /// similarity reaches [`SUGGEST_AT_LEAST`]; ties go to the touchpoint earlier on the board.
    pub fn suggest(&self, name: &str) -> Option<Suggestion> {
        let mut best: Option<Suggestion> = None;
        for (i, t) in self.map.touchpoints.iter().enumerate() {
            let names = std::iter::once(&t.title).chain(&t.aliases);
            let s = names.map(|n| similarity(name, n)).fold(0.0, f64::max);
            if s >= SUGGEST_AT_LEAST && best.is_none_or(|b| s > b.similarity) {
                best = Some(Suggestion {
                    touchpoint: i,
                    similarity: s,
                });
            }
        }
        best
    }
}

/// The user's answer for one unmatched name: it is this touchpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ConfirmedAlias {
    pub activity: String,
    pub touchpoint: Id,
}

/// Why confirmed aliases could not become an edit. The map is not touched.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MappingError {
    #[error("no touchpoint with id {touchpoint} on this map")]
    UnknownTouchpoint { touchpoint: Id },
    #[error("an alias cannot be empty")]
    EmptyAlias,
    #[error("\"{activity}\" is already an alias of \"{title}\" ({touchpoint}): one alias names one touchpoint")]
    AliasTaken {
        activity: String,
        touchpoint: Id,
        title: String,
    },
    #[error("\"{activity}\" was confirmed for two touchpoints, {first} and {second}")]
    Conflict {
        activity: String,
        first: Id,
        second: Id,
    },
}

/// One edit that adds each confirmed name as an alias of its touchpoint: a batch of
/// `Replace`s, one per touchpoint that changes, in board order, each touchpoint's new aliases
/// appended in the order given. A name that already is one of the touchpoint's aliases (after
/// [`normalize_alias`]) is left out; `None` when nothing changes. Applying the edit (and its
/// inverse, for undo) is the store's business.
pub fn aliases_edit(
    map: &JourneyMap,
    confirmed: &[ConfirmedAlias],
) -> Result<Option<Edit>, MappingError> {
    let mut owner: HashMap<String, Id> = HashMap::new();
    for t in &map.touchpoints {
        for a in &t.aliases {
            owner.entry(normalize_alias(a)).or_insert(t.id);
        }
    }
    let mut chosen: HashMap<String, Id> = HashMap::new();
    let mut added: Vec<(Id, String)> = Vec::new();
    for c in confirmed {
        let key = normalize_alias(&c.activity);
        if key.is_empty() {
            return Err(MappingError::EmptyAlias);
        }
        if map.touchpoint(c.touchpoint).is_none() {
            return Err(MappingError::UnknownTouchpoint {
                touchpoint: c.touchpoint,
            });
        }
        if let Some(&first) = chosen.get(&key) {
            if first != c.touchpoint {
                return Err(MappingError::Conflict {
                    activity: c.activity.clone(),
                    first,
                    second: c.touchpoint,
                });
            }
            continue;
        }
        chosen.insert(key.clone(), c.touchpoint);
        match owner.get(&key) {
            Some(&o) if o == c.touchpoint => {}
            Some(&o) => {
                let title = map
                    .touchpoint(o)
                    .map(|t| t.title.clone())
                    .unwrap_or_default();
                return Err(MappingError::AliasTaken {
                    activity: c.activity.clone(),
                    touchpoint: o,
                    title,
                });
            }
            None => added.push((c.touchpoint, c.activity.clone())),
        }
    }
    let edits: Vec<Edit> = map
        .touchpoints
        .iter()
        .filter_map(|t| {
            let new: Vec<String> = added
                .iter()
                .filter(|(id, _)| *id == t.id)
                .map(|(_, a)| a.clone())
                .collect();
            if new.is_empty() {
                return None;
            }
            let mut t = t.clone();
            t.aliases.extend(new);
            Some(Edit::Replace {
                item: Item::Touchpoint(t),
            })
        })
        .collect();
    Ok(if edits.is_empty() {
        None
    } else {
        Some(Edit::Batch { edits })
    })
}
