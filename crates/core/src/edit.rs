//! Edits are values. Every change the UI can make to a map is an [`Edit`]; applying one returns
//! its inverse, so undo is applying the inverse, and redo is applying the inverse's inverse.
//!
//! Collections are edited through four generic operations on an [`Item`] (insert, replace,
//! remove, move), so a new kind of thing on the map needs one line in the `items!` table below.
//! Removing something other things point at is expressed with [`remove_with_dependents`], which
//! builds a [`Edit::Batch`] that removes or unlinks the dependents first; a bare remove leaves
//! dangling references, which [`crate::validate`] reports.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{
    CorridorStep, Id, JourneyMap, Lane, LaneCard, Persona, ScoreScale, Stage, Touchpoint, Vote,
};
use crate::story::{
    Asset, Capability, DataQuestion, DisciplineMark, Initiative, Kpi, Narrative, StrategyStyle,
    SuccessDefinition, Weakness,
};

/// Something that has a stable id inside its collection.
trait Entity {
    fn id(&self) -> Id;
}

macro_rules! items {
    ($( $variant:ident => $($field:ident).+ ),* $(,)?) => {
        /// One thing on the map, of any kind that lives in a collection.
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        #[serde(rename_all = "snake_case")]
        pub enum Item {
            $( $variant($variant), )*
        }

        /// The kinds of thing that live in a collection of the map.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        #[serde(rename_all = "snake_case")]
        pub enum ItemKind {
            $( $variant, )*
        }

        impl ItemKind {
            pub const ALL: &'static [ItemKind] = &[$( ItemKind::$variant, )*];

            /// How many of this kind the map holds.
            pub fn count(self, map: &JourneyMap) -> usize {
                match self {
                    $( ItemKind::$variant => map.$($field).+.len(), )*
                }
            }

            /// The ids of this kind, in collection order.
            pub fn ids(self, map: &JourneyMap) -> Vec<Id> {
                match self {
                    $( ItemKind::$variant => map.$($field).+.iter().map(Entity::id).collect(), )*
                }
            }
        }

        $( impl Entity for $variant {
            fn id(&self) -> Id {
                self.id
            }
        } )*

        impl Item {
            pub fn kind(&self) -> ItemKind {
                match self {
                    $( Item::$variant(_) => ItemKind::$variant, )*
                }
            }

            pub fn id(&self) -> Id {
                match self {
                    $( Item::$variant(x) => x.id(), )*
                }
            }

            /// The item of this kind and id, cloned out of the map.
            pub fn get(map: &JourneyMap, kind: ItemKind, id: Id) -> Option<Item> {
                match kind {
                    $( ItemKind::$variant => map.$($field).+
                        .iter()
                        .find(|x| x.id() == id)
                        .map(|x| Item::$variant(x.clone())), )*
                }
            }
        }

        fn insert_item(map: &mut JourneyMap, index: usize, item: Item) -> Result<(), EditError> {
            match item {
                $( Item::$variant(x) => insert(&mut map.$($field).+, ItemKind::$variant, index, x), )*
            }
        }

        fn replace_item(map: &mut JourneyMap, item: Item) -> Result<Item, EditError> {
            match item {
                $( Item::$variant(x) =>
                    replace(&mut map.$($field).+, ItemKind::$variant, x).map(Item::$variant), )*
            }
        }

        fn remove_item(map: &mut JourneyMap, kind: ItemKind, id: Id) -> Result<(usize, Item), EditError> {
            match kind {
                $( ItemKind::$variant => remove(&mut map.$($field).+, kind, id)
                    .map(|(i, x)| (i, Item::$variant(x))), )*
            }
        }

        fn move_item(map: &mut JourneyMap, kind: ItemKind, id: Id, to: usize) -> Result<usize, EditError> {
            match kind {
                $( ItemKind::$variant => move_to(&mut map.$($field).+, kind, id, to), )*
            }
        }
    };
}

items! {
    Persona => personas,
    Stage => stages,
    Lane => lanes,
    Touchpoint => touchpoints,
    LaneCard => lane_cards,
    CorridorStep => corridor.steps,
    SuccessDefinition => story.success_definitions,
    DataQuestion => story.data_questions,
    Capability => story.capabilities,
    Weakness => story.weaknesses,
    Asset => story.assets,
    Kpi => story.kpis,
    Initiative => story.initiatives,
    Vote => votes,
}

