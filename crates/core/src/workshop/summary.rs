//! The workshop summary: what a workshop captured, voted and decided, as Markdown.

use std::fmt::Write;

use serde::{Deserialize, Serialize};

use super::ranking;
use crate::model::{CardTag, Id, JourneyMap, LaneCard, Vote, VoteStatus};
use crate::report::markdown::escape;

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
    use super::*;
    use crate::workshop::fixture::{id, map};
    use crate::workshop::VoteSession;

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
