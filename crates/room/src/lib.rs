//! The room server: participants of a workshop vote (or send ideas to a private brainstorm)
//! from their phones over the local network, with no internet. See docs/workshop.md.
//!
//! A [`Room`] serves one activity, a [`VoteSession`] or a [`BrainstormRound`] from
//! `corridor_core::workshop`, kept behind a mutex: the HTTP handlers and the app call the same
//! pure logic, and every change is announced on a channel ([`RoomEvent`]) that the app turns
//! into its own events.
//!
//! Architecture invariants: this crate knows no Tauri and no store; it reads no file and
//! serves nothing but its three page assets and its JSON API, all behind the per-room token.
//! What lands in the map leaves as an [`Edit`] for the caller to apply through the store.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use axum::extract::rejection::JsonRejection;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use corridor_core::workshop::{BrainstormRound, Idea, Role, VoteSession, WorkshopError};
use corridor_core::{Edit, Id, JourneyMap, Tally};
use serde::{Deserialize, Serialize};
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;

/// The largest request body the API reads. A vote or an idea is well under 1 KB.
pub const BODY_LIMIT: usize = 16 * 1024;
/// Random bytes in a room's token (hex in the URL: twice as many characters).
pub const TOKEN_BYTES: usize = 16;

const PAGE: &str = include_str!("../assets/room.html");
const SCRIPT: &str = include_str!("../assets/room.js");
const STYLE: &str = include_str!("../assets/room.css");

/// The page may load its own script and style and talk to its own origin, nothing else.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
    connect-src 'self'; img-src 'none'; base-uri 'none'; form-action 'none'; \
    frame-ancestors 'none'";

/// Why a room could not start or do what the app asked.
#[derive(Debug, thiserror::Error)]
pub enum RoomError {
    #[error("could not listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("the operating system gave no random bytes for the room's token: {0}")]
    Random(String),
    #[error("this room runs a brainstorm round, not a vote")]
    NotAVote,
    #[error("this room runs a vote, not a brainstorm round")]
    NotABrainstorm,
    #[error(transparent)]
    Workshop(#[from] WorkshopError),
}

/// A change the app should show. Ideas are never in an event: only their count.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RoomEvent {
    /// The vote's dots changed.
    Tally { tallies: Vec<Tally>, voters: u32 },
    /// An idea arrived in the private round.
    Ideas { count: usize },
}

/// What a room serves.
#[derive(Debug)]
pub enum Activity {
    Vote(VoteSession),
    Brainstorm(BrainstormRound),
}

/// A card as the phone sees it: its id and text, nothing else of the map.
#[derive(Debug, Clone, PartialEq, Serialize)]
struct CardView {
    id: Id,
    text: String,
}

/// What the page shows besides the activity: the vote's cards, or the round's stage and lane.
#[derive(Debug)]
struct Labels {
    cards: Vec<CardView>,
    stage: String,
    lane: String,
}

