//! The UI holds a copy of `Edit::apply` (ui/src/lib/apply.ts) so that an accepted edit need not
//! bring the whole map back over IPC. This writes the cases that copy must reproduce to
//! `ui/src/test/edit-cases.json` (generated maps, chains of generated edits with their inverses,
//! the map after, and batches that must fail and change nothing); vitest replays them. Fails when
//! the committed cases are stale: run with `UPDATE_EDIT_CASES=1` to rewrite them.

use corridor_core::*;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;
use serde_json::json;

use crate::common::repo_dir;
use crate::gen::{arb_map, arb_plan, fresh_ids, resolve, NOWHERE};

const CHAINS: usize = 8;
const STEPS: usize = 12;

fn cases() -> String {
    let mut runner = TestRunner::deterministic();
    let mut chains = Vec::new();
    for _ in 0..CHAINS {
        let before = arb_map().new_tree(&mut runner).unwrap().current();
        let mut map = before.clone();
        let mut fresh = fresh_ids();
        let mut steps = Vec::new();
        for _ in 0..STEPS {
            let plan = arb_plan().new_tree(&mut runner).unwrap().current();
            let edit = resolve(&plan, &map, &mut fresh);
            let inverse = edit.apply(&mut map).expect("a resolved edit applies");
            steps.push(json!({ "edit": edit, "inverse": inverse }));
        }
        // A batch whose last edit fails: applying it must leave `map` as it is.
        let plan = arb_plan().new_tree(&mut runner).unwrap().current();
        let good = resolve(&plan, &map, &mut fresh);
        let failing = Edit::Batch {
            edits: vec![
                good,
                Edit::Remove {
                    kind: ItemKind::Stage,
                    id: NOWHERE,
                },
            ],
        };
        assert!(failing.invert(&map).is_err(), "the batch fails in Rust");
        chains.push(json!({ "before": before, "steps": steps, "after": map, "failing": failing }));
    }
    let mut text = serde_json::to_string(&json!({
        "generated_by": "crates/core/tests/it/ui_parity.rs",
        "chains": chains,
    }))
    .unwrap();
    text.push('\n');
    text
}

#[test]
fn the_ui_edit_cases_are_fresh() {
    let path = repo_dir("ui").join("src/test/edit-cases.json");
    let fresh = cases();
    if std::env::var_os("UPDATE_EDIT_CASES").is_some() {
        std::fs::write(&path, &fresh).expect("write ui/src/test/edit-cases.json");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/test/edit-cases.json is stale: run \
         `UPDATE_EDIT_CASES=1 cargo test -p corridor-core --test it ui_parity` and commit it"
    );
}
