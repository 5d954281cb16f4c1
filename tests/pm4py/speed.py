#!/usr/bin/env python3
"""Times Corridor's gap engine and pm4py on the same generated log, side by side, and checks
that they agree on it (DFG, variants, and with --align the alignment fitness).

    /tmp/pm4py-venv/bin/python tests/pm4py/speed.py [--events 1000000] [--align]

The log is the retail example's corridor from `gap_scale` (each step under one name, so that
pm4py's Petri net, labelled with those names, is the same model as Corridor's corridor).
Corridor's time is the whole `gap_json` process: reading the CSV with a naive comma-split
reader (not the product's reader), the engine, and writing the report as JSON. Not part of CI.
"""

import json
import os
import subprocess
import sys
import time

os.environ.setdefault("TQDM_DISABLE", "1")

import pandas as pd
import pm4py

sys.path.insert(0, os.path.dirname(__file__))
from compare import REPO, corridor_net  # noqa: E402


def main():
    events = 1_000_000
    if "--events" in sys.argv:
        events = int(sys.argv[sys.argv.index("--events") + 1])
    csv = f"/tmp/corridor-speed-{events}.csv"
    for example in ["gap_scale", "gap_json"]:
        subprocess.run(["cargo", "build", "--quiet", "--release", "-p", "corridor-core",
                        "--example", example], cwd=REPO, check=True)
    out = subprocess.run([os.path.join(REPO, "target/release/examples/gap_scale"), str(events),
                          f"csv-out={csv}", "plain"], check=True, capture_output=True,
                         text=True).stdout
    corridor_arg = next(l for l in out.splitlines() if l.startswith("corridor: "))[10:]
    corridor = [(n.rstrip("?"), n.endswith("?")) for n in corridor_arg.split(",")]
    print(f"log: {events} events, {os.path.getsize(csv) / 1e6:.1f} MB of CSV")

    start = time.time()
    ours = json.loads(subprocess.run(
        [os.path.join(REPO, "target/release/examples/gap_json"), csv, corridor_arg],
        check=True, capture_output=True, text=True).stdout)
    ours_s = time.time() - start
    print(f"Corridor gap_json (read CSV, whole report with alignments, JSON out): {ours_s:.2f} s")

    start = time.time()
    df = pd.read_csv(csv, dtype={"case": str, "activity": str})
    df["timestamp"] = pd.to_datetime(df["timestamp"], utc=True, format="ISO8601")
    df = pm4py.format_dataframe(df, case_id="case", activity_key="activity",
                                timestamp_key="timestamp")
    load_s = time.time() - start
    start = time.time()
    dfg, _, _ = pm4py.discover_dfg(df)
    dfg_s = time.time() - start
    start = time.time()
    variants = pm4py.get_variants(df)
    variants = {k: (v if isinstance(v, int) else len(v)) for k, v in variants.items()}
    var_s = time.time() - start
    print(f"pm4py: load {load_s:.2f} s, DFG {dfg_s:.2f} s, variants {var_s:.2f} s "
          f"(load + DFG {load_s + dfg_s:.2f} s)")

    ok = {(e["from"], e["to"]): e["count"] for e in ours["dfg"]} == dict(dfg)
    ok &= {tuple(v["activities"]): v["count"] for v in ours["variants"]} == variants
    print(f"DFG and variants {'agree' if ok else 'DIFFER'}")

    net, im, fm = corridor_net(corridor)
    start = time.time()
    tbr = pm4py.fitness_token_based_replay(df, net, im, fm)
    tbr_s = time.time() - start
    print(f"pm4py token-based replay fitness: {tbr_s:.2f} s (log fitness {tbr['log_fitness']:.4f})")
    if "--align" in sys.argv:
        start = time.time()
        f = pm4py.fitness_alignments(df, net, im, fm)
        al_s = time.time() - start
        conf = ours["conformance"]
        same = abs(conf["mean_case_fitness"] - f["average_trace_fitness"]) < 1e-9
        print(f"pm4py alignments: {al_s:.2f} s; mean case fitness ours "
              f"{conf['mean_case_fitness']:.9f}, pm4py {f['average_trace_fitness']:.9f} "
              f"({'agree' if same else 'DIFFER'})")
        ok &= same
        print(f"ratio, pm4py (load + DFG + variants + alignments) / Corridor: "
              f"{(load_s + dfg_s + var_s + al_s) / ours_s:.0f}x")
    print(f"ratio, pm4py (load + DFG) / Corridor (everything): {(load_s + dfg_s) / ours_s:.1f}x")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
