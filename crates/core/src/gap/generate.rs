//! A deterministic generator of realistic event logs over a map's corridor, for benchmarks,
//! property tests and the pm4py comparison.
//!
//! Cases walk the corridor with optional steps skipped, required steps sometimes skipped,
//! drop-outs, loops (a step done again), out-of-order pairs, unexpected activities, channel
//! switches, scores, equal timestamps and events logged out of time order. Several cases are
//! open at once, so a case's events are spread through the file. The same spec and seed give the
//! same log on every machine (xorshift64*, no `rand`).

use chrono::{DateTime, SecondsFormat, Utc};

use crate::data::{EventSink, RawEvent};
use crate::model::{Channel, JourneyMap};

/// A small, fast, deterministic generator (xorshift64* seeded through splitmix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        Rng((z ^ (z >> 31)) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in 0..n (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

/// One corridor step as the generator walks it.
#[derive(Debug, Clone, PartialEq)]
pub struct GenStep {
    pub activity: String,
    /// A second name the same touchpoint is sometimes logged under.
    pub alternative: Option<String>,
    pub optional: bool,
    pub channel: String,
    /// Scores cluster around this.
    pub mean_score: f64,
    pub expected_secs: u32,
}

/// How often each kind of noise happens (probabilities per step or per case).
#[derive(Debug, Clone, PartialEq)]
pub struct Rates {
    pub skip_optional: f64,
    pub skip_required: f64,
    pub drop_out: f64,
    pub repeat: f64,
    pub swap: f64,
    pub unexpected: f64,
    pub switch_channel: f64,
    pub scored: f64,
    pub same_time: f64,
    pub logged_late: f64,
    pub alternative_name: f64,
}

impl Default for Rates {
    fn default() -> Rates {
        Rates {
            skip_optional: 0.4,
            skip_required: 0.03,
            drop_out: 0.04,
            repeat: 0.05,
            swap: 0.05,
            unexpected: 0.04,
            switch_channel: 0.15,
            scored: 0.3,
            same_time: 0.02,
            logged_late: 0.03,
            alternative_name: 0.2,
        }
    }
}

/// What to generate.
#[derive(Debug, Clone, PartialEq)]
pub struct GenSpec {
    pub steps: Vec<GenStep>,
    /// Activities on no touchpoint.
    pub noise: Vec<String>,
    pub channels: Vec<String>,
    pub segments: Vec<String>,
    /// Cases start uniformly in [start, start + span), milliseconds since the epoch.
    pub start: i64,
    pub span: i64,
    /// Cases open at once (interleaved in the file).
    pub open_cases: usize,
    pub scale: (f64, f64),
    pub rates: Rates,
}

fn channel_name(c: &Channel) -> String {
    match serde_json::to_value(c) {
        Ok(serde_json::Value::String(s)) => s,
        _ => "other".into(),
    }
}

impl GenSpec {
    /// The corridor of `map`: each step logged under its touchpoint's first alias (or title),
    /// sometimes its second alias; scores around the touchpoint's target, some steps below.
    pub fn from_map(map: &JourneyMap) -> GenSpec {
        let scale = (map.score_scale.min, map.score_scale.max);
        let steps = map
            .corridor
            .steps
            .iter()
            .enumerate()
            .filter_map(|(k, s)| {
                let t = map.touchpoint(s.touchpoint)?;
                let mid = (scale.0 + scale.1) / 2.0;
                let target = t.target_score.unwrap_or(mid);
                Some(GenStep {
                    activity: t.aliases.first().unwrap_or(&t.title).clone(),
                    alternative: t.aliases.get(1).cloned(),
                    optional: s.optional,
                    channel: channel_name(&t.channel),
                    mean_score: target - 0.9 + 0.3 * (k % 5) as f64,
                    expected_secs: s.expected_secs_from_previous.unwrap_or(3600),
                })
            })
            .collect();
        let mut channels: Vec<String> = map
            .touchpoints
            .iter()
            .map(|t| channel_name(&t.channel))
            .collect();
        channels.sort();
        channels.dedup();
        GenSpec {
            steps,
            noise: [
                "FAQ viewed",
                "Password reset",
                "Unsubscribed",
                "Coupon searched",
            ]
            .map(String::from)
            .to_vec(),
            channels,
            segments: ["new", "returning", "trade"].map(String::from).to_vec(),
            start: 1_735_689_600_000, // 2025-01-01T00:00:00Z
            span: 365 * 86_400_000,
            open_cases: 32,
            scale,
            rates: Rates::default(),
        }
    }
}

