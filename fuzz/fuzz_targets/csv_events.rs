#![no_main]
//! CSV event logs: any bytes, any settings; nothing panics, reports add up, and reading again
//! with the reported settings gives the same events.

use corridor_core::data::*;
use corridor_fuzz::{check, settings, Check};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, text)) = data.split_first() else {
        return;
    };
    let settings = settings(first, DatasetKind::EventLog, DataFormat::Csv);
    let mut sink = Check::csv();
    let result = csv::read_events(text, &settings, &mut sink, &mut Quiet);
    if let Ok(report) = &result {
        let mut again = Check::csv();
        let second = csv::read_events(text, &report.settings, &mut again, &mut Quiet).unwrap();
        assert_eq!(second.kept, report.kept);
    }
    check(result, &sink);
    let _ = csv::preview(text, &settings, 20);
});
