#!/usr/bin/env python3
"""Checks Corridor's gap engine against pm4py: directly-follows counts, variants and alignment
fitness of a sequential model with optional steps.

Run on demand (needs pm4py; not part of CI):

    python3 -m venv /tmp/pm4py-venv && /tmp/pm4py-venv/bin/pip install pm4py
    /tmp/pm4py-venv/bin/python tests/pm4py/compare.py

It generates event logs with a fixed seed (skips, loops, swaps, drop-outs, unexpected
activities, equal timestamps, cases interleaved in the file), writes each as CSV, runs
`cargo run --release -p corridor-core --example gap_json` on it, computes the same figures with
pm4py on the same CSV, and compares. With --xes it also converts the real logs of
/work/shared/data/xes (or the directory given by CORRIDOR_XES_DIR) to CSV and compares DFG,
variants and fitness against their most frequent variant as the corridor. Exits 1 on any
disagreement.
"""

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime, timedelta, timezone

os.environ.setdefault("TQDM_DISABLE", "1")

import pandas as pd
import pm4py
from pm4py.objects.petri_net.obj import Marking, PetriNet
from pm4py.objects.petri_net.utils import petri_utils

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
T0 = datetime(2025, 1, 1, tzinfo=timezone.utc)


def generate(seed, cases, corridor, noise):
    """Rows (case, activity, time) in file order. corridor: [(name, optional)]."""
    rng = random.Random(seed)
    plans = []
    for c in range(cases):
        acts = []
        for k, (name, optional) in enumerate(corridor):
            if k > 0 and rng.random() < 0.05:
                break  # drop-out
            if optional and rng.random() < 0.4:
                continue
            if not optional and rng.random() < 0.04:
                continue  # skipped required step
            if rng.random() < 0.05:
                acts.append(rng.choice(noise))  # unexpected activity
            acts.append(name)
            if rng.random() < 0.05:
                acts.append(name)  # loop
        if not acts:
            acts.append(corridor[0][0])
        if len(acts) > 1 and rng.random() < 0.06:
            i = rng.randrange(len(acts) - 1)
            acts[i], acts[i + 1] = acts[i + 1], acts[i]  # out of order
        t = T0 + timedelta(seconds=rng.randrange(365 * 86400))
        events = []
        for i, a in enumerate(acts):
            if i > 0 and rng.random() > 0.05:  # 5 % share the previous timestamp
                t += timedelta(seconds=rng.randrange(60, 86400))
            events.append((f"case{c:05d}", a, t))
        plans.append(events)
    # Interleave cases: several open at once, events in time order within a case. Now and
    # then an event is written before its predecessor (the engines must sort by time, ties
    # keeping file order; a swapped pair with equal times keeps the swapped order in both).
    rows, open_cases = [], []
    pending = list(reversed(plans))
    while pending or open_cases:
        while pending and len(open_cases) < 16:
            open_cases.append(pending.pop())
        k = rng.randrange(len(open_cases))
        case = open_cases[k]
        if len(case) > 1 and case[0][2] != case[1][2] and rng.random() < 0.03:
            case[0], case[1] = case[1], case[0]
        rows.append(case.pop(0))
        if not case:
            open_cases.pop(k)
    return rows


def write_csv(path, rows):
    with open(path, "w") as f:
        f.write("case,activity,timestamp\n")
        for case, act, t in rows:
            f.write(f"{case},{act},{t.isoformat(timespec='milliseconds')}\n")


def corridor_net(corridor):
    net = PetriNet("corridor")
    places = [PetriNet.Place(f"p{i}") for i in range(len(corridor) + 1)]
    for p in places:
        net.places.add(p)
    for k, (name, optional) in enumerate(corridor):
        t = PetriNet.Transition(f"t{k}", name)
        net.transitions.add(t)
        petri_utils.add_arc_from_to(places[k], t, net)
        petri_utils.add_arc_from_to(t, places[k + 1], net)
        if optional:
            skip = PetriNet.Transition(f"skip{k}", None)
            net.transitions.add(skip)
            petri_utils.add_arc_from_to(places[k], skip, net)
            petri_utils.add_arc_from_to(skip, places[k + 1], net)
    return net, Marking({places[0]: 1}), Marking({places[-1]: 1})


