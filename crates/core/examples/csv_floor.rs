//! The floor of the side-by-side benchmark (`scripts/bench-gap.sh`): the least a program must
//! do to get the directly-follows graph out of a CSV event log. It reads the file line by line,
//! splits off the first two fields (case, activity), remembers each case's last activity and
//! counts the pairs, in file order: no quoting, no timestamps, no ordering, nothing else.
//!
//! `csv_floor LOG.csv` prints the events, cases, activities and directly-follows pairs.
//!
//! It uses the standard library only (its default hash), so it also builds alone:
//! `rustc -C opt-level=3 crates/core/examples/csv_floor.rs`. (A first version with a
//! hand-written multiply-rotate hash went quadratic on the 964,170 case ids of the 10M log.)

use std::collections::HashMap;
use std::io::{BufRead, BufReader};

type FxMap<K, V> = HashMap<K, V>;

fn main() {
    let path = std::env::args().nth(1).expect("usage: csv_floor LOG.csv");
    let file = std::fs::File::open(&path).expect("open the log");
    let mut input = BufReader::with_capacity(1 << 16, file);
    let mut activities: FxMap<Vec<u8>, u32> = FxMap::default();
    let mut last: FxMap<Vec<u8>, u32> = FxMap::default();
    let mut dfg: FxMap<u64, u64> = FxMap::default();
    let mut line = Vec::new();
    let mut events = 0u64;
    let mut header = true;
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line).expect("read") == 0 {
            break;
        }
        if std::mem::take(&mut header) {
            continue;
        }
        let mut fields = line.split(|&b| b == b',');
        let (Some(case), Some(activity)) = (fields.next(), fields.next()) else {
            continue;
        };
        events += 1;
        let next = activities.len() as u32;
        let a = match activities.get(activity) {
            Some(&a) => a,
            None => *activities.entry(activity.to_vec()).or_insert(next),
        };
        let prev = match last.get_mut(case) {
            Some(slot) => Some(std::mem::replace(slot, a)),
            None => {
                last.insert(case.to_vec(), a);
                None
            }
        };
        if let Some(p) = prev {
            *dfg.entry(u64::from(p) << 32 | u64::from(a)).or_insert(0) += 1;
        }
    }
    let pairs: u64 = dfg.values().sum();
    println!(
        "events {events}, cases {}, activities {}, dfg edges {}, pairs {pairs}",
        last.len(),
        activities.len(),
        dfg.len()
    );
}
