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
use corridor_core::{Id, Tally, Vote, VoteStatus};
use corridor_room::{Room, RoomError, RoomEvent};
use corridor_store::{Applied, SnapshotInfo, Workspace};
use serde::Serialize;
use specta::Type;

use crate::error::{AppError, ErrorCode};

mod journal;
mod round;
mod vote;

#[cfg(test)]
mod tests;

use journal::{interrupted, journal_path, write_journal, Journal};

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

/// The room's event channel.
mod tokio_rx {
    pub type Receiver = tokio::sync::mpsc::UnboundedReceiver<corridor_room::RoomEvent>;
}