struct Shared {
    activity: Mutex<Activity>,
    labels: Labels,
    token: String,
    events: mpsc::UnboundedSender<RoomEvent>,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Activity> {
        self.activity.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A running room server. Dropping it stops the server too.
pub struct Room {
    shared: Arc<Shared>,
    addr: SocketAddr,
    url: String,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for Room {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Room")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

/// A fresh token from the operating system's random source, as lowercase hex.
pub fn new_token() -> Result<String, RoomError> {
    let mut bytes = [0u8; TOKEN_BYTES];
    getrandom::fill(&mut bytes).map_err(|e| RoomError::Random(e.to_string()))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

impl Room {
    /// Serve a vote on `addr` (the laptop's LAN address; port 0 picks a free one). The cards'
    /// texts are taken from `map`. Returns the room and the channel of its changes.
    pub async fn start_vote(
        addr: SocketAddr,
        session: VoteSession,
        map: &JourneyMap,
    ) -> Result<(Room, mpsc::UnboundedReceiver<RoomEvent>), RoomError> {
        let cards = session
            .cards()
            .iter()
            .map(|&id| CardView {
                id,
                text: map.card_text(id).unwrap_or("(card removed)").to_string(),
            })
            .collect();
        let labels = Labels {
            cards,
            stage: String::new(),
            lane: String::new(),
        };
        Room::start(addr, Activity::Vote(session), labels).await
    }

    /// Serve a private brainstorm round on `addr`.
    pub async fn start_brainstorm(
        addr: SocketAddr,
        round: BrainstormRound,
        map: &JourneyMap,
    ) -> Result<(Room, mpsc::UnboundedReceiver<RoomEvent>), RoomError> {
        let labels = Labels {
            cards: Vec::new(),
            stage: map
                .stage(round.stage())
                .map_or_else(String::new, |s| s.name.clone()),
            lane: map
                .lanes
                .iter()
                .find(|l| l.id == round.lane())
                .map_or_else(String::new, |l| l.title.clone()),
        };
        Room::start(addr, Activity::Brainstorm(round), labels).await
    }

    async fn start(
        addr: SocketAddr,
        activity: Activity,
        labels: Labels,
    ) -> Result<(Room, mpsc::UnboundedReceiver<RoomEvent>), RoomError> {
        let token = new_token()?;
        let (events, receiver) = mpsc::unbounded_channel();
        let shared = Arc::new(Shared {
            activity: Mutex::new(activity),
            labels,
            token: token.clone(),
            events,
        });
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| RoomError::Bind { addr, source })?;
        let addr = listener
            .local_addr()
            .map_err(|source| RoomError::Bind { addr, source })?;
        let router = router(shared.clone());
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let serve = axum::serve(listener, router).with_graceful_shutdown(async {
                let _ = stopped.await;
            });
            // An accept error ends the server; the app sees the URL stop answering.
            let _ = serve.await;
        });
        let url = format!("http://{addr}/v/{token}/");
        Ok((
            Room {
                shared,
                addr,
                url,
                stop: Some(stop),
                task: Some(task),
            },
            receiver,
        ))
    }

    /// The address the server listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// The URL to give the room (token included).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The URL as a QR code, an SVG document.
    pub fn qr_svg(&self) -> String {
        qr_svg(&self.url)
    }

    /// Run `f` on the vote (to read its tallies, type dots from the laptop, or close it).
    /// A change of the tallies is announced like the phones' own.
    pub fn with_vote<R>(&self, f: impl FnOnce(&mut VoteSession) -> R) -> Result<R, RoomError> {
        let mut activity = self.shared.lock();
        let Activity::Vote(session) = &mut *activity else {
            return Err(RoomError::NotAVote);
        };
        let before = (session.tallies(), session.voters());
        let out = f(session);
        let (tallies, voters) = (session.tallies(), session.voters());
        if (&tallies, voters) != (&before.0, before.1) {
            let _ = self
                .shared
                .events
                .send(RoomEvent::Tally { tallies, voters });
        }
        Ok(out)
    }

    /// Close the vote: phones can no longer change it. Returns the edit that stores it in
    /// `map`. The server keeps answering (the page says the vote is closed) until [`Room::stop`].
    pub fn close_vote(&self, map: &JourneyMap, decision: &str) -> Result<Edit, RoomError> {
        self.with_vote(|s| s.close(map, decision))?
            .map_err(RoomError::from)
    }

    /// How many ideas the private round holds (their text stays hidden until the reveal).
    pub fn idea_count(&self) -> Result<usize, RoomError> {
        match &*self.shared.lock() {
            Activity::Brainstorm(round) => Ok(round.count()),
            Activity::Vote(_) => Err(RoomError::NotABrainstorm),
        }
    }

    /// End the private round as its facilitator: returns the edit adding its ideas as lane
    /// cards without author.
    pub fn reveal(&self, map: &JourneyMap, ids: &mut dyn FnMut() -> Id) -> Result<Edit, RoomError> {
        match &mut *self.shared.lock() {
            Activity::Brainstorm(round) => Ok(round.reveal(Role::Facilitator, map, ids)?),
            Activity::Vote(_) => Err(RoomError::NotABrainstorm),
        }
    }

    /// Stop the server and wait for it to end (at most two seconds, then it is cut off).
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(mut task) = self.task.take() {
            if tokio::time::timeout(Duration::from_secs(2), &mut task)
                .await
                .is_err()
            {
                task.abort();
            }
        }
    }
}

impl Drop for Room {
    /// The server stops taking connections at once; requests under way finish.
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// `text` as a QR code, an SVG document with a quiet zone, dark on light.
pub fn qr_svg(text: &str) -> String {
    match qrcode::QrCode::new(text.as_bytes()) {
        Ok(code) => code
            .render::<qrcode::render::svg::Color>()
            .min_dimensions(240, 240)
            .dark_color(qrcode::render::svg::Color("#000000"))
            .light_color(qrcode::render::svg::Color("#ffffff"))
            .build(),
        // A URL of a few dozen characters always fits; an empty picture rather than a panic.
        Err(_) => String::from("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
    }
}

fn router(shared: Arc<Shared>) -> Router {
    let prefix = format!("/v/{}", shared.token);
    Router::new()
        .route(&prefix, get(|| async { Redirect::permanent("./") }))
        .route(&format!("{prefix}/"), get(page))
        .route(&format!("{prefix}/room.js"), get(script))
        .route(&format!("{prefix}/room.css"), get(style))
        .route(&format!("{prefix}/api/state"), post(state))
        .route(&format!("{prefix}/api/dots"), post(dots))
        .route(&format!("{prefix}/api/ideas"), post(ideas))
        .fallback(|| async { error(StatusCode::NOT_FOUND, "nothing here") })
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::from_fn_with_state(shared.clone(), guard))
        .with_state(shared)
}

/// Equal without telling by its timing how much of the token a guess got right.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Every request must name the room's token as its first two path segments (`/v/TOKEN`);
/// any other gets 403 before anything is read. Every answer carries the security headers.
async fn guard(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let token = path
        .strip_prefix("/v/")
        .map(|rest| rest.split('/').next().unwrap_or(""));
    let allowed = token.is_some_and(|t| same(t.as_bytes(), shared.token.as_bytes()));
    let mut response = if allowed {
        next.run(request).await
    } else {
        error(
            StatusCode::FORBIDDEN,
            "this address needs the room's link: scan the QR code again",
        )
    };
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body).into_response()
}

async fn page() -> Response {
    asset("text/html; charset=utf-8", PAGE)
}

async fn script() -> Response {
    asset("text/javascript; charset=utf-8", SCRIPT)
}

async fn style() -> Response {
    asset("text/css; charset=utf-8", STYLE)
}

fn error(status: StatusCode, message: &str) -> Response {
    (status, Json(serde_json::json!({ "error": message }))).into_response()
}

/// A refused body: its own status (400, 413, 415, 422) and a plain message.
fn rejected(rejection: JsonRejection) -> Response {
    let message = match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => format!("the request is over {BODY_LIMIT} bytes"),
        _ => rejection.body_text(),
    };
    error(rejection.status(), &message)
}