/// One change to a map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    SetTitle {
        title: String,
    },
    SetDescription {
        description: String,
    },
    /// Choose the persona the map is drawn for.
    SetPersona {
        persona: Option<Id>,
    },
    SetScoreScale {
        scale: ScoreScale,
    },
    SetStoryStyle {
        style: Option<StrategyStyle>,
    },
    SetNarrative {
        narrative: Narrative,
    },
    /// Say which disciplines the plan addresses where Corridor cannot tell from the content.
    SetDisciplineMarks {
        marks: Vec<DisciplineMark>,
    },
    /// Put a new item at `index` of its collection (`index` = length appends).
    Insert {
        index: u32,
        item: Item,
    },
    /// Replace the item with the same kind and id.
    Replace {
        item: Item,
    },
    Remove {
        kind: ItemKind,
        id: Id,
    },
    /// Move an item to position `to` of its collection (positions counted after removal).
    Move {
        kind: ItemKind,
        id: Id,
        to: u32,
    },
    /// Several edits applied in order, all or none.
    Batch {
        edits: Vec<Edit>,
    },
}

/// Why an edit could not be applied. The map is unchanged when one is returned.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditError {
    #[error("no {kind:?} with id {id} on this map")]
    NotFound { kind: ItemKind, id: Id },
    #[error("a {kind:?} with id {id} is already on this map")]
    DuplicateId { kind: ItemKind, id: Id },
    #[error("position {index} is outside the {kind:?} list, which has {len} entries")]
    IndexOutOfRange {
        kind: ItemKind,
        index: usize,
        len: usize,
    },
}

impl Edit {
    /// Apply the edit to `map` and return the edit that undoes it. On error `map` is unchanged.
    pub fn apply(&self, map: &mut JourneyMap) -> Result<Edit, EditError> {
        Ok(match self {
            Edit::SetTitle { title } => Edit::SetTitle {
                title: std::mem::replace(&mut map.title, title.clone()),
            },
            Edit::SetDescription { description } => Edit::SetDescription {
                description: std::mem::replace(&mut map.description, description.clone()),
            },
            Edit::SetPersona { persona } => Edit::SetPersona {
                persona: std::mem::replace(&mut map.persona, *persona),
            },
            Edit::SetScoreScale { scale } => Edit::SetScoreScale {
                scale: std::mem::replace(&mut map.score_scale, scale.clone()),
            },
            Edit::SetStoryStyle { style } => Edit::SetStoryStyle {
                style: std::mem::replace(&mut map.story.style, *style),
            },
            Edit::SetNarrative { narrative } => Edit::SetNarrative {
                narrative: std::mem::replace(&mut map.story.narrative, narrative.clone()),
            },
            Edit::SetDisciplineMarks { marks } => Edit::SetDisciplineMarks {
                marks: std::mem::replace(&mut map.story.discipline_marks, marks.clone()),
            },
            Edit::Insert { index, item } => {
                insert_item(map, *index as usize, item.clone())?;
                Edit::Remove {
                    kind: item.kind(),
                    id: item.id(),
                }
            }
            Edit::Replace { item } => Edit::Replace {
                item: replace_item(map, item.clone())?,
            },
            Edit::Remove { kind, id } => {
                let (index, item) = remove_item(map, *kind, *id)?;
                Edit::Insert {
                    index: index as u32,
                    item,
                }
            }
            Edit::Move { kind, id, to } => {
                let from = move_item(map, *kind, *id, *to as usize)?;
                Edit::Move {
                    kind: *kind,
                    id: *id,
                    to: from as u32,
                }
            }
            Edit::Batch { edits } => {
                let mut undo = Vec::with_capacity(edits.len());
                for edit in edits {
                    match edit.apply(map) {
                        Ok(inverse) => undo.push(inverse),
                        Err(err) => {
                            for inverse in undo.iter().rev() {
                                // Each inverse was made against the state it now meets again.
                                let _ = inverse.apply(map);
                            }
                            return Err(err);
                        }
                    }
                }
                undo.reverse();
                Edit::Batch { edits: undo }
            }
        })
    }

    /// The edit that undoes `self` when `self` is applied to `map` as it is now.
    pub fn invert(&self, map: &JourneyMap) -> Result<Edit, EditError> {
        let mut scratch = map.clone();
        self.apply(&mut scratch)
    }

