"""Independent expected values for the XES tests in crates/core/tests/it/xes.rs.

Run once by hand (it needs `pip install pm4py`), and its output pasted into the tests:

    python3 crates/core/tests/data/expected.py

Counts come from pm4py's XES reader (lxml), cross-checked by a plain xml.etree pass.
"""
import collections
import gzip
import os
import xml.etree.ElementTree as ET

import pm4py

HERE = os.path.dirname(os.path.abspath(__file__))
XES = "{http://www.xes-standard.org/}"


def etree_counts(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        root = ET.parse(f).getroot()
    strip = lambda tag: tag.replace(XES, "")
    traces = [t for t in root if strip(t.tag) == "trace"]
    events = [e for t in traces for e in t if strip(e.tag) == "event"]
    return len(traces), len(events)


for name in ["running-example.xes", "receipt.xes.gz", "roadtraffic100traces.xes"]:
    path = os.path.join(HERE, name)
    df = pm4py.read_xes(path)
    ms = df["time:timestamp"].dt.tz_convert("UTC").dt.as_unit("ms").astype("int64")
    print(name)
    print("  etree traces, events:", etree_counts(path))
    print("  pm4py cases:", df["case:concept:name"].nunique(), "events:", len(df))
    print("  sum of timestamps (ms):", int(ms.sum()))
    print("  min, max timestamp (ms):", int(ms.min()), int(ms.max()))
    acts = collections.Counter(df["concept:name"])
    print("  activities:", len(acts), "most common:", acts.most_common(3))
    if "lifecycle:transition" in df:
        print("  lifecycle:", dict(collections.Counter(df["lifecycle:transition"])))
    if "case:channel" in df:
        per_event = collections.Counter(df["case:channel"])
        print("  events per trace channel:", dict(sorted(per_event.items())))
    first = df.iloc[0]
    print("  first event:", first["case:concept:name"], first["concept:name"], int(ms.iloc[0]))
