//! The dot vote: opening it with its room, the dots typed on the laptop, closing and resuming.

use super::*;

impl WorkshopService {
    pub(super) fn open_vote_view(&self, active: &Active) -> Result<OpenVote, AppError> {
        let Kind::Vote { vote, typed } = &active.kind else {
            return Err(failed(ErrorCode::NotFound, "no vote is open"));
        };
        let (tallies, voters, typed) = active.room.with_vote(|s| {
            let typed = typed
                .iter()
                .map(|(name, device)| TypedVoter {
                    name: name.clone(),
                    dots: s
                        .ballot(device)
                        .into_iter()
                        .map(|(card, dots)| Tally { card, dots })
                        .collect(),
                })
                .collect();
            (s.tallies(), s.voters(), typed)
        })?;
        Ok(OpenVote {
            map: active.map,
            vote: vote.clone(),
            ranking: ranking(&tallies),
            tallies,
            voters,
            typed,
            room: active.info.clone(),
        })
    }

    /// Open a vote on `cards` of `map` with `dots_per_person` each: the open vote lands in the
    /// map (an edit), and the room starts.
    pub async fn open_vote(
        self: &Arc<Self>,
        ws: &Workspace,
        map: Id,
        name: &str,
        cards: Vec<Id>,
        dots_per_person: u32,
        announce: Announce,
    ) -> Result<(Applied, OpenVote), AppError> {
        self.check_free()?;
        self.note_start(ws, map)?;
        let current = ws.get(map)?;
        let (session, edit) =
            VoteSession::open(&current, uuid::Uuid::new_v4(), name, cards, dots_per_person)?;
        let vote = match &edit {
            corridor_core::Edit::Insert {
                item: corridor_core::Item::Vote(v),
                ..
            } => v.clone(),
            _ => unreachable!("opening a vote inserts it"),
        };
        let (room, rx, loopback_only) =
            Self::bind(|addr| Room::start_vote(addr, session.clone(), &current)).await?;
        let applied = apply_now(ws, map, &edit)?;
        let path = journal_path(ws);
        let _ = write_journal(
            &path,
            &Journal {
                map,
                vote: vote.clone(),
                tallies: session.tallies(),
                voters: 0,
            },
        );
        self.serve_vote(map, vote, (room, rx, loopback_only), path, announce)?;
        Ok((applied, self.vote(map)?))
    }

    /// The open vote of `map`.
    pub fn vote(&self, map: Id) -> Result<OpenVote, AppError> {
        let inner = self.lock();
        match inner.active.as_ref().filter(|a| a.map == map) {
            Some(a) => self.open_vote_view(a),
            None => Err(failed(ErrorCode::NotFound, "no vote is open on this map")),
        }
    }

    /// Set the dots `voter` (a name typed on the laptop) has on `card` to `dots`.
    pub fn type_dots(
        &self,
        map: Id,
        voter: &str,
        card: Id,
        dots: u32,
    ) -> Result<OpenVote, AppError> {
        let voter = voter.trim();
        if voter.is_empty() || voter.chars().count() > 60 {
            return Err(failed(
                ErrorCode::Invalid,
                "a typed vote needs the voter's name (1 to 60 characters)",
            ));
        }
        let mut inner = self.lock();
        let active = inner
            .active
            .as_mut()
            .filter(|a| a.map == map)
            .ok_or_else(|| failed(ErrorCode::NotFound, "no vote is open on this map"))?;
        let Kind::Vote { typed, .. } = &mut active.kind else {
            return Err(failed(ErrorCode::NotFound, "no vote is open on this map"));
        };
        let device = match typed.iter().find(|(n, _)| n == voter) {
            Some((_, d)) => d.clone(),
            None => format!("laptop-{}", typed.len() + 1),
        };
        active.room.with_vote(|s| -> Result<(), AppError> {
            let has = s.ballot(&device).get(&card).copied().unwrap_or(0);
            let done = if dots > has {
                s.cast(&device, card, dots - has)
            } else if dots < has {
                s.retract(&device, card, has - dots)
            } else {
                Ok(0)
            };
            match done {
                // Said of the person named, not of a device.
                Err(corridor_core::workshop::WorkshopError::OverBudget {
                    budget,
                    placed,
                    asked,
                }) => Err(failed(
                    ErrorCode::Invalid,
                    format!(
                        "{voter} has placed {placed} of {budget} dots: \
                         {asked} more would exceed the budget"
                    ),
                )),
                other => other.map(|_| ()).map_err(AppError::from),
            }
        })??;
        if !typed.iter().any(|(n, _)| n == voter) {
            typed.push((voter.to_string(), device));
        }
        let view = self.open_vote_view(inner.active.as_ref().expect("the vote"));
        drop(inner);
        view
    }

    /// Close the open vote with the decision noted: it lands in the map with its tallies
    /// (an edit), and the room stops.
    pub async fn close_vote(
        &self,
        ws: &Workspace,
        map: Id,
        decision: &str,
    ) -> Result<Applied, AppError> {
        let current = ws.get(map)?;
        let (edit, vote) = {
            let inner = self.lock();
            let active = inner
                .active
                .as_ref()
                .filter(|a| a.map == map && matches!(a.kind, Kind::Vote { .. }))
                .ok_or_else(|| failed(ErrorCode::NotFound, "no vote is open on this map"))?;
            let Kind::Vote { vote, .. } = &active.kind else {
                unreachable!()
            };
            (active.room.close_vote(&current, decision)?, vote.id)
        };
        let applied = apply_now(ws, map, &edit);
        let active = {
            let mut inner = self.lock();
            inner.votes.entry(map).or_default().push(vote);
            inner.active.take()
        };
        if let Some(active) = active {
            active.room.stop().await;
        }
        let applied = applied?;
        let _ = std::fs::remove_file(journal_path(ws));
        Ok(applied)
    }

    /// Take up an interrupted open vote of `map` again, with the dots its journal kept.
    pub async fn resume_vote(
        self: &Arc<Self>,
        ws: &Workspace,
        map: Id,
        announce: Announce,
    ) -> Result<OpenVote, AppError> {
        self.check_free()?;
        let current = ws.get(map)?;
        let interrupted = interrupted(ws, &current)
            .ok_or_else(|| failed(ErrorCode::NotFound, "this map has no interrupted vote"))?;
        let vote = interrupted.vote.clone();
        let mut session = VoteSession::resume(vote.clone());
        let dots: BTreeMap<Id, u32> = interrupted
            .tallies
            .iter()
            .map(|t| (t.card, t.dots))
            .collect();
        session.set_typed(&dots, interrupted.voters)?;
        self.note_start(ws, map)?;
        let (room, rx, loopback_only) =
            Self::bind(|addr| Room::start_vote(addr, session.clone(), &current)).await?;
        self.serve_vote(
            map,
            vote,
            (room, rx, loopback_only),
            journal_path(ws),
            announce,
        )?;
        self.vote(map)
    }

    /// Make `vote` of `map` the running activity, served by the room just started, its dots
    /// journaled at `journal` and announced.
    fn serve_vote(
        self: &Arc<Self>,
        map: Id,
        vote: Vote,
        (room, rx, loopback_only): (Room, tokio_rx::Receiver, bool),
        journal: PathBuf,
        announce: Announce,
    ) -> Result<(), AppError> {
        self.install(
            map,
            Kind::Vote {
                vote: vote.clone(),
                typed: Vec::new(),
            },
            room,
            loopback_only,
        )?;
        self.forward(rx, map, Some((journal, vote)), announce);
        Ok(())
    }
}