    /// A short description for history lists ("insert touchpoint", "3 changes").
    pub fn summary(&self) -> String {
        match self {
            Edit::SetTitle { .. } => "rename map".into(),
            Edit::SetDescription { .. } => "edit description".into(),
            Edit::SetPersona { .. } => "choose persona".into(),
            Edit::SetScoreScale { .. } => "change score scale".into(),
            Edit::SetStoryStyle { .. } => "choose strategy style".into(),
            Edit::SetNarrative { .. } => "edit narrative".into(),
            Edit::SetDisciplineMarks { .. } => "mark disciplines".into(),
            Edit::Insert { item, .. } => format!("add {}", kind_name(item.kind())),
            Edit::Replace { item } => format!("edit {}", kind_name(item.kind())),
            Edit::Remove { kind, .. } => format!("delete {}", kind_name(*kind)),
            Edit::Move { kind, .. } => format!("move {}", kind_name(*kind)),
            Edit::Batch { edits } if edits.len() == 1 => edits[0].summary(),
            Edit::Batch { edits } => format!("{} changes", edits.len()),
        }
    }
}

/// The kind's name as users read it.
pub fn kind_name(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Persona => "persona",
        ItemKind::Stage => "stage",
        ItemKind::Lane => "lane",
        ItemKind::Touchpoint => "touchpoint",
        ItemKind::LaneCard => "lane card",
        ItemKind::CorridorStep => "corridor step",
        ItemKind::SuccessDefinition => "success definition",
        ItemKind::DataQuestion => "data question",
        ItemKind::Capability => "capability",
        ItemKind::Weakness => "weakness",
        ItemKind::Asset => "asset",
        ItemKind::Kpi => "KPI",
        ItemKind::Initiative => "initiative",
        ItemKind::Vote => "vote",
    }
}

fn insert<T: Entity>(
    list: &mut Vec<T>,
    kind: ItemKind,
    index: usize,
    item: T,
) -> Result<(), EditError> {
    if list.iter().any(|x| x.id() == item.id()) {
        return Err(EditError::DuplicateId {
            kind,
            id: item.id(),
        });
    }
    if index > list.len() {
        return Err(EditError::IndexOutOfRange {
            kind,
            index,
            len: list.len(),
        });
    }
    list.insert(index, item);
    Ok(())
}

fn replace<T: Entity>(list: &mut [T], kind: ItemKind, item: T) -> Result<T, EditError> {
    let id = item.id();
    let slot = list
        .iter_mut()
        .find(|x| x.id() == id)
        .ok_or(EditError::NotFound { kind, id })?;
    Ok(std::mem::replace(slot, item))
}

fn remove<T: Entity>(list: &mut Vec<T>, kind: ItemKind, id: Id) -> Result<(usize, T), EditError> {
    let index = position(list, kind, id)?;
    Ok((index, list.remove(index)))
}

fn move_to<T: Entity>(
    list: &mut Vec<T>,
    kind: ItemKind,
    id: Id,
    to: usize,
) -> Result<usize, EditError> {
    let from = position(list, kind, id)?;
    if to >= list.len() {
        return Err(EditError::IndexOutOfRange {
            kind,
            index: to,
            len: list.len(),
        });
    }
    let item = list.remove(from);
    list.insert(to, item);
    Ok(from)
}

fn position<T: Entity>(list: &[T], kind: ItemKind, id: Id) -> Result<usize, EditError> {
    list.iter()
        .position(|x| x.id() == id)
        .ok_or(EditError::NotFound { kind, id })
}

/// An edit that removes `id` together with whatever would otherwise point at it: a stage's
/// touchpoints and lane cards, a touchpoint's corridor steps and its links from KPIs and
/// initiatives, a lane's cards, a persona's success definitions and the map's choice of it, and
/// a card's (lane card or touchpoint) place and tally in the votes that name it.
pub fn remove_with_dependents(map: &JourneyMap, kind: ItemKind, id: Id) -> Result<Edit, EditError> {
    if Item::get(map, kind, id).is_none() {
        return Err(EditError::NotFound { kind, id });
    }
    let mut scratch = map.clone();
    let mut edits = Vec::new();
    collect_removal(&mut scratch, kind, id, &mut edits)?;
    Ok(Edit::Batch { edits })
}

