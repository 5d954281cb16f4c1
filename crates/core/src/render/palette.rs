//! The colours of the exports: print-friendly, and the channel colours distinguishable by people
//! with the common colour-vision deficiencies (Okabe and Ito's palette, extended).

use crate::model::{Channel, LaneKind};

pub const INK: &str = "#1f2733";
pub const MUTED: &str = "#5b6472";
pub const FAINT: &str = "#8a93a0";
pub const RULE: &str = "#d9dee5";
pub const HEADER: &str = "#1f2a44";
pub const LABEL_BG: &str = "#eef1f5";
pub const ROW_ALT: &str = "#f8f9fb";
pub const CARD_STROKE: &str = "#c3cad4";
/// The corridor: gold, on a darker casing so that it reads on white paper.
pub const CORRIDOR: &str = "#ffd166";
pub const CORRIDOR_CASING: &str = "#b8860b";
pub const CORRIDOR_DASHED: &str = "#d9a21b";
pub const CORRIDOR_TEXT: &str = "#3d2e00";
pub const MOMENT_OF_TRUTH: &str = "#8a1c2b";
pub const CURVE: &str = "#6a51a3";
pub const POSITIVE: &str = "#1a9850";
pub const NEGATIVE: &str = "#d73027";
pub const NEUTRAL: &str = "#7a828c";
/// Gap colouring: meets the target, below it by less than a tenth of the scale, by more, and
/// touchpoints with no observation.
pub const GAP_MEETS: &str = "#1a9850";
pub const GAP_SLIGHT: &str = "#e69f00";
pub const GAP_BELOW: &str = "#d73027";
pub const GAP_NONE: &str = "#a3abb5";

/// The stripe colour of a channel.
pub fn channel(channel: &Channel) -> &'static str {
    match channel {
        Channel::Web => "#0072b2",
        Channel::MobileApp => "#56b4e9",
        Channel::Phone => "#009e73",
        Channel::InPerson => "#e69f00",
        Channel::Email => "#cc79a7",
        Channel::Chat => "#d55e00",
        Channel::Social => "#7b61c4",
        Channel::Partner => "#8c6d46",
        Channel::Other => "#7a828c",
        Channel::Custom(name) => {
            const CUSTOM: [&str; 4] = ["#1b9e9e", "#7f8f2a", "#c2416b", "#4b6584"];
            let sum: usize = name.bytes().map(usize::from).sum();
            CUSTOM[sum % CUSTOM.len()]
        }
    }
}

/// Fill and stroke of the cards of a lane.
pub fn lane(kind: LaneKind) -> (&'static str, &'static str) {
    match kind {
        LaneKind::CustomerActions => ("#e8f1fb", "#a9c6e8"),
        LaneKind::Thoughts => ("#eef0fb", "#b7bde6"),
        LaneKind::Feelings => ("#fbeef4", "#e3b5cb"),
        LaneKind::PainPoints => ("#fde9e6", "#efb2a9"),
        LaneKind::Opportunities => ("#e6f5ec", "#a8d7b9"),
        LaneKind::Frontstage => ("#fff3dc", "#ecc988"),
        LaneKind::Backstage => ("#f2ede6", "#cdbfa9"),
        LaneKind::SupportingProcesses => ("#edf0f4", "#bcc4cf"),
        LaneKind::Kpis => ("#e6f4f4", "#9fcfcf"),
        LaneKind::Custom | LaneKind::Touchpoints => ("#f3f3f1", "#c9c9c3"),
    }
}
