//! The log generator: deterministic, realistic enough to exercise every deviation, and the same
//! whether replayed from a recording or fed directly.

use corridor_core::data::Quiet;
use corridor_core::gap::generate::{generate, CsvWriter, GenSpec, Recording, Rng};
use corridor_core::gap::*;

fn retail() -> corridor_core::JourneyMap {
    corridor_core::file::from_str(corridor_core::examples::EXAMPLES[0].1).unwrap()
}

fn csv(seed: u64, events: u64) -> String {
    let mut w = CsvWriter::new(String::new());
    generate(&GenSpec::from_map(&retail()), seed, events, &mut w);
    w.out
}

#[test]
fn the_same_seed_gives_the_same_log() {
    assert_eq!(csv(7, 2000), csv(7, 2000));
    assert_ne!(csv(7, 2000), csv(8, 2000));
    let text = csv(7, 50);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("case,activity,timestamp,channel,score,segment")
    );
    let first: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(first.len(), 6);
    assert!(
        first[0].starts_with('C') && first[2].ends_with('Z'),
        "{first:?}"
    );
    let mut a = Rng::new(1);
    let mut b = Rng::new(1);
    assert_eq!(
        (0..5).map(|_| a.next_u64()).collect::<Vec<_>>(),
        (0..5).map(|_| b.next_u64()).collect::<Vec<_>>()
    );
}

#[test]
fn generated_logs_show_every_kind_of_deviation() {
    let map = retail();
    let mut c = Collector::new();
    let (events, cases) = generate(&GenSpec::from_map(&map), 3, 50_000, &mut c);
    // Cases still open when the budget is reached are finished: at most 32 more cases.
    assert!((50_000..51_000).contains(&events), "{events}");
    let log = c.finish(&mut Quiet).unwrap();
    assert_eq!((log.events() as u64, log.cases() as u64), (events, cases));
    assert_eq!(log.segments(), ["new", "returning", "trade"]);
    let r = gap_report(&map, &log, &Filter::all(), &mut Quiet).unwrap();
    let c = &r.conformance;
    assert!(c.follows > 0 && c.dropped_out > 0 && c.off_path > 0);
    for kind in [
        DeviationKind::SkippedStep,
        DeviationKind::DroppedOut,
        DeviationKind::UnexpectedActivity,
        DeviationKind::Repeat,
        DeviationKind::OutOfOrder,
    ] {
        assert!(c.deviations.iter().any(|d| d.kind == kind), "{kind:?}");
    }
    assert!(r.channels.switches > 0 && r.experience.moments > 0);
    assert!(!r.blind_spots.unmatched_activities.is_empty());
    // Some touchpoints are logged under their second alias.
    assert!(r
        .activities
        .iter()
        .any(|a| a.matched_by == Some(MatchKind::Alias) && a.events > 0));
    assert!(r.corridor.iter().all(|s| s.executed > 0));
}

#[test]
fn a_recording_replays_the_same_events() {
    let map = retail();
    let spec = GenSpec::from_map(&map);
    let mut direct = Collector::new();
    generate(&spec, 5, 5000, &mut direct);
    let mut rec = Recording::default();
    generate(&spec, 5, 5000, &mut rec);
    let mut replayed = Collector::new();
    rec.replay(&mut replayed);
    let one = gap_report(
        &map,
        &direct.finish(&mut Quiet).unwrap(),
        &Filter::all(),
        &mut Quiet,
    );
    let two = gap_report(
        &map,
        &replayed.finish(&mut Quiet).unwrap(),
        &Filter::all(),
        &mut Quiet,
    );
    assert_eq!(one.unwrap(), two.unwrap());
}
