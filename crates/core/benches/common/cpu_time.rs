//! A criterion measurement of on-CPU time (Linux: `/proc/thread-self/schedstat`), so that
//! other processes on a shared machine lengthen wall time but not the figures. Elsewhere it
//! falls back to wall time. Shared by the benches with `#[path = "common/cpu_time.rs"] mod cpu_time;`.

use std::sync::OnceLock;
use std::time::Instant;

use criterion::measurement::{Measurement, ValueFormatter, WallTime};

pub struct CpuTime;

/// Nanoseconds this thread has run on a CPU (or, without /proc, since the first call).
fn now() -> u64 {
    static START: OnceLock<Instant> = OnceLock::new();
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or_else(|| START.get_or_init(Instant::now).elapsed().as_nanos() as u64)
}

impl Measurement for CpuTime {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        now()
    }

    fn end(&self, start: u64) -> u64 {
        now() - start
    }

    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }

    fn zero(&self) -> u64 {
        0
    }

    fn to_f64(&self, value: &u64) -> f64 {
        *value as f64
    }

    fn formatter(&self) -> &dyn ValueFormatter {
        // Nanoseconds, as wall time's are.
        WallTime.formatter()
    }
}
