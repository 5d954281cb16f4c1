//! Column roles suggested from header names.
//!
//! A header name is compared after normalising: lower case, with spaces, `_`, `-` and `.`
//! removed (`Case ID`, `case_id` and `case-id` are all `caseid`). Each role takes the first
//! column whose name is in its list, trying the names in the list's order, and a column plays
//! one role at most. The lists are in docs/import.md; the first names win.

use super::report::Role;
use super::{ColumnMapping, DatasetKind};

/// Event logs: the case. The last names are people, used when no column names a case.
const CASE: &[&str] = &[
    "case:concept:name",
    "caseid",
    "case",
    "casenumber",
    "sessionid",
    "session",
    "journeyid",
    "journey",
    "customerid",
    "customer",
    "clientid",
    "visitorid",
    "traceid",
    "userid",
    "user",
    "respondentid",
    "respondent",
];
/// Event logs: the activity.
const ACTIVITY: &[&str] = &[
    "activity",
    "concept:name",
    "activityname",
    "event",
    "eventname",
    "action",
    "step",
    "task",
    "touchpoint",
];
/// Score tables: the touchpoint or activity scored.
const SUBJECT: &[&str] = &[
    "touchpoint",
    "touchpointname",
    "touchpointtitle",
    "activity",
    "concept:name",
    "activityname",
    "subject",
    "step",
    "event",
    "question",
    "item",
];
const TIMESTAMP: &[&str] = &[
    "time:timestamp",
    "timestamp",
    "datetime",
    "eventtime",
    "eventdate",
    "date",
    "time",
    "ts",
    "occurredat",
    "createdat",
    "submittedat",
    "responsedate",
    "when",
];
const CHANNEL: &[&str] = &["channel", "medium", "source"];
const SCORE: &[&str] = &[
    "score",
    "rating",
    "csat",
    "nps",
    "ces",
    "satisfaction",
    "value",
];
const SEGMENT: &[&str] = &["segment", "cohort", "tier", "customersegment", "persona"];
/// Score tables: who answered.
const RESPONDENT: &[&str] = &[
    "respondentid",
    "respondent",
    "userid",
    "user",
    "customerid",
    "customer",
    "responseid",
];
/// A column of lifecycle transitions (see `lifecycle.rs`), found by name only.
const LIFECYCLE: &[&str] = &[
    "lifecycle:transition",
    "lifecycle",
    "lifecycletransition",
    "transition",
];

/// XES attribute keys read as channel, segment and score (compared as header names are).
/// Narrower than the CSV lists: XES has no mapping step, so only names that cannot mean
/// anything else.
pub(crate) const XES_CHANNEL: &[&str] = &["channel", "medium"];
pub(crate) const XES_SEGMENT: &[&str] = &["segment", "cohort", "tier"];
pub(crate) const XES_SCORE: &[&str] = &["score", "rating", "csat", "nps"];

/// `Case ID` → `caseid`.
pub(crate) fn normalize(name: &str) -> String {
    name.trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '.' | '\u{feff}'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The position of `key` in `names` (ignoring ASCII case), if it is there.
pub(crate) fn rank_any_case(names: &[&str], key: &str) -> Option<usize> {
    names.iter().position(|n| n.eq_ignore_ascii_case(key))
}

fn names(role: Role, kind: DatasetKind) -> &'static [&'static str] {
    match (role, kind) {
        (Role::Case, DatasetKind::EventLog) => CASE,
        (Role::Activity, DatasetKind::EventLog) => ACTIVITY,
        (Role::Activity, DatasetKind::ScoreTable) => SUBJECT,
        (Role::Timestamp, _) => TIMESTAMP,
        (Role::Channel, _) => CHANNEL,
        (Role::Score, _) => SCORE,
        (Role::Segment, _) => SEGMENT,
        (Role::Respondent, DatasetKind::ScoreTable) => RESPONDENT,
        _ => &[],
    }
}

/// The roles a dataset of this kind has, in the order they pick their columns.
pub(crate) fn roles(kind: DatasetKind) -> &'static [Role] {
    match kind {
        DatasetKind::EventLog => &[
            Role::Activity,
            Role::Timestamp,
            Role::Case,
            Role::Channel,
            Role::Score,
            Role::Segment,
        ],
        DatasetKind::ScoreTable => &[
            Role::Activity,
            Role::Score,
            Role::Timestamp,
            Role::Respondent,
            Role::Channel,
            Role::Segment,
        ],
    }
}

/// The roles a dataset of this kind cannot do without.
pub(crate) fn required(kind: DatasetKind) -> &'static [Role] {
    match kind {
        DatasetKind::EventLog => &[Role::Case, Role::Activity, Role::Timestamp],
        DatasetKind::ScoreTable => &[Role::Activity, Role::Score],
    }
}

/// Suggests which column plays which role, from the header names alone.
pub fn suggest_mapping(headers: &[String], kind: DatasetKind) -> ColumnMapping {
    let keys: Vec<String> = headers.iter().map(|h| normalize(h)).collect();
    let mut mapping = ColumnMapping::default();
    let mut taken = vec![false; keys.len()];
    for &role in roles(kind) {
        let best = names(role, kind)
            .iter()
            .find_map(|name| (0..keys.len()).find(|&i| !taken[i] && keys[i] == *name));
        if let Some(i) = best {
            taken[i] = true;
            mapping.set(role, Some(i as u32));
        }
    }
    mapping
}

/// Whether any of these (normalised) names is one a role or the lifecycle column is found by.
pub(crate) fn is_known_name(keys: &[String]) -> bool {
    let lists = [
        CASE, ACTIVITY, SUBJECT, TIMESTAMP, CHANNEL, SCORE, SEGMENT, RESPONDENT, LIFECYCLE,
    ];
    keys.iter()
        .any(|k| lists.iter().any(|l| l.contains(&k.as_str())))
}

/// The column of lifecycle transitions, by its header name.
pub(crate) fn lifecycle_column(headers: &[String], mapping: &ColumnMapping) -> Option<u32> {
    let keys: Vec<String> = headers.iter().map(|h| normalize(h)).collect();
    LIFECYCLE.iter().find_map(|name| {
        (0..keys.len())
            .find(|&i| {
                keys[i] == *name && !Role::ALL.iter().any(|&r| mapping.get(r) == Some(i as u32))
            })
            .map(|i| i as u32)
    })
}

impl ColumnMapping {
    /// The column playing `role`.
    pub fn get(&self, role: Role) -> Option<u32> {
        match role {
            Role::Case => self.case,
            Role::Activity => self.activity,
            Role::Timestamp => self.timestamp,
            Role::Channel => self.channel,
            Role::Score => self.score,
            Role::Segment => self.segment,
            Role::Respondent => self.respondent,
        }
    }

    pub fn set(&mut self, role: Role, column: Option<u32>) {
        let slot = match role {
            Role::Case => &mut self.case,
            Role::Activity => &mut self.activity,
            Role::Timestamp => &mut self.timestamp,
            Role::Channel => &mut self.channel,
            Role::Score => &mut self.score,
            Role::Segment => &mut self.segment,
            Role::Respondent => &mut self.respondent,
        };
        *slot = column;
    }
}
