//! The private brainstorm round: opening it with its room, its count, the reveal.

use super::*;

impl WorkshopService {
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
}