def corridor_arg(corridor):
    return ",".join(name + ("?" if optional else "") for name, optional in corridor)


def corridor_engine(csv, corridor):
    cmd = ["cargo", "run", "--quiet", "--release", "-p", "corridor-core", "--example",
           "gap_json", "--", csv, corridor_arg(corridor)]
    start = time.time()
    out = subprocess.run(cmd, cwd=REPO, check=True, capture_output=True, text=True).stdout
    return json.loads(out), time.time() - start


def pm4py_figures(csv, corridor):
    df = pd.read_csv(csv, dtype={"case": str, "activity": str})
    df["timestamp"] = pd.to_datetime(df["timestamp"], utc=True, format="ISO8601")
    df = pm4py.format_dataframe(df, case_id="case", activity_key="activity",
                                timestamp_key="timestamp")
    start = time.time()
    dfg, starts, ends = pm4py.discover_dfg(df)
    variants = pm4py.get_variants(df)
    variants = {k: (v if isinstance(v, int) else len(v)) for k, v in variants.items()}
    log = pm4py.convert_to_event_log(df)
    net, im, fm = corridor_net(corridor)
    fitness = pm4py.fitness_alignments(log, net, im, fm)
    aligned = pm4py.conformance_diagnostics_alignments(log, net, im, fm)
    elapsed = time.time() - start
    traces = [tuple(e["concept:name"] for e in trace) for trace in log]
    return dict(dfg=dict(dfg), starts=dict(starts), ends=dict(ends), variants=variants,
                fitness=fitness, aligned=aligned, traces=traces, seconds=elapsed)


def compare(name, csv, corridor):
    ours, ours_s = corridor_engine(csv, corridor)
    pm = pm4py_figures(csv, corridor)
    problems = []

    our_dfg = {(e["from"], e["to"]): e["count"] for e in ours["dfg"]}
    if our_dfg != pm["dfg"]:
        problems.append(f"DFG differs: {len(set(our_dfg.items()) ^ set(pm['dfg'].items()))} edges")
    our_starts = {a["activity"]: a["count"] for a in ours["start_activities"]}
    our_ends = {a["activity"]: a["count"] for a in ours["end_activities"]}
    if our_starts != pm["starts"] or our_ends != pm["ends"]:
        problems.append("start or end activities differ")
    our_variants = {tuple(v["activities"]): v["count"] for v in ours["variants"]}
    if our_variants != pm["variants"]:
        problems.append("variants differ")
    counts = [v["count"] for v in ours["variants"]]
    if counts != sorted(counts, reverse=True):
        problems.append("variants not most frequent first")

    # Per trace: pm4py's fitness against ours for the trace's variant.
    by_variant = {tuple(v["activities"]): v for v in ours["variants"]}
    worst_trace = 0.0
    costs = bwcs = 0
    for trace, a in zip(pm["traces"], pm["aligned"]):
        v = by_variant[trace]
        worst_trace = max(worst_trace, abs(v["fitness"] - a["fitness"]))
        # pm4py's costs: 10000 per move on log or visible move on model, 1 per silent move.
        if a["cost"] // 10000 != v["cost"]:
            problems.append(f"cost of {trace}: ours {v['cost']}, pm4py {a['cost'] // 10000}")
        costs += a["cost"] // 10000
        bwcs += a["bwc"] // 10000
    if worst_trace > 1e-12:
        problems.append(f"trace fitness differs by up to {worst_trace}")

    conf = ours["conformance"]
    f = pm["fitness"]
    d_mean = abs(conf["mean_case_fitness"] - f["average_trace_fitness"])
    d_fit = abs(conf["fitting_case_share"] * 100 - f["percentage_of_fitting_traces"])
    d_log = abs(conf["log_fitness"] - f["log_fitness"])
    d_log_units = abs(conf["log_fitness"] - (1 - costs / bwcs))
    if d_mean > 1e-12 or d_fit > 1e-9 or d_log_units > 1e-12:
        problems.append(f"fitness differs: mean {d_mean}, fitting {d_fit}, log {d_log_units}")
    # pm4py's own log_fitness also counts each silent (skip) move as 1/10000 of a move.
    if d_log > 1e-3:
        problems.append(f"log fitness differs from pm4py's by {d_log}")

    print(f"{name}: {ours['totals']['cases']} cases, {ours['totals']['events']} events, "
          f"{len(our_variants)} variants, {len(our_dfg)} DFG edges")
    print(f"  DFG, start/end activities and variants: "
          f"{'equal' if not problems[:3] else 'DIFFERENT'}")
    print(f"  trace fitness: max |ours - pm4py| = {worst_trace:.1e} over "
          f"{len(pm['traces'])} traces")
    print(f"  log_fitness ours {conf['log_fitness']:.12f}, pm4py {f['log_fitness']:.12f} "
          f"(|diff| {d_log:.1e}; against pm4py's per-trace costs in move units "
          f"{d_log_units:.1e})")
    print(f"  mean_case_fitness ours {conf['mean_case_fitness']:.12f}, pm4py average_trace_fitness "
          f"{f['average_trace_fitness']:.12f} (|diff| {d_mean:.1e})")
    print(f"  fitting_case_share ours {conf['fitting_case_share'] * 100:.6f} %, pm4py "
          f"{f['percentage_of_fitting_traces']:.6f} %")
    print(f"  time: Corridor (process start, CSV read, report) {ours_s:.2f} s; pm4py DFG + variants "
          f"+ alignments {pm['seconds']:.2f} s")
    for p in problems:
        print("  PROBLEM:", p)
    return problems


