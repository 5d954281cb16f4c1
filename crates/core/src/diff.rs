//! Two versions of one map, compared: what changed between them ([`compare`]), and the edit that
//! turns one into the other ([`edit_between`]), which is how a revision is restored.
//!
//! Items are matched by id, so an item that keeps its id is "changed" (or "moved"), never
//! "removed and added". `id`, `created` and `modified` are not compared: they are the map's
//! identity and the store's bookkeeping, not its content.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::edit::{kind_name, Edit, Item, ItemKind};
use crate::model::{Corridor, Id, JourneyMap, Touchpoint};
use crate::story::Story;

/// A touchpoint named in a diff.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TouchpointRef {
    pub id: Id,
    pub title: String,
}

/// A touchpoint present in both versions whose fields differ.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TouchpointChange {
    pub id: Id,
    /// The title in the newer version.
    pub title: String,
    /// The names of the fields that differ (`stage`, `target_score`, `title`, …), in
    /// alphabetical order.
    pub fields: Vec<String>,
}

/// How many items of one kind were added, removed, changed or moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct KindCounts {
    pub kind: ItemKind,
    pub added: u32,
    pub removed: u32,
    pub changed: u32,
    /// Items present in both versions, unchanged, at another place in their list.
    pub moved: u32,
}

/// What changed from an older version of a map to a newer one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MapDiff {
    /// The map's own fields that differ: `title`, `description`, `persona`, `score_scale`,
    /// `story.style`, `story.narrative`, `story.discipline_marks`.
    pub fields: Vec<String>,
    pub touchpoints_added: Vec<TouchpointRef>,
    pub touchpoints_removed: Vec<TouchpointRef>,
    pub touchpoints_changed: Vec<TouchpointChange>,
    /// Every kind with at least one difference, touchpoints included, in [`ItemKind::ALL`] order.
    pub kinds: Vec<KindCounts>,
}

impl MapDiff {
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.kinds.is_empty()
    }

    /// One line for people: "2 touchpoints added, 1 changed; 3 lane cards added; title changed".
    pub fn summary(&self) -> String {
        if self.is_empty() {
            return "no changes".into();
        }
        let mut parts: Vec<String> = self
            .kinds
            .iter()
            .map(|k| {
                let name = kind_name(k.kind);
                let counts = [
                    (k.added, "added"),
                    (k.removed, "removed"),
                    (k.changed, "changed"),
                    (k.moved, "moved"),
                ];
                let mut said = Vec::new();
                for (n, what) in counts.into_iter().filter(|(n, _)| *n > 0) {
                    if said.is_empty() {
                        let noun = if n == 1 {
                            name.to_string()
                        } else {
                            plural(name)
                        };
                        said.push(format!("{n} {noun} {what}"));
                    } else {
                        said.push(format!("{n} {what}"));
                    }
                }
                said.join(", ")
            })
            .collect();
        parts.extend(self.fields.iter().map(|f| format!("{f} changed")));
        parts.join("; ")
    }
}

fn plural(name: &str) -> String {
    match name {
        "KPI" => "KPIs".into(),
        "capability" => "capabilities".into(),
        "weakness" => "weaknesses".into(),
        "persona" => "personas".into(),
        other => format!("{other}s"),
    }
}

/// Every field of a map and of its story, named without `..`: a field added to the model fails
/// to compile here until [`field_changes`], [`edit_between`] and [`ItemKind`] cover it.
fn every_field_is_covered(map: &JourneyMap) {
    let JourneyMap {
        id: _,
        created: _,
        modified: _,
        title: _,
        description: _,
        persona: _,
        score_scale: _,
        story,
        // Collections, compared item by item through `ItemKind`:
        personas: _,
        stages: _,
        lanes: _,
        touchpoints: _,
        lane_cards: _,
        corridor: Corridor { steps: _ },
        votes: _,
    } = map;
    let Story {
        style: _,
        narrative: _,
        success_definitions: _,
        data_questions: _,
        capabilities: _,
        weaknesses: _,
        assets: _,
        kpis: _,
        initiatives: _,
        discipline_marks: _,
    } = story;
}

