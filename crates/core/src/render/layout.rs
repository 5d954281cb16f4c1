//! Where everything on the map goes, in map units (1 unit = 1 px at scale 1), relative to the
//! grid's top-left corner (the corner above the lane labels). The SVG writer draws the whole
//! grid or a window of it (one page); cards are never split, so pages break between columns and
//! between bands (a band is one row of cards across the stages, or the emotion curve).

use std::collections::HashMap;
use std::ops::Range;

use super::paths::{connectors, emotion_curve};
use super::text::Font;
use super::{number, palette, GapBand, RenderOptions};
use crate::model::{Channel, Id, JourneyMap, LaneKind};
use crate::outline::{channel_name, department_name};

pub const LABEL_W: f32 = 150.0;
pub const COL_W: f32 = 232.0;
pub const CARD_W: f32 = 200.0;
/// The card's left edge within its column; the rest is the gutter the corridor runs in.
pub const CARD_X: f32 = 16.0;
pub const HEADER_H: f32 = 48.0;
const BAND_PAD: f32 = 10.0;
const LANE_PAD: f32 = 10.0;
const EMPTY_LANE_H: f32 = 44.0;
const EMOTION_H: f32 = 132.0;
/// Lines of a touchpoint title and of a lane card before the ellipsis.
const TITLE_LINES: usize = 3;
const LANE_CARD_LINES: usize = 6;

pub const TITLE_FONT: Font = Font::bold(12.0);
pub const CHANNEL_FONT: Font = Font::bold(8.5);
pub const META_FONT: Font = Font::regular(10.0);
pub const CARD_FONT: Font = Font::regular(11.0);
pub const BADGE_FONT: Font = Font::bold(9.0);
pub const LANE_FONT: Font = Font::bold(12.0);
pub const STAGE_FONT: Font = Font::bold(13.0);
pub const EMOTION_FONT: Font = Font::regular(8.5);

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub fn right(&self) -> f32 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }
    pub fn cy(&self) -> f32 {
        self.y + self.h / 2.0
    }
    pub fn intersects(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }
}

pub struct Column {
    pub x: f32,
    pub number: usize,
    pub name: Vec<String>,
}

pub struct LaneRow {
    pub title: Vec<String>,
    pub bands: Range<usize>,
}

pub struct Band {
    pub y: f32,
    pub h: f32,
}

pub struct StepBadge {
    pub number: usize,
    pub optional: bool,
}

pub struct TouchpointCard {
    pub stripe: &'static str,
    pub channel: String,
    pub steps: Vec<StepBadge>,
    pub title: Vec<String>,
    /// Baselines, relative to the card's top.
    pub title_y: f32,
    pub meta_y: f32,
    pub owner: String,
    pub target: Option<String>,
    /// The moment-of-truth pill's top, when the touchpoint is one.
    pub moment_of_truth_y: Option<f32>,
    /// The observed score line (text, colour, baseline) when an overlay is drawn.
    pub gap: Option<(String, &'static str, f32)>,
}

pub enum CardBody {
    Touchpoint(Box<TouchpointCard>),
    Lane {
        fill: &'static str,
        stroke: &'static str,
        lines: Vec<String>,
    },
}

pub struct Card {
    pub rect: Rect,
    pub column: usize,
    /// Its place in its stage's stack within the lane (0: top).
    pub slot: usize,
    pub body: CardBody,
}

pub struct Connector {
    pub d: String,
    /// The arrowhead at the end, a closed path.
    pub arrow: String,
    pub dashed: bool,
    pub bbox: Rect,
}

pub struct CurvePoint {
    pub x: f32,
    pub y: f32,
    pub column: usize,
    pub emotion: f64,
    pub label: String,
    pub label_below: bool,
}

pub struct Curve {
    pub band: usize,
    pub zero_y: f32,
    /// y of +2 and of −2.
    pub top_y: f32,
    pub bottom_y: f32,
    pub points: Vec<CurvePoint>,
    pub d: String,
}

pub enum Swatch {
    Channel(&'static str),
    Corridor { dashed: bool },
    Badge,
    Curve,
    Gap(&'static str),
}

pub struct LegendItem {
    pub swatch: Swatch,
    pub label: String,
}

pub struct Layout {
    pub columns: Vec<Column>,
    pub lanes: Vec<LaneRow>,
    pub bands: Vec<Band>,
    pub cards: Vec<Card>,
    pub connectors: Vec<Connector>,
    pub curve: Option<Curve>,
    pub legend: Vec<LegendItem>,
    pub grid_w: f32,
    pub grid_h: f32,
}

enum RowKind {
    Touchpoints,
    Cards(Id, LaneKind),
    EmotionOnly,
}

impl Layout {
    pub fn new(map: &JourneyMap, options: &RenderOptions) -> Layout {
        let columns: Vec<Column> = map
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| Column {
                x: LABEL_W + i as f32 * COL_W,
                number: i + 1,
                name: STAGE_FONT.wrap(&s.name, COL_W - 52.0, 2),
            })
            .collect();
        let stage_index: HashMap<Id, usize> = map
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id, i))
            .collect();
        let has_emotion = map.touchpoints.iter().any(|t| {
            t.designed_emotion.is_some_and(f64::is_finite) && stage_index.contains_key(&t.stage)
        });

