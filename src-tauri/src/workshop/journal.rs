//! The journal of the open vote: its dots written to the workspace folder after every change, so
//! that a crash loses none (see the module above).

use std::path::{Path, PathBuf};

use corridor_core::{Id, JourneyMap, Tally, Vote, VoteStatus};
use corridor_store::Workspace;
use serde::{Deserialize, Serialize};

use super::InterruptedVote;

/// The journal of the open vote, in the workspace folder.
const JOURNAL: &str = "workshop-vote.json";

#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Journal {
    pub(super) map: Id,
    pub(super) vote: Vote,
    pub(super) tallies: Vec<Tally>,
    pub(super) voters: u32,
}

pub(super) fn journal_path(ws: &Workspace) -> PathBuf {
    ws.path().join(JOURNAL)
}

/// Write the journal whole: a new file, flushed, renamed over the old one.
pub(super) fn write_journal(path: &Path, journal: &Journal) -> std::io::Result<()> {
    use std::io::Write;
    let tmp = path.with_extension("json.tmp");
    let mut file = std::fs::File::create(&tmp)?;
    file.write_all(&serde_json::to_vec(journal).map_err(std::io::Error::other)?)?;
    file.sync_data()?;
    std::fs::rename(&tmp, path)
}

pub(super) fn read_journal(path: &Path) -> Option<Journal> {
    serde_json::from_slice(&std::fs::read(path).ok()?).ok()
}

/// The open vote of `map` that no room serves, with its journaled dots.
pub(super) fn interrupted(ws: &Workspace, map: &JourneyMap) -> Option<InterruptedVote> {
    let vote = map.votes.iter().find(|v| v.status == VoteStatus::Open)?;
    let journal = read_journal(&journal_path(ws))
        .filter(|j| j.map == map.id && j.vote.id == vote.id)
        .filter(|j| j.tallies.iter().all(|t| vote.cards.contains(&t.card)));
    let (tallies, voters) = match journal {
        Some(j) => (j.tallies, j.voters),
        None => (
            vote.cards
                .iter()
                .map(|&card| Tally { card, dots: 0 })
                .collect(),
            0,
        ),
    };
    Some(InterruptedVote {
        vote: vote.clone(),
        tallies,
        voters,
    })
}
