//! What the first rows of a CSV file tell: its delimiter, whether it has a header, and (when it
//! has none) which column looks like which role.

use std::io::{BufRead, Read};

use super::records::{Next, Records};
use super::rows::parse_number;
use crate::data::mapping::{self, normalize};
use crate::data::report::Role;
use crate::data::timestamp::looks_like_timestamp;
use crate::data::{ColumnMapping, DatasetKind};

/// How much of the (decompressed) text detection looks at.
pub const SAMPLE_BYTES: u64 = 64 * 1024;
/// How many rows of it.
pub const SAMPLE_ROWS: usize = 200;
/// The delimiters tried, in order of preference when two fit equally well.
pub const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// The first records of the sample, split at `delimiter`. A last record that the sample may
/// have cut short is left out unless the sample is the whole input.
pub fn sample_rows(sample: &[u8], whole: bool, delimiter: u8) -> Vec<Vec<Vec<u8>>> {
    let mut records = Records::new(sample, delimiter);
    let mut rows = Vec::new();
    while rows.len() <= SAMPLE_ROWS {
        match records.next() {
            Ok(Next::Record) => {
                let rec = records.record();
                if !rec.is_blank() {
                    rows.push(
                        (0..rec.len())
                            .filter_map(|i| rec.get(i))
                            .map(<[u8]>::to_vec)
                            .collect(),
                    );
                }
            }
            Ok(Next::TooLong { .. }) => {}
            Ok(Next::End) | Err(_) => break,
        }
    }
    if !whole && rows.len() > 1 {
        rows.pop();
    }
    rows.truncate(SAMPLE_ROWS);
    rows
}

/// The delimiter that splits the sample's rows into the most consistent number of columns
/// (more than one); ties go to more columns, then to the order of [`DELIMITERS`].
pub fn detect_delimiter(sample: &[u8], whole: bool) -> Option<u8> {
    let mut best: Option<(u8, f64, usize)> = None;
    for d in DELIMITERS {
        let rows = sample_rows(sample, whole, d);
        if rows.is_empty() {
            continue;
        }
        let mut counts: Vec<usize> = rows.iter().map(Vec::len).collect();
        counts.sort_unstable();
        // The most frequent field count and its share of the rows.
        let (mut mode, mut freq, mut i) = (0, 0, 0);
        while i < counts.len() {
            let j = counts[i..].iter().take_while(|&&c| c == counts[i]).count();
            if j > freq || (j == freq && counts[i] > mode) {
                (mode, freq) = (counts[i], j);
            }
            i += j;
        }
        if mode < 2 {
            continue;
        }
        let share = freq as f64 / rows.len() as f64;
        let better = match best {
            None => true,
            Some((_, s, m)) => share > s + 1e-9 || ((share - s).abs() <= 1e-9 && mode > m),
        };
        if better {
            best = Some((d, share, mode));
        }
    }
    best.map(|(d, _, _)| d)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Empty,
    Number,
    Time,
    Text,
}

fn kind(field: &[u8]) -> Kind {
    let field = field.trim_ascii();
    if field.is_empty() {
        Kind::Empty
    } else if looks_like_timestamp(field) {
        Kind::Time
    } else if parse_number(field).is_some() {
        Kind::Number
    } else {
        Kind::Text
    }
}

/// For each column, the share of non-empty values of each kind in `rows`.
struct Profile {
    numbers: Vec<f64>,
    times: Vec<f64>,
    texts: Vec<f64>,
}

fn profile(rows: &[Vec<Vec<u8>>]) -> Profile {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut p = Profile {
        numbers: vec![0.0; width],
        times: vec![0.0; width],
        texts: vec![0.0; width],
    };
    for c in 0..width {
        let kinds: Vec<Kind> = rows
            .iter()
            .filter_map(|r| r.get(c))
            .map(|f| kind(f))
            .filter(|&k| k != Kind::Empty)
            .collect();
        let n = kinds.len().max(1) as f64;
        let share = |k| kinds.iter().filter(|&&x| x == k).count() as f64 / n;
        p.numbers[c] = share(Kind::Number);
        p.times[c] = share(Kind::Time);
        p.texts[c] = share(Kind::Text);
    }
    p
}

const MOSTLY: f64 = 0.8;

/// Whether the first row names the columns: it does when one of its fields is a name some role
/// is suggested from, or when a column holds numbers or dates below a first row that holds
/// text.
pub fn detect_header(rows: &[Vec<Vec<u8>>]) -> bool {
    let Some(first) = rows.first() else {
        return false;
    };
    let names: Vec<String> = first
        .iter()
        .map(|f| normalize(&String::from_utf8_lossy(f)))
        .collect();
    if mapping::is_known_name(&names) {
        return true;
    }
    let p = profile(&rows[1..]);
    first.iter().enumerate().any(|(c, f)| {
        kind(f) == Kind::Text
            && c < p.numbers.len()
            && (p.numbers[c] >= MOSTLY || p.times[c] >= MOSTLY)
    })
}

/// Suggests roles from what the columns hold, for a file without a header: the first column
/// of dates is the timestamp; an event log's case is the first other column and its activity
/// the next column of text; a score is the first column of numbers left.
pub fn suggest_from_content(rows: &[Vec<Vec<u8>>], kind: DatasetKind) -> ColumnMapping {
    let p = profile(rows);
    let width = p.numbers.len();
    let mut mapping = ColumnMapping::default();
    let mut taken = vec![false; width];
    let mut pick = |mapping: &mut ColumnMapping, role, ok: &dyn Fn(usize) -> bool| {
        if let Some(c) = (0..width).find(|&c| !taken[c] && ok(c)) {
            taken[c] = true;
            mapping.set(role, Some(c as u32));
        }
    };
    pick(&mut mapping, Role::Timestamp, &|c| p.times[c] >= MOSTLY);
    match kind {
        DatasetKind::EventLog => {
            pick(&mut mapping, Role::Case, &|_| true);
            pick(&mut mapping, Role::Activity, &|c| p.texts[c] >= 0.5);
            if mapping.activity.is_none() {
                pick(&mut mapping, Role::Activity, &|_| true);
            }
            pick(&mut mapping, Role::Score, &|c| p.numbers[c] >= MOSTLY);
        }
        DatasetKind::ScoreTable => {
            pick(&mut mapping, Role::Activity, &|c| p.texts[c] >= 0.5);
            pick(&mut mapping, Role::Score, &|c| p.numbers[c] >= MOSTLY);
        }
    }
    mapping
}

/// Reads up to [`SAMPLE_BYTES`] from `reader`; `true` when that was all of it.
pub fn read_sample(reader: &mut dyn BufRead) -> std::io::Result<(Vec<u8>, bool)> {
    let mut sample = Vec::with_capacity(SAMPLE_BYTES as usize);
    (&mut *reader).take(SAMPLE_BYTES).read_to_end(&mut sample)?;
    let whole = (sample.len() as u64) < SAMPLE_BYTES || reader.fill_buf()?.is_empty();
    Ok((sample, whole))
}