        // The rows, in order: visible lanes; the touchpoints row even when the map lists no
        // touchpoint lane; the emotion curve in the first visible feelings lane, or a row of its
        // own after the touchpoints.
        let mut rows: Vec<(String, RowKind, bool)> = Vec::new();
        let mut curve_placed = false;
        for lane in map.lanes.iter().filter(|l| !l.hidden) {
            match lane.kind {
                LaneKind::Touchpoints => {
                    rows.push((lane.title.clone(), RowKind::Touchpoints, false));
                }
                kind => {
                    let curve = has_emotion && kind == LaneKind::Feelings && !curve_placed;
                    curve_placed |= curve;
                    rows.push((lane.title.clone(), RowKind::Cards(lane.id, kind), curve));
                }
            }
        }
        if !map.lanes.iter().any(|l| l.kind == LaneKind::Touchpoints) {
            rows.insert(0, ("Touchpoints".into(), RowKind::Touchpoints, false));
        }
        if has_emotion && !curve_placed {
            let at = rows
                .iter()
                .position(|r| matches!(r.1, RowKind::Touchpoints))
                .map_or(rows.len(), |p| p + 1);
            rows.insert(at, ("Emotion curve".into(), RowKind::EmotionOnly, true));
        }

        let steps_of = step_badges(map);
        let back_loops = count_back_loops(map, &stage_index);
        let mut layout = Layout {
            grid_w: LABEL_W + columns.len() as f32 * COL_W,
            columns,
            lanes: Vec::new(),
            bands: Vec::new(),
            cards: Vec::new(),
            connectors: Vec::new(),
            curve: None,
            legend: Vec::new(),
            grid_h: 0.0,
        };
        let mut y = HEADER_H;
        let mut card_of: HashMap<Id, usize> = HashMap::new();
        let mut return_lane_bottom = None;
        for (title, kind, curve) in rows {
            let first_band = layout.bands.len();
            let label_w = if curve {
                LABEL_W - 46.0
            } else {
                LABEL_W - 24.0
            };
            if curve {
                layout.bands.push(Band { y, h: EMOTION_H });
                y += EMOTION_H;
            }
            // One stack of cards per stage.
            let mut stacks: Vec<Vec<(Id, CardBody)>> =
                (0..layout.columns.len()).map(|_| Vec::new()).collect();
            match kind {
                RowKind::Touchpoints => {
                    for t in &map.touchpoints {
                        if let Some(&s) = stage_index.get(&t.stage) {
                            let steps = steps_of.get(&t.id).map_or(&[][..], Vec::as_slice);
                            stacks[s].push((t.id, touchpoint_card(map, t, steps, options)));
                        }
                    }
                }
                RowKind::Cards(lane_id, lane_kind) => {
                    let (fill, stroke) = palette::lane(lane_kind);
                    for c in map.lane_cards.iter().filter(|c| c.lane == lane_id) {
                        if let Some(&s) = stage_index.get(&c.stage) {
                            let lines = CARD_FONT.wrap(&c.text, CARD_W - 20.0, LANE_CARD_LINES);
                            let body = CardBody::Lane {
                                fill,
                                stroke,
                                lines,
                            };
                            stacks[s].push((c.id, body));
                        }
                    }
                }
                RowKind::EmotionOnly => {}
            }
            let slots = stacks.iter().map(Vec::len).max().unwrap_or(0);
            let mut stacks: Vec<_> = stacks.into_iter().map(Vec::into_iter).collect();
            for slot in 0..slots {
                let row: Vec<(usize, Id, CardBody)> = stacks
                    .iter_mut()
                    .enumerate()
                    .filter_map(|(s, it)| it.next().map(|(id, b)| (s, id, b)))
                    .collect();
                let h = row
                    .iter()
                    .map(|(_, _, b)| card_height(b))
                    .fold(0.0, f32::max);
                for (s, id, body) in row {
                    let rect = Rect {
                        x: layout.columns[s].x + CARD_X,
                        y: y + BAND_PAD,
                        w: CARD_W,
                        h: card_height(&body),
                    };
                    if matches!(body, CardBody::Touchpoint(_)) {
                        card_of.insert(id, layout.cards.len());
                    }
                    layout.cards.push(Card {
                        rect,
                        column: s,
                        slot,
                        body,
                    });
                }
                layout.bands.push(Band { y, h: BAND_PAD + h });
                y += BAND_PAD + h;
            }
            let mut bottom_pad = LANE_PAD;
            if matches!(kind, RowKind::Touchpoints) && back_loops > 0 && slots > 0 {
                return_lane_bottom = Some(y);
                bottom_pad += 8.0 * back_loops as f32;
            }
            if layout.bands.len() == first_band {
                layout.bands.push(Band { y, h: EMPTY_LANE_H });
                y += EMPTY_LANE_H;
            } else if let Some(last) = layout.bands.last_mut() {
                last.h += bottom_pad;
                y += bottom_pad;
            }
            layout.lanes.push(LaneRow {
                title: LANE_FONT.wrap(&title, label_w, 3),
                bands: first_band..layout.bands.len(),
            });
            if curve {
                layout.curve = Some(emotion_curve(map, &layout, first_band, &stage_index));
            }
        }
        layout.grid_h = y;
        layout.connectors = connectors(map, &layout, &card_of, return_lane_bottom);
        layout.legend = legend(map, &layout, options);
        layout
    }
}

