#!/usr/bin/env python3
"""The gap engine side by side with pm4py, polars and a floor, on the same generated CSV logs.

Run it through `scripts/bench-gap.sh` (which builds the release binaries and makes the venv):

    scripts/bench-gap.sh [--events 1000000,10000000] [--grouped] [--align-sample 10000]

Each contestant runs as its own process under `/usr/bin/time -v`, which gives its wall time and
its peak resident memory (maximum RSS):

- floor: `csv_floor` (crates/core/examples), a line-by-line read that splits off case and
  activity and counts directly-follows pairs in file order; nothing else.
- corridor: the release `corridor gap MAP LOG.csv`, end to end (the product's CSV reader,
  layer 1, the whole report with alignments), once with `--format table` (the summary) and once
  with `--format json -o FILE` (every variant listed, which the checks read).
- polars: `read_csv`, timestamps parsed, cases ordered by time, then the group-bys that give
  per-activity events, cases (reach) and mean score, the directly-follows graph, start and end
  activities, and the variants.
- pm4py: pandas `read_csv` + `format_dataframe`, `discover_dfg`, `get_variants`; alignments
  (`fitness_alignments`) on the first N cases only (`--align-sample`), because on the whole
  1M log they take about 7 minutes here.

Then it checks that polars' counts (activities, DFG, variants, starts, ends, mean scores) and
pm4py's (DFG, variants, and on the sample the mean alignment fitness) equal Corridor's, and
exits 1 if any differ. The machine is noisy: read the ratios, and re-run.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
RELEASE = os.path.join(REPO, "target", "release")
MAP = os.path.join(REPO, "examples", "retail-omnichannel.corridor.json")
TIME_RE = re.compile(r"%Y-%m-%dT%H:%M:%S%.fZ")


# ---------------------------------------------------------------------------- contestants

def run_polars(csv, out):
    import polars as pl

    df = pl.read_csv(csv, schema_overrides={
        "case": pl.Utf8, "activity": pl.Utf8, "timestamp": pl.Utf8, "channel": pl.Utf8,
        "score": pl.Float64, "segment": pl.Utf8})
    df = (df.with_row_index("line")
          .with_columns(pl.col("timestamp").str.to_datetime("%Y-%m-%dT%H:%M:%S%.fZ",
                                                            time_unit="ms"))
          .sort(["case", "timestamp", "line"]))
    acts = (df.group_by("activity")
            .agg(pl.len().alias("events"), pl.col("case").n_unique().alias("cases"),
                 pl.col("score").count().alias("scores"), pl.col("score").mean().alias("mean")))
    dfg = (df.with_columns(pl.col("activity").shift(-1).over("case").alias("next"))
           .drop_nulls("next")
           .group_by(["activity", "next"]).agg(pl.len().alias("count")))
    traces = df.group_by("case", maintain_order=True).agg(pl.col("activity"))
    variants = traces.group_by("activity").agg(pl.len().alias("count"))
    starts = traces.group_by(pl.col("activity").list.first()).agg(pl.len().alias("count"))
    ends = traces.group_by(pl.col("activity").list.last()).agg(pl.len().alias("count"))
    result = {
        "cases": traces.height,
        "events": df.height,
        "activities": {r["activity"]: [r["events"], r["cases"], r["scores"], r["mean"]]
                       for r in acts.iter_rows(named=True)},
        "dfg": [[r["activity"], r["next"], r["count"]] for r in dfg.iter_rows(named=True)],
        "variants": [[r["activity"], r["count"]] for r in variants.iter_rows(named=True)],
        "starts": {r["activity"]: r["count"] for r in starts.iter_rows(named=True)},
        "ends": {r["activity"]: r["count"] for r in ends.iter_rows(named=True)},
    }
    with open(out, "w") as f:
        json.dump(result, f)


def run_pm4py(csv, out, corridor, sample):
    os.environ.setdefault("TQDM_DISABLE", "1")
    import pandas as pd
    import pm4py
    sys.path.insert(0, os.path.join(REPO, "tests", "pm4py"))
    from compare import corridor_net

    phases = {}
    t = time.time()
    df = pd.read_csv(csv, dtype={"case": str, "activity": str})
    df["timestamp"] = pd.to_datetime(df["timestamp"], utc=True, format="ISO8601")
    df = pm4py.format_dataframe(df, case_id="case", activity_key="activity",
                                timestamp_key="timestamp")
    phases["load"] = time.time() - t
    t = time.time()
    dfg, _, _ = pm4py.discover_dfg(df)
    phases["dfg"] = time.time() - t
    t = time.time()
    variants = pm4py.get_variants(df)
    phases["variants"] = time.time() - t
    result = {
        "dfg": [[a, b, n] for (a, b), n in dfg.items()],
        "variants": [[list(k), v if isinstance(v, int) else len(v)]
                     for k, v in variants.items()],
    }
    if sample:
        names = [(n.rstrip("?"), n.endswith("?")) for n in corridor.split(",")]
        net, im, fm = corridor_net(names)
        first = df["case:concept:name"].drop_duplicates().head(sample)
        part = df[df["case:concept:name"].isin(set(first))]
        t = time.time()
        fit = pm4py.fitness_alignments(part, net, im, fm)
        phases["alignments_sample"] = time.time() - t
        sample_variants = pm4py.get_variants(part)
        result["sample"] = {
            "cases": int(len(first)),
            "events": int(len(part)),
            "average_trace_fitness": fit["average_trace_fitness"],
            "variants": [[list(k), v if isinstance(v, int) else len(v)]
                         for k, v in sample_variants.items()],
        }
    result["phases"] = phases
    with open(out, "w") as f:
        json.dump(result, f)


# ---------------------------------------------------------------------------- measuring

def timed(cmd, label):
    """Runs cmd under /usr/bin/time -v; returns (wall s, peak RSS MiB, stdout, CPU s)."""
    proc = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"{label} failed (exit {proc.returncode})")
    wall = rss = None
    cpu = 0.0
    for line in proc.stderr.splitlines():
        line = line.strip()
        if line.startswith(("User time (seconds)", "System time (seconds)")):
            cpu += float(line.rsplit(" ", 1)[1])
        if line.startswith("Elapsed (wall clock) time"):
            clock = line.rsplit(" ", 1)[1].split(":")
            wall = sum(float(x) * 60 ** i for i, x in enumerate(reversed(clock)))
        elif line.startswith("Maximum resident set size"):
            rss = int(line.rsplit(" ", 1)[1]) / 1024
    return wall, rss, proc.stdout, cpu


def generate(events, grouped):
    """The generated log (32 cases open at once, so every case is spread through the file);
    `grouped`: the same rows stably sorted by case id, as a log exported sorted by case is."""
    csv = f"/tmp/corridor-bench-{events}.csv"
    meta = csv + ".corridor"
    if not (os.path.exists(csv) and os.path.exists(meta)):
        args = [os.path.join(RELEASE, "examples", "gap_scale"), str(events),
                f"csv-out={csv}", "plain"]
        out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
        corridor = next(l for l in out.splitlines() if l.startswith("corridor: "))[10:]
        with open(meta, "w") as f:
            f.write(corridor)
    with open(meta) as f:
        corridor = f.read().strip()
    if not grouped:
        return csv, corridor
    sorted_csv = f"/tmp/corridor-bench-{events}-grouped.csv"
    if not os.path.exists(sorted_csv):
        subprocess.run(f"(head -n 1 {csv}; tail -n +2 {csv} | LC_ALL=C sort -s -t, -k1,1) "
                       f"> {sorted_csv}.tmp && mv {sorted_csv}.tmp {sorted_csv}",
                       shell=True, check=True)
    return sorted_csv, corridor


# ---------------------------------------------------------------------------- checks

def check(ours, polars, pm4py):
    problems = []
    acts = {a["activity"]: a for a in ours["activities"]}
    if ours["totals"]["cases"] != polars["cases"]:
        problems.append(f"cases: corridor {ours['totals']['cases']}, polars {polars['cases']}")
    if ours["totals"]["events"] != polars["events"]:
        problems.append(f"events: corridor {ours['totals']['events']}, polars {polars['events']}")
    for name, (events, cases, _, _) in polars["activities"].items():
        a = acts.get(name)
        if a is None or (a["events"], a["cases"]) != (events, cases):
            problems.append(f"activity {name}: corridor {a}, polars {events} events {cases} cases")
    if len(acts) != len(polars["activities"]):
        problems.append("the activities differ")
    # Mean scores: per touchpoint matched by exactly one activity (with `plain`, every step).
    by_tp = {}
    for a in ours["activities"]:
        if a["touchpoint"]:
            by_tp.setdefault(a["touchpoint"], []).append(a["activity"])
    compared = 0
    for tp in ours["touchpoints"]:
        names = by_tp.get(tp["touchpoint"], [])
        if len(names) != 1 or tp["mean"] is None:
            continue
        _, _, scores, mean = polars["activities"][names[0]]
        if tp["event_scores"] != scores or abs(tp["mean"] - mean) > 1e-9 * max(1, abs(mean)):
            problems.append(f"scores of {names[0]}: corridor {tp['event_scores']} mean "
                            f"{tp['mean']}, polars {scores} mean {mean}")
        compared += 1
    if compared == 0:
        problems.append("no touchpoint's mean score was compared")
    dfg = {(e["from"], e["to"]): e["count"] for e in ours["dfg"]}
    variants = {tuple(v["activities"]): v["count"] for v in ours["variants"]}
    if ours["totals"]["variants"] != len(ours["variants"]):
        problems.append("the JSON does not list every variant")
    for who, theirs in [("polars", polars), ("pm4py", pm4py)]:
        if theirs is None:
            continue
        if dfg != {(a, b): n for a, b, n in theirs["dfg"]}:
            problems.append(f"DFG: corridor and {who} differ")
        if variants != {tuple(k): n for k, n in theirs["variants"]}:
            problems.append(f"variants: corridor and {who} differ")
    starts = {a["activity"]: a["count"] for a in ours["start_activities"]}
    ends = {a["activity"]: a["count"] for a in ours["end_activities"]}
    if starts != polars["starts"] or ends != polars["ends"]:
        problems.append("start or end activities: corridor and polars differ")
    if pm4py is not None and "sample" in pm4py:
        fitness = {tuple(v["activities"]): v["fitness"] for v in ours["variants"]}
        s = pm4py["sample"]
        total = sum(n for _, n in s["variants"])
        mean = sum(fitness[tuple(k)] * n for k, n in s["variants"]) / total
        if abs(mean - s["average_trace_fitness"]) > 1e-9:
            problems.append(f"sample alignment fitness: corridor {mean}, "
                            f"pm4py {s['average_trace_fitness']}")
    return problems, compared


# ---------------------------------------------------------------------------- driver

def main():
    if len(sys.argv) > 1 and sys.argv[1] == "polars":
        return run_polars(sys.argv[2], sys.argv[3])
    if len(sys.argv) > 1 and sys.argv[1] == "pm4py":
        return run_pm4py(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", default="1000000,10000000")
    ap.add_argument("--grouped", action="store_true",
                    help="also run logs whose cases are written one after the other")
    ap.add_argument("--align-sample", type=int, default=10000,
                    help="cases pm4py aligns (0: none)")
    ap.add_argument("--pm4py-max", type=int, default=10_000_000,
                    help="skip pm4py on logs with more events than this")
    args = ap.parse_args()
    corridor_bin = os.path.join(RELEASE, "corridor")
    floor_bin = os.path.join(RELEASE, "csv_floor")
    ok = True
    rows = []
    print(f"load average at the start: {os.getloadavg()[0]:.1f}")
    for events in [int(e) for e in args.events.split(",")]:
        for grouped in ([False, True] if args.grouped else [False]):
            csv, corridor = generate(events, grouped)
            mb = os.path.getsize(csv) / 1e6
            label = f"{events:,} events{' (grouped by case)' if grouped else ''}, {mb:.0f} MB"
            print(f"\n## {label}", flush=True)
            res = {}
            res["floor"] = timed([floor_bin, csv], "floor")
            print(f"floor: {res['floor'][2].strip()}", flush=True)
            res["corridor"] = timed([corridor_bin, "gap", MAP, csv], "corridor table")
            tag = f"{events}{'-grouped' if grouped else ''}"
            ours_json = f"/tmp/corridor-bench-ours-{tag}.json"
            res["corridor_json"] = timed([corridor_bin, "gap", MAP, csv, "--format", "json",
                                          "-o", ours_json], "corridor json")
            pol_json = f"/tmp/corridor-bench-polars-{tag}.json"
            res["polars"] = timed([sys.executable, __file__, "polars", csv, pol_json], "polars")
            pm_json = None
            if events <= args.pm4py_max:
                pm_json = f"/tmp/corridor-bench-pm4py-{tag}.json"
                res["pm4py"] = timed([sys.executable, __file__, "pm4py", csv, pm_json,
                                      corridor, str(args.align_sample)], "pm4py")
            with open(ours_json) as f:
                ours = json.load(f)
            with open(pol_json) as f:
                pol = json.load(f)
            pm = None
            if pm_json:
                with open(pm_json) as f:
                    pm = json.load(f)
            problems, compared = check(ours, pol, pm)
            floor, base = res["floor"][0], res["corridor"][0]
            cpu_floor, cpu_base = res["floor"][3], res["corridor"][3]
            print("| | wall | ÷ floor | ÷ corridor | CPU (user + sys) | ÷ floor | ÷ corridor "
                  "| peak RSS |")
            print("|---|---|---|---|---|---|---|---|")
            names = {
                "floor": "floor (`csv_floor`: read, split, DFG count)",
                "corridor": "**corridor gap** (table)",
                "corridor_json": "corridor gap --format json (every variant)",
                "polars": "polars (read_csv, group-bys)",
                "pm4py": "pm4py (load, DFG, variants"
                         + (f", alignments of {args.align_sample:,} cases)"
                            if args.align_sample else ")"),
            }
            for key, name in names.items():
                if key in res:
                    wall, rss, _, cpu = res[key]
                    print(f"| {name} | {wall:.2f} s | {wall / floor:.1f}× | {wall / base:.1f}× "
                          f"| {cpu:.2f} s | {cpu / cpu_floor:.1f}× | {cpu / cpu_base:.1f}× "
                          f"| {rss:.0f} MiB |")
            if pm:
                ph = pm["phases"]
                print("pm4py phases: " + ", ".join(f"{k} {v:.2f} s" for k, v in ph.items()))
                if "sample" in pm:
                    s = pm["sample"]
                    print(f"pm4py sample: {s['cases']} cases, {s['events']} events, mean "
                          f"alignment fitness {s['average_trace_fitness']:.9f}")
            print(f"checks: {ours['totals']['cases']} cases, {len(ours['activities'])} "
                  f"activities, {len(ours['dfg'])} DFG edges, {len(ours['variants'])} "
                  f"variants, {compared} mean scores: "
                  + ("all equal" if not problems else "DIFFER"), flush=True)
            for p in problems:
                print("  " + p)
            ok &= not problems
            rows.append((label, res))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
