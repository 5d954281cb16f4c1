//! The gap report as text: the summary (aligned or Markdown) and the CSV tables.

use corridor_core::gap::GapReport;

use super::GapTable;

fn opt(value: Option<f64>, digits: usize) -> String {
    value.map_or_else(|| "–".into(), |v| format!("{v:.digits$}"))
}

fn pct(value: Option<f64>) -> String {
    value.map_or_else(|| "–".into(), |v| format!("{:.0}%", v * 100.0))
}

/// Escape one CSV field.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn num(value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| v.to_string())
}

pub fn csv_table(report: &GapReport, table: GapTable) -> String {
    let mut out = String::new();
    match table {
        GapTable::Touchpoints => {
            out.push_str("touchpoint,title,observations,cases,reach,mean,median,p10,target,gap,adds_share,neutral_share,takes_away_share\n");
            for t in &report.touchpoints {
                out.push_str(&format!(
                    "{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
                    t.touchpoint,
                    field(&t.title),
                    t.observations,
                    t.cases,
                    t.reach,
                    num(t.mean),
                    num(t.median),
                    num(t.p10),
                    num(t.target),
                    num(t.gap),
                    num(t.adds_share),
                    num(t.neutral_share),
                    num(t.takes_away_share)
                ));
            }
        }
        GapTable::Stages => {
            out.push_str(
                "stage,name,designed,observed,cases,reach,drop_off,drop_off_share,score,target\n",
            );
            for s in &report.stages {
                out.push_str(&format!(
                    "{},{},{},{},{},{},{},{},{},{}\n",
                    s.stage,
                    field(&s.name),
                    s.designed,
                    s.observed,
                    s.cases,
                    s.reach,
                    s.drop_off.map_or(String::new(), |d| d.to_string()),
                    num(s.drop_off_share),
                    num(s.score),
                    num(s.target)
                ));
            }
        }
        GapTable::Priority => {
            out.push_str("rank,touchpoint,title,gap,reach,weight,impact\n");
            for (i, p) in report.priority.iter().enumerate() {
                out.push_str(&format!(
                    "{},{},{},{},{},{},{}\n",
                    i + 1,
                    p.touchpoint,
                    field(&p.title),
                    p.gap,
                    p.reach,
                    p.weight,
                    p.impact
                ));
            }
        }
        GapTable::Variants => {
            out.push_str("rank,count,share,fitness,activities\n");
            for (i, v) in report.variants.iter().enumerate() {
                let acts: Vec<&str> = v.activities.iter().map(|a| a.as_ref()).collect();
                out.push_str(&format!(
                    "{},{},{},{},{}\n",
                    i + 1,
                    v.count,
                    v.share,
                    v.fitness,
                    field(&acts.join(" > "))
                ));
            }
        }
        GapTable::Dfg => {
            out.push_str("from,to,count\n");
            for e in &report.dfg {
                out.push_str(&format!(
                    "{},{},{}\n",
                    field(&e.from),
                    field(&e.to),
                    e.count
                ));
            }
        }
    }
    out
}

fn kind_name(kind: corridor_core::gap::DeviationKind) -> &'static str {
    use corridor_core::gap::DeviationKind as K;
    match kind {
        K::SkippedStep => "skipped step",
        K::DroppedOut => "dropped out before",
        K::UnexpectedActivity => "unexpected activity",
        K::Repeat => "repeat",
        K::OutOfOrder => "out of order",
    }
}