/// The corridor step numbers (1-based) each touchpoint carries.
fn step_badges(map: &JourneyMap) -> HashMap<Id, Vec<(usize, bool)>> {
    let mut out: HashMap<Id, Vec<(usize, bool)>> = HashMap::new();
    for (i, step) in map.corridor.steps.iter().enumerate() {
        out.entry(step.touchpoint)
            .or_default()
            .push((i + 1, step.optional));
    }
    out
}

fn count_back_loops(map: &JourneyMap, stage_index: &HashMap<Id, usize>) -> usize {
    let stage_of = |id: Id| {
        map.touchpoint(id)
            .and_then(|t| stage_index.get(&t.stage).copied())
    };
    map.corridor
        .steps
        .windows(2)
        .filter(
            |w| match (stage_of(w[0].touchpoint), stage_of(w[1].touchpoint)) {
                (Some(a), Some(b)) => b < a,
                _ => false,
            },
        )
        .count()
}

pub(crate) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn touchpoint_card(
    map: &JourneyMap,
    t: &crate::model::Touchpoint,
    steps: &[(usize, bool)],
    options: &RenderOptions,
) -> CardBody {
    let badges: Vec<StepBadge> = steps
        .iter()
        .map(|&(number, optional)| StepBadge { number, optional })
        .collect();
    let badges_w: f32 = badges.iter().map(|b| badge_width(b.number) + 3.0).sum();
    let channel = CHANNEL_FONT.clip(
        &channel_name(&t.channel).to_uppercase(),
        (CARD_W - 30.0 - badges_w).max(20.0),
    );
    let title = TITLE_FONT.wrap(&t.title, CARD_W - 24.0, TITLE_LINES);
    let title_y = 38.0;
    let meta_y = title_y + 15.0 * (title.len().max(1) as f32 - 1.0) + 18.0;
    let target = t.target_score.map(|s| format!("Target {}", number(s)));
    let target_w = target.as_deref().map_or(0.0, |s| META_FONT.width(s) + 8.0);
    let owner = META_FONT.clip(
        &capitalised(department_name(&t.owner)),
        CARD_W - 24.0 - target_w,
    );
    let mut next = meta_y + 6.0;
    let moment_of_truth_y = t.moment_of_truth.then(|| {
        let top = next;
        next += 18.0;
        top
    });
    let gap = options.overlay.as_ref().map(|overlay| {
        let observed = overlay.touchpoints.get(&t.id);
        let band = GapBand::of(observed, &map.score_scale);
        let text = match observed {
            None => "Not observed".to_string(),
            Some(o) => match o.gap {
                Some(gap) => format!(
                    "Observed {} · gap {}{}",
                    number(o.observed),
                    if gap > 0.0 { "+" } else { "" },
                    number(gap)
                ),
                None => format!("Observed {}", number(o.observed)),
            },
        };
        let baseline = next + 10.0;
        next += 16.0;
        (
            META_FONT.clip(&text, CARD_W - 24.0),
            band.colour(),
            baseline,
        )
    });
    CardBody::Touchpoint(Box::new(TouchpointCard {
        stripe: palette::channel(&t.channel),
        channel,
        steps: badges,
        title,
        title_y,
        meta_y,
        owner,
        target,
        moment_of_truth_y,
        gap,
    }))
}