def xes_to_csv(xes, csv):
    log = pm4py.read_xes(xes, return_legacy_log_object=False)
    log = log.sort_values(["case:concept:name", "time:timestamp"], kind="stable")
    with open(csv, "w") as f:
        f.write("case,activity,timestamp\n")
        for case, act, t in zip(log["case:concept:name"], log["concept:name"], log["time:timestamp"]):
            f.write(f"{str(case).replace(',', ';')},{str(act).replace(',', ';')},"
                    f"{t.isoformat(timespec='milliseconds')}\n")


def most_frequent_variant(csv):
    df = pd.read_csv(csv, dtype={"case": str, "activity": str})
    df["timestamp"] = pd.to_datetime(df["timestamp"], utc=True, format="ISO8601")
    df = pm4py.format_dataframe(df, case_id="case", activity_key="activity",
                                timestamp_key="timestamp")
    variants = pm4py.get_variants(df)
    variants = {k: (v if isinstance(v, int) else len(v)) for k, v in variants.items()}
    best = min(variants.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    return [(a, False) for a in best]


def main():
    subprocess.run(["cargo", "build", "--quiet", "--release", "-p", "corridor-core",
                    "--example", "gap_json"], cwd=REPO, check=True)
    work = tempfile.mkdtemp(prefix="corridor-pm4py-")
    noise = ["FAQ viewed", "Password reset", "Coupon searched"]
    logs = [
        ("generated-1 (6 steps, 2 optional)", 1,
         [("Ad clicked", True), ("Product viewed", False), ("Basket", False),
          ("Checkout", False), ("Review", True), ("Delivered", False)], 3000),
        ("generated-2 (10 steps, 4 optional)", 2,
         [(f"Step {k}", k % 3 == 1) for k in range(10)], 3000),
        ("generated-3 (4 steps, repeated touchpoint)", 3,
         [("Visit", False), ("Call", True), ("Visit", False), ("Buy", False)], 3000),
    ]
    problems = []
    for name, seed, corridor, cases in logs:
        csv = os.path.join(work, f"log{seed}.csv")
        write_csv(csv, generate(seed, cases, corridor, noise))
        problems += compare(name, csv, corridor)
    if "--xes" in sys.argv:
        xes_dir = os.environ.get("CORRIDOR_XES_DIR", "/work/shared/data/xes")
        for f in ["running-example.xes", "roadtraffic100traces.xes", "receipt.xes.gz"]:
            path = os.path.join(xes_dir, f)
            if not os.path.exists(path):
                print(f"{f}: not found, skipped")
                continue
            csv = os.path.join(work, f + ".csv")
            xes_to_csv(path, csv)
            problems += compare(f"{f} (corridor: its most frequent variant)", csv,
                                most_frequent_variant(csv))
    print("ALL AGREE" if not problems else f"{len(problems)} PROBLEMS")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
