#![no_main]
//! XES event logs: any bytes (plain; gzip is the same reader behind a decoder); nothing
//! panics and reports add up.

use corridor_core::data::*;
use corridor_fuzz::{check, settings, Check};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, text)) = data.split_first() else {
        return;
    };
    let settings = settings(first, DatasetKind::EventLog, DataFormat::Xes);
    let mut sink = Check::default();
    let result = xes::read_events(text, &settings, &mut sink, &mut Quiet);
    check(result, &sink);
});