/// A table printed as aligned text or as Markdown.
struct Table {
    header: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn new(header: &[&'static str]) -> Table {
        Table {
            header: header.to_vec(),
            rows: Vec::new(),
        }
    }

    fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    fn render(&self, md: bool, out: &mut String) {
        if md {
            out.push_str(&format!(
                "| {} |\n|{}\n",
                self.header.join(" | "),
                "---|".repeat(self.header.len())
            ));
            for r in &self.rows {
                let cells: Vec<String> = r.iter().map(|c| c.replace('|', "\\|")).collect();
                out.push_str(&format!("| {} |\n", cells.join(" | ")));
            }
            return;
        }
        let width = |i: usize| {
            self.rows
                .iter()
                .map(|r| r[i].chars().count())
                .chain([self.header[i].chars().count()])
                .max()
                .unwrap_or(0)
        };
        let widths: Vec<usize> = (0..self.header.len()).map(width).collect();
        let line = |cells: Vec<&str>| {
            let padded: Vec<String> = cells
                .iter()
                .zip(&widths)
                .enumerate()
                // The first column is text (left-aligned); the others are figures.
                .map(|(i, (c, w))| {
                    if i == 0 {
                        format!("{c:<w$}")
                    } else {
                        format!("{c:>w$}")
                    }
                })
                .collect();
            format!("  {}\n", padded.join("  ").trim_end())
        };
        out.push_str(&line(self.header.clone()));
        for r in &self.rows {
            out.push_str(&line(r.iter().map(String::as_str).collect()));
        }
    }
}

/// The readable summary; `md` switches to Markdown.
pub fn summary(report: &GapReport, md: bool) -> String {
    let mut o = String::new();
    let t = &report.totals;
    let heading = |o: &mut String, title: &str| {
        o.push_str(&if md {
            format!("\n## {title}\n\n")
        } else {
            format!("\n{title}\n")
        });
    };
    if md {
        o.push_str("# Gap report\n\n");
    }
    o.push_str(&format!(
        "{} cases, {} events, {} score rows, {} activities, {} variants.\n",
        t.cases, t.events, t.score_rows, t.activities, t.variants
    ));
    let c = &report.conformance;
    let e = &report.experience;
    o.push_str(&format!(
        "Sweep: {} of {} stages with a target meet it{}. Experience score {} (mean score {}).\n\
         Conformance: log fitness {}, mean case fitness {}, {} of cases follow the corridor exactly.\n",
        report.sweep.stages_met,
        report.sweep.stages_with_target,
        if report.sweep.won { ": the journey is won" } else { "" },
        opt(e.score, 1),
        opt(e.mean, 2),
        opt(c.log_fitness, 3),
        opt(c.mean_case_fitness, 3),
        pct(c.fitting_case_share),
    ));

    heading(&mut o, "Touchpoints");
    let mut table = Table::new(&[
        "touchpoint",
        "obs",
        "reach",
        "mean",
        "target",
        "gap",
        "takes away",
    ]);
    for tp in &report.touchpoints {
        table.row(vec![
            tp.title.clone(),
            tp.observations.to_string(),
            pct(Some(tp.reach)),
            opt(tp.mean, 2),
            opt(tp.target, 2),
            opt(tp.gap, 2),
            pct(tp.takes_away_share),
        ]);
    }
    table.render(md, &mut o);

    heading(&mut o, "Stages");
    let mut table = Table::new(&["stage", "cases", "score", "target", "drop-off"]);
    for s in &report.stages {
        table.row(vec![
            s.name.clone(),
            s.cases.to_string(),
            opt(s.score, 2),
            opt(s.target, 2),
            pct(s.drop_off_share),
        ]);
    }
    table.render(md, &mut o);

    heading(&mut o, "Priority (impact = |gap| × reach × weight)");
    if report.priority.is_empty() {
        o.push_str("  No touchpoint falls short of its target.\n");
    } else {
        let mut table = Table::new(&["touchpoint", "rank", "gap", "reach", "impact"]);
        for p in &report.priority {
            table.row(vec![
                p.title.clone(),
                p.rank.to_string(),
                format!("{:.2}", p.gap),
                pct(Some(p.reach)),
                format!("{:.3}", p.impact),
            ]);
        }
        table.render(md, &mut o);
    }

    heading(&mut o, "Top deviations from the corridor");
    let mut table = Table::new(&["deviation", "cases", "occurrences"]);
    for d in report.conformance.deviations.iter().take(10) {
        table.row(vec![
            format!("{}: {}", kind_name(d.kind), d.label),
            d.cases.to_string(),
            d.occurrences.to_string(),
        ]);
    }
    table.render(md, &mut o);

    let blind = &report.blind_spots;
    heading(&mut o, "Blind spots");
    o.push_str(&format!(
        "{}{} observed activities match no touchpoint; {} designed touchpoints were never observed.\n",
        if md { "" } else { "  " },
        blind.unmatched_activities.len(),
        blind.unobserved_touchpoints.len()
    ));
    o
}
