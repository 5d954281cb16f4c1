//! Sinks that keep what readers hand them, and settings for tests of the readers.

use corridor_core::data::*;

/// An event as a test keeps it (owned).
#[derive(Debug, Clone, PartialEq)]
pub struct Ev {
    pub case: String,
    pub activity: String,
    pub timestamp: Option<i64>,
    pub channel: Option<String>,
    pub score: Option<f64>,
    pub segment: Option<String>,
    pub line: u64,
}

#[derive(Debug, Default)]
pub struct Events(pub Vec<Ev>);

impl EventSink for Events {
    fn event(&mut self, e: &RawEvent<'_>) {
        self.0.push(Ev {
            case: e.case.into(),
            activity: e.activity.into(),
            timestamp: e.timestamp,
            channel: e.channel.map(Into::into),
            score: e.score,
            segment: e.segment.map(Into::into),
            line: e.line,
        });
    }
}

/// A score row as a test keeps it (owned).
#[derive(Debug, Clone, PartialEq)]
pub struct Sc {
    pub subject: String,
    pub score: f64,
    pub respondent: Option<String>,
    pub timestamp: Option<i64>,
    pub channel: Option<String>,
    pub segment: Option<String>,
    pub line: u64,
}

#[derive(Debug, Default)]
pub struct Scores(pub Vec<Sc>);

impl ScoreSink for Scores {
    fn score(&mut self, s: &RawScore<'_>) {
        self.0.push(Sc {
            subject: s.subject.into(),
            score: s.score,
            respondent: s.respondent.map(Into::into),
            timestamp: s.timestamp,
            channel: s.channel.map(Into::into),
            segment: s.segment.map(Into::into),
            line: s.line,
        });
    }
}

pub fn settings(kind: DatasetKind, format: DataFormat) -> ImportSettings {
    ImportSettings::detect(kind, format)
}

pub fn csv_events() -> ImportSettings {
    settings(DatasetKind::EventLog, DataFormat::Csv)
}

pub fn csv_scores() -> ImportSettings {
    settings(DatasetKind::ScoreTable, DataFormat::Csv)
}

pub fn xes() -> ImportSettings {
    settings(DatasetKind::EventLog, DataFormat::Xes)
}

/// Reads CSV events with these settings.
pub fn events_with(
    text: &[u8],
    settings: &ImportSettings,
) -> Result<(Vec<Ev>, ReadReport), ImportError> {
    let mut sink = Events::default();
    let report = csv::read_events(text, settings, &mut sink, &mut Quiet)?;
    Ok((sink.0, report))
}

/// Reads CSV events with detected settings; panics on an error.
pub fn events(text: &str) -> (Vec<Ev>, ReadReport) {
    events_with(text.as_bytes(), &csv_events()).unwrap()
}

pub fn scores_with(
    text: &[u8],
    settings: &ImportSettings,
) -> Result<(Vec<Sc>, ReadReport), ImportError> {
    let mut sink = Scores::default();
    let report = csv::read_scores(text, settings, &mut sink, &mut Quiet)?;
    Ok((sink.0, report))
}

pub fn xes_with(
    bytes: &[u8],
    settings: &ImportSettings,
) -> Result<(Vec<Ev>, ReadReport), ImportError> {
    let mut sink = Events::default();
    let report = xes::read_events(bytes, settings, &mut sink, &mut Quiet)?;
    Ok((sink.0, report))
}

/// Milliseconds since the epoch of a UTC date and time, by chrono (independent of the reader).
pub fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> i64 {
    chrono::NaiveDate::from_ymd_opt(y, mo, d)
        .unwrap()
        .and_hms_opt(h, mi, s)
        .unwrap()
        .and_utc()
        .timestamp_millis()
}

/// A test file under tests/data/.
pub fn data_file(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
