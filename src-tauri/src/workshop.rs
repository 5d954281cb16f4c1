//! The workshop service: the one room server of the app (a dot vote or a private brainstorm
//! round served to the phones), the votes typed on the laptop, and the journal that keeps an
//! open vote's dots through a crash. What lands in the map goes through the store as an `Edit`.
//!
//! One activity at a time: opening a vote or a round while another runs is refused. The room
//! runs on the tokio runtime Tauri already has; it stops when the vote closes, the round is
//! revealed, or the app quits (`shutdown`, and the `Room`'s own drop).
//!
//! The journal: after every change of an open vote's dots (a phone's or a typed one) the vote and
//! its tallies are written to `workshop-vote.json` in the workspace folder (a new file renamed
//! over the old, so it is whole or absent). After a crash, the map still holds the vote as open
//! (its opening was an edit); `status` reports it as interrupted with the journaled tallies,
//! and `resume_vote` takes it up again with those dots (as dots typed for the voters counted).

use std::collections::{BTreeMap, HashMap};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, UdpSocket};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::Utc;
use corridor_core::workshop::{ranking, summary_markdown, Ranked, VoteSession, WorkshopRecord};
use corridor_core::{Id, JourneyMap, Tally, Vote, VoteStatus};
use corridor_room::{Room, RoomError, RoomEvent};
use corridor_store::{Applied, SnapshotInfo, Workspace};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{AppError, ErrorCode};

/// The journal of the open vote, in the workspace folder.
pub const JOURNAL: &str = "workshop-vote.json";

/// The room's address and its QR code, for the projector.
#[derive(Debug, Clone, Serialize, Type)]
pub struct RoomInfo {
    /// `http://ADDR:PORT/v/TOKEN/`: the link phones open.
    pub url: String,
    /// The link as a QR code (an SVG document, dark on light).
    pub qr_svg: String,
    /// True when no local network was found: the room answers on this laptop only
    /// (127.0.0.1), so votes must be typed.
    pub loopback_only: bool,
}

/// Dots typed on the laptop for one named person.
#[derive(Debug, Clone, Serialize, Type)]
pub struct TypedVoter {
    pub name: String,
    pub dots: Vec<Tally>,
}

/// The vote running now.
#[derive(Debug, Clone, Serialize, Type)]
pub struct OpenVote {
    pub map: Id,
    pub vote: Vote,
    /// Dots per card, in the vote's order.
    pub tallies: Vec<Tally>,
    pub voters: u32,
    pub ranking: Vec<Ranked>,
    pub typed: Vec<TypedVoter>,
    pub room: RoomInfo,
}

/// The private round running now: its count, never its ideas.
#[derive(Debug, Clone, Serialize, Type)]
pub struct OpenRound {
    pub map: Id,
    pub stage: Id,
    pub lane: Id,
    pub prompt: String,
    pub count: u32,
    pub room: RoomInfo,
}

/// An open vote of the map that no room serves (the app stopped while it ran), with the dots
/// its journal kept.
#[derive(Debug, Clone, Serialize, Type)]
pub struct InterruptedVote {
    pub vote: Vote,
    pub tallies: Vec<Tally>,
    pub voters: u32,
}

/// What the workshop of a map has running.
#[derive(Debug, Clone, Serialize, Type)]
pub struct WorkshopStatus {
    pub vote: Option<OpenVote>,
    pub round: Option<OpenRound>,
    pub interrupted: Option<InterruptedVote>,
    /// Another map's vote or round holds the room.
    pub busy_elsewhere: bool,
}

/// What the service tells the windows: the live tally, the count of ideas.
#[derive(Debug, Clone)]
pub enum News {
    Vote(Box<OpenVote>),
    Ideas { map: Id, count: u32 },
}

/// Where the service sends its news (the app: Tauri events).
pub type Announce = Arc<dyn Fn(News) + Send + Sync>;