/// One planned event: activity index (steps first, then noise), time, channel, score.
#[derive(Debug, Clone, Copy)]
struct Planned {
    activity: usize,
    time: i64,
    channel: usize,
    score: Option<f64>,
}

struct OpenCase {
    id: String,
    segment: usize,
    plan: Vec<Planned>,
    next: usize,
}

/// Emits about `events` events (open cases are finished, so a few more) into `sink`.
/// Returns the number of events and cases emitted.
pub fn generate(spec: &GenSpec, seed: u64, events: u64, sink: &mut dyn EventSink) -> (u64, u64) {
    let mut rng = Rng::new(seed);
    let names: Vec<&str> = spec
        .steps
        .iter()
        .map(|s| s.activity.as_str())
        .chain(
            spec.steps
                .iter()
                .map(|s| s.alternative.as_deref().unwrap_or(&s.activity)),
        )
        .chain(spec.noise.iter().map(String::as_str))
        .collect();
    let mut open: Vec<OpenCase> = Vec::new();
    let (mut emitted, mut cases, mut line) = (0u64, 0u64, 1u64);
    loop {
        while emitted < events && open.len() < spec.open_cases.max(1) {
            cases += 1;
            open.push(plan_case(spec, &mut rng, cases));
        }
        if open.is_empty() {
            break;
        }
        let k = rng.below(open.len());
        let case = &mut open[k];
        let p = case.plan[case.next];
        case.next += 1;
        line += 1;
        emitted += 1;
        sink.event(&RawEvent {
            case: &case.id,
            activity: names[p.activity],
            timestamp: Some(p.time),
            channel: Some(&spec.channels[p.channel]),
            score: p.score,
            segment: Some(&spec.segments[case.segment]),
            line,
        });
        if case.next == case.plan.len() {
            open.swap_remove(k);
        }
    }
    (emitted, cases)
}

fn plan_case(spec: &GenSpec, rng: &mut Rng, n: u64) -> OpenCase {
    let r = &spec.rates;
    let steps = spec.steps.len();
    let mut acts: Vec<usize> = Vec::new();
    for (k, s) in spec.steps.iter().enumerate() {
        if k > 0 && rng.chance(r.drop_out) {
            break;
        }
        if (s.optional && rng.chance(r.skip_optional))
            || (!s.optional && rng.chance(r.skip_required))
        {
            continue;
        }
        if !spec.noise.is_empty() && rng.chance(r.unexpected) {
            acts.push(2 * steps + rng.below(spec.noise.len()));
        }
        let alt = s.alternative.is_some() && rng.chance(r.alternative_name);
        acts.push(if alt { steps + k } else { k });
        if rng.chance(r.repeat) {
            acts.push(k);
        }
    }
    if acts.is_empty() {
        acts.push(0);
    }
    if acts.len() > 1 && rng.chance(r.swap) {
        let i = rng.below(acts.len() - 1);
        acts.swap(i, i + 1);
    }
    let mut time = spec.start + (rng.unit() * spec.span as f64) as i64;
    let mut plan: Vec<Planned> = Vec::with_capacity(acts.len());
    for (i, &a) in acts.iter().enumerate() {
        let step = if a < 2 * steps {
            Some(&spec.steps[a % steps])
        } else {
            None
        };
        if i > 0 && !rng.chance(r.same_time) {
            let expected = step.map_or(600, |s| s.expected_secs) as f64;
            time += ((0.25 + 1.5 * rng.unit()) * expected * 1000.0) as i64 + 1000;
        }
        let designed = step.and_then(|s| spec.channels.iter().position(|c| *c == s.channel));
        let channel = match designed {
            Some(c) if !rng.chance(r.switch_channel) => c,
            _ => rng.below(spec.channels.len().max(1)),
        };
        let score = step.filter(|_| rng.chance(r.scored)).map(|s| {
            let noise = (rng.unit() + rng.unit() + rng.unit() - 1.5) * 1.6;
            (s.mean_score + noise)
                .round()
                .clamp(spec.scale.0, spec.scale.1)
        });
        plan.push(Planned {
            activity: a,
            time,
            channel,
            score,
        });
    }
    // Sometimes an event reaches the log after the next one (file order ≠ time order).
    if plan.len() > 1 && rng.chance(r.logged_late) {
        let i = rng.below(plan.len() - 1);
        plan.swap(i, i + 1);
    }
    OpenCase {
        id: format!("C{n:08}"),
        segment: rng.below(spec.segments.len().max(1)),
        plan,
        next: 0,
    }
}

