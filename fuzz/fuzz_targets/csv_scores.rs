#![no_main]
//! CSV score tables: any bytes, any settings; nothing panics and reports add up.

use corridor_core::data::*;
use corridor_fuzz::{check, settings, Check};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, text)) = data.split_first() else {
        return;
    };
    let settings = settings(first, DatasetKind::ScoreTable, DataFormat::Csv);
    let mut sink = Check::default();
    let result = csv::read_scores(text, &settings, &mut sink, &mut Quiet);
    check(result, &sink);
});