#[derive(Debug, Serialize, Deserialize)]
struct Journal {
    map: Id,
    vote: Vote,
    tallies: Vec<Tally>,
    voters: u32,
}

enum Kind {
    Vote {
        vote: Vote,
        /// Typed voters by name, each with the device id the session knows them by.
        typed: Vec<(String, String)>,
    },
    Round {
        stage: Id,
        lane: Id,
        prompt: String,
    },
}

struct Active {
    map: Id,
    kind: Kind,
    room: Room,
    info: RoomInfo,
}

#[derive(Default)]
struct Inner {
    active: Option<Active>,
    /// Per map: the revision when its workshop started, and the votes held since.
    started: HashMap<Id, u64>,
    votes: HashMap<Id, Vec<Id>>,
}

/// The app's workshop service. See the module's documentation.
#[derive(Default)]
pub struct WorkshopService {
    inner: Mutex<Inner>,
}

fn failed(code: ErrorCode, message: impl Into<String>) -> AppError {
    AppError {
        code,
        message: message.into(),
    }
}

impl From<RoomError> for AppError {
    fn from(err: RoomError) -> AppError {
        let code = match err {
            RoomError::Bind { .. } | RoomError::Random(_) => ErrorCode::FileSystem,
            _ => ErrorCode::Invalid,
        };
        failed(code, err.to_string())
    }
}

impl From<corridor_core::workshop::WorkshopError> for AppError {
    fn from(err: corridor_core::workshop::WorkshopError) -> AppError {
        failed(ErrorCode::Invalid, err.to_string())
    }
}

/// The laptop's address on the local network: the one its route to a private address leaves
/// from (a UDP "connect" sends nothing). Tried towards each private range, so a room network
/// with no default route (a hotspot with no internet) is found too. `None` with no network.
pub fn lan_address() -> Option<IpAddr> {
    let targets = [
        Ipv4Addr::new(10, 254, 254, 254),
        Ipv4Addr::new(192, 168, 254, 254),
        Ipv4Addr::new(172, 31, 254, 254),
    ];
    targets.into_iter().find_map(|target| {
        let socket = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).ok()?;
        socket.connect((target, 9)).ok()?;
        let ip = socket.local_addr().ok()?.ip();
        (!ip.is_loopback() && !ip.is_unspecified()).then_some(ip)
    })
}

fn journal_path(ws: &Workspace) -> PathBuf {
    ws.path().join(JOURNAL)
}

/// Write the journal whole: a new file, flushed, renamed over the old one.
fn write_journal(path: &Path, journal: &Journal) -> std::io::Result<()> {
    use std::io::Write;
    let tmp = path.with_extension("json.tmp");
    let mut file = std::fs::File::create(&tmp)?;
    file.write_all(&serde_json::to_vec(journal).map_err(std::io::Error::other)?)?;
    file.sync_data()?;
    std::fs::rename(&tmp, path)
}

fn read_journal(path: &Path) -> Option<Journal> {
    serde_json::from_slice(&std::fs::read(path).ok()?).ok()
}

/// Apply `edit` to the map as it is now, through the store (undoable, journaled).
fn apply_now(ws: &Workspace, map: Id, edit: &corridor_core::Edit) -> Result<Applied, AppError> {
    let revision = ws.state(map)?.revision;
    Ok(ws.apply(map, revision, edit, Utc::now())?)
}

impl WorkshopService {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn check_free(&self) -> Result<(), AppError> {
        match &self.lock().active {
            Some(a) => Err(failed(
                ErrorCode::AlreadyExists,
                match a.kind {
                    Kind::Vote { .. } => "a vote is open: close it before opening another",
                    Kind::Round { .. } => {
                        "a brainstorm round is open: reveal it before opening a vote or round"
                    }
                },
            )),
            None => Ok(()),
        }
    }

    fn note_start(&self, ws: &Workspace, map: Id) -> Result<(), AppError> {
        let revision = ws.state(map)?.revision;
        self.lock().started.entry(map).or_insert(revision);
        Ok(())
    }