/// The map's own fields, as (name, differs).
fn field_changes(old: &JourneyMap, new: &JourneyMap) -> [(&'static str, bool); 7] {
    every_field_is_covered(new);
    [
        ("title", old.title != new.title),
        ("description", old.description != new.description),
        ("persona", old.persona != new.persona),
        ("score_scale", old.score_scale != new.score_scale),
        ("story.style", old.story.style != new.story.style),
        (
            "story.narrative",
            old.story.narrative != new.story.narrative,
        ),
        (
            "story.discipline_marks",
            old.story.discipline_marks != new.story.discipline_marks,
        ),
    ]
}

/// What changed from `old` to `new`.
pub fn compare(old: &JourneyMap, new: &JourneyMap) -> MapDiff {
    let fields = field_changes(old, new)
        .into_iter()
        .filter(|(_, differs)| *differs)
        .map(|(name, _)| name.to_string())
        .collect();

    let kinds = ItemKind::ALL
        .iter()
        .filter_map(|&kind| {
            let (old_ids, new_ids) = (kind.ids(old), kind.ids(new));
            let old_set: HashSet<Id> = old_ids.iter().copied().collect();
            let new_set: HashSet<Id> = new_ids.iter().copied().collect();
            let added = new_ids.iter().filter(|id| !old_set.contains(id)).count();
            let removed = old_ids.iter().filter(|id| !new_set.contains(id)).count();
            let changed = new_ids
                .iter()
                .filter(|id| old_set.contains(id))
                .filter(|&&id| Item::get(old, kind, id) != Item::get(new, kind, id))
                .count();
            // The kept items that keep their relative order are the longest run in increasing
            // old position; the unchanged others moved.
            let rank: HashMap<Id, usize> = old_ids
                .iter()
                .filter(|i| new_set.contains(i))
                .enumerate()
                .map(|(r, &id)| (id, r))
                .collect();
            let kept_new: Vec<Id> = new_ids
                .into_iter()
                .filter(|i| old_set.contains(i))
                .collect();
            let ranks: Vec<usize> = kept_new.iter().map(|id| rank[id]).collect();
            let in_order = longest_increasing(&ranks);
            let moved = kept_new
                .iter()
                .enumerate()
                .filter(|(i, _)| !in_order[*i])
                .filter(|(_, &id)| Item::get(old, kind, id) == Item::get(new, kind, id))
                .count();
            let counts = KindCounts {
                kind,
                added: added as u32,
                removed: removed as u32,
                changed: changed as u32,
                moved: moved as u32,
            };
            (added + removed + changed + moved > 0).then_some(counts)
        })
        .collect();

    let old_tps: HashMap<Id, &Touchpoint> = old.touchpoints.iter().map(|t| (t.id, t)).collect();
    let new_tps: HashMap<Id, &Touchpoint> = new.touchpoints.iter().map(|t| (t.id, t)).collect();
    let named = |t: &Touchpoint| TouchpointRef {
        id: t.id,
        title: t.title.clone(),
    };
    MapDiff {
        fields,
        touchpoints_added: new
            .touchpoints
            .iter()
            .filter(|t| !old_tps.contains_key(&t.id))
            .map(named)
            .collect(),
        touchpoints_removed: old
            .touchpoints
            .iter()
            .filter(|t| !new_tps.contains_key(&t.id))
            .map(named)
            .collect(),
        touchpoints_changed: new
            .touchpoints
            .iter()
            .filter_map(|t| {
                let before = old_tps.get(&t.id)?;
                let fields = touchpoint_fields(before, t);
                (!fields.is_empty()).then(|| TouchpointChange {
                    id: t.id,
                    title: t.title.clone(),
                    fields,
                })
            })
            .collect(),
        kinds,
    }
}

/// Which entries of `xs` belong to one longest strictly increasing subsequence.
fn longest_increasing(xs: &[usize]) -> Vec<bool> {
    // tails[k]: index into xs of the smallest tail of an increasing run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; xs.len()];
    for (i, &x) in xs.iter().enumerate() {
        let k = tails.partition_point(|&t| xs[t] < x);
        prev[i] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut member = vec![false; xs.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        member[i] = true;
        at = prev[i];
    }
    member
}

/// The names of the fields in which two touchpoints differ, in alphabetical order.
fn touchpoint_fields(a: &Touchpoint, b: &Touchpoint) -> Vec<String> {
    let (a, b) = (
        serde_json::to_value(a).expect("a touchpoint serialises"),
        serde_json::to_value(b).expect("a touchpoint serialises"),
    );
    match (a, b) {
        (serde_json::Value::Object(a), serde_json::Value::Object(b)) => a
            .iter()
            .filter(|(key, value)| b.get(key.as_str()) != Some(value))
            .map(|(key, _)| key.clone())
            .collect(),
        _ => Vec::new(),
    }
}

/// The edit that turns `from` into `to`: applied to `from`, it gives `to` (except `id`,
/// `created` and `modified`). An empty batch when they are alike.
pub fn edit_between(from: &JourneyMap, to: &JourneyMap) -> Edit {
    every_field_is_covered(to);
    let mut edits = Vec::new();
    if from.title != to.title {
        edits.push(Edit::SetTitle {
            title: to.title.clone(),
        });
    }
    if from.description != to.description {
        edits.push(Edit::SetDescription {
            description: to.description.clone(),
        });
    }
    if from.persona != to.persona {
        edits.push(Edit::SetPersona {
            persona: to.persona,
        });
    }
    if from.score_scale != to.score_scale {
        edits.push(Edit::SetScoreScale {
            scale: to.score_scale.clone(),
        });
    }
    if from.story.style != to.story.style {
        edits.push(Edit::SetStoryStyle {
            style: to.story.style,
        });
    }
    if from.story.narrative != to.story.narrative {
        edits.push(Edit::SetNarrative {
            narrative: to.story.narrative.clone(),
        });
    }
    if from.story.discipline_marks != to.story.discipline_marks {
        edits.push(Edit::SetDisciplineMarks {
            marks: to.story.discipline_marks.clone(),
        });
    }
    for &kind in ItemKind::ALL {
        collection_edits(from, to, kind, &mut edits);
    }
    Edit::Batch { edits }
}

/// Remove what `to` lacks, replace what differs, then walk `to`'s order inserting and moving.
fn collection_edits(from: &JourneyMap, to: &JourneyMap, kind: ItemKind, edits: &mut Vec<Edit>) {
    let target = kind.ids(to);
    let wanted: HashSet<Id> = target.iter().copied().collect();
    let mut current = kind.ids(from);
    for &id in current.iter().filter(|id| !wanted.contains(id)) {
        edits.push(Edit::Remove { kind, id });
    }
    current.retain(|id| wanted.contains(id));
    for &id in &current {
        let new = Item::get(to, kind, id).expect("a wanted id is in `to`");
        if Item::get(from, kind, id).as_ref() != Some(&new) {
            edits.push(Edit::Replace { item: new });
        }
    }
    for (index, &id) in target.iter().enumerate() {
        if current.get(index) == Some(&id) {
            continue;
        }
        match current.iter().position(|&c| c == id) {
            Some(at) => {
                edits.push(Edit::Move {
                    kind,
                    id,
                    to: index as u32,
                });
                current.remove(at);
            }
            None => edits.push(Edit::Insert {
                index: index as u32,
                item: Item::get(to, kind, id).expect("a target id is in `to`"),
            }),
        }
        current.insert(index, id);
    }
}