pub fn badge_width(number: usize) -> f32 {
    BADGE_FONT.width(&number.to_string()).max(7.0) + 9.0
}

fn card_height(body: &CardBody) -> f32 {
    match body {
        CardBody::Touchpoint(t) => {
            let mut bottom = t.meta_y + 4.0;
            if let Some(top) = t.moment_of_truth_y {
                bottom = bottom.max(top + 14.0);
            }
            if let Some((_, _, baseline)) = t.gap {
                bottom = bottom.max(baseline + 3.0);
            }
            bottom + 9.0
        }
        CardBody::Lane { lines, .. } => (9.0 + 14.0 * lines.len() as f32 + 7.0).max(30.0),
    }
}

/// A coordinate as written into SVG: rounded to a tenth, no needless ".0".
pub fn f(v: f32) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

fn legend(map: &JourneyMap, layout: &Layout, options: &RenderOptions) -> Vec<LegendItem> {
    let mut items = Vec::new();
    let mut seen: Vec<&Channel> = Vec::new();
    for t in &map.touchpoints {
        if !seen.contains(&&t.channel) {
            seen.push(&t.channel);
        }
    }
    for channel in seen {
        items.push(LegendItem {
            swatch: Swatch::Channel(palette::channel(channel)),
            label: channel_name(channel).to_string(),
        });
    }
    if !map.corridor.steps.is_empty() {
        items.push(LegendItem {
            swatch: Swatch::Badge,
            label: "corridor step".into(),
        });
        items.push(LegendItem {
            swatch: Swatch::Corridor { dashed: false },
            label: "the corridor".into(),
        });
        if map.corridor.steps.iter().any(|s| s.optional) {
            items.push(LegendItem {
                swatch: Swatch::Corridor { dashed: true },
                label: "to or from an optional step".into(),
            });
        }
    }
    if layout.curve.is_some() {
        items.push(LegendItem {
            swatch: Swatch::Curve,
            label: "designed emotion, -2 to +2".into(),
        });
    }
    if options.overlay.is_some() {
        for band in [
            GapBand::Meets,
            GapBand::SlightlyBelow,
            GapBand::Below,
            GapBand::NotObserved,
        ] {
            items.push(LegendItem {
                swatch: Swatch::Gap(band.colour()),
                label: band.label().into(),
            });
        }
    }
    items
}