    /// Mark the start of a map's workshop (what is captured from here on is its summary's).
    /// Starting again keeps the first mark.
    pub fn start(&self, ws: &Workspace, map: Id) -> Result<(), AppError> {
        self.note_start(ws, map)
    }

    /// Start a room on the LAN address (port 0), or on 127.0.0.1 when there is no network.
    async fn bind<F, Fut>(start: F) -> Result<(Room, tokio_rx::Receiver, bool), AppError>
    where
        F: Fn(SocketAddr) -> Fut,
        Fut: std::future::Future<Output = Result<(Room, tokio_rx::Receiver), RoomError>>,
    {
        if let Some(ip) = lan_address() {
            if let Ok((room, rx)) = start(SocketAddr::new(ip, 0)).await {
                return Ok((room, rx, false));
            }
        }
        let (room, rx) = start(SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 0)).await?;
        Ok((room, rx, true))
    }

    fn open_vote_view(&self, active: &Active) -> Result<OpenVote, AppError> {
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

    /// Run the room's events: each tally is journaled and announced; each idea count announced.
    fn forward(
        self: &Arc<Self>,
        mut rx: tokio_rx::Receiver,
        map: Id,
        journal: Option<(PathBuf, Vote)>,
        announce: Announce,
    ) {
        let me = Arc::downgrade(self);
        tauri::async_runtime::spawn(async move {
            while let Some(event) = rx.recv().await {
                match event {
                    RoomEvent::Tally { tallies, voters } => {
                        if let Some((path, vote)) = &journal {
                            let entry = Journal {
                                map,
                                vote: vote.clone(),
                                tallies,
                                voters,
                            };
                            if let Err(err) = write_journal(path, &entry) {
                                eprintln!("corridor: cannot journal the open vote: {err}");
                            }
                        }
                        let Some(me) = me.upgrade() else { break };
                        let view = {
                            let inner = me.lock();
                            inner
                                .active
                                .as_ref()
                                .filter(|a| a.map == map)
                                .and_then(|a| me.open_vote_view(a).ok())
                        };
                        if let Some(view) = view {
                            announce(News::Vote(Box::new(view)));
                        }
                    }
                    RoomEvent::Ideas { count } => announce(News::Ideas {
                        map,
                        count: count as u32,
                    }),
                }
            }
        });
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
        self.install(
            map,
            Kind::Vote {
                vote: vote.clone(),
                typed: Vec::new(),
            },
            room,
            loopback_only,
        )?;
        self.forward(rx, map, Some((path, vote)), announce);
        Ok((applied, self.vote(map)?))
    }

    fn install(
        &self,
        map: Id,
        kind: Kind,
        room: Room,
        loopback_only: bool,
    ) -> Result<(), AppError> {
        let info = RoomInfo {
            url: room.url().to_string(),
            qr_svg: room.qr_svg(),
            loopback_only,
        };
        let mut inner = self.lock();
        if inner.active.is_some() {
            return Err(failed(
                ErrorCode::AlreadyExists,
                "another vote or round opened meanwhile",
            ));
        }
        inner.active = Some(Active {
            map,
            kind,
            room,
            info,
        });
        Ok(())
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
        self.install(
            map,
            Kind::Vote {
                vote: vote.clone(),
                typed: Vec::new(),
            },
            room,
            loopback_only,
        )?;
        self.forward(rx, map, Some((journal_path(ws), vote)), announce);
        self.vote(map)
    }

    /// Open a private brainstorm round for `stage` and `lane` of `map`; the room starts.
    pub async fn open_round(
        self: &Arc<Self>,
        ws: &Workspace,
        map: Id,
        stage: Id,
        lane: Id,
        prompt: &str,
        announce: Announce,
    ) -> Result<OpenRound, AppError> {
        self.check_free()?;
        self.note_start(ws, map)?;
        let current = ws.get(map)?;
        let round = corridor_core::workshop::BrainstormRound::open(&current, stage, lane, prompt)?;
        let prompt = round.prompt().to_string();
        let (room, rx, loopback_only) =
            Self::bind(|addr| Room::start_brainstorm(addr, round.clone(), &current)).await?;
        self.install(
            map,
            Kind::Round {
                stage,
                lane,
                prompt,
            },
            room,
            loopback_only,
        )?;
        self.forward(rx, map, None, announce);
        self.round(map)
    }

    /// The open round of `map`: its count, not its ideas.
    pub fn round(&self, map: Id) -> Result<OpenRound, AppError> {
        let inner = self.lock();
        let active = inner
            .active
            .as_ref()
            .filter(|a| a.map == map)
            .ok_or_else(|| failed(ErrorCode::NotFound, "no round is open on this map"))?;
        let Kind::Round {
            stage,
            lane,
            prompt,
        } = &active.kind
        else {
            return Err(failed(ErrorCode::NotFound, "no round is open on this map"));
        };
        Ok(OpenRound {
            map,
            stage: *stage,
            lane: *lane,
            prompt: prompt.clone(),
            count: active.room.idea_count()? as u32,
            room: active.info.clone(),
        })
    }

    /// Reveal the round (the facilitator ends it): its ideas land as lane cards without
    /// author (an edit), and the room stops.
    pub async fn reveal_round(&self, ws: &Workspace, map: Id) -> Result<Applied, AppError> {
        let current = ws.get(map)?;
        let edit = {
            let inner = self.lock();
            let active = inner
                .active
                .as_ref()
                .filter(|a| a.map == map && matches!(a.kind, Kind::Round { .. }))
                .ok_or_else(|| failed(ErrorCode::NotFound, "no round is open on this map"))?;
            active.room.reveal(&current, &mut uuid::Uuid::new_v4)?
        };
        let applied = apply_now(ws, map, &edit);
        let active = self.lock().active.take();
        if let Some(active) = active {
            active.room.stop().await;
        }
        applied
    }

    /// What runs for `map`, and an interrupted vote to take up.
    pub fn status(&self, ws: &Workspace, map: Id) -> Result<WorkshopStatus, AppError> {
        let current = ws.get(map)?;
        let inner = self.lock();
        let here = inner.active.as_ref().filter(|a| a.map == map);
        let vote = here.and_then(|a| self.open_vote_view(a).ok());
        let busy_elsewhere = inner.active.as_ref().is_some_and(|a| a.map != map);
        drop(inner);
        let round = self.round(map).ok();
        let interrupted = if vote.is_none() && !busy_elsewhere {
            interrupted(ws, &current)
        } else {
            None
        };
        Ok(WorkshopStatus {
            vote,
            round,
            interrupted,
            busy_elsewhere,
        })
    }

    /// What the workshop of `map` did: the lane cards added since it started, the votes held
    /// (since it started, or every closed vote of the map when the app restarted meanwhile).
    pub fn record(&self, ws: &Workspace, map: Id) -> Result<WorkshopRecord, AppError> {
        let current = ws.get(map)?;
        let (started, votes) = {
            let inner = self.lock();
            (
                inner.started.get(&map).copied(),
                inner.votes.get(&map).cloned().unwrap_or_default(),
            )
        };
        let captured = match started {
            Some(revision) => {
                let before = ws.revision(map, revision)?;
                current
                    .lane_cards
                    .iter()
                    .filter(|c| !before.lane_cards.iter().any(|b| b.id == c.id))
                    .map(|c| c.id)
                    .collect()
            }
            None => Vec::new(),
        };
        let votes = if started.is_some() {
            votes
        } else {
            current
                .votes
                .iter()
                .filter(|v| v.status == VoteStatus::Closed)
                .map(|v| v.id)
                .collect()
        };
        let decisions = current
            .votes
            .iter()
            .filter(|v| votes.contains(&v.id) && !v.decision.is_empty())
            .map(|v| v.decision.clone())
            .collect();
        Ok(WorkshopRecord {
            captured,
            votes,
            decisions,
        })
    }

    /// The workshop summary of `map` as Markdown.
    pub fn summary(&self, ws: &Workspace, map: Id) -> Result<String, AppError> {
        let record = self.record(ws, map)?;
        Ok(summary_markdown(&ws.get(map)?, &record))
    }

    /// End the workshop: refused while a vote or round is open; takes the named snapshot.
    pub fn end(&self, ws: &Workspace, map: Id, name: &str) -> Result<SnapshotInfo, AppError> {
        if self.lock().active.as_ref().is_some_and(|a| a.map == map) {
            return Err(failed(
                ErrorCode::Invalid,
                "a vote or round is still open: close it before ending the workshop",
            ));
        }
        let snapshot = ws.snapshot(map, name, Utc::now()).map_err(AppError::from)?;
        Ok(snapshot)
    }

    /// Stop the room at once (the app quits). An open vote's journal stays for the next start.
    pub fn shutdown(&self) {
        let active = self.lock().active.take();
        drop(active);
    }
}