/// Writes events as CSV (`case,activity,timestamp,channel,score,segment`, RFC 3339 UTC times
/// with milliseconds); the generator's names contain no commas or quotes.
#[derive(Debug)]
pub struct CsvWriter<W: std::fmt::Write> {
    pub out: W,
}

impl<W: std::fmt::Write> CsvWriter<W> {
    pub fn new(mut out: W) -> CsvWriter<W> {
        let _ = writeln!(out, "case,activity,timestamp,channel,score,segment");
        CsvWriter { out }
    }
}

impl<W: std::fmt::Write> EventSink for CsvWriter<W> {
    fn event(&mut self, e: &RawEvent<'_>) {
        let time = e
            .timestamp
            .and_then(DateTime::<Utc>::from_timestamp_millis)
            .map(|t| t.to_rfc3339_opts(SecondsFormat::Millis, true))
            .unwrap_or_default();
        let score = e.score.map(|s| s.to_string()).unwrap_or_default();
        let _ = writeln!(
            self.out,
            "{},{},{},{},{},{}",
            e.case,
            e.activity,
            time,
            e.channel.unwrap_or_default(),
            score,
            e.segment.unwrap_or_default()
        );
    }
}

/// Events kept compactly (about 30 bytes each) to be replayed into sinks many times, as a
/// benchmark does.
#[derive(Debug, Default, Clone)]
pub struct Recording {
    names: Vec<String>,
    index: std::collections::HashMap<String, u32>,
    events: Vec<(u32, u32, i64, u32, f32, u32, u64)>,
}

impl Recording {
    fn name(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(s.to_string());
        self.index.insert(s.to_string(), i);
        i
    }

    pub fn len(&self) -> usize {
        self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// Feeds the recorded events, in order, to `sink`.
    pub fn replay(&self, sink: &mut dyn EventSink) {
        let opt = |i: u32| (i != u32::MAX).then(|| self.names[i as usize].as_str());
        for &(case, activity, time, channel, score, segment, line) in &self.events {
            sink.event(&RawEvent {
                case: &self.names[case as usize],
                activity: &self.names[activity as usize],
                timestamp: (time != i64::MIN).then_some(time),
                channel: opt(channel),
                score: (!score.is_nan()).then_some(f64::from(score)),
                segment: opt(segment),
                line,
            });
        }
    }
}

impl EventSink for Recording {
    fn event(&mut self, e: &RawEvent<'_>) {
        let case = self.name(e.case);
        let activity = self.name(e.activity);
        let channel = e.channel.map_or(u32::MAX, |c| self.name(c));
        let segment = e.segment.map_or(u32::MAX, |s| self.name(s));
        let score = e.score.map_or(f32::NAN, |s| s as f32);
        let time = e.timestamp.unwrap_or(i64::MIN);
        self.events
            .push((case, activity, time, channel, score, segment, e.line));
    }
}