fn refused(err: &WorkshopError) -> Response {
    use WorkshopError as E;
    let status = match err {
        E::OverBudget { .. }
        | E::NothingToRetract { .. }
        | E::VoteClosed
        | E::RoundRevealed
        | E::TooManyIdeas
        | E::TooManyDevices => StatusCode::CONFLICT,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    error(status, &err.to_string())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Who {
    device: String,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum DotOp {
    Cast,
    Retract,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DotRequest {
    device: String,
    card: Id,
    op: DotOp,
    dots: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IdeaRequest {
    device: String,
    text: String,
    #[serde(default)]
    group: Option<String>,
}

#[derive(Serialize)]
struct CardState<'a> {
    id: Id,
    text: &'a str,
    /// This device's dots on the card.
    mine: u32,
    /// Every device's dots, once the vote is closed.
    #[serde(skip_serializing_if = "Option::is_none")]
    dots: Option<u32>,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum PageState<'a> {
    Vote {
        name: &'a str,
        dots_per_person: u32,
        remaining: u32,
        closed: bool,
        cards: Vec<CardState<'a>>,
    },
    Brainstorm {
        prompt: &'a str,
        stage: &'a str,
        lane: &'a str,
        count: usize,
        sent: usize,
        revealed: bool,
        /// Only once revealed, and without author.
        ideas: &'a [Idea],
    },
}

/// What `device` may see of the activity.
fn view(shared: &Shared, activity: &Activity, device: &str) -> Response {
    let state = match activity {
        Activity::Vote(s) => {
            let mine = s.ballot(device);
            let tallies = s.is_closed().then(|| s.tallies());
            PageState::Vote {
                name: s.name(),
                dots_per_person: s.dots_per_person(),
                remaining: s.remaining(device),
                closed: s.is_closed(),
                cards: shared
                    .labels
                    .cards
                    .iter()
                    .enumerate()
                    .map(|(i, c)| CardState {
                        id: c.id,
                        text: &c.text,
                        mine: mine.get(&c.id).copied().unwrap_or(0),
                        dots: tallies.as_ref().map(|t| t[i].dots),
                    })
                    .collect(),
            }
        }
        Activity::Brainstorm(r) => PageState::Brainstorm {
            prompt: r.prompt(),
            stage: &shared.labels.stage,
            lane: &shared.labels.lane,
            count: r.count(),
            sent: r.sent_by(device),
            revealed: r.is_revealed(),
            ideas: r.ideas().unwrap_or(&[]),
        },
    };
    Json(state).into_response()
}

async fn state(
    State(shared): State<Arc<Shared>>,
    body: Result<Json<Who>, JsonRejection>,
) -> Response {
    let Json(who) = match body {
        Ok(b) => b,
        Err(r) => return rejected(r),
    };
    if let Err(err) = corridor_core::workshop::check_device(&who.device) {
        return refused(&err);
    }
    let activity = shared.lock();
    view(&shared, &activity, &who.device)
}

async fn dots(
    State(shared): State<Arc<Shared>>,
    body: Result<Json<DotRequest>, JsonRejection>,
) -> Response {
    let Json(req) = match body {
        Ok(b) => b,
        Err(r) => return rejected(r),
    };
    let mut activity = shared.lock();
    let Activity::Vote(session) = &mut *activity else {
        return error(
            StatusCode::CONFLICT,
            "this room runs a brainstorm, not a vote",
        );
    };
    let done = match req.op {
        DotOp::Cast => session.cast(&req.device, req.card, req.dots),
        DotOp::Retract => session.retract(&req.device, req.card, req.dots),
    };
    if let Err(err) = done {
        return refused(&err);
    }
    let _ = shared.events.send(RoomEvent::Tally {
        tallies: session.tallies(),
        voters: session.voters(),
    });
    view(&shared, &activity, &req.device)
}

async fn ideas(
    State(shared): State<Arc<Shared>>,
    body: Result<Json<IdeaRequest>, JsonRejection>,
) -> Response {
    let Json(req) = match body {
        Ok(b) => b,
        Err(r) => return rejected(r),
    };
    let mut activity = shared.lock();
    let Activity::Brainstorm(round) = &mut *activity else {
        return error(
            StatusCode::CONFLICT,
            "this room runs a vote, not a brainstorm",
        );
    };
    match round.submit(&req.device, &req.text, req.group.as_deref()) {
        Ok(count) => {
            let _ = shared.events.send(RoomEvent::Ideas { count });
        }
        Err(err) => return refused(&err),
    }
    view(&shared, &activity, &req.device)
}