/// The result of `vote` of `map`, most dots first.
pub fn results(ws: &Workspace, map: Id, vote: Id) -> Result<Vec<Ranked>, AppError> {
    let current = ws.get(map)?;
    let vote = current
        .vote(vote)
        .ok_or_else(|| failed(ErrorCode::NotFound, "this map has no such vote"))?;
    Ok(ranking(&vote.tallies))
}

/// Write the summary at the path the user chose, whole or not at all.
pub fn write_summary(path: &Path, text: &str) -> Result<corridor_store::Written, AppError> {
    let tmp = path.with_extension("md.part");
    let written = std::fs::write(&tmp, text).and_then(|()| std::fs::rename(&tmp, path));
    if let Err(err) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(failed(
            ErrorCode::FileSystem,
            format!("could not write {}: {err}", path.display()),
        ));
    }
    Ok(corridor_store::Written {
        path: path.display().to_string(),
        bytes: text.len() as u64,
    })
}

/// The open vote of `map` that no room serves, with its journaled dots.
fn interrupted(ws: &Workspace, map: &JourneyMap) -> Option<InterruptedVote> {
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

/// The room's event channel.
mod tokio_rx {
    pub type Receiver = tokio::sync::mpsc::UnboundedReceiver<corridor_room::RoomEvent>;
}

#[cfg(test)]
mod tests {
    use super::*;
    use corridor_core::LaneKind;

    fn workspace() -> (tempfile::TempDir, Workspace, Id) {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::open(&dir.path().join("ws")).unwrap();
        ws.seed_examples().unwrap();
        let map = ws.list().unwrap()[0].id;
        (dir, ws, map)
    }

    fn quiet() -> Announce {
        Arc::new(|_| {})
    }

    #[test]
    fn a_typed_vote_lands_in_the_map_and_survives_a_crash_through_its_journal() {
        tauri::async_runtime::block_on(async {
            let (_dir, ws, map) = workspace();
            let service = Arc::new(WorkshopService::default());
            let m = ws.get(map).unwrap();
            let cards: Vec<Id> = m.lane_cards.iter().take(3).map(|c| c.id).collect();
            let (applied, open) = service
                .open_vote(&ws, map, "Which first?", cards.clone(), 2, quiet())
                .await
                .unwrap();
            assert!(applied.can_undo);
            assert!(open.room.url.contains("/v/"), "{}", open.room.url);
            assert!(open.room.qr_svg.starts_with("<?xml") || open.room.qr_svg.contains("<svg"));
            // The open vote is in the map; a second vote is refused while it runs.
            assert_eq!(
                ws.get(map).unwrap().votes.last().unwrap().status,
                VoteStatus::Open
            );
            assert!(service
                .open_vote(&ws, map, "Again", cards.clone(), 2, quiet())
                .await
                .is_err());

            service.type_dots(map, "Ana", cards[1], 2).unwrap();
            let view = service.type_dots(map, "Ben", cards[0], 1).unwrap();
            assert_eq!(view.voters, 2);
            assert_eq!(view.ranking[0].card, cards[1]);
            // Over budget: refused, nothing changed.
            let err = service.type_dots(map, "Ana", cards[2], 1).unwrap_err();
            assert!(
                err.message.starts_with("Ana has placed 2 of 2 dots"),
                "{}",
                err.message
            );
            assert_eq!(service.vote(map).unwrap().tallies, view.tallies);
            // Lowering a typed vote takes dots back.
            let view = service.type_dots(map, "Ana", cards[1], 1).unwrap();
            assert_eq!(view.tallies[1].dots, 1);
            assert_eq!(view.typed.len(), 2);

            // The room's event task journals the tally; give it a moment.
            let path = journal_path(&ws);
            let mut journaled = None;
            for _ in 0..100 {
                journaled = read_journal(&path).filter(|j| j.voters == 2 && j.tallies[1].dots == 1);
                if journaled.is_some() {
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            }
            let journaled = journaled.expect("the journal holds the typed dots");
            assert_eq!(journaled.tallies[0].dots, 1);

            // A crash: the service is gone without closing the vote.
            service.shutdown();
            drop(service);
            let service = Arc::new(WorkshopService::default());
            let status = service.status(&ws, map).unwrap();
            let interrupted = status.interrupted.expect("an interrupted vote");
            assert_eq!(interrupted.voters, 2);
            let resumed = service.resume_vote(&ws, map, quiet()).await.unwrap();
            assert_eq!(resumed.tallies, journaled.tallies);

            let closed = service
                .close_vote(&ws, map, "Fix the form first")
                .await
                .unwrap();
            let vote = ws.get(map).unwrap().votes.last().cloned().unwrap();
            assert_eq!(vote.status, VoteStatus::Closed);
            assert_eq!(vote.decision, "Fix the form first");
            assert_eq!(vote.tallies, journaled.tallies);
            assert!(!path.exists(), "the journal goes once the vote is closed");
            // Undo takes the closing back like any change.
            ws.undo(map, Some(closed.revision), Utc::now()).unwrap();
            assert_eq!(
                ws.get(map).unwrap().votes.last().unwrap().status,
                VoteStatus::Open
            );
        });
    }

    #[test]
    fn a_round_shows_only_its_count_and_reveals_authorless_cards_then_the_workshop_ends() {
        tauri::async_runtime::block_on(async {
            let (_dir, ws, map) = workspace();
            let service = Arc::new(WorkshopService::default());
            let m = ws.get(map).unwrap();
            let lane = m
                .lanes
                .iter()
                .find(|l| l.kind != LaneKind::Touchpoints)
                .unwrap()
                .id;
            let stage = m.stages[0].id;
            let before = m.lane_cards.len();
            let round = service
                .open_round(&ws, map, stage, lane, "What slows you down?", quiet())
                .await
                .unwrap();
            assert_eq!(round.count, 0);
            let status = service.status(&ws, map).unwrap();
            assert!(status.round.is_some() && status.vote.is_none());
            let err = service.end(&ws, map, "Workshop").unwrap_err();
            assert!(err.message.contains("still open"), "{}", err.message);
            service.reveal_round(&ws, map).await.unwrap();
            assert_eq!(ws.get(map).unwrap().lane_cards.len(), before);
            assert!(service.status(&ws, map).unwrap().round.is_none());

            let snapshot = service.end(&ws, map, "Workshop 27 Nov").unwrap();
            assert_eq!(snapshot.name.as_deref(), Some("Workshop 27 Nov"));
            assert!(ws
                .snapshots(map)
                .unwrap()
                .iter()
                .any(|s| s.name.as_deref() == Some("Workshop 27 Nov")));
            let summary = service.summary(&ws, map).unwrap();
            assert!(summary.starts_with("# Workshop summary: "), "{summary}");
        });
    }
}