/// Push the edits that remove `id` and its dependents, applying each to `map` as it goes so
/// later edits see the state the earlier ones leave.
fn collect_removal(
    map: &mut JourneyMap,
    kind: ItemKind,
    id: Id,
    edits: &mut Vec<Edit>,
) -> Result<(), EditError> {
    fn push(map: &mut JourneyMap, edits: &mut Vec<Edit>, edit: Edit) -> Result<(), EditError> {
        edit.apply(map)?;
        edits.push(edit);
        Ok(())
    }
    fn unlink_from_votes(
        map: &mut JourneyMap,
        edits: &mut Vec<Edit>,
        card: Id,
    ) -> Result<(), EditError> {
        let votes: Vec<Vote> = map
            .votes
            .iter()
            .filter(|v| v.cards.contains(&card) || v.tallies.iter().any(|t| t.card == card))
            .cloned()
            .collect();
        for mut vote in votes {
            vote.cards.retain(|c| *c != card);
            vote.tallies.retain(|t| t.card != card);
            push(
                map,
                edits,
                Edit::Replace {
                    item: Item::Vote(vote),
                },
            )?;
        }
        Ok(())
    }
    fn remove_each(
        map: &mut JourneyMap,
        edits: &mut Vec<Edit>,
        kind: ItemKind,
        ids: Vec<Id>,
    ) -> Result<(), EditError> {
        ids.into_iter()
            .try_for_each(|id| push(map, edits, Edit::Remove { kind, id }))
    }
    match kind {
        ItemKind::Stage => {
            let touchpoints: Vec<Id> = map
                .touchpoints
                .iter()
                .filter(|t| t.stage == id)
                .map(|t| t.id)
                .collect();
            for tp in touchpoints {
                collect_removal(map, ItemKind::Touchpoint, tp, edits)?;
            }
            let cards: Vec<Id> = map
                .lane_cards
                .iter()
                .filter(|c| c.stage == id)
                .map(|c| c.id)
                .collect();
            for card in cards {
                collect_removal(map, ItemKind::LaneCard, card, edits)?;
            }
        }
        ItemKind::LaneCard => unlink_from_votes(map, edits, id)?,
        ItemKind::Touchpoint => {
            unlink_from_votes(map, edits, id)?;
            let steps: Vec<Id> = map
                .corridor
                .steps
                .iter()
                .filter(|s| s.touchpoint == id)
                .map(|s| s.id)
                .collect();
            remove_each(map, edits, ItemKind::CorridorStep, steps)?;
            let kpis: Vec<Kpi> = map
                .story
                .kpis
                .iter()
                .filter(|k| k.touchpoints.contains(&id))
                .cloned()
                .collect();
            for mut kpi in kpis {
                kpi.touchpoints.retain(|t| *t != id);
                push(
                    map,
                    edits,
                    Edit::Replace {
                        item: Item::Kpi(kpi),
                    },
                )?;
            }
            let initiatives: Vec<Initiative> = map
                .story
                .initiatives
                .iter()
                .filter(|i| i.touchpoints.contains(&id) || i.gaps.contains(&id))
                .cloned()
                .collect();
            for mut initiative in initiatives {
                initiative.touchpoints.retain(|t| *t != id);
                initiative.gaps.retain(|t| *t != id);
                push(
                    map,
                    edits,
                    Edit::Replace {
                        item: Item::Initiative(initiative),
                    },
                )?;
            }
        }
        ItemKind::Lane => {
            let cards: Vec<Id> = map
                .lane_cards
                .iter()
                .filter(|c| c.lane == id)
                .map(|c| c.id)
                .collect();
            for card in cards {
                collect_removal(map, ItemKind::LaneCard, card, edits)?;
            }
        }
        ItemKind::Persona => {
            if map.persona == Some(id) {
                push(map, edits, Edit::SetPersona { persona: None })?;
            }
            let defs: Vec<Id> = map
                .story
                .success_definitions
                .iter()
                .filter(|d| d.persona == id)
                .map(|d| d.id)
                .collect();
            remove_each(map, edits, ItemKind::SuccessDefinition, defs)?;
        }
        _ => {}
    }
    push(map, edits, Edit::Remove { kind, id })
}
