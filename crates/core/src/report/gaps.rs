//! The gap engine's report in the shape the strategy report and the map picture print it.

use crate::gap::GapReport;
use crate::render::{number, GapOverlay, TouchpointGap};

use super::{Figure, PriorityRow, ReportGaps};

/// The map picture's gap colouring: every touchpoint with a mean observed score, and its gap.
/// Touchpoints without a score are left out (drawn as "not observed").
pub fn overlay(report: &GapReport) -> GapOverlay {
    let mut overlay = GapOverlay::default();
    for t in &report.touchpoints {
        if let Some(observed) = t.mean {
            overlay.touchpoints.insert(
                t.touchpoint,
                TouchpointGap {
                    observed,
                    gap: t.gap,
                },
            );
        }
    }
    overlay
}

fn share(value: Option<f64>) -> String {
    value.map_or_else(
        || "–".into(),
        |v| format!("{}%", number((v * 1000.0).round() / 10.0)),
    )
}

fn opt(value: Option<f64>) -> String {
    value.map_or_else(|| "–".into(), number)
}

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl ReportGaps {
    /// The report's gap section from the engine's report. `data` names what was read (file or
    /// dataset names); the totals and the filter are added to it.
    pub fn from_gap_report(report: &GapReport, data: &str) -> ReportGaps {
        let t = &report.totals;
        let mut source = format!(
            "{}, {}, {}",
            plural(t.cases, "case", "cases"),
            plural(t.events, "event", "events"),
            plural(t.score_rows, "score row", "score rows")
        );
        if !data.trim().is_empty() {
            source = format!("{}: {source}", data.trim());
        }
        let f = &report.filter;
        if let Some(segment) = &f.segment {
            source.push_str(&format!("; segment {segment}"));
        }
        match (f.from, f.to) {
            (Some(a), Some(b)) => source.push_str(&format!(
                "; cases starting from {} to before {}",
                a.format("%Y-%m-%d"),
                b.format("%Y-%m-%d")
            )),
            (Some(a), None) => {
                source.push_str(&format!("; cases starting from {}", a.format("%Y-%m-%d")))
            }
            (None, Some(b)) => {
                source.push_str(&format!("; cases starting before {}", b.format("%Y-%m-%d")))
            }
            (None, None) => {}
        }

        let sw = &report.sweep;
        let ex = &report.experience;
        let co = &report.conformance;
        let blind = &report.blind_spots;
        let mut summary = vec![
            Figure {
                label: "Stages that meet their target".into(),
                value: format!(
                    "{} of {}{}",
                    sw.stages_met,
                    sw.stages_with_target,
                    if sw.won && sw.stages_with_target > 0 {
                        " (journey won)"
                    } else {
                        ""
                    }
                ),
            },
            Figure {
                label: "Experience score (adds − takes away, −100 to 100)".into(),
                value: ex.score.map_or_else(
                    || "–".into(),
                    |s| {
                        format!(
                            "{}{}",
                            if s > 0.0 { "+" } else { "" },
                            number((s * 10.0).round() / 10.0)
                        )
                    },
                ),
            },
            Figure {
                label: "Mean observed score".into(),
                value: opt(ex.mean),
            },
        ];
        if co.cases > 0 {
            summary.extend([
                Figure {
                    label: "Log fitness to the corridor".into(),
                    value: co
                        .log_fitness
                        .map_or_else(|| "–".into(), |v| format!("{v:.3}")),
                },
                Figure {
                    label: "Cases that follow the corridor exactly".into(),
                    value: share(co.fitting_case_share),
                },
            ]);
        }
        if report.channels.steps > 0 {
            summary.push(Figure {
                label: "Steps that switch channel".into(),
                value: share(report.channels.switch_share),
            });
        }
        summary.push(Figure {
            label: "Blind spots".into(),
            value: format!(
                "{} unmatched, {} never observed",
                plural(
                    blind.unmatched_activities.len() as u32,
                    "activity",
                    "activities"
                ),
                plural(
                    blind.unobserved_touchpoints.len() as u32,
                    "touchpoint",
                    "touchpoints"
                ),
            ),
        });

        ReportGaps {
            source,
            summary,
            overlay: overlay(report),
            priorities: report
                .priority
                .iter()
                .map(|p| PriorityRow {
                    touchpoint: p.touchpoint,
                    gap: p.gap,
                    reach: p.reach,
                    impact: p.impact,
                })
                .collect(),
        }
    }
}
