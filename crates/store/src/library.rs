//! Making maps in the library: a new one from a template, a copy of one that exists.
//!
//! Ids and times come from the caller (the app, the CLI, a test), as everywhere in Corridor.
//! Renaming is an edit (`Edit::SetTitle` through `Workspace::apply`), and deleting is
//! `Workspace::delete`.

use chrono::{DateTime, Utc};
use corridor_core::{Id, JourneyMap, Template};

use crate::records::SummaryRecord;
use crate::{MapSummary, StoreError, Workspace};

impl Workspace {
    /// Store a new map laid out by `template`, titled `title` (trimmed), at revision 0, and
    /// return what the library lists of it. The map's id is the first that `ids` gives.
    /// An empty title is refused, and nothing is stored.
    pub fn create_from_template(
        &self,
        template: Template,
        title: &str,
        ids: &mut dyn FnMut() -> Id,
        now: DateTime<Utc>,
    ) -> Result<MapSummary, StoreError> {
        let id = ids();
        let map = template.instantiate(id, title.trim(), ids, now);
        self.create(&map, now)?;
        Ok(summary(&map, now))
    }

    /// Store a copy of a map as it is now, under the id `new_id`, titled "<title> (copy)"
    /// ("(copy 2)", "(copy 3)", … when that title is taken), at revision 0. The copy has no
    /// history and no datasets of its own; the original is left as it is.
    pub fn duplicate(
        &self,
        id: Id,
        new_id: Id,
        now: DateTime<Utc>,
    ) -> Result<MapSummary, StoreError> {
        let original = self.get(id)?;
        let titles: Vec<String> = self.list()?.into_iter().map(|s| s.title).collect();
        let copy = JourneyMap {
            id: new_id,
            title: copy_title(&original.title, &titles),
            created: now,
            modified: now,
            ..original
        };
        self.create(&copy, now)?;
        Ok(summary(&copy, now))
    }
}

/// "<title> (copy)", or the first "<title> (copy N)" that is not in `taken`.
fn copy_title(title: &str, taken: &[String]) -> String {
    let base = title.trim();
    let first = format!("{base} (copy)");
    if !taken.contains(&first) {
        return first;
    }
    (2..)
        .map(|n| format!("{base} (copy {n})"))
        .find(|t| !taken.contains(t))
        .expect("some number is free")
}

fn summary(map: &JourneyMap, now: DateTime<Utc>) -> MapSummary {
    let s = SummaryRecord::of(map, 0, now);
    MapSummary {
        id: map.id,
        title: s.title,
        persona: s.persona,
        stages: s.stages,
        touchpoints: s.touchpoints,
        saved_at: s.saved_at,
        revision: s.revision,
    }
}

#[cfg(test)]
mod tests {
    use super::copy_title;

    #[test]
    fn copies_are_numbered_past_the_titles_taken() {
        let taken = |ts: &[&str]| ts.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        assert_eq!(copy_title("Sofa", &[]), "Sofa (copy)");
        assert_eq!(copy_title(" Sofa ", &taken(&["Sofa"])), "Sofa (copy)");
        assert_eq!(
            copy_title("Sofa", &taken(&["Sofa", "Sofa (copy)"])),
            "Sofa (copy 2)"
        );
        assert_eq!(
            copy_title(
                "Sofa",
                &taken(&["Sofa (copy)", "Sofa (copy 2)", "Sofa (copy 4)"])
            ),
            "Sofa (copy 3)"
        );
    }
}
